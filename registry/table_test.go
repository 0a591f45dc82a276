package registry

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

func TestReadTable(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		delim  rune
		enc    string
		header []string
		rows   [][]string
		lines  []int
	}{
		{"semicolon with BOM and CRLF", "\uFEFFa;b\r\n1;2\r\n3;4\r\n", ';', EncodingUTF8,
			[]string{"a", "b"}, [][]string{{"1", "2"}, {"3", "4"}}, []int{2, 3}},
		{"comma", "a,b\n1,\"x,y\"\n", ',', EncodingUTF8,
			[]string{"a", "b"}, [][]string{{"1", "x,y"}}, []int{2}},
		{"tab", "a\tb\n1\t2\n", '\t', EncodingUTF8,
			[]string{"a", "b"}, [][]string{{"1", "2"}}, []int{2}},
		{"quoted delimiters in header do not count", "\"a;b\",c,d\n1,2,3\n", ',', EncodingUTF8,
			[]string{"a;b", "c", "d"}, [][]string{{"1", "2", "3"}}, nil},
		{"multi-line quoted cell keeps physical lines", "a;b\r\n1;\"linia 1\r\nlinia 2\"\r\n2;x\r\n", ';', EncodingUTF8,
			[]string{"a", "b"}, [][]string{{"1", "linia 1\nlinia 2"}, {"2", "x"}}, []int{2, 4}},
		{"empty rows skipped", "a;b\n\n;\n  ;  \n1;2\n", ';', EncodingUTF8,
			[]string{"a", "b"}, [][]string{{"1", "2"}}, []int{5}},
		{"header trimmed, cells kept", " a ; b \n 1 ; 2 \n", ';', EncodingUTF8,
			[]string{"a", "b"}, [][]string{{" 1 ", " 2 "}}, []int{2}},
		{"ragged rows", "a;b;c\n1\n1;2;3;4\n", ';', EncodingUTF8,
			[]string{"a", "b", "c"}, [][]string{{"1"}, {"1", "2", "3", "4"}}, []int{2, 3}},
		{"doubled quotes", "a;b\n\"Firma \"\"Ala\"\"\";2\n", ';', EncodingUTF8,
			[]string{"a", "b"}, [][]string{{"Firma \"Ala\"", "2"}}, []int{2}},
		{"header only", "a;b\n", ';', EncodingUTF8, []string{"a", "b"}, nil, nil},
		{"single column", "a\n1\n", ';', EncodingUTF8, []string{"a"}, [][]string{{"1"}}, []int{2}},
	}
	for _, tc := range tests {
		tab, err := ReadTable(strings.NewReader(tc.in), 0)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if tab.Delimiter != tc.delim || tab.Encoding != tc.enc || !reflect.DeepEqual(tab.Header, tc.header) ||
			!reflect.DeepEqual(tab.Rows, tc.rows) || (tc.lines != nil && !reflect.DeepEqual(tab.Lines, tc.lines)) {
			t.Errorf("%s: got %q %s %q %q %v", tc.name, tab.Delimiter, tab.Encoding, tab.Header, tab.Rows, tab.Lines)
		}
		if len(tab.Lines) != len(tab.Rows) {
			t.Errorf("%s: %d lines for %d rows", tc.name, len(tab.Lines), len(tab.Rows))
		}
	}
}

func TestReadTableEncodings(t *testing.T) {
	const text = "nazwa;miasto\r\nZakład Łódź;Kraków\r\nŚląsk źródło;Żółć\r\n"
	want := [][]string{{"Zakład Łódź", "Kraków"}, {"Śląsk źródło", "Żółć"}}
	win, err := charmap.Windows1250.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	latin2, err := charmap.ISO8859_2.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(strings.ReplaceAll(text, ";", "\t"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		in, enc string
	}{
		{text, EncodingUTF8},
		{win, EncodingWindows1250},
		{latin2, EncodingISO88592},
		{utf16, EncodingUTF16},
	} {
		tab, err := ReadTable(strings.NewReader(tc.in), 0)
		if err != nil {
			t.Errorf("%s: %v", tc.enc, err)
			continue
		}
		if tab.Encoding != tc.enc || !reflect.DeepEqual(tab.Rows, want) || tab.Header[0] != "nazwa" {
			t.Errorf("%s: detected %s, rows %q", tc.enc, tab.Encoding, tab.Rows)
		}
	}
}

func TestReadTableErrors(t *testing.T) {
	tests := []struct {
		name, in, code, msg string
	}{
		{"empty", "", EINVALID, "Plik jest pusty."},
		{"blank", " \r\n\r\n", EINVALID, "Plik jest pusty."},
		{"BOM only", "\uFEFF", EINVALID, "Plik jest pusty."},
		{"blank header", ";;\n1;2;3\n", EINVALID, "Pierwszy wiersz pliku musi zawierać nazwy kolumn."},
		{"xlsx", "PK\x03\x04rest", EINVALID, "To jest plik Excel lub inne archiwum, a nie CSV. Zapisz arkusz jako „CSV UTF-8”."},
		{"binary", "a;b\n\x00\x01;2\n", EINVALID, "Plik nie wygląda na tekstowy plik CSV."},
		{"bare quote", "a;b\n1;Firma \"Ala\"\n", EINVALID,
			"Wiersz 2: cudzysłów wewnątrz komórki, która nie jest ujęta w cudzysłów. Ujmij komórkę w cudzysłów, a cudzysłowy w środku podwój (\"\")."},
		{"unclosed quote", "a;b\n1;2\n3;\"abc\n4;5\n", EINVALID,
			"Wiersz 3: niedomknięty lub nadmiarowy cudzysłów (błąd wykryty w wierszu 4)."},
		{"too many columns", "a" + strings.Repeat(";a", MaxTableColumns) + "\n", ETOOLARGE, "Wiersz 1 ma za dużo kolumn (najwyżej 1000)."},
	}
	for _, tc := range tests {
		_, err := ReadTable(strings.NewReader(tc.in), 0)
		if ErrorCode(err) != tc.code || ErrorMessage(err) != tc.msg {
			t.Errorf("%s: error %v; want %s %q", tc.name, err, tc.code, tc.msg)
		}
	}
	// Byte cap.
	_, err := ReadTable(strings.NewReader("a;b\n1;2\n"), 5)
	if ErrorCode(err) != ETOOLARGE || ErrorMessage(err) != "Plik jest za duży (najwyżej 5 B)." {
		t.Errorf("byte cap: %v", err)
	}
	if _, err := ReadTable(strings.NewReader("a;b\n1;2\n"), 8); err != nil {
		t.Errorf("exactly at the byte cap: %v", err)
	}
	// Row cap (data rows; blank rows do not count).
	in := "a\n1\n\n2\n3\n"
	if _, err := readTable(strings.NewReader(in), 0, 3); err != nil {
		t.Errorf("3 rows with cap 3: %v", err)
	}
	if _, err := readTable(strings.NewReader(in+"4\n"), 0, 3); ErrorCode(err) != ETOOLARGE || ErrorMessage(err) != "Plik ma za dużo wierszy (najwyżej 3)." {
		t.Errorf("row cap: %v", err)
	}
	if got := formatBytes(64 << 20); got != "64 MB" {
		t.Errorf("formatBytes = %q", got)
	}
}

// FuzzReadTable checks that ReadTable never panics, returns only *Error failures,
// and keeps one line number per row, increasing.
func FuzzReadTable(f *testing.F) {
	for _, s := range []string{"a;b\r\n1;2\r\n", "\uFEFFa,b\n\"x\ny\",2\n", "a\tb\n1\t\"", "\xff\xfea\x00;\x00b\x00", "a;b\n\xb9\xea;\xb3\n", "PK\x03\x04", "\"a\"\"b\";c\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		tab, err := ReadTable(bytes.NewReader(in), 1<<16)
		if err != nil {
			if c := ErrorCode(err); c != EINVALID && c != ETOOLARGE {
				t.Fatalf("ReadTable error code %s: %v", c, err)
			}
			return
		}
		if len(tab.Lines) != len(tab.Rows) || tab.Header == nil {
			t.Fatalf("inconsistent table %+v", tab)
		}
		for i := 1; i < len(tab.Lines); i++ {
			if tab.Lines[i] <= tab.Lines[i-1] {
				t.Fatalf("lines not increasing: %v", tab.Lines)
			}
		}
	})
}
