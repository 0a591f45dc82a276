package appeals

import (
	"context"
	"database/sql"
	"time"

	"jawnosc/registry"
)

// Kinds and audiences of notifications.
const (
	KindReminder      = "reminder"       // to the company: a due date is near
	KindOverdueNotice = "overdue_notice" // to the resident: the company is overdue
	KindTrackingLink  = "tracking_link"  // to the resident: the private link after submission
	AudienceCompany   = "company"
	AudienceResident  = "resident"
)

// Notification is a message in the outbox. To is "" when there is no address (company
// reminders until companies have addresses): it is then only shown in the panel.
type Notification struct {
	ID        int64     `json:"id"`
	RequestID int64     `json:"request_id"`
	CompanyID int64     `json:"-"`
	Kind      string    `json:"kind"`
	Audience  string    `json:"audience"`
	To        string    `json:"-"`
	Subject   string    `json:"subject"`
	Body      string    `json:"body"`
	DedupKey  string    `json:"-"`
	CreatedAt time.Time `json:"created_at"`
	SentAt    time.Time `json:"sent_at"`
	Error     string    `json:"error,omitempty"`
}

// queue adds a notification unless one with the same DedupKey exists; it reports whether
// it was added (so a job run twice queues once).
func queue(ctx context.Context, tx *sql.Tx, n Notification, now time.Time) error {
	_, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO ir_outbox (request_id, company_id, kind, audience, to_addr, subject, body, dedup_key, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, n.RequestID, n.CompanyID, n.Kind, n.Audience, n.To, n.Subject, n.Body, n.DedupKey, fmtTime(now))
	return formatError(err)
}

// OutboxFilter selects notifications; nil fields are not filtered.
type OutboxFilter struct {
	CompanyIDs []int64 // officers see their companies' notifications
	Audience   *string
	Unsent     bool // only those not sent yet that have an address
	Limit      int  // default 100
}

// FindNotifications lists the outbox, newest first. Officers see their companies' company
// notifications, supervisors and the system everything; the public nothing (EUNAUTHORIZED).
func (s *Service) FindNotifications(ctx context.Context, a registry.Actor, f OutboxFilter) ([]Notification, error) {
	where, args := `1=1`, []any{}
	switch a.Role {
	case registry.RoleSupervisor, registry.RoleSystem, registry.RoleAdmin:
	case registry.RoleOfficer:
		where += ` AND audience = 'company' AND company_id IN (SELECT value FROM json_each(?))`
		args = append(args, int64sJSON(a.Companies))
	default:
		return nil, registry.Errorf(registry.EUNAUTHORIZED, "Zaloguj się, aby zobaczyć powiadomienia.")
	}
	if f.Audience != nil {
		where += ` AND audience = ?`
		args = append(args, *f.Audience)
	}
	if f.Unsent {
		where += ` AND sent_at = '' AND to_addr <> ''`
	}
	limit := f.Limit
	if limit <= 0 || limit > 1000 {
		limit = 100
	}
	list, err := s.notifications(ctx, where, args, "id DESC", limit)
	for i := range list {
		if list[i].Kind == KindTrackingLink {
			list[i].Body = "(wiadomość z prywatnym linkiem — treść widzi tylko adresat)"
		}
	}
	return list, err
}

// notifications runs one outbox query.
func (s *Service) notifications(ctx context.Context, where string, args []any, order string, limit int) ([]Notification, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT id, request_id, company_id, kind, audience, to_addr, subject, body, dedup_key, created_at, sent_at, error
		FROM ir_outbox WHERE `+where+` ORDER BY `+order+` LIMIT ?`, append(args, limit)...)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	var out []Notification
	for rows.Next() {
		var n Notification
		var created, sent string
		if err := rows.Scan(&n.ID, &n.RequestID, &n.CompanyID, &n.Kind, &n.Audience, &n.To, &n.Subject, &n.Body, &n.DedupKey, &created, &sent, &n.Error); err != nil {
			return nil, formatError(err)
		}
		n.CreatedAt, n.SentAt = parseTime(created), parseTime(sent)
		out = append(out, n)
	}
	return out, formatError(rows.Err())
}

// markSent records the result of sending one notification; a sent tracking-link message
// loses its body (it held the token).
func (s *Service) markSent(ctx context.Context, id int64, sendErr error) error {
	if sendErr != nil {
		_, err := s.db.ExecContext(ctx, `UPDATE ir_outbox SET error = ? WHERE id = ?`, sendErr.Error(), id)
		return formatError(err)
	}
	_, err := s.db.ExecContext(ctx, `UPDATE ir_outbox SET sent_at = ?, error = '',
		body = CASE WHEN kind = 'tracking_link' THEN '' ELSE body END WHERE id = ?`, fmtTime(s.now()), id)
	return formatError(err)
}

// unsent returns the notifications with an address that were not sent yet, oldest first.
func (s *Service) unsent(ctx context.Context, limit int) ([]Notification, error) {
	return s.notifications(ctx, `sent_at = '' AND to_addr <> ''`, nil, "id", limit)
}
