package web_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"testing"

	"github.com/chromedp/chromedp"

	"jawnosc/browsertest"
	"jawnosc/registry"
)

// serveAudits serves the audits fixture on a loopback listener and returns its base URL.
func serveAudits(t *testing.T) (*auditEnv, string) {
	t.Helper()
	e := mustOpenAuditEnv(t)
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
		<-done
	})
	return e, "http://" + ln.Addr().String()
}

// browserLogin signs in through the real form in a fresh Chromium tab and returns the tab.
func browserLogin(t *testing.T, e *auditEnv, base, login, role string, companies ...string) context.Context {
	t.Helper()
	e.mustCreateUser(t, login, role, companies...)
	ctx, _ := browsertest.New(t)
	if status := browsertest.Open(ctx, t, base+"/logowanie"); status != http.StatusOK {
		t.Fatalf("sign-in page: %d", status)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("login"), login), chromedp.SendKeys(chromedp.ID("password"), testPassword)); err != nil {
		t.Fatal(err)
	}
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`form button[type="submit"]`)))
	if err != nil || resp.Status != http.StatusOK {
		t.Fatalf("signing in as %s: %v %+v", login, err, resp)
	}
	return ctx
}

// TestBrowserAuditPagesAccessible runs axe-core in real Chromium on the public audit and
// signal pages, the supervisor's dashboard and the auditor's and officer's forms (also with
// errors shown).
func TestBrowserAuditPagesAccessible(t *testing.T) {
	e, base := serveAudits(t)
	id := e.report.ID
	public, _ := browsertest.New(t)
	for _, p := range []string{"/audyty", fmt.Sprintf("/audyty/%d", id), "/sygnaly", "/sygnaly?rule=late_publication",
		"/spolki/wodociagi", fmt.Sprintf("/umowy/%d", e.late)} {
		if status := browsertest.Open(public, t, base+p); status != http.StatusOK {
			t.Errorf("%s: HTTP %d", p, status)
		}
		browsertest.RequireNoSeriousViolations(t, public, "")
	}

	sup := browserLogin(t, e, base, "nadzor", registry.RoleSupervisor)
	for _, p := range []string{"/panel/nadzor", "/panel/nadzor?sort=overdue&dir=desc"} {
		if status := browsertest.Open(sup, t, base+p); status != http.StatusOK {
			t.Errorf("%s: HTTP %d", p, status)
		}
		browsertest.RequireNoSeriousViolations(t, sup, "")
	}

	aud := browserLogin(t, e, base, "audytor", registry.RoleAuditor)
	browsertest.DisableJavaScript(aud, t)
	for _, p := range []string{"/panel/audyty/nowy", fmt.Sprintf("/audyty/%d", id)} {
		if status := browsertest.Open(aud, t, base+p); status != http.StatusOK {
			t.Errorf("%s: HTTP %d", p, status)
		}
		browsertest.RequireNoSeriousViolations(t, aud, "")
	}
	// The report form sent empty (no JavaScript): the page with every error is accessible too.
	browsertest.Open(aud, t, base+"/panel/audyty/nowy")
	resp, err := chromedp.RunResponse(aud, chromedp.Click(chromedp.CSS(`form[action="/panel/audyty"] button[type="submit"]`)))
	if err != nil || resp.Status != http.StatusUnprocessableEntity {
		t.Fatalf("empty report form: %v %+v", err, resp)
	}
	browsertest.RequireNoSeriousViolations(t, aud, "")
	// A status change with errors (the status it already has) shows them on the report page.
	browsertest.Open(aud, t, base+fmt.Sprintf("/audyty/%d", id))
	sf := fmt.Sprintf("status-%d", e.report.Recommendations[0].ID)
	if err := chromedp.Do(aud, chromedp.SendKeys(chromedp.ID(sf+"-on"), "05012026"), chromedp.SendKeys(chromedp.ID(sf+"-reason"), "Bez zmian.")); err != nil {
		t.Fatal(err)
	}
	resp, err = chromedp.RunResponse(aud, chromedp.Click(chromedp.CSS(fmt.Sprintf(`form[action="/panel/zalecenia/%d/status"] button[type="submit"]`, e.report.Recommendations[0].ID))))
	if err != nil || resp.Status != http.StatusUnprocessableEntity {
		t.Fatalf("empty status form: %v %+v", err, resp)
	}
	browsertest.RequireNoSeriousViolations(t, aud, "")

	off := browserLogin(t, e, base, "wod", registry.RoleOfficer, "wodociagi")
	browsertest.RequireNoSeriousViolations(t, off, base+fmt.Sprintf("/audyty/%d", id))
	if logs := e.logs.String(); logs != "" {
		t.Errorf("logged: %s", logs)
	}
}
