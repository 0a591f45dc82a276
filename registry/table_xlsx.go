package registry

import (
	"archive/zip"
	"bytes"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Limits of ReadXLSXTable beyond the file's own size: how much the workbook may unpack to
// (a small file can be a zip bomb).
const (
	xlsxUnzipLimit    = 256 << 20
	xlsxUnzipXMLLimit = 64 << 20
)

// Formats ReadTableFile recognises.
const (
	FormatCSV  = "CSV"
	FormatXLSX = "XLSX"
)

// ReadTableFile reads a register import of either format, told apart by content, never by
// name: an XLSX workbook (a zip with the OOXML parts) goes to ReadXLSXTable, anything else
// to ReadTable (text in a supported encoding). maxBytes ≤ 0 means DefaultMaxTableBytes.
// Returns the table and the format found. Errors: those of the two readers.
func ReadTableFile(data []byte, maxBytes int64) (*Table, string, error) {
	if isXLSX(data) || bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		t, err := ReadXLSXTable(data, maxBytes)
		return t, FormatXLSX, err
	}
	t, err := ReadTable(bytes.NewReader(data), maxBytes)
	return t, FormatCSV, err
}

// isXLSX reports whether data starts like a zip archive.
func isXLSX(data []byte) bool { return bytes.HasPrefix(data, []byte("PK\x03\x04")) }

// ReadXLSXTable reads the first sheet of an XLSX workbook as a Table: the first non-blank
// row is the header, blank rows are skipped, and each row keeps its number as the
// spreadsheet shows it (Table.Lines). Cells become the text a CSV would hold: text as
// written; numbers in plain decimal form ("129999.99"); numbers formatted as dates (Excel
// date serials) as ISO dates; booleans as true/false. Errors: EINVALID (not a zip with the
// OOXML parts, an encrypted or old .xls file, a damaged workbook, no header), ETOOLARGE
// (above maxBytes, MaxTableRows or MaxTableColumns, or unpacking too much).
func ReadXLSXTable(data []byte, maxBytes int64) (*Table, error) {
	if maxBytes <= 0 {
		maxBytes = DefaultMaxTableBytes
	}
	if int64(len(data)) > maxBytes {
		return nil, Errorf(ETOOLARGE, "Plik jest za duży (najwyżej %s).", formatBytes(maxBytes))
	}
	if bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		return nil, Errorf(EINVALID, "To jest plik w starym formacie .xls albo zaszyfrowany arkusz. Zapisz go jako skoroszyt .xlsx bez hasła albo jako „CSV UTF-8”.")
	}
	if err := checkOOXML(data); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: xlsxUnzipLimit, UnzipXMLSizeLimit: xlsxUnzipXMLLimit})
	if err != nil {
		if strings.Contains(err.Error(), "unzip size") {
			return nil, &Error{Code: ETOOLARGE, Message: "Arkusz po rozpakowaniu jest za duży.", Err: err}
		}
		return nil, &Error{Code: EINVALID, Message: "Nie udało się odczytać skoroszytu XLSX; plik może być uszkodzony.", Err: err}
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, Errorf(EINVALID, "Skoroszyt nie zawiera żadnego arkusza.")
	}
	sheet := sheets[0]
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, &Error{Code: EINVALID, Message: "Nie udało się odczytać arkusza „" + sheet + "”.", Err: err}
	}
	props, _ := f.GetWorkbookProps()
	date1904 := props.Date1904 != nil && *props.Date1904
	cells := xlsxCells{f: f, sheet: sheet, date1904: date1904, dateStyle: map[int]bool{}}
	t := &Table{Delimiter: 0, Encoding: EncodingUTF8}
	for i, raw := range rows {
		line := i + 1
		if len(raw) > MaxTableColumns {
			return nil, Errorf(ETOOLARGE, "Wiersz %d ma za dużo kolumn (najwyżej %d).", line, MaxTableColumns)
		}
		if blankRow(raw) {
			continue
		}
		rec := make([]string, len(raw))
		for j, v := range raw {
			rec[j] = cells.text(j+1, line, v)
		}
		if t.Header == nil {
			for j := range rec {
				rec[j] = strings.TrimSpace(rec[j])
			}
			t.Header, t.HeaderLine = rec, line
			continue
		}
		if len(t.Rows) >= MaxTableRows {
			return nil, Errorf(ETOOLARGE, "Plik ma za dużo wierszy (najwyżej %d).", MaxTableRows)
		}
		t.Rows = append(t.Rows, rec)
		t.Lines = append(t.Lines, line)
	}
	if t.Header == nil {
		return nil, Errorf(EINVALID, "Arkusz „%s” jest pusty.", sheet)
	}
	return t, nil
}

// checkOOXML checks that data is a zip archive holding the parts of an XLSX workbook.
func checkOOXML(data []byte) error {
	notXLSX := Errorf(EINVALID, "Plik nie jest skoroszytem XLSX ani plikiem CSV.")
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return notXLSX
	}
	var types, workbook bool
	for _, f := range zr.File {
		switch f.Name {
		case "[Content_Types].xml":
			types = true
		case "xl/workbook.xml":
			workbook = true
		}
	}
	if !types || !workbook {
		return notXLSX
	}
	return nil
}

// xlsxCells turns raw cell values into text, by the cell's type and number format.
type xlsxCells struct {
	f         *excelize.File
	sheet     string
	date1904  bool
	dateStyle map[int]bool // style index → its number format is a date
}

// text returns the cell at column col (1-based) of row line as CSV-like text.
func (x *xlsxCells) text(col, line int, raw string) string {
	if raw == "" {
		return ""
	}
	ref, err := excelize.CoordinatesToCellName(col, line)
	if err != nil {
		return raw
	}
	typ, err := x.f.GetCellType(x.sheet, ref)
	if err != nil {
		return raw
	}
	switch typ {
	case excelize.CellTypeBool:
		if raw == "1" {
			return "true"
		}
		return "false"
	case excelize.CellTypeNumber, excelize.CellTypeUnset:
		n, err := strconv.ParseFloat(strings.TrimSpace(raw), 64)
		if err != nil || math.IsInf(n, 0) || math.IsNaN(n) {
			return raw
		}
		if x.isDate(ref) {
			if tm, err := excelize.ExcelDateToTime(n, x.date1904); err == nil {
				return tm.Format("2006-01-02")
			}
		}
		return strconv.FormatFloat(n, 'f', -1, 64)
	}
	return raw
}

// isDate reports whether the cell's number format shows a date.
func (x *xlsxCells) isDate(ref string) bool {
	idx, err := x.f.GetCellStyle(x.sheet, ref)
	if err != nil || idx == 0 {
		return false
	}
	if d, ok := x.dateStyle[idx]; ok {
		return d
	}
	d := false
	if st, err := x.f.GetStyle(idx); err == nil && st != nil {
		if st.CustomNumFmt != nil {
			d = isDateFormat(*st.CustomNumFmt)
		} else {
			d = isBuiltinDateFormat(st.NumFmt)
		}
	}
	x.dateStyle[idx] = d
	return d
}

// isBuiltinDateFormat reports whether a built-in number format id shows a date.
func isBuiltinDateFormat(id int) bool {
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)
}

// isDateFormat reports whether a custom number format shows a date: it has a day or year
// code outside quoted text, escapes and [bracketed] sections.
func isDateFormat(code string) bool {
	inQuote, inBracket := false, false
	for i := 0; i < len(code); i++ {
		ch := code[i]
		switch {
		case inQuote:
			inQuote = ch != '"'
		case inBracket:
			inBracket = ch != ']'
		case ch == '"':
			inQuote = true
		case ch == '[':
			inBracket = true
		case ch == '\\':
			i++
		case ch == 'd' || ch == 'D' || ch == 'y' || ch == 'Y':
			return true
		}
	}
	return false
}
