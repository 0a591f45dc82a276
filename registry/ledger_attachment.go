package registry

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"strconv"
)

// AttachmentRecord is what the ledger hashes for an attachment once it is public: the copy
// the public gets (the redacted one when there is one) and when it was attached (so the date
// a page shows cannot be moved). The original of a redacted
// attachment is not public, so the record holds only a salted commitment to it (Original),
// never its plain SHA-256: that would let anyone confirm a guess of the hidden content.
type AttachmentRecord struct {
	AttachmentID int64  `json:"attachment_id"`
	EntryID      int64  `json:"entry_id"`
	Title        string `json:"title"`
	FileName     string `json:"file_name"`
	Size         int64  `json:"size"`
	SHA256       string `json:"sha256"`
	Redacted     bool   `json:"redacted"`
	Original     string `json:"original,omitempty"` // redacted only: OriginalCommitment
	CreatedAt    string `json:"created_at"`         // when it was attached, as stored (UTC, milliseconds)
}

// Record returns the attachment's ledger record.
func (at *Attachment) Record() AttachmentRecord {
	name, sha, size := at.PublicFile()
	r := AttachmentRecord{AttachmentID: at.ID, EntryID: at.EntryID, Title: at.Title, FileName: name, Size: size, SHA256: sha,
		Redacted: at.Redacted(), CreatedAt: fmtTime(at.CreatedAt)}
	if at.Redacted() {
		r.Original = at.OriginalCommitment()
	}
	return r
}

// OriginalCommitment is the salted hash the ledger keeps of a redacted attachment's original:
// the SHA-256 of "salt|sha256|size" with the salt kept in the attachment's row ("" for an
// attachment without a redacted copy, whose original is public).
func (at *Attachment) OriginalCommitment() string {
	if !at.Redacted() {
		return ""
	}
	return SHA256Hex([]byte(at.OriginalSalt + "|" + at.SHA256 + "|" + strconv.FormatInt(at.Size, 10)))
}

// LedgerHash returns the SHA-256 of the canonical JSON of the attachment's ledger record.
func (at *Attachment) LedgerHash() (string, error) { return CanonicalHash(at.Record()) }

// newSalt returns 16 random bytes in hex.
func newSalt() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

// attachmentLinks appends an "attachment" link for each of ats (now public) inside w's
// transaction, in order.
func (w *entryWriter) attachmentLinks(ctx context.Context, ats []*Attachment, at string) error {
	for _, a := range ats {
		h, err := a.LedgerHash()
		if err != nil {
			return err
		}
		if err := w.appendLink(ctx, &LedgerLink{EntryID: a.EntryID, DataHash: h, CreatedAt: at, LinkKind: LinkAttachment, RefID: a.ID}); err != nil {
			return err
		}
	}
	return nil
}

// entryAttachments returns the attachments of an entry inside a transaction, oldest first.
func entryAttachments(ctx context.Context, q queryer, entryID int64) ([]*Attachment, error) {
	return queryAttachments(ctx, q, attachmentSelect+` WHERE a.entry_id = ? ORDER BY a.id`, entryID)
}

func queryAttachments(ctx context.Context, q queryer, query string, args ...any) ([]*Attachment, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Attachment
	for rows.Next() {
		at, err := scanAttachment(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, at)
	}
	return out, rows.Err()
}

// unlinkedAttachments selects the public attachments (of entries no longer drafts) that have
// no ledger link.
const unlinkedAttachments = attachmentSelect + ` WHERE e.status != 'draft'
	AND NOT EXISTS (SELECT 1 FROM ledger l WHERE l.link_kind = 'attachment' AND l.ref_id = a.id) ORDER BY a.id`

// backfillAttachmentLinks appends the links of the attachments that were public before
// attachments entered the ledger (migration 007 asks for it once through a meta row, which
// is removed in the same transaction).
func (s *Store) backfillAttachmentLinks(ctx context.Context) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if pending, err := TakeBackfillRequest(ctx, tx, "ledger_backfill_attachments"); err != nil || !pending {
		return err
	}
	ats, err := queryAttachments(ctx, tx, unlinkedAttachments)
	if err != nil {
		return err
	}
	w, err := newEntryWriter(ctx, tx)
	if err != nil {
		return err
	}
	if err := w.attachmentLinks(ctx, ats, fmtTime(s.now())); err != nil {
		return err
	}
	return tx.Commit()
}
