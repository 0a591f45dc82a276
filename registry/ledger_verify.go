package registry

import (
	"context"
	"database/sql"
	"fmt"
)

// VerifyReport is the outcome of recomputing the ledger.
type VerifyReport struct {
	Links    int64  `json:"links"`
	Head     string `json:"head"`
	BrokenAt int64  `json:"broken_at,omitempty"` // seq of the first broken link, 0 when intact
	Problem  string `json:"problem,omitempty"`
}

// VerifyLedger recomputes every link from the stored versions: the record hash of each
// published version and the chain of link hashes. It stops at the first broken link.
// progress (may be nil) is called with links checked so far and the total.
func (s *Store) VerifyLedger(ctx context.Context, progress func(done, total int64)) (*VerifyReport, error) {
	var total int64
	if err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM ledger`).Scan(&total); err != nil {
		return nil, formatError(err)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT l.seq, l.entry_id, l.version, l.data_hash, l.prev_hash, l.hash,
		e.kind, co.slug, v.change_kind, v.reason, v.annex_date, v.created_by, v.created_at, v.data, v.published
		FROM ledger l
		LEFT JOIN entry_versions v ON v.entry_id = l.entry_id AND v.version = l.version
		LEFT JOIN entries e ON e.id = l.entry_id
		LEFT JOIN companies co ON co.id = e.company_id
		ORDER BY l.seq`)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	rep := &VerifyReport{Head: GenesisHash}
	prev, expectSeq := GenesisHash, int64(1)
	for rows.Next() {
		var l LedgerLink
		var kind, slug, ck, reason, annex, by, at, data sql.NullString
		var published sql.NullInt64
		if err := rows.Scan(&l.Seq, &l.EntryID, &l.Version, &l.DataHash, &l.PrevHash, &l.Hash,
			&kind, &slug, &ck, &reason, &annex, &by, &at, &data, &published); err != nil {
			return nil, formatError(err)
		}
		fail := func(format string, args ...any) (*VerifyReport, error) {
			rep.BrokenAt, rep.Problem = l.Seq, fmt.Sprintf(format, args...)
			return rep, nil
		}
		if l.Seq != expectSeq {
			return fail("brak ogniwa nr %d (następne to %d)", expectSeq, l.Seq)
		}
		if !data.Valid || published.Int64 != 1 {
			return fail("ogniwo %d: brak opublikowanej wersji %d wpisu %d", l.Seq, l.Version, l.EntryID)
		}
		rec := &VersionRecord{EntryID: l.EntryID, Kind: kind.String, Company: slug.String, Version: l.Version,
			ChangeKind: ck.String, Reason: reason.String, AnnexDate: annex.String, CreatedBy: by.String,
			CreatedAt: at.String, Data: []byte(data.String)}
		h, err := RecordHash(rec)
		if err != nil {
			return fail("ogniwo %d: treść wersji nie jest poprawnym JSON-em", l.Seq)
		}
		if h != l.DataHash {
			return fail("ogniwo %d: treść wersji %d wpisu %d została zmieniona po publikacji (skrót %s, w łańcuchu %s)", l.Seq, l.Version, l.EntryID, h, l.DataHash)
		}
		if l.PrevHash != prev {
			return fail("ogniwo %d: poprzedni skrót się nie zgadza", l.Seq)
		}
		if LinkHash(l.Seq, l.EntryID, l.Version, l.DataHash, l.PrevHash) != l.Hash {
			return fail("ogniwo %d: skrót ogniwa się nie zgadza", l.Seq)
		}
		prev, rep.Head, rep.Links = l.Hash, l.Hash, rep.Links+1
		expectSeq++
		if progress != nil && rep.Links%10000 == 0 {
			progress(rep.Links, total)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, formatError(err)
	}
	if progress != nil {
		progress(rep.Links, total)
	}
	return rep, nil
}

// LedgerHead returns the last link (Seq 0 and GenesisHash when empty).
func (s *Store) LedgerHead(ctx context.Context) (*LedgerLink, error) {
	links, err := s.findLedger(ctx, `ORDER BY l.seq DESC LIMIT 1`)
	if err != nil || len(links) == 0 {
		return &LedgerLink{Hash: GenesisHash, PrevHash: GenesisHash}, err
	}
	return links[0], nil
}

// FindLedger returns up to limit links with seq > after, in order.
func (s *Store) FindLedger(ctx context.Context, after int64, limit int) ([]*LedgerLink, error) {
	if limit <= 0 || limit > 1000 {
		limit = 1000
	}
	return s.findLedger(ctx, `WHERE l.seq > ? ORDER BY l.seq LIMIT ?`, after, limit)
}

func (s *Store) findLedger(ctx context.Context, tail string, args ...any) ([]*LedgerLink, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT l.seq, l.entry_id, COALESCE(e.kind, ''), l.version, l.data_hash, l.prev_hash, l.hash, l.created_at
		FROM ledger l LEFT JOIN entries e ON e.id = l.entry_id `+tail, args...)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	out := []*LedgerLink{}
	for rows.Next() {
		l := &LedgerLink{}
		if err := rows.Scan(&l.Seq, &l.EntryID, &l.Kind, &l.Version, &l.DataHash, &l.PrevHash, &l.Hash, &l.CreatedAt); err != nil {
			return nil, formatError(err)
		}
		out = append(out, l)
	}
	return out, formatError(rows.Err())
}
