package web_test

import (
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"jawnosc/browsertest"
	"jawnosc/registry"
)

// serveEnv serves the environment's app on a loopback listener until the test ends and returns
// its base URL.
func serveEnv(t *testing.T, e *testEnv) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- e.app.Listener(ln) }()
	t.Cleanup(func() {
		if err := e.app.Shutdown(); err != nil {
			t.Errorf("shutting the app down: %v", err)
		}
		if err := <-done; err != nil {
			t.Errorf("serving: %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}

// panelEntryURL matches the panel's entry page after a write.
var panelEntryURL = regexp.MustCompile(`/panel/umowy/([0-9]+)\?zapisano=([a-z]+)$`)

// TestBrowserOfficerFilesPublishesAmends is what a new officer does, in a real Chromium with
// JavaScript off: signs in, opens the filing form from the panel, sends it with mistakes (and
// sees them beside the fields), fixes them, publishes, adds an annex; the public contract page then
// shows both versions and what changed. axe-core checks the panel's list, the form with errors
// and the entry page.
func TestBrowserOfficerFilesPublishesAmends(t *testing.T) {
	e, _ := mustOpenEnvFiles(t, 0)
	e.mustCreateUser(t, "anna.nowak", registry.RoleOfficer, "mpk")
	base := serveEnv(t, e)
	ctx, _ := browsertest.New(t)
	browsertest.DisableJavaScript(ctx, t)
	click := func(what, sel string, want int64) string {
		t.Helper()
		resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("%s: clicking %s: %v", what, sel, err)
		}
		if resp.Status != want {
			t.Fatalf("%s: HTTP %d %s, want %d", what, resp.Status, resp.URL, want)
		}
		return resp.URL
	}
	fill := func(fields map[string]string) {
		t.Helper()
		for id, v := range fields {
			if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.ID(id), v)); err != nil {
				t.Fatalf("filling #%s: %v", id, err)
			}
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(ctx, chromedp.TextContent(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("reading %s: %v", sel, err)
		}
		return s
	}

	// Sign in.
	browsertest.Open(ctx, t, base+"/panel")
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("login"), "anna.nowak"), chromedp.SendKeys(chromedp.ID("password"), testPassword)); err != nil {
		t.Fatal(err)
	}
	if url := click("sign in", `form[action="/logowanie"] button[type="submit"]`, 200); !strings.HasSuffix(url, "/panel") {
		t.Fatalf("after sign-in: %s", url)
	}
	click("the panel's link to the list", `main a[href="/panel/umowy"]`, 200)
	browsertest.RequireNoSeriousViolations(t, ctx, "")
	click("new contract", `main a.button[href="/panel/umowy/nowa"]`, 200)

	// A first try with mistakes: the errors are listed and shown beside the fields.
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("f-subject"), "Dostawa części zamiennych do tramwajów")); err != nil {
		t.Fatal(err)
	}
	fill(map[string]string{"f-value_net": "dużo", "f-counterparty-nip": "1234567890"})
	click("save with mistakes", `button[value="draft"]`, http.StatusUnprocessableEntity)
	summary := text("#bledy")
	for _, want := range []string{"Numer umowy: To pole jest wymagane.", "Wartość netto: Nieprawidłowa kwota.", "NIP:"} {
		if !strings.Contains(summary, want) {
			t.Errorf("error summary lacks %q: %s", want, summary)
		}
	}
	if got := text("#f-value_net-error"); !strings.Contains(got, "Nieprawidłowa kwota") {
		t.Errorf("error beside value_net: %q", got)
	}
	subject, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID("f-subject")))
	if err != nil || subject != "Dostawa części zamiennych do tramwajów" {
		t.Errorf("subject not kept: %q %v", subject, err)
	}
	browsertest.RequireNoSeriousViolations(t, ctx, "")

	// Fixed and complete: publish.
	fill(map[string]string{
		"f-number": "MPK/ZP/12/2026", "f-signed_on": "14.03.2026", "f-counterparty-name": "Tramwaje Serwis sp. z o.o.",
		"f-counterparty-nip": "6761234565", "f-counterparty-town": "Kraków", "f-value_net": "129 999,99 zł",
		"f-value_gross": "159 899,99 zł", "f-procurement_mode": "quotation_below_threshold", "f-cpv": "34631000-9",
		"f-start_on": "2026-04-01", "f-end_on": "2026-12-31",
	})
	url := click("publish", `button[value="publish"]`, 200)
	m := panelEntryURL.FindStringSubmatch(url)
	if m == nil || m[2] != "publikacja" {
		t.Fatalf("after publishing: %s", url)
	}
	id := m[1]
	if got := text("#zapisano"); !strings.Contains(got, "Opublikowano umowę") {
		t.Errorf("notice: %q", got)
	}
	if got := text("#status"); !strings.Contains(got, "opublikowana") {
		t.Errorf("status: %q", got)
	}
	browsertest.RequireNoSeriousViolations(t, ctx, "")

	// The annex: new value and end date.
	click("annex link", `a[href="/panel/umowy/`+id+`/aneks"]`, 200)
	fill(map[string]string{"f-annex_date": "30.06.2026", "f-value_net": "150 000,00", "f-value_gross": "184 500,00",
		"f-end_on": "2027-03-31", "f-reason": "Zwiększenie liczby dostarczanych części"})
	if url := click("save the annex", `form[action="/panel/umowy/`+id+`/aneks"] button[type="submit"]`, 200); !strings.HasSuffix(url, "?zapisano=aneks") {
		t.Fatalf("after the annex: %s", url)
	}
	if got := text("#status"); !strings.Contains(got, "wersja 2") {
		t.Errorf("status after the annex: %q", got)
	}

	// Attach the signed contract (a real PDF picked in the file input).
	pdfPath := filepath.Join(t.TempDir(), "umowa-MPK-ZP-12-2026.pdf")
	doc := mustPDF(t, "Umowa nr MPK/ZP/12/2026")
	if err := os.WriteFile(pdfPath, doc, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SetValue(chromedp.ID("f-title"), "Treść umowy"), chromedp.SetUploadFiles(chromedp.ID("f-file"), []string{pdfPath})); err != nil {
		t.Fatalf("choosing the file: %v", err)
	}
	if url := click("attach", `form[action="/panel/umowy/`+id+`/zalaczniki"] button[type="submit"]`, 200); !strings.HasSuffix(url, "?zapisano=zalacznik") {
		t.Fatalf("after attaching: %s", url)
	}
	if got := text("#zalaczniki + div"); !strings.Contains(got, sha(doc)) {
		t.Errorf("attachments table lacks the SHA-256: %s", got)
	}
	browsertest.RequireNoSeriousViolations(t, ctx, "")

	// The public page shows both versions and what changed.
	browsertest.Open(ctx, t, base+"/umowy/"+id)
	history := text("#historia + p + ol")
	for _, want := range []string{"Wersja 1 — publikacja", "Wersja 2 — aneks", "anna.nowak", "Zwiększenie liczby dostarczanych części",
		"Wartość netto", "129 999,99 zł", "150 000,00 zł", "31.12.2026", "31.03.2027"} {
		if !strings.Contains(history, want) {
			t.Errorf("public history lacks %q:\n%s", want, history)
		}
	}
	if got := text("#zalaczniki + ul"); !strings.Contains(got, "Treść umowy") || !strings.Contains(got, sha(doc)) {
		t.Errorf("public attachments: %s", got)
	}
	browsertest.RequireNoSeriousViolations(t, ctx, "")
	if got := text("#aneksy + div"); !strings.Contains(got, "30.06.2026") || !strings.Contains(got, "Wartość netto: 129 999,99 zł → 150 000,00 zł") {
		t.Errorf("annexes table: %s", got)
	}
	if logs := e.logs.String(); logs != "" {
		t.Errorf("logged: %s", logs)
	}
}
