package registry

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// Limits of ReadTable.
const (
	DefaultMaxTableBytes = 64 << 20 // used when maxBytes ≤ 0
	MaxTableRows         = 500_000  // data rows, header excluded
	MaxTableColumns      = 1000
)

// Encodings ReadTable recognises (Table.Encoding).
const (
	EncodingUTF8        = "UTF-8"
	EncodingUTF16       = "UTF-16"
	EncodingWindows1250 = "Windows-1250"
	EncodingISO88592    = "ISO-8859-2"
)

// Table is a delimited text file as read by ReadTable: the header row, the data
// rows (cells as written, not trimmed; a row may have fewer or more cells than the
// header) and, for each row, the physical line it starts on (the header's line is
// 1 unless blank lines precede it).
type Table struct {
	Header     []string
	HeaderLine int // the line of the header row (0: line 1)
	Rows       [][]string
	Lines      []int
	Delimiter  rune
	Encoding   string // one of the Encoding* constants
}

// ReadTable reads a CSV/TSV file as exported by spreadsheets, for every register's
// import. It strips a byte order mark; decodes UTF-16 (with BOM), UTF-8, or else
// Windows-1250 (ISO-8859-2 when its Polish letters clearly dominate); detects the
// delimiter (";", "," or tab) from the header line; handles quotes, CRLF and
// multi-line quoted cells; skips rows whose cells are all blank; header cells are
// trimmed. maxBytes ≤ 0 means DefaultMaxTableBytes.
// Errors: EINVALID with a Polish message (empty file, not a text file, broken
// quotes, no header); ETOOLARGE above maxBytes, MaxTableRows or MaxTableColumns.
func ReadTable(r io.Reader, maxBytes int64) (*Table, error) {
	return readTable(r, maxBytes, MaxTableRows)
}

func readTable(r io.Reader, maxBytes int64, maxRows int) (*Table, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxTableBytes
	}
	buf, err := io.ReadAll(io.LimitReader(r, maxBytes+1))
	if err != nil {
		return nil, &Error{Code: EINVALID, Message: "Nie udało się odczytać pliku.", Err: err}
	}
	if int64(len(buf)) > maxBytes {
		return nil, Errorf(ETOOLARGE, "Plik jest za duży (najwyżej %s).", formatBytes(maxBytes))
	}
	text, enc, err := decodeTable(buf)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(text) == "" {
		return nil, Errorf(EINVALID, "Plik jest pusty.")
	}
	t := &Table{Delimiter: detectDelimiter(text), Encoding: enc}
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = t.Delimiter
	cr.FieldsPerRecord = -1
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, csvError(err)
		}
		if len(rec) > MaxTableColumns {
			line, _ := cr.FieldPos(0)
			return nil, Errorf(ETOOLARGE, "Wiersz %d ma za dużo kolumn (najwyżej %d).", line, MaxTableColumns)
		}
		if t.Header == nil {
			for i := range rec {
				rec[i] = strings.TrimSpace(rec[i])
			}
			t.Header = rec
			continue
		}
		if blankRow(rec) {
			continue
		}
		if len(t.Rows) >= maxRows {
			return nil, Errorf(ETOOLARGE, "Plik ma za dużo wierszy (najwyżej %d).", maxRows)
		}
		line, _ := cr.FieldPos(0)
		t.Rows = append(t.Rows, rec)
		t.Lines = append(t.Lines, line)
	}
	if blankRow(t.Header) {
		return nil, Errorf(EINVALID, "Pierwszy wiersz pliku musi zawierać nazwy kolumn.")
	}
	return t, nil
}

// decodeTable turns the raw bytes into text and names the encoding found.
func decodeTable(buf []byte) (string, string, error) {
	switch {
	case bytes.HasPrefix(buf, []byte{0xEF, 0xBB, 0xBF}):
		buf = buf[3:]
	case bytes.HasPrefix(buf, []byte{0xFF, 0xFE}), bytes.HasPrefix(buf, []byte{0xFE, 0xFF}):
		// Excel's "Unicode text": UTF-16 with a byte order mark, usually tab-delimited.
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(buf)
		if err != nil || !utf8.Valid(out) || bytes.IndexByte(out, 0) >= 0 {
			return "", "", Errorf(EINVALID, "Nie udało się odczytać pliku w kodowaniu UTF-16.")
		}
		return string(out), EncodingUTF16, nil
	case bytes.HasPrefix(buf, []byte("PK\x03\x04")):
		return "", "", Errorf(EINVALID, "To jest plik Excel lub inne archiwum, a nie CSV. Zapisz arkusz jako „CSV UTF-8”.")
	}
	if bytes.IndexByte(buf, 0) >= 0 {
		return "", "", Errorf(EINVALID, "Plik nie wygląda na tekstowy plik CSV.")
	}
	if utf8.Valid(buf) {
		return string(buf), EncodingUTF8, nil
	}
	cm, name := charmap.Windows1250, EncodingWindows1250
	if looksLatin2(buf) {
		cm, name = charmap.ISO8859_2, EncodingISO88592
	}
	out, err := cm.NewDecoder().Bytes(buf)
	if err != nil {
		return "", "", &Error{Code: EINVALID, Message: "Nie udało się rozpoznać kodowania pliku. Zapisz go jako „CSV UTF-8”.", Err: err}
	}
	return string(out), name, nil
}

// looksLatin2 reports whether ISO-8859-2 explains the bytes better than
// Windows-1250: the two differ in ą ś ź Ą Ś Ź, and ISO-8859-2 has no printable
// characters at 0x80–0x9F.
func looksLatin2(buf []byte) bool {
	var latin2, win int
	for _, b := range buf {
		switch b {
		case 0xB1, 0xB6, 0xBC, 0xA1, 0xA6, 0xAC: // ą ś ź Ą Ś Ź in ISO-8859-2
			latin2++
		case 0xB9, 0x9C, 0x9F, 0xA5, 0x8C, 0x8F: // the same in Windows-1250
			win++
		}
		if b >= 0x80 && b <= 0x9F {
			win++
		}
	}
	return latin2 > win
}

// detectDelimiter picks ";", tab or "," by their count outside quotes in the first
// non-blank line; ties prefer ";" (Polish Excel), then tab, then ",".
func detectDelimiter(text string) rune {
	line := text
	for {
		i := strings.IndexByte(line, '\n')
		if i < 0 || strings.TrimSpace(line[:i]) != "" {
			if i >= 0 {
				line = line[:i]
			}
			break
		}
		line = line[i+1:]
	}
	counts := map[rune]int{}
	inQuotes := false
	for _, r := range line {
		switch {
		case r == '"':
			inQuotes = !inQuotes
		case !inQuotes && (r == ';' || r == ',' || r == '\t'):
			counts[r]++
		}
	}
	best := ';'
	for _, d := range []rune{'\t', ','} {
		if counts[d] > counts[best] {
			best = d
		}
	}
	return best
}

// blankRow reports whether every cell is empty or white space.
func blankRow(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// csvError translates encoding/csv errors into Polish EINVALID errors with the line.
func csvError(err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return &Error{Code: EINVALID, Message: "Nie udało się odczytać pliku CSV.", Err: err}
	}
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return &Error{Code: EINVALID, Err: err, Message: fmt.Sprintf(
			"Wiersz %d: cudzysłów wewnątrz komórki, która nie jest ujęta w cudzysłów. Ujmij komórkę w cudzysłów, a cudzysłowy w środku podwój (\"\").", pe.Line)}
	case errors.Is(pe.Err, csv.ErrQuote):
		return &Error{Code: EINVALID, Err: err, Message: fmt.Sprintf(
			"Wiersz %d: niedomknięty lub nadmiarowy cudzysłów (błąd wykryty w wierszu %d).", pe.StartLine, pe.Line)}
	}
	return &Error{Code: EINVALID, Err: err, Message: fmt.Sprintf("Wiersz %d: nie udało się odczytać pliku CSV.", pe.Line)}
}

// formatBytes renders a byte limit for messages: "64 MB", "512 kB", "100 B".
func formatBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d kB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}
