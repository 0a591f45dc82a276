package main

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"jawnosc/appeals"
	"jawnosc/audits"
	"jawnosc/pdf"
	"jawnosc/registry"
)

// openTestData opens the store of a new data directory as the commands do; it is closed
// when the test ends.
func openTestData(t *testing.T) (string, *registry.Store) {
	t.Helper()
	data := t.TempDir()
	store, err := openStore(data)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return data, store
}

// verifyData runs `jawnosc verify --data data args…` and returns what it printed.
func verifyData(ctx context.Context, data string, args ...string) (string, error) {
	var out bytes.Buffer
	err := runVerify(ctx, append([]string{"--data", data}, args...), &out)
	return out.String(), err
}

// testPDF returns a real PDF whose text is body.
func testPDF(t *testing.T, body string) []byte {
	t.Helper()
	d := pdf.New(pdf.Meta{Title: "Dokument", Created: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)})
	d.Para(body)
	b, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestVerifyCommand runs `jawnosc verify` on a real data directory holding a published
// contract with a redacted attachment and an audit report with its PDF: it passes, then
// fails naming a changed file, a missing file and a swapped attachment row; --no-files skips
// the files.
func TestVerifyCommand(t *testing.T) {
	ctx := context.Background()
	data, store := openTestData(t)
	co := &registry.Company{Slug: "mpk", Name: "Miejskie Przedsiębiorstwo Komunikacyjne S.A.", ShortName: "MPK"}
	system := registry.SystemActor("test")
	if err := store.CreateCompany(ctx, system, co); err != nil {
		t.Fatal(err)
	}
	c, err := store.CreateContract(ctx, system, co.ID, registry.ContractData{Number: "MPK/1/2026", SignedOn: "2026-02-02",
		Subject: "Dostawa szyn tramwajowych", Counterparty: registry.Counterparty{Name: "Huta sp. z o.o.", NIP: "5260250995", Country: "PL"},
		ValueNet: 1000000, ValueGross: 1230000, Currency: "PLN", ProcurementMode: registry.ModeOpenTender}, true)
	if err != nil {
		t.Fatal(err)
	}
	files := registry.Files{Dir: attachmentsDir(data)}
	put := func(body string) registry.StoredFile {
		sf, err := files.PutPDF(bytes.NewReader(testPDF(t, body)), 1<<20, "file")
		if err != nil {
			t.Fatal(err)
		}
		return sf
	}
	orig, red := put("Cena jednostkowa 123,45 zł"), put("Cena jednostkowa [wyłączone]")
	if _, err := store.AddAttachment(ctx, system, registry.KindContract, c.ID, registry.NewAttachment{Title: "Umowa", FileName: "umowa.pdf",
		File: orig, RedactedFileName: "umowa-jawna.pdf", Redacted: &red}); err != nil {
		t.Fatal(err)
	}
	au, err := audits.Open(ctx, store, data)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := au.CreateReport(ctx, registry.Actor{Login: "audytor", Role: registry.RoleAuditor}, audits.ReportInput{
		Company: "mpk", Title: "Kontrola zamówień", AuditorKind: "city_audit_centre", Kind: "compliance",
		PeriodFrom: "2025-01-01", PeriodTo: "2025-12-31", StartedOn: "2026-01-12", CompletedOn: "2026-02-20", PublishedOn: "2026-03-02",
		Summary: "Audyt zamówień bez przetargu.", PDF: testPDF(t, "Raport z audytu")}); err != nil {
		t.Fatal(err)
	}
	verify := func(args ...string) (string, error) { return verifyData(ctx, data, args...) }
	if out, err := verify(); err != nil || !strings.Contains(out, "ledger OK: 4 links") || !strings.Contains(out, "files OK: 3 files") {
		t.Fatalf("intact: %q %v", out, err)
	}

	// The redacted copy changed on disk: named, and the command fails; --no-files passes.
	p, _ := files.Path(red.SHA256)
	good, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, bytes.Replace(good, []byte("%%EOF"), []byte("%%EOX"), 1), 0o640); err != nil {
		t.Fatal(err)
	}
	if out, err := verify(); err == nil || !strings.Contains(out, "files BROKEN: plik zmieniony: kopia z wyłączeniami załącznika nr 1 wpisu 1") {
		t.Fatalf("changed file: %q %v", out, err)
	}
	if out, err := verify("--no-files"); err != nil || !strings.Contains(out, "ledger OK: 4 links") || !strings.Contains(out, "files: not checked") {
		t.Fatalf("--no-files: %q %v", out, err)
	}
	// A missing file.
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	if out, err := verify(); err == nil || !strings.Contains(out, "files BROKEN: brak pliku: kopia z wyłączeniami załącznika nr 1 wpisu 1") {
		t.Fatalf("missing file: %q %v", out, err)
	}
	if err := os.WriteFile(p, good, 0o640); err != nil {
		t.Fatal(err)
	}
	if _, err := verify(); err != nil {
		t.Fatalf("restored: %v", err)
	}
	// The row swapped to the unredacted original (both files intact): the ledger finds it.
	if _, err := store.DB().Exec(`DROP TRIGGER attachments_immutable`); err != nil {
		t.Fatal(err)
	}
	if _, err := store.DB().Exec(`UPDATE attachments SET redacted_sha256 = sha256, redacted_size = size`); err != nil {
		t.Fatal(err)
	}
	if out, err := verify("--no-files"); err == nil || !strings.Contains(out, "ledger BROKEN at link 2: ogniwo 2: załącznik nr 1 wpisu 1 został zmieniony po publikacji") {
		t.Fatalf("swapped row: %q %v", out, err)
	}
}

// TestVerifyCommandRequests runs `jawnosc verify` on a data directory holding an information
// request answered with a PDF: it passes, then names the document whose BLOB was swapped
// with plain SQL (--no-files skips the documents) and the answer rewritten in the log.
func TestVerifyCommandRequests(t *testing.T) {
	ctx := context.Background()
	data, store := openTestData(t)
	system := registry.SystemActor("test")
	co := &registry.Company{Slug: "mpk", Name: "Miejskie Przedsiębiorstwo Komunikacyjne S.A.", ShortName: "MPK"}
	if err := store.CreateCompany(ctx, system, co); err != nil {
		t.Fatal(err)
	}
	svc, err := appeals.Open(ctx, store)
	if err != nil {
		t.Fatal(err)
	}
	r, _, err := svc.Submit(ctx, registry.PublicActor, appeals.Submission{Company: "mpk", Subject: "Umowa na reklamę",
		Text: "Proszę o kopię umowy.", Name: "Anna Kowalska", PublicText: true})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := svc.StoreDocument(ctx, system, "umowa.pdf", testPDF(t, "Umowa na reklamę"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Answer(ctx, system, r.ID, appeals.EventData{Text: "Przekazujemy umowę.", Answer: appeals.OutcomeDisclosed, Documents: []appeals.Document{doc}}); err != nil {
		t.Fatal(err)
	}
	verify := func(args ...string) (string, error) { return verifyData(ctx, data, args...) }
	if out, err := verify(); err != nil || !strings.Contains(out, "ledger OK: 2 links") || !strings.Contains(out, "documents OK: 1 documents") {
		t.Fatalf("intact: %q %v", out, err)
	}
	db := store.DB()
	if _, err := db.Exec(`DROP TRIGGER ir_documents_no_update`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE ir_documents SET content = ?`, testPDF(t, "Inna umowa")); err != nil {
		t.Fatal(err)
	}
	if out, err := verify(); err == nil || !strings.Contains(out, "documents BROKEN: dokument zmieniony: dokument "+doc.SHA256+" zdarzenia nr 2 wniosku MPK/UDIP/") {
		t.Fatalf("swapped document: %q %v", out, err)
	}
	if out, err := verify("--no-files"); err != nil || !strings.Contains(out, "ledger OK: 2 links") || strings.Contains(out, "documents") {
		t.Fatalf("--no-files: %q %v", out, err)
	}
	if _, err := db.Exec(`DROP TRIGGER ir_events_no_update`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE ir_events SET data = replace(data, 'Przekazujemy', 'Odmawiamy') WHERE id = 2`); err != nil {
		t.Fatal(err)
	}
	if out, err := verify("--no-files"); err == nil || !strings.Contains(out, "ledger BROKEN at link 2: ogniwo 2: rekord request_event nr 2 został zmieniony po publikacji") {
		t.Fatalf("rewritten answer: %q %v", out, err)
	}
}
