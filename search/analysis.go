// Package search keeps the full-text index of the public registers: a bleve index derived
// from the database (fed by the change sequence, rebuildable at any time), Polish analysis
// (stemmed, diacritic-folded and prefix sub-fields), the query parser, facets, sorting and
// highlighted snippets.
package search

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	_ "github.com/blevesearch/bleve/v2/analysis/analyzer/custom"  // "custom" analyzers of the mapping
	_ "github.com/blevesearch/bleve/v2/analysis/analyzer/keyword" // "keyword" analyzer named in the mapping
	_ "github.com/blevesearch/bleve/v2/analysis/token/lowercase"  // "to_lower"
	_ "github.com/blevesearch/bleve/v2/analysis/tokenizer/single" // "single"
	_ "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/registry"
)

// Names of the analysis components this package registers or defines in its mapping.
const (
	foldFilterName = "jawnosc_fold"     // token filter: Polish (and common Latin) diacritics → ASCII
	anStem         = "jawnosc_stem"     // lowercase, Polish stop words, pl stemmer, fold
	anFold         = "jawnosc_folded"   // lowercase, fold
	anTitle        = "jawnosc_title"    // like anStem, each term marked with titleMark
	anKeyLower     = "jawnosc_keylower" // whole value, lowercased (contract numbers)
	markFilterName = "jawnosc_titlemark"
	titleMark      = "^" // title terms live in the stemmed field as "^" + stem
	starMin        = 3   // shortest prefix typed with a star
	autoPrefixMin  = 4   // a typed word this long also matches as a prefix
)

func init() {
	if err := registry.RegisterTokenFilter(foldFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return foldFilter{}, nil
	}); err != nil {
		panic(fmt.Sprintf("search: register %s: %v", foldFilterName, err))
	}
	if err := registry.RegisterTokenFilter(markFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return markFilter{}, nil
	}); err != nil {
		panic(fmt.Sprintf("search: register %s: %v", markFilterName, err))
	}
}

// markFilter prefixes every term with titleMark, so title terms share the stemmed field
// with the rest of the text (one field fewer to build) and stay distinguishable.
type markFilter struct{}

// Filter marks every token.
func (markFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		t.Term = append([]byte(titleMark), t.Term...)
	}
	return input
}

// foldFilter replaces diacritic letters in each token's term by their ASCII base letter.
// It changes only Term, never Start/End, so highlights stay aligned with the original text.
type foldFilter struct{}

// Filter folds every token in place.
func (foldFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	for _, t := range input {
		if needsFold(t.Term) {
			t.Term = []byte(fold(string(t.Term)))
		}
	}
	return input
}

func needsFold(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

// foldMap maps lowercase and uppercase letters with diacritics to ASCII.
var foldMap = map[rune]string{
	'ą': "a", 'ć': "c", 'ę': "e", 'ł': "l", 'ń': "n", 'ó': "o", 'ś': "s", 'ź': "z", 'ż': "z",
	'Ą': "A", 'Ć': "C", 'Ę': "E", 'Ł': "L", 'Ń': "N", 'Ó': "O", 'Ś': "S", 'Ź': "Z", 'Ż': "Z",
	'á': "a", 'à': "a", 'â': "a", 'ä': "a", 'ã': "a", 'å': "a", 'č': "c", 'ç': "c", 'ď': "d",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e", 'ě': "e", 'í': "i", 'ì': "i", 'î': "i", 'ï': "i",
	'ľ': "l", 'ĺ': "l", 'ň': "n", 'ñ': "n", 'ô': "o", 'ö': "o", 'ò': "o", 'õ': "o", 'ő': "o",
	'ř': "r", 'š': "s", 'ß': "ss", 'ť': "t", 'ú': "u", 'ù': "u", 'û': "u", 'ü': "u", 'ů': "u",
	'ű': "u", 'ý': "y", 'ÿ': "y", 'ž': "z",
	'Á': "A", 'Ä': "A", 'Č': "C", 'Ď': "D", 'É': "E", 'Ě': "E", 'Í': "I", 'Ň': "N", 'Ö': "O",
	'Ř': "R", 'Š': "S", 'Ť': "T", 'Ú': "U", 'Ü': "U", 'Ý': "Y", 'Ž': "Z",
}

// fold returns s with diacritics replaced by ASCII letters (ł → l, ż → z, …).
func fold(s string) string {
	if !needsFold([]byte(s)) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if f, ok := foldMap[r]; ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// customAnalysis is the analysis part of the index mapping (stored in the index with it).
func customAnalysis() (filters, analyzers map[string]map[string]interface{}) {
	filters = map[string]map[string]interface{}{}
	analyzers = map[string]map[string]interface{}{
		anStem: {"type": "custom", "tokenizer": "unicode",
			"token_filters": []interface{}{"to_lower", foldFilterName, stemFilterName}},
		anFold: {"type": "custom", "tokenizer": "unicode",
			"token_filters": []interface{}{"to_lower", foldFilterName}},
		anTitle: {"type": "custom", "tokenizer": "unicode",
			"token_filters": []interface{}{"to_lower", foldFilterName, stemFilterName, markFilterName}},
		anKeyLower: {"type": "custom", "tokenizer": "single",
			"token_filters": []interface{}{"to_lower"}},
	}
	return filters, analyzers
}
