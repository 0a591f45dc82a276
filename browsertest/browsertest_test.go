package browsertest

import (
	"context"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// goodPage is accessible: language, title, landmarks, labelled field, image with alt, enough contrast.
const goodPage = `<!doctype html>
<html lang="pl"><head><meta charset="utf-8"><title>Rejestr umów — Jawność</title>
<style>body{color:#1a1a1a;background:#fff;font:16px sans-serif}</style></head>
<body><header><p>Jawność</p></header>
<main><h1>Rejestr umów</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="Herb Krakowa" width="1" height="1">
<form method="post" action="/szukaj">
<label for="q">Szukaj w rejestrze</label> <input id="q" name="q" type="search">
<button type="submit">Szukaj</button></form></main>
<footer><p>Dane publiczne</p></footer></body></html>`

// badPage breaks three rules: an image without alt, an input without a label, and grey on white text.
const badPage = `<!doctype html>
<html lang="pl"><head><meta charset="utf-8"><title>Zła strona</title></head>
<body><main><h1>Zła strona</h1>
<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="1" height="1">
<input type="text" name="kwota">
<p style="color:#d0d0d0;background:#ffffff">Ledwo widoczny tekst o umowie</p>
</main></body></html>`

// formPage submits a POST form; its script would take the submit over if JavaScript ran.
const formPage = `<!doctype html>
<html lang="pl"><head><meta charset="utf-8"><title>Wniosek</title></head>
<body><main><h1>Wniosek o informację</h1>
<form method="post" action="/wyslij" id="f">
<label for="temat">Temat</label> <input id="temat" name="temat">
<button type="submit" id="wyslij">Wyślij</button></form>
<script>document.getElementById('f').addEventListener('submit', function (e) {
  e.preventDefault(); document.body.textContent = 'przechwycone przez JavaScript';
});</script></main></body></html>`

// newServer serves the test pages; the function it returns lists the subjects POSTed to /wyslij.
func newServer(t *testing.T) (*httptest.Server, func() []string) {
	t.Helper()
	var mu sync.Mutex
	var posted []string
	mux := http.NewServeMux()
	page := func(body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, body)
		}
	}
	mux.HandleFunc("GET /dobra", page(goodPage))
	mux.HandleFunc("GET /zla", page(badPage))
	mux.HandleFunc("GET /wniosek", page(formPage))
	mux.HandleFunc("POST /wyslij", func(w http.ResponseWriter, r *http.Request) {
		temat := r.PostFormValue("temat")
		mu.Lock()
		posted = append(posted, temat)
		mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html lang="pl"><head><meta charset="utf-8"><title>Przyjęto</title></head>
<body><main><h1>Przyjęto</h1><p id="wynik">Przyjęto wniosek: %s</p></main></body></html>`, html.EscapeString(temat))
	})
	mux.HandleFunc("GET /blad", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "awaria", http.StatusInternalServerError)
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), posted...)
	}
}

// recorder is a testing.TB that records failures instead of failing, to test the helpers' verdicts.
type recorder struct {
	testing.TB
	errors []string
}

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, args...))
}
func (r *recorder) Logf(format string, args ...any) { r.TB.Logf(format, args...) }

func TestGoodPageHasNoSeriousViolations(t *testing.T) {
	srv, _ := newServer(t)
	ctx, cancel := New(t)
	defer cancel()

	RequireNoSeriousViolations(t, ctx, srv.URL+"/dobra")

	// Axe really ran on that page: the rules it checked include the ones the bad page breaks.
	title, err := chromedp.Run(ctx, chromedp.Title())
	if err != nil || title != "Rejestr umów — Jawność" {
		t.Fatalf("title = %q, %v", title, err)
	}
	for _, v := range Axe(ctx, t) {
		if v.Serious() {
			t.Errorf("unexpected serious violation: %s", v)
		}
	}
}

func TestBadPageViolationsFound(t *testing.T) {
	srv, _ := newServer(t)
	ctx, cancel := New(t)
	defer cancel()

	if status := Open(ctx, t, srv.URL+"/zla"); status != http.StatusOK {
		t.Fatalf("status = %d", status)
	}
	got := map[string]Violation{}
	for _, v := range Axe(ctx, t) {
		got[v.ID] = v
	}
	for _, id := range []string{"image-alt", "label", "color-contrast"} {
		v, ok := got[id]
		if !ok {
			t.Errorf("violation %q not found; got %v", id, got)
			continue
		}
		if !v.Serious() || len(v.Nodes) == 0 || v.Help == "" || !strings.HasPrefix(v.HelpURL, "https://") {
			t.Errorf("violation %q incomplete: %+v", id, v)
		}
	}
	if v := got["color-contrast"]; len(v.Nodes) != 1 || !strings.Contains(v.Nodes[0], "Ledwo widoczny") {
		t.Errorf("color-contrast nodes = %q, want the grey paragraph", v.Nodes)
	}
	if v := got["image-alt"]; len(v.Nodes) != 1 || !strings.Contains(v.Nodes[0], "<img") {
		t.Errorf("image-alt nodes = %q, want the img", v.Nodes)
	}

	// The helper fails on this page (checking the page the tab shows now), naming each rule.
	rec := &recorder{TB: t}
	RequireNoSeriousViolations(rec, ctx, "")
	if len(rec.errors) != 1 {
		t.Fatalf("RequireNoSeriousViolations errors = %q, want one listing", rec.errors)
	}
	for _, want := range []string{"/zla", "image-alt", "label", "color-contrast", "3 serious or critical"} {
		if !strings.Contains(rec.errors[0], want) {
			t.Errorf("failure message lacks %q:\n%s", want, rec.errors[0])
		}
	}

	// A server error fails the helper even when the error page itself is accessible enough.
	rec = &recorder{TB: t}
	RequireNoSeriousViolations(rec, ctx, srv.URL+"/blad")
	if len(rec.errors) == 0 || !strings.Contains(rec.errors[0], "HTTP 500") {
		t.Errorf("5xx page: errors = %q", rec.errors)
	}
}

func TestFormWorksWithoutJavaScript(t *testing.T) {
	srv, posted := newServer(t)
	ctx, cancel := New(t)
	defer cancel()

	DisableJavaScript(ctx, t)
	Open(ctx, t, srv.URL+"/wniosek")
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("temat"), "Umowy MPK z 2024 r. — Łódź <b>")); err != nil {
		t.Fatal(err)
	}
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.ID("wyslij")))
	if err != nil {
		t.Fatalf("submitting: %v", err)
	}
	if resp.Status != http.StatusOK || !strings.HasSuffix(resp.URL, "/wyslij") {
		t.Fatalf("after submit: %d %s", resp.Status, resp.URL)
	}
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("wynik")))
	if err != nil {
		t.Fatalf("reading the result: %v", err)
	}
	const want = "Przyjęto wniosek: Umowy MPK z 2024 r. — Łódź <b>"
	if text != want {
		t.Errorf("result = %q, want %q", text, want)
	}
	if got := posted(); len(got) != 1 || got[0] != "Umowy MPK z 2024 r. — Łódź <b>" {
		t.Errorf("server received %q", got)
	}
	// The result page is checked too; axe-core needs scripts for a moment, then they are off again.
	RequireNoSeriousViolations(t, ctx, "")
	Open(ctx, t, srv.URL+"/wniosek")
	submitCtx, cancelSubmit := context.WithTimeout(ctx, 20*time.Second)
	defer cancelSubmit()
	if _, err := chromedp.RunResponse(submitCtx, chromedp.Click(chromedp.ID("wyslij"))); err != nil {
		t.Fatalf("second submit (scripts should still be off after Axe): %v", err)
	}
	if got := posted(); len(got) != 2 || got[1] != "" {
		t.Errorf("server received %q, want a second, empty subject", got)
	}
}
