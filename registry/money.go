package registry

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxMoney is the largest amount accepted anywhere: 10^15 grosze (10 bilionów zł).
// It keeps sums of many amounts far from int64 overflow.
const MaxMoney Money = 1_000_000_000_000_000

// Polish messages of ParseMoney.
const (
	msgMoneyEmpty     = "Podaj kwotę."
	msgMoneyInvalid   = "Nieprawidłowa kwota. Wpisz ją np. jako 129 999,99 zł."
	msgMoneyDecimals  = "Kwota może mieć najwyżej 2 miejsca po przecinku."
	msgMoneyAmbiguous = "Niejednoznaczny zapis kwoty. Użyj przecinka jako separatora dziesiętnego, np. 1 234,56."
	msgMoneyTooLarge  = "Kwota jest zbyt duża (najwyżej 10 bilionów zł)."
)

// moneySuffixes are the currency marks ParseMoney strips, compared case-insensitively.
var moneySuffixes = []string{"zł", "pln", "zl"}

// isGroupSpace reports whether r may separate groups of thousands: a space,
// a non-breaking space, a narrow no-break space or a thin space.
func isGroupSpace(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009'
}

// ParseMoney parses an amount typed by a person or found in a spreadsheet into grosze.
// Accepted: "129 999,99 zł", "129999,99", "129999.99", "129 999", "1 234 567,8",
// "1.234.567,89" (dots group thousands when a comma decimal follows), "1,234.56",
// non-breaking or narrow spaces as group separators, an optional "zł"/"PLN"/"zl"
// suffix and an optional leading minus. A single separator is always the decimal
// one, so "1.234" is rejected (three decimal places) rather than guessed.
// Errors: EINVALID with a Polish message (empty, garbage, ambiguous grouping,
// more than 2 decimal places, |value| > MaxMoney).
func ParseMoney(s string) (Money, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return 0, Errorf(EINVALID, msgMoneyEmpty)
	}
	for _, suf := range moneySuffixes {
		if len(t) >= len(suf) && strings.EqualFold(t[len(t)-len(suf):], suf) {
			t = strings.TrimRightFunc(t[:len(t)-len(suf)], unicode.IsSpace)
			break
		}
	}
	neg := false
	if strings.HasPrefix(t, "-") {
		neg, t = true, t[1:]
	} else if strings.HasPrefix(t, "\u2212") { // the typographic minus sign
		neg, t = true, t[len("\u2212"):]
	}
	if t == "" {
		return 0, Errorf(EINVALID, msgMoneyInvalid)
	}
	intPart, frac, err := splitMoney(t)
	if err != nil {
		return 0, err
	}
	var v int64
	for i := 0; i < len(intPart); i++ {
		v = v*10 + int64(intPart[i]-'0')
		if v > int64(MaxMoney/100) {
			return 0, Errorf(EINVALID, msgMoneyTooLarge)
		}
	}
	v *= 100
	switch len(frac) {
	case 1:
		v += int64(frac[0]-'0') * 10
	case 2:
		v += int64(frac[0]-'0')*10 + int64(frac[1]-'0')
	}
	if v > int64(MaxMoney) {
		return 0, Errorf(EINVALID, msgMoneyTooLarge)
	}
	if neg {
		v = -v
	}
	return Money(v), nil
}

// splitMoney splits an unsigned amount into its integer digits (grouping removed)
// and its 0–2 fraction digits.
func splitMoney(t string) (intPart, frac string, err error) {
	var commas, dots, spaces int
	for _, r := range t {
		switch {
		case r == ',':
			commas++
		case r == '.':
			dots++
		case isGroupSpace(r):
			spaces++
		case r >= '0' && r <= '9':
		default:
			return "", "", Errorf(EINVALID, msgMoneyInvalid)
		}
	}
	// Decide which character (if any) is the decimal separator and which groups thousands.
	var dec, group rune
	switch {
	case commas > 0 && dots > 0:
		if strings.LastIndexByte(t, ',') > strings.LastIndexByte(t, '.') {
			dec, group = ',', '.'
		} else {
			dec, group = '.', ','
		}
		if (dec == ',' && commas > 1) || (dec == '.' && dots > 1) {
			return "", "", Errorf(EINVALID, msgMoneyAmbiguous)
		}
	case commas == 1:
		dec = ','
	case dots == 1:
		dec = '.'
	case commas > 1:
		group = ','
	case dots > 1:
		group = '.'
	}
	if spaces > 0 {
		if group != 0 {
			return "", "", Errorf(EINVALID, msgMoneyAmbiguous)
		}
		group = ' '
	}
	whole := t
	if dec != 0 {
		i := strings.LastIndexByte(t, byte(dec))
		whole, frac = t[:i], t[i+1:]
		if frac == "" || whole == "" {
			return "", "", Errorf(EINVALID, msgMoneyInvalid)
		}
		for _, r := range frac {
			if r < '0' || r > '9' {
				return "", "", Errorf(EINVALID, msgMoneyInvalid)
			}
		}
		if len(frac) > 2 {
			return "", "", Errorf(EINVALID, msgMoneyDecimals)
		}
	}
	if group == 0 {
		return whole, frac, nil
	}
	// Grouped: the first group has 1–3 digits, every other exactly 3.
	var groups []string
	if group == ' ' {
		groups = strings.FieldsFunc(whole, isGroupSpace)
		if n := strings.Count(whole, " ") + strings.Count(whole, "\u00a0") + strings.Count(whole, "\u202f") + strings.Count(whole, "\u2009"); n != len(groups)-1 {
			return "", "", Errorf(EINVALID, msgMoneyAmbiguous)
		}
	} else {
		groups = strings.Split(whole, string(group))
	}
	var b strings.Builder
	for i, g := range groups {
		n := utf8.RuneCountInString(g)
		if (i == 0 && (n < 1 || n > 3)) || (i > 0 && n != 3) {
			return "", "", Errorf(EINVALID, msgMoneyAmbiguous)
		}
		b.WriteString(g)
	}
	return b.String(), frac, nil
}

// MoneyFromZloty returns z whole złoty as Money.
func MoneyFromZloty(z int64) Money { return Money(z * 100) }

// String formats m the Polish way: "1 234,56 zł", "-1 234,56 zł" (ASCII spaces
// between groups of thousands, decimal comma, always two decimals).
// ParseMoney(m.String()) returns m.
func (m Money) String() string { return m.format(' ', ',') + " zł" }

// Decimal formats m for CSV files read in a Polish locale: "1234,56" (decimal
// comma, no grouping, "-1234,56" for negatives).
func (m Money) Decimal() string { return m.format(0, ',') }

// Plain formats m with a decimal point and no grouping: "1234.56".
func (m Money) Plain() string { return m.format(0, '.') }

// format renders m with the given group separator (0 for none) and decimal mark.
func (m Money) format(group, dec byte) string {
	u := uint64(m)
	neg := m < 0
	if neg {
		u = -u // two's complement: correct also for the smallest int64
	}
	digits := strconv.FormatUint(u/100, 10)
	var b []byte
	if neg {
		b = append(b, '-')
	}
	for i := 0; i < len(digits); i++ {
		if group != 0 && i > 0 && (len(digits)-i)%3 == 0 {
			b = append(b, group)
		}
		b = append(b, digits[i])
	}
	cents := u % 100
	b = append(b, dec, byte('0'+cents/10), byte('0'+cents%10))
	return string(b)
}
