package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jawnosc/registry"
	"jawnosc/registry/ocdstest"
	"jawnosc/web"
)

// gunzip returns the decompressed content of a gzip file.
func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// csvRows parses a semicolon CSV with a byte order mark.
func csvRows(t *testing.T, b []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF"))))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("CSV: %v", err)
	}
	return rows
}

// TestNightlyDump runs the dump job with a pinned clock, checks every file against its
// listed size and SHA-256 and its content against the register, then serves the listing
// on /otwarte-dane and the files with conditional requests.
func TestNightlyDump(t *testing.T) {
	e := mustOpenEnv(t, false)
	addRegisterFixture(t, e)
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "dumps")
	now := time.Date(2026, 3, 10, 23, 30, 0, 0, time.UTC) // 00:30 on 11 March in Warsaw
	job := &web.DumpJob{Store: e.store, Dir: dir, Now: func() time.Time { return now }, City: "Kraków", Keep: 2}
	m, err := job.Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if m.Date != "2026-03-11" || len(m.Files) != 11 {
		t.Fatalf("manifest: %+v", m)
	}
	head, _ := e.store.LedgerHead(ctx)
	if m.LedgerHead != head.Hash || m.LedgerSeq != head.Seq {
		t.Fatalf("manifest head %d %s, ledger %d %s", m.LedgerSeq, m.LedgerHead, head.Seq, head.Hash)
	}
	public, err := e.store.CountPublicContracts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	content := map[string][]byte{}
	for _, f := range m.Files {
		b, err := os.ReadFile(filepath.Join(dir, "2026-03-11", f.Name))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(b)
		if hex.EncodeToString(sum[:]) != f.SHA256 || int64(len(b)) != f.Size {
			t.Fatalf("%s: listed %d bytes %s, file has %d bytes %x", f.Name, f.Size, f.SHA256, len(b), sum)
		}
		content[f.Name] = gunzip(t, b)
	}
	if rows := csvRows(t, content["umowy.csv.gz"]); len(rows) != public+1 {
		t.Fatalf("umowy.csv: %d rows, want header + %d", len(rows), public)
	}
	var js []map[string]any
	if err := json.Unmarshal(content["umowy.json.gz"], &js); err != nil || len(js) != public {
		t.Fatalf("umowy.json: %d contracts (%v), want %d", len(js), err, public)
	}
	if n, want := ocdstest.ValidateReleasePackage(t, content["umowy-ocds.json.gz"]), publishedVersions(t, e.store); n != want {
		t.Fatalf("OCDS dump: %d releases, want %d", n, want)
	}
	for name, n := range map[string]func(context.Context) (int, error){"wydatki": e.store.Expenses().CountPublic,
		"reklamy": e.store.Ads().CountPublic, "rekrutacje": e.store.Recruitments().CountPublic} {
		want, err := n(ctx)
		if err != nil || want == 0 {
			t.Fatalf("%s: %d public entries (%v)", name, want, err)
		}
		var arr []map[string]any
		if err := json.Unmarshal(content[name+".json.gz"], &arr); err != nil || len(arr) != want {
			t.Fatalf("%s.json: %d entries (%v), want %d", name, len(arr), err, want)
		}
		if lines := csvRows(t, content[name+".csv.gz"]); len(lines) != want+1 {
			t.Fatalf("%s.csv: %d rows, want header + %d", name, len(lines), want)
		}
	}
	var links []registry.LedgerLink
	if err := json.Unmarshal(content["lancuch.json.gz"], &links); err != nil || int64(len(links)) != head.Seq || links[len(links)-1].Hash != head.Hash {
		t.Fatalf("lancuch.json: %d links (%v)", len(links), err)
	}
	if lines := strings.Count(string(content["lancuch.csv.gz"]), "\r\n"); int64(lines) != head.Seq+1 {
		t.Fatalf("lancuch.csv: %d lines", lines)
	}

	// The same data and clock give the same files.
	m2, err := job.Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i := range m.Files {
		if m2.Files[i].SHA256 != m.Files[i].SHA256 {
			t.Fatalf("%s differs between two runs over the same data", m.Files[i].Name)
		}
	}

	// The page lists every file with its date, size and hash, and describes every CSV column.
	app, err := newApp(web.Config{Store: e.store, Index: e.index, City: "Kraków",
		OpenData: web.OpenDataConfig{DumpsDir: dir, Licence: "CC0 1.0", OCDSPrefix: "ocds-213czf"}})
	if err != nil {
		t.Fatal(err)
	}
	e.app = app
	_, page := e.do(t, "GET", "/otwarte-dane")
	for _, f := range m.Files {
		want := fmt.Sprintf(`<a href="/otwarte-dane/pobierz/%s">%s</a></th><td>%s</td><td>%s</td><td class="num">%s</td><td class="hash">%s</td>`,
			f.Name, f.Name, f.Title, f.Format, f.SizeText(), f.SHA256)
		if !strings.Contains(page, want) {
			t.Errorf("/otwarte-dane does not list %s as %s", f.Name, want)
		}
	}
	if !strings.Contains(page, "Ostatni zrzut: <strong>2026-03-11</strong>") || !strings.Contains(page, `href="https://creativecommons.org/publicdomain/zero/1.0/">CC0 1.0</a>`) {
		t.Error("/otwarte-dane lacks the dump date or the configured licence")
	}
	if !strings.Contains(page, "<code>ocds-213czf-{id}</code>") {
		t.Error("/otwarte-dane does not show the configured ocid prefix")
	}
	for _, f := range m.Files {
		if f.Format != "CSV" {
			continue
		}
		header := csvRows(t, content[f.Name])[0]
		if f.Name == "lancuch.csv.gz" {
			header = strings.Split(strings.SplitN(string(content[f.Name]), "\r\n", 2)[0], ",")
		}
		// The file's own table: from its caption to the end of the table.
		name := strings.TrimSuffix(f.Name, ".gz")
		i := strings.Index(page, ": "+name)
		if i < 0 {
			t.Fatalf("/otwarte-dane has no column table for %s", name)
		}
		table := page[i : i+strings.Index(page[i:], "</table>")]
		for _, col := range header {
			if !strings.Contains(table, "<tr><th scope=\"row\"><code>"+col+"</code></th><td>") {
				t.Errorf("%s: column %s is not described on /otwarte-dane", f.Name, col)
			}
		}
	}

	resp, body := e.do(t, "GET", "/otwarte-dane/pobierz/umowy.csv.gz")
	sum := sha256.Sum256([]byte(body))
	if resp.StatusCode != 200 || hex.EncodeToString(sum[:]) != m.Files[0].SHA256 || resp.Header.Get("Content-Type") != "application/gzip" {
		t.Fatalf("download: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	req := httptest.NewRequest("GET", "/otwarte-dane/pobierz/umowy.csv.gz", nil)
	req.Header.Set("Accept-Encoding", "gzip, br")
	if r, err := e.app.Test(req, -1); err != nil || r.Header.Get("Content-Encoding") != "" {
		t.Fatalf("a gzip file is compressed again: %v", err)
	}
	req = httptest.NewRequest("GET", "/otwarte-dane/pobierz/umowy.csv.gz", nil)
	req.Header.Set("If-None-Match", resp.Header.Get("ETag"))
	if r, err := e.app.Test(req, -1); err != nil || r.StatusCode != 304 {
		t.Fatalf("conditional download: %v %v", r.StatusCode, err)
	}
	for _, bad := range []string{"/otwarte-dane/pobierz/manifest.json", "/otwarte-dane/pobierz/..%2Flatest.json", "/otwarte-dane/pobierz/nic.gz"} {
		if resp, _ := e.do(t, "GET", bad); resp.StatusCode != 404 {
			t.Errorf("%s: %d, want 404", bad, resp.StatusCode)
		}
	}

	// Later nights keep the two newest dumps.
	for _, d := range []int{1, 2} {
		now = time.Date(2026, 3, 11+d, 1, 0, 0, 0, time.UTC)
		if _, err := job.Run(ctx); err != nil {
			t.Fatal(err)
		}
	}
	ents, _ := os.ReadDir(dir)
	var names []string
	for _, en := range ents {
		names = append(names, en.Name())
	}
	if strings.Join(names, " ") != "2026-03-12 2026-03-13 latest.json" {
		t.Fatalf("dumps kept: %v", names)
	}
}

// TestOpenDataPageWithoutDump says when the first dump will come and uses the default licence.
func TestOpenDataPageWithoutDump(t *testing.T) {
	e := mustOpenEnv(t, false)
	resp, page := e.do(t, "GET", "/otwarte-dane")
	if resp.StatusCode != 200 || !strings.Contains(page, `id="brak-zrzutu"`) || !strings.Contains(page, ">CC BY 4.0</a>") ||
		!strings.Contains(page, "<code>ocds-jawnosc-{id}</code>") {
		t.Fatalf("/otwarte-dane without a dump: %d", resp.StatusCode)
	}
}
