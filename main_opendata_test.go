package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jawnosc/registry"
	"jawnosc/registry/ocdstest"
	"jawnosc/web"
)

// TestImportOCDSCommand runs `jawnosc import --company SLUG ocds FILE.json` on the shared
// OCDS sample: what cannot be mapped is printed, the contract is imported; a broken copy
// imports nothing and names the contract and field.
func TestImportOCDSCommand(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	store, err := openStore(data)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.CreateCompany(ctx, registry.SystemActor("test"), &registry.Company{Slug: "mpk", Name: "Miejskie Przedsiębiorstwo Komunikacyjne S.A.", ShortName: "MPK"}); err != nil {
		t.Fatal(err)
	}
	sample := filepath.Join(ocdstest.SharedDir(t), "data", "ocds-sample", "ocds-213czf-000-00001.json")
	b, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	broken := filepath.Join(t.TempDir(), "broken.json")
	os.WriteFile(broken, bytes.ReplaceAll(b, []byte(`"procurementMethod": "open"`), []byte(`"procurementMethod": "secret"`)), 0o600)

	var out, errOut bytes.Buffer
	err = runImport(ctx, []string{"--data", data, "--company", "mpk", "ocds", broken}, &out, &errOut)
	if err == nil || !strings.Contains(errOut.String(), "ocds-213czf-000-00001 / ocds-213czf-000-00001-contract-01: procurement_mode: ") {
		t.Fatalf("broken file: %v\n%s", err, errOut.String())
	}
	if n, _ := store.CountPublicContracts(ctx); n != 0 {
		t.Fatalf("a failed import left %d contracts", n)
	}
	out.Reset()
	if err := runImport(ctx, []string{"--data", data, "--company", "mpk", "ocds", sample}, &out, &errOut); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"imported 1 contracts into mpk", "not imported / changed: ocds-213czf-000-00001: planning — nie ma odpowiednika w rejestrze, pominięto"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if n, _ := store.CountPublicContracts(ctx); n != 1 {
		t.Fatalf("%d contracts after import", n)
	}
}

// TestOpenDataDumpJob runs the scheduler's open-data-dumps entry with a pinned clock: it
// writes the night's dump into DATA/dumps, where /otwarte-dane lists it.
func TestOpenDataDumpJob(t *testing.T) {
	ctx := context.Background()
	data, store := openTestData(t)
	now := time.Date(2026, 3, 11, 2, 20, 0, 0, time.UTC)
	for _, j := range scheduledJobs(jobDeps{Store: store, DataDir: data, Now: func() time.Time { return now }}) {
		if j.Name != "open-data-dumps" {
			continue
		}
		if j.Spec != "20 3 * * *" {
			t.Errorf("spec %q", j.Spec)
		}
		if err := j.Run(ctx); err != nil {
			t.Fatal(err)
		}
		m, err := web.ReadDumpManifest(filepath.Join(data, "dumps"))
		if err != nil || m == nil || m.Date != "2026-03-11" || len(m.Files) == 0 {
			t.Fatalf("manifest %+v %v", m, err)
		}
		return
	}
	t.Fatal("no open-data-dumps job")
}
