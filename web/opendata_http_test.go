package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"net/http/httptest"
	"strings"
	"testing"

	"jawnosc/registry"
)

// TestEntryPageConditional: a repeated conditional request for an entry page, its API
// object or an export gets 304; a change to the register makes it 200 again; a 404 carries no ETag.
func TestEntryPageConditional(t *testing.T) {
	e := mustOpenEnv(t, false)
	ids := addRegisterFixture(t, e)
	for _, path := range []string{fmt.Sprintf("/umowy/%d", e.bus), fmt.Sprintf("/api/v1/contracts/%d", e.bus),
		fmt.Sprintf("/wydatki/%d", ids.expense), fmt.Sprintf("/api/v1/expenses/%d", ids.expense),
		"/api/v1/export/contracts.csv", "/api/v1/export/contracts.json", "/api/v1/export/ads.csv", "/api/v1/export/ocds.json"} {
		resp, body := e.do(t, "GET", path)
		etag := resp.Header.Get("ETag")
		if resp.StatusCode != 200 || etag == "" || resp.Header.Get("Last-Modified") == "" || body == "" {
			t.Fatalf("%s: %d, ETag %q", path, resp.StatusCode, etag)
		}
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("If-None-Match", etag)
		r2, err := e.app.Test(req, -1)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r2.Body)
		if r2.StatusCode != 304 || len(b) != 0 {
			t.Fatalf("%s repeated: %d with %d bytes, want 304 and no body", path, r2.StatusCode, len(b))
		}
		req = httptest.NewRequest("GET", path, nil)
		req.Header.Set("If-Modified-Since", resp.Header.Get("Last-Modified"))
		if r3, _ := e.app.Test(req, -1); r3.StatusCode != 304 {
			t.Fatalf("%s If-Modified-Since: %d, want 304", path, r3.StatusCode)
		}
	}
	if resp, _ := e.do(t, "GET", fmt.Sprintf("/umowy/%d", e.draft)); resp.StatusCode != 404 || resp.Header.Get("ETag") != "" {
		t.Fatalf("draft: %d with ETag %q", resp.StatusCode, resp.Header.Get("ETag"))
	}
}

// TestCompression: pages, API answers and streamed exports are compressed for clients that
// accept it; dump files (gzip already) are not compressed again; the read API is open to
// other origins.
func TestCompression(t *testing.T) {
	e := mustOpenEnv(t, false)
	for _, path := range []string{"/szukaj?q=umowa", "/api/v1/contracts", "/api/v1/export/contracts.csv", "/api/v1/export/ocds.json", "/feeds/umowy"} {
		req := httptest.NewRequest("GET", path, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := e.app.Test(req, -1)
		if err != nil {
			t.Fatal(err)
		}
		if resp.Header.Get("Content-Encoding") != "gzip" {
			t.Fatalf("%s: Content-Encoding %q", path, resp.Header.Get("Content-Encoding"))
		}
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		b, err := io.ReadAll(zr)
		if err != nil || len(b) < 200 {
			t.Fatalf("%s: %d bytes after gunzip (%v)", path, len(b), err)
		}
		if strings.HasPrefix(path, "/api/") && resp.Header.Get("Access-Control-Allow-Origin") != "*" {
			t.Fatalf("%s: CORS header %q", path, resp.Header.Get("Access-Control-Allow-Origin"))
		}
	}
	// Without Accept-Encoding the body is plain.
	_, body := e.do(t, "GET", "/api/v1/export/contracts.csv")
	if !bytes.HasPrefix([]byte(body), []byte("\uFEFFid;company")) {
		t.Fatalf("plain CSV starts %q", body[:20])
	}
}

// TestAttachmentRevalidates: adding an attachment to a published contract appends a ledger
// link and changes the contract's page, so a client revalidating the ledger head, the ledger
// page or the contract gets the new state (200), not 304.
func TestAttachmentRevalidates(t *testing.T) {
	e := mustOpenEnv(t, false)
	paths := []string{"/api/v1/ledger/head", "/api/v1/ledger?per_page=1000", fmt.Sprintf("/umowy/%d", e.bus), fmt.Sprintf("/api/v1/contracts/%d", e.bus)}
	etags := map[string]string{}
	for _, p := range paths {
		resp, _ := e.do(t, "GET", p)
		if resp.StatusCode != 200 || resp.Header.Get("ETag") == "" {
			t.Fatalf("%s: %d, ETag %q", p, resp.StatusCode, resp.Header.Get("ETag"))
		}
		etags[p] = resp.Header.Get("ETag")
	}
	files := registry.Files{Dir: t.TempDir()}
	sf, err := files.PutPDF(bytes.NewReader(mustPDF(t, "Umowa z załącznikami")), 1<<20, "file")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.store.AddAttachment(context.Background(), system, registry.KindContract, e.bus, registry.NewAttachment{Title: "Umowa", File: sf}); err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		req := httptest.NewRequest("GET", p, nil)
		req.Header.Set("If-None-Match", etags[p])
		resp, err := e.app.Test(req, -1)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 200 || resp.Header.Get("ETag") == etags[p] {
			t.Errorf("%s after a new attachment: %d, ETag %q (was %q)", p, resp.StatusCode, resp.Header.Get("ETag"), etags[p])
		}
		if p == "/api/v1/ledger/head" && !strings.Contains(string(b), `"link_kind":"attachment"`) {
			t.Errorf("head is not the attachment's link: %s", b)
		}
	}
}
