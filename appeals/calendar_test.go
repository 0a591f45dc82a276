package appeals

import (
	"testing"

	"jawnosc/registry"
)

func TestEaster(t *testing.T) {
	want := map[int]registry.Date{
		2019: "2019-04-21", 2020: "2020-04-12", 2021: "2021-04-04", 2022: "2022-04-17", 2023: "2023-04-09",
		2024: "2024-03-31", 2025: "2025-04-20", 2026: "2026-04-05", 2027: "2027-03-28", 2028: "2028-04-16",
		2029: "2029-04-01", 2030: "2030-04-21", 2038: "2038-04-25", 2285: "2285-03-22",
	}
	for y, d := range want {
		if got := Easter(y); got != d {
			t.Errorf("Easter(%d) = %s, want %s", y, got, d)
		}
	}
}

func TestHolidays(t *testing.T) {
	tests := []struct {
		d    registry.Date
		want bool
	}{
		{"2026-01-01", true}, {"2026-01-06", true}, {"2026-04-05", true}, {"2026-04-06", true},
		{"2026-05-01", true}, {"2026-05-03", true}, {"2026-05-24", true}, {"2026-06-04", true},
		{"2026-08-15", true}, {"2026-11-01", true}, {"2026-11-11", true}, {"2026-12-24", true},
		{"2026-12-25", true}, {"2026-12-26", true}, {"2026-04-07", false}, {"2026-05-25", false},
		{"2024-12-24", false}, {"2025-12-24", true}, {"2025-06-19", true}, {"2024-05-30", true},
		{"2027-05-16", true}, {"2027-05-27", true}, {"2023-06-08", true}, {"2023-06-09", false},
		{"2026-05-02", false}, {"2026-12-27", false},
	}
	for _, tt := range tests {
		if got := Holiday(tt.d) != ""; got != tt.want {
			t.Errorf("Holiday(%s) = %q, want holiday %v", tt.d, Holiday(tt.d), tt.want)
		}
	}
}

func TestDeadline(t *testing.T) {
	tests := []struct {
		name  string
		event registry.Date
		n     int
		want  registry.Date
	}{
		{"working day stays", "2026-03-02", 14, "2026-03-16"},
		{"Saturday moves to Monday", "2026-03-07", 14, "2026-03-23"},
		{"Sunday moves to Monday", "2026-03-08", 14, "2026-03-23"},
		{"Easter Monday 2026 moves to Tuesday", "2026-03-23", 14, "2026-04-07"},
		{"Easter Sunday 2025 moves past Monday", "2025-04-06", 14, "2025-04-22"},
		{"1 and 3 May with the weekend 2026", "2026-04-17", 14, "2026-05-04"},
		{"Corpus Christi 2026 (Thursday)", "2026-05-21", 14, "2026-06-05"},
		{"Corpus Christi 2025", "2025-06-05", 14, "2025-06-20"},
		{"Pentecost Sunday 2027", "2027-05-02", 14, "2027-05-17"},
		{"24 December from 2025", "2025-12-10", 14, "2025-12-29"},
		{"24 December 2024 is a working day", "2024-12-10", 14, "2024-12-24"},
		{"Christmas 2026 then weekend", "2026-12-10", 14, "2026-12-28"},
		{"New Year 2027 (Friday)", "2026-12-18", 14, "2027-01-04"},
		{"Epiphany 2028 (Thursday)", "2027-12-23", 14, "2028-01-07"},
		{"15 August 2027 Sunday", "2027-08-01", 14, "2027-08-16"},
		{"All Saints 2026 Sunday, then Monday", "2026-10-18", 14, "2026-11-02"},
		{"Independence Day 2026 Wednesday", "2026-10-28", 14, "2026-11-12"},
		{"leap day", "2028-02-15", 14, "2028-02-29"},
		{"day 0 is the event's day", "2026-03-10", 0, "2026-03-10"},
		{"30 days for the court", "2026-03-02", 30, "2026-04-01"},
	}
	for _, tt := range tests {
		if got := Deadline(tt.event, tt.n); got != tt.want {
			t.Errorf("%s: Deadline(%s, %d) = %s, want %s", tt.name, tt.event, tt.n, got, tt.want)
		}
	}
}

func TestAddMonths(t *testing.T) {
	tests := []struct{ d, want registry.Date }{
		{"2026-01-15", "2026-03-15"}, {"2025-12-31", "2026-02-28"}, {"2027-12-31", "2028-02-29"},
		{"2026-11-30", "2027-01-30"}, {"2026-08-31", "2026-10-31"}, {"2026-07-31", "2026-09-30"},
	}
	for _, tt := range tests {
		if got := AddMonths(tt.d, 2); got != tt.want {
			t.Errorf("AddMonths(%s, 2) = %s, want %s", tt.d, got, tt.want)
		}
	}
}

func TestAnswerDue(t *testing.T) {
	tests := []struct {
		name      string
		submitted registry.Date
		delayed   registry.Date
		pauses    []Pause
		today     registry.Date
		want      registry.Date
	}{
		{"plain 14 days", "2026-03-02", "", nil, "2026-03-02", "2026-03-16"},
		{"delay within two months", "2026-03-02", "2026-04-20", nil, "2026-03-10", "2026-04-20"},
		{"delay capped at two months", "2026-03-02", "2026-06-30", nil, "2026-03-10", "2026-05-04"},
		{"delay cap on 31 Dec + 2 months", "2025-12-31", "2026-04-01", nil, "2026-01-02", "2026-03-02"},
		{"closed pause of 5 days", "2026-03-02", "", []Pause{{"2026-03-05", "2026-03-10"}}, "2026-03-12", "2026-03-23"},
		{"open pause counts to today", "2026-03-02", "", []Pause{{"2026-03-05", ""}}, "2026-03-09", "2026-03-20"},
		{"two pauses", "2026-03-02", "", []Pause{{"2026-03-03", "2026-03-04"}, {"2026-03-06", "2026-03-08"}}, "2026-03-09", "2026-03-19"},
		{"pause and delay", "2026-03-02", "2026-04-30", []Pause{{"2026-03-03", "2026-03-05"}}, "2026-03-09", "2026-05-04"},
		{"pause lands on Easter Monday", "2026-03-20", "", []Pause{{"2026-03-21", "2026-03-23"}}, "2026-03-24", "2026-04-07"},
	}
	for _, tt := range tests {
		if got := AnswerDue(tt.submitted, tt.delayed, tt.pauses, tt.today); got != tt.want {
			t.Errorf("%s: AnswerDue = %s, want %s", tt.name, got, tt.want)
		}
	}
}
