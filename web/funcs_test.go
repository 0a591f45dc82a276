package web

import (
	"net/url"
	"testing"

	"jawnosc/registry"
)

func TestPolishPlural(t *testing.T) {
	for n, want := range map[int]string{
		0: "0 umów", 1: "1 umowa", 2: "2 umowy", 4: "4 umowy", 5: "5 umów", 11: "11 umów", 12: "12 umów",
		14: "14 umów", 21: "21 umów", 22: "22 umowy", 104: "104 umowy", 112: "112 umów", 1234: "1 234 umowy",
		1001: "1 001 umów", 1_000_000: "1 000 000 umów",
	} {
		if got, err := pluralN(n, "umowa", "umowy", "umów"); err != nil || got != want {
			t.Errorf("%d: %q, %v", n, got, err)
		}
	}
	if _, err := pluralN("x", "a", "b", "c"); err == nil {
		t.Error("a string is not a number")
	}
}

func TestFormatters(t *testing.T) {
	if got, _ := money(registry.Money(123456789)); got != "1 234 567,89 zł" {
		t.Errorf("money %q", got)
	}
	if got, _ := money(int64(-5)); got != "-0,05 zł" {
		t.Errorf("money %q", got)
	}
	if got := moneyIn(registry.Money(100_00), "EUR"); got != "100,00 EUR" {
		t.Errorf("moneyIn %q", got)
	}
	if got := datePL(registry.Date("2023-05-17")); got != "17.05.2023" {
		t.Errorf("date %q", got)
	}
	if got := datePL(""); got != "—" {
		t.Errorf("empty date %q", got)
	}
	for d, want := range map[string]string{"2023-05-17": "17 maja 2023", "2024-09-01": "1 września 2024", "2026-12-31": "31 grudnia 2026"} {
		if got := dateLong(d); got != want {
			t.Errorf("dateLong(%s) = %q", d, got)
		}
	}
	if got, _ := formatInt(-1234567); got != "-1 234 567" {
		t.Errorf("formatInt %q", got)
	}
	if got := registry.LabelOf(registry.ProcurementModes, registry.ModeDirectAward); got != "zamówienie z wolnej ręki" {
		t.Errorf("mode %q", got)
	}
}

func TestPager(t *testing.T) {
	q := url.Values{"q": {"kanał"}, "page": {"7"}}
	p := newPager("/szukaj", q, 7, 20, 1000)
	if p.Pages != 50 || p.From != 121 || p.To != 140 || p.Beyond {
		t.Fatalf("%+v", p)
	}
	if p.Prev != "/szukaj?page=6&q=kana%C5%82" || p.Next != "/szukaj?page=8&q=kana%C5%82" {
		t.Errorf("prev %q next %q", p.Prev, p.Next)
	}
	var nums []int
	gaps := 0
	for _, l := range p.Links {
		if l.Gap {
			gaps++
			continue
		}
		nums = append(nums, l.Num)
		if l.Current != (l.Num == 7) {
			t.Errorf("link %d current %v", l.Num, l.Current)
		}
	}
	if want := []int{1, 5, 6, 7, 8, 9, 50}; len(nums) != len(want) || gaps != 2 {
		t.Errorf("links %v, gaps %d", nums, gaps)
	}
	if first := newPager("/umowy", url.Values{}, 2, 20, 25).Prev; first != "/umowy" {
		t.Errorf("page 1 link %q", first)
	}
	beyond := newPager("/umowy", url.Values{}, 9, 20, 25)
	if !beyond.Beyond || beyond.Next != "" || beyond.Prev != "/umowy?page=2" || beyond.From != 0 {
		t.Errorf("beyond %+v", beyond)
	}
	if one := newPager("/umowy", url.Values{}, 1, 20, 0); one.Links != nil || one.Beyond {
		t.Errorf("empty %+v", one)
	}
}
