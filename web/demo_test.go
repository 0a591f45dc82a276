package web_test

import (
	"context"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jawnosc/audits"
	"jawnosc/demo"
	"jawnosc/registry"
	"jawnosc/search"
	"jawnosc/web"
)

// mustOpenDemo opens the app over the demo data set of n contracts.
func mustOpenDemo(tb testing.TB, n int) *testEnv { return openDemoEnv(tb, n, false) }

// openDemoEnv opens the app over the demo data set of n contracts and, withAudits, the demo
// audit reports with their signals computed (the whole set `serve --demo` fills).
func openDemoEnv(tb testing.TB, n int, withAudits bool) *testEnv {
	tb.Helper()
	ctx := context.Background()
	dir := tb.TempDir()
	s, err := registry.Open(filepath.Join(dir, "jawnosc.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	if err := demo.Load(ctx, s, n, nil); err != nil {
		tb.Fatal(err)
	}
	var au *audits.Store
	if withAudits {
		if au, err = audits.Open(ctx, s, dir); err != nil {
			tb.Fatal(err)
		}
		if err := demo.LoadAudits(ctx, au, au.Today()); err != nil {
			tb.Fatal(err)
		}
		if _, err := au.CatchUp(ctx); err != nil {
			tb.Fatal(err)
		}
	}
	ix, err := search.Open(filepath.Join(dir, "index"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	if _, err := search.NewIndexer(ix, search.StoreSource{Store: s}, nil).CatchUp(ctx); err != nil {
		tb.Fatal(err)
	}
	e := &testEnv{store: s, index: ix, logs: &logBuffer{}}
	e.cfg = web.Config{Store: s, Index: ix, Demo: true, City: "Kraków", Logf: e.logs.logf, AttachmentsDir: filepath.Join(dir, "attachments")}
	if au != nil {
		e.cfg.Audits = au
	}
	if e.app, err = newApp(e.cfg); err != nil {
		tb.Fatal(err)
	}
	return e
}

// TestDemoDataPages renders every page over the demo data (natural persons, redactions,
// annexes, corrections, withdrawals, foreign currencies) and every contract page.
func TestDemoDataPages(t *testing.T) {
	e := mustOpenDemo(t, 2000)
	ctx := context.Background()
	companies, err := e.store.FindCompanies(ctx)
	if err != nil || len(companies) < 3 {
		t.Fatalf("%d companies, %v", len(companies), err)
	}
	paths := []string{"/", "/spolki", "/umowy", "/umowy?sort=value&page=3", "/szukaj", "/szukaj?q=remont", "/szukaj?q=remont&sort=date&kind=contract",
		"/szukaj?q=lodz", "/api/v1/search?q=kanalizacja", "/api/v1/contracts", "/api/v1/companies"}
	for _, co := range companies {
		paths = append(paths, "/spolki/"+co.Slug, "/api/v1/companies/"+co.Slug)
	}
	var nips []string
	err = e.store.ScanContracts(ctx, func(c *registry.Contract) error {
		paths = append(paths, fmt.Sprintf("/umowy/%d", c.ID))
		if c.Counterparty.NIP != "" && len(nips) < 20 {
			nips = append(nips, c.Counterparty.NIP)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, nip := range nips {
		paths = append(paths, "/kontrahenci/"+nip)
	}
	slowest, slowPath := time.Duration(0), ""
	for _, p := range paths {
		start := time.Now()
		resp, body := e.do(t, http.MethodGet, p)
		if d := time.Since(start); d > slowest {
			slowest, slowPath = d, p
		}
		if resp.StatusCode != 200 {
			t.Errorf("%s: %d %s", p, resp.StatusCode, excerpt(body))
			continue
		}
		if strings.HasPrefix(p, "/api/") {
			continue
		}
		if !strings.Contains(body, "Dane demonstracyjne") || strings.Count(body, "<h1") != 1 {
			t.Errorf("%s: banner or h1 missing", p)
		}
	}
	t.Logf("%d pages; slowest %s in %s", len(paths), slowPath, slowest)
	if logs := e.logs.String(); logs != "" {
		t.Errorf("logged: %s", logs)
	}
}
