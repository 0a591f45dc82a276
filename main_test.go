package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"jawnosc/registry"
	"jawnosc/search"
)

const csvHeader = "number;signed_on;subject;description;counterparty_name;counterparty_nip;counterparty_regon;counterparty_krs;counterparty_country;counterparty_town;value_net;value_gross;currency;procurement_mode;cpv;start_on;end_on;eu_funded\n"

// TestImportCommand runs `jawnosc import` on a real data directory: a file with one bad
// row imports nothing and names the row; a good file imports, and a running server's
// indexer picks the contracts up from the change sequence without a restart.
func TestImportCommand(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	store, err := openStore(data)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.CreateCompany(ctx, registry.SystemActor("test"), &registry.Company{Slug: "mpo", Name: "Miejskie Przedsiębiorstwo Oczyszczania sp. z o.o.", ShortName: "MPO"}); err != nil {
		t.Fatal(err)
	}
	// The "server": an index caught up with the (empty) database.
	ix, err := search.Open(filepath.Join(data, "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	indexer := search.NewIndexer(ix, search.StoreSource{Store: store}, t.Logf)
	if _, err := indexer.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}

	good := "MPO/1/2026;2026-02-01;Dostawa pojemników na odpady;Pojemniki 1100 l.;Eko-Plast sp. z o.o.;526-025-09-95;;;PL;Łódź;129 999,99 zł;159 899,99;PLN;quotation_below_threshold;;;;nie\n"
	bad := "MPO/2/2026;2026-02-30;;x;Firma;1234567890;;;PL;Kraków;abc;1;PLN;tender;;;;tak\n"
	dir := t.TempDir()
	badFile, goodFile := filepath.Join(dir, "bad.csv"), filepath.Join(dir, "good.csv")
	os.WriteFile(badFile, []byte(csvHeader+good+bad), 0o600)
	os.WriteFile(goodFile, []byte(csvHeader+good+strings.Replace(good, "MPO/1/2026", "MPO/3/2026", 1)), 0o600)

	var out, errOut bytes.Buffer
	err = runImport(ctx, []string{"--data", data, "--company", "mpo", "contracts", badFile}, &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "nothing imported") {
		t.Fatalf("bad file: %v", err)
	}
	// Every error of the bad row (line 3) is named; the good row (line 2) is not.
	for _, want := range []string{"line 3: signed_on:", "line 3: subject:", "line 3: counterparty_nip:", "line 3: value_net:", "line 3: procurement_mode:"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("error listing lacks %q:\n%s", want, errOut.String())
		}
	}
	if strings.Contains(errOut.String(), "line 2:") {
		t.Errorf("the good row is reported as bad:\n%s", errOut.String())
	}
	if n, _ := store.CountPublicContracts(ctx); n != 0 {
		t.Fatalf("a failing import wrote %d contracts", n)
	}
	if err := runImport(ctx, []string{"--data", data, "--company", "nie-ma", "contracts", goodFile}, &out, &errOut); registry.ErrorCode(err) != registry.ENOTFOUND {
		t.Fatalf("unknown company: %v", err)
	}
	if err := runImport(ctx, []string{"--data", data, "--company", "mpo", "contracts", goodFile}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "imported 2 contracts into mpo") {
		t.Fatalf("output: %q", out.String())
	}
	if n, err := indexer.CatchUp(ctx); err != nil || n != 2 {
		t.Fatalf("catch-up applied %d changes: %v", n, err)
	}
	r, err := ix.Search(ctx, search.Query{Q: "pojemnikow lodz"})
	if err != nil || r.Total != 2 {
		t.Fatalf("search after import: %+v %v", r, err)
	}
	var vout bytes.Buffer
	if err := runVerify(ctx, []string{"--data", data}, &vout); err != nil || !strings.Contains(vout.String(), "ledger OK: 2 links") {
		t.Fatalf("verify: %q %v", vout.String(), err)
	}
	store.Close()
}
