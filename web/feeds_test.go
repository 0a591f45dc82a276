package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"jawnosc/appeals"
	"jawnosc/registry"
	"jawnosc/search"
)

// parseAtom parses body with gofeed and checks what RFC 4287 requires of a feed and its
// entries (id, title, updated; an author for the feed).
func parseAtom(t *testing.T, body string) *gofeed.Feed {
	t.Helper()
	f, err := gofeed.NewParser().ParseString(body)
	if err != nil {
		t.Fatalf("not a feed: %v\n%s", err, body)
	}
	if f.FeedType != "atom" || f.FeedVersion != "1.0" {
		t.Fatalf("feed type %s %s, want atom 1.0", f.FeedType, f.FeedVersion)
	}
	if f.Title == "" || f.UpdatedParsed == nil || len(f.Authors) == 0 || f.FeedLink == "" {
		t.Fatalf("feed lacks title, updated, author or self link: %+v", f)
	}
	seen := map[string]bool{}
	for _, it := range f.Items {
		if it.GUID == "" || it.Title == "" || it.UpdatedParsed == nil || it.Link == "" {
			t.Fatalf("entry lacks id, title, updated or link: %+v", it)
		}
		if seen[it.GUID] {
			t.Fatalf("entry id %s twice", it.GUID)
		}
		seen[it.GUID] = true
	}
	return f
}

// TestFeeds parses the register, company and search feeds with gofeed.
func TestFeeds(t *testing.T) {
	e := mustOpenEnv(t, false)
	get := func(path string) *gofeed.Feed {
		t.Helper()
		resp, body := e.do(t, "GET", path)
		if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/atom+xml") {
			t.Fatalf("%s: %d %s", path, resp.StatusCode, resp.Header.Get("Content-Type"))
		}
		if strings.Contains(body, "Opis umowy Usługi doradcze") {
			t.Fatalf("%s: redacted description leaks", path)
		}
		return parseAtom(t, body)
	}
	all := get("/feeds/umowy")
	if len(all.Items) != 32 { // 30 contracts published, plus an annex and a withdrawal
		t.Fatalf("register feed: %d entries, want 32", len(all.Items))
	}
	for i := 1; i < len(all.Items); i++ {
		if all.Items[i].UpdatedParsed.After(*all.Items[i-1].UpdatedParsed) {
			t.Fatal("entries not newest first")
		}
	}
	byID := map[string]*gofeed.Item{}
	for _, it := range all.Items {
		byID[it.GUID] = it
	}
	annex := byID[fmt.Sprintf("urn:jawnosc:contract:%d:v2", e.amended)]
	first := byID[fmt.Sprintf("urn:jawnosc:contract:%d:v1", e.amended)]
	if annex == nil || first == nil || !strings.HasPrefix(annex.Title, "Aneks: Wodociągi: Budowa kanalizacji") ||
		!strings.Contains(annex.Description, "Roboty dodatkowe na ul. Kamiennej") ||
		!strings.Contains(annex.Description, "160 000,00 zł netto") ||
		!strings.HasSuffix(annex.Link, fmt.Sprintf("/umowy/%d", e.amended)) {
		t.Fatalf("annex entry: %+v", annex)
	}
	script := byID[fmt.Sprintf("urn:jawnosc:contract:%d:v1", e.script)]
	if script == nil || !strings.Contains(script.Title, `<script>alert("x")</script>`) {
		t.Fatalf("the subject with markup is not kept as text: %+v", script)
	}
	// Stable: the same ids and times on a second request.
	again := get("/feeds/umowy")
	for i := range again.Items {
		if again.Items[i].GUID != all.Items[i].GUID || again.Items[i].Updated != all.Items[i].Updated {
			t.Fatal("entry ids or times changed between requests")
		}
	}

	wod := get("/feeds/spolki/wodociagi")
	if len(wod.Items) != 6 {
		t.Fatalf("company feed: %d entries, want 6", len(wod.Items))
	}
	for _, it := range wod.Items {
		if !strings.Contains(it.Title, "Wodociągi:") {
			t.Fatalf("company feed has another company's entry: %s", it.Title)
		}
	}
	if f := get("/feeds/spolki/mpk/umowy"); len(f.Items) != 26 {
		t.Fatalf("company register feed: %d entries, want 26", len(f.Items))
	}
	found := get("/feeds/szukaj?q=kanalizacji")
	if len(found.Items) != 2 || found.Items[0].GUID != annex.GUID {
		t.Fatalf("search feed: %d entries, want the amended contract's two versions", len(found.Items))
	}
	if found.Items[0].UpdatedParsed.Sub(*found.Items[1].UpdatedParsed) <= 0 || found.Items[0].UpdatedParsed.Before(time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)) {
		t.Fatal("updated does not come from the versions")
	}

	for path, want := range map[string]int{"/feeds/nic": 404, "/feeds/spolki/nie-ma": 404, "/feeds/spolki/mpk/nic": 404, "/feeds/szukaj?q=ab*": 400, "/feeds/szukaj?band=ogromne": 400} {
		if resp, _ := e.do(t, "GET", path); resp.StatusCode != want {
			t.Fatalf("%s: %d, want %d", path, resp.StatusCode, want)
		}
	}

	resp, _ := e.do(t, "GET", "/feeds/umowy")
	req := httptest.NewRequest("GET", "/feeds/umowy", nil)
	req.Header.Set("If-None-Match", resp.Header.Get("ETag"))
	r2, err := e.app.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	if r2.StatusCode != 304 {
		t.Fatalf("repeated conditional request: %d, want 304", r2.StatusCode)
	}
}

// TestSearchPageShowsFeed: a saved search is its feed URL, linked on the search page and
// announced in the page head.
func TestSearchPageShowsFeed(t *testing.T) {
	e := mustOpenEnv(t, false)
	_, body := e.do(t, "GET", "/szukaj?q=kanalizacji&company=wodociagi&page=1")
	want := `href="/feeds/szukaj?company=wodociagi&amp;q=kanalizacji"`
	if strings.Count(body, want) != 2 || !strings.Contains(body, `rel="alternate" type="application/atom+xml"`) {
		t.Fatalf("search page does not link its feed %s", want)
	}
	for page, feed := range map[string]string{"/spolki/mpk": "/feeds/spolki/mpk", "/umowy": "/feeds/umowy",
		"/wydatki": "/feeds/wydatki", "/spolki/mpk/reklamy": "/feeds/spolki/mpk/reklamy"} {
		resp, body := e.do(t, "GET", page)
		if resp.StatusCode != 200 || !strings.Contains(body, `<link rel="alternate" type="application/atom+xml" title="Kanał Atom: nowe i zmienione wpisy" href="`+feed+`">`) {
			t.Errorf("%s (%d) does not announce its feed %s", page, resp.StatusCode, feed)
		}
		if resp, _ := e.do(t, "GET", feed); resp.StatusCode != 200 {
			t.Errorf("%s: %d", feed, resp.StatusCode)
		}
	}
}

// TestFeedsEveryRegister parses the feed of every register (expenses, ads, recruitments
// from the register fixture) and a company feed that mixes them; drafts never appear.
func TestFeedsEveryRegister(t *testing.T) {
	e := mustOpenEnv(t, false)
	ids := addRegisterFixture(t, e)
	want := map[string][]string{
		"/feeds/wydatki":    {fmt.Sprintf("urn:jawnosc:expense:%d:v2", ids.expense), "Korekta: MPK: Sponsoring — Klub Sportowy Wisła"},
		"/feeds/reklamy":    {fmt.Sprintf("urn:jawnosc:ad:%d:v2", ids.adWithdrawn), "Wycofano: MPK: Portal Wycofany — Omyłka"},
		"/feeds/rekrutacje": {fmt.Sprintf("urn:jawnosc:recruitment:%d:v1", ids.appointed), "MPK: Zarząd — Prezes Zarządu"},
	}
	for path, w := range want {
		resp, body := e.do(t, "GET", path)
		if resp.StatusCode != 200 || strings.Contains(body, "Tajny szkic") {
			t.Fatalf("%s: %d", path, resp.StatusCode)
		}
		found := false
		for _, it := range parseAtom(t, body).Items {
			if it.GUID == w[0] {
				found = true
				if !strings.HasPrefix(it.Title, w[1]) {
					t.Errorf("%s: entry %s titled %q, want %q…", path, it.GUID, it.Title, w[1])
				}
			}
		}
		if !found {
			t.Errorf("%s: no entry %s", path, w[0])
		}
	}
	_, body := e.do(t, "GET", "/feeds/spolki/mpk")
	kinds := map[string]bool{}
	for _, it := range parseAtom(t, body).Items {
		kinds[it.Categories[0]] = true
	}
	if len(kinds) != 4 {
		t.Fatalf("company feed has entries of %v, want all four registers", kinds)
	}
}

// TestSearchFeedSkipsRequests: information requests found by a search number their own ids;
// the search feed lists register entries only and never takes a request's id for an entry's.
func TestSearchFeedSkipsRequests(t *testing.T) {
	e := mustOpenAppeals(t, "2026-03-10")
	ctx := context.Background()
	r, _, err := e.svc.Submit(ctx, registry.PublicActor, appeals.Submission{Company: "mpk", Subject: "Kanalizacji dotyczy pytanie",
		Text: "Proszę o umowy dotyczące kanalizacji.", PublicText: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := search.NewIndexer(e.index, search.StoreSource{Store: e.store, Appeals: e.svc}, nil).CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	var hits apiSearchHits
	_, body := e.do(t, "GET", "/api/v1/search?q=kanalizacji")
	if err := json.Unmarshal([]byte(body), &hits); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, h := range hits.Hits {
		found = found || (h.Kind == appeals.KindRequest && h.EntryID == r.ID)
	}
	if !found {
		t.Fatalf("the request is not among the search hits: %s", body)
	}
	_, body = e.do(t, "GET", "/feeds/szukaj?q=kanalizacji")
	f := parseAtom(t, body)
	if len(f.Items) != 2 || strings.Contains(body, fmt.Sprintf("urn:jawnosc:contract:%d:", r.ID)) {
		t.Fatalf("search feed: %d entries, want the amended contract's two versions only:\n%s", len(f.Items), body)
	}
}

// apiSearchHits is the part of a search answer the feed tests read.
type apiSearchHits struct {
	Hits []struct {
		Kind    string `json:"kind"`
		EntryID int64  `json:"entry_id"`
	} `json:"hits"`
}
