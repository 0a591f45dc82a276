package search

import (
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// stemFilterName names the light Polish stemmer token filter. It runs on folded, lowercased
// tokens, so a word typed without diacritics stems like the original ("umowie", "umowy",
// "umową" → "umow"; "Łodzi" → "lodz"). bleve's own "pl" stemmer (stempel) cannot be used:
// its package imports github.com/blevesearch/stempel, a module this project does not have,
// and it does not handle words typed without diacritics. Rare misses are caught by the
// prefix sub-field.
const stemFilterName = "jawnosc_plstem"

func init() {
	if err := registry.RegisterTokenFilter(stemFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return stemFilter{}, nil
	}); err != nil {
		panic(fmt.Sprintf("search: register %s: %v", stemFilterName, err))
	}
}

// stemFilter drops Polish stop words and strips one inflectional suffix from each token.
type stemFilter struct{}

// Filter stems the tokens and removes stop words.
func (stemFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	out := input[:0]
	for _, t := range input {
		if _, stop := stopWords[string(t.Term)]; stop {
			continue
		}
		if s := stem(string(t.Term)); len(s) != len(t.Term) {
			t.Term = []byte(s)
		}
		out = append(out, t)
	}
	return out
}

// suffixes are folded inflectional endings, longest first; one is stripped when at least
// minStem bytes remain. "-ów" (folded "-ow", the genitive plural: "autobusów") is one of
// them; since it also ends stems ("Kraków", "budowa"), a stem left ending in "-ow" loses it
// too (stem), so "Krakowie", "Krakowa" and "Kraków" all stem to "krak". "-em" is left out
// on purpose: it ends common stems ("system", "problem").
var suffixes = []string{
	"aniach", "eniach", "aniami", "eniami",
	"aniem", "eniem", "iego", "iemu",
	"anie", "ania", "aniu", "enie", "enia", "eniu",
	"ego", "emu", "ymi", "imi", "ych", "ich", "iej", "owi", "ami", "ach",
	"om", "ow", "ie", "ej", "ym", "im",
	"a", "e", "i", "o", "u", "y",
}

const minStem = 3

// stem returns the light stem of a folded lowercase word.
func stem(w string) string {
	if len(w) <= minStem {
		return w
	}
	for _, s := range suffixes {
		if len(w)-len(s) >= minStem && strings.HasSuffix(w, s) {
			w = w[:len(w)-len(s)]
			break
		}
	}
	if len(w)-len("ow") >= minStem && strings.HasSuffix(w, "ow") {
		w = w[:len(w)-len("ow")]
	}
	return w
}

// stopWords are frequent Polish function words, folded; they are left out of the stemmed
// field only (phrases and the folded field keep them).
var stopWords = map[string]struct{}{}

func init() {
	for _, w := range strings.Fields(`a aby ale albo az bez bo by byc byl byla bylo czy dla do gdy go i ich
		ij im ja jak jako jej jest jego juz ku lub ma mu na nad nie niz o od oraz po pod przed przez
		przy sa sie ta tak tam te tego tej ten to tu ty u w we wraz z za ze zas`) {
		stopWords[w] = struct{}{}
	}
}
