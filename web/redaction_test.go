package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"jawnosc/registry"
	"jawnosc/search"
)

// TestRedactedValuesNeverServed files a contract whose description, number, value,
// counterparty name and NIP are withheld (and whose value changed by an annex), then reads
// every public path — JSON API, both exports, search results and snippets, HTML pages — and
// checks that no withheld value appears, while the fact of the redaction, its field, legal
// ground and justification do.
func TestRedactedValuesNeverServed(t *testing.T) {
	e := mustOpenEnv(t, false)
	ctx := context.Background()
	const (
		secretDesc  = "Kalkulacja ceny jednostkowej zastrzeżona przez Wykonawcę Kwiatkowskiego"
		secretName  = "Przedsiębiorstwo Zastrzeżone Qwertyński sp. z o.o."
		secretNIP   = "7811767696"
		secretNum   = "TAJNE/77/2026"
		justifyText = "Wykonawca zastrzegł tajemnicę przedsiębiorstwa w ofercie."
	)
	d := sample("Obsługa systemu biletowego Urbancard", "2026-03-08", 987_654_32)
	d.Number, d.Description = secretNum, secretDesc
	d.ValueGross = 1_214_814_81
	d.Counterparty = registry.Counterparty{Name: secretName, NIP: secretNIP, Country: "PL", Town: "Kraków"}
	d.Redactions = []registry.Redaction{
		{Field: "description", Ground: "trade_secret", Justification: justifyText},
		{Field: "number", Ground: "trade_secret", Justification: justifyText},
		{Field: "value_net", Ground: "trade_secret", Justification: justifyText},
		{Field: "value_gross", Ground: "trade_secret", Justification: justifyText},
		{Field: "counterparty.name", Ground: "trade_secret", Justification: justifyText},
		{Field: "counterparty.nip", Ground: "trade_secret", Justification: justifyText},
	}
	id := mustCreateContract(t, e.store, e.mpk.ID, d).ID
	d.ValueNet, d.ValueGross = 1_111_222_33, 1_366_803_46
	if _, err := e.store.AmendContract(ctx, system, id, d, "2026-03-09", "Zwiększenie zakresu"); err != nil {
		t.Fatal(err)
	}
	if _, err := search.NewIndexer(e.index, search.StoreSource{Store: e.store}, nil).CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	forbidden := []string{
		secretDesc, "Kwiatkowskiego", "kwiatkowsk", secretName, "Qwertyński", "qwerty", secretNIP, "781-176-76-96", secretNum, "TAJNE/77",
		"98765432", "987654,32", "987 654,32", "987\u00a0654,32", "121481481", "1214814,81", "1 214 814,81", "1\u00a0214\u00a0814,81",
		"111122233", "1111222,33", "1 111 222,33", "1\u00a0111\u00a0222,33", "136680346", "1366803,46", "1 366 803,46", "1\u00a0366\u00a0803,46",
	}
	sid := strconv.FormatInt(id, 10)
	paths := []struct {
		path string
		want []string // must appear: proof that the path served the contract at all
		gone []string // must not appear, beyond the withheld values
	}{
		{"/api/v1/contracts/" + sid, []string{"Obsługa systemu biletowego", justifyText, `"field":"value_net"`, `"ground":"trade_secret"`}, nil},
		{"/api/v1/contracts?company=mpk&per_page=1000", []string{"Obsługa systemu biletowego", justifyText}, nil},
		{"/api/v1/export/contracts.csv", []string{"Obsługa systemu biletowego", "description, number, value_net, value_gross, counterparty.name, counterparty.nip"}, nil},
		{"/api/v1/export/contracts.json", []string{"Obsługa systemu biletowego", justifyText}, nil},
		{"/api/v1/search?q=urbancard", []string{`"total":1`, "Urbancard"}, nil},
		{"/api/v1/search?q=kwiatkowskiego", []string{`"total":0`}, nil},
		{"/api/v1/search?q=qwertynski", []string{`"total":0`}, nil},
		{"/api/v1/search?q=" + secretNIP, []string{`"total":0`}, nil},
		{"/api/v1/search?q=" + url.QueryEscape("obsługa biletowego"), []string{"Urbancard"}, nil},
		{"/api/v1/contracts?nip=" + secretNIP, []string{`"total":0`}, nil},
		{"/umowy/" + sid, []string{"Obsługa systemu biletowego", "[wyłączono z jawności: tajemnica przedsiębiorcy]", justifyText, "<th scope=\"row\">wartość netto</th>"}, nil},
		{"/umowy?firma=mpk", []string{"Obsługa systemu biletowego", "wyłączono z jawności"}, nil},
		{"/umowy?sort=value", nil, nil},
		{"/szukaj?q=urbancard", []string{"Urbancard"}, nil},
		{"/szukaj?q=kwiatkowskiego", nil, []string{"Urbancard"}},
		{"/kontrahenci/" + secretNIP, nil, []string{"Urbancard"}},
		{"/spolki/mpk", nil, nil},
		{"/", nil, nil},
	}
	for _, p := range paths {
		resp, body := e.do(t, http.MethodGet, p.path)
		if resp.StatusCode >= 500 {
			t.Errorf("%s: %d", p.path, resp.StatusCode)
		}
		for _, w := range p.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: missing %q", p.path, w)
			}
		}
		for _, g := range p.gone {
			if strings.Contains(body, g) {
				t.Errorf("%s: lists %q", p.path, g)
			}
		}
		low := strings.ToLower(body)
		asked, _ := url.QueryUnescape(strings.ToLower(p.path))
		for _, f := range forbidden {
			if strings.Contains(asked, strings.ToLower(f)) {
				continue // the query itself, echoed back; its results are checked above
			}
			if strings.Contains(low, strings.ToLower(f)) {
				t.Errorf("%s: serves the withheld %q", p.path, f)
			}
		}
	}
	// The projection holds the public view, so a value range cannot home in on the value.
	lo, hi := registry.Money(987_654_00), registry.Money(1_111_222_99)
	if cs, n, err := e.store.FindContracts(ctx, registry.ContractFilter{ValueMin: &lo, ValueMax: &hi}); err != nil || n != 0 || len(cs) != 0 {
		t.Errorf("value range finds the withheld value: %d %v", n, err)
	}
	// Those who may write for the company still read the full content.
	full, err := e.store.FindContractByID(ctx, system, id)
	if err != nil || full.Description != secretDesc || full.Counterparty.NIP != secretNIP || full.ValueNet != 1_111_222_33 {
		t.Errorf("full content for the company: %+v %v", full, err)
	}
	if pub, err := e.store.FindContractByID(ctx, registry.Actor{}, id); err != nil || pub.Description != "" || pub.ValueNet != 0 || len(pub.Redactions) != 6 {
		t.Errorf("public view: %+v %v", pub, err)
	}
}
