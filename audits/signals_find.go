package audits

import (
	"context"
	"strings"

	"jawnosc/registry"
)

// SignalFilter selects signals. Nil pointers mean "not given".
type SignalFilter struct {
	CompanyID *int64
	Rule      *string
	EntryID   *int64 // signals resting on this entry
	Offset    int
	Limit     int // default 50, at most 1000
}

// FindSignals returns signals with their entries, newest date first, and the total
// matching the filter. An unknown rule is EINVALID.
func (s *Store) FindSignals(ctx context.Context, f SignalFilter) ([]*Signal, int, error) {
	var where []string
	var args []any
	if f.CompanyID != nil {
		where, args = append(where, "s.company_id = ?"), append(args, *f.CompanyID)
	}
	if f.Rule != nil {
		if registry.LabelOf(Rules, *f.Rule) == *f.Rule {
			return nil, 0, &registry.Error{Code: registry.EINVALID, Message: registry.MsgFixFields,
				Fields: map[string]string{"rule": "Nie ma takiej reguły sygnałów."}}
		}
		where, args = append(where, "s.rule = ?"), append(args, *f.Rule)
	}
	if f.EntryID != nil {
		where, args = append(where, "s.id IN (SELECT signal_id FROM signal_entries WHERE entry_id = ?)"), append(args, *f.EntryID)
	}
	q := `SELECT s.id, s.rule, s.company_id, co.slug, co.short_name, s.reason, s.total, s.on_date, s.first_seen, COUNT(*) OVER()
		FROM signals s JOIN companies co ON co.id = s.company_id`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	limit := f.Limit
	if limit <= 0 || limit > 1000 {
		limit = 50
	}
	q += ` ORDER BY s.on_date DESC, s.id DESC LIMIT ? OFFSET ?`
	args = append(args, limit, max(f.Offset, 0))
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, 0, formatError(err)
	}
	defer rows.Close()
	out := []*Signal{}
	byID := map[int64]*Signal{}
	total := 0
	for rows.Next() {
		sg := &Signal{Entries: []SignalEntry{}}
		var seen string
		if err := rows.Scan(&sg.ID, &sg.Rule, &sg.CompanyID, &sg.Company, &sg.CompanyName, &sg.Reason, &sg.Total, &sg.Date, &seen, &total); err != nil {
			return nil, 0, formatError(err)
		}
		sg.RuleLabel = registry.LabelOf(Rules, sg.Rule)
		sg.FirstSeen = parseTime(seen)
		out = append(out, sg)
		byID[sg.ID] = sg
	}
	if err := rows.Err(); err != nil {
		return nil, 0, formatError(err)
	}
	if len(out) == 0 {
		return out, total, nil
	}
	ids := make([]string, len(out))
	for i, sg := range out {
		ids[i] = itoa(sg.ID)
	}
	erows, err := s.read.QueryContext(ctx, `SELECT signal_id, entry_id, kind, label, on_date, amount FROM signal_entries
		WHERE signal_id IN (`+strings.Join(ids, ",")+`) ORDER BY signal_id, on_date, entry_id`)
	if err != nil {
		return nil, 0, formatError(err)
	}
	defer erows.Close()
	for erows.Next() {
		var id int64
		var e SignalEntry
		if err := erows.Scan(&id, &e.EntryID, &e.Kind, &e.Label, &e.Date, &e.Amount); err != nil {
			return nil, 0, formatError(err)
		}
		e.URL = entryURL(e.Kind, e.EntryID)
		byID[id].Entries = append(byID[id].Entries, e)
	}
	return out, total, formatError(erows.Err())
}

// SignalCounts returns, by company id, how many signals each company has per rule.
func (s *Store) SignalCounts(ctx context.Context) (map[int64]map[string]int, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT company_id, rule, COUNT(*) FROM signals GROUP BY company_id, rule`)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	out := map[int64]map[string]int{}
	for rows.Next() {
		var id int64
		var rule string
		var n int
		if err := rows.Scan(&id, &rule, &n); err != nil {
			return nil, formatError(err)
		}
		if out[id] == nil {
			out[id] = map[string]int{}
		}
		out[id][rule] = n
	}
	return out, formatError(rows.Err())
}
