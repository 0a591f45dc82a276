package registry

import (
	"math"
	"testing"
)

func TestParseMoney(t *testing.T) {
	ok := []struct {
		in   string
		want Money
	}{
		{"129 999,99 zł", 12999999},
		{"129999,99", 12999999},
		{"129999.99", 12999999},
		{"129 999", 12999900},
		{"1 234 567,8", 123456780},
		{"1.234.567,89", 123456789},
		{"1.234.567", 123456700},
		{"1,234,567.89", 123456789},
		{"1\u00a0234,56", 123456},
		{"1\u202f234,56\u00a0zł", 123456},
		{"100 PLN", 10000},
		{"100pln", 10000},
		{"100 zl", 10000},
		{"100 ZŁ", 10000},
		{"  7,5  ", 750},
		{"-1 234,56 zł", -123456},
		{"\u22125,00", -500},
		{"0", 0},
		{"-0", 0},
		{"0,01", 1},
		{"007", 700},
		{"10000000000000", MaxMoney},
		{"10 000 000 000 000,00 zł", MaxMoney},
		{"-10000000000000", -MaxMoney},
	}
	for _, tc := range ok {
		got, err := ParseMoney(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("ParseMoney(%q) = %d, %v; want %d", tc.in, got, err, tc.want)
		}
	}
	bad := []struct {
		in, msg string
	}{
		{"", msgMoneyEmpty},
		{"   ", msgMoneyEmpty},
		{"zł", msgMoneyInvalid},
		{"-", msgMoneyInvalid},
		{"abc", msgMoneyInvalid},
		{"12a", msgMoneyInvalid},
		{"1e5", msgMoneyInvalid},
		{"+5", msgMoneyInvalid},
		{"5,", msgMoneyInvalid},
		{",5", msgMoneyInvalid},
		{"5 €", msgMoneyInvalid},
		{"1,234", msgMoneyDecimals},
		{"1.234", msgMoneyDecimals},
		{"0,001", msgMoneyDecimals},
		{"12 34", msgMoneyAmbiguous},
		{"1  234", msgMoneyAmbiguous},
		{"1 234.567,89", msgMoneyAmbiguous},
		{"1.23.456,00", msgMoneyAmbiguous},
		{"1,234,56", msgMoneyAmbiguous},
		{"1.234,56.7", msgMoneyAmbiguous},
		{"1,2.3,4", msgMoneyAmbiguous},
		{"10000000000000,01", msgMoneyTooLarge},
		{"99999999999999999999999", msgMoneyTooLarge},
		{"- 5", msgMoneyAmbiguous},
	}
	for _, tc := range bad {
		got, err := ParseMoney(tc.in)
		if err == nil {
			t.Errorf("ParseMoney(%q) = %d, want error", tc.in, got)
			continue
		}
		if ErrorCode(err) != EINVALID || ErrorMessage(err) != tc.msg {
			t.Errorf("ParseMoney(%q) error = %v; want EINVALID %q", tc.in, err, tc.msg)
		}
	}
}

func TestMoneyFormat(t *testing.T) {
	tests := []struct {
		m                       Money
		str, decimal, plainText string
	}{
		{0, "0,00 zł", "0,00", "0.00"},
		{5, "0,05 zł", "0,05", "0.05"},
		{123456, "1 234,56 zł", "1234,56", "1234.56"},
		{-123456, "-1 234,56 zł", "-1234,56", "-1234.56"},
		{12999999, "129 999,99 zł", "129999,99", "129999.99"},
		{100000000, "1 000 000,00 zł", "1000000,00", "1000000.00"},
		{MoneyFromZloty(130000), "130 000,00 zł", "130000,00", "130000.00"},
		{math.MinInt64, "-92 233 720 368 547 758,08 zł", "-92233720368547758,08", "-92233720368547758.08"},
	}
	for _, tc := range tests {
		if got := tc.m.String(); got != tc.str {
			t.Errorf("Money(%d).String() = %q, want %q", tc.m, got, tc.str)
		}
		if got := tc.m.Decimal(); got != tc.decimal {
			t.Errorf("Money(%d).Decimal() = %q, want %q", tc.m, got, tc.decimal)
		}
		if got := tc.m.Plain(); got != tc.plainText {
			t.Errorf("Money(%d).Plain() = %q, want %q", tc.m, got, tc.plainText)
		}
	}
}

// FuzzParseMoney checks that ParseMoney never panics, stays in range, and that each
// of the three formats of an accepted value parses back to the same value.
func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"129 999,99 zł", "129999.99", "1.234.567,89", "1,234.5", "-0,01", "1\u00a0234",
		"10000000000000", "1,234", "12 34", "", "zł", "-", "\u22121 PLN", "0,5", "9.999.999.999.999,99"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMoney(s)
		if err != nil {
			if ErrorCode(err) != EINVALID || ErrorMessage(err) == "" {
				t.Fatalf("ParseMoney(%q): error %v is not a Polish EINVALID", s, err)
			}
			return
		}
		if m > MaxMoney || m < -MaxMoney {
			t.Fatalf("ParseMoney(%q) = %d, out of range", s, m)
		}
		for _, out := range []string{m.String(), m.Decimal(), m.Plain()} {
			back, err := ParseMoney(out)
			if err != nil || back != m {
				t.Fatalf("ParseMoney(%q) = %d; formatted %q parses to %d, %v", s, m, out, back, err)
			}
		}
	})
}
