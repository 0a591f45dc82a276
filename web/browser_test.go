package web_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"jawnosc/browsertest"
	"jawnosc/registry"
)

// browserDemoContracts is the size of the demo data set the browser tests serve: enough for every kind of
// page (annexes, counterparties, search hits), small enough to load in a few seconds.
const browserDemoContracts = 300

// browserQuery is typed into the search form; the demo data has contracts that match it.
const browserQuery = "lodz"

// serveDemo serves the real app over the demo data on a loopback listener and returns the environment
// and the base URL ("http://127.0.0.1:port"). The server shuts down when the test ends.
func serveDemo(t *testing.T) (*testEnv, string) {
	t.Helper()
	e := mustOpenDemo(t, browserDemoContracts)
	return e, serveEnv(t, e)
}

// contractPath matches the address of a contract page.
var contractPath = regexp.MustCompile(`^/umowy/[0-9]+$`)

// TestBrowserSearchToContract types a query into the home page's search form with JavaScript off,
// submits it, follows the first result and checks the contract page it leads to.
func TestBrowserSearchToContract(t *testing.T) {
	e, base := serveDemo(t)
	ctx, _ := browsertest.New(t)
	browsertest.DisableJavaScript(ctx, t)

	if status := browsertest.Open(ctx, t, base+"/"); status != http.StatusOK {
		t.Fatalf("home page: HTTP %d", status)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("q"), browserQuery)); err != nil {
		t.Fatalf("typing the query: %v", err)
	}
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`form[role="search"] button[type="submit"]`)))
	if err != nil {
		t.Fatalf("submitting the search form: %v", err)
	}
	if resp.Status != http.StatusOK || !strings.HasSuffix(resp.URL, "/szukaj?q="+browserQuery) {
		t.Fatalf("after submit: HTTP %d %s", resp.Status, resp.URL)
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.CSS("ol#wyniki"))); err != nil {
		t.Fatalf("waiting for the results list: %v", err)
	}
	const firstLink = "ol#wyniki > li:first-child h3 a"
	title, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(firstLink)))
	if err != nil {
		t.Fatalf("reading the first result: %v", err)
	}
	href, err := chromedp.Run(ctx, chromedp.AttributeValue(chromedp.CSS(firstLink), "href"))
	if err != nil || !contractPath.MatchString(href.Value) {
		t.Fatalf("first result links to %q (%v), want /umowy/{id}", href.Value, err)
	}

	resp, err = chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(firstLink)))
	if err != nil {
		t.Fatalf("following the first result: %v", err)
	}
	if resp.Status != http.StatusOK || resp.URL != base+href.Value {
		t.Fatalf("contract page: HTTP %d %s, want %s", resp.Status, resp.URL, base+href.Value)
	}
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(loc, base) || !contractPath.MatchString(strings.TrimPrefix(loc, base)) {
		t.Errorf("location %s is not /umowy/{id}", loc)
	}
	h1, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("h1#przedmiot")))
	if err != nil {
		t.Fatalf("reading h1#przedmiot: %v", err)
	}
	h1, title = strings.TrimSpace(h1), strings.TrimSpace(title)
	if h1 == "" || h1 != title {
		t.Errorf("h1#przedmiot = %q, result title = %q", h1, title)
	}

	// The page shows the stored contract: its subject is the one in the register.
	var id int64
	if _, err := fmt.Sscanf(href.Value, "/umowy/%d", &id); err != nil {
		t.Fatal(err)
	}
	c, err := e.store.FindContractByID(context.Background(), system, id)
	if err != nil {
		t.Fatalf("contract %d: %v", id, err)
	}
	if c.Subject != h1 {
		t.Errorf("stored subject %q, page shows %q", c.Subject, h1)
	}
	t.Logf("%q → %s: %q", browserQuery, href.Value, h1)
}

// amendedContractAndNIP returns the id of a published contract with at least one annex, and the NIP of
// a counterparty, from the demo data. Finding neither fails the test.
func amendedContractAndNIP(t *testing.T, s *registry.Store) (int64, string) {
	t.Helper()
	ctx := context.Background()
	var amended int64
	var nip string
	err := s.ScanContracts(ctx, func(c *registry.Contract) error {
		if nip == "" && c.Counterparty.NIP != "" && c.Status == registry.StatusPublished {
			nip = c.Counterparty.NIP
		}
		if amended != 0 || c.Version < 2 || c.Status != registry.StatusPublished {
			return nil
		}
		versions, err := s.FindContractHistory(ctx, c.ID)
		if err != nil {
			return err
		}
		if len(registry.Amendments(versions)) > 0 {
			amended = c.ID
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if amended == 0 || nip == "" {
		t.Fatalf("demo data: amended contract %d, counterparty NIP %q", amended, nip)
	}
	return amended, nip
}
