package web_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"jawnosc/browsertest"
	"jawnosc/registry"
	"jawnosc/testfiles"
)

// importMTG imports the Austrian media transparency file into a new company "demo-at"
// through the ad register's mapped import and returns the file's own sums per outlet.
func importMTG(t *testing.T, e *testEnv) map[string]int64 {
	t.Helper()
	ctx := context.Background()
	path := testfiles.Shared(t, testfiles.MTGPath)
	want, _ := testfiles.SumCents(t, path, "medium", "EURO")
	co := &registry.Company{Slug: "demo-at", Name: "Demo: media transparency Austria", ShortName: "Demo AT"}
	if err := e.store.CreateCompany(ctx, system, co); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tab, err := registry.ReadTable(f, 0)
	if err != nil {
		t.Fatal(err)
	}
	cols, _ := registry.ParseMapping(testfiles.MTGMap)
	set, _ := registry.ParseMapping(testfiles.MTGSet)
	if _, err := e.store.Ads().ImportTable(ctx, system, co.ID, tab, registry.Mapping{Columns: cols, Set: set, IgnoreOthers: true}); err != nil {
		t.Fatal(err)
	}
	return want
}

// TestBrowserAdvertisingView opens the advertising views in Chromium with JavaScript off over
// the demo data plus the real mtg.csv import: the outlet table and the concentration of the
// imported company show the file's sums, the chart is an SVG with a title and a description
// next to its data table, and the filter form works by a plain GET.
func TestBrowserAdvertisingView(t *testing.T) {
	e, base := serveDemo(t)
	want := importMTG(t, e)
	var total int64
	for _, c := range want {
		total += c
	}
	ctx, _ := browsertest.New(t)
	browsertest.DisableJavaScript(ctx, t)
	if status := browsertest.Open(ctx, t, base+"/reklamy/zestawienia?company=demo-at"); status != http.StatusOK {
		t.Fatalf("HTTP %d", status)
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("%s: %v", sel, err)
		}
		return strings.Join(strings.Fields(s), " ")
	}
	orf := money(want["ORF"]) + " EUR"
	if row := text("#tabela-media tbody tr:first-child"); !strings.HasPrefix(row, "ORF ") || !strings.HasSuffix(row, orf) {
		t.Errorf("first outlet row %q, want ORF … %s", row, orf)
	}
	for _, outlet := range []string{"Krone", "Heute", "Kurier"} {
		found := false
		for i := 1; i <= 25 && !found; i++ {
			row := text(fmt.Sprintf("#tabela-media tbody tr:nth-child(%d)", i))
			found = strings.HasPrefix(row, outlet+" ") && strings.HasSuffix(row, money(want[outlet])+" EUR")
		}
		if !found {
			t.Errorf("%s with %s EUR not among the first 25 outlets", outlet, money(want[outlet]))
		}
	}
	conc := text("#tabela-koncentracji tbody tr:first-child")
	if !strings.Contains(conc, "Demo AT") || !strings.Contains(conc, money(total)+" EUR") || !strings.Contains(conc, "ORF") || !strings.Contains(conc, "niska koncentracja") {
		t.Errorf("concentration row %q (total %s EUR)", conc, money(total))
	}
	if !strings.Contains(text("#hhi-wyjasnienie"), "Herfindahla–Hirschmana") {
		t.Error("no explanation of the HHI")
	}
	content := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("%s: %v", sel, err)
		}
		return s
	}
	title := content(`figure[aria-labelledby="wykres-media-cap"] svg title`)
	desc := content(`figure[aria-labelledby="wykres-media-cap"] svg desc`)
	if !strings.Contains(title, "Media") || !strings.Contains(desc, "ORF") || !strings.Contains(desc, "tabeli") {
		t.Errorf("chart title %q desc %q", title, desc)
	}
	if row := text("#wykres-media-dane tbody tr:first-child"); !strings.HasPrefix(row, "ORF") {
		t.Errorf("chart table first row %q", row)
	}
	// The filter form, without JavaScript: choose MPK and submit.
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.ID("f-company"), "mpk")); err != nil {
		t.Fatal(err)
	}
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`#filtry button[type="submit"]`)))
	if err != nil || resp.Status != http.StatusOK || !strings.Contains(resp.URL, "company=mpk") {
		t.Fatalf("submitting the filters: %v %+v", err, resp)
	}
	if row := text("#tabela-koncentracji tbody tr:first-child"); !strings.HasPrefix(row, "MPK") {
		t.Errorf("after filtering by MPK: %q", row)
	}
	browsertest.RequireNoSeriousViolations(t, ctx, "")
}

// money formats cents the Polish way without the currency ("4 048 150,32").
func money(cents int64) string {
	return strings.TrimSuffix(registry.Money(cents).String(), " zł")
}

// TestAccessibilityRegisters runs axe-core on every new page of the expense, advertising and
// recruitment registers over the demo data and fails on serious or critical violations.
func TestAccessibilityRegisters(t *testing.T) {
	e, base := serveDemo(t)
	ctx := context.Background()
	exp, _, err := e.store.FindExpenses(ctx, registry.ExpenseFilter{EntryFilter: registry.EntryFilter{Status: []string{registry.StatusWithdrawn, registry.StatusPublished}, Limit: 1}})
	if err != nil || len(exp) == 0 {
		t.Fatal(err)
	}
	ads, _, err := e.store.FindAds(ctx, registry.AdFilter{Sort: "amount", EntryFilter: registry.EntryFilter{Limit: 1}})
	if err != nil || len(ads) == 0 {
		t.Fatal(err)
	}
	recs, _, err := e.store.FindRecruitments(ctx, registry.RecruitmentFilter{Procedure: ref(registry.ProcedureWithout), EntryFilter: registry.EntryFilter{Limit: 1}})
	if err != nil || len(recs) == 0 {
		t.Fatal(err)
	}
	pages := []struct {
		path   string
		status int64
	}{
		{"/wydatki", 200}, {fmt.Sprintf("/wydatki/%d", exp[0].ID), 200}, {"/wydatki?category=zle", 400},
		{"/reklamy", 200}, {fmt.Sprintf("/reklamy/%d", ads[0].ID), 200}, {"/reklamy/zestawienia", 200},
		{"/rekrutacje", 200}, {fmt.Sprintf("/rekrutacje/%d", recs[0].ID), 200},
		{"/spolki/mpk", 200}, {"/spolki/mpk/wydatki", 200}, {"/spolki/mpk/reklamy", 200}, {"/spolki/mpk/rekrutacje", 200},
		{"/szukaj?q=sponsoring&kind=expense", 200},
	}
	bc, _ := browsertest.New(t)
	for _, p := range pages {
		if status := browsertest.Open(bc, t, base+p.path); status != p.status {
			t.Errorf("%s: HTTP %d, want %d", p.path, status, p.status)
		}
		browsertest.RequireNoSeriousViolations(t, bc, "")
	}
	if logs := e.logs.String(); logs != "" {
		t.Errorf("logged: %s", logs)
	}
}

func ref[T any](v T) *T { return &v }

// TestAccessibilityPanelRegisters signs in through the real form in Chromium (no JavaScript)
// and runs axe-core on the panel pages of the three registers, an error-filled form included.
func TestAccessibilityPanelRegisters(t *testing.T) {
	e, base := serveDemo(t)
	e.mustCreateUser(t, "ewa.a11y", registry.RoleOfficer, "mpk")
	ctx, _ := browsertest.New(t)
	browsertest.DisableJavaScript(ctx, t)
	browsertest.Open(ctx, t, base+"/logowanie")
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("login"), "ewa.a11y")); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("password"), testPassword)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`main form button[type="submit"]`))); err != nil {
		t.Fatal(err)
	}
	exp, _, err := e.store.FindExpenses(context.Background(), registry.ExpenseFilter{EntryFilter: registry.EntryFilter{CompanyID: &e.mustCompany(t, "mpk").ID, Limit: 1}})
	if err != nil || len(exp) == 0 {
		t.Fatal(err)
	}
	id := fmt.Sprint(exp[0].ID)
	for _, p := range []string{"/panel", "/panel/wydatki", "/panel/wydatki/nowy", "/panel/wydatki/" + id, "/panel/wydatki/" + id + "/korekta",
		"/panel/reklamy/nowy", "/panel/reklamy/import", "/panel/rekrutacje/nowy", "/panel/rekrutacje"} {
		if status := browsertest.Open(ctx, t, base+p); status != http.StatusOK {
			t.Errorf("%s: HTTP %d", p, status)
		}
		browsertest.RequireNoSeriousViolations(t, ctx, "")
	}
	// A form sent with mistakes: the error summary and the marked fields.
	browsertest.Open(ctx, t, base+"/panel/wydatki/nowy")
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`button[name="action"][value="draft"]`)))
	if err != nil || resp.Status != http.StatusUnprocessableEntity {
		t.Fatalf("empty form: %v %+v", err, resp)
	}
	browsertest.RequireNoSeriousViolations(t, ctx, "")
}

// mustCompany returns a company of the store by slug.
func (e *testEnv) mustCompany(tb testing.TB, slug string) *registry.Company {
	tb.Helper()
	co, err := e.store.FindCompanyBySlug(context.Background(), slug)
	if err != nil {
		tb.Fatal(err)
	}
	return co
}
