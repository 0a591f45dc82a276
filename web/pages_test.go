package web_test

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// scenario is one request and what its answer must and must not contain.
type scenario struct {
	method, path string
	status       int
	want         []string // substrings of the body
	forbid       []string // substrings the body must not have
}

// run checks every scenario against the app.
func (e *testEnv) run(t *testing.T, scenarios []scenario) {
	t.Helper()
	for _, sc := range scenarios {
		method := sc.method
		if method == "" {
			method = http.MethodGet
		}
		t.Run(method+" "+sc.path, func(t *testing.T) {
			resp, body := e.do(t, method, sc.path)
			if resp.StatusCode != sc.status {
				t.Errorf("status %d, want %d; body:\n%s", resp.StatusCode, sc.status, excerpt(body))
			}
			for _, w := range sc.want {
				if !strings.Contains(body, w) {
					t.Errorf("body lacks %q:\n%s", w, excerpt(body))
				}
			}
			for _, f := range sc.forbid {
				if strings.Contains(body, f) {
					t.Errorf("body has forbidden %q", f)
				}
			}
		})
	}
}

// excerpt returns the main part of an HTML page (or the whole body if short).
func excerpt(body string) string {
	if i := strings.Index(body, "<main"); i >= 0 {
		body = body[i:]
	}
	if len(body) > 3000 {
		body = body[:3000] + "…"
	}
	return body
}

func TestPublicPages(t *testing.T) {
	e := mustOpenEnv(t, true)
	id := func(n int64) string { return fmt.Sprint(n) }
	e.run(t, []scenario{
		{path: "/", status: 200, want: []string{`<html lang="pl">`, `id="demo-banner"`, "Dane demonstracyjne", `role="search"`,
			"Miejskie Przedsiębiorstwo Komunikacyjne S.A.", "Wodociągi Miasta Krakowa S.A.", "30</strong> umów",
			"1 983 567,89 zł", "Ostatnio opublikowane umowy", `href="#tresc"`, `<main id="tresc"`}},

		// Search: highlights, facets, sort, malformed queries, pages.
		{path: "/szukaj?q=autobus", status: 200, want: []string{`id="wyniki"`, "<mark>autobusów</mark>", "1 wynik.", `name="company" value="mpk"`, "1 234 567,89 zł netto"}},
		{path: "/szukaj?q=lodz", status: 200, want: []string{"Budowa kanalizacji w <mark>Łodzi</mark>"}},
		{path: "/szukaj?q=przegl%C4%85d&company=mpk&sort=value", status: 200, want: []string{"24 wyniki", `value="mpk" checked`, `<option value="value" selected>`, "pojazdu nr 24"}, forbid: []string{"pojazdu nr 1<"}},
		{path: "/szukaj?q=przegl%C4%85d&page=2", status: 200, want: []string{`aria-current="page" aria-label="Strona 2"`, "Strona 2 z 2"}},
		{path: "/szukaj?q=ab*", status: 400, want: []string{"Przed gwiazdką wpisz co najmniej 3 litery", `id="blad-zapytania"`, `value="ab*"`}, forbid: []string{"Błąd serwera"}},
		{path: "/szukaj?q=autobus&sort=losowo", status: 400, want: []string{"Nieznany porządek sortowania"}},
		{path: "/szukaj?page=0", status: 400, want: []string{"Numer strony musi być liczbą"}},
		{path: "/szukaj?page=abc", status: 400, want: []string{"Numer strony musi być liczbą"}},
		{path: "/szukaj?year=dwa", status: 400, want: []string{"Rok musi być liczbą"}},
		{path: "/szukaj?page=9", status: 200, want: []string{"poza zakresem", "Brak wyników na tej stronie"}},
		{path: "/szukaj?q=szkic", status: 200, want: []string{"0 wyników"}, forbid: []string{"Tajny szkic"}},

		// Companies.
		{path: "/spolki", status: 200, want: []string{"<caption>Spółki miejskie</caption>", `<th scope="row"><a href="/spolki/mpk">`, "6750002236", `aria-current="page">Spółki`}},
		{path: "/spolki/mpk", status: 200, want: []string{"<h1>Miejskie Przedsiębiorstwo Komunikacyjne S.A.</h1>", "26 umów", "Dostawa autobusów elektrycznych",
			`<nav class="pagination" aria-label="Strony wyników">`, `aria-current="page" aria-label="Strona 1"`, `href="/spolki/mpk?page=2"`, "/umowy?company=mpk&amp;year=2026"}},
		{path: "/spolki/mpk?page=2", status: 200, want: []string{`aria-current="page" aria-label="Strona 2"`, "Umowy 21–26 z 26"}},
		{path: "/spolki/mpk?page=7", status: 200, want: []string{"poza zakresem", `href="/spolki/mpk?page=2"`}},
		{path: "/spolki/mpk?page=x", status: 400, want: []string{"Numer strony musi być liczbą", "Nieprawidłowe zapytanie"}},
		{path: "/spolki/mpk?page=-3", status: 400},
		{path: "/spolki/nieznana", status: 404, want: []string{"Nie ma spółki o identyfikatorze „nieznana”"}},

		// Contract list with filters.
		{path: "/umowy", status: 200, want: []string{"30 umów o łącznej wartości netto 1 983 567,89 zł", `for="f-od"`, "Wartość netto od (zł)", `href="/umowy?page=2"`}},
		{path: "/umowy?od=100+000&do=200+000%2C00", status: 200, want: []string{"Budowa kanalizacji", "Usługi doradcze", "2 umowy"}, forbid: []string{"Dostawa autobusów"}},
		{path: "/umowy?od=abc", status: 400, want: []string{"Nieprawidłowa kwota", `aria-invalid="true" aria-describedby="e-od"`, `value="abc"`}},
		{path: "/umowy?od=500&do=100", status: 400, want: []string{"nie może być mniejsza"}},
		{path: "/umowy?mode=losowanie", status: 400, want: []string{"Nieznany tryb"}},
		{path: "/umowy?counterparty=Kanalizacje", status: 200, want: []string{"1 umowa", "Budowa kanalizacji"}, forbid: []string{"Dostawa autobusów"}},
		{path: "/umowy?company=wodociagi&year=2026&mode=open_tender", status: 200, want: []string{"4 umowy", `<option value="wodociagi" selected>`}},
		{path: "/umowy?year=2025", status: 200, want: []string{"0 umów", "Żadna umowa nie spełnia"}},
		{path: "/umowy?year=20x5", status: 400, want: []string{"Rok musi być liczbą"}},
		{path: "/umowy?page=0", status: 400},

		// Contract pages.
		{path: "/umowy/" + id(e.bus), status: 200, want: []string{`<h1 id="przedmiot">Dostawa autobusów elektrycznych</h1>`, "1 234 567,89 zł", "1 518 518,50 zł",
			"przetarg nieograniczony", "5 marca 2026", `href="/kontrahenci/6762467343"`, "Wersja 1 — publikacja", "Do umowy nie zawarto aneksów", "Finansowanie ze środków UE"}},
		{path: "/umowy/" + id(e.script), status: 200, want: []string{"&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; Remont torowiska"}, forbid: []string{`<script>alert`}},
		{path: "/umowy/" + id(e.amended), status: 200, want: []string{"Aneksy do umowy", "09.03.2026", "Roboty dodatkowe na ul. Kamiennej",
			"Wartość netto: 100 000,00 zł → 160 000,00 zł", "Wersja 2 — aneks", "<td>100 000,00 zł</td><td>160 000,00 zł</td>"}},
		{path: "/umowy/" + id(e.withdrawn), status: 200, want: []string{`id="wycofana"`, "Powód wycofania: Umowa wpisana do rejestru omyłkowo", "Wersja 2 — wycofanie", "wycofana"}},
		{path: "/umowy/" + id(e.late), status: 200, want: []string{`id="opoznienie"`, "opublikowano 64 dni po jej zawarciu"}},
		{path: "/umowy/" + id(e.bus), status: 200, forbid: []string{`id="opoznienie"`, `id="wycofana"`}},
		{path: "/umowy/" + id(e.redacted), status: 200, want: []string{"[wyłączono z jawności: tajemnica przedsiębiorcy]", "Wykonawca zastrzegł kalkulację ceny.", "<th scope=\"row\">opis</th>"}},
		{path: "/umowy/" + id(e.draft), status: 404, forbid: []string{"Tajny szkic"}},
		{path: "/umowy/999999", status: 404, want: []string{"Nie znaleziono umowy nr 999999"}},
		{path: "/umowy/abc", status: 404, want: []string{"Nie znaleziono"}},

		// Counterparties.
		{path: "/kontrahenci/6762467343", status: 200, want: []string{"Firma Testowa sp. z o.o.", "NIP 6762467343", "Umowy z kontrahentem według spółek",
			"Miejskie Przedsiębiorstwo Komunikacyjne S.A.", "Wodociągi Miasta Krakowa S.A.", "29 umów"}},
		{path: "/kontrahenci/6762467343?page=2", status: 200, want: []string{"Umowy 21–29 z 29"}},
		{path: "/kontrahenci/5260250274", status: 200, want: []string{"Kanalizacje Polskie S.A.", "1 umowa"}, forbid: []string{"Miejskie Przedsiębiorstwo Komunikacyjne S.A."}},
		{path: "/kontrahenci/1234567890", status: 404, want: []string{"nie jest prawidłowym numerem NIP"}},
		{path: "/kontrahenci/1234567897", status: 404},
		{path: "/kontrahenci/6762467343?page=zero", status: 400},

		// Unknown routes and methods.
		{path: "/nie-ma-takiej-strony", status: 404, want: []string{"Nie ma takiej strony.", `<html lang="pl">`, "Dane demonstracyjne"}},
		// A form post without the anti-forgery token is refused before routing.
		{method: http.MethodPost, path: "/", status: 403, want: []string{"Formularz wygasł"}},
		{method: http.MethodPut, path: "/api/v1/contracts", status: 405, want: []string{"Ta metoda nie jest dozwolona"}},
		{method: http.MethodHead, path: "/umowy", status: 200},
	})
}

func TestCounterpartyNIPIsNormalized(t *testing.T) {
	e := mustOpenEnv(t, false)
	resp, _ := e.do(t, http.MethodGet, "/kontrahenci/676-246-73-43?page=2")
	if resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/kontrahenci/6762467343?page=2" {
		t.Fatalf("status %d, location %q", resp.StatusCode, resp.Header.Get("Location"))
	}
}

func TestNoDemoBannerWithoutDemo(t *testing.T) {
	e := mustOpenEnv(t, false)
	for _, p := range []string{"/", "/umowy", "/nie-ma"} {
		if _, body := e.do(t, http.MethodGet, p); strings.Contains(body, "Dane demonstracyjne") {
			t.Errorf("%s: demo banner without Demo", p)
		}
	}
}

func TestSecurityHeaders(t *testing.T) {
	e := mustOpenEnv(t, false)
	for _, p := range []string{"/", "/szukaj?q=ab*", "/nie-ma", "/api/v1/companies", "/api/v1/contracts/0"} {
		resp, _ := e.do(t, http.MethodGet, p)
		for h, want := range map[string]string{
			"Content-Security-Policy": "default-src 'self'",
			"X-Content-Type-Options":  "nosniff",
			"Referrer-Policy":         "same-origin",
			"Permissions-Policy":      "camera=()",
		} {
			if got := resp.Header.Get(h); !strings.Contains(got, want) {
				t.Errorf("%s: %s = %q, want %q", p, h, got, want)
			}
		}
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP %q", p, csp)
		}
	}
}

// TestNoInlineScriptsOrStyles keeps the pages within the CSP: no <script>, no style
// attributes or elements, every asset from our own hashed /static/ URLs.
func TestNoInlineScriptsOrStyles(t *testing.T) {
	e := mustOpenEnv(t, true)
	bad := regexp.MustCompile(`<script|<style|\sstyle=|\son[a-z]+=|https?://`)
	for _, p := range []string{"/", "/szukaj?q=autobus", "/spolki", "/spolki/mpk", "/umowy", "/umowy/" + fmt.Sprint(e.amended),
		"/umowy/" + fmt.Sprint(e.script), "/kontrahenci/6762467343", "/nie-ma", "/umowy?od=x"} {
		_, body := e.do(t, http.MethodGet, p)
		if m := bad.FindString(body); m != "" {
			t.Errorf("%s: found %q", p, m)
		}
		if strings.Count(body, "<h1") != 1 {
			t.Errorf("%s: %d h1 elements", p, strings.Count(body, "<h1"))
		}
	}
}

func TestStaticAssetsAreHashedAndCached(t *testing.T) {
	e := mustOpenEnv(t, false)
	_, home := e.do(t, http.MethodGet, "/")
	m := regexp.MustCompile(`href="(/static/style\.[0-9a-f]{10}\.css)"`).FindStringSubmatch(home)
	if m == nil {
		t.Fatal("no hashed stylesheet link on the home page")
	}
	resp, css := e.do(t, http.MethodGet, m[1])
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/css") {
		t.Fatalf("%s: %d %s", m[1], resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	if cc := resp.Header.Get("Cache-Control"); !strings.Contains(cc, "max-age=31536000") || !strings.Contains(cc, "immutable") {
		t.Errorf("Cache-Control %q", cc)
	}
	if !strings.Contains(css, ":focus-visible") {
		t.Error("stylesheet without focus styles")
	}
	if resp, _ := e.do(t, http.MethodGet, "/static/style.css"); resp.StatusCode != 404 {
		t.Errorf("unhashed name: %d", resp.StatusCode)
	}
}

// TestAggregatesFollowWrites: cached totals change as soon as the register does.
func TestAggregatesFollowWrites(t *testing.T) {
	e := mustOpenEnv(t, false)
	if _, body := e.do(t, http.MethodGet, "/"); !strings.Contains(body, "30</strong> umów") {
		t.Fatal("home before the write")
	}
	mustCreateContract(t, e.store, e.mpk.ID, sample("Zakup biletomatów", "2026-03-08", 1_00))
	_, body := e.do(t, http.MethodGet, "/")
	if !strings.Contains(body, "31</strong> umów") || !strings.Contains(body, "Zakup biletomatów") {
		t.Error("home after the write shows stale totals or latest contracts")
	}
	if _, body := e.do(t, http.MethodGet, "/spolki/mpk"); !strings.Contains(body, "27 umów") {
		t.Error("company totals are stale")
	}
}
