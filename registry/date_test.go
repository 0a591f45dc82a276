package registry

import (
	"encoding/json"
	"testing"
	"time"
	_ "time/tzdata" // Europe/Warsaw without the system database
)

func TestParseDate(t *testing.T) {
	ok := []struct {
		in   string
		want Date
	}{
		{"2023-05-17", "2023-05-17"},
		{"17.05.2023", "2023-05-17"},
		{"7.5.2023", "2023-05-07"},
		{"17.05.2023 r.", "2023-05-17"},
		{" 2024-02-29 ", "2024-02-29"},
		{"1990-01-01", "1990-01-01"},
		{"31.12.2100", "2100-12-31"},
		{"", ""},
		{"   ", ""},
	}
	for _, tc := range ok {
		got, err := ParseDate(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	bad := []struct{ in, msg string }{
		{"2023-5-17", msgDateInvalid},
		{"17/05/2023", msgDateInvalid},
		{"2023-05-17T00:00:00Z", msgDateInvalid},
		{"17.05.23", msgDateInvalid},
		{"+023-05-17", msgDateInvalid},
		{"2023-0a-17", msgDateInvalid},
		{"jutro", msgDateInvalid},
		{"2023-02-29", msgDateNoDay},
		{"31.04.2023", msgDateNoDay},
		{"2023-13-01", msgDateNoDay},
		{"2023-00-10", msgDateNoDay},
		{"00.01.2023", msgDateNoDay},
		{"1989-12-31", msgDateRange},
		{"2101-01-01", msgDateRange},
	}
	for _, tc := range bad {
		got, err := ParseDate(tc.in)
		if err == nil || ErrorCode(err) != EINVALID || ErrorMessage(err) != tc.msg {
			t.Errorf("ParseDate(%q) = %q, %v; want EINVALID %q", tc.in, got, err, tc.msg)
		}
	}
}

func TestDateMethods(t *testing.T) {
	d := Date("2023-05-17")
	if got := d.Time(); !got.Equal(time.Date(2023, 5, 17, 0, 0, 0, 0, time.UTC)) || got.Location() != time.UTC {
		t.Errorf("Time() = %v", got)
	}
	if d.Year() != 2023 || d.IsZero() || d.String() != "2023-05-17" || d.Polish() != "17.05.2023" {
		t.Errorf("Year/IsZero/String/Polish = %d %v %q %q", d.Year(), d.IsZero(), d.String(), d.Polish())
	}
	var z Date
	if !z.Time().IsZero() || z.Year() != 0 || !z.IsZero() || z.Polish() != "" {
		t.Errorf("zero date methods wrong")
	}
	if got := DaysBetween("2023-05-17", "2023-05-24"); got != 7 {
		t.Errorf("DaysBetween = %d, want 7", got)
	}
	if got := DaysBetween("2024-03-01", "2024-02-28"); got != -2 {
		t.Errorf("DaysBetween across leap day = %d, want -2", got)
	}
	if got := DaysBetween("2023-03-25", "2023-03-27"); got != 2 { // DST change in Poland: no effect
		t.Errorf("DaysBetween across DST = %d, want 2", got)
	}
	if DaysBetween("", "2023-01-01") != 0 || DaysBetween("2023-01-01", "zła") != 0 {
		t.Errorf("DaysBetween with a missing date must be 0")
	}
	warsaw, err := time.LoadLocation("Europe/Warsaw")
	if err != nil {
		t.Fatal(err)
	}
	late := time.Date(2023, 5, 16, 22, 30, 0, 0, time.UTC) // 00:30 on 17 May in Warsaw
	if got := DateOf(late, warsaw); got != "2023-05-17" {
		t.Errorf("DateOf(Warsaw) = %q", got)
	}
	if got := DateOf(late, nil); got != "2023-05-16" {
		t.Errorf("DateOf(nil) = %q", got)
	}
}

func TestDateJSON(t *testing.T) {
	type doc struct {
		A Date `json:"a"`
		B Date `json:"b"`
	}
	out, err := json.Marshal(doc{A: "2023-05-17"})
	if err != nil || string(out) != `{"a":"2023-05-17","b":null}` {
		t.Fatalf("Marshal = %s, %v", out, err)
	}
	var d doc
	if err := json.Unmarshal([]byte(`{"a":"17.05.2023","b":null}`), &d); err != nil || d.A != "2023-05-17" || d.B != "" {
		t.Fatalf("Unmarshal = %+v, %v", d, err)
	}
	if err := json.Unmarshal([]byte(`{"a":""}`), &d); err != nil || d.A != "" {
		t.Fatalf("Unmarshal empty = %+v, %v", d, err)
	}
	for _, in := range []string{`{"a":"2023-02-30"}`, `{"a":20230517}`, `{"a":"wczoraj"}`} {
		err := json.Unmarshal([]byte(in), &d)
		if ErrorCode(err) != EINVALID || ErrorMessage(err) == "" {
			t.Errorf("Unmarshal(%s) error = %v, want EINVALID", in, err)
		}
	}
}

// FuzzParseDate checks that ParseDate never panics, returns ISO dates in range, and
// that both the ISO and the Polish form of a result parse back to it.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2023-05-17", "17.05.2023", "1.1.1990", "29.02.2024 r.", "2023-02-29", "", "31.12.2100", "1.1.2101", "..", "9999-99-99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if ErrorCode(err) != EINVALID {
				t.Fatalf("ParseDate(%q): %v", s, err)
			}
			return
		}
		if d == "" {
			return
		}
		if d < MinDate || d > MaxDate || d.Time().IsZero() {
			t.Fatalf("ParseDate(%q) = %q", s, d)
		}
		for _, form := range []string{d.String(), d.Polish()} {
			if back, err := ParseDate(form); err != nil || back != d {
				t.Fatalf("ParseDate(%q) = %q; %q parses to %q, %v", s, d, form, back, err)
			}
		}
	})
}
