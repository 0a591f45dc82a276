package appeals_test

import (
	"testing"

	"jawnosc/appeals"
	"jawnosc/registry"
)

// BenchmarkDeadline measures the deadline calendar (Easter computed each time).
func BenchmarkDeadline(b *testing.B) {
	days := []registry.Date{"2026-03-23", "2026-05-21", "2025-12-10", "2027-05-02"}
	for i := 0; b.Loop(); i++ {
		appeals.Deadline(days[i%len(days)], 14)
	}
}

// BenchmarkFindRequest loads a request with a ten-step log and derives its state, as every
// page and every step does.
func BenchmarkFindRequest(b *testing.B) {
	e := mustOpen(b, "2026-03-02")
	r, tok := e.submit(b, true)
	e.on("2026-03-04")
	ok(b)(e.svc.AskClarification(ctx, e.officer, r.ID, "Której umowy?"))
	ok(b)(e.svc.Clarify(ctx, r.ID, tok, "Umowy nr 5."))
	ok(b)(e.svc.NotifyDelay(ctx, e.officer, r.ID, "2026-04-10", "Archiwum."))
	e.on("2026-03-20")
	ok(b)(e.svc.Refuse(ctx, e.officer, r.ID, appeals.EventData{Text: "Prywatność.", Ground: "privacy", Officials: officials}))
	ok(b)(e.svc.AskReconsideration(ctx, r.ID, tok, "Proszę."))
	e.on("2026-03-25")
	ok(b)(e.svc.DecideReconsideration(ctx, e.officer, r.ID, appeals.EventData{Text: "Utrzymuję.", Answer: appeals.ResultUpheld, Officials: officials}))
	r = ok(b)(e.svc.Appeal(ctx, r.ID, tok, "Odwołuję się."))
	e.on("2026-03-30")
	r = ok(b)(e.svc.DecideAppeal(ctx, e.office, r.State.CurrentAppeal().ID, appeals.EventData{Text: "Polecam.", Result: appeals.ResultInstructed, ComplyBy: "2026-04-10"}))
	ok(b)(e.svc.Comply(ctx, e.officer, r.ID, appeals.EventData{Text: "Udostępniamy."}))
	for b.Loop() {
		if _, err := e.svc.FindRequest(ctx, r.ID); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSubmit measures filing a request (token, reference, event, projection, change).
func BenchmarkSubmit(b *testing.B) {
	e := mustOpen(b, "2026-03-02")
	for b.Loop() {
		e.submit(b, true)
	}
}
