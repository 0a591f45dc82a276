package web_test

import (
	"context"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"jawnosc/browsertest"
	"jawnosc/registry"
)

// serveAppeals serves the appeals fixture on a loopback listener until the test ends.
func serveAppeals(t *testing.T, day string) (*appealsEnv, string) {
	t.Helper()
	e := mustOpenAppeals(t, day)
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
	return e, "http://" + ln.Addr().String()
}

// step runs chromedp actions and fails the test with what it was doing.
func step(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// submitAndWait clicks a submit button and returns the HTTP status of the page it leads to.
func submitAndWait(t *testing.T, ctx context.Context, what, button string) int64 {
	t.Helper()
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(button)))
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return resp.Status
}

// signIn signs in through the form and returns once the panel shows.
func signIn(t *testing.T, ctx context.Context, base, login string) {
	t.Helper()
	browsertest.Open(ctx, t, base+"/logowanie")
	step(t, ctx, "typing the login of "+login, chromedp.SendKeys(chromedp.ID("login"), login), chromedp.SendKeys(chromedp.ID("password"), testPassword))
	if status := submitAndWait(t, ctx, "signing in as "+login, `form[action="/logowanie"] button[type="submit"]`); status != http.StatusOK {
		t.Fatalf("signing in as %s: HTTP %d", login, status)
	}
}

func signOut(t *testing.T, ctx context.Context) {
	t.Helper()
	submitAndWait(t, ctx, "signing out", `nav form[action="/wyloguj"] button`)
}

// pageHTML returns the document's HTML.
func pageHTML(t *testing.T, ctx context.Context) string {
	t.Helper()
	html, err := chromedp.Run(ctx, chromedp.OuterHTML(chromedp.CSS("html")))
	if err != nil {
		t.Fatal(err)
	}
	return html
}

// TestBrowserAppealStory is the whole story in a real browser with JavaScript off: a resident
// submits a request, the company refuses citing trade secret, the resident appeals, the
// mayor's office instructs disclosure and the company discloses. The public page then shows
// the whole timeline and no trace of the requester's name or e-mail; every page on the way
// passes axe-core.
func TestBrowserAppealStory(t *testing.T) {
	e, base := serveAppeals(t, "2026-03-02")
	e.mustCreateUser(t, "ewa.mpk", registry.RoleOfficer, "mpk")
	e.mustCreateUser(t, "nadzor", registry.RoleSupervisor)
	ctx, _ := browsertest.New(t)
	browsertest.DisableJavaScript(ctx, t)
	checked := 0
	axe := func(what string) { // axe-core on the page the tab shows now
		t.Helper()
		browsertest.RequireNoSeriousViolations(t, ctx, "")
		checked++
	}

	// The resident submits.
	browsertest.Open(ctx, t, base+"/wnioski/nowy?company=mpk")
	axe("/wnioski/nowy")
	step(t, ctx, "filling the request form",
		chromedp.SendKeys(chromedp.ID("subject"), "Umowa na kampanię reklamową „Jedź z MPK”"),
		chromedp.SendKeys(chromedp.ID("text"), "Proszę o kopię umowy z agencją reklamową wraz z kwotą wynagrodzenia.\nZ poważaniem, Anna Kowalska"),
		chromedp.SendKeys(chromedp.ID("name"), "Anna Kowalska"),
		chromedp.SendKeys(chromedp.ID("email"), "anna.kowalska@example.pl"),
		chromedp.Click(chromedp.ID("public_text")), // checked by default: now off, so the text stays private
	)
	if status := submitAndWait(t, ctx, "submitting the request", `form[action="/wnioski/nowy"] button[type="submit"]`); status != http.StatusCreated {
		t.Fatalf("submitting: HTTP %d", status)
	}
	axe("the page with the tracking link")
	link, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.ID("link-sledzenia"), "href"))
	if err != nil || !tokenLink.MatchString(link.Value) {
		t.Fatalf("tracking link %q: %v", link.Value, err)
	}
	id := tokenLink.FindStringSubmatch(link.Value)[1]

	// The company refuses, citing trade secret.
	e.on("2026-03-09")
	signIn(t, ctx, base, "ewa.mpk")
	browsertest.Open(ctx, t, base+"/panel/wnioski")
	axe("/panel/wnioski")
	browsertest.Open(ctx, t, base+"/panel/wnioski/"+id)
	axe("/panel/wnioski/{id}")
	step(t, ctx, "filling the refusal",
		chromedp.SendKeys(chromedp.ID("odpowiedz-answer"), "odmowa"),
		chromedp.SendKeys(chromedp.ID("odpowiedz-text"), "Kalkulacja wynagrodzenia stanowi tajemnicę przedsiębiorstwa agencji; Pani Anna Kowalska otrzyma odpowiedź po ustaniu tajemnicy."),
		chromedp.SendKeys(chromedp.ID("odpowiedz-ground"), "taj"),
		chromedp.SendKeys(chromedp.ID("odpowiedz-holder"), "Agencja Reklamowa Wawel sp. z o.o."),
		chromedp.SendKeys(chromedp.ID("odpowiedz-official-name-1"), "Jan Nowak"),
		chromedp.SendKeys(chromedp.ID("odpowiedz-official-function-1"), "Prezes Zarządu"),
	)
	if status := submitAndWait(t, ctx, "sending the refusal", `form[action$="/odpowiedz"] button[type="submit"]`); status != http.StatusOK {
		t.Fatalf("refusal: HTTP %d\n%s", status, pageHTML(t, ctx))
	}
	if html := pageHTML(t, ctx); !strings.Contains(html, "tajemnica przedsiębiorcy") || !strings.Contains(html, "Decyzja o odmowie") {
		t.Fatalf("after the refusal the panel shows:\n%s", html)
	}
	signOut(t, ctx)

	// The resident appeals through the private link.
	e.on("2026-03-11")
	browsertest.Open(ctx, t, base+link.Value)
	axe("the tracking page")
	step(t, ctx, "writing the appeal", chromedp.SendKeys(chromedp.ID("odwolanie-text"), "Kwota wydana ze środków spółki miejskiej nie jest tajemnicą przedsiębiorcy."))
	if status := submitAndWait(t, ctx, "sending the appeal", `form[action$="/sledz/odwolanie"] button[type="submit"]`); status != http.StatusOK {
		t.Fatalf("appeal: HTTP %d", status)
	}
	if html := pageHTML(t, ctx); !strings.Contains(html, "Odwołanie do urzędu miasta</h3>") && !strings.Contains(html, "odwołanie w urzędzie miasta") {
		t.Fatalf("after the appeal:\n%s", html)
	}

	// The mayor's office instructs disclosure.
	e.on("2026-03-16")
	signIn(t, ctx, base, "nadzor")
	browsertest.Open(ctx, t, base+"/panel/odwolania")
	axe("/panel/odwolania")
	browsertest.Open(ctx, t, base+"/panel/wnioski/"+id)
	step(t, ctx, "filling the decision",
		chromedp.SendKeys(chromedp.ID("rozstrzygniecie-result"), "polecenie u"),
		chromedp.SendKeys(chromedp.ID("rozstrzygniecie-text"), "Wynagrodzenie wypłacone ze środków spółki miejskiej jest informacją publiczną; tajemnica przedsiębiorcy nie obejmuje kwoty."),
		chromedp.SendKeys(chromedp.ID("rozstrzygniecie-comply-by"), "30.03.2026"),
	)
	if status := submitAndWait(t, ctx, "deciding", `form[action$="/rozstrzygniecie"] button[type="submit"]`); status != http.StatusOK {
		t.Fatalf("decision: HTTP %d\n%s", status, pageHTML(t, ctx))
	}
	if html := pageHTML(t, ctx); !strings.Contains(html, "polecenie udostępnienia informacji") {
		t.Fatalf("after the decision:\n%s", html)
	}
	signOut(t, ctx)

	// The company discloses, with the contract as a PDF.
	e.on("2026-03-20")
	file := filepath.Join(t.TempDir(), "umowa-z-agencja.pdf")
	if err := os.WriteFile(file, samplePDF(t, "Umowa z agencją"), 0o600); err != nil {
		t.Fatal(err)
	}
	signIn(t, ctx, base, "ewa.mpk")
	browsertest.Open(ctx, t, base+"/panel/wnioski/"+id)
	step(t, ctx, "filling the disclosure",
		chromedp.SendKeys(chromedp.ID("wykonanie-text"), "Zgodnie z rozstrzygnięciem urzędu miasta udostępniamy umowę wraz z kwotą wynagrodzenia."),
		chromedp.SetUploadFiles(chromedp.ID("wykonanie-documents"), []string{file}),
	)
	if status := submitAndWait(t, ctx, "disclosing", `form[action$="/wykonanie"] button[type="submit"]`); status != http.StatusOK {
		t.Fatalf("disclosure: HTTP %d\n%s", status, pageHTML(t, ctx))
	}
	signOut(t, ctx)

	// The public page: the whole story, no trace of the requester.
	if status := browsertest.Open(ctx, t, base+"/wnioski/"+id); status != http.StatusOK {
		t.Fatalf("public page: HTTP %d", status)
	}
	axe("/wnioski/{id}")
	html := pageHTML(t, ctx)
	for _, want := range []string{"Złożono wniosek", "Decyzja o odmowie udostępnienia informacji", "tajemnica przedsiębiorcy", "Agencja Reklamowa Wawel",
		"Odwołanie do urzędu miasta", "polecenie udostępnienia informacji", "Spółka wykonała rozstrzygnięcie", "umowa-z-agencja.pdf",
		"udostępniono", "Droga sądowa", "nie zgodził się na publikację"} {
		if !strings.Contains(html, want) {
			t.Errorf("the public page lacks %q", want)
		}
	}
	noIdentity(t, "the public page in the browser", html)
	if strings.Contains(html, "Proszę o kopię umowy z agencją") {
		t.Error("the public page shows the text the resident kept private")
	}
	browsertest.Open(ctx, t, base+"/wnioski")
	axe("/wnioski")
	noIdentity(t, "the register in the browser", pageHTML(t, ctx))
	browsertest.Open(ctx, t, base+"/spolki/mpk")
	axe("/spolki/mpk")
	t.Logf("%d pages checked with axe-core", checked)
	if logs := e.logs.String(); strings.Contains(logs, "internal") || strings.Contains(logs, "Kowalsk") {
		t.Errorf("logged: %s", logs)
	}
}

// TestBrowserDemoRequestPages runs axe-core on the register and on demo requests in every
// stage (fee, delay, reconsideration, compliance, closed appeals), and checks that none of
// them names a demo requester.
func TestBrowserDemoRequestPages(t *testing.T) {
	e, base := serveDemo(t)
	ctx, _ := browsertest.New(t)
	browsertest.DisableJavaScript(ctx, t)
	pages := []string{"/wnioski", "/wnioski?outcome=refused", "/wnioski/nowy"}
	for id := 1; id <= 12; id++ { // one request of each demo course
		pages = append(pages, "/wnioski/"+strconv.Itoa(id))
	}
	for _, p := range pages {
		if status := browsertest.Open(ctx, t, base+p); status != http.StatusOK {
			t.Errorf("%s: HTTP %d", p, status)
			continue
		}
		browsertest.RequireNoSeriousViolations(t, ctx, "")
		html := strings.ToLower(pageHTML(t, ctx))
		for _, leak := range []string{"wiśniewsk", "zając", "dąbrowsk", "lewandowsk", "kamińsk", "wójcik", "example.org"} {
			if strings.Contains(html, leak) {
				t.Errorf("%s names a requester (%q)", p, leak)
			}
		}
	}
	t.Logf("%d request pages checked with axe-core", len(pages))
	if logs := e.logs.String(); strings.Contains(logs, "internal") {
		t.Errorf("logged: %s", logs)
	}
}
