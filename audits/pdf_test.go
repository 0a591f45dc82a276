package audits_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"jawnosc/audits"
	"jawnosc/registry"
)

// pdfText extracts a PDF's text with poppler's pdftotext (installed by `make tools`).
func pdfText(tb testing.TB, doc []byte) string {
	tb.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		tb.Fatalf("pdftotext not found (run `make tools`): %v", err)
	}
	path := filepath.Join(tb.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, doc, 0o600); err != nil {
		tb.Fatal(err)
	}
	out, err := exec.Command(bin, "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		tb.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func TestCompanyExtractPDF(t *testing.T) {
	ctx := context.Background()
	e := mustOpen(t, warsawNoon(2026, 3, 5))
	mpk := e.company(t, "mpk")
	// 140 contracts: a table long enough for at least three pages.
	for i := range 140 {
		e.contractAt(t, mpk, fmt.Sprintf("ZŁ/%03d/2025", i+1), nip(t, "676246734"), registry.Date(fmt.Sprintf("2025-%02d-%02d", i%12+1, i%28+1)),
			zl(1000+int64(i), 0), registry.ModeQuotationBelowThreshold, "")
	}
	e.set(warsawNoon(2026, 3, 5))
	if _, err := e.st.CreateReport(ctx, system, sampleReport("mpk")); err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if err := audits.ValidatePeriod("2025-12-31", "2025-01-01"); registry.ErrorFields(err)["to"] == "" {
		t.Fatalf("reversed period: %v", err)
	}
	ex, err := e.st.CompanyExtract(ctx, mpk, "2025-01-01", "2026-12-31")
	if err != nil {
		t.Fatal(err)
	}
	if ex.Count != 140 || len(ex.Reports) != 1 || len(ex.Signals) == 0 {
		t.Fatalf("extract: %d contracts, %d reports, %d signals", ex.Count, len(ex.Reports), len(ex.Signals))
	}
	doc, err := ex.PDF(warsawNoon(2026, 3, 5))
	if err != nil {
		t.Fatal(err)
	}
	raw := pdfText(t, doc)
	text := strings.Join(strings.Fields(raw), " ")
	for _, want := range []string{"Wyciąg z rejestrów spółki Spółka MPK sp. z o.o.", "Usługi sprzątania ZŁ/001/2025", "zapytanie ofertowe poniżej progu",
		"W okresie spółka zawarła 140 umów", "Kontrola zamówień poniżej progu w 2025 r.", "możliwy podział zamówienia", "Sygnały do sprawdzenia"} {
		if !strings.Contains(text, want) {
			t.Errorf("extract text lacks %q", want)
		}
	}
	pages := strings.Split(strings.TrimRight(raw, "\f"), "\f")
	if len(pages) < 3 {
		t.Fatalf("extract has %d pages, want at least 3", len(pages))
	}
	// The contracts table repeats its header on every page it spans.
	withHeader := 0
	for _, p := range pages {
		if strings.Contains(p, "Przedmiot") && strings.Contains(p, "Kontrahent") && strings.Contains(p, "Usługi sprzątania") {
			withHeader++
		}
	}
	if withHeader < 3 {
		t.Fatalf("the contracts table's header is on %d pages, want ≥ 3", withHeader)
	}
}

func TestAuditSummaryPDF(t *testing.T) {
	ctx := context.Background()
	e := mustOpen(t, warsawNoon(2026, 3, 5))
	e.company(t, "mpk")
	rep, err := e.st.CreateReport(ctx, system, sampleReport("mpk"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.st.ChangeStatus(ctx, system, rep.Recommendations[0].ID, audits.StatusInput{Status: audits.StatusInProgress, On: "2026-03-04", Reason: "Zarząd przyjął harmonogram wdrożenia."}); err != nil {
		t.Fatal(err)
	}
	e.set(warsawNoon(2026, 5, 3))
	rep, err = e.st.FindReportByID(ctx, rep.ID)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := rep.SummaryPDF(warsawNoon(2026, 5, 3))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(pdfText(t, doc)), " ")
	for _, want := range []string{"Kontrola zamówień poniżej progu w 2025 r.", "Centrum Audytu Miasta", "Dzielenie zamówień na usługi sprzątania",
		"wysoka", "Zarząd przyjął harmonogram wdrożenia.", "otwarta → w realizacji", "po terminie 3 dni", rep.PDF.SHA256[:40]} {
		if !strings.Contains(text, want) {
			t.Errorf("summary text lacks %q", want)
		}
	}
}
