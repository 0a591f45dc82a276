package audits

import (
	"context"
	"database/sql"
	"sort"

	"jawnosc/registry"
)

// Timeliness is how promptly a company's contracts reach the register.
type Timeliness struct {
	Contracts   int `json:"contracts"`    // public contracts (published or withdrawn)
	OnTime      int `json:"on_time"`      // published within PublicationDays of signing
	MedianDelay int `json:"median_delay"` // days from signing to publication
	MaxDelay    int `json:"max_delay"`
}

// OnTimePct returns the share of contracts published on time, in whole percent (100 with none).
func (t Timeliness) OnTimePct() int {
	if t.Contracts == 0 {
		return 100
	}
	return t.OnTime * 100 / t.Contracts
}

// computeTimeliness reads the company's publication delays and sums them up.
func computeTimeliness(ctx context.Context, tx *sql.Tx, companyID int64) (Timeliness, error) {
	var t Timeliness
	rows, err := tx.QueryContext(ctx, `SELECT c.signed_on, e.published_at FROM contracts c JOIN entries e ON e.id = c.entry_id
		WHERE c.company_id = ? AND e.published_at IS NOT NULL`, companyID)
	if err != nil {
		return t, err
	}
	var delays []int
	for rows.Next() {
		var signed registry.Date
		var published string
		if err := rows.Scan(&signed, &published); err != nil {
			rows.Close()
			return t, err
		}
		delays = append(delays, max(registry.DaysBetween(signed, registry.DateOf(parseTime(published), registry.Warsaw())), 0))
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return t, err
	}
	t.Contracts = len(delays)
	if len(delays) > 0 {
		sort.Ints(delays)
		t.MedianDelay, t.MaxDelay = delays[len(delays)/2], delays[len(delays)-1]
		t.OnTime = sort.SearchInts(delays, PublicationDays+1)
	}
	return t, nil
}

// storeTimeliness keeps a company's filing figures.
func storeTimeliness(ctx context.Context, tx *sql.Tx, companyID int64, t Timeliness, now string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO company_supervision (company_id, contracts, on_time, median_delay, max_delay, computed_at)
		VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (company_id) DO UPDATE SET contracts = excluded.contracts, on_time = excluded.on_time,
		median_delay = excluded.median_delay, max_delay = excluded.max_delay, computed_at = excluded.computed_at`,
		companyID, t.Contracts, t.OnTime, t.MedianDelay, t.MaxDelay, now)
	return err
}

// TimelinessByCompany returns the stored filing figures by company id (computed with the signals).
func (s *Store) TimelinessByCompany(ctx context.Context) (map[int64]Timeliness, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT company_id, contracts, on_time, median_delay, max_delay FROM company_supervision`)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	out := map[int64]Timeliness{}
	for rows.Next() {
		var id int64
		var t Timeliness
		if err := rows.Scan(&id, &t.Contracts, &t.OnTime, &t.MedianDelay, &t.MaxDelay); err != nil {
			return nil, formatError(err)
		}
		out[id] = t
	}
	return out, formatError(rows.Err())
}
