package registry

import (
	"context"
	"database/sql"
	"path"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Limits of attachment fields (runes).
const (
	MaxAttachmentTitle    = 200
	MaxAttachmentFileName = 200
	MaxAttachments        = 100 // per entry
)

// Attachment is a file (a PDF) attached to a register entry, with an optional redacted copy.
// When there is a redacted copy the public gets only that; the original stays with the
// company. Attachments are never deleted.
type Attachment struct {
	ID               int64     `json:"id"`
	EntryID          int64     `json:"entry_id"`
	Version          int       `json:"version"` // the entry's version when it was attached
	Title            string    `json:"title"`
	FileName         string    `json:"-"`
	SHA256           string    `json:"-"`
	Size             int64     `json:"-"`
	RedactedFileName string    `json:"-"`
	RedactedSHA256   string    `json:"-"`
	RedactedSize     int64     `json:"-"`
	OriginalSalt     string    `json:"-"` // redacted only: the salt of OriginalCommitment
	CreatedBy        string    `json:"created_by"`
	CreatedAt        time.Time `json:"created_at"`
	CompanyID        int64     `json:"-"`
	EntryStatus      string    `json:"-"`
}

// Redacted reports whether the attachment has a redacted copy (which the public gets).
func (at *Attachment) Redacted() bool { return at.RedactedSHA256 != "" }

// PublicFile returns the file name, SHA-256 and size of the copy the public gets: the
// redacted copy when there is one, the original otherwise.
func (at *Attachment) PublicFile() (name, sha string, size int64) {
	if at.Redacted() {
		return at.RedactedFileName, at.RedactedSHA256, at.RedactedSize
	}
	return at.FileName, at.SHA256, at.Size
}

// PublicSHA256 is the SHA-256 of the copy the public gets (shown beside the download).
func (at *Attachment) PublicSHA256() string { _, sha, _ := at.PublicFile(); return sha }

// PublicSize is the size in bytes of the copy the public gets.
func (at *Attachment) PublicSize() int64 { _, _, n := at.PublicFile(); return n }

// NewAttachment is what an officer attaches: a title, the stored original (Files.PutPDF) with
// the name it was uploaded under, and optionally a stored redacted copy.
type NewAttachment struct {
	Title            string
	FileName         string
	File             StoredFile
	RedactedFileName string
	Redacted         *StoredFile
}

// AddAttachment links stored files to an entry (at its current version). The actor must be
// allowed to write for the entry's company, and the entry must not be withdrawn. On a
// published entry the attachment is public at once and enters the ledger in the same
// transaction (a draft's attachments enter it when the draft is published).
// Errors: EINVALID (title), EUNAUTHORIZED, EFORBIDDEN, ENOTFOUND, ECONFLICT (withdrawn entry,
// too many attachments).
func (s *Store) AddAttachment(ctx context.Context, a Actor, kind string, entryID int64, in NewAttachment) (*Attachment, error) {
	in.Title = oneLine(in.Title)
	var v Validator
	v.Text("title", in.Title, true, MaxAttachmentTitle)
	if !validSHA256(in.File.SHA256) || (in.Redacted != nil && !validSHA256(in.Redacted.SHA256)) {
		v.Add("file", msgEmptyFile)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	at := &Attachment{EntryID: entryID, Title: in.Title, FileName: cleanFileName(in.FileName), SHA256: in.File.SHA256,
		Size: in.File.Size, CreatedBy: a.Login, CreatedAt: s.now()}
	if in.Redacted != nil {
		at.RedactedFileName, at.RedactedSHA256, at.RedactedSize = cleanFileName(in.RedactedFileName), in.Redacted.SHA256, in.Redacted.Size
		salt, err := newSalt()
		if err != nil {
			return nil, Internal(err)
		}
		at.OriginalSalt = salt
	}
	err := s.inEntryTx(ctx, a, kind, entryID, func(tx *sql.Tx, m *EntryMeta) error {
		if m.Status == StatusWithdrawn {
			return Errorf(ECONFLICT, "Wpis został wycofany; nie można dodawać do niego załączników.")
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM attachments WHERE entry_id = ?`, entryID).Scan(&n); err != nil {
			return err
		}
		if n >= MaxAttachments {
			return Errorf(ECONFLICT, "Wpis ma już %d załączników — więcej dodać nie można.", MaxAttachments)
		}
		at.Version, at.CompanyID, at.EntryStatus = m.Version, m.CompanyID, m.Status
		res, err := tx.ExecContext(ctx, `INSERT INTO attachments (entry_id, version, title, file_name, sha256, size, redacted_file_name, redacted_sha256, redacted_size, original_salt, created_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, entryID, at.Version, at.Title, at.FileName, at.SHA256, at.Size,
			at.RedactedFileName, at.RedactedSHA256, at.RedactedSize, at.OriginalSalt, at.CreatedBy, fmtTime(at.CreatedAt))
		if err != nil {
			return err
		}
		if at.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		if m.Status != StatusDraft {
			w, err := newEntryWriter(ctx, tx)
			if err != nil {
				return err
			}
			if err := w.attachmentLinks(ctx, []*Attachment{at}, fmtTime(at.CreatedAt)); err != nil {
				return err
			}
			// The entry's public page, its feeds and the ledger changed: the change sequence
			// names that state (entity tags, the search index re-reading the entry).
			if err := w.changed(ctx, entryID, kind); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, a, AuditAttachmentAdd, AuditKindAttachment, at.ID, m.CompanyID, auditAttachmentDetail(at))
	})
	if err != nil {
		return nil, err
	}
	return at, nil
}

const attachmentSelect = `SELECT a.id, a.entry_id, a.version, a.title, a.file_name, a.sha256, a.size, a.redacted_file_name,
	a.redacted_sha256, a.redacted_size, a.original_salt, a.created_by, a.created_at, e.company_id, e.status
	FROM attachments a JOIN entries e ON e.id = a.entry_id`

func scanAttachment(row interface{ Scan(...any) error }) (*Attachment, error) {
	at := &Attachment{}
	err := row.Scan(&at.ID, &at.EntryID, &at.Version, &at.Title, &at.FileName, &at.SHA256, &at.Size, &at.RedactedFileName,
		&at.RedactedSHA256, &at.RedactedSize, &at.OriginalSalt, &at.CreatedBy, (*timeCol)(&at.CreatedAt), &at.CompanyID, &at.EntryStatus)
	return at, err
}

// visibleTo reports whether the actor may see the attachment at all: the entry is public,
// or the actor may write for its company (drafts).
func (at *Attachment) visibleTo(a Actor) bool {
	return at.EntryStatus != StatusDraft || a.CanWriteCompany(at.CompanyID)
}

// FindAttachments returns the attachments of an entry the actor may see, oldest first (none
// for someone else's draft).
func (s *Store) FindAttachments(ctx context.Context, a Actor, entryID int64) ([]*Attachment, error) {
	rows, err := s.read.QueryContext(ctx, attachmentSelect+` WHERE a.entry_id = ? ORDER BY a.id`, entryID)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	var out []*Attachment
	for rows.Next() {
		at, err := scanAttachment(rows)
		if err != nil {
			return nil, formatError(err)
		}
		if !at.visibleTo(a) {
			return nil, nil
		}
		out = append(out, at)
	}
	return out, formatError(rows.Err())
}

// FindAttachment returns one attachment the actor may see. Errors: ENOTFOUND (also for
// attachments of someone else's draft).
func (s *Store) FindAttachment(ctx context.Context, a Actor, id int64) (*Attachment, error) {
	at, err := scanAttachment(s.read.QueryRowContext(ctx, attachmentSelect+` WHERE a.id = ?`, id))
	if err == sql.ErrNoRows || (err == nil && !at.visibleTo(a)) {
		return nil, Errorf(ENOTFOUND, "Nie ma załącznika nr %d.", id)
	} else if err != nil {
		return nil, formatError(err)
	}
	return at, nil
}

// FindAttachmentOriginal returns an attachment whose original the actor may download: only
// those who may write for the entry's company get the original of a redacted attachment.
// Errors: ENOTFOUND, EUNAUTHORIZED, EFORBIDDEN.
func (s *Store) FindAttachmentOriginal(ctx context.Context, a Actor, id int64) (*Attachment, error) {
	at, err := s.FindAttachment(ctx, a, id)
	if err != nil {
		return nil, err
	}
	if err := a.RequireCompanyWrite(at.CompanyID); err != nil {
		return nil, err
	}
	return at, nil
}

// cleanFileName keeps the base name of what a browser sent, without control or bidi
// characters and quotes, at most MaxAttachmentFileName runes; "zalacznik.pdf" when nothing is left.
func cleanFileName(name string) string {
	name = strings.ReplaceAll(name, `\`, "/")
	name = path.Base(name)
	if !utf8.ValidString(name) {
		name = strings.ToValidUTF8(name, "")
	}
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || isBidiControl(r) || r == '"' || r == '/' {
			return -1
		}
		return r
	}, name)
	name = oneLine(name)
	if r := []rune(name); len(r) > MaxAttachmentFileName {
		name = string(r[len(r)-MaxAttachmentFileName:])
	}
	if name == "" || name == "." || name == ".." {
		return "zalacznik.pdf"
	}
	return name
}

// auditAttachmentDetail notes in the audit log which entry got which file: the title and the
// public copy's SHA-256 (shortened).
func auditAttachmentDetail(at *Attachment) string {
	d := "wpis " + strconv.FormatInt(at.EntryID, 10) + ": " + at.Title + " (SHA-256 " + at.SHA256[:12] + "…"
	if at.Redacted() {
		d += ", kopia z wyłączeniami " + at.RedactedSHA256[:12] + "…"
	}
	return d + ")"
}
