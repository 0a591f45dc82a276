package audits_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"jawnosc/audits"
	"jawnosc/pdf"
	"jawnosc/registry"
)

// reportPDF returns a real PDF whose text is body.
func reportPDF(tb testing.TB, body string) []byte {
	tb.Helper()
	d := pdf.New(pdf.Meta{Title: "Raport", Created: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)})
	d.Para(body)
	b, err := d.Bytes()
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// TestAuditPDFLinks checks that report PDFs and responses enter the ledger when filed, that
// verification recomputes them, and that a swapped PDF (row or bytes) is found.
func TestAuditPDFLinks(t *testing.T) {
	ctx := context.Background()
	e := mustOpen(t, warsawNoon(2026, 3, 10))
	co := e.company(t, "mpk")
	auditor := registry.Actor{UserID: 1, Login: "audytor", Role: registry.RoleAuditor}
	officer := registry.Actor{UserID: 2, Login: "jan", Role: registry.RoleOfficer, Companies: []int64{co.ID}}
	withPDF, err := e.st.CreateReport(ctx, auditor, sampleReport("mpk"))
	if err != nil {
		t.Fatal(err)
	}
	in := sampleReport("mpk")
	in.PDF = nil
	later, err := e.st.CreateReport(ctx, auditor, in)
	if err != nil {
		t.Fatal(err)
	}
	if h, _ := e.reg.LedgerHead(ctx); h.Seq != 3 || h.LinkKind != audits.LinkFiling {
		t.Fatalf("a report without a PDF got a PDF link: %+v", h)
	}
	if later, err = e.st.AttachReportPDF(ctx, auditor, later.ID, reportPDF(t, "Raport końcowy")); err != nil {
		t.Fatal(err)
	}
	plain, err := e.st.PostResponse(ctx, officer, withPDF.ID, audits.ResponseInput{Text: "Stanowisko zarządu."})
	if err != nil {
		t.Fatal(err)
	}
	resp, err := e.st.PostResponse(ctx, officer, withPDF.ID, audits.ResponseInput{Text: "Uchwała zarządu.", PDF: reportPDF(t, "Uchwała")})
	if err != nil {
		t.Fatal(err)
	}
	links, err := e.reg.FindLedger(ctx, 0, 10)
	if err != nil || len(links) != 6 {
		t.Fatalf("links: %+v %v", links, err)
	}
	for i, w := range []struct {
		kind string
		ref  int64
	}{{audits.LinkFiling, withPDF.ID}, {audits.LinkReportPDF, withPDF.ID}, {audits.LinkFiling, later.ID}, {audits.LinkReportPDF, later.ID},
		{audits.LinkResponse, plain.ID}, {audits.LinkResponse, resp.ID}} {
		if l := links[i]; l.LinkKind != w.kind || l.RefID != w.ref || l.EntryID != 0 || l.Version != 0 || l.Hash != registry.LinkHashOf(l) {
			t.Errorf("link %d: %+v, want %s %d", i+1, l, w.kind, w.ref)
		}
	}
	checkers := e.st.LedgerCheckers()
	if rep, err := e.reg.VerifyLedger(ctx, nil, checkers...); err != nil || !rep.OK() || rep.Links != 6 {
		t.Fatalf("verify: %+v %v", rep, err)
	}
	if rep, _ := e.reg.VerifyLedger(ctx, nil); rep.OK() || !strings.Contains(rep.Problem, `nieznany rodzaj ogniwa "audit_filing"`) {
		t.Errorf("verify without the audits' checkers: %+v", rep)
	}
	files := registry.Files{Dir: e.st.Files.Dir}
	refs, err := e.st.StoredFiles(ctx)
	if err != nil || len(refs) != 3 {
		t.Fatalf("stored files: %+v %v", refs, err)
	}
	if rep, err := files.Verify(ctx, refs, nil); err != nil || !rep.OK() || rep.Files != 3 {
		t.Fatalf("files: %+v %v", rep, err)
	}

	// The PDF of a report, once given, stays; other columns still change.
	db := e.reg.DB()
	for _, q := range []string{`UPDATE audit_reports SET pdf_sha256 = 'x' WHERE id = ?`, `UPDATE audit_reports SET title = 'Inny' WHERE id = ?`} {
		if _, err := db.Exec(q, withPDF.ID); err == nil {
			t.Errorf("%s: allowed", q)
		}
	}
	if _, err := e.st.SetCouncil(ctx, auditor, withPDF.ID, audits.Council{Session: "XX/123/26", Date: "2026-03-09"}); err != nil {
		t.Fatalf("council after the PDF: %v", err)
	}
	// Changed bytes on disk.
	p, _ := e.st.Files.Path(later.PDF.SHA256)
	b, _ := os.ReadFile(p)
	if err := os.WriteFile(p, bytes.Replace(b, []byte("%%EOF"), []byte("%%EOX"), 1), 0o640); err != nil {
		t.Fatal(err)
	}
	if rep, err := files.Verify(ctx, refs, nil); err != nil || !strings.Contains(rep.Problem, "plik zmieniony: plik PDF raportu z audytu nr 2") {
		t.Fatalf("changed report PDF: %+v %v", rep, err)
	}
	// A row swapped to another file.
	if _, err := db.Exec(`DROP TRIGGER audit_reports_pdf_immutable`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE audit_reports SET pdf_sha256 = ?, pdf_size = ? WHERE id = ?`, resp.PDF.SHA256, resp.PDF.Size, later.ID); err != nil {
		t.Fatal(err)
	}
	if rep, err := e.reg.VerifyLedger(ctx, nil, checkers...); err != nil || rep.BrokenAt != 4 || !strings.Contains(rep.Problem, "rekord audit_report nr 2 został zmieniony po publikacji") {
		t.Fatalf("swapped report PDF: %+v %v", rep, err)
	}
}

// TestAuditPDFBackfill files a report with a PDF the way it was before PDFs entered the
// ledger: verification names it, and the next opening of the store links it.
func TestAuditPDFBackfill(t *testing.T) {
	ctx := context.Background()
	e := mustOpen(t, warsawNoon(2026, 3, 10))
	co := e.company(t, "mpo")
	sf, err := e.st.Files.SavePDF(minimalPDF)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.reg.DB().Exec(`INSERT INTO audit_reports (company_id, title, auditor_kind, kind, period_from, period_to, started_on, completed_on, published_on, summary, pdf_sha256, pdf_size, filed_by, created_at, updated_at)
		VALUES (?, 'Raport sprzed łańcucha', 'nik', 'compliance', '2024-01-01', '2024-12-31', '2025-01-10', '2025-02-10', '2025-03-01', 'Streszczenie.', ?, ?, 'audytor', '2025-03-01T10:00:00.000Z', '2025-03-01T10:00:00.000Z')`,
		co.ID, sf.SHA256, sf.Size); err != nil {
		t.Fatal(err)
	}
	if rep, err := e.reg.VerifyLedger(ctx, nil, e.st.LedgerCheckers()...); err != nil || rep.OK() || !strings.Contains(rep.Problem, "plik PDF raportu z audytu nr 1 jest publiczny, ale nie ma ogniwa") {
		t.Fatalf("verify with an unlinked report PDF: %+v %v", rep, err)
	}
	if _, err := e.reg.DB().Exec(`INSERT INTO meta (key, value) VALUES ('ledger_backfill_audits', '1')`); err != nil {
		t.Fatal(err)
	}
	st, err := audits.Open(ctx, e.reg, e.dir)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := e.reg.VerifyLedger(ctx, nil, st.LedgerCheckers()...)
	if err != nil || !rep.OK() || rep.Links != 2 {
		t.Fatalf("verify after the backfill: %+v %v", rep, err)
	}
}

// TestAuditTextLinks checks that every response (with or without a PDF) and every status
// change of a recommendation enters the ledger when written, with what the public page shows
// of it, that the rows refuse UPDATE and DELETE, and that verification finds a rewritten text,
// time, status, date or reason.
func TestAuditTextLinks(t *testing.T) {
	ctx := context.Background()
	e := mustOpen(t, warsawNoon(2026, 3, 10))
	co := e.company(t, "mpk")
	auditor := registry.Actor{UserID: 1, Login: "audytor", Role: registry.RoleAuditor}
	officer := registry.Actor{UserID: 2, Login: "jan", Role: registry.RoleOfficer, Companies: []int64{co.ID}}
	rep, err := e.st.CreateReport(ctx, auditor, sampleReport("mpk"))
	if err != nil {
		t.Fatal(err)
	}
	rec := rep.Recommendations[0]
	resp, err := e.st.PostResponse(ctx, officer, rep.ID, audits.ResponseInput{Text: "Spółka przyjmuje zalecenia."})
	if err != nil {
		t.Fatal(err)
	}
	ev, err := e.st.PostEvidence(ctx, officer, rec.ID, audits.ResponseInput{Text: "Plan zamówień przyjęty uchwałą zarządu."})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.ChangeStatus(ctx, auditor, rec.ID, audits.StatusInput{Status: audits.StatusInProgress, On: "2026-03-04", Reason: "Spółka przyjęła plan zamówień."}); err != nil {
		t.Fatal(err)
	}
	e.set(warsawNoon(2026, 3, 11))
	got, err := e.st.ChangeStatus(ctx, auditor, rec.ID, audits.StatusInput{Status: audits.StatusImplemented, On: "2026-03-11", Reason: "Plan obowiązuje."})
	if err != nil || len(got.History) != 2 {
		t.Fatalf("status: %+v %v", got, err)
	}
	links, err := e.reg.FindLedger(ctx, 0, 10)
	if err != nil || len(links) != 6 {
		t.Fatalf("links: %+v %v", links, err)
	}
	links = links[1:] // the report as filed (TestAuditFilingLink)
	var changeIDs []int64
	rows, err := e.reg.DB().Query(`SELECT id FROM audit_status_changes ORDER BY id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id int64
		rows.Scan(&id)
		changeIDs = append(changeIDs, id)
	}
	rows.Close()
	for i, w := range []struct {
		kind string
		ref  int64
	}{{audits.LinkReportPDF, rep.ID}, {audits.LinkResponse, resp.ID}, {audits.LinkResponse, ev.ID}, {audits.LinkStatus, changeIDs[0]}, {audits.LinkStatus, changeIDs[1]}} {
		if l := links[i]; l.LinkKind != w.kind || l.RefID != w.ref || l.EntryID != 0 || l.Hash != registry.LinkHashOf(l) {
			t.Errorf("link %d: %+v, want %s %d", i+1, l, w.kind, w.ref)
		}
	}
	// The record of a status change is the history row as the public page shows it.
	b, _ := registry.CanonicalJSON(audits.StatusRecord{StatusChangeID: changeIDs[1], RecommendationID: rec.ID, ReportID: rep.ID,
		FromStatus: audits.StatusInProgress, Status: audits.StatusImplemented, On: "2026-03-11", Reason: "Plan obowiązuje.",
		ChangedBy: "audytor", CreatedAt: "2026-03-11T11:00:00.000Z"})
	if links[4].DataHash != registry.SHA256Hex(b) {
		t.Errorf("status record: %s, want the hash of %s", links[4].DataHash, b)
	}
	checkers := e.st.LedgerCheckers()
	if v, err := e.reg.VerifyLedger(ctx, nil, checkers...); err != nil || !v.OK() || v.Links != 6 {
		t.Fatalf("verify: %+v %v", v, err)
	}

	db := e.reg.DB()
	for _, q := range []string{`UPDATE audit_responses SET text = 'Inny' WHERE id = 1`, `DELETE FROM audit_responses WHERE id = 1`,
		`UPDATE audit_status_changes SET reason = 'Inny' WHERE id = 1`, `DELETE FROM audit_status_changes WHERE id = 1`} {
		if _, err := db.Exec(q); err == nil {
			t.Errorf("%s: allowed", q)
		}
	}
	for _, trg := range []string{"audit_responses_append_only_update", "audit_status_changes_append_only_update"} {
		if _, err := db.Exec(`DROP TRIGGER ` + trg); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		tamper, undo string
		seq          int64
		problem      string
	}{
		{`UPDATE audit_responses SET text = 'Spółka odrzuca zalecenia.' WHERE id = 1`, `UPDATE audit_responses SET text = 'Spółka przyjmuje zalecenia.' WHERE id = 1`,
			3, "rekord audit_response nr 1 został zmieniony po publikacji"},
		{`UPDATE audit_responses SET posted_at = '2026-03-03T09:00:00.000Z' WHERE id = 2`, `UPDATE audit_responses SET posted_at = '2026-03-10T11:00:00.000Z' WHERE id = 2`,
			4, "rekord audit_response nr 2 został zmieniony po publikacji"},
		{`UPDATE audit_status_changes SET changed_on = '2026-03-03' WHERE id = 1`, `UPDATE audit_status_changes SET changed_on = '2026-03-04' WHERE id = 1`,
			5, "rekord audit_status nr 1 został zmieniony po publikacji"},
		{`UPDATE audit_status_changes SET to_status = 'rejected', reason = 'Bez uzasadnienia.' WHERE id = 2`, `UPDATE audit_status_changes SET to_status = 'implemented', reason = 'Plan obowiązuje.' WHERE id = 2`,
			6, "rekord audit_status nr 2 został zmieniony po publikacji"},
	} {
		if _, err := db.Exec(c.tamper); err != nil {
			t.Fatal(err)
		}
		if v, err := e.reg.VerifyLedger(ctx, nil, checkers...); err != nil || v.BrokenAt != c.seq || !strings.Contains(v.Problem, c.problem) {
			t.Errorf("%s: %+v %v", c.tamper, v, err)
		}
		if _, err := db.Exec(c.undo); err != nil {
			t.Fatal(err)
		}
	}
	if v, err := e.reg.VerifyLedger(ctx, nil, checkers...); err != nil || !v.OK() {
		t.Fatalf("verify after undoing: %+v %v", v, err)
	}
	// The current status is not in the ledger, but it must be the one the history ends with.
	for _, q := range []string{`UPDATE audit_recommendations SET status = 'rejected' WHERE id = ?`, `UPDATE audit_recommendations SET status_on = '2026-03-12' WHERE id = ?`} {
		if _, err := db.Exec(q, rec.ID); err != nil {
			t.Fatal(err)
		}
		if v, err := e.reg.VerifyLedger(ctx, nil, checkers...); err != nil || v.OK() || !strings.Contains(v.Problem, fmt.Sprintf("zalecenie nr %d ma inny status lub datę statusu", rec.ID)) {
			t.Errorf("%s: %+v %v", q, v, err)
		}
		if _, err := db.Exec(`UPDATE audit_recommendations SET status = 'implemented', status_on = '2026-03-11' WHERE id = ?`, rec.ID); err != nil {
			t.Fatal(err)
		}
	}
	// Without history: open on the publication date.
	if _, err := db.Exec(`UPDATE audit_recommendations SET status = 'implemented' WHERE id = ?`, rep.Recommendations[1].ID); err != nil {
		t.Fatal(err)
	}
	if v, _ := e.reg.VerifyLedger(ctx, nil, checkers...); !strings.Contains(v.Problem, fmt.Sprintf("zalecenie nr %d ma inny status", rep.Recommendations[1].ID)) {
		t.Errorf("a recommendation without history marked implemented: %+v", v)
	}
}

// TestAuditTextBackfill writes a response without a PDF and a status change the way they were
// before they entered the ledger: verification names them, and the store's next opening with
// migration 003's request links them.
func TestAuditTextBackfill(t *testing.T) {
	ctx := context.Background()
	e := mustOpen(t, warsawNoon(2026, 3, 10))
	e.company(t, "mpo")
	auditor := registry.Actor{UserID: 1, Login: "audytor", Role: registry.RoleAuditor}
	in := sampleReport("mpo")
	in.PDF = nil
	rep, err := e.st.CreateReport(ctx, auditor, in)
	if err != nil {
		t.Fatal(err)
	}
	db := e.reg.DB()
	if _, err := db.Exec(`INSERT INTO audit_responses (report_id, kind, text, posted_by, posted_at) VALUES (?, 'response', 'Odpowiedź sprzed łańcucha.', 'jan', '2026-03-05T10:00:00.000Z')`, rep.ID); err != nil {
		t.Fatal(err)
	}
	checkers := e.st.LedgerCheckers()
	if v, err := e.reg.VerifyLedger(ctx, nil, checkers...); err != nil || v.OK() || !strings.Contains(v.Problem, "odpowiedź spółki nr 1 jest publiczna, ale nie ma ogniwa") {
		t.Fatalf("verify with an unlinked response: %+v %v", v, err)
	}
	if _, err := db.Exec(`INSERT INTO audit_status_changes (recommendation_id, from_status, to_status, changed_on, reason, changed_by, created_at)
		VALUES (?, 'open', 'in_progress', '2026-03-06', 'Zmiana sprzed łańcucha.', 'audytor', '2026-03-06T10:00:00.000Z')`, rep.Recommendations[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE audit_recommendations SET status = 'in_progress', status_on = '2026-03-06' WHERE id = ?`, rep.Recommendations[0].ID); err != nil {
		t.Fatal(err)
	}
	// The store opening again without the request links nothing.
	if _, err := audits.Open(ctx, e.reg, e.dir); err != nil {
		t.Fatal(err)
	}
	if h, _ := e.reg.LedgerHead(ctx); h.Seq != 1 {
		t.Fatalf("linked without a request: %+v", h)
	}
	if _, err := db.Exec(`INSERT INTO meta (key, value) VALUES ('ledger_backfill_audits_003', '1')`); err != nil {
		t.Fatal(err)
	}
	st, err := audits.Open(ctx, e.reg, e.dir)
	if err != nil {
		t.Fatal(err)
	}
	v, err := e.reg.VerifyLedger(ctx, nil, st.LedgerCheckers()...)
	if err != nil || !v.OK() || v.Links != 3 {
		t.Fatalf("verify after the backfill: %+v %v", v, err)
	}
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM meta WHERE key LIKE 'ledger_backfill_audits%'`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("backfill requests left: %d %v", n, err)
	}
}

// TestAuditFilingLink checks that a report enters the ledger as filed (its description,
// findings and recommendations), that none of it can be changed afterwards while the status
// still can, and that verification finds a rewritten finding, recommendation or summary.
func TestAuditFilingLink(t *testing.T) {
	ctx := context.Background()
	e := mustOpen(t, warsawNoon(2026, 3, 10))
	e.company(t, "mpwik")
	auditor := registry.Actor{UserID: 1, Login: "audytor", Role: registry.RoleAuditor}
	in := sampleReport("mpwik")
	in.PDF = nil
	in.Recommendations = append(in.Recommendations, audits.RecommendationInput{Text: "Szkolić pracowników.", Responsible: "Kadry", DueOn: "2026-09-30"})
	rep, err := e.st.CreateReport(ctx, auditor, in)
	if err != nil {
		t.Fatal(err)
	}
	links, err := e.reg.FindLedger(ctx, 0, 10)
	if err != nil || len(links) != 1 || links[0].LinkKind != audits.LinkFiling || links[0].RefID != rep.ID {
		t.Fatalf("links: %+v %v", links, err)
	}
	f1, f2 := rep.Findings[0], rep.Findings[1]
	r := rep.Recommendations
	want := audits.FilingRecord{ReportID: rep.ID, Company: "mpwik", Title: in.Title, AuditorKind: in.AuditorKind, Kind: in.Kind,
		PeriodFrom: "2025-01-01", PeriodTo: "2025-12-31", StartedOn: "2026-01-12", CompletedOn: "2026-02-20", PublishedOn: "2026-03-02", Summary: in.Summary,
		Findings: []audits.FilingFinding{
			{FindingID: f1.ID, Position: 1, Title: in.Findings[0].Title, Description: in.Findings[0].Description, Severity: "high"},
			{FindingID: f2.ID, Position: 2, Title: in.Findings[1].Title, Severity: "medium"}},
		Recommendations: []audits.FilingRecommendation{
			{RecommendationID: r[0].ID, FindingID: f1.ID, Position: 1, Text: in.Recommendations[0].Text, Responsible: "Prezes Zarządu", DueOn: "2026-06-30"},
			{RecommendationID: r[1].ID, FindingID: f2.ID, Position: 2, Text: in.Recommendations[1].Text, Responsible: "Dział Prawny", DueOn: "2026-04-30"},
			{RecommendationID: r[2].ID, Position: 3, Text: "Szkolić pracowników.", Responsible: "Kadry", DueOn: "2026-09-30"}}}
	if b, _ := registry.CanonicalJSON(want); links[0].DataHash != registry.SHA256Hex(b) {
		t.Errorf("filing record: %s, want the hash of %s", links[0].DataHash, b)
	}
	checkers := e.st.LedgerCheckers()
	if v, err := e.reg.VerifyLedger(ctx, nil, checkers...); err != nil || !v.OK() || v.Links != 1 {
		t.Fatalf("verify: %+v %v", v, err)
	}

	db := e.reg.DB()
	for _, q := range []string{`UPDATE audit_reports SET summary = 'Bez uwag.'`, `UPDATE audit_reports SET published_on = '2026-01-01'`,
		`UPDATE audit_findings SET severity = 'low'`, `DELETE FROM audit_findings`,
		`UPDATE audit_recommendations SET due_on = '2027-12-31'`, `UPDATE audit_recommendations SET text = 'Inne.'`, `DELETE FROM audit_recommendations`} {
		if _, err := db.Exec(q); err == nil {
			t.Errorf("%s: allowed", q)
		}
	}
	// The status and the council's discussion still change.
	if _, err := e.st.ChangeStatus(ctx, auditor, r[0].ID, audits.StatusInput{Status: audits.StatusInProgress, On: "2026-03-05", Reason: "Plan w przygotowaniu."}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.SetCouncil(ctx, auditor, rep.ID, audits.Council{Session: "XX/1/26", Date: "2026-03-09"}); err != nil {
		t.Fatal(err)
	}
	for _, trg := range []string{"audit_reports_filed_immutable", "audit_findings_immutable_update", "audit_findings_immutable_delete", "audit_recommendations_filed_immutable"} {
		if _, err := db.Exec(`DROP TRIGGER ` + trg); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct{ tamper, undo string }{
		{`UPDATE audit_findings SET severity = 'low' WHERE position = 1`, `UPDATE audit_findings SET severity = 'high' WHERE position = 1`},
		{`UPDATE audit_recommendations SET due_on = '2027-06-30' WHERE position = 2`, `UPDATE audit_recommendations SET due_on = '2026-04-30' WHERE position = 2`},
		{`UPDATE audit_reports SET summary = 'Bez uwag.'`, `UPDATE audit_reports SET summary = '` + in.Summary + `'`},
	} {
		if _, err := db.Exec(c.tamper); err != nil {
			t.Fatal(err)
		}
		if v, err := e.reg.VerifyLedger(ctx, nil, checkers...); err != nil || v.BrokenAt != 1 || !strings.Contains(v.Problem, "rekord audit_filing nr 1 został zmieniony po publikacji") {
			t.Errorf("%s: %+v %v", c.tamper, v, err)
		}
		if _, err := db.Exec(c.undo); err != nil {
			t.Fatal(err)
		}
	}
	// A finding added afterwards.
	if _, err := db.Exec(`INSERT INTO audit_findings (report_id, position, title, severity) VALUES (?, 3, 'Dopisane po publikacji', 'low')`, rep.ID); err != nil {
		t.Fatal(err)
	}
	if v, _ := e.reg.VerifyLedger(ctx, nil, checkers...); v.BrokenAt != 1 {
		t.Errorf("a finding added after filing went unnoticed: %+v", v)
	}
}
