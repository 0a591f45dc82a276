package web_test

import (
	"context"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"jawnosc/browsertest"
	"jawnosc/web"
)

// TestBrowserOpenDataAccessibility runs axe-core in Chromium on /otwarte-dane (with a
// dump listed), /api and a search page with its feed link, and fails on serious or
// critical violations.
func TestBrowserOpenDataAccessibility(t *testing.T) {
	e := mustOpenDemo(t, browserDemoContracts)
	dir := filepath.Join(t.TempDir(), "dumps")
	job := &web.DumpJob{Store: e.store, Dir: dir, City: "Kraków", Now: func() time.Time { return time.Date(2026, 3, 11, 1, 0, 0, 0, time.UTC) }}
	if _, err := job.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	app, err := newApp(web.Config{Store: e.store, Index: e.index, Demo: true, City: "Kraków", Logf: e.logs.logf,
		OpenData: web.OpenDataConfig{DumpsDir: dir}})
	if err != nil {
		t.Fatal(err)
	}
	base := serveApp(t, app)
	ctx, _ := browsertest.New(t)
	browsertest.DisableJavaScript(ctx, t)
	for _, path := range []string{"/otwarte-dane", "/api", "/szukaj?q=" + browserQuery} {
		if status := browsertest.Open(ctx, t, base+path); status != http.StatusOK {
			t.Fatalf("%s: HTTP %d", path, status)
		}
		browsertest.RequireNoSeriousViolations(t, ctx, "")
	}
	if logs := e.logs.String(); logs != "" {
		t.Errorf("logged: %s", logs)
	}
}
