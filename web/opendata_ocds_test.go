package web_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"strings"
	"testing"

	"jawnosc/registry"
	"jawnosc/registry/ocdstest"
)

// publishedVersions counts the published versions of every public contract.
func publishedVersions(t *testing.T, s *registry.Store) (n int) {
	t.Helper()
	err := s.ScanContractHistories(context.Background(), func(_ *registry.Contract, vs []*registry.ContractVersion) error {
		n += len(vs)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// TestOCDSExportDemoValidates exports the whole demo register (a few hundred contracts with
// annexes, corrections, withdrawals, redactions, natural persons and foreign currencies)
// and validates it against the OCDS 1.1 release package schema.
func TestOCDSExportDemoValidates(t *testing.T) {
	e := mustOpenDemo(t, 400)
	resp, body := e.do(t, "GET", "/api/v1/export/ocds.json")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	n := ocdstest.ValidateReleasePackage(t, []byte(body))
	if want := publishedVersions(t, e.store); n != want || n < 400 {
		t.Fatalf("%d releases, want one per published version (%d)", n, want)
	}
	var pkg registry.OCDSReleasePackage
	if err := json.Unmarshal([]byte(body), &pkg); err != nil {
		t.Fatal(err)
	}
	tags := map[string]int{}
	for _, r := range pkg.Releases {
		tags[r.Tag[0]]++
	}
	if tags["contract"] == 0 || tags["contractAmendment"] == 0 || tags["contractUpdate"] == 0 {
		t.Fatalf("release tags %v: want contract, contractAmendment and contractUpdate", tags)
	}
	// Every contract with redactions: the values it withholds now (read raw from the
	// database, in every version) appear nowhere in its releases.
	byOCID := map[string][]*registry.OCDSRelease{}
	for _, r := range pkg.Releases {
		byOCID[r.OCID] = append(byOCID[r.OCID], r)
	}
	if checked := checkNoWithheldValues(t, e.store, func(id int64) string {
		b, _ := json.Marshal(byOCID[registry.OCDSConfig{}.OCID(id)])
		return string(b)
	}); checked == 0 {
		t.Fatal("the demo register has no redacted text field to check")
	}
}

// checkNoWithheldValues reads every published version of every contract raw from the
// database and fails when a text value that the contract's current version withholds
// appears in out(id). It returns how many values it checked.
func checkNoWithheldValues(t *testing.T, s *registry.Store, out func(id int64) string) int {
	t.Helper()
	rows, err := s.ReadDB().Query(`SELECT v.entry_id, v.data, cur.data FROM entry_versions v JOIN entries e ON e.id = v.entry_id
		JOIN entry_versions cur ON cur.entry_id = e.id AND cur.version = e.version
		WHERE v.published = 1 AND e.kind = 'contract' ORDER BY v.entry_id, v.version`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	checked := 0
	for rows.Next() {
		var id int64
		var raw, cur string
		if err := rows.Scan(&id, &raw, &cur); err != nil {
			t.Fatal(err)
		}
		var d, c registry.ContractData
		if json.Unmarshal([]byte(raw), &d) != nil || json.Unmarshal([]byte(cur), &c) != nil {
			t.Fatal("undecodable version")
		}
		for _, rd := range c.Redactions {
			secret := map[string]string{"description": d.Description, "subject": d.Subject, "counterparty.name": d.Counterparty.Name,
				"counterparty.nip": d.Counterparty.NIP, "number": d.Number, "counterparty.town": d.Counterparty.Town}[rd.Field]
			if len(secret) < 4 {
				continue
			}
			if strings.Contains(out(id), secret) {
				t.Fatalf("contract %d: withheld %s %q is published", id, rd.Field, secret)
			}
			checked++
		}
	}
	return checked
}

// TestOCDSContractRecord checks the record package of an amended contract: a release per
// version with the right tags, parties with roles and identifiers, the annex with its
// rationale, the procurement method; and that a redacted description never leaks.
func TestOCDSContractRecord(t *testing.T) {
	e := mustOpenEnv(t, false)
	resp, body := e.do(t, "GET", fmt.Sprintf("/api/v1/contracts/%d/ocds.json", e.amended))
	if resp.StatusCode != 200 {
		t.Fatalf("status %d: %s", resp.StatusCode, body)
	}
	recs := ocdstest.ValidateRecordPackage(t, []byte(body))
	var pkg registry.OCDSRecordPackage
	if err := json.Unmarshal([]byte(body), &pkg); err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || len(pkg.Records[0].Releases) != 2 {
		t.Fatalf("want one record with two releases, got %s", body)
	}
	r1, r2 := pkg.Records[0].Releases[0], pkg.Records[0].Releases[1]
	if r1.OCID != fmt.Sprintf("ocds-jawnosc-%d", e.amended) || r1.Tag[0] != "contract" || r2.Tag[0] != "contractAmendment" {
		t.Fatalf("ocid/tags: %s %v %v", r1.OCID, r1.Tag, r2.Tag)
	}
	p := r2.Parties
	if p[0].Roles[0] != "buyer" || p[0].Name != e.wod.Name || p[1].Roles[0] != "supplier" ||
		p[1].Identifier == nil || p[1].Identifier.Scheme != "PL-NIP" || p[1].Identifier.ID != "5260250274" {
		t.Fatalf("parties: %+v", p)
	}
	if r2.Tender.ProcurementMethod != "open" || r2.Tender.ProcurementMethodDetails != "przetarg nieograniczony (open_tender)" {
		t.Fatalf("tender: %+v", r2.Tender)
	}
	k := r2.Contracts[0]
	if k.Value.Amount != "160000.00" || k.Value.Currency != "PLN" || r1.Contracts[0].Value.Amount != "100000.00" {
		t.Fatalf("values: %+v / %+v", k.Value, r1.Contracts[0].Value)
	}
	if len(k.Amendments) != 1 || k.Amendments[0].Rationale != "Roboty dodatkowe na ul. Kamiennej" ||
		k.Amendments[0].AmendsReleaseID != r1.ID || k.Amendments[0].ReleaseID != r2.ID ||
		!strings.Contains(k.Amendments[0].Description, "Wartość netto: 100 000,00 zł → 160 000,00 zł") {
		t.Fatalf("amendments: %+v", k.Amendments)
	}

	_, body = e.do(t, "GET", fmt.Sprintf("/api/v1/contracts/%d/ocds.json", e.redacted))
	ocdstest.ValidateRecordPackage(t, []byte(body))
	if strings.Contains(body, "Opis umowy Usługi doradcze") {
		t.Fatalf("redacted description leaks into OCDS: %s", body)
	}
	if resp, _ := e.do(t, "GET", fmt.Sprintf("/api/v1/contracts/%d/ocds.json", e.draft)); resp.StatusCode != 404 {
		t.Fatalf("draft: status %d, want 404", resp.StatusCode)
	}
	_, body = e.do(t, "GET", fmt.Sprintf("/api/v1/contracts/%d/ocds.json", e.withdrawn))
	ocdstest.ValidateRecordPackage(t, []byte(body))
	if !strings.Contains(body, `"status":"cancelled"`) {
		t.Fatalf("withdrawn contract not cancelled in OCDS: %s", body)
	}
}

// TestOCDSExportConditional answers 304 to a repeated conditional request and 200 after
// a change.
func TestOCDSExportConditional(t *testing.T) {
	e := mustOpenEnv(t, false)
	resp, _ := e.do(t, "GET", "/api/v1/export/ocds.json")
	etag, mod := resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	if etag == "" || mod == "" {
		t.Fatalf("no validators: %v", resp.Header)
	}
	for _, h := range [][2]string{{"If-None-Match", etag}, {"If-Modified-Since", mod}} {
		req := httptest.NewRequest("GET", "/api/v1/export/ocds.json", nil)
		req.Header.Set(h[0], h[1])
		r2, err := e.app.Test(req, -1)
		if err != nil {
			t.Fatal(err)
		}
		if r2.StatusCode != 304 {
			t.Fatalf("%s: status %d, want 304", h[0], r2.StatusCode)
		}
	}
	if _, err := e.store.WithdrawContract(context.Background(), system, e.bus, "Omyłkowy wpis"); err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest("GET", "/api/v1/export/ocds.json", nil)
	req.Header.Set("If-None-Match", etag)
	r3, err := e.app.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	if r3.StatusCode != 200 {
		t.Fatalf("after a change: status %d, want 200", r3.StatusCode)
	}
}
