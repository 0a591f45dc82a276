package web_test

import (
	"encoding/json"
	"strings"
	"testing"

	"jawnosc/registry"
)

// TestLedgerAPI pages through the whole chain with ?after= and checks that it links up
// to the head.
func TestLedgerAPI(t *testing.T) {
	e := mustOpenEnv(t, false)
	var head registry.LedgerLink
	resp, body := e.do(t, "GET", "/api/v1/ledger/head")
	if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &head) != nil || head.Seq == 0 {
		t.Fatalf("head: %d %s", resp.StatusCode, body)
	}
	if !strings.Contains(body, `"link_kind":"version"`) || !strings.Contains(body, `"ref_id":0`) {
		t.Errorf("head without its link kind and reference: %s", body)
	}
	prev, next, pages := registry.GenesisHash, "/api/v1/ledger?per_page=7", 0
	var last *registry.LedgerLink
	for next != "" {
		resp, body := e.do(t, "GET", next)
		if resp.StatusCode != 200 {
			t.Fatalf("%s: %d %s", next, resp.StatusCode, body)
		}
		var page struct {
			Links []*registry.LedgerLink `json:"links"`
			Next  string                 `json:"next"`
		}
		if err := json.Unmarshal([]byte(body), &page); err != nil {
			t.Fatal(err)
		}
		for _, l := range page.Links {
			if l.PrevHash != prev || registry.LinkHashOf(l) != l.Hash || l.LinkKind == "" {
				t.Fatalf("link %d does not chain", l.Seq)
			}
			prev, last = l.Hash, l
		}
		next, pages = page.Next, pages+1
	}
	if last == nil || last.Seq != head.Seq || last.Hash != head.Hash || pages < 4 {
		t.Fatalf("walked %d pages to %+v, head %+v", pages, last, head)
	}
	for _, bad := range []string{"/api/v1/ledger?after=-1", "/api/v1/ledger?after=x", "/api/v1/ledger?per_page=5000"} {
		if resp, body := e.do(t, "GET", bad); resp.StatusCode != 400 || !json.Valid([]byte(body)) {
			t.Fatalf("%s: %d %s", bad, resp.StatusCode, body)
		}
	}
}
