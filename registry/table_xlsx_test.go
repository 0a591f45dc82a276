package registry_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"jawnosc/registry"
)

// xlsxOf builds a workbook whose first sheet holds rows (values as excelize sets them:
// time.Time becomes a date-formatted serial, numbers numbers, strings text).
func xlsxOf(tb testing.TB, rows [][]any) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			tb.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

var xlsxHeader = []any{"number", "signed_on", "subject", "counterparty_name", "counterparty_nip", "value_net", "value_gross", "procurement_mode", "eu_funded", "end_on"}

func TestReadXLSXTable(t *testing.T) {
	data := xlsxOf(t, [][]any{
		xlsxHeader,
		{"MPK/1/2025", time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC), "Dostawa części", "Tramwaje Serwis sp. z o.o.", 6761234565, 129999.99, 159899.99, "quotation_below_threshold", true, "31.12.2025"},
		{},
		{"MPK/2/2025", "17.03.2025", "Remont zajezdni", "Budowlani S.A.", "677-000-12-34", "2 450 000,00 zł", "3013500", "open_tender", "nie", ""},
	})
	tab, format, err := registry.ReadTableFile(data, 0)
	if err != nil || format != registry.FormatXLSX {
		t.Fatalf("%s %v", format, err)
	}
	if len(tab.Rows) != 2 || tab.Lines[0] != 2 || tab.Lines[1] != 4 {
		t.Fatalf("rows %v lines %v", tab.Rows, tab.Lines)
	}
	r := tab.Rows[0]
	if r[1] != "2025-03-14" || r[4] != "6761234565" || r[5] != "129999.99" || r[6] != "159899.99" || r[8] != "true" {
		t.Fatalf("cells: %q", r)
	}
	items, err := registry.ParseContractsTable(tab)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	if items[0].SignedOn != "2025-03-14" || items[0].ValueNet != 129_999_99 || !items[0].EUFunded || items[0].EndOn != "2025-12-31" {
		t.Fatalf("row 2: %+v", items[0])
	}
	if items[1].SignedOn != "2025-03-17" || items[1].ValueNet != 2_450_000_00 || items[1].Counterparty.NIP != "6770001234" {
		t.Fatalf("row 4: %+v", items[1])
	}
}

func TestXLSXBadRowIsNamed(t *testing.T) {
	data := xlsxOf(t, [][]any{
		xlsxHeader,
		{"MPK/1/2025", time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC), "Dostawa części", "Tramwaje Serwis sp. z o.o.", "", 1000, 1230, "open_tender", false, ""},
		{"MPK/2/2025", time.Date(2025, 3, 15, 0, 0, 0, 0, time.UTC), "Remont", "Budowlani S.A.", "", "dużo", 1230, "przetarg", false, ""},
	})
	tab, _, err := registry.ReadTableFile(data, 0)
	if err != nil {
		t.Fatal(err)
	}
	_, err = registry.ParseContractsTable(tab)
	var ie *registry.ImportError
	if !errors.As(err, &ie) || len(ie.Rows) != 2 {
		t.Fatalf("want 2 row errors, got %v", err)
	}
	if got := ie.Error(); !strings.Contains(got, "line 3: value_net:") || !strings.Contains(got, "line 3: procurement_mode:") {
		t.Fatalf("errors: %s", got)
	}
}

func TestReadTableFileChecksContent(t *testing.T) {
	cases := map[string][]byte{
		"zip without workbook": zipWith(t, "readme.txt"),
		"old xls":              append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 100)...),
		"binary":               {0x00, 0x01, 0x02, 0xFF},
		"pdf":                  []byte("%PDF-1.7\n\x00\x00binary"),
	}
	for name, data := range cases {
		if _, _, err := registry.ReadTableFile(data, 0); registry.ErrorCode(err) != registry.EINVALID {
			t.Errorf("%s: %v", name, err)
		}
	}
	big := xlsxOf(t, [][]any{xlsxHeader})
	if _, _, err := registry.ReadTableFile(big, int64(len(big)-1)); registry.ErrorCode(err) != registry.ETOOLARGE {
		t.Errorf("too large: %v", err)
	}
}

func zipWith(tb testing.TB, names ...string) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			tb.Fatal(err)
		}
		w.Write([]byte("tekst"))
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkReadXLSXTable reads a workbook of 5 000 contracts (the size of a year's register
// of a large company) through the cell types and number formats.
func BenchmarkReadXLSXTable(b *testing.B) {
	rows := [][]any{xlsxHeader}
	day := time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC)
	for i := range 5000 {
		rows = append(rows, []any{"MPK/" + strconv.Itoa(i), day.AddDate(0, 0, i%300), "Dostawa części nr " + strconv.Itoa(i), "Tramwaje Serwis sp. z o.o.",
			6761234565, 1000.5 + float64(i), 1230.62 + float64(i), "open_tender", i%2 == 0, "31.12.2025"})
	}
	data := xlsxOf(b, rows)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		t, _, err := registry.ReadTableFile(data, 0)
		if err != nil || len(t.Rows) != 5000 {
			b.Fatal(err)
		}
	}
}
