package registry

import (
	"bytes"
	"testing"
)

// TestRecordCanonical checks the fast canonical encoding of a version record against the
// generic one, including characters JSON must escape.
func TestRecordCanonical(t *testing.T) {
	data, err := CanonicalJSON(map[string]any{"subject": "Łódź <b>\"x\"</b>", "value_net": 12345, "a": []int{1, 2}})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []*VersionRecord{
		{EntryID: 42, Kind: KindContract, Company: "mpk", Version: 3, ChangeKind: ChangeAmendment, Reason: "Aneks „nr 1”\n\t&<>",
			AnnexDate: "2026-04-01", CreatedBy: "jan", CreatedAt: "2026-04-02T10:00:00.000Z", Data: data},
		{EntryID: 1, Version: 1, Data: data},
	} {
		fast, err := recordCanonical(r)
		if err != nil {
			t.Fatal(err)
		}
		slow, err := CanonicalJSON(r)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(fast, slow) {
			t.Fatalf("fast %s\nslow %s", fast, slow)
		}
	}
}

// TestContractDataIsCanonical checks that encoding ContractData directly gives canonical JSON.
func TestContractDataIsCanonical(t *testing.T) {
	d := ContractData{Number: "A/1", SignedOn: "2026-01-02", Subject: "Łódź <x>", Counterparty: Counterparty{Name: "Jan", Person: true},
		Redactions: []Redaction{{Field: "subject", Ground: "privacy", Justification: "ochrona"}}, ValueNet: 5, ValueGross: 6, Currency: "PLN"}
	for _, v := range []ContractData{d, {}} {
		raw, err := marshalNoEscape(&v)
		if err != nil {
			t.Fatal(err)
		}
		canon, err := Canonicalize(raw)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(raw, canon) {
			t.Fatalf("not canonical:\n%s\n%s", raw, canon)
		}
	}
}
