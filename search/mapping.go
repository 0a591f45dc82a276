package search

import (
	"encoding/json"
	"strconv"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
)

// schemaVersion changes whenever the mapping or the document layout changes; an index
// with another version is discarded and rebuilt from the database. Version 7: requests'
// documents hide a requester's name also where it was typed with combining accents or
// split by invisible characters (indexes built before kept it searchable).
const schemaVersion = "jawnosc-search-7"

// partSep separates the parts of the text field: a token of its own between them.
const partSep = "\n x0x \n"

// Index field names. "text" holds title, body, counterparty and company name; title_s the
// title's stems (the relevance tier). Keyword fields feed the per-document arrays.
const (
	fTextStem  = "text_s"
	fTextFold  = "text_f"
	fTitleStem = "title_s"
	fNIP       = "nip"
	fNumber    = "number"
	fKind      = "kind"
	fCompany   = "company"
	fMode      = "mode"
	fBand      = "band"
	fDate      = "date"
	fValue     = "value"
	fStored    = "doc"
)

func textField(name, analyzer string, vectors bool) *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Name = name
	f.Analyzer = analyzer
	f.Store = false
	f.IncludeInAll = false
	f.IncludeTermVectors = vectors
	f.DocValues = false
	f.SkipFreqNorm = !vectors // scores are ours (tiers); phrases need positions and frequencies
	return f
}

func keywordField(name, analyzer string, docValues bool) *mapping.FieldMapping {
	f := textField(name, analyzer, false)
	f.DocValues = docValues
	return f
}

// newMapping returns the index mapping: a static document mapping, no _all field.
func newMapping() (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	filters, analyzers := customAnalysis()
	for name, cfg := range filters {
		if err := m.AddCustomTokenFilter(name, cfg); err != nil {
			return nil, err
		}
	}
	for name, cfg := range analyzers {
		if err := m.AddCustomAnalyzer(name, cfg); err != nil {
			return nil, err
		}
	}
	dm := bleve.NewDocumentStaticMapping()
	text := bleve.NewDocumentStaticMapping()
	text.AddFieldMapping(textField(fTextStem, anStem, false))
	text.AddFieldMapping(textField(fTextFold, anFold, true))
	dm.AddSubDocumentMapping("text", text)
	title := bleve.NewDocumentStaticMapping()
	title.AddFieldMapping(textField(fTitleStem, anTitle, false))
	dm.AddSubDocumentMapping("title", title)
	for _, k := range []struct {
		name, analyzer string
		dv             bool
	}{
		{fNIP, "keyword", false}, {fNumber, anKeyLower, false}, {fKind, "keyword", false},
		{fCompany, "keyword", false}, {fMode, "keyword", false}, {fBand, "keyword", false},
		{fDate, "keyword", false}, {fValue, "keyword", true},
	} {
		sub := bleve.NewDocumentStaticMapping()
		sub.AddFieldMapping(keywordField(k.name, k.analyzer, k.dv))
		dm.AddSubDocumentMapping(k.name, sub)
	}
	stored := bleve.NewTextFieldMapping()
	stored.Name = fStored
	stored.Index = false
	stored.Store = true
	stored.IncludeInAll = false
	stored.DocValues = false
	sub := bleve.NewDocumentStaticMapping()
	sub.AddFieldMapping(stored)
	dm.AddSubDocumentMapping(fStored, sub)

	dm.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	m.DefaultMapping = dm
	m.DefaultAnalyzer = anFold
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m, nil
}

// storedDoc is what the index keeps to show a hit (and highlight it) without the database.
type storedDoc struct {
	Doc
}

// indexable turns a Doc into the property map the mapping expects.
func indexable(d Doc) (map[string]interface{}, error) {
	raw, err := json.Marshal(d)
	if err != nil {
		return nil, err
	}
	// One string (a field given twice costs the segment builder a merge of its terms), the
	// parts kept apart by a separator word so that a phrase never spans two parts.
	text := d.Title + partSep + d.Body + partSep + d.Counterparty + partSep + d.CompanyName
	m := map[string]interface{}{
		"text":   text,
		"title":  d.Title,
		fKind:    d.Kind,
		fCompany: d.Company,
		fValue:   strconv.FormatInt(d.ValueNet, 10),
		fStored:  string(raw),
	}
	if n := normalizeNIP(d.NIP); n != "" {
		m[fNIP] = n
	}
	if d.Number != "" {
		m[fNumber] = d.Number
	}
	if d.Mode != "" {
		m[fMode] = d.Mode
	}
	if d.hasBand() {
		m[fBand] = BandOf(d.ValueNet)
	}
	if d.Date != "" {
		m[fDate] = d.Date
	}
	return m, nil
}

// normalizeNIP keeps the digits of a NIP ("PL 123-456-78-90" → "1234567890").
func normalizeNIP(s string) string {
	b := make([]byte, 0, 10)
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			b = append(b, s[i])
		}
	}
	return string(b)
}
