package web_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"jawnosc/appeals"
	"jawnosc/audits"
	"jawnosc/registry"
)

// TestSweepReportsFailures checks the sweep's own assertions: an answer 5xx and an error
// answer that shows internals are reported, a random token that happens to spell "sql"
// and a page that succeeds are not; and a request the app fails inside (its store closed)
// is reported through the app.
func TestSweepReportsFailures(t *testing.T) {
	e := mustOpenSweep(t, 10)
	sw := newSweeper(t, e)
	r := sweepRoute{method: http.MethodGet, path: "/umowy"}
	q := sweepReq{role: registry.RolePublic, variant: "check", path: "/umowy"}
	sw.check(r, q, http.StatusBadGateway, "Bad gateway", "")
	sw.check(r, q, http.StatusNotFound, "<p>sqlite3: no such table: contracts</p>", "")
	sw.check(r, q, http.StatusBadRequest, "<p>panic: runtime error at /work/main/web/api.go:12</p>", "")
	sw.check(r, q, http.StatusForbidden, `<input type="hidden" name="_csrf" value="abcdEFGHsqlIJKLmnopqrstuvwxyz0123456789-_ab">`, "")
	sw.check(r, q, http.StatusOK, "<p>SQLite jest źródłem prawdy.</p>", "")
	if got := len(sw.failures); got != 3 {
		t.Fatalf("%d kinds of failure, want 3: %v", got, sw.failures)
	}
	e.store.Close()
	sw.failures = map[string]*sweepFailure{}
	if status, _ := sw.send(registry.RolePublic, r, "closed store", "/umowy", "", "", nil); status != http.StatusInternalServerError || len(sw.failures) != 1 {
		t.Fatalf("closed store: %d, %d failures", status, len(sw.failures))
	}
}

// TestPDFsTakeTextBeyondTheBMP files text with emoji (characters above U+FFFF) where each
// PDF of the site prints it: a contract's subject (the company's register extract), an
// audit report's summary and findings (its summary), a refusal's reasons and officials
// (the decision). Every PDF is made; the characters are drawn as U+FFFD. (gofpdf's Unicode
// fonts failed on them with an index out of range: a 500 for every visitor of the PDF.)
func TestPDFsTakeTextBeyondTheBMP(t *testing.T) {
	const odd = "😀 𝕏 🧑‍💻"
	ctx := context.Background()
	e := mustOpenSweep(t, 10)
	mustCreateContract(t, e.store, e.mpk.ID, sample("Umowa na obsługę kampanii "+odd, "2026-03-03", 12_000_00))
	rep, err := e.au.CreateReport(ctx, system, audits.ReportInput{
		Company: "mpk", Title: "Kontrola kampanii " + odd, AuditorKind: "city_audit_centre", Kind: "compliance",
		PeriodFrom: "2025-01-01", PeriodTo: "2025-12-31", StartedOn: "2026-01-12", CompletedOn: "2026-02-20", PublishedOn: "2026-03-02",
		Summary:         "Audyt objął kampanię " + odd + ".",
		Findings:        []audits.FindingInput{{Title: "Brak umowy " + odd, Severity: "high"}},
		Recommendations: []audits.RecommendationInput{{Finding: 1, Text: "Zawrzeć umowę " + odd, Responsible: "Zarząd " + odd, DueOn: "2026-09-30"}},
	})
	if err != nil {
		t.Fatalf("report: %v %v", err, registry.ErrorFields(err))
	}
	req, token, err := e.svc.Submit(ctx, registry.PublicActor, appeals.Submission{Company: "mpk", Subject: "Kampania " + odd, Text: "Proszę o umowę " + odd})
	if err != nil {
		t.Fatal(err)
	}
	refused := refusalData
	refused.Text, refused.Holder = "Tajemnica "+odd, "Agencja "+odd
	refused.Officials = []appeals.Official{{Name: "Jan " + odd, Function: "Prezes " + odd}}
	got, err := e.svc.Refuse(ctx, system, req.ID, refused)
	if err != nil {
		t.Fatalf("refuse: %v %v", err, registry.ErrorFields(err))
	}
	event := got.Events[len(got.Events)-1].ID
	for _, path := range []string{
		"/spolki/mpk/wyciag.pdf",
		fmt.Sprintf("/audyty/%d/podsumowanie.pdf", rep.ID),
		fmt.Sprintf("/wnioski/%d/decyzje/%d.pdf?token=%s", req.ID, event, token),
	} {
		resp, body := e.do(t, "GET", path)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(body, "%PDF-") {
			t.Errorf("GET %s: %d %s\n%s", path, resp.StatusCode, excerpt(body), e.logs.String())
		}
	}
}
