package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"jawnosc/registry"
	"jawnosc/testfiles"
)

// TestImportRegistersCommand runs `jawnosc import` for ads with a column mapping on the real
// Austrian media transparency file (flags after the file, as in the README), and for
// expenses from a Windows-1250 file with a semicolon and decimal commas, where one bad row
// refuses the whole file and is named as "line N: column: message".
func TestImportRegistersCommand(t *testing.T) {
	ctx := context.Background()
	data, store := openTestData(t)
	if err := store.CreateCompany(ctx, registry.SystemActor("test"), &registry.Company{Slug: "demo-at", Name: "Demo AT", ShortName: "Demo AT"}); err != nil {
		t.Fatal(err)
	}
	mtg := testfiles.Shared(t, testfiles.MTGPath)
	var out, errOut bytes.Buffer
	err := runImport(ctx, []string{"--data", data, "--company", "demo-at", "ads", mtg,
		"--map", testfiles.MTGMap, "--set", testfiles.MTGSet}, &out, &errOut)
	if err != nil {
		t.Fatalf("%v\n%s", err, errOut.String())
	}
	if !strings.Contains(out.String(), "imported 2134 ads into demo-at") || !strings.Contains(out.String(), "ignored columns: LEERMELDUNG, year, BEKANNTGABE, id") {
		t.Fatalf("report: %s", out.String())
	}
	if n, _ := store.Ads().CountPublic(ctx); n != 2134 {
		t.Fatalf("%d ads stored", n)
	}

	head := "spent_on;category;recipient_name;recipient_nip;amount_gross;purpose\n"
	good := "2026-02-01;sponsorship;Klub Żaków;;1 234,50;Sponsoring turnieju\n"
	bad := "01.02.2026;łapówka;;;12,345;\n"
	enc := func(s string) []byte {
		b, err := charmap.Windows1250.NewEncoder().Bytes([]byte(s))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	dir := t.TempDir()
	badFile, goodFile := filepath.Join(dir, "bad.csv"), filepath.Join(dir, "good.csv")
	os.WriteFile(badFile, enc(head+good+bad), 0o600)
	os.WriteFile(goodFile, enc(head+good+good), 0o600)
	out.Reset()
	errOut.Reset()
	err = runImport(ctx, []string{"--data", data, "--company", "demo-at", "expenses", badFile}, &out, &errOut)
	if err == nil || !strings.Contains(err.Error(), "nothing imported") {
		t.Fatalf("bad file: %v", err)
	}
	for _, want := range []string{"line 3: category: Wybierz jedną", "line 3: recipient_name: To pole jest wymagane.", "line 3: amount_gross: ", "line 3: purpose: To pole jest wymagane."} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("errors lack %q:\n%s", want, errOut.String())
		}
	}
	if n, _ := store.Expenses().CountPublic(ctx); n != 0 {
		t.Fatalf("a refused file stored %d expenses", n)
	}
	out.Reset()
	if err := runImport(ctx, []string{"--data", data, "--company", "demo-at", "expenses", goodFile}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	es, n, err := store.FindExpenses(ctx, registry.ExpenseFilter{})
	if err != nil || n != 2 || es[0].Data.Recipient.Name != "Klub Żaków" || es[0].Data.AmountGross != 123450 {
		t.Fatalf("imported expenses: %v %d %+v", err, n, es)
	}
	if !strings.Contains(out.String(), "Windows-1250") {
		t.Errorf("report: %s", out.String())
	}
	if err := runImport(ctx, []string{"--data", data, "--company", "demo-at", "--map", "a=b", "contracts", goodFile}, &out, &errOut); err == nil {
		t.Error("--map accepted for contracts")
	}
}
