package audits_test

import (
	"bytes"
	"context"
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
	if h, _ := e.reg.LedgerHead(ctx); h.Seq != 1 {
		t.Fatalf("a report without a PDF entered the ledger: %+v", h)
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
	if err != nil || len(links) != 4 {
		t.Fatalf("links: %+v %v", links, err)
	}
	for i, w := range []struct {
		kind string
		ref  int64
	}{{audits.LinkReportPDF, withPDF.ID}, {audits.LinkReportPDF, later.ID}, {audits.LinkResponse, plain.ID}, {audits.LinkResponse, resp.ID}} {
		if l := links[i]; l.LinkKind != w.kind || l.RefID != w.ref || l.EntryID != 0 || l.Version != 0 || l.Hash != registry.LinkHashOf(l) {
			t.Errorf("link %d: %+v, want %s %d", i+1, l, w.kind, w.ref)
		}
	}
	checkers := e.st.LedgerCheckers()
	if rep, err := e.reg.VerifyLedger(ctx, nil, checkers...); err != nil || !rep.OK() || rep.Links != 4 {
		t.Fatalf("verify: %+v %v", rep, err)
	}
	if rep, _ := e.reg.VerifyLedger(ctx, nil); rep.OK() || !strings.Contains(rep.Problem, `nieznany rodzaj ogniwa "audit_report"`) {
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
	if rep, err := e.reg.VerifyLedger(ctx, nil, checkers...); err != nil || rep.BrokenAt != 2 || !strings.Contains(rep.Problem, "rekord audit_report nr 2 został zmieniony po publikacji") {
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
	if err != nil || !rep.OK() || rep.Links != 1 {
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
	if err != nil || len(links) != 5 {
		t.Fatalf("links: %+v %v", links, err)
	}
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
	if v, err := e.reg.VerifyLedger(ctx, nil, checkers...); err != nil || !v.OK() || v.Links != 5 {
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
			2, "rekord audit_response nr 1 został zmieniony po publikacji"},
		{`UPDATE audit_responses SET posted_at = '2026-03-03T09:00:00.000Z' WHERE id = 2`, `UPDATE audit_responses SET posted_at = '2026-03-10T11:00:00.000Z' WHERE id = 2`,
			3, "rekord audit_response nr 2 został zmieniony po publikacji"},
		{`UPDATE audit_status_changes SET changed_on = '2026-03-03' WHERE id = 1`, `UPDATE audit_status_changes SET changed_on = '2026-03-04' WHERE id = 1`,
			4, "rekord audit_status nr 1 został zmieniony po publikacji"},
		{`UPDATE audit_status_changes SET to_status = 'rejected', reason = 'Bez uzasadnienia.' WHERE id = 2`, `UPDATE audit_status_changes SET to_status = 'implemented', reason = 'Plan obowiązuje.' WHERE id = 2`,
			5, "rekord audit_status nr 2 został zmieniony po publikacji"},
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
	// The store opening again without the request links nothing.
	if _, err := audits.Open(ctx, e.reg, e.dir); err != nil {
		t.Fatal(err)
	}
	if h, _ := e.reg.LedgerHead(ctx); h.Seq != 0 {
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
	if err != nil || !v.OK() || v.Links != 2 {
		t.Fatalf("verify after the backfill: %+v %v", v, err)
	}
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM meta WHERE key LIKE 'ledger_backfill_audits%'`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("backfill requests left: %d %v", n, err)
	}
}
