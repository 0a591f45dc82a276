package registry

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// VerifyReport is the outcome of recomputing the ledger.
type VerifyReport struct {
	Links    int64  `json:"links"`
	Head     string `json:"head"`
	BrokenAt int64  `json:"broken_at,omitempty"` // seq of the first broken link, 0 when intact
	Problem  string `json:"problem,omitempty"`   // also set, with BrokenAt 0, for a public record missing from an intact chain
}

// OK reports whether the chain is intact and every public record is in it.
func (r *VerifyReport) OK() bool { return r.BrokenAt == 0 && r.Problem == "" }

// LinkChecker lets VerifyLedger check the links of a kind kept by another package (audit
// reports): it recomputes what such a link must carry from the stored rows.
type LinkChecker struct {
	Kind string
	// Record returns the entry id and the data hash that the link naming refID must carry,
	// recomputed from the stored row, or a Polish problem (e.g. the row is missing).
	Record func(ctx context.Context, refID int64) (entryID int64, dataHash, problem string, err error)
	// Unlinked describes, in Polish, the first stored row that is public but has no link of
	// this kind ("" when every one has).
	Unlinked func(ctx context.Context) (string, error)
}

// VerifyLedger recomputes every link from the stored records: the record hash of each
// published version, of each public attachment and, through checkers, of the other kinds,
// and the chain of link hashes. It stops at the first broken link; when the chain is intact
// it also checks that every public attachment (and every record the checkers know) has its
// link. progress (may be nil) is called with links checked so far and the total.
// The stored files themselves are checked by Files.Verify.
func (s *Store) VerifyLedger(ctx context.Context, progress func(done, total int64), checkers ...LinkChecker) (*VerifyReport, error) {
	byKind := make(map[string]LinkChecker, len(checkers))
	for _, c := range checkers {
		byKind[c.Kind] = c
	}
	var total int64
	if err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM ledger`).Scan(&total); err != nil {
		return nil, formatError(err)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT l.seq, l.entry_id, l.version, l.data_hash, l.prev_hash, l.hash, l.link_kind, l.ref_id,
		e.kind, co.slug, v.change_kind, v.reason, v.annex_date, v.created_by, v.created_at, v.data, v.published,
		a.id, a.entry_id, a.title, a.file_name, a.sha256, a.size, a.redacted_file_name, a.redacted_sha256, a.redacted_size, a.original_salt, a.created_at
		FROM ledger l
		LEFT JOIN entry_versions v ON l.link_kind = 'version' AND v.entry_id = l.entry_id AND v.version = l.version
		LEFT JOIN entries e ON e.id = l.entry_id
		LEFT JOIN companies co ON co.id = e.company_id
		LEFT JOIN attachments a ON l.link_kind = 'attachment' AND a.id = l.ref_id
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
		var atID, atEntry, atSize, atRSize sql.NullInt64
		var atTitle, atName, atSHA, atRName, atRSHA, atSalt, atCreated sql.NullString
		if err := rows.Scan(&l.Seq, &l.EntryID, &l.Version, &l.DataHash, &l.PrevHash, &l.Hash, &l.LinkKind, &l.RefID,
			&kind, &slug, &ck, &reason, &annex, &by, &at, &data, &published,
			&atID, &atEntry, &atTitle, &atName, &atSHA, &atSize, &atRName, &atRSHA, &atRSize, &atSalt, &atCreated); err != nil {
			return nil, formatError(err)
		}
		fail := func(format string, args ...any) (*VerifyReport, error) {
			rep.BrokenAt, rep.Problem = l.Seq, fmt.Sprintf(format, args...)
			return rep, nil
		}
		if l.Seq != expectSeq {
			return fail("brak ogniwa nr %d (następne to %d)", expectSeq, l.Seq)
		}
		switch l.LinkKind {
		case LinkVersion:
			if l.RefID != 0 {
				return fail("ogniwo %d: ogniwo wersji wskazuje na rekord nr %d", l.Seq, l.RefID)
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
		case LinkAttachment:
			if !atID.Valid || atEntry.Int64 != l.EntryID || l.Version != 0 {
				return fail("ogniwo %d: brak załącznika nr %d wpisu %d", l.Seq, l.RefID, l.EntryID)
			}
			a := &Attachment{ID: atID.Int64, EntryID: atEntry.Int64, Title: atTitle.String, FileName: atName.String,
				SHA256: atSHA.String, Size: atSize.Int64, RedactedFileName: atRName.String, RedactedSHA256: atRSHA.String,
				RedactedSize: atRSize.Int64, OriginalSalt: atSalt.String, CreatedAt: parseTime(atCreated.String)}
			h, err := a.LedgerHash()
			if err != nil {
				return nil, Internal(err)
			}
			if h != l.DataHash {
				return fail("ogniwo %d: załącznik nr %d wpisu %d został zmieniony po publikacji (skrót %s, w łańcuchu %s)", l.Seq, l.RefID, l.EntryID, h, l.DataHash)
			}
		default:
			c, ok := byKind[l.LinkKind]
			if !ok {
				return fail("ogniwo %d: nieznany rodzaj ogniwa %q", l.Seq, l.LinkKind)
			}
			entryID, h, problem, err := c.Record(ctx, l.RefID)
			if err != nil {
				return nil, err
			}
			if problem != "" {
				return fail("ogniwo %d: %s", l.Seq, problem)
			}
			if entryID != l.EntryID || l.Version != 0 {
				return fail("ogniwo %d: ogniwo rodzaju %s wskazuje na zły wpis", l.Seq, l.LinkKind)
			}
			if h != l.DataHash {
				return fail("ogniwo %d: rekord %s nr %d został zmieniony po publikacji (skrót %s, w łańcuchu %s)", l.Seq, l.LinkKind, l.RefID, h, l.DataHash)
			}
		}
		if l.PrevHash != prev {
			return fail("ogniwo %d: poprzedni skrót się nie zgadza", l.Seq)
		}
		if LinkHashOf(&l) != l.Hash {
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
	rows.Close()
	if progress != nil {
		progress(rep.Links, total)
	}
	// Every public record must be in the chain: a row added behind the store's back is not,
	// nor one whose link was deleted (the end of the chain cut off still chains correctly).
	var vEntry, vVersion int64
	err = s.read.QueryRowContext(ctx, `SELECT v.entry_id, v.version FROM entry_versions v WHERE v.published = 1
		AND NOT EXISTS (SELECT 1 FROM ledger l WHERE l.entry_id = v.entry_id AND l.version = v.version AND l.link_kind = 'version')
		ORDER BY v.entry_id, v.version LIMIT 1`).Scan(&vEntry, &vVersion)
	switch {
	case err == nil:
		rep.Problem = fmt.Sprintf("wersja %d wpisu %d jest opublikowana, ale nie ma ogniwa w łańcuchu", vVersion, vEntry)
		return rep, nil
	case !errors.Is(err, sql.ErrNoRows):
		return nil, formatError(err)
	}
	unlinked, err := queryAttachments(ctx, s.read, unlinkedAttachments+` LIMIT 1`)
	if err != nil {
		return nil, formatError(err)
	}
	if len(unlinked) > 0 {
		rep.Problem = fmt.Sprintf("załącznik nr %d wpisu %d jest publiczny, ale nie ma ogniwa w łańcuchu", unlinked[0].ID, unlinked[0].EntryID)
		return rep, nil
	}
	for _, c := range checkers {
		if c.Unlinked == nil {
			continue
		}
		problem, err := c.Unlinked(ctx)
		if err != nil {
			return nil, err
		}
		if problem != "" {
			rep.Problem = problem
			return rep, nil
		}
	}
	return rep, nil
}

// LedgerHead returns the last link (Seq 0 and GenesisHash when empty).
func (s *Store) LedgerHead(ctx context.Context) (*LedgerLink, error) {
	links, err := s.findLedger(ctx, `ORDER BY l.seq DESC LIMIT 1`)
	if err != nil || len(links) == 0 {
		return &LedgerLink{Hash: GenesisHash, PrevHash: GenesisHash, LinkKind: LinkVersion}, err
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
	rows, err := s.read.QueryContext(ctx, `SELECT l.seq, l.entry_id, COALESCE(e.kind, ''), l.version, l.data_hash, l.prev_hash, l.hash, l.created_at, l.link_kind, l.ref_id
		FROM ledger l LEFT JOIN entries e ON e.id = l.entry_id `+tail, args...)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	out := []*LedgerLink{}
	for rows.Next() {
		l := &LedgerLink{}
		if err := rows.Scan(&l.Seq, &l.EntryID, &l.Kind, &l.Version, &l.DataHash, &l.PrevHash, &l.Hash, &l.CreatedAt, &l.LinkKind, &l.RefID); err != nil {
			return nil, formatError(err)
		}
		out = append(out, l)
	}
	return out, formatError(rows.Err())
}
