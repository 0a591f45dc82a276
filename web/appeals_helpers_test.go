package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"jawnosc/appeals"
	"jawnosc/web"
)

// appealsEnv is the usual fixture with the information requests' clock pinned.
type appealsEnv struct {
	*testEnv
	svc *appeals.Service
	now atomic.Int64 // unix nanoseconds of the pinned clock (the served app reads it)
}

// mustOpenAppeals opens the fixture and rebuilds the app over an appeals service whose clock
// reads e.now (noon in Warsaw on day).
func mustOpenAppeals(tb testing.TB, day string) *appealsEnv {
	tb.Helper()
	e := &appealsEnv{testEnv: mustOpenEnv(tb, false)}
	e.on(day)
	svc, err := appeals.Open(context.Background(), e.store)
	if err != nil {
		tb.Fatal(err)
	}
	svc.Now = func() time.Time { return time.Unix(0, e.now.Load()) }
	e.svc = svc
	if e.app, err = newApp(web.Config{Store: e.store, Index: e.index, City: "Kraków", Logf: e.logs.logf, Appeals: svc}); err != nil {
		tb.Fatal(err)
	}
	return e
}

// on moves the clock to noon of day in Warsaw.
func (e *appealsEnv) on(day string) {
	t, err := time.ParseInLocation("2006-01-02 15:04", day+" 12:00", appeals.Warsaw)
	if err != nil {
		panic(err)
	}
	e.now.Store(t.UnixNano())
}

// tokenLink finds the private tracking link in a page.
var tokenLink = regexp.MustCompile(`/wnioski/([0-9]+)/sledz\?token=([A-Za-z0-9_-]{43})`)

// submitForm files a request through the form as an anonymous visitor and returns the
// request's id and token.
func (e *appealsEnv) submitForm(tb testing.TB, b *browser, form url.Values) (string, string) {
	tb.Helper()
	resp, body := b.send(tb, e.testEnv, "POST", "/wnioski/nowy", form)
	if resp.StatusCode != http.StatusCreated {
		tb.Fatalf("submit: %d %s", resp.StatusCode, body)
	}
	m := tokenLink.FindStringSubmatch(body)
	if m == nil {
		tb.Fatalf("no tracking link on the page: %s", body)
	}
	return m[1], m[2]
}

// sampleForm is a request from Anna Kowalska to MPK.
func sampleForm() url.Values {
	return url.Values{"company": {"mpk"}, "subject": {"Umowa na kampanię reklamową"},
		"text": {"Proszę o kopię umowy na kampanię „Jedź z MPK” wraz z aneksami.\nZ poważaniem, Anna Kowalska"},
		"name": {"Anna Kowalska"}, "email": {"anna.kowalska@example.pl"}, "public_text": {"1"}}
}

// jsonReq sends a JSON body with optional Bearer token.
func (e *appealsEnv) jsonReq(tb testing.TB, method, target, bearer string, body any) (*http.Response, map[string]any) {
	tb.Helper()
	var buf []byte
	switch b := body.(type) {
	case string:
		buf = []byte(b)
	default:
		var err error
		if buf, err = json.Marshal(b); err != nil {
			tb.Fatal(err)
		}
	}
	req := httptest.NewRequest(method, target, bytes.NewReader(buf))
	req.Header.Set("Content-Type", "application/json")
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	}
	resp, err := e.app.Test(req, -1)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]any
	json.NewDecoder(resp.Body).Decode(&out)
	return resp, out
}

// errorOf returns the error object of a JSON error response.
func errorOf(m map[string]any) map[string]any {
	e, _ := m["error"].(map[string]any)
	return e
}

// noIdentity fails when a page shows any trace of the sample requester.
func noIdentity(tb testing.TB, where, body string) {
	tb.Helper()
	low := strings.ToLower(body)
	for _, leak := range []string{"kowalsk", "anna", "example.pl"} {
		if strings.Contains(low, leak) {
			i := strings.Index(low, leak)
			tb.Errorf("%s shows %q: …%s…", where, leak, body[max(0, i-80):min(len(body), i+80)])
		}
	}
}
