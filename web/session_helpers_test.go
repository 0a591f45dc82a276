package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"jawnosc/registry"
)

// testPassword is the password of every account the tests create.
const testPassword = "hasło-testowe-123"

// cheapPasswords keeps argon2id real but fast in tests.
var cheapPasswords = registry.PasswordParams{Memory: 1024, Time: 1, Threads: 1}

// browser is a signed-in (or anonymous) client: its cookies and the CSRF token its forms send.
type browser struct {
	cookies []*http.Cookie
	csrf    string
}

// mustCreateUser adds an account with testPassword; companies are slugs.
func (e *testEnv) mustCreateUser(tb testing.TB, login, role string, companies ...string) *registry.User {
	tb.Helper()
	e.store.PasswordParams = cheapPasswords
	u, err := e.store.CreateUser(context.Background(), system, registry.NewUser{Login: login, Role: role, Companies: companies, Password: testPassword})
	if err != nil {
		tb.Fatalf("create user %s: %v %v", login, err, registry.ErrorFields(err))
	}
	return u
}

// anonymous returns a visitor who has loaded a page (and so holds a CSRF cookie).
func (e *testEnv) anonymous(tb testing.TB) *browser {
	tb.Helper()
	b := &browser{}
	resp, _ := b.send(tb, e, "GET", "/logowanie", nil)
	for _, c := range resp.Cookies() {
		if c.Name == "jawnosc_csrf" {
			b.csrf = c.Value
		}
	}
	if b.csrf == "" {
		tb.Fatal("GET /logowanie set no CSRF cookie")
	}
	return b
}

// mustLogin creates an account (unless login exists) and signs in through the real form.
func (e *testEnv) mustLogin(tb testing.TB, login, role string, companies ...string) *browser {
	tb.Helper()
	if _, err := e.store.FindUserByLogin(context.Background(), login); err != nil {
		e.mustCreateUser(tb, login, role, companies...)
	}
	b := e.anonymous(tb)
	resp, body := b.send(tb, e, "POST", "/logowanie", url.Values{"login": {login}, "password": {testPassword}})
	if resp.StatusCode != http.StatusSeeOther {
		tb.Fatalf("sign in as %s: %d %s", login, resp.StatusCode, body)
	}
	token := ""
	for _, c := range b.cookies {
		if c.Name == "jawnosc_sesja" {
			token = c.Value
		}
	}
	sess, err := e.store.FindSession(context.Background(), token)
	if err != nil {
		tb.Fatalf("session of %s: %v", login, err)
	}
	b.csrf = sess.CSRF
	return b
}

// mustToken creates an account (unless it exists) and an API token for it.
func (e *testEnv) mustToken(tb testing.TB, login, role string, companies ...string) string {
	tb.Helper()
	if _, err := e.store.FindUserByLogin(context.Background(), login); err != nil {
		e.mustCreateUser(tb, login, role, companies...)
	}
	t, err := e.store.CreateToken(context.Background(), system, login, "test")
	if err != nil {
		tb.Fatal(err)
	}
	return t
}

// send makes a request as the browser: its cookies, and for a form its CSRF token in
// _csrf (unless form already has one). Cookies the response sets are kept.
func (b *browser) send(tb testing.TB, e *testEnv, method, target string, form url.Values) (*http.Response, string) {
	tb.Helper()
	var req *http.Request
	if form != nil {
		if _, ok := form["_csrf"]; !ok {
			form.Set("_csrf", b.csrf)
		}
		req = httptest.NewRequest(method, target, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		req = httptest.NewRequest(method, target, nil)
	}
	return b.do(tb, e, req)
}

// do sends a prepared request with the browser's cookies and keeps the cookies it sets.
func (b *browser) do(tb testing.TB, e *testEnv, req *http.Request) (*http.Response, string) {
	tb.Helper()
	for _, c := range b.cookies {
		req.AddCookie(c)
	}
	resp, err := e.app.Test(req, -1)
	if err != nil {
		tb.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	for _, c := range resp.Cookies() {
		b.cookies = keepCookie(b.cookies, c)
	}
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatal(err)
	}
	return resp, string(body)
}

func keepCookie(jar []*http.Cookie, c *http.Cookie) []*http.Cookie {
	out := jar[:0]
	for _, old := range jar {
		if old.Name != c.Name {
			out = append(out, old)
		}
	}
	if c.MaxAge >= 0 && c.Value != "" {
		out = append(out, c)
	}
	return out
}
