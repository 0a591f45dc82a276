package registry

import (
	"errors"
	"fmt"
	"unicode"
	"unicode/utf8"
)

// Polish messages shared by validators.
const (
	MsgFixFields   = "Popraw zaznaczone pola."
	msgRequired    = "To pole jest wymagane."
	msgBadUTF8     = "Tekst zawiera nieprawidłowe znaki (wymagane kodowanie UTF-8)."
	msgControl     = "Tekst zawiera niedozwolone znaki sterujące."
	msgOneLine     = "To pole musi mieścić się w jednym wierszu."
	msgUnknownCode = "Wybierz jedną z dostępnych wartości."
)

// Validator collects per-field Polish messages; the first message per field wins.
// Field names are those of the JSON API and CSV, nested with dots
// ("counterparty.nip", "redactions.0.ground"). The zero value is ready to use.
type Validator struct {
	fields map[string]string
}

// Add records msg for field unless the field already has a message.
func (v *Validator) Add(field, msg string) {
	if v.fields == nil {
		v.fields = make(map[string]string)
	}
	if _, ok := v.fields[field]; !ok {
		v.fields[field] = msg
	}
}

// Has reports whether field has a message.
func (v *Validator) Has(field string) bool {
	_, ok := v.fields[field]
	return ok
}

// Fields returns the collected messages (nil when there are none). Do not modify it.
func (v *Validator) Fields() map[string]string { return v.fields }

// Err returns nil when no message was added, otherwise an *Error with code
// EINVALID, the message "Popraw zaznaczone pola." and a copy of the messages.
func (v *Validator) Err() error {
	if len(v.fields) == 0 {
		return nil
	}
	fields := make(map[string]string, len(v.fields))
	for k, m := range v.fields {
		fields[k] = m
	}
	return &Error{Code: EINVALID, Message: MsgFixFields, Fields: fields}
}

// Check adds msg for field when ok is false and returns ok.
func (v *Validator) Check(ok bool, field, msg string) bool {
	if !ok {
		v.Add(field, msg)
	}
	return ok
}

// Merge adds the field messages of err (an *Error with Fields) under prefix
// ("counterparty" + "." + field); an *Error without fields is added as prefix's
// message. Other errors are ignored. It returns whether anything was added.
func (v *Validator) Merge(prefix string, err error) bool {
	var e *Error
	if err == nil || !errors.As(err, &e) {
		return false
	}
	if len(e.Fields) == 0 {
		v.Add(prefix, e.Message)
		return true
	}
	for f, m := range e.Fields {
		if prefix != "" {
			f = prefix + "." + f
		}
		v.Add(f, m)
	}
	return true
}

// Text checks a one-line text: required (non-empty), at most max runes (max ≤ 0:
// no limit), valid UTF-8, no control characters (not even tab or new line) and no
// bidirectional override characters. Trimming is the caller's job.
// It returns whether the value passed.
func (v *Validator) Text(field, value string, required bool, max int) bool {
	return v.text(field, value, required, max, false)
}

// LongText is Text for multi-line texts (descriptions, justifications): new lines
// and tabs are allowed, other control characters are not.
func (v *Validator) LongText(field, value string, required bool, max int) bool {
	return v.text(field, value, required, max, true)
}

func (v *Validator) text(field, value string, required bool, max int, multiline bool) bool {
	if value == "" {
		if required {
			v.Add(field, msgRequired)
			return false
		}
		return true
	}
	if !utf8.ValidString(value) {
		v.Add(field, msgBadUTF8)
		return false
	}
	for _, r := range value {
		if r == '\n' || r == '\t' {
			if !multiline {
				v.Add(field, msgOneLine)
				return false
			}
			continue
		}
		if unicode.IsControl(r) || isBidiControl(r) {
			v.Add(field, msgControl)
			return false
		}
	}
	if n := utf8.RuneCountInString(value); max > 0 && n > max {
		v.Add(field, fmt.Sprintf("Najwyżej %d %s (jest %d).", max, Plural(max, "znak", "znaki", "znaków"), n))
		return false
	}
	return true
}

// isBidiControl reports the explicit directional embedding, override and isolate
// characters, which can make displayed text differ from what is stored.
func isBidiControl(r rune) bool {
	return (r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}

// Plural picks the Polish form for n: 1 znak, 2–4 znaki (but 12–14 znaków), 5+ znaków
// (0 znaków); negative numbers take the form of their absolute value.
func Plural(n int, one, few, many string) string {
	if n < 0 {
		n = -n
	}
	if n == 1 {
		return one
	}
	if d, t := n%10, n%100; d >= 2 && d <= 4 && (t < 12 || t > 14) {
		return few
	}
	return many
}

// OneOf checks that value is the code of one of labels ("" passes unless required).
func (v *Validator) OneOf(field, value string, labels []Label, required bool) bool {
	if value == "" {
		if required {
			v.Add(field, msgRequired)
		}
		return !required
	}
	for _, l := range labels {
		if l.Code == value {
			return true
		}
	}
	v.Add(field, msgUnknownCode)
	return false
}

// Date checks that d is given (when required) and is a valid ISO date in range.
func (v *Validator) Date(field string, d Date, required bool) bool {
	if d == "" {
		if required {
			v.Add(field, msgRequired)
		}
		return !required
	}
	p, err := ParseDate(string(d))
	if err == nil && p != d {
		err = Errorf(EINVALID, msgDateInvalid) // Polish form or spaces: not normalized
	}
	if err != nil {
		v.Add(field, ErrorMessage(err))
		return false
	}
	return true
}

// Money checks that min ≤ m ≤ MaxMoney.
func (v *Validator) Money(field string, m Money, min Money) bool {
	if m < min {
		if min == 0 {
			v.Add(field, "Kwota nie może być ujemna.")
		} else {
			v.Add(field, "Kwota musi wynosić co najmniej "+min.String()+".")
		}
		return false
	}
	if m > MaxMoney {
		v.Add(field, msgMoneyTooLarge)
		return false
	}
	return true
}

// ID checks an identifier with norm (NormalizeNIP, NormalizeREGON, NormalizeKRS,
// NormalizeCPV) when it is given, and that it is already in normalized form.
func (v *Validator) ID(field, value string, norm func(string) (string, error)) bool {
	if value == "" {
		return true
	}
	n, err := norm(value)
	if err != nil {
		v.Add(field, ErrorMessage(err))
		return false
	}
	if n != value {
		v.Add(field, "Zapisz numer w postaci "+n+".")
		return false
	}
	return true
}
