package registry

import (
	"context"
	"database/sql"
	"strconv"
)

// Totals counts contracts and sums their net values (PLN contracts only: sums in other
// currencies would mix units).
type Totals struct {
	Count    int   `json:"count"`
	ValueNet Money `json:"value_net"`
}

// YearTotal is Totals for one year of signing.
type YearTotal struct {
	Year     int   `json:"year"`
	Count    int   `json:"count"`
	ValueNet Money `json:"value_net"`
}

// ContractTotals returns the count and the PLN net sum of the contracts matching f.
func (s *Store) ContractTotals(ctx context.Context, f ContractFilter) (Totals, error) {
	where, args := contractWhere(f)
	var t Totals
	var sum sql.NullInt64
	err := s.read.QueryRowContext(ctx, `SELECT COUNT(*), SUM(CASE WHEN c.currency = 'PLN' THEN c.value_net ELSE 0 END)
		FROM contracts c JOIN entries e ON e.id = c.entry_id JOIN companies co ON co.id = c.company_id`+where, args...).Scan(&t.Count, &sum)
	t.ValueNet = Money(sum.Int64)
	return t, formatError(err)
}

// ContractTotalsByYear returns public contract totals per year of signing, newest first,
// for one company or (nil) all.
func (s *Store) ContractTotalsByYear(ctx context.Context, companyID *int64) ([]YearTotal, error) {
	q := `SELECT substr(signed_on, 1, 4) AS y, COUNT(*), SUM(CASE WHEN currency = 'PLN' THEN value_net ELSE 0 END) FROM contracts WHERE public = 1`
	var args []any
	if companyID != nil {
		q += ` AND company_id = ?`
		args = append(args, *companyID)
	}
	rows, err := s.read.QueryContext(ctx, q+` GROUP BY y ORDER BY y DESC`, args...)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	var out []YearTotal
	for rows.Next() {
		var y string
		var t YearTotal
		var sum sql.NullInt64
		if err := rows.Scan(&y, &t.Count, &sum); err != nil {
			return nil, formatError(err)
		}
		t.Year, _ = strconv.Atoi(y)
		t.ValueNet = Money(sum.Int64)
		out = append(out, t)
	}
	return out, formatError(rows.Err())
}

// CompanyTotals returns public contract totals per company id.
func (s *Store) CompanyTotals(ctx context.Context) (map[int64]Totals, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT company_id, COUNT(*), SUM(CASE WHEN currency = 'PLN' THEN value_net ELSE 0 END) FROM contracts WHERE public = 1 GROUP BY company_id`)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	out := map[int64]Totals{}
	for rows.Next() {
		var id int64
		var t Totals
		var sum sql.NullInt64
		if err := rows.Scan(&id, &t.Count, &sum); err != nil {
			return nil, formatError(err)
		}
		t.ValueNet = Money(sum.Int64)
		out[id] = t
	}
	return out, formatError(rows.Err())
}
