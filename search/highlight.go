package search

import (
	"html"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
)

// snippetLen is the approximate length of a snippet in bytes; the window starts a little
// before the first match.
const (
	snippetLen    = 240
	snippetBefore = 60
)

// highlighter marks the words of a text that the query matched — by folded form, stem or
// prefix — using the index's own tokenizer and folding, so offsets point into the
// original text ("lodz" marks "Łodzi").
type highlighter struct {
	fold     analysis.Analyzer
	folded   map[string]bool
	stems    map[string]bool
	prefixes []string
}

func newHighlighter(p *parsedQuery, fold analysis.Analyzer) *highlighter {
	h := &highlighter{fold: fold, folded: map[string]bool{}, stems: map[string]bool{}}
	for _, c := range p.must {
		switch {
		case c.phrase || c.exact:
			for _, t := range c.tokens {
				h.folded[t] = true
			}
		case c.prefix:
			h.prefixes = append(h.prefixes, c.tokens[0])
		default:
			t := c.tokens[0]
			h.folded[t] = true
			if _, stop := stopWords[t]; !stop {
				h.stems[stem(t)] = true
			}
			if utf8.RuneCountInString(t) >= autoPrefixMin {
				h.prefixes = append(h.prefixes, t)
			}
		}
	}
	return h
}

func (h *highlighter) matches(t string) bool {
	if h.folded[t] {
		return true
	}
	if _, stop := stopWords[t]; !stop && h.stems[stem(t)] {
		return true
	}
	for _, p := range h.prefixes {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// apply fills the hit's snippet (from the body and counterparty) and title parts.
func (h *highlighter) apply(hit *Hit, d *Doc) {
	text := d.Body
	if d.Counterparty != "" {
		if text != "" {
			text += " — "
		}
		text += d.Counterparty
	}
	hit.SnippetParts = h.parts(text, true)
	hit.Snippet = partsHTML(hit.SnippetParts)
	hit.TitleParts = h.parts(d.Title, false)
}

// parts cuts text into marked and unmarked runs; with window, only a snippet around the
// first match (or the beginning) is kept.
func (h *highlighter) parts(text string, window bool) []SnippetPart {
	if text == "" {
		return nil
	}
	type span struct{ start, end int }
	var marks []span
	for _, t := range h.fold.Analyze([]byte(text)) {
		if h.matches(string(t.Term)) {
			marks = append(marks, span{t.Start, t.End})
		}
	}
	from, to := 0, len(text)
	if window && len(text) > snippetLen {
		if len(marks) > 0 && marks[0].start > snippetBefore {
			from = wordStart(text, marks[0].start-snippetBefore)
		}
		to = wordEnd(text, min(len(text), from+snippetLen))
	}
	var out []SnippetPart
	if from > 0 {
		out = append(out, SnippetPart{Text: "…"})
	}
	pos := from
	for _, m := range marks {
		if m.start < pos || m.end > to {
			continue
		}
		if m.start > pos {
			out = append(out, SnippetPart{Text: text[pos:m.start]})
		}
		out = append(out, SnippetPart{Text: text[m.start:m.end], Mark: true})
		pos = m.end
	}
	if pos < to {
		out = append(out, SnippetPart{Text: text[pos:to]})
	}
	if to < len(text) {
		out = append(out, SnippetPart{Text: "…"})
	}
	return mergeParts(out)
}

// mergeParts joins neighbouring unmarked parts.
func mergeParts(ps []SnippetPart) []SnippetPart {
	out := ps[:0]
	for _, p := range ps {
		if n := len(out); n > 0 && !p.Mark && !out[n-1].Mark {
			out[n-1].Text += p.Text
			continue
		}
		out = append(out, p)
	}
	return out
}

// partsHTML renders parts as escaped HTML with <mark> around matches.
func partsHTML(ps []SnippetPart) string {
	var b strings.Builder
	for _, p := range ps {
		if p.Mark {
			b.WriteString("<mark>")
			b.WriteString(html.EscapeString(p.Text))
			b.WriteString("</mark>")
		} else {
			b.WriteString(html.EscapeString(p.Text))
		}
	}
	return b.String()
}

// wordStart moves i back to the start of a word (after a space) and onto a rune boundary.
func wordStart(s string, i int) int {
	if i <= 0 {
		return 0
	}
	for j := i; j > 0 && i-j < 20; j-- {
		if s[j-1] == ' ' {
			return j
		}
	}
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return i
}

// wordEnd moves i forward to the end of a word and onto a rune boundary.
func wordEnd(s string, i int) int {
	if i >= len(s) {
		return len(s)
	}
	for j := i; j < len(s) && j-i < 20; j++ {
		if s[j] == ' ' {
			return j
		}
	}
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return i
}
