package web_test

import (
	"io/fs"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"jawnosc/registry"
	"jawnosc/templates"
	"jawnosc/web"
)

func TestSecurityHeadersOnEveryKindOfAnswer(t *testing.T) {
	e := mustOpenEnv(t, false)
	b := e.mustLogin(t, "anna", registry.RoleOfficer, "mpk")
	answers := map[string]*http.Response{}
	answers["page"], _ = e.do(t, "GET", "/")
	answers["404 page"], _ = e.do(t, "GET", "/nie-ma-takiej-strony")
	answers["API read"], _ = e.do(t, "GET", "/api/v1/companies")
	answers["API 401"], _ = e.apiSend(t, "POST", "/api/v1/contracts", "", `{}`)
	answers["panel"], _ = b.send(t, e, "GET", "/panel/import", nil)
	answers["forged form"], _ = b.send(t, e, "POST", "/panel/import/potwierdz", url.Values{"_csrf": {"x"}})
	for name, resp := range answers {
		h := resp.Header
		csp := h.Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: CSP %q lacks %s", name, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
			t.Errorf("%s: CSP allows inline code: %q", name, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: X-Content-Type-Options %q, X-Frame-Options %q", name, h.Get("X-Content-Type-Options"), h.Get("X-Frame-Options"))
		}
		switch h.Get("Referrer-Policy") {
		case "same-origin", "no-referrer", "strict-origin-when-cross-origin", "strict-origin":
		default:
			t.Errorf("%s: Referrer-Policy %q", name, h.Get("Referrer-Policy"))
		}
	}
	if cc := answers["panel"].Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("panel Cache-Control %q", cc)
	}
}

// scriptTag matches a script element: its attributes and its content.
var scriptTag = regexp.MustCompile(`(?is)<script([^>]*)>(.*?)</script>`)

// TestTemplatesHaveNoInlineCode checks every template for what the CSP would block: inline
// scripts, style elements and attributes, and event handler attributes.
func TestTemplatesHaveNoInlineCode(t *testing.T) {
	inline := []*regexp.Regexp{
		regexp.MustCompile(`(?i)<style[\s>]`),
		regexp.MustCompile(`(?i)\sstyle\s*=`),
		regexp.MustCompile(`(?i)\son[a-z]+\s*=`),
		regexp.MustCompile(`(?i)javascript:`),
	}
	n := 0
	err := fs.WalkDir(templates.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(templates.FS, path)
		if err != nil {
			return err
		}
		n++
		for _, m := range scriptTag.FindAllSubmatch(b, -1) {
			if !strings.Contains(string(m[1]), "src=") || strings.TrimSpace(string(m[2])) != "" {
				t.Errorf("%s: inline script %q", path, m[0])
			}
		}
		for _, re := range inline {
			if loc := re.FindIndex(b); loc != nil {
				t.Errorf("%s: inline code %q", path, b[loc[0]:min(loc[1]+20, len(b))])
			}
		}
		return nil
	})
	if err != nil || n < 10 {
		t.Fatalf("walked %d templates: %v", n, err)
	}
}

// TestLogsHoldNoSecrets makes the app log (by failing its database) while a password, an API
// token and an import file pass through it, and checks that none of them is written.
func TestLogsHoldNoSecrets(t *testing.T) {
	e := mustOpenEnv(t, false)
	token := e.mustToken(t, "anna", registry.RoleOfficer, "mpk")
	b := e.mustLogin(t, "anna", registry.RoleOfficer, "mpk")
	const password = "Sekretne-Hasło-Zalogowania-42"
	const marker = "Umowa-Znacznik-Tajny-7731"
	csv := []byte("number;signed_on;subject;counterparty_name;value_net;value_gross;procurement_mode\r\nX/1;2026-02-11;" + marker + ";Firma;1,00;1,23;open_tender\r\n")
	visitor := e.anonymous(t)
	run := func() []int {
		r1, _ := visitor.send(t, e, "POST", "/logowanie", url.Values{"login": {"anna"}, "password": {password}})
		r2, _ := e.apiSend(t, "POST", "/api/v1/contracts", token, contractJSON("mpk", marker, false))
		r3, _ := b.upload(t, e, "mpk", "umowy.csv", csv)
		return []int{r1.StatusCode, r2.StatusCode, r3.StatusCode}
	}
	if got := run(); got[0] != 401 || got[1] != 201 || got[2] != 200 {
		t.Fatalf("with a working store: %v", got)
	}
	e.store.Close() // every further request fails inside and is logged
	if got := run(); got[0] != 500 || got[1] != 500 || got[2] != 500 {
		t.Fatalf("with a closed store: %v", got)
	}
	log := e.logs.String()
	if strings.Count(log, "web: POST") < 3 {
		t.Fatalf("the failures were not logged:\n%s", log)
	}
	for _, secret := range []string{password, token, token[4:], marker, "Bearer", b.csrf} {
		if strings.Contains(log, secret) {
			t.Fatalf("the log holds %q:\n%s", secret, log)
		}
	}
}

func TestPublicWritesAreRateLimited(t *testing.T) {
	e := mustOpenEnv(t, false)
	visitor := e.anonymous(t)
	var last int
	var body string
	for i := 0; i <= web.PublicWriteRateLimit; i++ {
		var resp *http.Response
		resp, body = visitor.send(t, e, "POST", "/wyloguj", url.Values{})
		last = resp.StatusCode
	}
	if last != http.StatusTooManyRequests || !strings.Contains(body, "Zbyt wiele prób") {
		t.Fatalf("request %d: %d", web.PublicWriteRateLimit+1, last)
	}
	// A signed-in account is not held by the public limit.
	token := e.mustToken(t, "anna", registry.RoleOfficer, "mpk")
	if resp, r := e.apiSend(t, "POST", "/api/v1/contracts", token, contractJSON("mpk", "Po limicie", false)); resp.StatusCode != http.StatusCreated {
		t.Fatalf("signed-in after the public limit: %d %v", resp.StatusCode, r)
	}
}

func TestSmallFormsHaveSmallBodyLimits(t *testing.T) {
	e := mustOpenEnv(t, false)
	visitor := e.anonymous(t)
	resp, body := visitor.send(t, e, "POST", "/logowanie", url.Values{"login": {"anna"}, "password": {strings.Repeat("x", 20<<10)}})
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "zbyt duże") {
		t.Fatalf("sign-in with a 20 KiB body: %d", resp.StatusCode)
	}
}
