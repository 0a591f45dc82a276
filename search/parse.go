package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// clause is one word or phrase of a parsed query.
type clause struct {
	raw    string   // as typed, without quotes, minus sign or star
	tokens []string // lowercased, folded tokens
	phrase bool     // quoted, or one typed word that splits into several tokens ("12/2023")
	exact  bool     // a single quoted word: folded form only, no stem, no prefix
	prefix bool     // typed with a trailing star
}

// parsedQuery is the user's query text as clauses.
type parsedQuery struct {
	must []clause
	not  []clause
}

// empty reports whether the query has no positive clause (browse all, minus exclusions).
func (p *parsedQuery) empty() bool { return len(p.must) == 0 }

// Parse errors (EINVALID, Polish messages).
var (
	errTooLong    = invalid("q", "Zapytanie jest za długie: wpisz najwyżej 500 znaków.")
	errTooMany    = invalid("q", "Zapytanie ma za dużo słów: wpisz najwyżej 12 słów lub fraz.")
	errNoWords    = invalid("q", "Zapytanie nie zawiera słów do wyszukania. Wpisz słowo, numer umowy albo NIP.")
	errShortPrefx = invalid("q", "Przed gwiazdką wpisz co najmniej 3 litery, np. kana*.")
)

// parseQuery splits q into words, "phrases", -exclusions and prefix* words and analyses
// each with fold (the tokenizer and folding of the index). It never panics; errors are
// EINVALID.
func parseQuery(q string, fold analysis.Analyzer) (*parsedQuery, error) {
	q = strings.TrimSpace(strings.ToValidUTF8(q, " "))
	if utf8.RuneCountInString(q) > MaxQueryLen {
		return nil, errTooLong
	}
	p := &parsedQuery{}
	sawText := false // something other than whitespace and stars was typed
	rs := []rune(q)
	for i := 0; i < len(rs); {
		r := rs[i]
		if unicode.IsSpace(r) {
			i++
			continue
		}
		neg := false
		for i < len(rs) && (rs[i] == '-' || rs[i] == '+') {
			neg = neg || rs[i] == '-'
			i++
		}
		if i >= len(rs) {
			sawText = true
			break
		}
		var raw string
		quoted := false
		if rs[i] == '"' {
			quoted = true
			j := i + 1
			for j < len(rs) && rs[j] != '"' {
				j++
			}
			raw = string(rs[i+1 : j])
			i = j + 1 // past the closing quote; an unclosed quote runs to the end
		} else {
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) && rs[j] != '"' {
				j++
			}
			raw = string(rs[i:j])
			i = j
		}
		prefix := false
		if !quoted && strings.HasSuffix(raw, "*") {
			raw = strings.TrimRight(raw, "*")
			prefix = true
		}
		if strings.Trim(raw, "*") != "" {
			sawText = true
		}
		c := clause{raw: strings.TrimSpace(raw), prefix: prefix}
		for _, t := range fold.Analyze([]byte(raw)) {
			c.tokens = append(c.tokens, string(t.Term))
		}
		if len(c.tokens) == 0 {
			continue // only punctuation or stars
		}
		switch {
		case len(c.tokens) > 1:
			c.phrase, c.prefix = true, false
		case quoted:
			c.exact = true
		}
		if c.prefix && utf8.RuneCountInString(c.tokens[0]) < starMin {
			return nil, errShortPrefx
		}
		if len(c.tokens) > 2*MaxQueryTerms {
			return nil, errTooMany
		}
		if neg {
			p.not = append(p.not, c)
		} else {
			p.must = append(p.must, c)
		}
		if len(p.must)+len(p.not) > MaxQueryTerms {
			return nil, errTooMany
		}
	}
	if p.empty() && len(p.not) == 0 && sawText {
		return nil, errNoWords
	}
	return p, nil
}
