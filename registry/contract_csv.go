package registry

import (
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
)

// ContractCSVColumns are the columns of a contract CSV import, in the order
// WriteContractsCSV writes them. An import may have them in any order.
var ContractCSVColumns = []string{
	"number", "signed_on", "subject", "description",
	"counterparty_name", "counterparty_nip", "counterparty_regon", "counterparty_krs",
	"counterparty_country", "counterparty_town",
	"value_net", "value_gross", "currency", "procurement_mode", "cpv",
	"start_on", "end_on", "eu_funded",
}

// ContractCSVOptionalColumns are further import columns, written by
// WriteContractsCSV after the export-only columns: counterparty_natural_person
// (true for a natural person: name only).
var ContractCSVOptionalColumns = []string{"counterparty_natural_person"}

// ContractCSVRequiredColumns must be present in every contract import.
var ContractCSVRequiredColumns = []string{
	"number", "signed_on", "subject", "counterparty_name", "value_net", "value_gross", "procurement_mode",
}

// ContractCSVExportColumns are written by WriteContractsCSV and ignored by
// ParseContractsCSV, so that an export can be imported again. redacted_fields lists
// the withheld fields (Redaction.Field codes) separated by ", ".
var ContractCSVExportColumns = []string{
	"id", "company", "status", "version", "published_at", "publication_delay_days", "url",
	"redacted_fields",
	// Written by other exports or spreadsheets derived from ours; ignored on import.
	"company_name", "created_at", "updated_at", "withdrawn_reason", "value_net_pln", "value_gross_pln",
}

// contractCSVAllColumns are the import columns, required and optional, in order.
var contractCSVAllColumns = append(slices.Clone(ContractCSVColumns), ContractCSVOptionalColumns...)

// contractCSVField maps a CSV column to the field name used by Validate.
var contractCSVField = map[string]string{
	"counterparty_name":           "counterparty.name",
	"counterparty_nip":            "counterparty.nip",
	"counterparty_regon":          "counterparty.regon",
	"counterparty_krs":            "counterparty.krs",
	"counterparty_country":        "counterparty.country",
	"counterparty_town":           "counterparty.town",
	"counterparty_natural_person": "counterparty.natural_person",
}

// unnamedColumn marks a column whose header cell is empty: its cells must be empty.
const unnamedColumn = "\x00unnamed"

// MaxImportErrors is how many row errors an ImportError keeps; the rest are counted.
const MaxImportErrors = 10_000

// RowError is one problem of an import: the physical line of the file (the header
// is line 1), the column (CSV name; "" for the whole row) and a Polish message.
type RowError struct {
	Line    int    `json:"line"`
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
}

// ImportError rejects a whole import (nothing is saved when any row is bad).
// It satisfies errors.As(err, **Error) (see As and AsError): code EINVALID, so
// ErrorCode, ErrorMessage and ErrorFields work on it as on any domain error.
type ImportError struct {
	Rows    []RowError
	Omitted int // further errors not kept in Rows (beyond MaxImportErrors)
}

// add records a row error, counting instead of keeping beyond MaxImportErrors.
func (e *ImportError) add(line int, field, msg string) {
	if len(e.Rows) >= MaxImportErrors {
		e.Omitted++
		return
	}
	e.Rows = append(e.Rows, RowError{Line: line, Field: field, Message: msg})
}

// Error lists the problems, one per line as "line N: field: message", at most 1000,
// followed by the count of the rest.
func (e *ImportError) Error() string {
	var b strings.Builder
	const max = 1000
	for i, r := range e.Rows {
		if i == max {
			break
		}
		if i > 0 {
			b.WriteByte('\n')
		}
		if r.Field != "" {
			fmt.Fprintf(&b, "line %d: %s: %s", r.Line, r.Field, r.Message)
		} else {
			fmt.Fprintf(&b, "line %d: %s", r.Line, r.Message)
		}
	}
	if rest := len(e.Rows) - min(len(e.Rows), max) + e.Omitted; rest > 0 {
		fmt.Fprintf(&b, "\n… and %d more errors", rest)
	}
	return b.String()
}

// total is the number of problems found.
func (e *ImportError) total() int { return len(e.Rows) + e.Omitted }

// AsError returns the import error as an *Error EINVALID: a Polish summary naming
// the first problem, and Fields keyed "line N: field" for at most 1000 problems.
func (e *ImportError) AsError() *Error {
	out := &Error{Code: EINVALID, Err: e, Fields: make(map[string]string)}
	for i, r := range e.Rows {
		if i == 1000 {
			break
		}
		key := "line " + strconv.Itoa(r.Line)
		if r.Field != "" {
			key += ": " + r.Field
		}
		if _, dup := out.Fields[key]; !dup {
			out.Fields[key] = r.Message
		}
	}
	first := ""
	if len(e.Rows) > 0 {
		r := e.Rows[0]
		first = fmt.Sprintf(" Pierwszy: wiersz %d", r.Line)
		if r.Field != "" {
			first += ", kolumna " + r.Field
		}
		first += ": " + r.Message
	}
	out.Message = fmt.Sprintf("Import odrzucony, nie zapisano żadnego wiersza. Błędów: %d.%s", e.total(), first)
	return out
}

// As lets errors.As find an *Error (the AsError form) in an *ImportError.
func (e *ImportError) As(target any) bool {
	if p, ok := target.(**Error); ok {
		*p = e.AsError()
		return true
	}
	return false
}

// ParseContractsCSV reads contracts from a CSV file (see ReadTable for encodings and
// delimiters; limit DefaultMaxTableBytes) with the columns ContractCSVColumns and
// ContractCSVOptionalColumns in any order; ContractCSVExportColumns are ignored.
// Amounts go through ParseMoney, dates through ParseDate, eu_funded and
// counterparty_natural_person accept true/false/tak/nie/1/0/"" ("" is false);
// every row is normalized and validated like a form. All or nothing: when any
// cell is wrong it returns an *ImportError listing every problem with its line.
// Errors: *ImportError (EINVALID via errors.As); ReadTable's errors.
func ParseContractsCSV(r io.Reader) ([]ContractData, error) {
	t, err := ReadTable(r, 0)
	if err != nil {
		return nil, err
	}
	return ParseContractsTable(t)
}

// ParseContractsTable is ParseContractsCSV for a table read otherwise (e.g. from
// a spreadsheet); t.Header holds the column names and t.Lines the line numbers.
func ParseContractsTable(t *Table) ([]ContractData, error) {
	rows, ie, err := PreviewContractsTable(t)
	if err != nil {
		return nil, err
	}
	if ie != nil {
		return nil, ie
	}
	out := make([]ContractData, len(rows))
	for i, r := range rows {
		out[i] = r.Data
	}
	return out, nil
}

// ContractRow is one data row of an import: its line (as the spreadsheet numbers it) and
// its content as far as it could be read.
type ContractRow struct {
	Line int
	Data ContractData
}

// PreviewContractsTable reads every row of t like ParseContractsTable, but returns the rows
// with what could be read beside the problems found (ie nil when there are none), for a
// preview. A wrong header returns ie and no rows; an empty table returns EINVALID.
func PreviewContractsTable(t *Table) ([]ContractRow, *ImportError, error) {
	ie := &ImportError{}
	cols := make([]string, len(t.Header)) // "" for ignored columns
	seen := map[string]bool{}
	headerLine := 1
	if t.HeaderLine > 0 {
		headerLine = t.HeaderLine
	}
	for i, h := range t.Header {
		name := strings.ToLower(strings.TrimSpace(h))
		switch {
		case name == "":
			cols[i] = unnamedColumn
			continue
		case seen[name]:
			ie.add(headerLine, name, fmt.Sprintf("Kolumna „%s” występuje więcej niż raz.", name))
		case slices.Contains(ContractCSVColumns, name) || slices.Contains(ContractCSVOptionalColumns, name):
			cols[i] = name
		case slices.Contains(ContractCSVExportColumns, name):
		default:
			ie.add(headerLine, name, fmt.Sprintf("Nieznana kolumna „%s”. Dozwolone kolumny: %s.", name, strings.Join(ContractCSVColumns, ", ")))
		}
		seen[name] = true
	}
	for _, req := range ContractCSVRequiredColumns {
		if !seen[req] {
			ie.add(headerLine, req, fmt.Sprintf("Brak wymaganej kolumny „%s”.", req))
		}
	}
	if ie.total() > 0 {
		return nil, ie, nil
	}
	if len(t.Rows) == 0 {
		return nil, nil, Errorf(EINVALID, "Plik nie zawiera żadnej umowy (jest tylko wiersz nagłówka).")
	}
	out := make([]ContractRow, 0, len(t.Rows))
	for i, row := range t.Rows {
		line := i + 2
		if i < len(t.Lines) {
			line = t.Lines[i]
		}
		out = append(out, ContractRow{Line: line, Data: parseContractRow(ie, line, cols, row)})
	}
	if ie.total() > 0 {
		return out, ie, nil
	}
	return out, nil, nil
}

// parseContractRow fills one ContractData from a row, recording problems in ie.
func parseContractRow(ie *ImportError, line int, cols []string, row []string) ContractData {
	var d ContractData
	msgs := map[string]string{} // column ("" for the row) → first message
	fail := func(col, msg string) {
		if _, ok := msgs[col]; !ok {
			msgs[col] = msg
		}
	}
	defer func() { // report in column order, the whole-row problem first
		if msg, ok := msgs[""]; ok {
			ie.add(line, "", msg)
		}
		for _, col := range contractCSVAllColumns {
			if msg, ok := msgs[col]; ok {
				ie.add(line, col, msg)
			}
		}
	}()
	if len(row) > len(cols) && !blankRow(row[len(cols):]) {
		fail("", fmt.Sprintf("Wiersz ma %d komórek, a nagłówek %d kolumn.", len(row), len(cols)))
	}
	for i, col := range cols {
		if i >= len(row) {
			break
		}
		cell := row[i]
		if col == unnamedColumn && strings.TrimSpace(cell) != "" {
			fail("", fmt.Sprintf("Komórka w kolumnie %d, która nie ma nazwy w nagłówku.", i+1))
		}
		if col == "" || col == unnamedColumn {
			continue
		}
		switch col {
		case "number":
			d.Number = unescapeFormula(cell)
		case "subject":
			d.Subject = unescapeFormula(cell)
		case "description":
			d.Description = unescapeFormula(cell)
		case "counterparty_name":
			d.Counterparty.Name = unescapeFormula(cell)
		case "counterparty_town":
			d.Counterparty.Town = unescapeFormula(cell)
		case "counterparty_nip":
			d.Counterparty.NIP = cell
		case "counterparty_regon":
			d.Counterparty.REGON = cell
		case "counterparty_krs":
			d.Counterparty.KRS = cell
		case "counterparty_country":
			d.Counterparty.Country = cell
		case "currency":
			d.Currency = cell
		case "procurement_mode":
			d.ProcurementMode = cell
		case "cpv":
			d.CPV = cell
		case "signed_on", "start_on", "end_on":
			v, err := ParseDate(cell)
			if err != nil {
				fail(col, ErrorMessage(err))
			}
			switch col {
			case "signed_on":
				d.SignedOn = v
			case "start_on":
				d.StartOn = v
			default:
				d.EndOn = v
			}
		case "value_net", "value_gross":
			v, err := ParseMoney(cell)
			if err != nil {
				fail(col, ErrorMessage(err))
			}
			if col == "value_net" {
				d.ValueNet = v
			} else {
				d.ValueGross = v
			}
		case "eu_funded", "counterparty_natural_person":
			v, ok := parseCSVBool(cell)
			if !ok {
				fail(col, "Wpisz tak lub nie (true/false, 1/0).")
			}
			if col == "eu_funded" {
				d.EUFunded = v
			} else {
				d.Counterparty.Person = v
			}
		}
	}
	d.Normalize()
	if err := d.Validate(); err != nil {
		fields := ErrorFields(err)
		for _, col := range contractCSVAllColumns {
			if msg, ok := fields[fieldOfColumn(col)]; ok {
				fail(col, msg) // a parse error of the cell, recorded first, wins
			}
		}
	}
	return d
}

// fieldOfColumn maps a CSV column to its Validate field name.
func fieldOfColumn(col string) string {
	if f, ok := contractCSVField[col]; ok {
		return f
	}
	return col
}

// parseCSVBool reads true/false/tak/nie/1/0/"" (case-insensitive; "" is false).
func parseCSVBool(s string) (bool, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true", "tak", "1", "t", "prawda":
		return true, true
	case "false", "nie", "0", "", "n", "fałsz":
		return false, true
	}
	return false, false
}

// escapeFormula guards spreadsheet users against formula injection: a text cell
// beginning with = + - @ gets a leading apostrophe, which Excel and LibreOffice
// treat as "text" (OWASP "CSV injection"). unescapeFormula undoes it on import.
func escapeFormula(s string) string {
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}

// unescapeFormula removes the apostrophe escapeFormula added.
func unescapeFormula(s string) string {
	t := strings.TrimSpace(s)
	if len(t) >= 2 && t[0] == '\'' && strings.ContainsRune("=+-@", rune(t[1])) {
		return t[1:]
	}
	return s
}

// WriteContractsCSV writes contracts as a CSV file for Excel in a Polish locale:
// UTF-8 with a byte order mark, ";" delimiter, CRLF line ends. Columns: id, company,
// status, version, published_at, ContractCSVColumns, publication_delay_days, url,
// counterparty_natural_person, redacted_fields. Amounts use Money.Decimal ("1234,56"),
// dates ISO 8601 (published_at in UTC, RFC 3339), booleans true/false. Text cells
// beginning with = + - @ are prefixed with an apostrophe (undone by the import).
// url is baseURL + "/umowy/{id}". ParseContractsCSV reads the output back.
// Errors: those of w.
func WriteContractsCSV(w io.Writer, cs []*Contract, baseURL string) error {
	if _, err := io.WriteString(w, "\uFEFF"); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	header := []string{"id", "company", "status", "version", "published_at"}
	header = append(header, ContractCSVColumns...)
	header = append(header, "publication_delay_days", "url", "counterparty_natural_person", "redacted_fields")
	if err := cw.Write(header); err != nil {
		return err
	}
	base := strings.TrimRight(baseURL, "/")
	for _, c := range cs {
		published, delay := "", ""
		if c.PublishedAt != nil {
			published = c.PublishedAt.UTC().Format(time.RFC3339)
		}
		if c.PublicationDelayDays != nil {
			delay = strconv.Itoa(*c.PublicationDelayDays)
		}
		redacted := make([]string, 0, len(c.Redactions))
		for _, r := range c.Redactions {
			redacted = append(redacted, r.Field)
		}
		p := c.Counterparty
		rec := []string{
			strconv.FormatInt(c.ID, 10), c.Company, c.Status, strconv.Itoa(c.Version), published,
			escapeFormula(c.Number), c.SignedOn.String(), escapeFormula(c.Subject), escapeFormula(c.Description),
			escapeFormula(p.Name), p.NIP, p.REGON, p.KRS, p.Country, escapeFormula(p.Town),
			c.ValueNet.Decimal(), c.ValueGross.Decimal(), c.Currency, c.ProcurementMode, c.CPV,
			c.StartOn.String(), c.EndOn.String(), strconv.FormatBool(c.EUFunded),
			delay, base + "/umowy/" + strconv.FormatInt(c.ID, 10), strconv.FormatBool(p.Person),
			strings.Join(redacted, ", "),
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
