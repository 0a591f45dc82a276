package web_test

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"jawnosc/registry"
	"jawnosc/web"
)

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// attachmentLink finds the id of the first public download link in a page.
var attachmentLink = regexp.MustCompile(`href="/zalaczniki/([0-9]+)"`)

// TestAttachmentUploadAndDownload uploads a PDF through the panel and downloads it as the public:
// stored under its SHA-256, the hash beside the download, the right headers. A PNG renamed .pdf
// and sent as application/pdf is refused with 422 on the field.
func TestAttachmentUploadAndDownload(t *testing.T) {
	e, dir := mustOpenEnvFiles(t, 0)
	b := e.mustLogin(t, "jan", registry.RoleOfficer, "mpk")
	doc := mustPDF(t, "Umowa nr MPK/ZP/7/2026 — treść")
	target := fmt.Sprintf("/panel/umowy/%d/zalaczniki", e.bus)

	// Not a PDF, whatever its name and declared type.
	resp, body := b.sendMultipart(t, e, target, url.Values{"title": {"Treść umowy"}}, upload{"file", "umowa.pdf", "application/pdf", pngBytes})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Plik nie jest dokumentem PDF.") ||
		!strings.Contains(body, `id="f-file" name="file" type="file" accept="application/pdf,.pdf" aria-required="true" aria-describedby="f-file-error" aria-invalid="true"`) ||
		!strings.Contains(body, `value="Treść umowy"`) {
		t.Fatalf("PNG as PDF: %d %s", resp.StatusCode, excerpt(body))
	}
	// No file; no title (nothing is stored then, even with a good file).
	resp, body = b.sendMultipart(t, e, target, url.Values{"title": {"Treść umowy"}})
	if resp.StatusCode != 422 || !strings.Contains(body, `href="#f-file">Plik PDF: Wybierz plik PDF do załączenia.</a>`) {
		t.Errorf("upload without a file: %d %s", resp.StatusCode, excerpt(body))
	}
	resp, body = b.sendMultipart(t, e, target, url.Values{"title": {" "}}, upload{"file", "umowa.pdf", "application/pdf", doc})
	if resp.StatusCode != 422 || !strings.Contains(body, `href="#f-title"`) || countFiles(t, dir) != 0 {
		t.Errorf("upload without a title: %d, %d files %s", resp.StatusCode, countFiles(t, dir), excerpt(body))
	}
	// A real PDF.
	resp, body = b.sendMultipart(t, e, target, url.Values{"title": {"Treść umowy"}}, upload{"file", "umowa MPK ZP 7 2026 — podpisana.pdf", "application/octet-stream", doc})
	if id := savedID(t, resp, body); id != e.bus {
		t.Fatalf("redirect to %d", id)
	}
	stored := filepath.Join(dir, sha(doc)[:2], sha(doc)[2:])
	if got, err := os.ReadFile(stored); err != nil || !bytes.Equal(got, doc) {
		t.Fatalf("stored file %s: %v", stored, err)
	}
	// The same PDF attached again is stored once.
	b.sendMultipart(t, e, target, url.Values{"title": {"Treść umowy (kopia)"}}, upload{"file", "kopia.pdf", "application/pdf", doc})
	if n := countFiles(t, dir); n != 1 {
		t.Errorf("%d files stored for one content", n)
	}
	_, page := e.do(t, "GET", fmt.Sprintf("/umowy/%d", e.bus))
	m := attachmentLink.FindStringSubmatch(page)
	if m == nil || !strings.Contains(page, sha(doc)) || !strings.Contains(page, "Treść umowy") {
		t.Fatalf("public page lacks the attachment and its SHA-256: %s", excerpt(page))
	}
	resp, got := e.do(t, "GET", "/zalaczniki/"+m[1])
	if resp.StatusCode != 200 || got != string(doc) {
		t.Fatalf("download: %d, %d bytes", resp.StatusCode, len(got))
	}
	for h, want := range map[string]string{
		"Content-Type":           "application/pdf",
		"Content-Disposition":    `attachment; filename="umowa MPK ZP 7 2026 _ podpisana.pdf"; filename*=UTF-8''umowa%20MPK%20ZP%207%202026%20%E2%80%94%20podpisana.pdf`,
		"X-Content-Type-Options": "nosniff",
		"ETag":                   `"` + sha(doc) + `"`,
	} {
		if resp.Header.Get(h) != want {
			t.Errorf("%s: %q, want %q", h, resp.Header.Get(h), want)
		}
	}
	if resp, _ := e.do(t, "GET", "/zalaczniki/999999"); resp.StatusCode != 404 {
		t.Errorf("unknown attachment: %d", resp.StatusCode)
	}
	// Another company's officer, supervisors and auditors may not attach (403), the public must
	// sign in (401); nothing is stored. A draft's attachment is not public.
	other := e.mustLogin(t, "ewa", registry.RoleOfficer, "wodociagi")
	other2 := mustPDF(t, "Podrzucony plik")
	for who, want := range map[*browser]int{e.mustLogin(t, "nadzor", registry.RoleSupervisor): 403, e.mustLogin(t, "audytor", registry.RoleAuditor): 403, e.anonymous(t): 401} {
		resp, body := who.sendMultipart(t, e, target, url.Values{"title": {"Obcy"}}, upload{"file", "obcy.pdf", "application/pdf", other2})
		if resp.StatusCode != want {
			t.Errorf("upload: %d, want %d %s", resp.StatusCode, want, excerpt(body))
		}
	}
	resp, _ = other.sendMultipart(t, e, target, url.Values{"title": {"Obcy"}}, upload{"file", "obcy.pdf", "application/pdf", other2})
	if resp.StatusCode != 403 {
		t.Errorf("other company's upload: %d", resp.StatusCode)
	}
	if _, err := os.Stat(filepath.Join(dir, sha(other2)[:2], sha(other2)[2:])); err == nil {
		t.Error("a refused upload was stored")
	}
	resp, body = other.sendMultipart(t, e, fmt.Sprintf("/panel/umowy/%d/zalaczniki", e.draft), url.Values{"title": {"Szkic umowy"}}, upload{"file", "szkic.pdf", "application/pdf", other2})
	savedID(t, resp, body)
	ats, err := e.store.FindAttachments(context.Background(), system, e.draft)
	if err != nil || len(ats) != 1 {
		t.Fatalf("draft attachments: %v %v", ats, err)
	}
	if resp, _ := e.do(t, "GET", fmt.Sprintf("/zalaczniki/%d", ats[0].ID)); resp.StatusCode != 404 {
		t.Errorf("the public downloads a draft's attachment: %d", resp.StatusCode)
	}
	if logs := e.logs.String(); logs != "" {
		t.Errorf("logged: %s", logs)
	}
}

// TestRedactedCopyGoesToThePublic attaches an original with a redacted copy: the public page
// shows and serves only the copy (and its hash); the original is for the company only.
func TestRedactedCopyGoesToThePublic(t *testing.T) {
	e, _ := mustOpenEnvFiles(t, 0)
	b := e.mustLogin(t, "jan", registry.RoleOfficer, "mpk")
	orig, red := mustPDF(t, "Cena jednostkowa: 1234 zł (tajemnica)"), mustPDF(t, "Cena jednostkowa: ███")
	resp, body := b.sendMultipart(t, e, fmt.Sprintf("/panel/umowy/%d/zalaczniki", e.bus), url.Values{"title": {"Treść umowy"}},
		upload{"file", "umowa.pdf", "application/pdf", orig}, upload{"redacted", "umowa-jawna.pdf", "application/pdf", red})
	savedID(t, resp, body)
	_, page := e.do(t, "GET", fmt.Sprintf("/umowy/%d", e.bus))
	if !strings.Contains(page, sha(red)) || strings.Contains(page, sha(orig)) || !strings.Contains(page, "wersja z wyłączeniami jawności") {
		t.Fatalf("public page: want only the redacted copy's hash: %s", excerpt(page))
	}
	m := attachmentLink.FindStringSubmatch(page)
	resp, got := e.do(t, "GET", "/zalaczniki/"+m[1])
	if resp.StatusCode != 200 || got != string(red) || !strings.Contains(resp.Header.Get("Content-Disposition"), "umowa-jawna.pdf") {
		t.Fatalf("public download: %d, the redacted copy: %v", resp.StatusCode, got == string(red))
	}
	original := "/panel/zalaczniki/" + m[1] + "/oryginal"
	if resp, got := b.send(t, e, "GET", original, nil); resp.StatusCode != 200 || got != string(orig) || resp.Header.Get("Cache-Control") != "private, no-store" {
		t.Errorf("officer's original: %d", resp.StatusCode)
	}
	if resp, _ := e.do(t, "GET", original); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("public original: %d", resp.StatusCode)
	}
	for _, who := range []*browser{e.mustLogin(t, "ewa", registry.RoleOfficer, "wodociagi"), e.mustLogin(t, "nadzor", registry.RoleSupervisor)} {
		if resp, _ := who.send(t, e, "GET", original, nil); resp.StatusCode != 403 {
			t.Errorf("original for someone else: %d", resp.StatusCode)
		}
	}
	// The panel's entry page shows both.
	_, body = b.send(t, e, "GET", fmt.Sprintf("/panel/umowy/%d", e.bus), nil)
	if !strings.Contains(body, sha(red)) || !strings.Contains(body, `href="`+original+`"`) {
		t.Errorf("panel entry page: %s", excerpt(body))
	}
}

// TestAttachmentTooLarge configures a 1 MiB limit: a larger PDF gets 413 with the Polish message
// on the field; a body beyond what the upload route takes gets 413 from the server; other routes
// keep the small general limit.
func TestAttachmentTooLarge(t *testing.T) {
	e, dir := mustOpenEnvFiles(t, 1<<20)
	b := e.mustLogin(t, "jan", registry.RoleOfficer, "mpk")
	target := fmt.Sprintf("/panel/umowy/%d/zalaczniki", e.bus)
	doc := mustPDF(t, "Umowa")
	big := append(append([]byte{}, doc[:len(doc)-6]...), bytes.Repeat([]byte("%"+strings.Repeat("x", 99)+"\n"), 11_000)...)
	resp, body := b.sendMultipart(t, e, target, url.Values{"title": {"Duża umowa"}}, upload{"file", "duza.pdf", "application/pdf", big})
	if resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "Plik jest za duży: może mieć najwyżej 1 MB.") ||
		!strings.Contains(body, `value="Duża umowa"`) {
		t.Fatalf("oversize PDF: %d %s", resp.StatusCode, excerpt(body))
	}
	if n := countFiles(t, dir); n != 0 {
		t.Errorf("%d files left after a refused upload", n)
	}
	// Beyond what the server takes at all (here the general limit, larger than two files and the
	// form): the HTTP server refuses the body before any handler, with the Polish error page.
	// app.Test cannot show that answer, so this goes through a real listener.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go e.app.Listener(ln)
	defer e.app.Shutdown()
	// Only the headers are sent: the server answers from the declared length, before any body.
	conn, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var cookies []string
	for _, c := range b.cookies {
		cookies = append(cookies, c.Name+"="+c.Value)
	}
	fmt.Fprintf(conn, "POST %s HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: %d\r\nCookie: %s\r\n\r\n",
		target, web.BodyLimit+1, strings.Join(cookies, "; "))
	hresp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	hbody, _ := io.ReadAll(hresp.Body)
	hresp.Body.Close()
	if hresp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(string(hbody), "Przesłane dane są zbyt duże") {
		t.Errorf("body beyond the server limit: %d %s", hresp.StatusCode, excerpt(string(hbody)))
	}
	// Other routes keep the general limit (10 MiB), although the server takes more for uploads.
	e2, _ := mustOpenEnvFiles(t, 0)
	b2 := e2.mustLogin(t, "jan", registry.RoleOfficer, "mpk")
	form := contractForm("mpk", "Umowa z długim opisem")
	form.Set("description", strings.Repeat("a", web.BodyLimit+1))
	if resp, body := b2.send(t, e2, "POST", "/panel/umowy", form); resp.StatusCode != http.StatusRequestEntityTooLarge || !strings.Contains(body, "zbyt duże") {
		t.Errorf("large form on a general route: %d %s", resp.StatusCode, excerpt(body))
	}
}

// mustOpenEnvFiles is mustOpenEnv with an attachments folder of its own and the given upload
// limit (0: the default 25 MiB); it returns the folder.
func mustOpenEnvFiles(tb testing.TB, maxUpload int64) (*testEnv, string) {
	tb.Helper()
	e := mustOpenEnv(tb, false)
	dir := filepath.Join(tb.TempDir(), "attachments")
	app, err := newApp(web.Config{Store: e.store, Index: e.index, City: "Kraków", Logf: e.logs.logf, AttachmentsDir: dir, MaxUploadBytes: maxUpload})
	if err != nil {
		tb.Fatal(err)
	}
	e.app = app
	return e, dir
}

// countFiles counts the stored files under the attachments folder (temporary ones included).
func countFiles(tb testing.TB, dir string) int {
	tb.Helper()
	n := 0
	filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
		}
		return nil
	})
	return n
}
