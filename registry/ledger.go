package registry

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"
)

// GenesisHash is the prev_hash of the first ledger link.
const GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000"

// Link kinds: what a ledger link commits to. Other packages add their own (audit reports).
const (
	LinkVersion    = "version"    // a published version of an entry
	LinkAttachment = "attachment" // a file that became public with an entry (RefID: the attachment)
)

// LedgerLink is one link of the hash chain: a published version of an entry, or a published
// file (LinkKind says which; RefID names the attachment or report, 0 for versions).
type LedgerLink struct {
	Seq       int64  `json:"seq"`
	EntryID   int64  `json:"entry_id"`  // 0 when the link names no register entry
	Kind      string `json:"kind"`      // the entry's register ("contract" …), or the link's own kind
	Version   int    `json:"version"`   // 0 for links that are not versions
	DataHash  string `json:"data_hash"` // SHA-256 of the linked record's canonical JSON
	PrevHash  string `json:"prev_hash"`
	Hash      string `json:"hash"` // LinkHashOf: SHA-256 of "seq|entry_id|version|data_hash|prev_hash" (+ "|link_kind|ref_id" for other kinds)
	CreatedAt string `json:"created_at"`
	LinkKind  string `json:"link_kind"`
	RefID     int64  `json:"ref_id"`
}

// VersionRecord is what the ledger hashes for a published version: the entry's identity,
// the version's metadata and its content. Its canonical JSON is published with the version.
type VersionRecord struct {
	EntryID    int64           `json:"entry_id"`
	Kind       string          `json:"kind"`
	Company    string          `json:"company"`
	Version    int             `json:"version"`
	ChangeKind string          `json:"change_kind"`
	Reason     string          `json:"reason"`
	AnnexDate  string          `json:"annex_date"`
	CreatedBy  string          `json:"created_by"`
	CreatedAt  string          `json:"created_at"`
	Data       json.RawMessage `json:"data"`

	dataHash string // RecordHash, when computed ahead (bulk loads)
}

// LinkHash computes a link's hash from its parts.
func LinkHash(seq, entryID int64, version int, dataHash, prevHash string) string {
	return SHA256Hex([]byte(linkText(seq, entryID, version, dataHash, prevHash)))
}

// linkText is what a version link's hash is the SHA-256 of: "seq|entry_id|version|data_hash|prev_hash".
func linkText(seq, entryID int64, version int, dataHash, prevHash string) string {
	var b strings.Builder
	b.WriteString(strconv.FormatInt(seq, 10))
	b.WriteByte('|')
	b.WriteString(strconv.FormatInt(entryID, 10))
	b.WriteByte('|')
	b.WriteString(strconv.Itoa(version))
	b.WriteByte('|')
	b.WriteString(dataHash)
	b.WriteByte('|')
	b.WriteString(prevHash)
	return b.String()
}

// LinkHashOf computes the hash a link should carry: LinkHash for versions (the formula every
// link had before there were other kinds, so old chains still verify), and for every other
// kind the SHA-256 of "seq|entry_id|version|data_hash|prev_hash|link_kind|ref_id".
func LinkHashOf(l *LedgerLink) string {
	text := linkText(l.Seq, l.EntryID, l.Version, l.DataHash, l.PrevHash)
	if l.LinkKind != LinkVersion && l.LinkKind != "" {
		text += "|" + l.LinkKind + "|" + strconv.FormatInt(l.RefID, 10)
	}
	return SHA256Hex([]byte(text))
}

// RecordHash returns the SHA-256 of the canonical JSON of the record.
func RecordHash(r *VersionRecord) (string, error) {
	b, err := recordCanonical(r)
	if err != nil {
		return "", err
	}
	return SHA256Hex(b), nil
}

// recordCanonical writes the record's canonical JSON directly (keys in sorted order), which
// is several times faster than a generic re-encoding; Data must already be canonical, as
// the store writes it. TestRecordCanonical checks it against CanonicalJSON.
func recordCanonical(r *VersionRecord) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(len(r.Data) + 256)
	str := func(key, v string) error {
		b.WriteString(key)
		enc, err := marshalNoEscape(v)
		b.Write(enc)
		return err
	}
	b.WriteByte('{')
	if err := str(`"annex_date":`, r.AnnexDate); err != nil {
		return nil, err
	}
	for _, kv := range [][2]string{{`,"change_kind":`, r.ChangeKind}, {`,"company":`, r.Company}, {`,"created_at":`, r.CreatedAt}, {`,"created_by":`, r.CreatedBy}} {
		if err := str(kv[0], kv[1]); err != nil {
			return nil, err
		}
	}
	b.WriteString(`,"data":`)
	if len(r.Data) == 0 {
		b.WriteString("null")
	} else {
		b.Write(r.Data)
	}
	b.WriteString(`,"entry_id":`)
	b.WriteString(strconv.FormatInt(r.EntryID, 10))
	if err := str(`,"kind":`, r.Kind); err != nil {
		return nil, err
	}
	if err := str(`,"reason":`, r.Reason); err != nil {
		return nil, err
	}
	b.WriteString(`,"version":`)
	b.WriteString(strconv.Itoa(r.Version))
	b.WriteByte('}')
	return b.Bytes(), nil
}

// ledgerHead is the last link, cached inside one write transaction for bulk loads.
type ledgerHead struct {
	seq  int64
	hash string
}

func readLedgerHead(ctx context.Context, tx queryer) (ledgerHead, error) {
	h := ledgerHead{hash: GenesisHash}
	err := tx.QueryRowContext(ctx, `SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1`).Scan(&h.seq, &h.hash)
	if err == sql.ErrNoRows {
		return h, nil
	}
	return h, err
}

// insertLedgerLink is the one statement that appends a link.
const insertLedgerLink = `INSERT INTO ledger (seq, entry_id, version, data_hash, prev_hash, hash, created_at, link_kind, ref_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`

// AppendLedgerLink appends a link of a kind other than "version" inside tx (the transaction
// that makes the record public), after the current head: entryID may be 0, refID names the
// record, dataHash is the SHA-256 of its canonical JSON. Packages keeping their own tables in
// the registry's database (audits) use it; they also give VerifyLedger a LinkChecker.
func AppendLedgerLink(ctx context.Context, tx *sql.Tx, linkKind string, entryID, refID int64, dataHash string, at time.Time) (*LedgerLink, error) {
	if linkKind == LinkVersion || linkKind == "" {
		return nil, Internal(errors.New("registry: AppendLedgerLink is for links that are not versions"))
	}
	h, err := readLedgerHead(ctx, tx)
	if err != nil {
		return nil, err
	}
	l := &LedgerLink{Seq: h.seq + 1, EntryID: entryID, DataHash: dataHash, PrevHash: h.hash,
		CreatedAt: fmtTime(at), LinkKind: linkKind, RefID: refID}
	l.Hash = LinkHashOf(l)
	if _, err := tx.ExecContext(ctx, insertLedgerLink, l.Seq, l.EntryID, l.Version, l.DataHash, l.PrevHash, l.Hash, l.CreatedAt, l.LinkKind, l.RefID); err != nil {
		return nil, err
	}
	return l, nil
}

// TakeBackfillRequest reports whether a migration asked, through one of the meta rows keys,
// for the links of records that were public before they entered the ledger, and removes those
// rows inside tx. The caller appends the links in the same transaction, so a backfill runs
// exactly once (or not at all, when the transaction fails).
func TakeBackfillRequest(ctx context.Context, tx *sql.Tx, keys ...string) (bool, error) {
	pending := false
	for _, key := range keys {
		res, err := tx.ExecContext(ctx, `DELETE FROM meta WHERE key = ?`, key)
		if err != nil {
			return false, err
		}
		if n, err := res.RowsAffected(); err != nil {
			return false, err
		} else if n > 0 {
			pending = true
		}
	}
	return pending, nil
}
