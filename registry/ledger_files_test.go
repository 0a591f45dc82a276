package registry_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jawnosc/registry"
)

// attachedContract is a published MPK contract with two attachments in the ledger: a
// redacted one added to the draft (public with the publication) and a plain one added after.
type attachedContract struct {
	s                    *registry.Store
	files                registry.Files
	contract             int64
	redacted, plain      *registry.Attachment
	orig, red, plainFile registry.StoredFile
	officer              registry.Actor
}

func mustAttachedContract(t *testing.T) *attachedContract {
	t.Helper()
	ctx := context.Background()
	s := MustOpenStore(t)
	mpk := MustCreateCompany(t, s, "mpk")
	e := &attachedContract{s: s, files: registry.Files{Dir: filepath.Join(t.TempDir(), "attachments")},
		officer: registry.Actor{UserID: 1, Login: "jan", Role: registry.RoleOfficer, Companies: []int64{mpk.ID}}}
	put := func(body string) registry.StoredFile {
		sf, err := e.files.PutPDF(bytes.NewReader(MustPDF(t, body)), 1<<20, "file")
		if err != nil {
			t.Fatal(err)
		}
		return sf
	}
	e.orig, e.red, e.plainFile = put("Umowa z ceną jednostkową 123,45 zł"), put("Umowa z ceną [wyłączone]"), put("Aneks nr 1")
	c, err := s.CreateContract(ctx, e.officer, mpk.ID, SampleContract("Dostawa szyn"), false)
	if err != nil {
		t.Fatal(err)
	}
	e.contract = c.ID
	if e.redacted, err = s.AddAttachment(ctx, e.officer, registry.KindContract, c.ID, registry.NewAttachment{Title: "Umowa",
		FileName: "umowa.pdf", File: e.orig, RedactedFileName: "umowa-jawna.pdf", Redacted: &e.red}); err != nil {
		t.Fatal(err)
	}
	if head, _ := s.LedgerHead(ctx); head.Seq != 0 {
		t.Fatalf("a draft's attachment entered the ledger: %+v", head)
	}
	if _, err := s.PublishContract(ctx, e.officer, c.ID); err != nil {
		t.Fatal(err)
	}
	if e.plain, err = s.AddAttachment(ctx, e.officer, registry.KindContract, c.ID, registry.NewAttachment{Title: "Aneks nr 1",
		FileName: "aneks.pdf", File: e.plainFile}); err != nil {
		t.Fatal(err)
	}
	return e
}

// TestAttachmentLinks checks that attachments enter the ledger when they become public, with
// the public copy's hash and never the plain hash of a redacted original.
func TestAttachmentLinks(t *testing.T) {
	ctx := context.Background()
	e := mustAttachedContract(t)
	links, err := e.s.FindLedger(ctx, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(links) != 3 {
		t.Fatalf("%d links, want the version and two attachments: %+v", len(links), links)
	}
	want := []struct {
		kind string
		ref  int64
	}{{registry.LinkVersion, 0}, {registry.LinkAttachment, e.redacted.ID}, {registry.LinkAttachment, e.plain.ID}}
	for i, w := range want {
		l := links[i]
		if l.LinkKind != w.kind || l.RefID != w.ref || l.EntryID != e.contract || l.Kind != registry.KindContract {
			t.Errorf("link %d: %+v, want %s %d", i+1, l, w.kind, w.ref)
		}
		if l.Hash != registry.LinkHashOf(l) || (i > 0 && l.PrevHash != links[i-1].Hash) {
			t.Errorf("link %d does not chain: %+v", i+1, l)
		}
	}
	if links[1].Version != 0 || links[1].Hash == registry.LinkHash(links[1].Seq, links[1].EntryID, links[1].Version, links[1].DataHash, links[1].PrevHash) {
		t.Errorf("an attachment link's hash must cover its kind and reference: %+v", links[1])
	}
	// The record names the redacted copy; the original only through a salted commitment.
	at, err := e.s.FindAttachment(ctx, registry.PublicActor, e.redacted.ID)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := registry.CanonicalJSON(at.Record())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(rec), e.red.SHA256) || strings.Contains(string(rec), e.orig.SHA256) || !strings.Contains(string(rec), `"file_name":"umowa-jawna.pdf"`) {
		t.Errorf("record %s", rec)
	}
	if c := at.OriginalCommitment(); len(c) != 64 || c == e.orig.SHA256 || c == registry.SHA256Hex([]byte(e.orig.SHA256)) {
		t.Errorf("commitment %q", c)
	}
	if registry.SHA256Hex(rec) != links[1].DataHash {
		t.Errorf("data hash %s, want the record's %s", links[1].DataHash, registry.SHA256Hex(rec))
	}
	rep, err := e.s.VerifyLedger(ctx, nil)
	if err != nil || !rep.OK() || rep.Links != 3 || rep.Head != links[2].Hash {
		t.Fatalf("verify: %+v %v", rep, err)
	}
	// The public history still pairs each version with its own link.
	c, err := e.s.FindContractHistory(ctx, e.contract)
	if err != nil || len(c) != 1 || c[0].Hash != links[0].Hash {
		t.Errorf("history: %+v %v", c, err)
	}
	refs, err := e.s.StoredFiles(ctx)
	if err != nil || len(refs) != 3 {
		t.Fatalf("stored files: %+v %v", refs, err)
	}
	frep, err := e.files.Verify(ctx, refs, nil)
	if err != nil || !frep.OK() || frep.Files != 3 {
		t.Fatalf("files: %+v %v", frep, err)
	}
}

func TestAttachmentRowsAreImmutable(t *testing.T) {
	e := mustAttachedContract(t)
	db := e.s.DB()
	for _, q := range []string{
		`UPDATE attachments SET title = 'Inna umowa' WHERE id = ?`,
		`UPDATE attachments SET redacted_sha256 = sha256 WHERE id = ?`,
		`DELETE FROM attachments WHERE id = ?`,
	} {
		if _, err := db.Exec(q, e.redacted.ID); err == nil {
			t.Errorf("%s: allowed", q)
		}
	}
	// Also a draft's attachment.
	ctx := context.Background()
	c, err := e.s.CreateContract(ctx, e.officer, e.officer.Companies[0], SampleContract("Szkic"), false)
	if err != nil {
		t.Fatal(err)
	}
	at, err := e.s.AddAttachment(ctx, e.officer, registry.KindContract, c.ID, registry.NewAttachment{Title: "Projekt", File: e.plainFile})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE attachments SET size = 1 WHERE id = ?`, at.ID); err == nil {
		t.Error("a draft's attachment row was changed")
	}
}

// TestVerifyFindsTamperedAttachment swaps a published attachment the way someone with
// database access could: the row now names another file (the unredacted original).
func TestVerifyFindsTamperedAttachment(t *testing.T) {
	ctx := context.Background()
	e := mustAttachedContract(t)
	db := e.s.DB()
	if _, err := db.Exec(`DROP TRIGGER attachments_immutable`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE attachments SET redacted_sha256 = sha256, redacted_size = size WHERE id = ?`, e.redacted.ID); err != nil {
		t.Fatal(err)
	}
	rep, err := e.s.VerifyLedger(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK() || rep.BrokenAt != 2 || !strings.Contains(rep.Problem, "załącznik nr 1 wpisu 1 został zmieniony po publikacji") {
		t.Fatalf("verify after swapping the file: %+v", rep)
	}
}

// TestVerifyFindsUnlinkedAttachment adds a public attachment row behind the store's back.
func TestVerifyFindsUnlinkedAttachment(t *testing.T) {
	ctx := context.Background()
	e := mustAttachedContract(t)
	if _, err := e.s.DB().Exec(`INSERT INTO attachments (entry_id, version, title, file_name, sha256, size, created_by, created_at)
		VALUES (?, 1, 'Podrzucony', 'x.pdf', ?, ?, 'jan', '2026-03-10T10:00:00.000Z')`, e.contract, e.plainFile.SHA256, e.plainFile.Size); err != nil {
		t.Fatal(err)
	}
	rep, err := e.s.VerifyLedger(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK() || rep.BrokenAt != 0 || rep.Links != 3 || !strings.Contains(rep.Problem, "załącznik nr 3 wpisu 1 jest publiczny, ale nie ma ogniwa") {
		t.Fatalf("verify with an unlinked attachment: %+v", rep)
	}
}

// TestFilesVerify changes a stored file's bytes, then removes one.
func TestFilesVerify(t *testing.T) {
	ctx := context.Background()
	e := mustAttachedContract(t)
	refs, err := e.s.StoredFiles(ctx)
	if err != nil {
		t.Fatal(err)
	}
	redPath, _ := e.files.Path(e.red.SHA256)
	b, err := os.ReadFile(redPath)
	if err != nil {
		t.Fatal(err)
	}
	tampered := bytes.Replace(b, []byte("%%EOF"), []byte("%%EOX"), 1)
	if bytes.Equal(tampered, b) {
		t.Fatal("nothing changed")
	}
	if err := os.WriteFile(redPath, tampered, 0o640); err != nil {
		t.Fatal(err)
	}
	rep, err := e.files.Verify(ctx, refs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK() || !strings.Contains(rep.Problem, "plik zmieniony: kopia z wyłączeniami załącznika nr 1 wpisu 1") || !strings.Contains(rep.Problem, "a zapisano "+e.red.SHA256) {
		t.Fatalf("tampered file: %+v", rep)
	}
	if err := os.WriteFile(redPath, b, 0o640); err != nil {
		t.Fatal(err)
	}
	plainPath, _ := e.files.Path(e.plainFile.SHA256)
	if err := os.Remove(plainPath); err != nil {
		t.Fatal(err)
	}
	rep, err = e.files.Verify(ctx, refs, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK() || !strings.Contains(rep.Problem, "brak pliku: oryginał załącznika nr 2 wpisu 1") || rep.Files != 2 {
		t.Fatalf("missing file: %+v", rep)
	}
}

// TestVerifyFindsBackdatedAttachment: the time an attachment was added is in its ledger
// record, so moving it (to hide a late filing) breaks its link.
func TestVerifyFindsBackdatedAttachment(t *testing.T) {
	ctx := context.Background()
	e := mustAttachedContract(t)
	db := e.s.DB()
	if _, err := db.Exec(`DROP TRIGGER attachments_immutable`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE attachments SET created_at = '2020-01-01T00:00:00.000Z' WHERE id = 1`); err != nil {
		t.Fatal(err)
	}
	rep, err := e.s.VerifyLedger(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.OK() || rep.BrokenAt == 0 || !strings.Contains(rep.Problem, "załącznik nr 1") {
		t.Fatalf("verify with a backdated attachment: %+v", rep)
	}
}
