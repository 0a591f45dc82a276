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

// TestAuditPDFLinks checks that report and response PDFs enter the ledger when filed, that
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
	if _, err := e.st.PostResponse(ctx, officer, withPDF.ID, audits.ResponseInput{Text: "Stanowisko zarządu."}); err != nil {
		t.Fatal(err)
	}
	resp, err := e.st.PostResponse(ctx, officer, withPDF.ID, audits.ResponseInput{Text: "Uchwała zarządu.", PDF: reportPDF(t, "Uchwała")})
	if err != nil {
		t.Fatal(err)
	}
	links, err := e.reg.FindLedger(ctx, 0, 10)
	if err != nil || len(links) != 3 {
		t.Fatalf("links: %+v %v", links, err)
	}
	for i, w := range []struct {
		kind string
		ref  int64
	}{{audits.LinkReportPDF, withPDF.ID}, {audits.LinkReportPDF, later.ID}, {audits.LinkResponsePDF, resp.ID}} {
		if l := links[i]; l.LinkKind != w.kind || l.RefID != w.ref || l.EntryID != 0 || l.Version != 0 || l.Hash != registry.LinkHashOf(l) {
			t.Errorf("link %d: %+v, want %s %d", i+1, l, w.kind, w.ref)
		}
	}
	checkers := e.st.LedgerCheckers()
	if rep, err := e.reg.VerifyLedger(ctx, nil, checkers...); err != nil || !rep.OK() || rep.Links != 3 {
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
