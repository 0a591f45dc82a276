package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jawnosc/audits"
	"jawnosc/registry"
	"jawnosc/search"
)

// TestBackupRestore performs the restore that README "Backups and restore" documents:
// `jawnosc backup FILE` on a live data directory, the file copied as jawnosc.db into a new
// data directory, `jawnosc verify` passes there, and every register, the audit reports and
// the search index (rebuilt from the change sequence) have the data.
func TestBackupRestore(t *testing.T) {
	ctx := context.Background()
	data, store := openTestData(t)
	sys := registry.SystemActor("test")
	co := &registry.Company{Slug: "mpk", Name: "Miejskie Przedsiębiorstwo Komunikacyjne S.A.", ShortName: "MPK"}
	if err := store.CreateCompany(ctx, sys, co); err != nil {
		t.Fatal(err)
	}
	if _, err := store.CreateContract(ctx, sys, co.ID, registry.ContractData{
		Number: "MPK/1/2026", SignedOn: "2026-01-10", Subject: "Dostawa szyn tramwajowych", Currency: "PLN",
		Counterparty: registry.Counterparty{Name: "Huta Łabędy S.A.", Country: "PL"},
		ValueNet:     100_000_00, ValueGross: 123_000_00, ProcurementMode: registry.ModeOpenTender,
	}, true); err != nil {
		t.Fatal(err)
	}
	au, err := audits.Open(ctx, store, data)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := au.CreateReport(ctx, sys, audits.ReportInput{
		Company: "mpk", Title: "Audyt zakupów szyn", AuditorKind: "nik", Kind: "procurement",
		PeriodFrom: "2025-01-01", PeriodTo: "2025-12-31", StartedOn: "2025-02-01", CompletedOn: "2025-03-01", PublishedOn: "2025-03-10",
		Summary: "Zakupy zgodne z planem.",
	}); err != nil {
		t.Fatal(err)
	}

	file := filepath.Join(t.TempDir(), "kopia.db")
	var out bytes.Buffer
	if err := runBackup(ctx, []string{"--data", data, file}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "backup: "+file) {
		t.Fatalf("output: %s", out.String())
	}
	if err := runBackup(ctx, []string{"--data", data, file}, io.Discard); registry.ErrorCode(err) != registry.ECONFLICT {
		t.Fatalf("backup over an existing file: %v", err)
	}

	// Restore: a new data directory with the copy as its database.
	restored := t.TempDir()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(restored, "jawnosc.db"), b, 0o600); err != nil {
		t.Fatal(err)
	}
	out.Reset()
	if err := runVerify(ctx, []string{"--data", restored}, &out); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "ledger OK: 2 links") {
		t.Fatalf("verify: %s", out.String())
	}
	st2, err := openStore(restored)
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	if cs, n, err := st2.FindContracts(ctx, registry.ContractFilter{}); err != nil || n != 1 || cs[0].Subject != "Dostawa szyn tramwajowych" {
		t.Fatalf("restored contracts: %d %v", n, err)
	}
	au2, err := audits.Open(ctx, st2, restored)
	if err != nil {
		t.Fatal(err)
	}
	if list, n, err := au2.FindReports(ctx, audits.ReportFilter{}); err != nil || n != 1 || list[0].Title != "Audyt zakupów szyn" {
		t.Fatalf("restored audits: %d %v", n, err)
	}
	ix, err := search.Open(indexDir(restored))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, err := search.NewIndexer(ix, search.StoreSource{Store: st2, Audits: au2}, t.Logf).CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.DocCount(); n != 2 {
		t.Fatalf("restored index holds %d documents, want 2", n)
	}
}
