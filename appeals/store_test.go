package appeals_test

import (
	"strings"
	"testing"

	"jawnosc/appeals"
	"jawnosc/registry"
)

// TestStory follows a request from submission through a trade-secret refusal, an appeal and
// an instruction to disclose to the company's compliance, checking authorization, the
// public view and the stored log on the way.
func TestStory(t *testing.T) {
	e := mustOpen(t, "2026-03-02")
	r, tok := e.submit(t, true)
	if r.Ref != "MPK/UDIP/2026/1" || r.State.Due != "2026-03-16" {
		t.Fatalf("ref %s due %s", r.Ref, r.State.Due)
	}
	var hash string
	if err := e.store.ReadDB().QueryRow(`SELECT token_hash FROM ir_requests WHERE id = ?`, r.ID).Scan(&hash); err != nil {
		t.Fatal(err)
	}
	if hash == tok || hash != appeals.HashToken(tok) {
		t.Fatal("the token itself must not be stored, only its hash")
	}

	e.on("2026-03-09")
	refusal := appeals.EventData{Text: "Umowa zawiera kalkulację ceny wykonawcy; odpowiadamy Pani Annie Kowalskiej.", Ground: "trade_secret",
		Holder: "Agencja Reklamowa Kraków sp. z o.o.", Officials: officials}
	if _, err := e.svc.Refuse(ctx, e.other, r.ID, refusal); registry.ErrorCode(err) != registry.EFORBIDDEN {
		t.Fatalf("an officer of another company refused: %v", err)
	}
	if _, err := e.svc.Refuse(ctx, registry.PublicActor, r.ID, refusal); registry.ErrorCode(err) != registry.EUNAUTHORIZED {
		t.Fatalf("the public refused: %v", err)
	}
	r = ok(t)(e.svc.Refuse(ctx, e.officer, r.ID, refusal))
	if r.State.Outcome != appeals.OutcomeRefused {
		t.Fatalf("outcome %s", r.State.Outcome)
	}

	e.on("2026-03-11")
	if _, err := e.svc.Appeal(ctx, r.ID, "zły-token", "Tajemnica nie obejmuje kwoty umowy."); registry.ErrorCode(err) != registry.EFORBIDDEN {
		t.Fatalf("appeal with a wrong token: %v", err)
	}
	r = ok(t)(e.svc.Appeal(ctx, r.ID, tok, "Tajemnica przedsiębiorcy nie obejmuje kwoty wydanej ze środków publicznych."))
	appealID := r.State.CurrentAppeal().ID
	queue, err := e.svc.FindAppeals(ctx, true, 0)
	if err != nil || len(queue) != 1 || queue[0].ID != appealID || queue[0].Due != "2026-03-25" {
		t.Fatalf("queue %+v %v", queue, err)
	}

	e.on("2026-03-18")
	decision := appeals.EventData{Text: "Kwota wydatkowana przez spółkę miejską jest informacją publiczną.", Result: appeals.ResultInstructed, ComplyBy: "2026-03-31"}
	if _, err := e.svc.DecideAppeal(ctx, e.officer, appealID, decision); registry.ErrorCode(err) != registry.EFORBIDDEN {
		t.Fatalf("an officer decided an appeal: %v", err)
	}
	r = ok(t)(e.svc.DecideAppeal(ctx, e.office, appealID, decision))
	if _, err := e.svc.DecideAppeal(ctx, e.office, appealID, decision); registry.ErrorCode(err) != registry.ECONFLICT {
		t.Fatalf("decided twice: %v", err)
	}
	if _, err := e.svc.DecideAppeal(ctx, e.office, 9999, decision); registry.ErrorCode(err) != registry.ENOTFOUND {
		t.Fatalf("unknown appeal: %v", err)
	}

	e.on("2026-03-25")
	pdf := []byte("%PDF-1.4\n1 0 obj\n<</Type/Catalog>>\nendobj\n" +
		"xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<</Root 1 0 R/Size 2>>\nstartxref\n42\n%%EOF\n")
	if _, err := e.svc.StoreDocument(ctx, e.officer, "umowa.pdf", []byte("<html>nie pdf</html>")); registry.ErrorCode(err) != registry.EINVALID {
		t.Fatalf("a non-PDF was accepted: %v", err)
	}
	if _, err := e.svc.StoreDocument(ctx, registry.PublicActor, "umowa.pdf", pdf); registry.ErrorCode(err) != registry.EUNAUTHORIZED {
		t.Fatalf("the public uploaded: %v", err)
	}
	doc, err := e.svc.StoreDocument(ctx, e.officer, "umowa.pdf", pdf)
	if err != nil {
		t.Fatal(err)
	}
	r = ok(t)(e.svc.Comply(ctx, e.officer, r.ID, appeals.EventData{Text: "Udostępniamy umowę.", Documents: []appeals.Document{doc}}))
	if r.State.Stage != appeals.StageClosed || r.State.Outcome != appeals.OutcomeDisclosed {
		t.Fatalf("after compliance: %s %s", r.State.Stage, r.State.Outcome)
	}

	// The stored log replays to the same state.
	again, err := e.svc.FindRequest(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Events) != 5 || again.State.Stage != appeals.StageClosed || again.State.Appeals[0].CompliedOn != "2026-03-25" {
		t.Fatalf("reloaded: %d events, %+v", len(again.Events), again.State)
	}
	if _, content, err := e.svc.FindDocument(ctx, again, doc.SHA256); err != nil || string(content) != string(pdf) {
		t.Fatalf("document: %v", err)
	}

	// The public view carries no trace of the requester.
	pub := again.View(appeals.ViewPublic, e.svc.Today())
	blob := strings.ToLower(pub.Subject + pub.Text)
	for _, ev := range pub.Events {
		blob += strings.ToLower(ev.Data.Text + ev.Actor)
	}
	for _, leak := range []string{"kowalsk", "annie", "anna", "example.pl"} {
		if strings.Contains(blob, leak) {
			t.Errorf("the public view leaks %q: %s", leak, blob)
		}
	}
	if pub.Requester != nil {
		t.Error("the public view names the requester")
	}
	if priv := again.View(appeals.ViewResident, e.svc.Today()); priv.Requester == nil || priv.Requester.Email != "anna.kowalska@example.pl" {
		t.Error("the resident's view lacks the identity")
	}

	// The log is append-only in the database too.
	if _, err := e.store.DB().Exec(`UPDATE ir_events SET data = '{}' WHERE request_id = ?`, r.ID); err == nil {
		t.Fatal("an event was updated")
	}
	if _, err := e.store.DB().Exec(`DELETE FROM ir_events WHERE request_id = ?`, r.ID); err == nil {
		t.Fatal("an event was deleted")
	}
}

func TestSubmitValidation(t *testing.T) {
	e := mustOpen(t, "2026-03-02")
	tests := []struct {
		in     appeals.Submission
		fields []string
	}{
		{appeals.Submission{}, []string{"company", "subject", "text"}},
		{appeals.Submission{Company: "nie-ma", Subject: "x", Text: "y"}, []string{"company"}},
		{appeals.Submission{Company: "mpk", Subject: strings.Repeat("a", 201), Text: "y"}, []string{"subject"}},
		{appeals.Submission{Company: "mpk", Subject: "x", Text: strings.Repeat("a", 10001)}, []string{"text"}},
		{appeals.Submission{Company: "mpk", Subject: "x", Text: "y", Email: "to nie e-mail"}, []string{"email"}},
		{appeals.Submission{Company: "mpk", Subject: "x\nnowa linia", Text: "y", Name: "A\x00B"}, []string{"subject", "name"}},
	}
	for _, tt := range tests {
		_, _, err := e.svc.Submit(ctx, registry.PublicActor, tt.in)
		fields := registry.ErrorFields(err)
		if registry.ErrorCode(err) != registry.EINVALID || len(fields) != len(tt.fields) {
			t.Errorf("%+v: %v %v, want fields %v", tt.in, err, fields, tt.fields)
			continue
		}
		for _, f := range tt.fields {
			if fields[f] == "" {
				t.Errorf("%+v: no message for %s (%v)", tt.in, f, fields)
			}
		}
	}
	var n int
	e.store.ReadDB().QueryRow(`SELECT COUNT(*) FROM ir_requests`).Scan(&n)
	if n != 0 {
		t.Fatalf("%d requests stored from bad input", n)
	}
}

func TestRefsAndFilters(t *testing.T) {
	e := mustOpen(t, "2026-12-30")
	r1, _ := e.submit(t, false)
	e.on("2027-01-04")
	r2, _ := e.submit(t, false)
	if r1.Ref != "MPK/UDIP/2026/1" || r2.Ref != "MPK/UDIP/2027/1" {
		t.Fatalf("refs %s %s", r1.Ref, r2.Ref)
	}
	ok(t)(e.svc.Answer(ctx, e.officer, r2.ID, appeals.EventData{Text: "Nie posiadamy.", Answer: appeals.OutcomeNotHeld}))
	y := 2027
	o := appeals.OutcomeNotHeld
	list, total, err := e.svc.FindRequests(ctx, appeals.RequestFilter{Year: &y, Outcome: &o})
	if err != nil || total != 1 || list[0].ID != r2.ID {
		t.Fatalf("filter: %v %d %v", list, total, err)
	}
	p := "pending"
	list, total, _ = e.svc.FindRequests(ctx, appeals.RequestFilter{Outcome: &p, CompanyIDs: []int64{e.mpk.ID}})
	if total != 1 || list[0].ID != r1.ID || strings.Contains(list[0].PublicSubject(), "Kowalsk") {
		t.Fatalf("pending: %d", total)
	}
	if _, total, _ = e.svc.FindRequests(ctx, appeals.RequestFilter{CompanyIDs: []int64{e.mpo.ID}}); total != 0 {
		t.Fatalf("MPO has %d", total)
	}
	years, _ := e.svc.Years(ctx)
	if len(years) != 2 || years[0] != 2027 {
		t.Fatalf("years %v", years)
	}
}

func TestStats(t *testing.T) {
	e := mustOpen(t, "2026-03-02")
	a, _ := e.submit(t, false) // answered day 4, on time
	b, _ := e.submit(t, false) // refused day 10, on time
	c, _ := e.submit(t, false) // answered day 20: late
	e.submit(t, false)         // never answered: overdue
	e.on("2026-03-06")
	ok(t)(e.svc.Answer(ctx, e.officer, a.ID, appeals.EventData{Text: "W załączeniu.", Answer: appeals.OutcomeDisclosed}))
	e.on("2026-03-12")
	ok(t)(e.svc.Refuse(ctx, e.officer, b.ID, appeals.EventData{Text: "Prywatność.", Ground: "privacy", Officials: officials}))
	e.on("2026-03-22")
	ok(t)(e.svc.Answer(ctx, e.officer, c.ID, appeals.EventData{Text: "Późno.", Answer: appeals.OutcomeDisclosed}))
	st, err := e.svc.CompanyStats(ctx, e.mpk.ID)
	if err != nil {
		t.Fatal(err)
	}
	if st.Requests != 4 || st.Answered != 3 || st.Overdue != 1 || *st.MedianDaysToAnswer != 10 {
		t.Fatalf("stats %+v median %v", st, *st.MedianDaysToAnswer)
	}
	if got := *st.OnTimeShare; got != 0.5 {
		t.Errorf("on time share %v, want 0.5 (2 of 4 due)", got)
	}
	if got := *st.RefusalRate; got < 0.33 || got > 0.34 {
		t.Errorf("refusal rate %v", got)
	}
	empty, _ := e.svc.CompanyStats(ctx, e.mpo.ID)
	if empty.Requests != 0 || empty.MedianDaysToAnswer != nil || empty.OnTimeShare != nil {
		t.Errorf("empty stats %+v", empty)
	}
}
