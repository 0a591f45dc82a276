package registry

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
)

func TestParseContractsCSV(t *testing.T) {
	in := "\uFEFFsubject;number;signed_on;counterparty_name;counterparty_nip;value_net;value_gross;procurement_mode;eu_funded;cpv;start_on;end_on;description\r\n" +
		"Dostawa autobusów;UM/1/2024;17.05.2024;Solaris Bus & Coach sp. z o.o.;PL 774-000-14-54;129 999,99 zł;159 899,99;open_tender;tak;45233140-2;2024-06-01;31.12.2025;\"Linia 1\r\nLinia 2\"\r\n" +
		"\r\n" +
		"Odbiór odpadów;UM/2/2024;2024-05-20;Jan Kowalski;;1.234,50;1.234,50;direct_award;;;;;\r\n"
	got, err := ParseContractsCSV(strings.NewReader(in))
	if err != nil {
		t.Fatalf("ParseContractsCSV: %v", err)
	}
	want := []ContractData{{
		Number: "UM/1/2024", SignedOn: "2024-05-17", Subject: "Dostawa autobusów", Description: "Linia 1\nLinia 2",
		Counterparty: Counterparty{Name: "Solaris Bus & Coach sp. z o.o.", NIP: "7740001454", Country: "PL"},
		ValueNet:     12999999, ValueGross: 15989999, Currency: "PLN", ProcurementMode: ModeOpenTender,
		CPV: "45233140-2", StartOn: "2024-06-01", EndOn: "2025-12-31", EUFunded: true,
	}, {
		Number: "UM/2/2024", SignedOn: "2024-05-20", Subject: "Odbiór odpadów",
		Counterparty: Counterparty{Name: "Jan Kowalski", Country: "PL"},
		ValueNet:     123450, ValueGross: 123450, Currency: "PLN", ProcurementMode: ModeDirectAward,
	}}
	if len(got) != len(want) {
		t.Fatalf("got %d contracts", len(got))
	}
	for i := range want {
		if !equalContractData(got[i], want[i]) {
			t.Errorf("row %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

func TestParseContractsCSVWindows1250(t *testing.T) {
	text := "number;signed_on;subject;counterparty_name;counterparty_town;value_net;value_gross;procurement_mode\r\n" +
		"A/1;2024-01-02;Naprawa źródła;Zakład Usług Wodnych;Łódź;100;123;other\r\n"
	win, err := charmap.Windows1250.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseContractsCSV(strings.NewReader(win))
	if err != nil {
		t.Fatal(err)
	}
	if got[0].Subject != "Naprawa źródła" || got[0].Counterparty.Town != "Łódź" || got[0].ValueGross != 12300 {
		t.Errorf("got %+v", got[0])
	}
}

func TestParseContractsCSVHeaderErrors(t *testing.T) {
	tests := []struct {
		name, header string
		want         []RowError
	}{
		{"unknown column", "number;signed_on;subject;counterparty_name;value_net;value_gross;procurement_mode;kwota",
			[]RowError{{1, "kwota", "Nieznana kolumna „kwota”. Dozwolone kolumny: " + strings.Join(ContractCSVColumns, ", ") + "."}}},
		{"missing required", "number;signed_on;subject;counterparty_name;value_gross;procurement_mode",
			[]RowError{{1, "value_net", "Brak wymaganej kolumny „value_net”."}}},
		{"duplicate", "number;signed_on;subject;counterparty_name;value_net;value_gross;procurement_mode;NUMBER",
			[]RowError{{1, "number", "Kolumna „number” występuje więcej niż raz."}}},
	}
	for _, tc := range tests {
		_, err := ParseContractsCSV(strings.NewReader(tc.header + "\n1;2;3;4;5;6;7;8\n"))
		var ie *ImportError
		if !errors.As(err, &ie) || fmt.Sprint(ie.Rows) != fmt.Sprint(tc.want) {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
	// Trailing unnamed columns (spreadsheets add them) are fine while empty.
	unnamed := "number;signed_on;subject;counterparty_name;value_net;value_gross;procurement_mode;;\n" +
		"A;2024-01-01;S;N;1;1;other;;\n" + "B;2024-01-01;S;N;1;1;other;;x\n"
	_, err := ParseContractsCSV(strings.NewReader(unnamed))
	var ie *ImportError
	if !errors.As(err, &ie) || len(ie.Rows) != 1 || ie.Rows[0] != (RowError{3, "", "Komórka w kolumnie 9, która nie ma nazwy w nagłówku."}) {
		t.Errorf("unnamed column: %v", err)
	}
	_, err = ParseContractsCSV(strings.NewReader(strings.Join(ContractCSVColumns, ";") + "\n"))
	if ErrorCode(err) != EINVALID || ErrorMessage(err) != "Plik nie zawiera żadnej umowy (jest tylko wiersz nagłówka)." {
		t.Errorf("header only: %v", err)
	}
}

func TestParseContractsCSVRowErrors(t *testing.T) {
	in := "number;signed_on;subject;counterparty_name;counterparty_nip;value_net;value_gross;procurement_mode;eu_funded;currency\n" +
		"A/1;2024-01-02;Dobra umowa;Firma;;100;123;other;nie;\n" +
		";30.02.2024;Zła umowa;Firma;6762467349;1,234;100;przetarg;może;zł\n" +
		"A/3;2024-01-02;\"Temat\nw dwóch wierszach\";Firma;;200;100;other;1;EUR;nadmiarowa\n" +
		"A/4;2024-01-02;Temat;   ;;1;1;other;;\n"
	_, err := ParseContractsCSV(strings.NewReader(in))
	var ie *ImportError
	if !errors.As(err, &ie) {
		t.Fatalf("want *ImportError, got %v", err)
	}
	want := []RowError{
		{3, "number", "To pole jest wymagane."},
		{3, "signed_on", msgDateNoDay},
		{3, "counterparty_nip", msgNIPChecksum},
		{3, "value_net", msgMoneyDecimals},
		{3, "currency", msgCurrencyCode},
		{3, "procurement_mode", "Wybierz jedną z dostępnych wartości."},
		{3, "eu_funded", "Wpisz tak lub nie (true/false, 1/0)."},
		{4, "", "Wiersz ma 11 komórek, a nagłówek 10 kolumn."},
		{4, "value_gross", "Wartość brutto nie może być mniejsza niż netto."},
		{6, "counterparty_name", "To pole jest wymagane."},
	}
	if len(ie.Rows) != len(want) {
		t.Fatalf("got %d errors:\n%s", len(ie.Rows), ie.Error())
	}
	for i := range want {
		if ie.Rows[i] != want[i] {
			t.Errorf("error %d = %+v, want %+v", i, ie.Rows[i], want[i])
		}
	}
	// The *Error view: code, Polish summary, fields.
	if ErrorCode(err) != EINVALID {
		t.Errorf("ErrorCode = %s", ErrorCode(err))
	}
	if msg := ErrorMessage(err); msg != "Import odrzucony, nie zapisano żadnego wiersza. Błędów: 10. Pierwszy: wiersz 3, kolumna number: To pole jest wymagane." {
		t.Errorf("ErrorMessage = %q", msg)
	}
	if f := ErrorFields(err); f["line 3: currency"] != msgCurrencyCode || f["line 4"] == "" || len(f) != 10 {
		t.Errorf("ErrorFields = %v", f)
	}
	if !strings.HasPrefix(ie.Error(), "line 3: number: To pole jest wymagane.\nline 3: signed_on: ") {
		t.Errorf("Error() = %q", ie.Error())
	}
}

func TestImportErrorListingCap(t *testing.T) {
	ie := &ImportError{}
	for i := 0; i < MaxImportErrors+5; i++ {
		ie.add(i+2, "number", "To pole jest wymagane.")
	}
	if len(ie.Rows) != MaxImportErrors || ie.Omitted != 5 {
		t.Fatalf("kept %d, omitted %d", len(ie.Rows), ie.Omitted)
	}
	lines := strings.Split(ie.Error(), "\n")
	if len(lines) != 1001 || lines[999] != "line 1001: number: To pole jest wymagane." ||
		lines[1000] != fmt.Sprintf("… and %d more errors", MaxImportErrors+5-1000) {
		t.Errorf("listing: %d lines, last %q", len(lines), lines[len(lines)-1])
	}
	var e *Error
	if !errors.As(fmt.Errorf("import: %w", ie), &e) || e.Code != EINVALID || len(e.Fields) != 1000 {
		t.Errorf("errors.As through wrapping failed: %v", e)
	}
}

func TestContractsCSVRoundTrip(t *testing.T) {
	published := time.Date(2024, 5, 20, 9, 30, 0, 0, time.UTC)
	delay := 3
	a := goodContractData()
	a.Description = "Pierwsza linia\nDruga; z \"cudzysłowem\"\n\tTrzecia"
	a.Redactions = []Redaction{{Field: "value_net", Ground: "trade_secret", Justification: "x"}}
	b := ContractData{
		Number: "=HYPERLINK(\"http://zły\")", SignedOn: "1990-01-01", Subject: "+48 umowa @dom -minus",
		Counterparty: Counterparty{Name: "Jan Kowalski", Country: "PL", Person: true},
		ValueNet:     0, ValueGross: 1, Currency: "EUR", ProcurementMode: ModeOther, CPV: "09300000-2",
	}
	c := ContractData{
		Number: "Ω-1", SignedOn: "2100-12-31", Subject: "Zażółć gęślą jaźń", Description: "",
		Counterparty: Counterparty{Name: "Müller GmbH", Country: "DE", Town: "München", REGON: "12345678512347", KRS: "0000000001"},
		ValueNet:     MaxMoney, ValueGross: MaxMoney, Currency: "CHF", ProcurementMode: ModeInHouse, EndOn: "2100-12-31",
	}
	datas := []ContractData{a, b, c}
	var cs []*Contract
	for i, d := range datas {
		d.Normalize()
		if err := d.Validate(); err != nil {
			t.Fatalf("fixture %d invalid: %v", i, ErrorFields(err))
		}
		datas[i] = d
		ct := &Contract{ContractData: d}
		ct.ID, ct.Company, ct.Status, ct.Version = int64(i+1), "mpk", StatusPublished, 2
		if i == 0 {
			ct.PublishedAt, ct.PublicationDelayDays = &published, &delay
		}
		cs = append(cs, ct)
	}
	var buf bytes.Buffer
	if err := WriteContractsCSV(&buf, cs, "https://jawnosc.krakow.pl/"); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasPrefix(out, "\uFEFFid;company;status;version;published_at;number;signed_on;") {
		t.Errorf("header: %q", out[:80])
	}
	for _, want := range []string{
		"\r\n1;mpk;published;2;2024-05-20T09:30:00Z;UM/12/2024;2024-03-15;",
		";10000000,00;12300000,00;PLN;open_tender;45233140-2;2024-04-01;2024-10-31;true;3;https://jawnosc.krakow.pl/umowy/1;false;value_net\r\n",
		"\"Pierwsza linia\r\nDruga; z \"\"cudzysłowem\"\"\r\n\tTrzecia\"",
		"2;mpk;published;2;;\"'=HYPERLINK(\"\"http://zły\"\")\";1990-01-01;'+48 umowa @dom -minus;",
		";;https://jawnosc.krakow.pl/umowy/2;true;\r\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, "\n") != strings.Count(out, "\r\n") {
		t.Errorf("bare LF in output")
	}
	back, err := ParseContractsCSV(strings.NewReader(out))
	if err != nil {
		t.Fatalf("re-import of an export: %v", err)
	}
	datas[0].Redactions = nil // redactions are not part of the CSV import
	for i := range datas {
		if !equalContractData(back[i], datas[i]) {
			t.Errorf("round trip %d:\n got %+v\nwant %+v", i, back[i], datas[i])
		}
	}
}

// FuzzParseContractsCSV checks that parsing never panics, that every accepted row is
// valid, and that writing accepted rows and parsing them again gives the same data.
func FuzzParseContractsCSV(f *testing.F) {
	head := strings.Join(ContractCSVColumns, ";") + "\r\n"
	for _, s := range []string{
		head + "UM/1;2024-01-02;Temat;Opis;Firma;5260250995;351554353;12345;PL;Kraków;1 000,00;1 230,00 zł;PLN;open_tender;45233140-2;2024-01-03;2024-12-31;tak\r\n",
		head + "'=1+1;17.05.2024;\"a\nb\";;X;;;;de;;0;0;eur;other;;;;0\r\n",
		"number,signed_on,subject,counterparty_name,value_net,value_gross,procurement_mode\nA,2024-01-01,S,N,1.5,2,exempt\n",
		"number;signed_on\n1;2\n",
		head,
		"x\n\"",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		ds, err := ParseContractsCSV(bytes.NewReader(in))
		if err != nil {
			if c := ErrorCode(err); c != EINVALID && c != ETOOLARGE {
				t.Fatalf("error code %s: %v", c, err)
			}
			return
		}
		cs := make([]*Contract, len(ds))
		for i := range ds {
			if err := ds[i].Validate(); err != nil {
				t.Fatalf("accepted row %d is invalid: %v", i, ErrorFields(err))
			}
			cs[i] = &Contract{ContractData: ds[i]}
		}
		var buf bytes.Buffer
		if err := WriteContractsCSV(&buf, cs, ""); err != nil {
			t.Fatal(err)
		}
		back, err := ParseContractsCSV(&buf)
		if err != nil {
			t.Fatalf("re-import failed: %v\n%s", err, buf.String())
		}
		for i := range ds {
			if !equalContractData(back[i], ds[i]) {
				t.Fatalf("round trip %d:\n got %+v\nwant %+v", i, back[i], ds[i])
			}
		}
	})
}

// BenchmarkParseContractsCSV measures an import of 10 000 contracts (about 2.4 MB).
func BenchmarkParseContractsCSV(b *testing.B) {
	var cs []*Contract
	for i := range 10_000 {
		d := goodContractData()
		d.Number = fmt.Sprintf("UM/%d/2024", i)
		cs = append(cs, &Contract{ContractData: d})
	}
	var buf bytes.Buffer
	if err := WriteContractsCSV(&buf, cs, "https://example.org"); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ResetTimer()
	for b.Loop() {
		if _, err := ParseContractsCSV(bytes.NewReader(buf.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
}
