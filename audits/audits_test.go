package audits_test

import (
	"time"

	"context"
	"os"
	"strings"
	"testing"

	"jawnosc/audits"
	"jawnosc/registry"
)

func TestAuditLifecycle(t *testing.T) {
	ctx := context.Background()
	e := mustOpen(t, warsawNoon(2026, 3, 5))
	mpk := e.company(t, "mpk")
	mpo := e.company(t, "mpo")
	auditor := registry.Actor{UserID: 3, Login: "audytor", Role: registry.RoleAuditor}
	officer := registry.Actor{UserID: 4, Login: "kowalski", Role: registry.RoleOfficer, Companies: []int64{mpk.ID}}
	otherOfficer := registry.Actor{UserID: 5, Login: "nowak", Role: registry.RoleOfficer, Companies: []int64{mpo.ID}}
	supervisor := registry.Actor{UserID: 6, Login: "nadzor", Role: registry.RoleSupervisor}

	// Who may file a report.
	for _, c := range []struct {
		a    registry.Actor
		code string
	}{{registry.PublicActor, registry.EUNAUTHORIZED}, {officer, registry.EFORBIDDEN}, {supervisor, registry.EFORBIDDEN}} {
		if _, err := e.st.CreateReport(ctx, c.a, sampleReport("mpk")); registry.ErrorCode(err) != c.code {
			t.Fatalf("CreateReport as %s: %v, want %s", c.a.Role, err, c.code)
		}
	}
	rep, err := e.st.CreateReport(ctx, auditor, sampleReport("mpk"))
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) != 2 || len(rep.Recommendations) != 2 || rep.Findings[0].Severity != "high" {
		t.Fatalf("report: %+v", rep)
	}
	if rep.PDF == nil || rep.PDF.Size != int64(len(minimalPDF)) {
		t.Fatalf("pdf: %+v", rep.PDF)
	}
	path, _ := e.st.Files.Path(rep.PDF.SHA256)
	if b, err := os.ReadFile(path); err != nil || string(b) != string(minimalPDF) {
		t.Fatalf("stored pdf: %v", err)
	}
	r1, r2 := rep.Recommendations[0], rep.Recommendations[1]
	if r1.Status != audits.StatusOpen || r1.StatusOn != "2026-03-02" || r1.FindingID == nil || *r1.FindingID != rep.Findings[0].ID {
		t.Fatalf("recommendation: %+v", r1)
	}

	// Status changes: only auditors; dated, explained, kept.
	in := audits.StatusInput{Status: audits.StatusInProgress, On: "2026-03-04", Reason: "Spółka przyjęła plan zamówień."}
	for _, c := range []struct {
		a    registry.Actor
		code string
	}{{registry.PublicActor, registry.EUNAUTHORIZED}, {officer, registry.EFORBIDDEN}, {supervisor, registry.EFORBIDDEN}} {
		if _, err := e.st.ChangeStatus(ctx, c.a, r1.ID, in); registry.ErrorCode(err) != c.code {
			t.Fatalf("ChangeStatus as %s: %v, want %s", c.a.Role, err, c.code)
		}
	}
	if _, err := e.st.ChangeStatus(ctx, auditor, r1.ID, audits.StatusInput{Status: "done", On: "2026-03-10"}); err == nil {
		t.Fatal("bad status accepted")
	} else if f := registry.ErrorFields(err); f["status"] == "" || f["reason"] == "" || !strings.Contains(f["on"], "przyszłości") {
		t.Fatalf("fields: %v", f)
	}
	if _, err := e.st.ChangeStatus(ctx, auditor, r1.ID, audits.StatusInput{Status: audits.StatusInProgress, On: "2026-03-01", Reason: "x"}); registry.ErrorFields(err)["on"] == "" {
		t.Fatalf("a change before the last one: %v", err)
	}
	got, err := e.st.ChangeStatus(ctx, auditor, r1.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != audits.StatusInProgress || len(got.History) != 1 || got.History[0].From != audits.StatusOpen || got.History[0].Reason != in.Reason || got.History[0].By != "audytor" {
		t.Fatalf("after change: %+v", got)
	}
	if _, err := e.st.ChangeStatus(ctx, auditor, 9999, in); registry.ErrorCode(err) != registry.ENOTFOUND {
		t.Fatalf("unknown recommendation: %v", err)
	}

	// Responses and evidence: officers of the company only.
	resp := audits.ResponseInput{Text: "Spółka przyjmuje zalecenia i wdroży je do końca czerwca."}
	for _, c := range []struct {
		a    registry.Actor
		code string
	}{{registry.PublicActor, registry.EUNAUTHORIZED}, {otherOfficer, registry.EFORBIDDEN}, {auditor, registry.EFORBIDDEN}, {supervisor, registry.EFORBIDDEN}} {
		if _, err := e.st.PostResponse(ctx, c.a, rep.ID, resp); registry.ErrorCode(err) != c.code {
			t.Fatalf("PostResponse as %s: %v, want %s", c.a.Login, err, c.code)
		}
		if _, err := e.st.PostEvidence(ctx, c.a, r1.ID, resp); registry.ErrorCode(err) != c.code {
			t.Fatalf("PostEvidence as %s: %v, want %s", c.a.Login, err, c.code)
		}
	}
	if _, err := e.st.PostResponse(ctx, officer, rep.ID, audits.ResponseInput{Text: " ", PDF: []byte("<html>")}); err == nil {
		t.Fatal("empty response accepted")
	} else if f := registry.ErrorFields(err); f["text"] == "" || f["pdf"] != "To nie jest plik PDF." {
		t.Fatalf("response fields: %v", f)
	}
	if _, err := e.st.PostResponse(ctx, officer, rep.ID, resp); err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.PostEvidence(ctx, officer, r1.ID, audits.ResponseInput{Text: "Plan zamówień na 2026 r.", PDF: minimalPDF}); err != nil {
		t.Fatal(err)
	}

	// Council discussion.
	if _, err := e.st.SetCouncil(ctx, officer, rep.ID, audits.Council{Session: "LXXII sesja", Date: "2026-03-04"}); registry.ErrorCode(err) != registry.EFORBIDDEN {
		t.Fatalf("council as officer: %v", err)
	}
	if _, err := e.st.SetCouncil(ctx, auditor, rep.ID, audits.Council{Session: "LXXII sesja Rady Miasta Krakowa", Date: "2026-03-04"}); err != nil {
		t.Fatal(err)
	}

	// Overdue is computed from the clock, never stored.
	e.set(warsawNoon(2026, 5, 2))
	rep, err = e.st.FindReportByID(ctx, rep.ID)
	if err != nil {
		t.Fatal(err)
	}
	r1, r2 = rep.Recommendations[0], rep.Recommendations[1]
	if r1.Overdue || !r2.Overdue || r2.DaysOverdue != 2 || rep.Pending != 2 || rep.Overdue != 1 {
		t.Fatalf("overdue on 2 May: r1 %v r2 %v (%d days), pending %d overdue %d", r1.Overdue, r2.Overdue, r2.DaysOverdue, rep.Pending, rep.Overdue)
	}
	if len(rep.Responses) != 1 || len(r1.Evidence) != 1 || r1.Evidence[0].PDF == nil || rep.Council == nil || rep.Council.Date != "2026-03-04" {
		t.Fatalf("responses %d evidence %d council %+v", len(rep.Responses), len(r1.Evidence), rep.Council)
	}
	if _, err := e.st.ChangeStatus(ctx, auditor, r2.ID, audits.StatusInput{Status: audits.StatusImplemented, On: "2026-05-02", Reason: "Umowy publikowane w terminie od kwietnia."}); err != nil {
		t.Fatal(err)
	}
	stats, err := e.st.StatsByCompany(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st := stats[mpk.ID]; st.Reports != 1 || st.Pending != 1 || st.Overdue != 0 {
		t.Fatalf("stats: %+v", st)
	}
	e.set(warsawNoon(2026, 7, 1))
	list, total, err := e.st.FindReports(ctx, audits.ReportFilter{OnlyOverdue: true})
	if err != nil || total != 1 || list[0].Overdue != 1 {
		t.Fatalf("overdue reports: %v %d %+v", err, total, list)
	}
	// Every write reached the change sequence for the search index.
	changes, err := e.reg.ChangesAfter(ctx, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != 6 || changes[0].Kind != audits.KindAudit || changes[0].EntryID != rep.ID {
		t.Fatalf("changes: %+v", changes)
	}
}

func TestReportValidation(t *testing.T) {
	ctx := context.Background()
	e := mustOpen(t, warsawNoon(2026, 3, 5))
	e.company(t, "mpk")
	auditor := registry.Actor{Login: "audytor", Role: registry.RoleAuditor}
	in := sampleReport("mpk")
	in.Title = strings.Repeat("ą", audits.MaxTitle+1)
	in.AuditorKind = "external_firm"
	in.Kind = "xyz"
	in.PeriodTo = "2024-12-31"
	in.PublishedOn = "2026-03-06"
	in.Findings[1].Severity = ""
	in.Recommendations[0].DueOn = "2026-02-01"
	in.Recommendations[1].Finding = 5
	in.PDF = []byte("%PDF-1.4\n1 0 obj<<>>endobj\n")
	_, err := e.st.CreateReport(ctx, auditor, in)
	want := map[string]string{
		"title":                     "Najwyżej 300 znaków (jest 301).",
		"auditor_name":              "To pole jest wymagane.",
		"kind":                      "Wybierz jedną z dostępnych wartości.",
		"period_to":                 "Koniec okresu objętego audytem nie może być wcześniejszy niż jego początek.",
		"published_on":              "Data publikacji nie może być w przyszłości.",
		"findings.1.severity":       "To pole jest wymagane.",
		"recommendations.0.due_on":  "Termin wdrożenia nie może być wcześniejszy niż zakończenie audytu.",
		"recommendations.1.finding": "Wskaż ustalenie z listy ustaleń tego raportu.",
		"pdf":                       "Plik PDF jest uszkodzony albo niekompletny. Zapisz go ponownie jako PDF i załącz jeszcze raz.",
	}
	f := registry.ErrorFields(err)
	for k, m := range want {
		if f[k] != m {
			t.Errorf("%s: %q, want %q", k, f[k], m)
		}
	}
	if len(f) != len(want) {
		t.Errorf("fields: %v", f)
	}
	in = sampleReport("nie-ma")
	if _, err := e.st.CreateReport(ctx, auditor, in); registry.ErrorFields(err)["company"] != "Nie ma takiej spółki." {
		t.Fatalf("unknown company: %v", err)
	}
	in = sampleReport("mpk")
	in.PDF = make([]byte, audits.MaxPDF+1)
	copy(in.PDF, minimalPDF)
	if _, err := e.st.CreateReport(ctx, auditor, in); registry.ErrorFields(err)["pdf"] == "" {
		t.Fatalf("oversized pdf: %v", err)
	}
	// Nothing was stored by the failed attempts.
	if _, total, _ := e.st.FindReports(ctx, audits.ReportFilter{}); total != 0 {
		t.Fatalf("failed filings stored %d reports", total)
	}
}

// TestAuditLogTakesTheStoreClock: a report's record in the registry's audit log is dated by
// the audits store's clock (pinned here far from the wall clock), like the write itself.
func TestAuditLogTakesTheStoreClock(t *testing.T) {
	ctx := context.Background()
	at := warsawNoon(2026, 3, 5)
	e := mustOpen(t, at)
	e.company(t, "mpk")
	auditor := registry.Actor{UserID: 3, Login: "audytor", Role: registry.RoleAuditor}
	if _, err := e.st.CreateReport(ctx, auditor, sampleReport("mpk")); err != nil {
		t.Fatal(err)
	}
	action := audits.AuditCreate
	es, _, err := e.reg.FindAuditLog(ctx, system, registry.AuditFilter{Action: &action})
	if err != nil || len(es) != 1 {
		t.Fatalf("audit log: %+v %v", es, err)
	}
	if !es[0].At.Equal(at.UTC().Truncate(time.Millisecond)) || es[0].Login != "audytor" {
		t.Fatalf("recorded at %s by %s, want %s by audytor", es[0].At, es[0].Login, at.UTC())
	}
}
