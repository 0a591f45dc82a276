package appeals

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"jawnosc/registry"
)

// Submit opens a request from a resident (no account needed: any actor may). It returns
// the request and its tracking token, which is shown once and never stored (only its
// SHA-256 is). Returns EINVALID with per-field Polish messages (unknown company included).
func (s *Service) Submit(ctx context.Context, a registry.Actor, in Submission) (*Request, string, error) {
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, "", err
	}
	co, err := s.store.FindCompanyBySlug(ctx, in.Company)
	if registry.ErrorCode(err) == registry.ENOTFOUND {
		return nil, "", invalid("company", "Wybierz spółkę z listy.")
	} else if err != nil {
		return nil, "", err
	}
	role, login, err := Authorize(a, false, co.ID, EvSubmitted)
	if err != nil {
		return nil, "", err
	}
	token, hash, err := NewToken()
	if err != nil {
		return nil, "", registry.Internal(err)
	}
	now := s.now()
	ev := Event{Type: EvSubmitted, Actor: login, Role: role, At: now, Data: EventData{Subject: in.Subject, Text: in.Text}}
	st := &State{}
	if err := st.Apply(ev); err != nil {
		return nil, "", err
	}

	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, "", formatError(err)
	}
	defer tx.Rollback()
	year := DayOf(now).Year()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM ir_requests WHERE company_id = ? AND year = ?`, co.ID, year).Scan(&n); err != nil {
		return nil, "", formatError(err)
	}
	r := &Request{Ref: Reference(co, year, n+1), Company: co, Subject: in.Subject, Text: in.Text, PublicText: in.PublicText,
		Name: in.Name, Email: in.Email, SubmittedAt: now, tokenHash: hash}
	res, err := tx.ExecContext(ctx, `INSERT INTO ir_requests (ref, company_id, token_hash, requester_name, requester_email, public_text, subject, submitted_at, year, stage, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, r.Ref, co.ID, hash, in.Name, in.Email, in.PublicText, in.Subject, fmtTime(now), year, st.Stage, fmtTime(now))
	if err != nil {
		return nil, "", formatError(err)
	}
	if r.ID, err = res.LastInsertId(); err != nil {
		return nil, "", formatError(err)
	}
	if ev.ID, err = nextEventID(ctx, tx); err != nil {
		return nil, "", err
	}
	ev.RequestID = r.ID
	if err := appendEvent(ctx, tx, r, ev, st, now); err != nil {
		return nil, "", err
	}
	if s.TrackingMail && in.Email != "" {
		link := s.BaseURL + TrackingPath(r.ID, token)
		body := fmt.Sprintf("Dzień dobry,\n\nprzyjęliśmy wniosek %s do spółki %s: „%s”.\nSpółka odpowiada do %s.\n\nPrywatny link do śledzenia wniosku (nie przekazuj go innym):\n%s\n\nJawność", r.Ref, co.Name, in.Subject, st.Due.Polish(), link)
		if err := queue(ctx, tx, Notification{RequestID: r.ID, CompanyID: co.ID, Kind: KindTrackingLink, Audience: AudienceResident,
			To: in.Email, Subject: "Wniosek " + r.Ref + ": prywatny link", Body: body, DedupKey: fmt.Sprintf("link:%d", r.ID)}, now); err != nil {
			return nil, "", err
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, "", formatError(err)
	}
	r.Events, r.State = []Event{ev}, st
	return r, token, nil
}

// Reference returns a request's reference number: "MPK/UDIP/2026/7".
func Reference(co *registry.Company, year, n int) string {
	short := co.ShortName
	if short == "" {
		short = co.Slug
	}
	short = strings.ToUpper(strings.Join(strings.Fields(short), "-"))
	return fmt.Sprintf("%s/UDIP/%d/%d", short, year, n)
}

// TrackingPath is the private address of a request for its resident.
func TrackingPath(id int64, token string) string {
	return fmt.Sprintf("/wnioski/%d/sledz?token=%s", id, token)
}

// act is the one write path after submission: in one transaction it loads the request,
// authorizes a (token for the resident), applies the event through the rules, appends it
// and refreshes the projection. Returns the updated request.
func (s *Service) act(ctx context.Context, a registry.Actor, id int64, token, typ string, data EventData) (*Request, error) {
	data.Normalize()
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, formatError(err)
	}
	defer tx.Rollback()
	r, err := s.loadRequest(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	role, login, err := Authorize(a, r.TokenMatches(token), r.Company.ID, typ)
	if err != nil {
		return nil, err
	}
	now := s.now()
	ev := Event{RequestID: id, Type: typ, Actor: login, Role: role, At: now, Data: data}
	if ev.ID, err = nextEventID(ctx, tx); err != nil {
		return nil, err
	}
	if err := s.prepare(ctx, tx, r, &ev); err != nil {
		return nil, err
	}
	if err := r.State.Apply(ev); err != nil {
		return nil, err
	}
	if err := appendEvent(ctx, tx, r, ev, r.State, now); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, formatError(err)
	}
	r.Events = append(r.Events, ev)
	return r, nil
}

// prepare completes an event's data from the state before the rules see it: the capped
// date of a delay, the pending appeal's id, the stored size of referenced documents.
func (s *Service) prepare(ctx context.Context, tx *sql.Tx, r *Request, ev *Event) error {
	switch ev.Type {
	case EvDelayNotified:
		ev.Data.NewDue = CapDelay(r.State.Submitted, ev.Data.RequestedDue)
	case EvAppealDecided:
		if a := r.State.CurrentAppeal(); a != nil && ev.Data.AppealID == 0 {
			ev.Data.AppealID = a.ID
		}
	case EvComplied:
		if a := r.State.CurrentAppeal(); a != nil {
			ev.Data.AppealID = a.ID
		}
	}
	for i, d := range ev.Data.Documents {
		err := tx.QueryRowContext(ctx, `SELECT size FROM ir_documents WHERE sha256 = ?`, d.SHA256).Scan(&ev.Data.Documents[i].Size)
		if err == sql.ErrNoRows {
			return invalid(fmt.Sprintf("documents.%d", i), "Nie ma takiego dokumentu; prześlij plik ponownie.")
		} else if err != nil {
			return formatError(err)
		}
		if strings.TrimSpace(d.Name) == "" {
			ev.Data.Documents[i].Name = d.SHA256[:12] + ".pdf"
		}
	}
	return nil
}
