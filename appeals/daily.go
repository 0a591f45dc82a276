package appeals

import (
	"context"
	"fmt"
	"time"

	"jawnosc/registry"
)

// DailyReport says what one run of the daily job did.
type DailyReport struct {
	Overdue   int // overdue events recorded
	Reminders int // reminders queued for companies
	Notices   int // notices queued for residents
	Sent      int // e-mails sent
}

// companyTerm reports whether a term is the company's (not the mayor's office's).
func companyTerm(term string) bool { return term != TermAppeal && term != "" }

// RunDaily is the daily job, with the clock injected: for every request whose running due
// date passed it records an overdue event (once per term and date) and queues a notice to the
// resident when the company is the one overdue; it queues a reminder to the company for
// every due date of the company within ReminderDaysBefore days; then, when mailer is not
// nil, it sends the outbox. Running it twice the same day does nothing the second time.
func (s *Service) RunDaily(ctx context.Context, now time.Time, mailer *Mailer) (*DailyReport, error) {
	js := *s
	js.Now = func() time.Time { return now }
	today := js.Today()
	horizon := AddDays(today, ReminderDaysBefore)
	rows, err := s.read.QueryContext(ctx, `SELECT id FROM ir_requests WHERE due_term <> '' AND paused = 0 AND due_on <> '' AND due_on <= ? ORDER BY id`, string(horizon))
	if err != nil {
		return nil, formatError(err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, formatError(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, formatError(err)
	}
	rep := &DailyReport{}
	system := registry.SystemActor("zadanie-dzienne")
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		r, err := js.FindRequest(ctx, id)
		if err != nil {
			return rep, err
		}
		st := r.State
		term, due := st.DueTerm, st.Due
		if st.Overdue(today) {
			if !st.OverdueRecorded(term, due) {
				if _, err := js.RecordOverdue(ctx, system, id, term, due); err != nil {
					return rep, err
				}
				rep.Overdue++
			}
			if companyTerm(term) {
				added, err := js.enqueue(ctx, Notification{RequestID: id, CompanyID: r.Company.ID, Kind: KindOverdueNotice, Audience: AudienceResident, To: r.Email,
					Subject: "Wniosek " + r.Ref + ": spółka nie dotrzymała terminu",
					Body: fmt.Sprintf("Dzień dobry,\n\nspółka %s nie dotrzymała terminu %s (%s) w sprawie wniosku %s.\n"+
						"Możesz teraz odwołać się do urzędu miasta przez swój prywatny link do wniosku albo złożyć skargę na bezczynność do wojewódzkiego sądu administracyjnego.\n\nJawność",
						r.Company.Name, due.Polish(), registry.LabelOf(Terms, term), r.Ref),
					DedupKey: fmt.Sprintf("overdue:%d:%s:%s", id, term, due)})
				if err != nil {
					return rep, err
				}
				if added {
					rep.Notices++
				}
			}
			continue
		}
		if left := st.DaysLeft(today); companyTerm(term) && left >= 0 && left <= ReminderDaysBefore {
			added, err := js.enqueue(ctx, Notification{RequestID: id, CompanyID: r.Company.ID, Kind: KindReminder, Audience: AudienceCompany,
				Subject: fmt.Sprintf("Wniosek %s: termin %s mija %s", r.Ref, registry.LabelOf(Terms, term), due.Polish()),
				Body: fmt.Sprintf("Termin „%s” we wniosku %s („%s”) mija %s (za %d dni). Odpowiedz w panelu Jawności.",
					registry.LabelOf(Terms, term), r.Ref, NewRedactor(r.Name, r.Email).Text(r.Subject), due.Polish(), left),
				DedupKey: fmt.Sprintf("reminder:%d:%s:%s", id, term, due)})
			if err != nil {
				return rep, err
			}
			if added {
				rep.Reminders++
			}
		}
	}
	if mailer != nil {
		n, err := js.SendOutbox(ctx, mailer)
		rep.Sent = n
		if err != nil {
			return rep, err
		}
	}
	return rep, nil
}

// enqueue queues one notification in its own transaction; it reports whether it was new.
func (s *Service) enqueue(ctx context.Context, n Notification) (bool, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, formatError(err)
	}
	defer tx.Rollback()
	var exists int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM ir_outbox WHERE dedup_key = ?`, n.DedupKey).Scan(&exists); err != nil {
		return false, formatError(err)
	}
	if exists > 0 {
		return false, nil
	}
	if err := queue(ctx, tx, n, s.now()); err != nil {
		return false, err
	}
	return true, formatError(tx.Commit())
}
