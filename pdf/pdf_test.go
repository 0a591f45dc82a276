package pdf_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jawnosc/pdf"
)

// pdfText extracts the text of a PDF with poppler's pdftotext (installed by `make tools`).
func pdfText(tb testing.TB, doc []byte) string {
	tb.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		tb.Fatalf("pdftotext not found (run `make tools`): %v", err)
	}
	path := filepath.Join(tb.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, doc, 0o600); err != nil {
		tb.Fatal(err)
	}
	out, err := exec.Command(bin, "-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		tb.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func TestPolishTextExtracts(t *testing.T) {
	d := pdf.New(pdf.Meta{Title: "Decyzja w sprawie wniosku", Author: "Urząd Miasta Krakowa",
		Created: time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC), Footer: "Sygn. WN/2026/0001"})
	d.Title("Zażółć gęślą jaźń — ĄĆĘŁŃÓŚŹŻ")
	d.Fields([]pdf.Field{{Label: "Spółka", Value: "Miejskie Przedsiębiorstwo Komunikacyjne S.A."}, {Label: "Podstawa prawna", Value: "art. 5 ust. 2 ustawy o dostępie do informacji publicznej"}, {Label: "Puste", Value: ""}})
	d.Para("Pouczenie: na decyzję przysługuje skarga do wojewódzkiego sądu administracyjnego.\n\nDrugi akapit.")
	body, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(body, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", body[:8])
	}
	text := pdfText(t, body)
	for _, want := range []string{"Zażółć gęślą jaźń", "ĄĆĘŁŃÓŚŹŻ", "Przedsiębiorstwo", "wojewódzkiego sądu administracyjnego",
		"Sygn. WN/2026/0001", "Strona 1 z 1", "Drugi akapit", "—"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext output lacks %q:\n%s", want, text)
		}
	}
}

func TestTableRepeatsHeaderAcrossPages(t *testing.T) {
	d := pdf.New(pdf.Meta{Title: "Wyciąg z rejestru"})
	d.Heading("Umowy")
	cols := []pdf.Column{{Header: "Numer umowy", Width: 2}, {Header: "Przedmiot", Width: 5}, {Header: "Wartość netto", Width: 2, Align: "R"}}
	var rows [][]string
	for i := 1; i <= 150; i++ {
		rows = append(rows, []string{fmt.Sprintf("UM/%03d/2026", i), "Dostawa łożysk i części zamiennych do tramwajów — partia " + fmt.Sprint(i), "129 999,99 zł"})
	}
	d.Table(cols, rows)
	body, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, body)
	pages := strings.Split(text, "\f")
	nonEmpty := 0
	for _, p := range pages {
		if strings.TrimSpace(p) == "" {
			continue
		}
		nonEmpty++
		if !strings.Contains(p, "Numer umowy") || !strings.Contains(p, "Wartość netto") {
			t.Errorf("page %d has no table header:\n%s", nonEmpty, p)
		}
	}
	if nonEmpty < 3 {
		t.Fatalf("a 150-row table should span at least 3 pages, got %d", nonEmpty)
	}
	for _, want := range []string{"UM/001/2026", "UM/150/2026", fmt.Sprintf("Strona %d z %d", nonEmpty, nonEmpty)} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
}

// TestTextBeyondTheBMP lays out characters above U+FFFF (emoji, mathematical letters) in
// every kind of text: gofpdf's Unicode fonts cannot index them, so they are drawn as U+FFFD
// and the rest of the text stays as it was.
func TestTextBeyondTheBMP(t *testing.T) {
	const odd = "Umowa 😀 na 𝕏 🧑‍💻"
	d := pdf.New(pdf.Meta{Title: "Wyciąg " + odd, Author: odd, Footer: odd})
	d.Title(odd)
	d.Heading(odd)
	d.Para(odd + "\n\n" + odd)
	d.Small(odd)
	d.Fields([]pdf.Field{{Label: odd, Value: odd}})
	row := []string{odd, "Dostawa łożysk", "1 234,56 zł"}
	d.Table([]pdf.Column{{Header: odd, Width: 2}, {Header: "Przedmiot", Width: 5}, {Header: "Wartość", Width: 2, Align: "R"}}, [][]string{row})
	body, err := d.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if row[0] != odd {
		t.Errorf("the caller's row was changed: %q", row[0])
	}
	text := pdfText(t, body)
	if n := strings.Count(text, "Umowa \uFFFD na \uFFFD"); n < 7 {
		t.Errorf("%d texts drawn with U+FFFD in place of the characters beyond U+FFFF:\n%s", n, text)
	}
	for _, want := range []string{"Dostawa łożysk", "1 234,56 zł"} {
		if !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
}

func BenchmarkTable500Rows(b *testing.B) {
	cols := []pdf.Column{{Header: "Numer", Width: 2}, {Header: "Przedmiot", Width: 5}, {Header: "Wartość", Width: 2, Align: "R"}}
	rows := make([][]string, 500)
	for i := range rows {
		rows[i] = []string{fmt.Sprintf("UM/%d", i), "Remont torowiska w ciągu ulicy Długiej", "1 234,56 zł"}
	}
	for b.Loop() {
		d := pdf.New(pdf.Meta{Title: "Wyciąg"})
		d.Table(cols, rows)
		if _, err := d.Bytes(); err != nil {
			b.Fatal(err)
		}
	}
}
