package audits

import (
	"context"
	"database/sql"
	"time"

	"jawnosc/registry"
)

// RecheckSignals is the nightly signal recomputation check: it judges every company again
// (as after a threshold change), so signals that depend on the passing of time or on rules
// changed by an upgrade are current, and returns how many companies it recomputed.
func (s *Store) RecheckSignals(ctx context.Context) (int, error) {
	if _, err := s.db.ExecContext(ctx, `UPDATE signal_state SET gen = gen + 1 WHERE id = 1`); err != nil {
		return 0, formatError(err)
	}
	return s.CatchUp(ctx)
}

// OverdueNotice is a notice to a company that a recommendation passed its due date.
type OverdueNotice struct {
	RecommendationID int64         `json:"recommendation_id"`
	ReportID         int64         `json:"report_id"`
	CompanyID        int64         `json:"-"`
	Company          string        `json:"company"`
	Text             string        `json:"text"`
	DueOn            registry.Date `json:"due_on"`
	NoticedOn        registry.Date `json:"noticed_on"`
}

// NoticeOverdue records, on the day now falls on (Europe/Warsaw), one notice for every pending
// recommendation whose due date has passed and that was not yet noticed for that due date.
// It returns the new notices (for the company's panel and mail). Errors: EINTERNAL.
func (s *Store) NoticeOverdue(ctx context.Context, now time.Time) ([]OverdueNotice, error) {
	today := registry.DateOf(now, registry.Warsaw())
	var out []OverdueNotice
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT x.id, x.report_id, r.company_id, co.slug, x.text, x.due_on
			FROM audit_recommendations x JOIN audit_reports r ON r.id = x.report_id JOIN companies co ON co.id = r.company_id
			WHERE x.status IN ('open','in_progress') AND x.due_on < ?
			AND NOT EXISTS (SELECT 1 FROM audit_overdue_notices n WHERE n.recommendation_id = x.id AND n.due_on = x.due_on)
			ORDER BY x.id`, today)
		if err != nil {
			return err
		}
		for rows.Next() {
			n := OverdueNotice{NoticedOn: today}
			if err := rows.Scan(&n.RecommendationID, &n.ReportID, &n.CompanyID, &n.Company, &n.Text, &n.DueOn); err != nil {
				rows.Close()
				return err
			}
			out = append(out, n)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, n := range out {
			if _, err := tx.ExecContext(ctx, `INSERT INTO audit_overdue_notices (recommendation_id, due_on, company_id, noticed_on) VALUES (?, ?, ?, ?)`,
				n.RecommendationID, n.DueOn, n.CompanyID, n.NoticedOn); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// FindOverdueNotices returns the notices of a company (every company when companyID is 0),
// newest first, at most limit.
func (s *Store) FindOverdueNotices(ctx context.Context, companyID int64, limit int) ([]OverdueNotice, error) {
	q := `SELECT x.id, x.report_id, n.company_id, co.slug, x.text, n.due_on, n.noticed_on
		FROM audit_overdue_notices n JOIN audit_recommendations x ON x.id = n.recommendation_id JOIN companies co ON co.id = n.company_id`
	args := []any{}
	if companyID != 0 {
		q += ` WHERE n.company_id = ?`
		args = append(args, companyID)
	}
	q += ` ORDER BY n.noticed_on DESC, x.id LIMIT ?`
	args = append(args, max(limit, 1))
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	out := []OverdueNotice{}
	for rows.Next() {
		var n OverdueNotice
		if err := rows.Scan(&n.RecommendationID, &n.ReportID, &n.CompanyID, &n.Company, &n.Text, &n.DueOn, &n.NoticedOn); err != nil {
			return nil, formatError(err)
		}
		out = append(out, n)
	}
	return out, formatError(rows.Err())
}
