package registry

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"strconv"
	"strings"
)

// GenesisHash is the prev_hash of the first ledger link.
const GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000"

// LedgerLink is one link of the hash chain: a published version of an entry.
type LedgerLink struct {
	Seq       int64  `json:"seq"`
	EntryID   int64  `json:"entry_id"`
	Kind      string `json:"kind"`
	Version   int    `json:"version"`
	DataHash  string `json:"data_hash"` // SHA-256 of the version record's canonical JSON
	PrevHash  string `json:"prev_hash"`
	Hash      string `json:"hash"` // SHA-256 of "seq|entry_id|version|data_hash|prev_hash"
	CreatedAt string `json:"created_at"`
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
	return SHA256Hex([]byte(b.String()))
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

func readLedgerHead(ctx context.Context, tx *sql.Tx) (ledgerHead, error) {
	h := ledgerHead{hash: GenesisHash}
	err := tx.QueryRowContext(ctx, `SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1`).Scan(&h.seq, &h.hash)
	if err == sql.ErrNoRows {
		return h, nil
	}
	return h, err
}
