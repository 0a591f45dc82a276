package web_test

import (
	"context"
	"html"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// serveApp serves app on a loopback listener until the test ends and returns its base URL.
func serveApp(t *testing.T, app *fiber.App) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- app.Listener(ln) }()
	t.Cleanup(func() {
		if err := app.Shutdown(); err != nil {
			t.Errorf("shutting the app down: %v", err)
		}
		if err := <-done; err != nil {
			t.Errorf("serving: %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}

// scriptBlock is the verification script as printed on /otwarte-dane.
var scriptBlock = regexp.MustCompile(`(?s)<pre[^>]*id="skrypt"><code>(.*?)</code></pre>`)

// TestLedgerScriptOnPage takes the script printed on /otwarte-dane, runs it with python3
// against a real server (more than one page of links, attachment links at the end), and
// checks that it finds a tampered link, a tampered attachment link and a rewritten chain.
func TestLedgerScriptOnPage(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Fatal("python3 is needed to run the published verification script (make tools installs it)")
	}
	e := mustOpenDemo(t, 1100)
	ctx := context.Background()
	// Two attachments of a published contract: one plain, one with a redacted copy.
	list, _, err := e.store.FindContracts(ctx, registry.ContractFilter{})
	if err != nil || len(list) == 0 {
		t.Fatalf("contracts: %v", err)
	}
	files := registry.Files{Dir: t.TempDir()}
	var stored []registry.StoredFile
	for _, body := range []string{"Treść umowy", "Oryginał", "Kopia z wyłączeniami"} {
		sf, err := files.PutPDF(strings.NewReader(string(mustPDF(t, body))), 1<<20, "file")
		if err != nil {
			t.Fatal(err)
		}
		stored = append(stored, sf)
	}
	system := registry.SystemActor("test")
	for _, in := range []registry.NewAttachment{{Title: "Umowa", File: stored[0]}, {Title: "Aneks", File: stored[1], Redacted: &stored[2]}} {
		if _, err := e.store.AddAttachment(ctx, system, registry.KindContract, list[0].ID, in); err != nil {
			t.Fatal(err)
		}
	}
	base := serveApp(t, e.app)
	_, page := e.do(t, "GET", "/otwarte-dane")
	m := scriptBlock.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("no script on /otwarte-dane")
	}
	script := filepath.Join(t.TempDir(), "sprawdz-lancuch.py")
	if err := os.WriteFile(script, []byte(html.UnescapeString(m[1])), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, dl := e.do(t, "GET", "/otwarte-dane/sprawdz-lancuch.py"); dl != html.UnescapeString(m[1]) {
		t.Fatal("the downloadable script differs from the one on the page")
	}
	run := func(args ...string) (string, bool) {
		out, err := exec.Command(python, append([]string{script, base}, args...)...).CombinedOutput()
		return strings.TrimSpace(string(out)), err == nil
	}
	head, err := e.store.LedgerHead(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if head.Seq <= 1000 {
		t.Fatalf("only %d links: the script's paging is not exercised", head.Seq)
	}
	links, err := e.store.FindLedger(ctx, 4, 1)
	if err != nil {
		t.Fatal(err)
	}
	saved5 := "5:" + links[0].Hash
	out, ok := run(saved5)
	if !ok || !strings.HasPrefix(out, "OK: ") || !strings.Contains(out, head.Hash) || !strings.Contains(out, "załączniki 2") {
		t.Fatalf("intact ledger: %v %s", ok, out)
	}
	if head.LinkKind != registry.LinkAttachment {
		t.Fatalf("head %+v, want the last attachment's link", head)
	}

	link1050, err := e.store.FindLedger(ctx, 1049, 1)
	if err != nil {
		t.Fatal(err)
	}
	db := e.store.DB()
	if _, err := db.Exec(`DROP TRIGGER ledger_append_only_update`); err != nil {
		t.Fatal(err)
	}
	// A link changed in place is found at that link.
	if _, err := db.Exec(`UPDATE ledger SET data_hash = ? WHERE seq = 1050`, strings.Repeat("ab", 32)); err != nil {
		t.Fatal(err)
	}
	if out, ok := run(); ok || !strings.Contains(out, "BŁĄD: skrót ogniwa 1050") {
		t.Fatalf("tampered link: %v %s", ok, out)
	}
	if _, err := db.Exec(`UPDATE ledger SET data_hash = ? WHERE seq = 1050`, link1050[0].DataHash); err != nil {
		t.Fatal(err)
	}
	// An attachment link made to name another attachment: its hash covers the reference.
	if _, err := db.Exec(`UPDATE ledger SET ref_id = ref_id + 100 WHERE seq = ?`, head.Seq-1); err != nil {
		t.Fatal(err)
	}
	if out, ok := run(); ok || !strings.Contains(out, "BŁĄD: skrót ogniwa "+strconv.FormatInt(head.Seq-1, 10)) {
		t.Fatalf("tampered attachment link: %v %s", ok, out)
	}
	// A chain rewritten consistently from link 5 passes on its own, but not against a saved link.
	rewriteChainFrom(t, e.store, 5)
	if out, ok := run(); !ok {
		t.Fatalf("rewritten chain should be self-consistent: %s", out)
	}
	if out, ok := run(saved5); ok || !strings.Contains(out, "BŁĄD: ogniwo 5 jest inne niż zapisane wcześniej") {
		t.Fatalf("rewritten chain against a saved link: %v %s", ok, out)
	}
}

// rewriteChainFrom forges the ledger the way an operator with database access could: a
// new data hash at link from, and every later link recomputed so the chain is consistent.
func rewriteChainFrom(t *testing.T, s *registry.Store, from int64) {
	t.Helper()
	ctx := context.Background()
	links, err := s.FindLedger(ctx, from-2, 1)
	if err != nil {
		t.Fatal(err)
	}
	prev := links[0].Hash
	for after := from - 1; ; {
		page, err := s.FindLedger(ctx, after, 1000)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range page {
			if l.Seq == from {
				l.DataHash = strings.Repeat("cd", 32)
			}
			l.PrevHash = prev
			l.Hash = registry.LinkHashOf(l)
			if _, err := s.DB().Exec(`UPDATE ledger SET data_hash = ?, prev_hash = ?, hash = ? WHERE seq = ?`, l.DataHash, l.PrevHash, l.Hash, l.Seq); err != nil {
				t.Fatal(err)
			}
			prev, after = l.Hash, l.Seq
		}
		if len(page) < 1000 {
			return
		}
	}
}
