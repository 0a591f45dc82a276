package registry

import (
	"context"
	"fmt"
	"time"
)

// BulkContract is a contract with its history, loaded as is by LoadContracts
// (demo data, benchmarks, migrations from another register).
type BulkContract struct {
	Data        ContractData
	CreatedBy   string
	PublishedAt time.Time     // first publication
	Versions    []BulkVersion // later versions, in order
}

// BulkVersion is a later version of a bulk-loaded contract.
type BulkVersion struct {
	ChangeKind string       // ChangeAmendment, ChangeCorrection or ChangeWithdrawal
	Data       ContractData // the full content after the change (ignored for a withdrawal)
	AnnexDate  Date
	Reason     string
	At         time.Time
}

// LoadContracts loads published contracts with their histories and given timestamps in one
// transaction: all or nothing. Only the system actor (the operator's command-line tools)
// may set historical timestamps. Returns EFORBIDDEN, EINVALID (naming the item), ENOTFOUND.
func (s *Store) LoadContracts(ctx context.Context, a Actor, companyID int64, items []BulkContract) error {
	if a.Role != RoleSystem {
		return Errorf(EFORBIDDEN, "Wczytywanie danych z historią jest dostępne tylko z wiersza poleceń.")
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return formatError(err)
	}
	defer tx.Rollback()
	co, err := findCompanyByID(ctx, tx, companyID)
	if err != nil {
		return err
	}
	w, err := newEntryWriter(ctx, tx)
	if err != nil {
		return formatError(err)
	}
	proj, err := tx.PrepareContext(ctx, contractUpsert)
	if err != nil {
		return formatError(err)
	}
	upd, err := tx.PrepareContext(ctx, `UPDATE entries SET version = ?, status = ?, withdrawn_reason = ?, updated_at = ? WHERE id = ?`)
	if err != nil {
		return formatError(err)
	}
	var maxID int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM entries`).Scan(&maxID); err != nil {
		return formatError(err)
	}
	// Validation, encoding and record hashing run in a second goroutine, ahead of the inserts:
	// ids are assigned here (this transaction holds the write lock), so every hash is known
	// before its row is written.
	pctx, cancel := context.WithCancel(ctx)
	defer cancel()
	prepared := make(chan bulkPrepared, 512)
	go prepareBulk(pctx, items, maxID, co.Slug, a.Login, prepared)
	for p := range prepared {
		if p.err != nil {
			return p.err
		}
		first := p.recs[0]
		pub := parseTime(first.CreatedAt)
		if _, err := w.createEntryID(ctx, first.EntryID, KindContract, companyID, co.Slug, first.Data, first.CreatedBy, pub, &pub, first.dataHash); err != nil {
			return formatError(err)
		}
		for _, rec := range p.recs[1:] {
			if err := w.insertVersion(ctx, rec, true); err != nil {
				return formatError(err)
			}
		}
		if len(p.recs) > 1 {
			last := p.recs[len(p.recs)-1]
			if _, err := upd.ExecContext(ctx, last.Version, p.status, p.wreason, last.CreatedAt, first.EntryID); err != nil {
				return formatError(err)
			}
		}
		m := &EntryMeta{ID: first.EntryID, CompanyID: companyID, Status: p.status}
		if _, err := proj.ExecContext(ctx, contractRowArgs(m, &p.final)...); err != nil {
			return formatError(err)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := s.audit(ctx, tx, a, AuditEntryBulkLoad, KindContract, 0, companyID, fmt.Sprintf("%d umów", len(items))); err != nil {
		return err
	}
	return formatError(tx.Commit())
}

func itemError(i int, err error) error {
	e := &Error{Code: EINVALID, Message: fmt.Sprintf("Pozycja %d: %s", i+1, ErrorMessage(err)), Fields: map[string]string{}}
	for k, v := range ErrorFields(err) {
		e.Fields[fmt.Sprintf("%d.%s", i+1, k)] = v
	}
	return e
}

// ImportContracts publishes many contracts of one company in one transaction: all or
// nothing. Every item is validated first; on any invalid item nothing is written and the
// error names each bad item's fields as "N.field". Returns the number imported.
func (s *Store) ImportContracts(ctx context.Context, a Actor, companyID int64, items []ContractData) (int, error) {
	if err := a.RequireCompanyWrite(companyID); err != nil {
		return 0, err
	}
	bad := &Error{Code: EINVALID, Fields: map[string]string{}}
	datas := make([][]byte, len(items))
	for i := range items {
		data, err := prepareContract(&items[i])
		if err != nil {
			for k, v := range ErrorFields(err) {
				bad.Fields[fmt.Sprintf("%d.%s", i+1, k)] = v
			}
			continue
		}
		datas[i] = data
	}
	if len(bad.Fields) > 0 {
		bad.Message = fmt.Sprintf("Import odrzucony: %d błędów; nic nie zostało zapisane.", len(bad.Fields))
		return 0, bad
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
	for _, data := range datas {
		id, err := w.createEntry(ctx, KindContract, companyID, co.Slug, data, a.Login, now, &now)
		if err != nil {
			return 0, formatError(err)
		}
		m := &EntryMeta{ID: id, CompanyID: companyID, Status: StatusPublished}
		if err := projectContract(ctx, tx, m, data); err != nil {
			return 0, formatError(err)
		}
		if err := s.audit(ctx, tx, a, AuditEntryImport, KindContract, id, companyID, ""); err != nil {
			return 0, err
		}
	}
	return len(items), formatError(tx.Commit())
}

// bulkPrepared is one validated bulk contract: its version records with their hashes, the
// final content (for the projection) and the final status.
type bulkPrepared struct {
	recs            []*VersionRecord
	final           ContractData
	status, wreason string
	err             error
}

// prepareBulk validates and encodes items in order, assigning ids after maxID, and sends
// them on out; it stops at the first invalid item (sent with err) or when ctx ends.
func prepareBulk(ctx context.Context, items []BulkContract, maxID int64, company, login string, out chan<- bulkPrepared) {
	defer close(out)
	send := func(p bulkPrepared) bool {
		select {
		case out <- p:
			return p.err == nil
		case <-ctx.Done():
			return false
		}
	}
	for i := range items {
		it := &items[i]
		data, err := prepareContract(&it.Data)
		if err != nil {
			send(bulkPrepared{err: itemError(i, err)})
			return
		}
		by := it.CreatedBy
		if by == "" {
			by = login
		}
		id := maxID + int64(i) + 1
		p := bulkPrepared{final: it.Data, status: StatusPublished}
		p.recs = append(p.recs, &VersionRecord{EntryID: id, Kind: KindContract, Company: company, Version: 1,
			ChangeKind: ChangeInitial, CreatedBy: by, CreatedAt: fmtTime(it.PublishedAt), Data: data})
		for _, v := range it.Versions {
			if v.ChangeKind != ChangeWithdrawal {
				p.final = v.Data
				if data, err = prepareContract(&p.final); err != nil {
					send(bulkPrepared{err: itemError(i, err)})
					return
				}
			} else {
				p.status, p.wreason = StatusWithdrawn, v.Reason
			}
			p.recs = append(p.recs, &VersionRecord{EntryID: id, Kind: KindContract, Company: company, Version: len(p.recs) + 1,
				ChangeKind: v.ChangeKind, Reason: v.Reason, AnnexDate: string(v.AnnexDate), CreatedBy: by, CreatedAt: fmtTime(v.At), Data: data})
		}
		for _, r := range p.recs {
			if r.dataHash, err = RecordHash(r); err != nil {
				send(bulkPrepared{err: Internal(err)})
				return
			}
		}
		if !send(p) {
			return
		}
	}
}
