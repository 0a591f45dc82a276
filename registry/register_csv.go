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

// Column is one CSV column of a register: its name, the Validate field it fills (for error
// messages) and how a cell is read and written. One list per register serves the export and
// the import, so an export can always be imported again.
type Column[D any] struct {
	Name  string
	Field string
	Get   func(*D) string
	Set   func(*D, string) error // nil: export only
}

func textCol[D any](name, field string, p func(*D) *string) Column[D] {
	return Column[D]{Name: name, Field: field,
		Get: func(d *D) string { return escapeFormula(*p(d)) },
		Set: func(d *D, s string) error { *p(d) = unescapeFormula(s); return nil }}
}

func codeCol[D any](name, field string, p func(*D) *string) Column[D] {
	return Column[D]{Name: name, Field: field,
		Get: func(d *D) string { return *p(d) },
		Set: func(d *D, s string) error { *p(d) = s; return nil }}
}

func dateCol[D any](name, field string, p func(*D) *Date) Column[D] {
	return Column[D]{Name: name, Field: field,
		Get: func(d *D) string { return string(*p(d)) },
		Set: func(d *D, s string) (err error) { *p(d), err = ParseDate(s); return err }}
}

func moneyCol[D any](name, field string, p func(*D) *Money) Column[D] {
	return Column[D]{Name: name, Field: field,
		Get: func(d *D) string { return p(d).Decimal() },
		Set: func(d *D, s string) (err error) { *p(d), err = ParseMoney(s); return err }}
}

func intCol[D any](name, field string, p func(*D) *int) Column[D] {
	return Column[D]{Name: name, Field: field,
		Get: func(d *D) string { return strconv.Itoa(*p(d)) },
		Set: func(d *D, s string) error {
			s = strings.Join(strings.Fields(s), "")
			if s == "" {
				*p(d) = 0
				return nil
			}
			n, err := strconv.Atoi(s)
			if err != nil {
				return Errorf(EINVALID, "Wpisz liczbę całkowitą.")
			}
			*p(d) = n
			return nil
		}}
}

func idCol[D any](name, field string, p func(*D) *int64) Column[D] {
	return Column[D]{Name: name, Field: field,
		Get: func(d *D) string {
			if *p(d) == 0 {
				return ""
			}
			return strconv.FormatInt(*p(d), 10)
		},
		Set: func(d *D, s string) error {
			s = strings.TrimSpace(s)
			if s == "" {
				*p(d) = 0
				return nil
			}
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil || n < 1 {
				return Errorf(EINVALID, "Podaj numer umowy z rejestru (liczbę).")
			}
			*p(d) = n
			return nil
		}}
}

// listCol is a list of codes separated by ", " (";" and "," accepted on import).
func listCol[D any](name, field string, p func(*D) *[]string) Column[D] {
	return Column[D]{Name: name, Field: field,
		Get: func(d *D) string { return strings.Join(*p(d), ", ") },
		Set: func(d *D, s string) error {
			out := []string{}
			for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' }) {
				if part = strings.TrimSpace(part); part != "" {
					out = append(out, part)
				}
			}
			*p(d) = out
			return nil
		}}
}

// RegisterCSVMetaColumns are written before a register's columns by its CSV export and
// ignored by its import.
var RegisterCSVMetaColumns = []string{"id", "company", "status", "version", "published_at", "withdrawn_reason", "url"}

// ColumnNames returns the register's CSV columns (importable), in export order.
func (r *Register[D, P]) ColumnNames() []string {
	out := make([]string, 0, len(r.cols))
	for _, c := range r.cols {
		if c.Set != nil {
			out = append(out, c.Name)
		}
	}
	return out
}

// WriteCSV writes entries as CSV for Excel in a Polish locale: UTF-8 with a byte order mark,
// ";" delimiter, CRLF; RegisterCSVMetaColumns then the register's columns. Amounts use
// Money.Decimal ("1234,56"), dates ISO 8601; text cells beginning with = + - @ get an
// apostrophe (undone by the import). url is baseURL + path + "/{id}". With header false
// only the rows are written (for streaming in chunks).
func (r *Register[D, P]) WriteCSV(w io.Writer, es []*Entry[D], baseURL, path string, header bool) error {
	cw := csv.NewWriter(w)
	cw.Comma = ';'
	cw.UseCRLF = true
	if header {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
		head := slices.Clone(RegisterCSVMetaColumns)
		for _, c := range r.cols {
			head = append(head, c.Name)
		}
		if err := cw.Write(head); err != nil {
			return err
		}
	}
	base := strings.TrimRight(baseURL, "/")
	for _, e := range es {
		published := ""
		if e.PublishedAt != nil {
			published = e.PublishedAt.UTC().Format(time.RFC3339)
		}
		id := strconv.FormatInt(e.ID, 10)
		rec := []string{id, e.Company, e.Status, strconv.Itoa(e.Version), published, escapeFormula(e.WithdrawnReason), base + path + "/" + id}
		for _, c := range r.cols {
			rec = append(rec, c.Get(&e.Data))
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Mapping tells an import which of the file's columns fill which of ours and which of our
// columns take one value for every row.
type Mapping struct {
	Columns map[string]string // the file's header cell → our column name; "-" ignores it
	Set     map[string]string // our column → the value for every row
	// IgnoreOthers ignores the file's columns that are neither mapped nor ours (otherwise
	// each is an error).
	IgnoreOthers bool
}

// ParseMapping reads "source=target,source2=target2" (as given to --map); a target "-"
// ignores the source column. Header cells are compared trimmed. Errors: EINVALID.
func ParseMapping(s string) (map[string]string, error) {
	out := map[string]string{}
	for _, part := range strings.Split(s, ",") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		src, dst, ok := strings.Cut(part, "=")
		src, dst = strings.TrimSpace(src), strings.TrimSpace(dst)
		if !ok || src == "" || dst == "" {
			return nil, Errorf(EINVALID, "Nieprawidłowe mapowanie „%s”: wpisz je jako kolumna_w_pliku=nasza_kolumna.", strings.TrimSpace(part))
		}
		if _, dup := out[src]; dup {
			return nil, Errorf(EINVALID, "Kolumna „%s” jest zmapowana dwa razy.", src)
		}
		out[src] = dst
	}
	return out, nil
}

// ParseTable reads the register's entries from a table (see ReadTable) with the mapping m
// (may be the zero Mapping: the file has our column names). Meta columns of our export are
// ignored. Every row is normalized and validated like a form. All or nothing: when any cell
// is wrong it returns an *ImportError listing every problem as line, column and message.
// Errors: EINVALID for a bad mapping or header; *ImportError.
func (r *Register[D, P]) ParseTable(t *Table, m Mapping) ([]D, error) {
	cols, seen, bad := r.resolveHeader(t.Header, m)
	for _, req := range r.required {
		if !seen[req] && m.Set[req] == "" && !r.satisfied(req, seen) {
			bad = append(bad, fmt.Sprintf("brak wymaganej kolumny „%s”", req))
		}
	}
	if len(bad) > 0 {
		slices.Sort(bad)
		return nil, Errorf(EINVALID, "Nagłówek pliku: %s.", strings.Join(bad, "; "))
	}
	if len(t.Rows) == 0 {
		return nil, Errorf(EINVALID, "Plik nie zawiera żadnego wpisu (jest tylko wiersz nagłówka).")
	}
	ie := &ImportError{}
	out := make([]D, 0, len(t.Rows))
	for i, row := range t.Rows {
		line := i + 2
		if i < len(t.Lines) {
			line = t.Lines[i]
		}
		out = append(out, r.parseRow(ie, line, cols, row, m.Set))
	}
	if ie.total() > 0 {
		return nil, ie
	}
	return out, nil
}

// ColumnUse is what an import does with one column of the file.
type ColumnUse struct {
	Source string // the file's header cell
	Column string // our column it fills; "" when the column is ignored
	Field  string // the entry's field(s) it fills, as Validate names them ("a,b" for several)
}

// ColumnPlan tells, for each column of header, which of our columns the mapping m makes it
// fill (as ParseTable reads it); a column ParseTable would reject is listed as ignored (the
// parse reports it).
func (r *Register[D, P]) ColumnPlan(header []string, m Mapping) []ColumnUse {
	cols, _, _ := r.resolveHeader(header, m)
	out := make([]ColumnUse, len(header))
	for i, h := range header {
		out[i].Source = h
		if c := cols[i]; c != nil {
			out[i].Column, out[i].Field = c.Name, c.Field
		}
	}
	return out
}

// ColumnField returns the entry's field(s) our column name fills, as Validate names them
// ("a,b" for several), or "" when the register has no such column.
func (r *Register[D, P]) ColumnField(name string) string {
	for _, c := range append(slices.Clone(r.cols), r.extra...) {
		if c.Name == name && c.Set != nil {
			return c.Field
		}
	}
	return ""
}

// resolveHeader finds our column for each header cell under the mapping m (nil: ignored),
// the columns seen and the problems of the header and the mapping.
func (r *Register[D, P]) resolveHeader(header []string, m Mapping) ([]*Column[D], map[string]bool, []string) {
	byName := map[string]*Column[D]{}
	for i := range r.cols {
		if r.cols[i].Set != nil {
			byName[r.cols[i].Name] = &r.cols[i]
		}
	}
	for _, x := range r.extra {
		byName[x.Name] = &x
	}
	meta := map[string]bool{} // written by our export, ignored here
	for _, c := range RegisterCSVMetaColumns {
		meta[c] = true
	}
	for _, c := range r.cols {
		if c.Set == nil {
			meta[c.Name] = true
		}
	}
	var bad []string
	for src, dst := range m.Columns {
		if dst != "-" && byName[dst] == nil {
			bad = append(bad, fmt.Sprintf("„%s” → „%s”: nie ma takiej kolumny", src, dst))
		}
	}
	for dst := range m.Set {
		if byName[dst] == nil {
			bad = append(bad, fmt.Sprintf("„%s”: nie ma takiej kolumny", dst))
		}
	}
	cols := make([]*Column[D], len(header))
	seen := map[string]bool{}
	for i, h := range header {
		name, mapped := m.Columns[h]
		if !mapped {
			name = strings.ToLower(h)
		}
		switch {
		case name == "-" || (!mapped && meta[name]):
			continue
		case byName[name] == nil:
			if h == "" || m.IgnoreOthers {
				continue
			}
			bad = append(bad, fmt.Sprintf("nieznana kolumna „%s”", h))
			continue
		case seen[name]:
			bad = append(bad, fmt.Sprintf("kolumna „%s” występuje dwa razy", name))
			continue
		}
		seen[name] = true
		cols[i] = byName[name]
	}
	for src := range m.Columns {
		if !slices.Contains(header, src) {
			bad = append(bad, fmt.Sprintf("w pliku nie ma kolumny „%s”", src))
		}
	}
	return cols, seen, bad
}

// satisfied reports whether a required column is filled by an extra column (ads: quarter
// fills period_start and period_end).
func (r *Register[D, P]) satisfied(req string, seen map[string]bool) bool {
	for _, x := range r.extra {
		if seen[x.Name] && slices.Contains(strings.Split(x.Field, ","), req) {
			return true
		}
	}
	return false
}

// parseRow fills one entry from a row, recording problems in ie (one per column, in our
// column order).
func (r *Register[D, P]) parseRow(ie *ImportError, line int, cols []*Column[D], row []string, set map[string]string) D {
	var d D
	msgs := map[string]string{}
	fail := func(col, msg string) {
		if _, ok := msgs[col]; !ok {
			msgs[col] = msg
		}
	}
	apply := func(c *Column[D], cell string) {
		if err := c.Set(&d, cell); err != nil {
			fail(c.Name, ErrorMessage(err))
		}
	}
	for _, c := range append(slices.Clone(r.cols), r.extra...) {
		if v, ok := set[c.Name]; ok && c.Set != nil {
			apply(&c, v)
		}
	}
	for i, c := range cols {
		if c != nil && i < len(row) {
			apply(c, row[i])
		}
	}
	P(&d).Normalize()
	if err := P(&d).Validate(); err != nil {
		fields := ErrorFields(err)
		for f, msg := range fields {
			fail(r.columnOf(f), msg)
		}
	}
	if msg, ok := msgs[""]; ok {
		ie.add(line, "", msg)
	}
	for _, c := range append(slices.Clone(r.cols), r.extra...) {
		if msg, ok := msgs[c.Name]; ok {
			ie.add(line, c.Name, msg)
			delete(msgs, c.Name)
		}
	}
	rest := make([]string, 0, len(msgs))
	for k := range msgs {
		rest = append(rest, k)
	}
	slices.Sort(rest)
	for _, k := range rest {
		if k != "" {
			ie.add(line, k, msgs[k])
		}
	}
	return d
}

// columnOf maps a Validate field name to our CSV column ("recipient.nip" → "recipient_nip").
func (r *Register[D, P]) columnOf(field string) string {
	for _, c := range r.cols {
		if c.Field == field {
			return c.Name
		}
	}
	return strings.ReplaceAll(field, ".", "_")
}
