package appeals

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Redacted replaces the requester's identity in public texts.
const Redacted = "[dane wnioskodawcy]"

// Redactor removes a requester's name and e-mail, and their occurrences in texts, from
// what the public sees. Name parts match case- and diacritics-insensitively and in
// inflected forms (a word that starts with the part minus its last letter: "Kowalska"
// also hides "Kowalskiej"); the e-mail matches whole and by its local part. It prefers
// hiding a word too many to showing a name. Names and texts are compared in Unicode NFC
// with invisible format characters (soft hyphen, zero-width spaces) removed, so a name typed
// with combining accents ("C" + U+0301) or broken by a soft hyphen is hidden too.
type Redactor struct {
	patterns []*regexp.Regexp
}

// NewRedactor returns a redactor for a requester's name and e-mail (either may be "").
func NewRedactor(name, email string) *Redactor {
	r := &Redactor{}
	name, email = canonical(name), canonical(email)
	if email = strings.TrimSpace(email); email != "" {
		r.patterns = append(r.patterns, regexp.MustCompile(`(?i)`+regexp.QuoteMeta(email)))
		if at := strings.IndexByte(email, '@'); at >= 3 {
			r.patterns = append(r.patterns, regexp.MustCompile(`(?i)\b`+regexp.QuoteMeta(email[:at])+`\b`))
		}
	}
	if name = strings.TrimSpace(name); name != "" {
		r.patterns = append(r.patterns, regexp.MustCompile(`(?i)`+foldPattern(name)))
		for _, part := range strings.FieldsFunc(name, func(c rune) bool { return !unicode.IsLetter(c) }) {
			n := utf8.RuneCountInString(part)
			if n < 3 {
				continue
			}
			stem := part
			if n >= 4 {
				_, last := utf8.DecodeLastRuneInString(part)
				stem = part[:len(part)-last]
			}
			r.patterns = append(r.patterns, regexp.MustCompile(`(?i)(^|[^\pL])(`+foldPattern(stem)+`\pL{0,4})($|[^\pL])`))
		}
	}
	return r
}

// Text returns s with every occurrence of the requester's identity replaced by Redacted.
func (r *Redactor) Text(s string) string {
	if r == nil || s == "" {
		return s
	}
	s = canonical(s)
	for _, p := range r.patterns {
		if p.NumSubexp() == 3 {
			// keep the separators around the word; repeat for adjacent matches
			for i := 0; i < 2; i++ {
				s = p.ReplaceAllString(s, "${1}"+Redacted+"${3}")
			}
			continue
		}
		s = p.ReplaceAllString(s, Redacted)
	}
	return s
}

// invisible reports the characters Unicode says a renderer may ignore (its
// Default_Ignorable_Code_Point property: format characters such as the soft hyphen, zero-width
// spaces and joiners, bidirectional marks; the combining grapheme joiner; variation
// selectors): they split a word without showing, so a name written with one inside would
// escape the patterns.
func invisible(r rune) bool {
	return unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) ||
		unicode.Is(unicode.Variation_Selector, r)
}

// canonical returns s in NFC without invisible characters.
func canonical(s string) string {
	s = norm.NFC.String(s)
	if strings.IndexFunc(s, invisible) < 0 {
		return s
	}
	return norm.NFC.String(strings.Map(func(r rune) rune {
		if invisible(r) {
			return -1
		}
		return r
	}, s))
}

// folds maps a base Latin letter to the Polish letters that fold to it.
var folds = map[rune]string{
	'a': "aą", 'c': "cć", 'e': "eę", 'l': "lł", 'n': "nń", 'o': "oó", 's': "sś", 'z': "zźż",
}

// foldPattern returns a regular expression matching s with or without Polish diacritics.
func foldPattern(s string) string {
	var b strings.Builder
	for _, c := range norm.NFC.String(s) {
		base := unicode.ToLower(foldRune(c))
		if alts, ok := folds[base]; ok {
			b.WriteString("[" + alts + strings.ToUpper(alts) + "]")
			continue
		}
		if unicode.IsSpace(c) {
			b.WriteString(`\s+`)
			continue
		}
		b.WriteString(regexp.QuoteMeta(string(c)))
	}
	return b.String()
}

// foldRune maps a Polish letter to its base letter.
func foldRune(c rune) rune {
	switch unicode.ToLower(c) {
	case 'ą':
		return 'a'
	case 'ć':
		return 'c'
	case 'ę':
		return 'e'
	case 'ł':
		return 'l'
	case 'ń':
		return 'n'
	case 'ó':
		return 'o'
	case 'ś':
		return 's'
	case 'ź', 'ż':
		return 'z'
	}
	return c
}
