package registry

import (
	"reflect"
	"strings"
	"testing"
)

// goodContractData returns valid, normalized contract content for validation tests.
func goodContractData() ContractData {
	return ContractData{
		Number: "UM/12/2024", SignedOn: "2024-03-15", Subject: "Remont torowiska ul. Krakowska",
		Description: "Wymiana szyn\ni podkładów.",
		Counterparty: Counterparty{Name: "Torbud sp. z o.o.", NIP: "5260250995", REGON: "351554353",
			KRS: "0000012345", Country: "PL", Town: "Kraków"},
		ValueNet: 10_000_000_00, ValueGross: 12_300_000_00, Currency: "PLN",
		ProcurementMode: ModeOpenTender, CPV: "45233140-2", StartOn: "2024-04-01", EndOn: "2024-10-31",
		EUFunded: true,
	}
}

func TestContractNormalize(t *testing.T) {
	d := ContractData{
		Number: "  UM /\t12 ", SignedOn: " 15.03.2024 ", Subject: " Remont \n torowiska  ",
		Description: "  Linia 1\r\nLinia 2\rLinia 3  ",
		Counterparty: Counterparty{Name: " Torbud\u00a0 sp. z o.o. ", NIP: "PL 526-025-09-95", REGON: "351 554 353",
			KRS: "12345", Country: " de ", Town: "  Nowy   Targ "},
		Currency: " eur ", ProcurementMode: " Direct_Award ", CPV: " 452331402 ", StartOn: "1.4.2024", EndOn: "zły",
		Redactions: []Redaction{{Field: " Value_Net ", Ground: " TRADE_SECRET ", Justification: " Art. 11\r\nuznk "}},
	}
	d.Normalize()
	want := ContractData{
		Number: "UM / 12", SignedOn: "2024-03-15", Subject: "Remont torowiska",
		Description: "Linia 1\nLinia 2\nLinia 3",
		Counterparty: Counterparty{Name: "Torbud sp. z o.o.", NIP: "5260250995", REGON: "351554353",
			KRS: "0000012345", Country: "DE", Town: "Nowy Targ"},
		Currency: "EUR", ProcurementMode: "direct_award", CPV: "45233140-2", StartOn: "2024-04-01", EndOn: "zły",
		Redactions: []Redaction{{Field: "value_net", Ground: "trade_secret", Justification: "Art. 11\nuznk"}},
	}
	if !equalContractData(d, want) {
		t.Fatalf("Normalize:\n got %+v\nwant %+v", d, want)
	}
	// Defaults, and invalid identifiers kept for Validate to report.
	e := ContractData{Counterparty: Counterparty{NIP: " 123 ", REGON: "x"}}
	e.Normalize()
	if e.Currency != "PLN" || e.Counterparty.Country != "PL" || e.Counterparty.NIP != "123" || e.Counterparty.REGON != "x" {
		t.Fatalf("defaults: %+v", e)
	}
	// Idempotent.
	again := d
	again.Redactions = append([]Redaction(nil), d.Redactions...)
	again.Normalize()
	if !equalContractData(again, d) {
		t.Fatalf("Normalize is not idempotent")
	}
}

// equalContractData compares contract content, treating nil and empty redactions alike.
func equalContractData(a, b ContractData) bool {
	if len(a.Redactions) == 0 && len(b.Redactions) == 0 {
		a.Redactions, b.Redactions = nil, nil
	}
	return reflect.DeepEqual(a, b)
}

func TestContractValidate(t *testing.T) {
	good := goodContractData()
	if err := good.Validate(); err != nil {
		t.Fatalf("valid contract rejected: %v %v", err, ErrorFields(err))
	}
	tests := []struct {
		name   string
		change func(d *ContractData)
		field  string
		msg    string
	}{
		{"number required", func(d *ContractData) { d.Number = "" }, "number", "To pole jest wymagane."},
		{"number too long", func(d *ContractData) { d.Number = strings.Repeat("1", 101) }, "number", "Najwyżej 100 znaków (jest 101)."},
		{"signed_on required", func(d *ContractData) { d.SignedOn = "" }, "signed_on", "To pole jest wymagane."},
		{"signed_on bad", func(d *ContractData) { d.SignedOn = "2024-02-30" }, "signed_on", "Taki dzień nie istnieje."},
		{"subject required", func(d *ContractData) { d.Subject = "" }, "subject", "To pole jest wymagane."},
		{"subject too long", func(d *ContractData) { d.Subject = strings.Repeat("ż", 501) }, "subject", "Najwyżej 500 znaków (jest 501)."},
		{"description too long", func(d *ContractData) { d.Description = strings.Repeat("a", 10_001) }, "description", "Najwyżej 10000 znaków (jest 10001)."},
		{"description control", func(d *ContractData) { d.Description = "a\x07b" }, "description", "Tekst zawiera niedozwolone znaki sterujące."},
		{"name required", func(d *ContractData) { d.Counterparty.Name = "" }, "counterparty.name", "To pole jest wymagane."},
		{"name too long", func(d *ContractData) { d.Counterparty.Name = strings.Repeat("a", 301) }, "counterparty.name", "Najwyżej 300 znaków (jest 301)."},
		{"nip checksum", func(d *ContractData) { d.Counterparty.NIP = "6762467349" }, "counterparty.nip", msgNIPChecksum},
		{"regon checksum", func(d *ContractData) { d.Counterparty.REGON = "350613430" }, "counterparty.regon", msgREGONCheck},
		{"krs form", func(d *ContractData) { d.Counterparty.KRS = "12345678901" }, "counterparty.krs", msgKRSForm},
		{"krs not padded", func(d *ContractData) { d.Counterparty.KRS = "12345" }, "counterparty.krs", "Zapisz numer w postaci 0000012345."},
		{"person with nip", func(d *ContractData) {
			d.Counterparty.Person = true
			d.Counterparty.REGON, d.Counterparty.KRS, d.Counterparty.Town = "", "", ""
		},
			"counterparty.nip", "Dla osoby fizycznej podaje się tylko imię i nazwisko."},
		{"person with town", func(d *ContractData) {
			d.Counterparty = Counterparty{Name: "Jan Kowalski", Person: true, Country: "PL", Town: "Kraków"}
		}, "counterparty.town", "Dla osoby fizycznej podaje się tylko imię i nazwisko."},
		{"country", func(d *ContractData) { d.Counterparty.Country = "POL" }, "counterparty.country", "Podaj kod kraju z dwóch liter (ISO 3166), np. PL, DE."},
		{"country lower", func(d *ContractData) { d.Counterparty.Country = "pl" }, "counterparty.country", "Podaj kod kraju z dwóch liter (ISO 3166), np. PL, DE."},
		{"town too long", func(d *ContractData) { d.Counterparty.Town = strings.Repeat("a", 101) }, "counterparty.town", "Najwyżej 100 znaków (jest 101)."},
		{"net negative", func(d *ContractData) { d.ValueNet = -1 }, "value_net", "Kwota nie może być ujemna."},
		{"net too large", func(d *ContractData) { d.ValueNet, d.ValueGross = MaxMoney+1, MaxMoney+1 }, "value_net", msgMoneyTooLarge},
		{"gross below net", func(d *ContractData) { d.ValueGross = d.ValueNet - 1 }, "value_gross", "Wartość brutto nie może być mniejsza niż netto."},
		{"gross too large", func(d *ContractData) { d.ValueGross = MaxMoney + 1 }, "value_gross", msgMoneyTooLarge},
		{"currency unknown", func(d *ContractData) { d.Currency = "ZŁ" }, "currency", msgCurrencyCode},
		{"currency empty", func(d *ContractData) { d.Currency = "" }, "currency", "To pole jest wymagane."},
		{"mode required", func(d *ContractData) { d.ProcurementMode = "" }, "procurement_mode", "To pole jest wymagane."},
		{"mode unknown", func(d *ContractData) { d.ProcurementMode = "auction" }, "procurement_mode", "Wybierz jedną z dostępnych wartości."},
		{"cpv form", func(d *ContractData) { d.CPV = "45233140" }, "cpv", msgCPVForm},
		{"end before start", func(d *ContractData) { d.EndOn = "2024-03-31" }, "end_on", "Data zakończenia nie może być wcześniejsza niż data rozpoczęcia."},
		{"start out of range", func(d *ContractData) { d.StartOn = "1980-01-01" }, "start_on", msgDateRange},
		{"redaction field", func(d *ContractData) {
			d.Redactions = []Redaction{{Field: "signed_on", Ground: "privacy", Justification: "x"}}
		}, "redactions.0.field", "Wybierz jedną z dostępnych wartości."},
		{"redaction ground", func(d *ContractData) {
			d.Redactions = []Redaction{{Field: "value_net", Ground: "secret", Justification: "x"}}
		}, "redactions.0.ground", "Wybierz jedną z dostępnych wartości."},
		{"redaction justification", func(d *ContractData) {
			d.Redactions = []Redaction{{Field: "value_net", Ground: "trade_secret"}, {Field: "attachments", Ground: "privacy", Justification: strings.Repeat("a", 2001)}}
		}, "redactions.1.justification", "Najwyżej 2000 znaków (jest 2001)."},
		{"redaction duplicate", func(d *ContractData) {
			r := Redaction{Field: "value_net", Ground: "trade_secret", Justification: "art. 11 uznk"}
			d.Redactions = []Redaction{r, r}
		}, "redactions.1.field", "To pole jest już utajnione."},
		{"too many redactions", func(d *ContractData) {
			for _, f := range RedactableFields {
				d.Redactions = append(d.Redactions, Redaction{Field: f.Code, Ground: "other_statute", Justification: "x"})
			}
			for i := 0; i < 7; i++ {
				d.Redactions = append(d.Redactions, Redaction{Field: "number", Ground: "other_statute", Justification: "x"})
			}
		}, "redactions", "Najwyżej 20 utajnień."},
	}
	for _, tc := range tests {
		d := goodContractData()
		tc.change(&d)
		err := d.Validate()
		if ErrorCode(err) != EINVALID || ErrorMessage(err) != MsgFixFields {
			t.Errorf("%s: error %v", tc.name, err)
			continue
		}
		if got := ErrorFields(err)[tc.field]; got != tc.msg {
			t.Errorf("%s: %s = %q, want %q (all: %v)", tc.name, tc.field, got, tc.msg, ErrorFields(err))
		}
	}
	// A natural person with a name only is fine; redactions within the limit too.
	d := goodContractData()
	d.Counterparty = Counterparty{Name: "Jan Kowalski", Country: "PL", Person: true}
	d.Redactions = []Redaction{{Field: "counterparty.name", Ground: "privacy", Justification: "Osoba fizyczna."}}
	if err := d.Validate(); err != nil {
		t.Errorf("natural person rejected: %v", ErrorFields(err))
	}
	// Zero values are allowed (e.g. a free-of-charge agreement); optional fields may be empty.
	d = ContractData{Number: "1", SignedOn: "2024-01-02", Subject: "Porozumienie", Counterparty: Counterparty{Name: "X"}}
	d.Normalize()
	d.ProcurementMode = ModeExempt
	if err := d.Validate(); err != nil {
		t.Errorf("minimal contract rejected: %v", ErrorFields(err))
	}
}

func TestValidateCompany(t *testing.T) {
	good := func() Company {
		return Company{Slug: "mpk", Name: "Miejskie Przedsiębiorstwo Komunikacyjne S.A. w Krakowie", ShortName: "MPK",
			NIP: "6750002236", REGON: "351554353", KRS: "0000028860", City: "Kraków", Website: "https://www.mpk.krakow.pl"}
	}
	c := good()
	if err := ValidateCompany(&c); err != nil {
		t.Fatalf("valid company rejected: %v", ErrorFields(err))
	}
	c = good()
	c.Slug, c.NIP, c.KRS, c.Name = " MPK ", "675-000-22-36", "28860", "  Miejskie  Przedsiębiorstwo "
	if err := ValidateCompany(&c); err != nil || c.Slug != "mpk" || c.NIP != "6750002236" || c.KRS != "0000028860" || c.Name != "Miejskie Przedsiębiorstwo" {
		t.Fatalf("ValidateCompany must normalize in place: %+v %v", c, err)
	}
	tests := []struct {
		change func(c *Company)
		field  string
	}{
		{func(c *Company) { c.Slug = "" }, "slug"},
		{func(c *Company) { c.Slug = "m" }, "slug"},
		{func(c *Company) { c.Slug = "mpk_krakow" }, "slug"},
		{func(c *Company) { c.Slug = "mpk/../x" }, "slug"},
		{func(c *Company) { c.Slug = strings.Repeat("a", 61) }, "slug"},
		{func(c *Company) { c.Name = "" }, "name"},
		{func(c *Company) { c.Name = strings.Repeat("a", 301) }, "name"},
		{func(c *Company) { c.ShortName = "" }, "short_name"},
		{func(c *Company) { c.ShortName = strings.Repeat("a", 101) }, "short_name"},
		{func(c *Company) { c.NIP = "6762467349" }, "nip"},
		{func(c *Company) { c.REGON = "12345" }, "regon"},
		{func(c *Company) { c.KRS = "abc" }, "krs"},
		{func(c *Company) { c.Website = "javascript:alert(1)" }, "website"},
	}
	for _, tc := range tests {
		c := good()
		tc.change(&c)
		err := ValidateCompany(&c)
		if ErrorCode(err) != EINVALID || ErrorFields(err)[tc.field] == "" {
			t.Errorf("%+v: want error on %s, got %v %v", c, tc.field, err, ErrorFields(err))
		}
	}
}
