package appeals

import (
	"time"

	"jawnosc/registry"
)

// Warsaw is the time zone of every deadline.
var Warsaw = registry.Warsaw()

// DayOf returns the calendar day of t in Europe/Warsaw.
func DayOf(t time.Time) registry.Date { return registry.DateOf(t, Warsaw) }

// day builds a date from its parts (normalising overflowing days and months).
func day(y int, m time.Month, d int) registry.Date {
	return registry.Date(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Format("2006-01-02"))
}

// AddDays returns the date n calendar days after d (before when n < 0).
func AddDays(d registry.Date, n int) registry.Date {
	t := d.Time()
	if t.IsZero() {
		return ""
	}
	return registry.Date(t.AddDate(0, 0, n).Format("2006-01-02"))
}

// AddMonths returns the date n months after d; when the target month has no such day,
// the last day of that month (KPA art. 57 §3: 31 December + 2 months = 28/29 February).
func AddMonths(d registry.Date, n int) registry.Date {
	t := d.Time()
	if t.IsZero() {
		return ""
	}
	first := time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	dd := t.Day()
	if dd > last {
		dd = last
	}
	return day(first.Year(), first.Month(), dd)
}

// Easter returns Easter Sunday of year y in the Gregorian calendar (the anonymous
// Gregorian algorithm, Meeus/Jones/Butcher).
func Easter(y int) registry.Date {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	dd := (h+l-7*m+114)%31 + 1
	return day(y, time.Month(month), dd)
}

// Holiday returns the Polish name of the statutory public holiday on d (ustawa o dniach
// wolnych od pracy), or "" when d is not one. 24 December is a holiday from 2025 on.
func Holiday(d registry.Date) string {
	t := d.Time()
	if t.IsZero() {
		return ""
	}
	y, m, dd := t.Date()
	switch {
	case m == time.January && dd == 1:
		return "Nowy Rok"
	case m == time.January && dd == 6:
		return "Święto Trzech Króli"
	case m == time.May && dd == 1:
		return "Święto Pracy"
	case m == time.May && dd == 3:
		return "Święto Konstytucji 3 Maja"
	case m == time.August && dd == 15:
		return "Wniebowzięcie Najświętszej Maryi Panny"
	case m == time.November && dd == 1:
		return "Wszystkich Świętych"
	case m == time.November && dd == 11:
		return "Narodowe Święto Niepodległości"
	case m == time.December && dd == 24 && y >= 2025:
		return "Wigilia Bożego Narodzenia"
	case m == time.December && dd == 25:
		return "Boże Narodzenie (pierwszy dzień)"
	case m == time.December && dd == 26:
		return "Boże Narodzenie (drugi dzień)"
	}
	switch registry.DaysBetween(Easter(y), d) {
	case 0:
		return "Wielkanoc"
	case 1:
		return "Poniedziałek Wielkanocny"
	case 49:
		return "Zielone Świątki (Zesłanie Ducha Świętego)"
	case 60:
		return "Boże Ciało"
	}
	return ""
}

// IsWorkingDay reports whether d is neither a Saturday, a Sunday nor a public holiday.
func IsWorkingDay(d registry.Date) bool {
	t := d.Time()
	if t.IsZero() {
		return false
	}
	if wd := t.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	return Holiday(d) == ""
}

// NextWorkingDay returns d itself when it is a working day, otherwise the first working
// day after it (KPA art. 57 §4).
func NextWorkingDay(d registry.Date) registry.Date {
	if d.Time().IsZero() {
		return ""
	}
	for !IsWorkingDay(d) {
		d = AddDays(d, 1)
	}
	return d
}

// Deadline returns the last day of a term of n days that starts with an event on day
// event: day 0 is the event's day, so the term ends on event + n, moved past Saturdays,
// Sundays and public holidays to the next working day.
func Deadline(event registry.Date, n int) registry.Date {
	return NextWorkingDay(AddDays(event, n))
}

// Pause is a stretch of days during which a term does not run: from the day a
// clarification or fee notice is sent (From) to the day the resident answers (To).
// To == "" means the resident has not answered yet.
type Pause struct {
	From, To registry.Date
}

// pausedDays returns how many days the pauses took (an open pause counts up to today).
func pausedDays(pauses []Pause, today registry.Date) int {
	n := 0
	for _, p := range pauses {
		to := p.To
		if to == "" {
			to = today
		}
		if d := registry.DaysBetween(p.From, to); d > 0 {
			n += d
		}
	}
	return n
}

// AnswerDue returns the day by which a company must answer a request submitted on
// submitted (UDIP art. 13): 14 days, or the date named in the latest delay notice
// (delayedTo, "" when none) capped at two months from submission; either is moved later
// by the days the clock was paused, then to the next working day.
func AnswerDue(submitted, delayedTo registry.Date, pauses []Pause, today registry.Date) registry.Date {
	raw := AddDays(submitted, AnswerDays)
	if delayedTo != "" {
		raw = CapDelay(submitted, delayedTo)
	}
	return NextWorkingDay(AddDays(raw, pausedDays(pauses, today)))
}

// CapDelay returns the date a delay notice may set: the requested date, but at most two
// months from submission (UDIP art. 13 ust. 2).
func CapDelay(submitted, requested registry.Date) registry.Date {
	if limit := AddMonths(submitted, DelayMonths); requested > limit {
		return limit
	}
	return requested
}

// Terms of the procedure, in days unless named otherwise.
const (
	AnswerDays          = 14 // the company answers (UDIP art. 13 ust. 1)
	DelayMonths         = 2  // a delay may set at most this many months from submission (art. 13 ust. 2)
	ReconsiderAskDays   = 14 // the resident asks for reconsideration (KPA art. 127 §3 with art. 129 §2)
	ReconsiderDays      = 14 // the company decides it (UDIP art. 16 ust. 2 pkt 2)
	AppealAskDays       = 14 // the resident appeals to the mayor's office (the city's route)
	AppealDays          = 14 // the mayor's office decides
	CourtComplaintDays  = 30 // complaint to the administrative court (PPSA art. 53 §1)
	ReminderDaysBefore  = 3  // the daily job reminds companies this many days before a due date
	DefaultComplyInDays = 14 // the date to comply proposed to the mayor's office
)
