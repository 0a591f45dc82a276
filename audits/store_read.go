package audits

import (
	"context"
	"database/sql"
	"strconv"
	"strings"

	"jawnosc/registry"
)

const reportColumns = `r.id, r.company_id, co.slug, co.short_name, r.title, r.auditor_kind, r.auditor_name, r.kind,
	r.period_from, r.period_to, r.started_on, r.completed_on, r.published_on, r.summary, r.pdf_sha256, r.pdf_size,
	r.council_session, r.council_date, r.filed_by, r.created_at, r.updated_at`

// pendingCounts are the SQL columns counting a report's pending and overdue recommendations
// (the one parameter is today's date).
const pendingCounts = `(SELECT COUNT(*) FROM audit_recommendations x WHERE x.report_id = r.id AND x.status IN ('open','in_progress')),
	(SELECT COUNT(*) FROM audit_recommendations x WHERE x.report_id = r.id AND x.status IN ('open','in_progress') AND x.due_on < ?)`

func scanReport(row interface{ Scan(...any) error }, extra ...any) (*Report, error) {
	r := &Report{}
	var sum, session, created, updated string
	var size int64
	var date registry.Date
	dest := append([]any{&r.ID, &r.CompanyID, &r.Company, &r.CompanyName, &r.Title, &r.AuditorKind, &r.AuditorName, &r.Kind,
		&r.PeriodFrom, &r.PeriodTo, &r.StartedOn, &r.CompletedOn, &r.PublishedOn, &r.Summary, &sum, &size,
		&session, &date, &r.FiledBy, &created, &updated, &r.Pending, &r.Overdue}, extra...)
	if err := row.Scan(dest...); err != nil {
		return nil, err
	}
	if sum != "" {
		r.PDF = &Attachment{SHA256: sum, Size: size}
	}
	if session != "" {
		r.Council = &Council{Session: session, Date: date}
	}
	r.CreatedAt, r.UpdatedAt = parseTime(created), parseTime(updated)
	return r, nil
}

// FindReportByID returns a report with its findings, recommendations (status history,
// evidence, computed overdue state) and responses. Errors: ENOTFOUND.
func (s *Store) FindReportByID(ctx context.Context, id int64) (*Report, error) {
	today := s.Today()
	r, err := scanReport(s.read.QueryRowContext(ctx, `SELECT `+reportColumns+`, `+pendingCounts+`
		FROM audit_reports r JOIN companies co ON co.id = r.company_id WHERE r.id = ?`, today, id))
	if err == sql.ErrNoRows {
		return nil, registry.Errorf(registry.ENOTFOUND, "Nie znaleziono raportu z audytu nr %d.", id)
	} else if err != nil {
		return nil, formatError(err)
	}
	if r.Findings, err = s.findings(ctx, id); err != nil {
		return nil, err
	}
	if r.Recommendations, err = s.findRecommendations(ctx, `WHERE x.report_id = ?`, id); err != nil {
		return nil, err
	}
	resps, err := s.responses(ctx, id)
	if err != nil {
		return nil, err
	}
	byRec := map[int64]*Recommendation{}
	for _, rec := range r.Recommendations {
		byRec[rec.ID] = rec
	}
	r.Responses = []Response{}
	for _, resp := range resps {
		if resp.RecommendationID != nil && byRec[*resp.RecommendationID] != nil {
			rec := byRec[*resp.RecommendationID]
			rec.Evidence = append(rec.Evidence, resp)
		} else {
			r.Responses = append(r.Responses, resp)
		}
	}
	if err := s.history(ctx, id, byRec); err != nil {
		return nil, err
	}
	return r, nil
}

func (s *Store) findings(ctx context.Context, reportID int64) ([]Finding, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, position, title, description, severity FROM audit_findings WHERE report_id = ? ORDER BY position`, reportID)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	out := []Finding{}
	for rows.Next() {
		var f Finding
		if err := rows.Scan(&f.ID, &f.Position, &f.Title, &f.Description, &f.Severity); err != nil {
			return nil, formatError(err)
		}
		out = append(out, f)
	}
	return out, formatError(rows.Err())
}

const recColumns = `x.id, x.report_id, x.finding_id, x.position, x.text, x.responsible, x.due_on, x.status, x.status_on`

func scanRecommendation(row interface{ Scan(...any) error }, extra ...any) (*Recommendation, error) {
	r := &Recommendation{History: []StatusChange{}, Evidence: []Response{}}
	var finding sql.NullInt64
	if err := row.Scan(append([]any{&r.ID, &r.ReportID, &finding, &r.Position, &r.Text, &r.Responsible, &r.DueOn, &r.Status, &r.StatusOn}, extra...)...); err != nil {
		return nil, err
	}
	if finding.Valid {
		r.FindingID = &finding.Int64
	}
	return r, nil
}

// computeOverdue sets Overdue and DaysOverdue from the due date and today.
func (r *Recommendation) computeOverdue(today registry.Date) {
	r.Overdue = IsPending(r.Status) && r.DueOn < today
	r.DaysOverdue = 0
	if r.Overdue {
		r.DaysOverdue = registry.DaysBetween(r.DueOn, today)
	}
}

func (s *Store) findRecommendations(ctx context.Context, where string, args ...any) ([]*Recommendation, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+recColumns+` FROM audit_recommendations x `+where+` ORDER BY x.report_id, x.position`, args...)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	today := s.Today()
	out := []*Recommendation{}
	for rows.Next() {
		r, err := scanRecommendation(rows)
		if err != nil {
			return nil, formatError(err)
		}
		r.computeOverdue(today)
		out = append(out, r)
	}
	return out, formatError(rows.Err())
}

// findRecommendation loads one recommendation inside a transaction. Errors: ENOTFOUND.
func findRecommendation(ctx context.Context, tx *sql.Tx, id int64) (*Recommendation, error) {
	r, err := scanRecommendation(tx.QueryRowContext(ctx, `SELECT `+recColumns+` FROM audit_recommendations x WHERE x.id = ?`, id))
	if err == sql.ErrNoRows {
		return nil, registry.Errorf(registry.ENOTFOUND, "Nie znaleziono zalecenia nr %d.", id)
	}
	return r, err
}

func (s *Store) responses(ctx context.Context, reportID int64) ([]Response, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, recommendation_id, kind, text, pdf_sha256, pdf_size, posted_by, posted_at
		FROM audit_responses WHERE report_id = ? ORDER BY id`, reportID)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	var out []Response
	for rows.Next() {
		var r Response
		var rec sql.NullInt64
		var sum, at string
		var size int64
		if err := rows.Scan(&r.ID, &rec, &r.Kind, &r.Text, &sum, &size, &r.PostedBy, &at); err != nil {
			return nil, formatError(err)
		}
		if rec.Valid {
			r.RecommendationID = &rec.Int64
		}
		if sum != "" {
			r.PDF = &Attachment{SHA256: sum, Size: size}
		}
		r.PostedAt = parseTime(at)
		out = append(out, r)
	}
	return out, formatError(rows.Err())
}

func (s *Store) history(ctx context.Context, reportID int64, byRec map[int64]*Recommendation) error {
	rows, err := s.read.QueryContext(ctx, `SELECT h.recommendation_id, h.from_status, h.to_status, h.changed_on, h.reason, h.changed_by, h.created_at
		FROM audit_status_changes h JOIN audit_recommendations x ON x.id = h.recommendation_id
		WHERE x.report_id = ? ORDER BY h.id`, reportID)
	if err != nil {
		return formatError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var h StatusChange
		var at string
		if err := rows.Scan(&id, &h.From, &h.To, &h.On, &h.Reason, &h.By, &at); err != nil {
			return formatError(err)
		}
		h.CreatedAt = parseTime(at)
		if r := byRec[id]; r != nil {
			r.History = append(r.History, h)
		}
	}
	return formatError(rows.Err())
}

// FindReports returns reports (without findings and recommendations; with their pending
// and overdue counts), newest publication first, and the total matching the filter.
func (s *Store) FindReports(ctx context.Context, f ReportFilter) ([]*Report, int, error) {
	var where []string
	args := []any{s.Today()}
	if f.CompanyID != nil {
		where, args = append(where, "r.company_id = ?"), append(args, *f.CompanyID)
	}
	if f.AuditorKind != nil {
		where, args = append(where, "r.auditor_kind = ?"), append(args, *f.AuditorKind)
	}
	if f.Year != nil {
		where, args = append(where, "r.published_on >= ? AND r.published_on < ?"),
			append(args, strconv.Itoa(*f.Year)+"-01-01", strconv.Itoa(*f.Year+1)+"-01-01")
	}
	if f.OnlyOverdue {
		where, args = append(where, "EXISTS (SELECT 1 FROM audit_recommendations x WHERE x.report_id = r.id AND x.status IN ('open','in_progress') AND x.due_on < ?)"),
			append(args, s.Today())
	}
	q := `SELECT ` + reportColumns + `, ` + pendingCounts + `, COUNT(*) OVER() FROM audit_reports r JOIN companies co ON co.id = r.company_id`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	limit := f.Limit
	if limit <= 0 || limit > 1000 {
		limit = 50
	}
	q += ` ORDER BY r.published_on DESC, r.id DESC LIMIT ? OFFSET ?`
	args = append(args, limit, max(f.Offset, 0))
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, 0, formatError(err)
	}
	defer rows.Close()
	out := []*Report{}
	total := 0
	for rows.Next() {
		r, err := scanReport(rows, &total)
		if err != nil {
			return nil, 0, formatError(err)
		}
		out = append(out, r)
	}
	return out, total, formatError(rows.Err())
}

// PendingRecommendations returns the open and in-progress recommendations of a company
// (every company when companyID is 0), with their overdue state computed for today.
func (s *Store) PendingRecommendations(ctx context.Context, companyID int64) ([]*Recommendation, error) {
	if companyID == 0 {
		return s.findRecommendations(ctx, `WHERE x.status IN ('open','in_progress')`)
	}
	return s.findRecommendations(ctx, `JOIN audit_reports r ON r.id = x.report_id WHERE r.company_id = ? AND x.status IN ('open','in_progress')`, companyID)
}

// CompanyStats is one company's audit figures.
type CompanyStats struct {
	Reports int `json:"reports"`
	Pending int `json:"pending"` // open or in progress
	Overdue int `json:"overdue"` // pending and past the due date
}

// StatsByCompany returns the audit figures of every company that has reports, by company id.
func (s *Store) StatsByCompany(ctx context.Context) (map[int64]CompanyStats, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT r.company_id, COUNT(DISTINCT r.id),
		COUNT(x.id) FILTER (WHERE x.status IN ('open','in_progress')),
		COUNT(x.id) FILTER (WHERE x.status IN ('open','in_progress') AND x.due_on < ?)
		FROM audit_reports r LEFT JOIN audit_recommendations x ON x.report_id = r.id GROUP BY r.company_id`, s.Today())
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	out := map[int64]CompanyStats{}
	for rows.Next() {
		var id int64
		var st CompanyStats
		if err := rows.Scan(&id, &st.Reports, &st.Pending, &st.Overdue); err != nil {
			return nil, formatError(err)
		}
		out[id] = st
	}
	return out, formatError(rows.Err())
}
