package web_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"jawnosc/browsertest"
	"jawnosc/registry"
)

// browserSignIn signs in through the real form in the browser, without JavaScript.
func browserSignIn(ctx context.Context, t *testing.T, base, login string) {
	t.Helper()
	if status := browsertest.Open(ctx, t, base+"/logowanie"); status != http.StatusOK {
		t.Fatalf("sign-in page: %d", status)
	}
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("login"), login), chromedp.SendKeys(chromedp.ID("password"), testPassword)); err != nil {
		t.Fatal(err)
	}
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`form[action="/logowanie"] button[type="submit"]`)))
	if err != nil || resp == nil || resp.Status != http.StatusOK {
		t.Fatalf("signing in as %s: %v %v", login, resp, err)
	}
}

// browserUpload chooses a file in the import form's file input (id input) and sends it;
// returns the status and the page text.
func browserUpload(ctx context.Context, t *testing.T, input, path string) (int64, string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID(input), []string{path})); err != nil {
		t.Fatal(err)
	}
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`#formularz-importu button[type="submit"]`)))
	if err != nil || resp == nil {
		t.Fatalf("upload: %v", err)
	}
	text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("main")))
	if err != nil {
		t.Fatal(err)
	}
	return resp.Status, text
}

// TestBrowserPanelImportAndAuditLog imports an XLSX through the panel in Chromium without
// JavaScript: a file with a bad row is refused with the row named, a good one is previewed and
// confirmed; then the mayor's office reads the audit log. Every page is checked with axe-core.
func TestBrowserPanelImportAndAuditLog(t *testing.T) {
	e := mustOpenEnv(t, false)
	e.mustCreateUser(t, "anna", registry.RoleOfficer, "mpk")
	e.mustCreateUser(t, "ewa", registry.RoleSupervisor)
	base := serveEnv(t, e)
	dir := t.TempDir()
	day := time.Date(2026, 2, 10, 0, 0, 0, 0, time.UTC)
	bad := filepath.Join(dir, "zle.xlsx")
	good := filepath.Join(dir, "umowy.xlsx")
	for path, rows := range map[string][][]any{
		bad: {{"MPK/B/1", day, "Dostawa opon", "Ogumienie sp. z o.o.", "", 1000, 1230, "open_tender", false},
			{"MPK/B/2", day, "Naprawa wiat", "Wiaty S.A.", "", 1000, 1230, "przetarg", false}},
		good: {{"MPK/G/1", day, "Dostawa opon zimowych", "Ogumienie sp. z o.o.", 6761234565, 129999.99, 159899.99, "open_tender", false},
			{"MPK/G/2", "12.02.2026", "Serwis klimatyzacji w autobusach", "Chłód sp. j.", "", "12 000,00 zł", "14 760,00 zł", "direct_award", true}},
	} {
		if err := os.WriteFile(path, importXLSX(t, rows...), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	before := e.countContracts(t)

	ctx, _ := browsertest.New(t)
	browsertest.DisableJavaScript(ctx, t)
	browserSignIn(ctx, t, base, "anna")
	if status := browsertest.Open(ctx, t, base+"/panel/import"); status != http.StatusOK {
		t.Fatalf("import form: %d", status)
	}
	browsertest.RequireNoSeriousViolations(t, ctx, "")

	status, text := browserUpload(ctx, t, "i-plik", bad)
	if status != http.StatusUnprocessableEntity || !strings.Contains(text, "Wiersz 3, kolumna procurement_mode") {
		t.Fatalf("bad file: %d %s", status, text)
	}
	browsertest.RequireNoSeriousViolations(t, ctx, "")

	status, text = browserUpload(ctx, t, "i-plik", good)
	if status != http.StatusOK || !strings.Contains(text, "Wszystkie wiersze są poprawne") || !strings.Contains(text, "129 999,99 zł") {
		t.Fatalf("good file: %d %s", status, text)
	}
	browsertest.RequireNoSeriousViolations(t, ctx, "")
	if n := e.countContracts(t); n != before {
		t.Fatal("the preview saved contracts")
	}
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`#potwierdzenie-importu button[type="submit"]`)))
	if err != nil || resp == nil || resp.Status != http.StatusOK {
		t.Fatalf("confirm: %v %v", resp, err)
	}
	if text, err = chromedp.Run(ctx, chromedp.Text(chromedp.ID("wynik-importu"))); err != nil || !strings.Contains(text, "2 umowy") {
		t.Fatalf("after confirming: %q %v", text, err)
	}
	if n := e.countContracts(t); n != before+2 {
		t.Fatalf("contracts %d → %d", before, n)
	}

	// The mayor's office sees who imported.
	resp, err = chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`form[action="/wyloguj"] button`)))
	if err != nil || resp == nil {
		t.Fatalf("sign out: %v", err)
	}
	browserSignIn(ctx, t, base, "ewa")
	if status := browsertest.Open(ctx, t, base+"/panel/dziennik?action=entry.import"); status != http.StatusOK {
		t.Fatalf("audit log: %d", status)
	}
	if text, err = chromedp.Run(ctx, chromedp.Text(chromedp.CSS("table"))); err != nil || strings.Count(text, "import z pliku") != 2 || !strings.Contains(text, "anna") {
		t.Fatalf("audit log: %q %v", text, err)
	}
	browsertest.RequireNoSeriousViolations(t, ctx, "")
	if logs := e.logs.String(); logs != "" {
		t.Errorf("logged: %s", logs)
	}
}

// TestBrowserRegisterImportPreview imports expenses with a column mapping in Chromium without
// JavaScript: a file with a bad row is previewed with the row named and no confirmation, the
// form keeps the mapping typed, a good file is previewed (nothing saved) and confirmed. Every
// page is checked with axe-core.
func TestBrowserRegisterImportPreview(t *testing.T) {
	e := mustOpenEnv(t, false)
	e.mustCreateUser(t, "anna", registry.RoleOfficer, "mpk")
	base := serveEnv(t, e)
	dir := t.TempDir()
	good := filepath.Join(dir, "wydatki.csv")
	bad := filepath.Join(dir, "zle.csv")
	if err := os.WriteFile(good, []byte(expenseImportCSV), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte(strings.Replace(expenseImportCSV, "14.03.2026", "32.13.2026", 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	before := e.countExpenses(t)

	ctx, _ := browsertest.New(t)
	browsertest.DisableJavaScript(ctx, t)
	browserSignIn(ctx, t, base, "anna")
	if status := browsertest.Open(ctx, t, base+"/panel/wydatki/import"); status != http.StatusOK {
		t.Fatalf("import form: %d", status)
	}
	browsertest.RequireNoSeriousViolations(t, ctx, "")
	if err := chromedp.Do(ctx, chromedp.SendKeys(chromedp.ID("f-map"), expenseImportForm.Get("map")),
		chromedp.SendKeys(chromedp.ID("f-set"), expenseImportForm.Get("set"))); err != nil {
		t.Fatal(err)
	}
	send := func(path string) (int64, string) { t.Helper(); return browserUpload(ctx, t, "f-file", path) }

	status, text := send(bad)
	if status != http.StatusUnprocessableEntity || !strings.Contains(text, "wiersz 3, kolumna spent_on") || !strings.Contains(text, "nic nie zostanie zapisane") ||
		strings.Contains(text, "Zatwierdź import") {
		t.Fatalf("bad file: %d %s", status, text)
	}
	browsertest.RequireNoSeriousViolations(t, ctx, "")
	if kept, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID("f-map"))); err != nil || kept != expenseImportForm.Get("map") {
		t.Fatalf("the form lost the mapping: %q %v", kept, err)
	}

	status, text = send(good)
	if status != http.StatusOK || !strings.Contains(text, "Mapowanie kolumn pliku") || !strings.Contains(text, "1 234,56 zł") || !strings.Contains(text, "14.03.2026") {
		t.Fatalf("good file: %d %s", status, text)
	}
	browsertest.RequireNoSeriousViolations(t, ctx, "")
	if n := e.countExpenses(t); n != before {
		t.Fatal("the preview saved expenses")
	}
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(`#potwierdzenie-importu button[type="submit"]`)))
	if err != nil || resp == nil || resp.Status != http.StatusOK {
		t.Fatalf("confirm: %v %v", resp, err)
	}
	if text, err = chromedp.Run(ctx, chromedp.Text(chromedp.ID("zaimportowano"))); err != nil || !strings.Contains(text, "2 wpisy") {
		t.Fatalf("after confirming: %q %v", text, err)
	}
	browsertest.RequireNoSeriousViolations(t, ctx, "")
	if n := e.countExpenses(t); n != before+2 {
		t.Fatalf("expenses %d → %d", before, n)
	}
}
