package appeals

import (
	"context"
	"encoding/json"
	"time"

	"jawnosc/registry"
)

// Summary is a request as listed: the projection row, no log.
type Summary struct {
	ID          int64             `json:"id"`
	Ref         string            `json:"ref"`
	Company     *registry.Company `json:"-"`
	Subject     string            `json:"-"` // use View for the public form
	SubmittedAt time.Time         `json:"submitted_at"`
	Stage       string            `json:"stage"`
	Outcome     string            `json:"outcome"`
	Due         registry.Date     `json:"due"`
	DueTerm     string            `json:"due_term"`
	Paused      bool              `json:"paused"`
	name, email string
}

// PublicSubject returns the subject with the requester's identity removed.
func (m *Summary) PublicSubject() string { return NewRedactor(m.name, m.email).Text(m.Subject) }

// Overdue reports whether the request's running due date passed before today.
func (m *Summary) Overdue(today registry.Date) bool {
	return m.DueTerm != "" && !m.Paused && m.Due != "" && today > m.Due
}

// DaysLeft returns the days from today to the due date (negative when overdue).
func (m *Summary) DaysLeft(today registry.Date) int {
	if m.Due == "" {
		return 0
	}
	return registry.DaysBetween(today, m.Due)
}

// RequestFilter selects requests; nil fields are not filtered.
type RequestFilter struct {
	CompanyIDs []int64 // any of these companies (nil: all)
	Outcome    *string // an Outcome code; "pending" for none yet
	Year       *int
	Stage      *string
	DueTerms   []string // only requests whose running term is one of these
	OrderByDue bool     // soonest due first (inboxes); default newest first
	Offset     int
	Limit      int // default 20, at most 200
}

func int64sJSON(ids []int64) string {
	b, _ := json.Marshal(ids)
	return string(b)
}

func stringsJSON(s []string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// FindRequests lists requests from the projection with the total count.
func (s *Service) FindRequests(ctx context.Context, f RequestFilter) ([]*Summary, int, error) {
	where, args := `1=1`, []any{}
	if f.CompanyIDs != nil {
		where += ` AND r.company_id IN (SELECT value FROM json_each(?))`
		args = append(args, int64sJSON(f.CompanyIDs))
	}
	if f.Outcome != nil {
		o := *f.Outcome
		if o == "pending" {
			o = ""
		}
		where += ` AND r.outcome = ?`
		args = append(args, o)
	}
	if f.Year != nil {
		where += ` AND r.year = ?`
		args = append(args, *f.Year)
	}
	if f.Stage != nil {
		where += ` AND r.stage = ?`
		args = append(args, *f.Stage)
	}
	if f.DueTerms != nil {
		where += ` AND r.due_term IN (SELECT value FROM json_each(?))`
		args = append(args, stringsJSON(f.DueTerms))
	}
	order := `r.submitted_at DESC, r.id DESC`
	if f.OrderByDue {
		order = `r.due_on = '', r.due_on, r.id`
	}
	limit := f.Limit
	if limit <= 0 || limit > 200 {
		limit = 20
	}
	rows, err := s.read.QueryContext(ctx, `SELECT r.id, r.ref, r.subject, r.submitted_at, r.stage, r.outcome, r.due_on, r.due_term, r.paused,
		r.requester_name, r.requester_email, c.id, c.slug, c.name, c.short_name, COUNT(*) OVER()
		FROM ir_requests r JOIN companies c ON c.id = r.company_id WHERE `+where+` ORDER BY `+order+` LIMIT ? OFFSET ?`,
		append(args, limit, f.Offset)...)
	if err != nil {
		return nil, 0, formatError(err)
	}
	defer rows.Close()
	var out []*Summary
	total := 0
	for rows.Next() {
		m := &Summary{Company: &registry.Company{}}
		var submitted, due string
		if err := rows.Scan(&m.ID, &m.Ref, &m.Subject, &submitted, &m.Stage, &m.Outcome, &due, &m.DueTerm, &m.Paused,
			&m.name, &m.email, &m.Company.ID, &m.Company.Slug, &m.Company.Name, &m.Company.ShortName, &total); err != nil {
			return nil, 0, formatError(err)
		}
		m.SubmittedAt, m.Due = parseTime(submitted), registry.Date(due)
		out = append(out, m)
	}
	return out, total, formatError(rows.Err())
}

// Years returns the years that have requests, newest first.
func (s *Service) Years(ctx context.Context) ([]int, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT DISTINCT year FROM ir_requests ORDER BY year DESC`)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	var out []int
	for rows.Next() {
		var y int
		if err := rows.Scan(&y); err != nil {
			return nil, formatError(err)
		}
		out = append(out, y)
	}
	return out, formatError(rows.Err())
}

// AppealRow is an appeal as listed in the mayor's office's queue.
type AppealRow struct {
	Appeal
	RequestID int64             `json:"request_id"`
	Ref       string            `json:"ref"`
	Company   *registry.Company `json:"-"`
}

// FindAppeals lists appeals: pending ones (soonest due first) or all (newest first).
func (s *Service) FindAppeals(ctx context.Context, pending bool, limit int) ([]AppealRow, error) {
	where, order := `1=1`, `a.id DESC`
	if pending {
		where, order = `a.result = ''`, `a.due_on, a.id`
	}
	if limit <= 0 || limit > 500 {
		limit = 100
	}
	rows, err := s.read.QueryContext(ctx, `SELECT a.id, a.request_id, r.ref, a.filed_on, a.against, a.late, a.due_on, a.result, a.decided_on, a.comply_by, a.complied_on,
		c.id, c.slug, c.name, c.short_name FROM ir_appeals a JOIN ir_requests r ON r.id = a.request_id JOIN companies c ON c.id = a.company_id
		WHERE `+where+` ORDER BY `+order+` LIMIT ?`, limit)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	var out []AppealRow
	for rows.Next() {
		a := AppealRow{Company: &registry.Company{}}
		var filed, due, decided, comply, complied string
		if err := rows.Scan(&a.ID, &a.RequestID, &a.Ref, &filed, &a.Against, &a.Late, &due, &a.Result, &decided, &comply, &complied,
			&a.Company.ID, &a.Company.Slug, &a.Company.Name, &a.Company.ShortName); err != nil {
			return nil, formatError(err)
		}
		a.FiledOn, a.Due, a.DecidedOn, a.ComplyBy, a.CompliedOn = registry.Date(filed), registry.Date(due), registry.Date(decided), registry.Date(comply), registry.Date(complied)
		out = append(out, a)
	}
	return out, formatError(rows.Err())
}
