package search

import (
	"slices"
	"strings"
	"time"

	"jawnosc/registry"
)

// Sort orders accepted in Query.Sort.
const (
	SortRelevance = "relevance" // default when Q != ""; see Search for what relevance means
	SortDate      = "date"      // newest first; default when Q == ""
	SortDateAsc   = "date_asc"
	SortValue     = "value" // largest net value first
	SortValueAsc  = "value_asc"
)

// Limits on what one query may ask.
const (
	DefaultPerPage = 20
	MaxPerPage     = 100
	MaxResults     = 10_000 // deepest result reachable by paging
	MaxQueryLen    = 500    // characters of Q
	MaxQueryTerms  = 12     // words and phrases of Q
	maxFilterVals  = 50     // values per filter
)

// Query is one search: text (Q), filters, sort and page. The text syntax: words (all must
// match, in any inflection, with or without diacritics; a word of 4+ letters also matches
// as a prefix), "phrases in quotes", -word or -"phrase" to exclude, word* for a prefix of
// 3+ letters. A NIP or a contract number typed as a word matches exactly.
type Query struct {
	Q         string   `json:"q"`
	Kinds     []string `json:"kinds,omitempty"`
	Companies []string `json:"companies,omitempty"`
	Years     []int    `json:"years,omitempty"`
	Modes     []string `json:"modes,omitempty"`
	Bands     []string `json:"bands,omitempty"`
	Sort      string   `json:"sort"`
	Page      int      `json:"page"`
	PerPage   int      `json:"per_page"`
	Highlight bool     `json:"highlight,omitempty"`
}

// Hit is one result.
type Hit struct {
	ID          string `json:"id"`
	Kind        string `json:"kind"`
	EntryID     int64  `json:"entry_id"`
	Company     string `json:"company"`
	CompanyName string `json:"company_name"`
	Title       string `json:"title"`
	// Snippet is HTML: the entry's text escaped, matched words wrapped in <mark>…</mark>;
	// safe to embed. Empty unless Query.Highlight.
	Snippet string `json:"snippet,omitempty"`
	// SnippetParts is Snippet as parts, for html/template without template.HTML.
	SnippetParts []SnippetPart `json:"snippet_parts,omitempty"`
	// TitleParts is the title with matched words marked (only with Query.Highlight).
	TitleParts []SnippetPart `json:"title_parts,omitempty"`
	Date       string        `json:"date"`
	ValueNet   int64         `json:"value_net"`
	Currency   string        `json:"currency"` // ISO 4217 code of ValueNet
	Mode       string        `json:"mode"`
	Status     string        `json:"status"`
	URL        string        `json:"url"`
	Score      float64       `json:"score"`
}

// SnippetPart is a run of snippet text; Mark says whether it matched the query.
type SnippetPart struct {
	Text string `json:"text"`
	Mark bool   `json:"mark,omitempty"`
}

// FacetValue is one value of a facet and the number of hits having it.
type FacetValue struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// Facet names in Result.Facets.
const (
	FacetCompany = "company"
	FacetYear    = "year"
	FacetKind    = "kind"
	FacetMode    = "mode"
	FacetBand    = "band"
)

// Result is one page of hits with the total and the facets.
type Result struct {
	Query  Query                   `json:"query"` // as normalized (defaults filled in)
	Total  int                     `json:"total"`
	Hits   []Hit                   `json:"hits"`
	Facets map[string][]FacetValue `json:"facets"`
	Took   time.Duration           `json:"took"`
}

// normalize fills defaults and checks limits; errors are EINVALID with a Polish message.
func (q Query) normalize() (Query, error) {
	q.Q = strings.TrimSpace(strings.ToValidUTF8(q.Q, " "))
	if q.Sort == "" {
		q.Sort = SortDate
		if q.Q != "" {
			q.Sort = SortRelevance
		}
	}
	switch q.Sort {
	case SortRelevance, SortDate, SortDateAsc, SortValue, SortValueAsc:
	default:
		return q, invalid("sort", "Nieznany porządek sortowania. Wybierz: trafność, data albo wartość.")
	}
	if q.PerPage <= 0 {
		q.PerPage = DefaultPerPage
	}
	if q.PerPage > MaxPerPage {
		q.PerPage = MaxPerPage
	}
	if q.Page <= 0 {
		q.Page = 1
	}
	if q.Page > MaxResults || (q.Page-1)*q.PerPage >= MaxResults {
		return q, invalid("page", "Można przejrzeć najwyżej 10 000 wyników. Zawęź wyszukiwanie filtrami.")
	}
	for _, l := range [][]string{q.Kinds, q.Companies, q.Modes, q.Bands} {
		if len(l) > maxFilterVals {
			return q, invalid("filter", "Za dużo wartości filtra.")
		}
	}
	if len(q.Years) > maxFilterVals {
		return q, invalid("year", "Za dużo wartości filtra.")
	}
	for _, b := range q.Bands {
		if bandIndex(b) < 0 {
			return q, invalid("band", "Nieznany przedział wartości.")
		}
	}
	q.Kinds = dedupe(q.Kinds)
	q.Companies = dedupe(q.Companies)
	q.Modes = dedupe(q.Modes)
	q.Bands = dedupe(q.Bands)
	return q, nil
}

func dedupe(l []string) []string {
	if len(l) == 0 {
		return nil
	}
	out := make([]string, 0, len(l))
	for _, v := range l {
		if v = strings.TrimSpace(v); v != "" && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// invalid returns an EINVALID error about field with a Polish message.
func invalid(field, msg string) *registry.Error {
	return &registry.Error{Code: registry.EINVALID, Message: msg, Fields: map[string]string{field: msg}}
}
