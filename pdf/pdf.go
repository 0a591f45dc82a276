// Package pdf lays out Jawność's PDF documents (a company's register extract, an appeal
// decision, a refusal, an audit summary) with gofpdf and an embedded DejaVu Sans, so every
// Polish letter renders and extracts correctly. It knows nothing of the registers: callers
// pass headings, paragraphs, key–value lists and tables; tables repeat their header row on
// every page they span.
package pdf

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"
)

//go:embed fonts/DejaVuSans.ttf
var fontRegular []byte

//go:embed fonts/DejaVuSans-Bold.ttf
var fontBold []byte

// family is the font family name registered in every document.
const family = "DejaVu"

// Page geometry of every document, in millimetres (A4 portrait).
const (
	margin     = 18.0
	pageWidth  = 210.0
	pageHeight = 297.0
	lineHeight = 5.2
)

// Doc is one PDF document being written. Methods record the first error; Bytes returns it.
type Doc struct {
	f     *gofpdf.Fpdf
	title string
}

// Meta describes a document: its title (also the running header), author and the moment it
// is dated (pinned for reproducible files).
type Meta struct {
	Title   string
	Author  string // e.g. "Urząd Miasta Krakowa"; may be empty
	Created time.Time
	// Footer is printed at the bottom of every page before the page number, e.g. a reference.
	Footer string
}

// New starts an A4 document with the embedded Unicode font and a running header and footer.
func New(m Meta) *Doc {
	f := gofpdf.New("P", "mm", "A4", "")
	f.AddUTF8FontFromBytes(family, "", fontRegular)
	f.AddUTF8FontFromBytes(family, "B", fontBold)
	f.SetMargins(margin, margin+6, margin)
	f.SetAutoPageBreak(true, margin+4)
	m.Title, m.Author, m.Footer = drawable(m.Title), drawable(m.Author), drawable(m.Footer)
	f.SetTitle(m.Title, true)
	f.SetAuthor(m.Author, true)
	f.SetCreator("Jawność", true)
	if !m.Created.IsZero() {
		f.SetCreationDate(m.Created)
		f.SetModificationDate(m.Created)
	}
	f.AliasNbPages("{nb}")
	d := &Doc{f: f, title: m.Title}
	f.SetHeaderFunc(func() {
		f.SetFont(family, "", 8)
		f.SetTextColor(90, 90, 90)
		f.SetXY(margin, 10)
		f.CellFormat(pageWidth-2*margin, 4, m.Title, "B", 0, "L", false, 0, "")
		f.SetTextColor(0, 0, 0)
		f.SetXY(margin, margin+6)
	})
	f.SetFooterFunc(func() {
		f.SetFont(family, "", 8)
		f.SetTextColor(90, 90, 90)
		f.SetXY(margin, pageHeight-margin+4)
		page := fmt.Sprintf("Strona %d z {nb}", f.PageNo())
		if m.Footer != "" {
			page = m.Footer + " · " + page
		}
		f.CellFormat(pageWidth-2*margin, 4, page, "T", 0, "R", false, 0, "")
		f.SetTextColor(0, 0, 0)
	})
	f.AddPage()
	return d
}

// Title prints the document's main heading.
func (d *Doc) Title(text string) {
	text = drawable(text)
	d.f.SetFont(family, "B", 15)
	d.f.MultiCell(0, 7, text, "", "L", false)
	d.f.Ln(2)
}

// Heading prints a section heading, moving to a new page when fewer than three lines fit.
func (d *Doc) Heading(text string) {
	text = drawable(text)
	d.ensure(3 * lineHeight * 2)
	d.f.Ln(2)
	d.f.SetFont(family, "B", 11.5)
	d.f.MultiCell(0, 6, text, "", "L", false)
	d.f.Ln(1)
}

// Para prints a paragraph of running text; blank lines in text separate paragraphs.
func (d *Doc) Para(text string) {
	text = drawable(text)
	d.f.SetFont(family, "", 10)
	for i, p := range strings.Split(strings.TrimSpace(text), "\n\n") {
		if i > 0 {
			d.f.Ln(1.5)
		}
		d.f.MultiCell(0, lineHeight, strings.TrimSpace(p), "", "L", false)
	}
	d.f.Ln(1.5)
}

// Small prints a note in a smaller, grey type (e.g. how a figure was computed).
func (d *Doc) Small(text string) {
	text = drawable(text)
	d.f.SetFont(family, "", 8.5)
	d.f.SetTextColor(70, 70, 70)
	d.f.MultiCell(0, 4.4, text, "", "L", false)
	d.f.SetTextColor(0, 0, 0)
	d.f.Ln(1)
}

// Field is one labelled value of a key–value list.
type Field struct {
	Label, Value string
}

// Fields prints labelled values in two columns (label in bold on the left).
func (d *Doc) Fields(fields []Field) {
	labelW := 52.0
	valueW := pageWidth - 2*margin - labelW
	for _, fl := range fields {
		fl.Label, fl.Value = drawable(fl.Label), drawable(fl.Value)
		d.f.SetFont(family, "", 10)
		lines := d.f.SplitText(orDash(fl.Value), valueW)
		h := float64(len(lines)) * lineHeight
		d.ensure(h)
		x, y := d.f.GetXY()
		d.f.SetFont(family, "B", 10)
		d.f.MultiCell(labelW, lineHeight, fl.Label, "", "L", false)
		yLabel := d.f.GetY()
		d.f.SetXY(x+labelW, y)
		d.f.SetFont(family, "", 10)
		d.f.MultiCell(valueW, lineHeight, orDash(fl.Value), "", "L", false)
		if yLabel > d.f.GetY() {
			d.f.SetY(yLabel)
		}
		d.f.SetX(margin)
	}
	d.f.Ln(1.5)
}

// Column is one column of a table: its header, its share of the page width (the shares of a
// table are normalised to the full width) and its alignment ("L", "R" or "C").
type Column struct {
	Header string
	Width  float64
	Align  string
}

// Table prints rows under a header row; when a row does not fit on the page, the table
// continues on the next page under a repeated header. Cells wrap.
func (d *Doc) Table(cols []Column, rows [][]string) {
	cols = append([]Column(nil), cols...)
	for i := range cols {
		cols[i].Header = drawable(cols[i].Header)
	}
	widths := columnWidths(cols)
	d.f.SetFont(family, "B", 8.5)
	d.ensure(d.rowHeight(widths, headers(cols)) + 2*lineHeight)
	d.tableHeader(cols, widths)
	for i, row := range rows {
		row = drawableRow(row)
		d.f.SetFont(family, "", 8.5)
		h := d.rowHeight(widths, row)
		if d.f.GetY()+h > pageHeight-margin-4 {
			d.f.AddPage()
			d.tableHeader(cols, widths)
			d.f.SetFont(family, "", 8.5)
		}
		fill := i%2 == 1
		d.f.SetFillColor(242, 242, 242)
		d.row(cols, widths, row, h, fill)
	}
	d.f.Ln(2)
}

func (d *Doc) tableHeader(cols []Column, widths []float64) {
	d.f.SetFont(family, "B", 8.5)
	d.f.SetFillColor(220, 226, 235)
	hs := headers(cols)
	d.row(cols, widths, hs, d.rowHeight(widths, hs), true)
}

// row draws one table row of height h, each cell wrapped within its width.
func (d *Doc) row(cols []Column, widths []float64, cells []string, h float64, fill bool) {
	x, y := margin, d.f.GetY()
	for j, w := range widths {
		text := ""
		if j < len(cells) {
			text = cells[j]
		}
		if fill {
			d.f.Rect(x, y, w, h, "F")
		}
		d.f.Rect(x, y, w, h, "D")
		d.f.SetXY(x+0.8, y+0.6)
		d.f.MultiCell(w-1.6, 4.2, text, "", align(cols[j].Align), false)
		x += w
	}
	d.f.SetXY(margin, y+h)
}

// rowHeight is the height of the tallest wrapped cell of the row (in the current font).
func (d *Doc) rowHeight(widths []float64, cells []string) float64 {
	lines := 1
	for j, w := range widths {
		if j < len(cells) {
			if n := len(d.f.SplitText(cells[j], w-1.6)); n > lines {
				lines = n
			}
		}
	}
	return float64(lines)*4.2 + 1.2
}

// ensure starts a new page when less than h millimetres are left on this one.
func (d *Doc) ensure(h float64) {
	if d.f.GetY()+h > pageHeight-margin-4 {
		d.f.AddPage()
	}
}

// Bytes finishes the document and returns the PDF, or the first layout error.
func (d *Doc) Bytes() ([]byte, error) {
	if err := d.f.Error(); err != nil {
		return nil, fmt.Errorf("pdf %q: %w", d.title, err)
	}
	var buf bytes.Buffer
	if err := d.f.Output(&buf); err != nil {
		return nil, fmt.Errorf("pdf %q: %w", d.title, err)
	}
	return buf.Bytes(), nil
}

func columnWidths(cols []Column) []float64 {
	total := 0.0
	for _, c := range cols {
		total += c.Width
	}
	ws := make([]float64, len(cols))
	for i, c := range cols {
		if total > 0 {
			ws[i] = c.Width / total * (pageWidth - 2*margin)
		}
	}
	return ws
}

func headers(cols []Column) []string {
	hs := make([]string, len(cols))
	for i, c := range cols {
		hs[i] = c.Header
	}
	return hs
}

func align(a string) string {
	switch a {
	case "R", "C":
		return a
	}
	return "L"
}

// replacement is drawn for a character beyond the Basic Multilingual Plane (an emoji, a
// mathematical letter): gofpdf's Unicode fonts index their glyph widths by 16-bit code
// points and fail on anything above U+FFFF.
const replacement = '\uFFFD'

// drawable returns text with every character beyond the Basic Multilingual Plane replaced
// (invalid UTF-8 reads as U+FFFD already).
func drawable(text string) string {
	for _, r := range text {
		if r > 0xFFFF {
			return strings.Map(func(r rune) rune {
				if r > 0xFFFF {
					return replacement
				}
				return r
			}, text)
		}
	}
	return text
}

// drawableRow is drawable on every cell of a table row (a copy when one changes).
func drawableRow(row []string) []string {
	var out []string
	for i, c := range row {
		if dc := drawable(c); dc != c {
			if out == nil {
				out = append([]string(nil), row...)
			}
			out[i] = dc
		}
	}
	if out == nil {
		return row
	}
	return out
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}
