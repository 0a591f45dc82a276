package appeals

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"fmt"
	"time"

	"jawnosc/registry"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Service keeps information requests in the registry's database (its own tables, namespace
// "appeals") and is the only way to change them: every write is one transaction that loads
// the log, checks authorization and the rules, appends the event and updates the projection.
type Service struct {
	store *registry.Store
	db    *sql.DB // the write pool (one connection, immediate transactions)
	read  *sql.DB
	// Now returns the current time; tests pin it.
	Now func() time.Time
	// TrackingMail, when true, queues an e-mail with the tracking link to a resident who gave
	// an address (set it only when SMTP is configured: the queued body holds the token
	// until it is sent, then it is cleared).
	TrackingMail bool
	// BaseURL prefixes links in notifications ("https://jawnosc.krakow.pl"), may be "".
	BaseURL string
}

// Open applies the package's migrations to the store's database (linking, once, the events
// written before they entered the ledger) and returns the service.
func Open(ctx context.Context, store *registry.Store) (*Service, error) {
	if err := registry.Migrate(ctx, store.DB(), migrationFS, "migrations", "appeals"); err != nil {
		return nil, err
	}
	s := &Service{store: store, db: store.DB(), read: store.ReadDB(), Now: time.Now}
	if err := s.backfillLedger(ctx); err != nil {
		return nil, fmt.Errorf("appeals: ledger: %w", err)
	}
	return s, nil
}

// now returns the current time in UTC.
func (s *Service) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

// Today returns the current day in Europe/Warsaw.
func (s *Service) Today() registry.Date { return DayOf(s.now()) }

// KindRequest is the kind of information requests in the change sequence and the search index.
const KindRequest = "request"

// Timestamps are stored as the registry stores them (UTC, sortable, with milliseconds).
var (
	fmtTime   = registry.FormatTime
	parseTime = registry.ParseTime
)

// formatError translates driver errors the one way the registry does (registry.FormatError).
var formatError = registry.FormatError

// queryer is what both *sql.DB and *sql.Tx offer.
type queryer interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Request is one information request with its whole log and derived state. Name and Email
// are private: only the resident's view shows them (see View).
type Request struct {
	ID          int64
	Ref         string
	Company     *registry.Company
	Subject     string
	Text        string
	PublicText  bool
	Name, Email string
	SubmittedAt time.Time
	Events      []Event
	State       *State
	tokenHash   string
}

// TokenMatches reports whether token is this request's tracking token.
func (r *Request) TokenMatches(token string) bool { return TokenMatches(token, r.tokenHash) }

const requestColumns = `id, ref, company_id, token_hash, requester_name, requester_email, public_text, subject, submitted_at`

// loadRequest reads a request and its log and derives its state. Returns ENOTFOUND.
func (s *Service) loadRequest(ctx context.Context, q queryer, id int64) (*Request, error) {
	r := &Request{}
	var companyID int64
	var submitted string
	err := q.QueryRowContext(ctx, `SELECT `+requestColumns+` FROM ir_requests WHERE id = ?`, id).Scan(
		&r.ID, &r.Ref, &companyID, &r.tokenHash, &r.Name, &r.Email, &r.PublicText, &r.Subject, &submitted)
	if err == sql.ErrNoRows {
		return nil, registry.Errorf(registry.ENOTFOUND, "Nie ma wniosku nr %d.", id)
	} else if err != nil {
		return nil, formatError(err)
	}
	r.SubmittedAt = parseTime(submitted)
	if r.Company, err = s.company(ctx, q, companyID); err != nil {
		return nil, err
	}
	if r.Events, err = loadEvents(ctx, q, id); err != nil {
		return nil, err
	}
	if len(r.Events) > 0 {
		r.Text = r.Events[0].Data.Text
	}
	if r.State, err = Derive(r.Events); err != nil {
		return nil, registry.Internal(fmt.Errorf("appeals: request %d: the log breaks the rules: %w", id, err))
	}
	return r, nil
}

// company reads a company by id (through the same connection as the caller's transaction).
func (s *Service) company(ctx context.Context, q queryer, id int64) (*registry.Company, error) {
	c := &registry.Company{ID: id}
	err := q.QueryRowContext(ctx, `SELECT slug, name, short_name, nip, city FROM companies WHERE id = ?`, id).
		Scan(&c.Slug, &c.Name, &c.ShortName, &c.NIP, &c.City)
	if err == sql.ErrNoRows {
		return nil, registry.Errorf(registry.ENOTFOUND, "Nie ma spółki nr %d.", id)
	}
	return c, formatError(err)
}

// loadEvents reads a request's log in order.
func loadEvents(ctx context.Context, q queryer, requestID int64) ([]Event, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, type, actor, role, at, data FROM ir_events WHERE request_id = ? ORDER BY id`, requestID)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	var out []Event
	for rows.Next() {
		e := Event{RequestID: requestID}
		var at, data string
		if err := rows.Scan(&e.ID, &e.Type, &e.Actor, &e.Role, &at, &data); err != nil {
			return nil, formatError(err)
		}
		e.At = parseTime(at)
		if err := json.Unmarshal([]byte(data), &e.Data); err != nil {
			return nil, registry.Internal(fmt.Errorf("appeals: event %d: %w", e.ID, err))
		}
		out = append(out, e)
	}
	return out, formatError(rows.Err())
}

// FindRequest returns a request with its log and state. Returns ENOTFOUND.
func (s *Service) FindRequest(ctx context.Context, id int64) (*Request, error) {
	return s.loadRequest(ctx, s.read, id)
}

// FindRequestByAppeal returns the request an appeal belongs to. Returns ENOTFOUND.
func (s *Service) FindRequestByAppeal(ctx context.Context, appealID int64) (*Request, error) {
	var id int64
	err := s.read.QueryRowContext(ctx, `SELECT request_id FROM ir_appeals WHERE id = ?`, appealID).Scan(&id)
	if err == sql.ErrNoRows {
		return nil, registry.Errorf(registry.ENOTFOUND, "Nie ma odwołania nr %d.", appealID)
	} else if err != nil {
		return nil, formatError(err)
	}
	return s.loadRequest(ctx, s.read, id)
}

// appendEvent writes ev (its ID already chosen) and refreshes the projection from st.
func appendEvent(ctx context.Context, tx *sql.Tx, r *Request, ev Event, st *State, now time.Time) error {
	data, err := json.Marshal(ev.Data)
	if err != nil {
		return registry.Internal(err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO ir_events (id, request_id, type, actor, role, at, data) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		ev.ID, r.ID, ev.Type, ev.Actor, ev.Role, fmtTime(ev.At), string(data)); err != nil {
		return formatError(err)
	}
	// the event is public from now on: its public view enters the ledger in this transaction
	if err := linkEvent(ctx, tx, r, ev, data, now); err != nil {
		return formatError(err)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE ir_requests SET stage = ?, outcome = ?, due_on = ?, due_term = ?, paused = ?,
		first_answer_on = ?, answered_late = ?, first_outcome = ?, updated_at = ? WHERE id = ?`,
		st.Stage, st.Outcome, string(st.Due), st.DueTerm, st.Paused, string(st.FirstAnswer), st.AnsweredLate, st.FirstOutcome, fmtTime(now), r.ID); err != nil {
		return formatError(err)
	}
	// the search index follows the public view of requests through the change sequence
	if _, err := tx.ExecContext(ctx, `INSERT INTO changes (entry_id, kind) VALUES (?, ?)`, r.ID, KindRequest); err != nil {
		return formatError(err)
	}
	for _, a := range st.Appeals {
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO ir_appeals (id, request_id, company_id, filed_on, against, late, due_on, result, decided_on, comply_by, complied_on)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, a.ID, r.ID, r.Company.ID, string(a.FiledOn), a.Against, a.Late, string(a.Due), a.Result,
			string(a.DecidedOn), string(a.ComplyBy), string(a.CompliedOn)); err != nil {
			return formatError(err)
		}
	}
	// The registry's audit log of every write, in the same transaction: the officer's or the
	// office's login, the resident by role only, never the requester's name or e-mail.
	return registry.RecordAudit(ctx, tx, ev.At, registry.Actor{Login: ev.Actor, Role: ev.Role}, "request."+ev.Type, KindRequest, r.ID, r.Company.ID, r.Ref)
}

// nextEventID returns the id the next event gets (the write transaction holds the lock).
func nextEventID(ctx context.Context, tx *sql.Tx) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) + 1 FROM ir_events`).Scan(&id)
	return id, formatError(err)
}
