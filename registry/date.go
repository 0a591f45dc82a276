package registry

import (
	"encoding/json"
	"strings"
	"time"
)

// isoDate is the layout of Date.
const isoDate = "2006-01-02"

// Dates outside this range are rejected as typing errors.
const (
	MinDate Date = "1990-01-01"
	MaxDate Date = "2100-12-31"
)

// Polish messages of ParseDate.
const (
	msgDateInvalid = "Nieprawidłowa data. Wpisz ją jako RRRR-MM-DD lub DD.MM.RRRR."
	msgDateNoDay   = "Taki dzień nie istnieje."
	msgDateRange   = "Data musi mieścić się w latach 1990–2100."
)

// ParseDate parses an ISO date "2023-05-17" or a Polish one "17.05.2023" (day and
// month may have one digit; a trailing " r." is allowed) and checks that it is a
// real day between MinDate and MaxDate. Surrounding spaces are ignored.
// "" returns ("", nil): the date was not given.
// Errors: EINVALID with a Polish message.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	var y, m, d int
	var ok bool
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, ok = atoiDigits(s[0:4])
		if ok {
			m, ok = atoiDigits(s[5:7])
		}
		if ok {
			d, ok = atoiDigits(s[8:10])
		}
	} else {
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(s, "r."), "r"))
		parts := strings.Split(s, ".")
		ok = len(parts) == 3 && len(parts[0]) >= 1 && len(parts[0]) <= 2 &&
			len(parts[1]) >= 1 && len(parts[1]) <= 2 && len(parts[2]) == 4
		if ok {
			d, ok = atoiDigits(parts[0])
		}
		if ok {
			m, ok = atoiDigits(parts[1])
		}
		if ok {
			y, ok = atoiDigits(parts[2])
		}
	}
	if !ok {
		return "", Errorf(EINVALID, msgDateInvalid)
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if m < 1 || m > 12 || d < 1 || t.Day() != d || int(t.Month()) != m {
		return "", Errorf(EINVALID, msgDateNoDay)
	}
	date := Date(t.Format(isoDate))
	if date < MinDate || date > MaxDate {
		return "", Errorf(EINVALID, msgDateRange)
	}
	return date, nil
}

// atoiDigits parses a string of ASCII digits only (no sign, no spaces).
func atoiDigits(s string) (int, bool) {
	if s == "" {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// DateOf returns the calendar date of t in loc (nil: UTC), e.g. DateOf(now, warsaw).
func DateOf(t time.Time, loc *time.Location) Date {
	if loc == nil {
		loc = time.UTC
	}
	return Date(t.In(loc).Format(isoDate))
}

// Time returns the date at midnight UTC; the zero time for "" or a malformed date.
func (d Date) Time() time.Time {
	if d == "" {
		return time.Time{}
	}
	t, err := time.Parse(isoDate, string(d))
	if err != nil {
		return time.Time{}
	}
	return t
}

// Year returns the year of d, 0 when not given.
func (d Date) Year() int {
	t := d.Time()
	if t.IsZero() {
		return 0
	}
	return t.Year()
}

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return d == "" }

// String returns the ISO form "2023-05-17" ("" when not given).
func (d Date) String() string { return string(d) }

// Polish returns the Polish form "17.05.2023" ("" when not given or malformed).
func (d Date) Polish() string {
	t := d.Time()
	if t.IsZero() {
		return ""
	}
	return t.Format("02.01.2006")
}

// MarshalJSON renders "" as null and any other date as its ISO string.
func (d Date) MarshalJSON() ([]byte, error) {
	if d == "" {
		return []byte("null"), nil
	}
	return json.Marshal(string(d))
}

// UnmarshalJSON accepts null or "" (not given) and a date string that ParseDate
// accepts, stored in ISO form. Errors: EINVALID with a Polish message.
func (d *Date) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*d = ""
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return &Error{Code: EINVALID, Message: msgDateInvalid, Err: err}
	}
	v, err := ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// DaysBetween returns the number of calendar days from a to b (b − a; negative when
// b is earlier), 0 when either is not given or malformed.
func DaysBetween(a, b Date) int {
	ta, tb := a.Time(), b.Time()
	if ta.IsZero() || tb.IsZero() {
		return 0
	}
	return int(tb.Sub(ta).Hours() / 24)
}
