package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"jawnosc/registry"
	"jawnosc/web"
)

func TestSignInAndOut(t *testing.T) {
	e := mustOpenEnv(t, false)
	// The panel sends the public to the sign-in page.
	resp, _ := e.do(t, "GET", "/panel")
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/logowanie?next=%2Fpanel" {
		t.Fatalf("GET /panel as public: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	b := e.mustLogin(t, "jan", registry.RoleOfficer, "mpk")
	var session *http.Cookie
	for _, c := range b.cookies {
		if c.Name == "jawnosc_sesja" {
			session = c
		}
	}
	if session == nil || !session.HttpOnly || session.SameSite != http.SameSiteLaxMode {
		t.Fatalf("session cookie: %+v", session)
	}
	resp, body := b.send(t, e, "GET", "/panel", nil)
	if resp.StatusCode != 200 || !strings.Contains(body, "Zalogowano jako <strong>jan</strong>") || !strings.Contains(body, "Miejskie Przedsiębiorstwo Komunikacyjne") {
		t.Fatalf("panel: %d %s", resp.StatusCode, body)
	}
	if strings.Contains(body, "Wodociągi Miasta Krakowa") {
		t.Fatal("the panel lists a company the officer does not file for")
	}
	if cc := resp.Header.Get("Cache-Control"); cc != "no-store" {
		t.Fatalf("panel Cache-Control: %q", cc)
	}
	// Sign-out revokes the session on the server: the old cookie no longer works.
	resp, _ = b.send(t, e, "POST", "/wyloguj", url.Values{})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("sign out: %d", resp.StatusCode)
	}
	stale := &browser{cookies: []*http.Cookie{session}}
	if resp, _ := stale.send(t, e, "GET", "/panel", nil); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("panel after sign-out: %d", resp.StatusCode)
	}
}

func TestSignInFailures(t *testing.T) {
	e := mustOpenEnv(t, false)
	e.mustCreateUser(t, "ewa", registry.RoleSupervisor)
	b := e.anonymous(t)
	resp, body := b.send(t, e, "POST", "/logowanie", url.Values{"login": {"ewa"}, "password": {"złe hasło"}})
	if resp.StatusCode != http.StatusUnauthorized || !strings.Contains(body, "Nieprawidłowy login lub hasło.") || !strings.Contains(body, `value="ewa"`) {
		t.Fatalf("wrong password: %d %s", resp.StatusCode, body)
	}
	if strings.Contains(body, "złe hasło") {
		t.Fatal("the password is echoed back")
	}
	// An unknown login gets the same answer.
	_, body2 := b.send(t, e, "POST", "/logowanie", url.Values{"login": {"nikt"}, "password": {"złe hasło"}})
	if !strings.Contains(body2, "Nieprawidłowy login lub hasło.") {
		t.Fatalf("unknown login: %s", body2)
	}
	// Open redirects are refused.
	e.mustCreateUser(t, "adam", registry.RoleAuditor)
	resp, _ = b.send(t, e, "POST", "/logowanie", url.Values{"login": {"adam"}, "password": {testPassword}, "next": {"//evil.example/"}})
	if resp.StatusCode != http.StatusSeeOther || resp.Header.Get("Location") != "/panel" {
		t.Fatalf("next=//evil: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
}

func TestSignInRateLimit(t *testing.T) {
	e := mustOpenEnv(t, false)
	b := e.anonymous(t)
	var last int
	var body string
	for i := 0; i < 12; i++ {
		var resp *http.Response
		resp, body = b.send(t, e, "POST", "/logowanie", url.Values{"login": {"kto"}, "password": {"cokolwiek-123"}})
		last = resp.StatusCode
	}
	if last != http.StatusTooManyRequests || !strings.Contains(body, "Zbyt wiele prób") {
		t.Fatalf("12th attempt in a minute: %d %s", last, body)
	}
}

func TestCSRF(t *testing.T) {
	e := mustOpenEnv(t, false)
	b := e.mustLogin(t, "jan", registry.RoleOfficer, "mpk")
	// A forged token, or none, is refused and the session stays.
	for _, forged := range []string{"", "x", strings.Repeat("A", 43)} {
		resp, body := b.send(t, e, "POST", "/wyloguj", url.Values{"_csrf": {forged}})
		if resp.StatusCode != http.StatusForbidden || !strings.Contains(body, "Formularz wygasł") {
			t.Fatalf("forged CSRF %q: %d %s", forged, resp.StatusCode, body)
		}
	}
	if resp, _ := b.send(t, e, "GET", "/panel", nil); resp.StatusCode != 200 {
		t.Fatalf("session lost after forged posts: %d", resp.StatusCode)
	}
	// An anonymous form post without the cookie's token is refused too (sign-in form).
	anon := e.anonymous(t)
	resp, _ := anon.send(t, e, "POST", "/logowanie", url.Values{"_csrf": {"zly"}, "login": {"jan"}, "password": {testPassword}})
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("sign-in with a forged token: %d", resp.StatusCode)
	}
	// A session's API call needs the header; a Bearer token needs none.
	req := httptest.NewRequest("POST", "/api/v1/contracts", strings.NewReader("{}"))
	req.Header.Set("Content-Type", "application/json")
	if resp, body := b.do(t, e, req); resp.StatusCode != http.StatusForbidden || !strings.Contains(body, `"code":"forbidden"`) {
		t.Fatalf("session API post without CSRF header: %d %s", resp.StatusCode, body)
	}
}

func TestBearerTokens(t *testing.T) {
	e := mustOpenEnv(t, false)
	token := e.mustToken(t, "system-ksiegowy", registry.RoleOfficer, "mpk")
	for _, h := range []string{"Bearer jaw_nieprawidlowy", "Basic abc", "Bearer " + token + "x"} {
		req := httptest.NewRequest("GET", "/api/v1/companies", nil)
		req.Header.Set("Authorization", h)
		resp, err := e.app.Test(req, -1)
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != http.StatusUnauthorized {
			t.Fatalf("Authorization %q: %d", h, resp.StatusCode)
		}
	}
	req := httptest.NewRequest("GET", "/api/v1/companies", nil)
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := e.app.Test(req, -1)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("valid token: %v %d", err, resp.StatusCode)
	}
}

// TestNewNeedsEveryStore: the app is wired only in main; it refuses to start without the
// requests and audits stores instead of opening them itself.
func TestNewNeedsEveryStore(t *testing.T) {
	e := mustOpenEnv(t, false)
	if _, err := web.New(web.Config{Store: e.store, Index: e.index}); err == nil || !strings.Contains(err.Error(), "Config.Appeals and Config.Audits are required") {
		t.Fatalf("web.New without the requests and audits stores: %v", err)
	}
}
