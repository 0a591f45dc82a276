package registry_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"jawnosc/pdf"
	"jawnosc/registry"
)

// MustPDF returns a real PDF document (gofpdf with the embedded font) whose text is body.
func MustPDF(tb testing.TB, body string) []byte {
	tb.Helper()
	d := pdf.New(pdf.Meta{Title: "Umowa", Created: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)})
	d.Para(body)
	b, err := d.Bytes()
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// pngHeader is the start of a PNG file.
var pngHeader = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89")

func TestCheckPDF(t *testing.T) {
	good := MustPDF(t, "Umowa dostawy części zamiennych.")
	cases := []struct {
		name string
		data []byte
		ok   bool
	}{
		{"gofpdf document", good, true},
		{"trailing new lines after %%EOF", append(append([]byte{}, good...), "\r\n\n"...), true},
		{"PNG", pngHeader, false},
		{"empty", nil, false},
		{"text that says PDF", []byte("to jest PDF, naprawdę"), false},
		{"header only", []byte("%PDF-1.7\n"), false},
		{"truncated", good[:len(good)/2], false},
		{"startxref beyond the end", []byte("%PDF-1.4\n1 0 obj\n<<>>\nendobj\nstartxref\n99999\n%%EOF\n"), false},
		{"PNG behind a PDF header", append([]byte("%PDF-1.4\n"), pngHeader...), false},
	}
	for _, c := range cases {
		err := registry.CheckPDF(bytes.NewReader(c.data), int64(len(c.data)), "file")
		if (err == nil) != c.ok {
			t.Errorf("%s: CheckPDF = %v, want ok=%v", c.name, err, c.ok)
		}
		if err != nil && (registry.ErrorCode(err) != registry.EINVALID || registry.ErrorFields(err)["file"] == "") {
			t.Errorf("%s: error %v has no message on the field", c.name, err)
		}
	}
}

func TestFilesPutPDF(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "attachments")
	files := registry.Files{Dir: dir}
	doc := MustPDF(t, "Aneks nr 1")
	sf, err := files.PutPDF(bytes.NewReader(doc), 1<<20, "file")
	if err != nil {
		t.Fatal(err)
	}
	if len(sf.SHA256) != 64 || sf.Size != int64(len(doc)) {
		t.Fatalf("stored %+v", sf)
	}
	want := filepath.Join(dir, sf.SHA256[:2], sf.SHA256[2:])
	if b, err := os.ReadFile(want); err != nil || !bytes.Equal(b, doc) {
		t.Fatalf("file at %s: %v", want, err)
	}
	// The same content again is deduplicated: same hash, one file, no temporary left.
	again, err := files.PutPDF(bytes.NewReader(doc), 1<<20, "file")
	if err != nil || again != sf {
		t.Fatalf("again: %+v %v", again, err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".upload-*")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	// Too large: ETOOLARGE; not a PDF: EINVALID; neither leaves a file behind.
	if _, err := files.PutPDF(bytes.NewReader(doc), int64(len(doc))-1, "file"); registry.ErrorCode(err) != registry.ETOOLARGE {
		t.Errorf("too large: %v", err)
	}
	if _, err := files.PutPDF(bytes.NewReader(pngHeader), 1<<20, "redacted"); registry.ErrorCode(err) != registry.EINVALID || registry.ErrorFields(err)["redacted"] == "" {
		t.Errorf("PNG: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("attachments dir holds %d entries, want the one folder", len(entries))
	}
	f, err := files.Open(sf.SHA256)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	for _, bad := range []string{"../../etc/passwd", "", sf.SHA256[:63] + "g"} {
		if _, err := files.Open(bad); registry.ErrorCode(err) != registry.ENOTFOUND {
			t.Errorf("Open(%q) = %v", bad, err)
		}
	}
}

func TestAttachmentsVisibilityAndAuthorization(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	mpk, mpo := MustCreateCompany(t, s, "mpk"), MustCreateCompany(t, s, "mpo")
	officer := registry.Actor{UserID: 1, Login: "jan", Role: registry.RoleOfficer, Companies: []int64{mpk.ID}}
	other := registry.Actor{UserID: 2, Login: "ewa", Role: registry.RoleOfficer, Companies: []int64{mpo.ID}}
	supervisor := registry.Actor{UserID: 3, Login: "nadzor", Role: registry.RoleSupervisor}

	c, err := s.CreateContract(ctx, officer, mpk.ID, SampleContract("Dostawa autobusów"), false)
	if err != nil {
		t.Fatal(err)
	}
	files := registry.Files{Dir: t.TempDir()}
	orig, err := files.PutPDF(bytes.NewReader(MustPDF(t, "oryginał")), 1<<20, "file")
	if err != nil {
		t.Fatal(err)
	}
	red, err := files.PutPDF(bytes.NewReader(MustPDF(t, "kopia zanonimizowana")), 1<<20, "redacted")
	if err != nil {
		t.Fatal(err)
	}
	in := registry.NewAttachment{Title: "Treść umowy", FileName: `C:\Users\jan\umowa "ostateczna".pdf`, File: orig, RedactedFileName: "umowa-jawna.pdf", Redacted: &red}
	for _, a := range []registry.Actor{registry.PublicActor, other, supervisor} {
		if _, err := s.AddAttachment(ctx, a, registry.KindContract, c.ID, in); err == nil {
			t.Errorf("%s attached a file to MPK's contract", a.Login)
		}
	}
	if _, err := s.AddAttachment(ctx, officer, registry.KindContract, c.ID, registry.NewAttachment{File: orig}); registry.ErrorFields(err)["title"] == "" {
		t.Errorf("no title: %v", err)
	}
	at, err := s.AddAttachment(ctx, officer, registry.KindContract, c.ID, in)
	if err != nil {
		t.Fatal(err)
	}
	if at.FileName != "umowa ostateczna.pdf" {
		t.Errorf("file name %q", at.FileName)
	}
	action := registry.AuditAttachmentAdd
	logged, n, err := s.FindAuditLog(ctx, system, registry.AuditFilter{Action: &action})
	if err != nil || n != 1 || logged[0].Login != "jan" || logged[0].ObjectID != at.ID || logged[0].Company != "mpk" {
		t.Errorf("audit log of the attachment: %d %v %+v", n, err, logged)
	}
	// A draft's attachments are not public.
	if got, _ := s.FindAttachments(ctx, registry.PublicActor, c.ID); len(got) != 0 {
		t.Errorf("public sees %d attachments of a draft", len(got))
	}
	if _, err := s.FindAttachment(ctx, registry.PublicActor, at.ID); registry.ErrorCode(err) != registry.ENOTFOUND {
		t.Errorf("public attachment of a draft: %v", err)
	}
	if _, err := s.PublishContract(ctx, officer, c.ID); err != nil {
		t.Fatal(err)
	}
	got, err := s.FindAttachments(ctx, registry.PublicActor, c.ID)
	if err != nil || len(got) != 1 {
		t.Fatalf("public attachments: %v %v", got, err)
	}
	if got[0].PublicSHA256() != red.SHA256 || !got[0].Redacted() {
		t.Errorf("public copy %s, want the redacted %s", got[0].PublicSHA256(), red.SHA256)
	}
	// The original of a redacted attachment only for the company.
	if _, err := s.FindAttachmentOriginal(ctx, registry.PublicActor, at.ID); registry.ErrorCode(err) != registry.EUNAUTHORIZED {
		t.Errorf("public original: %v", err)
	}
	if _, err := s.FindAttachmentOriginal(ctx, other, at.ID); registry.ErrorCode(err) != registry.EFORBIDDEN {
		t.Errorf("other company's original: %v", err)
	}
	if o, err := s.FindAttachmentOriginal(ctx, officer, at.ID); err != nil || o.SHA256 != orig.SHA256 {
		t.Errorf("officer's original: %v", err)
	}
	if _, err := s.WithdrawContract(ctx, officer, c.ID, "Omyłkowy wpis"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddAttachment(ctx, officer, registry.KindContract, c.ID, in); registry.ErrorCode(err) != registry.ECONFLICT {
		t.Errorf("attach to a withdrawn entry: %v", err)
	}
}

func TestFindFilerContracts(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	mpk, mpo := MustCreateCompany(t, s, "mpk"), MustCreateCompany(t, s, "mpo")
	officer := registry.Actor{UserID: 1, Login: "jan", Role: registry.RoleOfficer, Companies: []int64{mpk.ID}}
	if _, err := s.CreateContract(ctx, officer, mpk.ID, SampleContract("Szkic MPK"), false); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateContract(ctx, system, mpo.ID, SampleContract("Szkic MPO"), false); err != nil {
		t.Fatal(err)
	}
	cs, total, err := s.FindFilerContracts(ctx, officer, registry.ContractFilter{})
	if err != nil || total != 1 || cs[0].Subject != "Szkic MPK" {
		t.Fatalf("officer's list: %d %v", total, err)
	}
	if _, _, err := s.FindFilerContracts(ctx, officer, registry.ContractFilter{CompanyID: &mpo.ID}); registry.ErrorCode(err) != registry.EFORBIDDEN {
		t.Errorf("another company: %v", err)
	}
	for _, role := range []string{registry.RoleSupervisor, registry.RoleAuditor} {
		if _, _, err := s.FindFilerContracts(ctx, registry.Actor{Login: role, Role: role}, registry.ContractFilter{}); registry.ErrorCode(err) != registry.EFORBIDDEN {
			t.Errorf("%s: %v", role, err)
		}
	}
	if _, total, err := s.FindFilerContracts(ctx, registry.Actor{Login: "admin", Role: registry.RoleAdmin}, registry.ContractFilter{}); err != nil || total != 2 {
		t.Errorf("admin sees %d: %v", total, err)
	}
}

// FuzzCheckPDF feeds CheckPDF arbitrary bytes: it never panics, and whatever it refuses is
// refused with EINVALID and a message on the field.
func FuzzCheckPDF(f *testing.F) {
	f.Add(MustPDF(f, "Umowa"))
	f.Add([]byte("%PDF-1.4\nstartxref\n9\n%%EOF"))
	f.Add([]byte("%PDF-1.7\n1 0 obj\n<<>>\nendobj\nxref\nstartxref\n30\n%%EOF\n"))
	f.Add(pngHeader)
	f.Fuzz(func(t *testing.T, b []byte) {
		err := registry.CheckPDF(bytes.NewReader(b), int64(len(b)), "file")
		if err != nil && (registry.ErrorCode(err) != registry.EINVALID || registry.ErrorFields(err)["file"] == "") {
			t.Fatalf("CheckPDF(%q) = %v", b, err)
		}
	})
}
