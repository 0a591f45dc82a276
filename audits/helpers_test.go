package audits_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jawnosc/audits"
	"jawnosc/registry"
)

var system = registry.SystemActor("test")

// env is a real registry store and an audits store over it, with a pinned clock.
type env struct {
	reg   *registry.Store
	st    *audits.Store
	clock *time.Time
	dir   string
}

// mustOpen opens both stores in a temporary directory; the clock starts at at (UTC).
func mustOpen(tb testing.TB, at time.Time) *env {
	tb.Helper()
	dir := tb.TempDir()
	reg, err := registry.Open(filepath.Join(dir, "jawnosc.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { reg.Close() })
	clock := at
	reg.Now = func() time.Time { return clock }
	st, err := audits.Open(context.Background(), reg, dir)
	if err != nil {
		tb.Fatal(err)
	}
	st.Now = func() time.Time { return clock }
	return &env{reg: reg, st: st, clock: &clock, dir: dir}
}

// set moves the pinned clock.
func (e *env) set(t time.Time) { *e.clock = t }

// company adds a company with the given slug.
func (e *env) company(tb testing.TB, slug string) *registry.Company {
	tb.Helper()
	c := &registry.Company{Slug: slug, Name: "Spółka " + strings.ToUpper(slug) + " sp. z o.o.", ShortName: strings.ToUpper(slug)}
	if err := e.reg.CreateCompany(context.Background(), system, c); err != nil {
		tb.Fatal(err)
	}
	return c
}

// minimalPDF is a small valid PDF document.
// minimalPDF is the smallest PDF a reader opens: a header, one object, the cross-reference
// table (at byte 42) and its trailer.
var minimalPDF = []byte("%PDF-1.4\n1 0 obj\n<</Type/Catalog>>\nendobj\n" +
	"xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<</Root 1 0 R/Size 2>>\nstartxref\n42\n%%EOF\n")

// sampleReport returns a valid report input for the company.
func sampleReport(company string) audits.ReportInput {
	return audits.ReportInput{
		Company: company, Title: "Kontrola zamówień poniżej progu w 2025 r.", AuditorKind: "city_audit_centre",
		Kind: "procurement", PeriodFrom: "2025-01-01", PeriodTo: "2025-12-31",
		StartedOn: "2026-01-12", CompletedOn: "2026-02-20", PublishedOn: "2026-03-02",
		Summary: "Audyt objął zamówienia udzielane bez przetargu. Stwierdzono dzielenie zamówień.",
		Findings: []audits.FindingInput{
			{Title: "Dzielenie zamówień na usługi sprzątania", Description: "Trzy umowy z jednym wykonawcą.", Severity: "high"},
			{Title: "Opóźnienia w publikacji umów", Severity: "medium"},
		},
		Recommendations: []audits.RecommendationInput{
			{Finding: 1, Text: "Wprowadzić plan zamówień i łączne szacowanie wartości.", Responsible: "Prezes Zarządu", DueOn: "2026-06-30"},
			{Finding: 2, Text: "Publikować umowy w ciągu 7 dni od podpisania.", Responsible: "Dział Prawny", DueOn: "2026-04-30"},
		},
		PDF: minimalPDF,
	}
}

func warsawNoon(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 12, 0, 0, 0, registry.Warsaw())
}
