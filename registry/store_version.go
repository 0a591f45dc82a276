package registry

import (
	"bytes"
	"context"
	"database/sql"
	"strconv"
	"strings"
	"time"
)

// projector writes a register's projection row (its current state) for an entry.
type projector func(ctx context.Context, q queryer, m *EntryMeta, data []byte) error

// createEntry files a new entry of any register: checks the actor, stores version 1 as a
// draft or publishes it at once, and writes the projection. Returns the new id.
func (s *Store) createEntry(ctx context.Context, a Actor, kind string, companyID int64, data []byte, publish bool, project projector) (int64, error) {
	if err := a.RequireCompanyWrite(companyID); err != nil {
		return 0, err
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return 0, formatError(err)
	}
	defer tx.Rollback()
	co, err := findCompanyByID(ctx, tx, companyID)
	if err != nil {
		return 0, err
	}
	w, err := newEntryWriter(ctx, tx)
	if err != nil {
		return 0, formatError(err)
	}
	now := s.now()
	var publishedAt *time.Time
	if publish {
		publishedAt = &now
	}
	id, err := w.createEntry(ctx, kind, companyID, co.Slug, data, a.Login, now, publishedAt)
	if err != nil {
		return 0, formatError(err)
	}
	m, err := findEntryMeta(ctx, tx, id, kind)
	if err != nil {
		return 0, formatError(err)
	}
	if err := project(ctx, tx, m, data); err != nil {
		return 0, formatError(err)
	}
	if err := s.audit(ctx, tx, a, AuditEntryCreate, kind, id, companyID, ""); err != nil {
		return 0, err
	}
	if publish {
		if err := s.audit(ctx, tx, a, AuditEntryPublish, kind, id, companyID, "wersja 1"); err != nil {
			return 0, err
		}
	}
	return id, formatError(tx.Commit())
}

// updateDraft replaces the content of a draft (version 1, unpublished).
func (s *Store) updateDraft(ctx context.Context, a Actor, kind string, id int64, data []byte, project projector) error {
	return s.inEntryTx(ctx, a, kind, id, func(tx *sql.Tx, m *EntryMeta) error {
		if m.Status != StatusDraft {
			return Errorf(ECONFLICT, "Opublikowanego wpisu nie można edytować; dodaj aneks, korektę albo wycofaj wpis.")
		}
		now := fmtTime(s.now())
		if _, err := tx.ExecContext(ctx, `UPDATE entry_versions SET data = ?, created_at = ?, created_by = ? WHERE entry_id = ? AND version = 1 AND published = 0`, string(data), now, a.Login, id); err != nil {
			return formatError(err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE entries SET updated_at = ? WHERE id = ?`, now, id); err != nil {
			return formatError(err)
		}
		if err := project(ctx, tx, m, data); err != nil {
			return formatError(err)
		}
		return s.audit(ctx, tx, a, AuditEntryUpdateDraft, kind, id, m.CompanyID, "")
	})
}

// publishEntry publishes a draft: its version 1 enters the ledger and the change sequence.
func (s *Store) publishEntry(ctx context.Context, a Actor, kind string, id int64, project projector) error {
	return s.inEntryTx(ctx, a, kind, id, func(tx *sql.Tx, m *EntryMeta) error {
		if m.Status != StatusDraft {
			return Errorf(ECONFLICT, "Ten wpis jest już opublikowany.")
		}
		data, err := currentData(ctx, tx, m)
		if err != nil {
			return formatError(err)
		}
		now := s.now()
		w, err := newEntryWriter(ctx, tx)
		if err != nil {
			return formatError(err)
		}
		// The published version carries the publisher and the time of publication.
		if _, err := tx.ExecContext(ctx, `UPDATE entry_versions SET created_by = ?, created_at = ? WHERE entry_id = ? AND version = 1`, a.Login, fmtTime(now), id); err != nil {
			return formatError(err)
		}
		rec := &VersionRecord{EntryID: id, Kind: kind, Company: m.Company, Version: 1, ChangeKind: ChangeInitial,
			CreatedBy: a.Login, CreatedAt: fmtTime(now), Data: data}
		if err := w.publishDraft(ctx, rec); err != nil {
			return formatError(err)
		}
		// The draft's attachments become public with it.
		ats, err := entryAttachments(ctx, tx, id)
		if err != nil {
			return formatError(err)
		}
		if err := w.attachmentLinks(ctx, ats, fmtTime(now)); err != nil {
			return formatError(err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE entries SET status = ?, published_at = ?, updated_at = ? WHERE id = ?`, StatusPublished, fmtTime(now), fmtTime(now), id); err != nil {
			return formatError(err)
		}
		m.Status = StatusPublished
		if err := project(ctx, tx, m, data); err != nil {
			return formatError(err)
		}
		return s.audit(ctx, tx, a, AuditEntryPublish, kind, id, m.CompanyID, "wersja 1")
	})
}

// VersionInput describes a new version of a published entry.
type VersionInput struct {
	ChangeKind string // ChangeAmendment, ChangeCorrection or ChangeWithdrawal
	Reason     string // required: why the entry changes
	AnnexDate  Date   // amendments: the date of the annex (required)
}

// addVersion appends a new published version (amendment, correction or withdrawal) to a
// published entry. data is the full content after the change (nil for a withdrawal: the
// content stays). Returns EINVALID (reason, annex date, nothing changed), ECONFLICT (draft or
// withdrawn entry), EFORBIDDEN/EUNAUTHORIZED, ENOTFOUND.
func (s *Store) addVersion(ctx context.Context, a Actor, kind string, id int64, in VersionInput, data []byte, project projector) error {
	in.Reason = strings.TrimSpace(in.Reason)
	var v Validator
	v.Text("reason", in.Reason, true, 2000)
	switch in.ChangeKind {
	case ChangeAmendment:
		if in.AnnexDate == "" {
			v.Add("annex_date", "Podaj datę aneksu.")
		} else {
			normDate(&in.AnnexDate)
			v.Date("annex_date", in.AnnexDate, true)
		}
	case ChangeCorrection, ChangeWithdrawal:
		in.AnnexDate = ""
	default:
		return Errorf(EINVALID, "Nieznany rodzaj zmiany.")
	}
	if err := v.Err(); err != nil {
		return err
	}
	return s.inEntryTx(ctx, a, kind, id, func(tx *sql.Tx, m *EntryMeta) error {
		switch m.Status {
		case StatusDraft:
			return Errorf(ECONFLICT, "Wpis nie jest jeszcze opublikowany: popraw szkic albo go opublikuj.")
		case StatusWithdrawn:
			return Errorf(ECONFLICT, "Wpis został wycofany; nie można go już zmieniać.")
		}
		cur, err := currentData(ctx, tx, m)
		if err != nil {
			return formatError(err)
		}
		if data == nil {
			data = cur
		} else if bytes.Equal(data, cur) {
			return &Error{Code: EINVALID, Message: "Nowa wersja nie zmienia żadnego pola.", Fields: map[string]string{"reason": "Nowa wersja nie zmienia żadnego pola wpisu."}}
		}
		now := s.now()
		w, err := newEntryWriter(ctx, tx)
		if err != nil {
			return formatError(err)
		}
		rec := &VersionRecord{EntryID: id, Kind: kind, Company: m.Company, Version: m.Version + 1, ChangeKind: in.ChangeKind,
			Reason: in.Reason, AnnexDate: string(in.AnnexDate), CreatedBy: a.Login, CreatedAt: fmtTime(now), Data: data}
		if err := w.insertVersion(ctx, rec, true); err != nil {
			return formatError(err)
		}
		status, wreason := StatusPublished, ""
		if in.ChangeKind == ChangeWithdrawal {
			status, wreason = StatusWithdrawn, in.Reason
		}
		if _, err := tx.ExecContext(ctx, `UPDATE entries SET version = ?, status = ?, withdrawn_reason = ?, updated_at = ? WHERE id = ?`,
			rec.Version, status, wreason, fmtTime(now), id); err != nil {
			return formatError(err)
		}
		m.Version, m.Status, m.WithdrawnReason = rec.Version, status, wreason
		if err := project(ctx, tx, m, data); err != nil {
			return formatError(err)
		}
		return s.audit(ctx, tx, a, changeAction(in.ChangeKind), kind, id, m.CompanyID, "wersja "+strconv.Itoa(rec.Version))
	})
}

// inEntryTx runs fn in one write transaction on an entry the actor may write for, and
// commits when fn succeeds. Returns ENOTFOUND, EUNAUTHORIZED, EFORBIDDEN or fn's error.
func (s *Store) inEntryTx(ctx context.Context, a Actor, kind string, id int64, fn func(tx *sql.Tx, m *EntryMeta) error) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return formatError(err)
	}
	defer tx.Rollback()
	m, err := findEntryMeta(ctx, tx, id, kind)
	if err != nil {
		return formatError(err)
	}
	if err := a.RequireCompanyWrite(m.CompanyID); err != nil {
		return err
	}
	if err := fn(tx, m); err != nil {
		return formatError(err)
	}
	return formatError(tx.Commit())
}
