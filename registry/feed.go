package registry

import (
	"context"
	"encoding/json"
	"strings"
	"time"
)

// MaxFeedItems bounds the versions a feed query returns.
const MaxFeedItems = 200

// PublishedVersion is one published version of an entry, for feeds: what changed, when
// and the content after the change.
type PublishedVersion struct {
	Seq        int64           // ledger sequence number
	EntryID    int64           // the entry
	Kind       string          // register kind
	Company    string          // company slug
	Version    int             // version number
	ChangeKind string          // initial, amendment, correction, withdrawal
	Reason     string          // why it changed (not for the initial version)
	CreatedAt  time.Time       // when the version was published
	Data       json.RawMessage // the entry's content (canonical JSON, redactions not applied)
	Current    json.RawMessage // the entry's current content (its redactions apply to every version)
}

// VersionFilter selects published versions. Nil and empty fields mean "not given".
type VersionFilter struct {
	Kind      *string
	CompanyID *int64
	EntryIDs  []int64 // only these entries (e.g. a search's hits)
	Limit     int     // 1..MaxFeedItems, default 50
}

// FindPublishedVersions returns the most recently published versions (latest first, in
// ledger order) matching f. It walks the ledger backwards from its head, so the newest
// versions of any filter come at the cost of the versions skipped.
func (s *Store) FindPublishedVersions(ctx context.Context, f VersionFilter) ([]*PublishedVersion, error) {
	if f.Limit <= 0 {
		f.Limit = 50
	}
	f.Limit = min(f.Limit, MaxFeedItems)
	var where []string
	var args []any
	// "+" keeps SQLite from answering these through the entries index and sorting every
	// matching link: walking the ledger backwards finds the newest 50 far sooner.
	if f.Kind != nil {
		where, args = append(where, "+e.kind = ?"), append(args, *f.Kind)
	}
	if f.CompanyID != nil {
		where, args = append(where, "+e.company_id = ?"), append(args, *f.CompanyID)
	}
	if f.EntryIDs != nil {
		if len(f.EntryIDs) == 0 {
			return []*PublishedVersion{}, nil
		}
		where = append(where, "l.entry_id IN (?"+strings.Repeat(",?", len(f.EntryIDs)-1)+")")
		for _, id := range f.EntryIDs {
			args = append(args, id)
		}
	}
	q := `SELECT l.seq, l.entry_id, e.kind, co.slug, v.version, v.change_kind, v.reason, v.created_at, v.data, cur.data
		FROM ledger l JOIN entries e ON e.id = l.entry_id JOIN companies co ON co.id = e.company_id
		JOIN entry_versions v ON v.entry_id = l.entry_id AND v.version = l.version
		JOIN entry_versions cur ON cur.entry_id = e.id AND cur.version = e.version`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY l.seq DESC LIMIT ?"
	args = append(args, f.Limit)
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	out := []*PublishedVersion{}
	for rows.Next() {
		p := &PublishedVersion{}
		var data, cur string
		if err := rows.Scan(&p.Seq, &p.EntryID, &p.Kind, &p.Company, &p.Version, &p.ChangeKind, &p.Reason, (*timeCol)(&p.CreatedAt), &data, &cur); err != nil {
			return nil, formatError(err)
		}
		p.Data, p.Current = json.RawMessage(data), json.RawMessage(cur)
		out = append(out, p)
	}
	return out, formatError(rows.Err())
}

// PublicContractVersion decodes a contract version's content as the public sees it: the
// fields redacted in that version or in the entry's current one are blanked (the
// redactions themselves stay listed), as in the public history.
func (v *PublishedVersion) PublicContractVersion() (ContractData, error) {
	var d, cur ContractData
	if err := decodeData(v.Data, &d); err != nil {
		return d, Internal(err)
	}
	if err := decodeData(v.Current, &cur); err != nil {
		return d, Internal(err)
	}
	return d.blank(cur.Redactions).Public(), nil
}
