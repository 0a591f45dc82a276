package registry_test

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jawnosc/registry"
	"jawnosc/registry/ocdstest"
)

// sampleOCDS returns the shared OCDS 1.1 sample release package.
func sampleOCDS(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(ocdstest.SharedDir(t), "data", "ocds-sample", "ocds-213czf-000-00001.json"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestParseOCDSSample compiles the sample's six releases and maps its contract; what has no
// place in the register is reported.
func TestParseOCDSSample(t *testing.T) {
	imp, err := registry.ParseOCDSReleasePackage(bytes.NewReader(sampleOCDS(t)))
	if err != nil {
		t.Fatalf("%v %v", err, registry.ErrorFields(err))
	}
	if len(imp.Contracts) != 1 {
		t.Fatalf("%d contracts, want 1", len(imp.Contracts))
	}
	d := imp.Contracts[0]
	want := registry.ContractData{
		Number: "ocds-213czf-000-00001-contract-01", SignedOn: "2010-06-10",
		Subject:      "Contract to build new cycle lanes in the centre of town.",
		Description:  "A contract has been signed between the Council and AnyCorp Ltd for construction of new cycle lanes in the centre of town.",
		Counterparty: registry.Counterparty{Name: "AnyCorp Ltd", Country: "GB", Town: "Anytown"},
		ValueNet:     11_000_000_00, ValueGross: 11_000_000_00, Currency: "GBP",
		ProcurementMode: registry.ModeOpenTender, CPV: "45233162-2", StartOn: "2010-07-01", EndOn: "2011-06-30",
		Redactions: []registry.Redaction{},
	}
	if d.Redactions == nil {
		d.Redactions = []registry.Redaction{}
	}
	if d.Counterparty != want.Counterparty || d.Number != want.Number || d.SignedOn != want.SignedOn || d.Subject != want.Subject ||
		d.Description != want.Description || d.ValueNet != want.ValueNet || d.ValueGross != want.ValueGross || d.Currency != want.Currency ||
		d.ProcurementMode != want.ProcurementMode || d.CPV != want.CPV || d.StartOn != want.StartOn || d.EndOn != want.EndOn {
		t.Fatalf("mapped\n%+v\nwant\n%+v", d, want)
	}
	notes := strings.Join(imp.Notes, "\n")
	for _, w := range []string{
		"identyfikator wykonawcy GB-COH 11111111.0 nie ma odpowiednika",
		"przyjęto ją jako wartość netto i brutto",
		`kod CPV "45233130.0" jest nieprawidłowy`,
		"zamawiający „London Borough of Barnet”",
		"contracts/0/implementation — nie ma odpowiednika w rejestrze, pominięto",
		"planning — nie ma odpowiednika",
		"parties/2 — nie ma odpowiednika", // the losing tenderer
		"parties/1/contactPoint — nie ma odpowiednika",
		"tender/documents — nie ma odpowiednika",
	} {
		if !strings.Contains(notes, w) {
			t.Errorf("notes lack %q:\n%s", w, notes)
		}
	}
}

// TestImportOCDSSample imports the sample into a company: all or nothing; a broken copy
// imports nothing and names the contract and field.
func TestImportOCDSSample(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	co := &registry.Company{Slug: "mpk", Name: "Miejskie Przedsiębiorstwo Komunikacyjne S.A.", ShortName: "MPK"}
	if err := s.CreateCompany(ctx, registry.SystemActor("test"), co); err != nil {
		t.Fatal(err)
	}
	broken := strings.ReplaceAll(string(sampleOCDS(t)), `"dateSigned": "2010-06-10T14:23:12Z"`, `"dateSigned": "wczoraj"`)
	if _, err := registry.ParseOCDSReleasePackage(strings.NewReader(broken)); registry.ErrorCode(err) != registry.EINVALID ||
		registry.ErrorFields(err)["ocds-213czf-000-00001 / ocds-213czf-000-00001-contract-01: signed_on"] == "" {
		t.Fatalf("broken sample: %v %v", err, registry.ErrorFields(err))
	}
	imp, err := registry.ParseOCDSReleasePackage(bytes.NewReader(sampleOCDS(t)))
	if err != nil {
		t.Fatal(err)
	}
	if n, err := s.ImportContracts(ctx, registry.SystemActor("import"), co.ID, imp.Contracts); err != nil || n != 1 {
		t.Fatalf("import: %d %v", n, err)
	}
	cs, total, err := s.FindContracts(ctx, registry.ContractFilter{})
	if err != nil || total != 1 || cs[0].Counterparty.Name != "AnyCorp Ltd" || cs[0].Currency != "GBP" {
		t.Fatalf("after import: %d %v %+v", total, err, cs)
	}
	for _, bad := range []string{`{"records":[]}`, `{"releases":[]}`, `not json`, `{"releases":[{"id":"1"}]}`} {
		if _, err := registry.ParseOCDSReleasePackage(strings.NewReader(bad)); registry.ErrorCode(err) != registry.EINVALID || registry.ErrorMessage(err) == "" {
			t.Errorf("%s: %v", bad, err)
		}
	}
}

// TestOCDSRoundTrip exports contracts as OCDS and imports the package back: what OCDS
// carries comes back unchanged (the gross value, absent from OCDS 1.1, becomes the net).
func TestOCDSRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	co := &registry.Company{Slug: "mpk", Name: "Miejskie Przedsiębiorstwo Komunikacyjne S.A.", ShortName: "MPK", KRS: "0000052467"}
	if err := s.CreateCompany(ctx, registry.SystemActor("test"), co); err != nil {
		t.Fatal(err)
	}
	in := registry.ContractData{Number: "MPK/7/2026", SignedOn: "2026-02-03", Subject: "Dostawa szyn tramwajowych",
		Description:  "Szyny 49E1, dostawa do zajezdni.",
		Counterparty: registry.Counterparty{Name: "Huta Stali sp. z o.o.", NIP: "5260250274", REGON: "012100784", Country: "PL", Town: "Katowice"},
		ValueNet:     250_000_00, ValueGross: 307_500_00, Currency: "PLN", ProcurementMode: registry.ModeQuotationBelowThreshold,
		CPV: "34946110-9", StartOn: "2026-03-01", EndOn: "2026-12-31"}
	if _, err := s.CreateContract(ctx, registry.SystemActor("test"), co.ID, in, true); err != nil {
		t.Fatal(err)
	}
	cos, _ := s.CompaniesBySlug(ctx)
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	cfg := registry.OCDSConfig{PublisherName: "Jawność", BaseURL: "https://jawnosc.example"}
	if err := s.WriteOCDSReleasePackage(ctx, cfg, cos, registry.OCDSPackageHead(cfg, "https://jawnosc.example/x.json", time.Now().UTC().Format(time.RFC3339)), w); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	ocdstest.ValidateReleasePackage(t, buf.Bytes())
	imp, err := registry.ParseOCDSReleasePackage(&buf)
	if err != nil {
		t.Fatalf("%v %v", err, registry.ErrorFields(err))
	}
	got := imp.Contracts[0]
	in.ValueGross = in.ValueNet
	if got.Counterparty != in.Counterparty || got.Number != in.Number || got.Subject != in.Subject || got.Description != in.Description ||
		got.SignedOn != in.SignedOn || got.StartOn != in.StartOn || got.EndOn != in.EndOn || got.ValueNet != in.ValueNet ||
		got.ValueGross != in.ValueGross || got.ProcurementMode != in.ProcurementMode || got.CPV != in.CPV || got.Currency != in.Currency {
		t.Fatalf("round trip\n%+v\nwant\n%+v", got, in)
	}
}

// FuzzParseOCDSReleasePackage: any input gives contracts that validate or a domain error,
// never a panic or an internal error.
func FuzzParseOCDSReleasePackage(f *testing.F) {
	f.Add([]byte(`{"releases":[{"ocid":"a","contracts":[{"id":"1","awardID":"x","dateSigned":"2020-01-01T00:00:00Z"}],"awards":[{"id":"x","suppliers":[{"id":"s","name":"S"}]}],"parties":[{"id":"s","address":{"countryName":"Poland"}}],"tender":{"procurementMethod":"open"}}]}`))
	f.Add([]byte(`{"releases":[{"ocid":"a","date":"2","contracts":[{"id":1}]},{"ocid":"a","date":"1","contracts":[{"id":1,"items":[{"id":1,"classification":{"scheme":"CPV","id":7}}]}]}]}`))
	f.Add([]byte(`{"releases":[{"ocid":"a","buyer":{"name":"B","id":[]},"contracts":[{"amendments":[1,2]}]}]}`))
	f.Add([]byte(`{"records":[]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		imp, err := registry.ParseOCDSReleasePackage(bytes.NewReader(b))
		if err != nil {
			if c := registry.ErrorCode(err); c != registry.EINVALID && c != registry.ETOOLARGE {
				t.Fatalf("error code %s: %v", c, err)
			}
			return
		}
		for _, d := range imp.Contracts {
			if err := d.Validate(); err != nil {
				t.Fatalf("returned an invalid contract: %v", err)
			}
		}
	})
}
