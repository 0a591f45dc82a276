package appeals_test

import (
	"strings"
	"testing"

	"jawnosc/appeals"
	"jawnosc/registry"
)

// TestDailyJob runs the daily job with a pinned clock: a reminder three days before the
// company's due date, an overdue event and a resident notice the day after it, nothing new
// on a second run the same day, and the notices sent over SMTP to a listener on 127.0.0.1.
func TestDailyJob(t *testing.T) {
	e := mustOpen(t, "2026-03-02")
	smtpd := startSMTP(t)
	mailer, err := appeals.ParseSMTPURL("smtp://" + smtpd.ln.Addr().String() + "?from=jawnosc@krakow.example")
	if err != nil {
		t.Fatal(err)
	}
	e.svc.TrackingMail = true
	e.svc.BaseURL = "https://jawnosc.example"
	r, tok := e.submit(t, false) // due 2026-03-16
	quiet, _, err := e.svc.Submit(ctx, registry.PublicActor, appeals.Submission{Company: "mpo", Subject: "Bez adresu", Text: "Treść."})
	if err != nil {
		t.Fatal(err)
	}

	run := func(day string) *appeals.DailyReport {
		t.Helper()
		rep, err := e.svc.RunDaily(ctx, noon(day), mailer)
		if err != nil {
			t.Fatalf("daily job on %s: %v", day, err)
		}
		return rep
	}
	if rep := run("2026-03-02"); rep.Sent != 1 || rep.Reminders != 0 {
		t.Fatalf("first run: %+v", rep)
	}
	msgs := smtpd.messages()
	if len(msgs) != 1 || !strings.Contains(msgs[0], appeals.TrackingPath(r.ID, tok)) || !strings.Contains(msgs[0], "To: anna.kowalska@example.pl") {
		t.Fatalf("tracking link e-mail: %q", msgs)
	}
	var body string
	e.store.ReadDB().QueryRow(`SELECT body FROM ir_outbox WHERE kind = 'tracking_link'`).Scan(&body)
	if strings.Contains(body, tok) {
		t.Fatal("the sent tracking e-mail still holds the token in the database")
	}

	if rep := run("2026-03-12"); rep.Reminders != 0 {
		t.Fatalf("four days before: %+v", rep)
	}
	if rep := run("2026-03-13"); rep.Reminders != 2 || rep.Overdue != 0 {
		t.Fatalf("three days before: %+v", rep)
	}
	if rep := run("2026-03-13"); rep.Reminders != 0 || rep.Sent != 0 {
		t.Fatalf("second run the same day: %+v", rep)
	}
	if rep := run("2026-03-16"); rep.Reminders != 0 || rep.Overdue != 0 {
		t.Fatalf("on the due date: %+v", rep)
	}
	rep := run("2026-03-17")
	if rep.Overdue != 2 || rep.Notices != 2 || rep.Sent != 1 {
		t.Fatalf("the day after: %+v", rep)
	}
	if rep := run("2026-03-17"); rep.Overdue != 0 || rep.Notices != 0 || rep.Sent != 0 {
		t.Fatalf("twice the day after: %+v", rep)
	}
	if rep := run("2026-03-18"); rep.Overdue != 0 || rep.Notices != 0 {
		t.Fatalf("the next day: %+v", rep)
	}
	got, _ := e.svc.FindRequest(ctx, r.ID)
	last := got.Events[len(got.Events)-1]
	if last.Type != appeals.EvOverdue || last.Data.Due != "2026-03-16" || last.Role != appeals.RoleSystem || last.Day() != "2026-03-17" {
		t.Fatalf("last event %+v", last)
	}
	msgs = smtpd.messages()
	if len(msgs) != 2 || !strings.Contains(msgs[1], "nie dotrzymała terminu") && !strings.Contains(msgs[1], "=?utf-8?") {
		t.Fatalf("overdue notice: %q", msgs)
	}

	// The overdue resident may now appeal; the office's own term is then recorded, but nobody
	// gets a company reminder for it.
	e.on("2026-03-18")
	ok(t)(e.svc.Appeal(ctx, r.ID, tok, "Spółka milczy."))
	if rep := run("2026-03-30"); rep.Overdue != 0 || rep.Reminders != 0 {
		t.Fatalf("office's due date ahead: %+v", rep)
	}
	if rep := run("2026-04-02"); rep.Overdue != 1 || rep.Notices != 0 {
		t.Fatalf("office overdue: %+v", rep)
	}

	// Officers see their company's reminders; the public sees nothing.
	list, err := e.svc.FindNotifications(ctx, e.other, appeals.OutboxFilter{})
	if err != nil || len(list) != 1 || list[0].RequestID != quiet.ID || list[0].Kind != appeals.KindReminder {
		t.Fatalf("MPO's notifications: %+v %v", list, err)
	}
	if _, err := e.svc.FindNotifications(ctx, registry.PublicActor, appeals.OutboxFilter{}); registry.ErrorCode(err) != registry.EUNAUTHORIZED {
		t.Fatalf("the public read the outbox: %v", err)
	}
}

func TestSMTPURL(t *testing.T) {
	for _, bad := range []string{"", "http://x?from=a@b.pl", "smtp://host", "smtp://host?from=nie"} {
		if _, err := appeals.ParseSMTPURL(bad); registry.ErrorCode(err) != registry.EINVALID {
			t.Errorf("%q accepted", bad)
		}
	}
	m, err := appeals.ParseSMTPURL("smtp://u:p@mail.example:587?from=jawnosc@example.pl")
	if err != nil || m.Addr != "mail.example:587" || m.From != "jawnosc@example.pl" {
		t.Fatalf("%+v %v", m, err)
	}
}

func TestFeed(t *testing.T) {
	e := mustOpen(t, "2026-03-02")
	r, _ := e.submit(t, false)
	e.on("2026-03-05")
	r = ok(t)(e.svc.AskClarification(ctx, e.officer, r.ID, "Której kampanii dotyczy wniosek?"))
	out, err := appeals.Feed(r.View(appeals.ViewResident, e.svc.Today()), "https://x/wnioski/1/sledz?token=t", "https://x/wnioski/1/atom?token=t")
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	if !strings.Contains(s, `<feed xmlns="http://www.w3.org/2005/Atom">`) || strings.Count(s, "<entry>") != 2 || !strings.Contains(s, "Której kampanii") {
		t.Fatalf("feed: %s", s)
	}
}
