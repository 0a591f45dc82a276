package web_test

import (
	"context"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"jawnosc/registry"
	"jawnosc/testfiles"
)

// expenseImportForm is an expense import with a mapping, an ignored column and a fixed value.
var expenseImportForm = url.Values{"company": {"mpk"}, "map": {"Data=spent_on,Kwota=amount_gross,Cel=purpose,Odbiorca=recipient_name,Uwagi=-"},
	"set": {"category=sponsorship"}}

const expenseImportCSV = "Data;Kwota;Cel;Odbiorca;Uwagi\n2026-02-10;1 234,56;Turniej juniorów;Klub Sportowy Wisła;pilne\n14.03.2026;99,5;Festyn rodzinny;Stowarzyszenie Podgórze;\n"

func (e *testEnv) countExpenses(tb testing.TB) int {
	tb.Helper()
	n, err := e.store.Expenses().CountPublic(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

// TestRegisterImportPreviewThenConfirm uploads expenses with a mapping: the preview shows
// the mapping applied and the rows as they will be listed and writes nothing; a
// confirmation without the CSRF token, from another officer's session, for another register
// or with an unknown id imports nothing; the owner's confirmation imports exactly the
// previewed rows, once.
func TestRegisterImportPreviewThenConfirm(t *testing.T) {
	e := mustOpenEnv(t, false)
	b := e.mustLogin(t, "ewa", registry.RoleOfficer, "mpk")
	before := e.countExpenses(t)
	resp, body := b.sendMultipart(t, e, "/panel/wydatki/import", expenseImportForm, upload{"file", "wydatki.csv", "text/csv", []byte(expenseImportCSV)})
	m := pendingID.FindStringSubmatch(body)
	if resp.StatusCode != http.StatusOK || m == nil {
		t.Fatalf("preview: %d %s", resp.StatusCode, excerpt(body))
	}
	for _, want := range []string{"Podgląd: wydatki.csv", "2 wiersze", // file and rows
		"<th scope=\"row\">Kwota</th><td>Kwota brutto (<code>amount_gross</code>)", // their column → our field
		"<th scope=\"row\">Uwagi</th><td><span class=\"muted\">pomijana</span>",    // ignored
		"Kategoria (<code>category</code>)</th><td>sponsoring (sponsorship)",       // fixed value
		"10.02.2026", "14.03.2026", "1 234,56 zł", "99,50 zł", "Sponsoring: Turniej juniorów", "Klub Sportowy Wisła",
		"Zatwierdź import 2 wpisów", `value="category=sponsorship"`, `value="Data=spent_on,Kwota=amount_gross`} {
		if !strings.Contains(body, want) {
			t.Errorf("preview lacks %q", want)
		}
	}
	if strings.Contains(body, `class="error-summary"`) {
		t.Errorf("a good preview shows an error summary: %s", excerpt(body))
	}
	if n := e.countExpenses(t); n != before {
		t.Fatalf("the preview stored entries: %d → %d", before, n)
	}

	confirm := "/panel/wydatki/import/potwierdz"
	if resp, _ := b.send(t, e, "POST", confirm, url.Values{"id": {m[1]}, "_csrf": {""}}); resp.StatusCode != http.StatusForbidden {
		t.Errorf("confirmation without the CSRF token: %d", resp.StatusCode)
	}
	other := e.mustLogin(t, "jan", registry.RoleOfficer, "mpk")
	if resp, body := other.send(t, e, "POST", confirm, url.Values{"id": {m[1]}}); resp.StatusCode != http.StatusConflict || !strings.Contains(body, "Ten podgląd importu wygasł") {
		t.Errorf("confirmation from another officer's session: %d %s", resp.StatusCode, excerpt(body))
	}
	if resp, _ := b.send(t, e, "POST", "/panel/reklamy/import/potwierdz", url.Values{"id": {m[1]}}); resp.StatusCode != http.StatusConflict {
		t.Errorf("confirmation as another register: %d", resp.StatusCode)
	}
	if resp, _ := b.send(t, e, "POST", confirm, url.Values{"id": {"nieznany"}}); resp.StatusCode != http.StatusConflict {
		t.Errorf("confirmation of an unknown upload: %d", resp.StatusCode)
	}
	if n := e.countExpenses(t); n != before {
		t.Fatalf("refused confirmations stored entries: %d → %d", before, n)
	}

	resp, _ = b.send(t, e, "POST", confirm, url.Values{"id": {m[1]}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/panel/wydatki/import?zaimportowano=2" {
		t.Fatalf("confirmation: %d %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	es, _, err := e.store.FindExpenses(context.Background(), registry.ExpenseFilter{EntryFilter: registry.EntryFilter{Limit: 100}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range es {
		got = append(got, string(x.Data.SpentOn)+" "+x.Data.AmountGross.Decimal()+" "+x.Data.Purpose+" "+x.Data.Recipient.Name+" "+x.Data.Category)
	}
	slices.Sort(got)
	want := []string{"2026-02-10 1234,56 Turniej juniorów Klub Sportowy Wisła sponsorship", "2026-03-14 99,50 Festyn rodzinny Stowarzyszenie Podgórze sponsorship"}
	if before != 0 || !slices.Equal(got, want) {
		t.Fatalf("imported %v, want %v", got, want)
	}
	_, body = b.send(t, e, "GET", resp.Header.Get("Location"), nil)
	if !strings.Contains(body, "Zaimportowano i opublikowano 2 wpisy") || !strings.Contains(body, `href="/panel/wydatki"`) {
		t.Errorf("result page: %s", excerpt(body))
	}
	if resp, _ := b.send(t, e, "POST", confirm, url.Values{"id": {m[1]}}); resp.StatusCode != http.StatusConflict || e.countExpenses(t) != before+2 {
		t.Errorf("a second confirmation: %d, %d entries", resp.StatusCode, e.countExpenses(t))
	}
}

// TestRegisterImportBadRowCannotBeConfirmed: a file with a bad row is previewed with the
// row's line, column and message, no confirmation is offered, and nothing is written.
func TestRegisterImportBadRowCannotBeConfirmed(t *testing.T) {
	e := mustOpenEnv(t, false)
	b := e.mustLogin(t, "ewa", registry.RoleOfficer, "mpk")
	before := e.countExpenses(t)
	bad := strings.Replace(expenseImportCSV, "99,5", "dużo", 1)
	resp, body := b.sendMultipart(t, e, "/panel/wydatki/import", expenseImportForm, upload{"file", "wydatki.csv", "text/csv", []byte(bad)})
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("preview of a bad file: %d %s", resp.StatusCode, excerpt(body))
	}
	for _, want := range []string{"wiersz 3, kolumna amount_gross", "Nie można zaimportować pliku: nic nie zostanie zapisane", `href="#f-file"`,
		"Kwota brutto (<code>amount_gross</code>)", `value="category=sponsorship"`} {
		if !strings.Contains(body, want) {
			t.Errorf("preview of a bad file lacks %q", want)
		}
	}
	if pendingID.MatchString(body) || strings.Contains(body, "Zatwierdź import") || strings.Contains(body, "/import/potwierdz") {
		t.Errorf("a file with a bad row can be confirmed: %s", excerpt(body))
	}
	if n := e.countExpenses(t); n != before {
		t.Fatalf("a bad file stored entries: %d → %d", before, n)
	}

	// A mapping the header does not fit: the preview shows the mapping and the reason.
	form := with(expenseImportForm, "map", "Data=spent_on,Kwota=amount_gross,Cel=purpose,Odbiorca=recipient_name,Brak=currency")
	resp, body = b.sendMultipart(t, e, "/panel/wydatki/import", form, upload{"file", "wydatki.csv", "text/csv", []byte(expenseImportCSV)})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "w pliku nie ma kolumny „Brak”") || !strings.Contains(body, `id="mapowanie"`) ||
		!strings.Contains(body, `id="problem-pliku"`) || pendingID.MatchString(body) {
		t.Errorf("a mapping that does not fit: %d %s", resp.StatusCode, excerpt(body))
	}
	if n := e.countExpenses(t); n != before {
		t.Fatalf("a bad mapping stored entries: %d → %d", before, n)
	}
}

// TestRegisterImportMTG previews and confirms the real mtg.csv with its documented mapping
// through the panel: the per-outlet totals stored equal the file's own sums.
func TestRegisterImportMTG(t *testing.T) {
	e := mustOpenEnv(t, false)
	ctx := context.Background()
	path := testfiles.Shared(t, testfiles.MTGPath)
	want, rows := testfiles.SumCents(t, path, "medium", "EURO")
	co := &registry.Company{Slug: "demo-at", Name: "Demo: media transparency Austria", ShortName: "Demo AT"}
	if err := e.store.CreateCompany(ctx, system, co); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b := e.mustLogin(t, "greta", registry.RoleOfficer, "demo-at")
	form := url.Values{"company": {"demo-at"}, "map": {testfiles.MTGMap}, "set": {testfiles.MTGSet}}
	resp, body := b.sendMultipart(t, e, "/panel/reklamy/import", form, upload{"file", "mtg.csv", "text/csv", data})
	m := pendingID.FindStringSubmatch(body)
	if resp.StatusCode != http.StatusOK || m == nil {
		t.Fatalf("mtg.csv preview: %d %s", resp.StatusCode, excerpt(body))
	}
	count := regexp.MustCompile(`Zatwierdź import ([0-9\p{Zs}]+) wpisów`).FindStringSubmatch(body)
	if count == nil || strings.Join(strings.Fields(strings.ReplaceAll(count[1], "\u00a0", " ")), "") != strconv.Itoa(rows) {
		t.Errorf("confirm button for %d rows: %v", rows, count)
	}
	for _, want := range []string{"<th scope=\"row\">EURO</th><td>Kwota brutto (<code>amount_gross</code>)", "<th scope=\"row\">LEERMELDUNG</th><td><span class=\"muted\">pomijana</span>",
		"Waluta (<code>currency</code>)</th><td>EUR", "III kw. 2012", "40 542,94 EUR", "(pierwsze 500 z "} {
		if !strings.Contains(body, want) {
			t.Errorf("mtg.csv preview lacks %q", want)
		}
	}
	if n, _ := e.store.Ads().CountPublic(ctx); n != 0 {
		t.Fatalf("the preview stored %d ads", n)
	}
	if resp, _ := b.send(t, e, "POST", "/panel/reklamy/import/potwierdz", url.Values{"id": {m[1]}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("mtg.csv confirmation: %d", resp.StatusCode)
	}
	got := map[string]int64{}
	n := 0
	for offset := 0; ; offset += 500 {
		ads, _, err := e.store.FindAds(ctx, registry.AdFilter{EntryFilter: registry.EntryFilter{CompanyID: &co.ID, Offset: offset, Limit: 500}})
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range ads {
			got[a.Data.Outlet.Name] += int64(a.Data.AmountGross)
			if a.Data.Currency != "EUR" {
				t.Fatalf("ad in %s", a.Data.Currency)
			}
		}
		n += len(ads)
		if len(ads) < 500 {
			break
		}
	}
	if n != rows || len(got) != len(want) {
		t.Fatalf("imported %d ads of %d outlets, the file has %d rows of %d outlets", n, len(got), rows, len(want))
	}
	for outlet, cents := range want {
		if got[outlet] != cents {
			t.Errorf("%s: %d, the file sums %d", outlet, got[outlet], cents)
		}
	}
}
