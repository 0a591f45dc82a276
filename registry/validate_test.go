package registry

import (
	"strings"
	"testing"
)

func TestValidator(t *testing.T) {
	var v Validator
	if v.Err() != nil || v.Has("x") {
		t.Fatal("zero Validator must have no errors")
	}
	v.Add("number", "pierwszy")
	v.Add("number", "drugi")
	if !v.Has("number") || v.Has("subject") {
		t.Fatal("Has wrong")
	}
	err := v.Err()
	if ErrorCode(err) != EINVALID || ErrorMessage(err) != "Popraw zaznaczone pola." {
		t.Fatalf("Err() = %v", err)
	}
	if f := ErrorFields(err); len(f) != 1 || f["number"] != "pierwszy" {
		t.Fatalf("first message must win: %v", f)
	}
	// Err returns a copy: later additions do not change an error already returned.
	v.Add("subject", "x")
	if len(ErrorFields(err)) != 1 {
		t.Fatal("Err must copy the fields")
	}
}

func TestValidatorText(t *testing.T) {
	tests := []struct {
		name      string
		value     string
		required  bool
		max       int
		multiline bool
		msg       string // "" = passes
	}{
		{"empty optional", "", false, 10, false, ""},
		{"empty required", "", true, 10, false, "To pole jest wymagane."},
		{"ok", "Zażółć gęślą jaźń", true, 17, false, ""},
		{"runes not bytes", "ąąąąą", true, 5, false, ""},
		{"too long", "abcdef", true, 5, false, "Najwyżej 5 znaków (jest 6)."},
		{"too long few", "abc", true, 2, false, "Najwyżej 2 znaki (jest 3)."},
		{"too long one", "ab", true, 1, false, "Najwyżej 1 znak (jest 2)."},
		{"too long 22", strings.Repeat("x", 23), true, 22, false, "Najwyżej 22 znaki (jest 23)."},
		{"too long 12", strings.Repeat("x", 13), true, 12, false, "Najwyżej 12 znaków (jest 13)."},
		{"newline in one-line", "a\nb", true, 10, false, "To pole musi mieścić się w jednym wierszu."},
		{"tab in one-line", "a\tb", true, 10, false, "To pole musi mieścić się w jednym wierszu."},
		{"newline in long text", "a\nb\tc", true, 10, true, ""},
		{"NUL", "a\x00b", true, 10, true, "Tekst zawiera niedozwolone znaki sterujące."},
		{"CR", "a\rb", true, 10, true, "Tekst zawiera niedozwolone znaki sterujące."},
		{"C1 control", "a\u0085b", true, 10, true, "Tekst zawiera niedozwolone znaki sterujące."},
		{"bidi override", "abc\u202edcba", true, 20, false, "Tekst zawiera niedozwolone znaki sterujące."},
		{"bad UTF-8", "a\xffb", true, 10, false, "Tekst zawiera nieprawidłowe znaki (wymagane kodowanie UTF-8)."},
	}
	for _, tc := range tests {
		var v Validator
		var ok bool
		if tc.multiline {
			ok = v.LongText("f", tc.value, tc.required, tc.max)
		} else {
			ok = v.Text("f", tc.value, tc.required, tc.max)
		}
		got := v.Fields()["f"]
		if got != tc.msg || ok != (tc.msg == "") {
			t.Errorf("%s: message %q, ok %v; want %q", tc.name, got, ok, tc.msg)
		}
	}
}

func TestValidatorHelpers(t *testing.T) {
	var v Validator
	v.OneOf("mode", "direct_award", ProcurementModes, true)
	v.OneOf("mode2", "", ProcurementModes, false)
	v.OneOf("mode3", "", ProcurementModes, true)
	v.OneOf("mode4", "auction", ProcurementModes, true)
	v.Date("d1", "2023-05-17", true)
	v.Date("d2", "", true)
	v.Date("d3", "17.05.2023", false)
	v.Date("d4", "2023-02-30", false)
	v.Money("m1", 0, 0)
	v.Money("m2", -1, 0)
	v.Money("m3", MaxMoney+1, 0)
	v.Money("m4", 500, 1000)
	v.ID("nip1", "", NormalizeNIP)
	v.ID("nip2", "5260250995", NormalizeNIP)
	v.ID("nip3", "526-025-09-95", NormalizeNIP)
	v.ID("nip4", "5260250994", NormalizeNIP)
	v.Merge("counterparty", &Error{Code: EINVALID, Fields: map[string]string{"nip": "zły"}})
	v.Merge("attachment", Errorf(EINVALID, "Za duży plik."))
	want := map[string]string{
		"mode3":            "To pole jest wymagane.",
		"mode4":            "Wybierz jedną z dostępnych wartości.",
		"d2":               "To pole jest wymagane.",
		"d3":               msgDateInvalid,
		"d4":               msgDateNoDay,
		"m2":               "Kwota nie może być ujemna.",
		"m3":               msgMoneyTooLarge,
		"m4":               "Kwota musi wynosić co najmniej 10,00 zł.",
		"nip3":             "Zapisz numer w postaci 5260250995.",
		"nip4":             msgNIPChecksum,
		"counterparty.nip": "zły",
		"attachment":       "Za duży plik.",
	}
	got := v.Fields()
	for k, m := range want {
		if got[k] != m {
			t.Errorf("%s: %q, want %q", k, got[k], m)
		}
	}
	if len(got) != len(want) {
		t.Errorf("unexpected fields: %v", got)
	}
}

func TestPlural(t *testing.T) {
	for n, want := range map[int]string{0: "znaków", 1: "znak", 2: "znaki", 4: "znaki", 5: "znaków", 12: "znaków",
		22: "znaki", 101: "znaków", 1001: "znaków", 1002: "znaki", -1: "znak", -3: "znaki"} {
		if got := Plural(n, "znak", "znaki", "znaków"); got != want {
			t.Errorf("Plural(%d) = %q, want %q", n, got, want)
		}
	}
}
