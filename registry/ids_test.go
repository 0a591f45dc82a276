package registry

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// Valid examples below were checked with an independent implementation of each
// algorithm. Note: NIP 6762467349 and REGON 350613430, sometimes quoted as
// examples, fail their checksums (weighted sums mod 11 give 3 and 8).
func TestNormalizeNIP(t *testing.T) {
	ok := []struct{ in, want string }{
		{"5260250995", "5260250995"},
		{"774-000-14-54", "7740001454"},
		{"526 104 08 28", "5261040828"},
		{"PL6761013717", "6761013717"},
		{"pl 675-000-22-36", "6750002236"},
		{" 1234563218 ", "1234563218"},
		{"526\u00a0025\u00a009\u00a095", "5260250995"},
	}
	for _, tc := range ok {
		got, err := NormalizeNIP(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("NormalizeNIP(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	bad := []struct{ in, msg string }{
		{"", msgNIPEmpty},
		{" - ", msgNIPEmpty},
		{"6762467349", msgNIPChecksum},
		{"5260250994", msgNIPChecksum},
		{"0000000000", msgNIPChecksum},
		{"1234567890", msgNIPChecksum}, // weighted sum mod 11 = 10: never issued
		{"526025099", msgNIPForm},
		{"52602509950", msgNIPForm},
		{"DE5260250995", msgNIPForm},
		{"52602509x5", msgNIPForm},
		{"526/025/09/95", msgNIPForm},
	}
	for _, tc := range bad {
		_, err := NormalizeNIP(tc.in)
		if ErrorCode(err) != EINVALID || ErrorMessage(err) != tc.msg {
			t.Errorf("NormalizeNIP(%q) error = %v; want %q", tc.in, err, tc.msg)
		}
	}
	if _, ok := NIPCheckDigit("123456789"); ok {
		t.Errorf("NIPCheckDigit(123456789) must have no check digit (sum mod 11 = 10)")
	}
	if c, ok := NIPCheckDigit("526025099"); !ok || c != 5 {
		t.Errorf("NIPCheckDigit(526025099) = %d, %v", c, ok)
	}
	if _, ok := NIPCheckDigit("12345678"); ok {
		t.Errorf("NIPCheckDigit accepts 8 digits")
	}
}

func TestNormalizeREGON(t *testing.T) {
	ok := []struct{ in, want string }{
		{"351554353", "351554353"},
		{"610188201", "610188201"},
		{"000331501", "000331501"},
		{"123-456-785", "123456785"},
		{"12345678512347", "12345678512347"},
		{"12345678 51234 7", "12345678512347"},
	}
	for _, tc := range ok {
		got, err := NormalizeREGON(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("NormalizeREGON(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	bad := []struct{ in, msg string }{
		{"", msgREGONEmpty},
		{"350613430", msgREGONCheck},
		{"351554354", msgREGONCheck},
		{"000000000", msgREGONCheck},
		{"12345678512348", msgREGONCheck},
		{"12345678612347", msgREGON14Base},
		{"12345678", msgREGONForm},
		{"1234567851", msgREGONForm},
		{"12345678a", msgREGONForm},
	}
	for _, tc := range bad {
		_, err := NormalizeREGON(tc.in)
		if ErrorCode(err) != EINVALID || ErrorMessage(err) != tc.msg {
			t.Errorf("NormalizeREGON(%q) error = %v; want %q", tc.in, err, tc.msg)
		}
	}
	if c, ok := REGONCheckDigit("35155435"); !ok || c != 3 {
		t.Errorf("REGONCheckDigit(35155435) = %d, %v", c, ok)
	}
	if _, ok := REGONCheckDigit("3515543"); ok {
		t.Errorf("REGONCheckDigit accepts 7 digits")
	}
}

func TestNormalizeKRS(t *testing.T) {
	ok := []struct{ in, want string }{
		{"0000012345", "0000012345"},
		{"12345", "0000012345"},
		{"KRS 0000028860", "0000028860"},
		{"1", "0000000001"},
		{"9999999999", "9999999999"},
	}
	for _, tc := range ok {
		got, err := NormalizeKRS(tc.in)
		if err != nil || got != tc.want {
			t.Errorf("NormalizeKRS(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	for _, in := range []string{"00000000000", "12345678901", "0", "0000000000", "12a45", "KRS"} {
		if _, err := NormalizeKRS(in); ErrorCode(err) != EINVALID || ErrorMessage(err) != msgKRSForm {
			t.Errorf("NormalizeKRS(%q) error = %v", in, err)
		}
	}
	if _, err := NormalizeKRS(" "); ErrorMessage(err) != msgKRSEmpty {
		t.Errorf("NormalizeKRS(blank) error = %v", err)
	}
}

func TestNormalizeCPV(t *testing.T) {
	// Real codes, including ones no simple checksum explains (09300000-2, 51000000-9).
	for _, in := range []string{"45233140-2", "45000000-7", "09300000-2", "51000000-9", "90511000-2", "72200000-7", "03111100-3", "98000000-3"} {
		if got, err := NormalizeCPV(in); err != nil || got != in {
			t.Errorf("NormalizeCPV(%q) = %q, %v", in, got, err)
		}
	}
	if got, err := NormalizeCPV(" 452331402 "); err != nil || got != "45233140-2" {
		t.Errorf("NormalizeCPV without dash = %q, %v", got, err)
	}
	bad := []struct{ in, msg string }{
		{"", msgCPVEmpty},
		{"45233140", msgCPVForm},
		{"45233140-", msgCPVForm},
		{"45233140-22", msgCPVForm},
		{"4523314-02", msgCPVForm},
		{"45233140/2", msgCPVForm},
		{"4523314a-2", msgCPVForm},
		{"99000000-1", msgCPVDivision},
		{"00000000-0", msgCPVDivision},
	}
	for _, tc := range bad {
		if _, err := NormalizeCPV(tc.in); ErrorCode(err) != EINVALID || ErrorMessage(err) != tc.msg {
			t.Errorf("NormalizeCPV(%q) error = %v; want %q", tc.in, err, tc.msg)
		}
	}
}

func TestValidCurrency(t *testing.T) {
	for _, c := range []string{"PLN", "EUR", "USD", "GBP", "CHF", "CZK", "SEK", "NOK", "DKK", "HUF", "UAH", "JPY", "CNY", "XCG", "ZWG", "SLE"} {
		if !ValidCurrency(c) {
			t.Errorf("ValidCurrency(%q) = false", c)
		}
	}
	for _, c := range []string{"", "pln", "PLZ", "HRK", "DEM", "XXX", "XTS", "EURO", "ZŁ"} {
		if ValidCurrency(c) {
			t.Errorf("ValidCurrency(%q) = true", c)
		}
	}
	if n := len(iso4217); n < 170 || n > 185 {
		t.Errorf("ISO 4217 list has %d codes; the active list has about 180", n)
	}
}

func TestRandomValidIDs(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	seen := map[string]bool{}
	for range 2000 {
		nip := RandomValidNIP(r)
		if got, err := NormalizeNIP(nip); err != nil || got != nip || nip[0] == '0' {
			t.Fatalf("RandomValidNIP gave %q: %v", nip, err)
		}
		regon := RandomValidREGON(r)
		if got, err := NormalizeREGON(regon); err != nil || got != regon {
			t.Fatalf("RandomValidREGON gave %q: %v", regon, err)
		}
		seen[nip] = true
	}
	if len(seen) < 1990 {
		t.Errorf("only %d distinct NIPs in 2000", len(seen))
	}
	// Deterministic: the same seed gives the same numbers (demo data depends on it).
	a, b := rand.New(rand.NewPCG(7, 7)), rand.New(rand.NewPCG(7, 7))
	if RandomValidNIP(a) != RandomValidNIP(b) || RandomValidREGON(a) != RandomValidREGON(b) {
		t.Errorf("RandomValid* not deterministic")
	}
}

// FuzzNormalizeNIP checks that an accepted NIP is 10 digits with a valid check
// digit and that normalizing it again is the identity.
func FuzzNormalizeNIP(f *testing.F) {
	for _, s := range []string{"5260250995", "PL 774-000-14-54", "6762467349", "", "PL", "0000000000", "123456789\u00a00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := NormalizeNIP(s)
		if err != nil {
			if ErrorCode(err) != EINVALID {
				t.Fatalf("NormalizeNIP(%q): %v", s, err)
			}
			return
		}
		c, ok := NIPCheckDigit(n[:9])
		if len(n) != 10 || !allDigits(n) || !ok || c != int(n[9]-'0') {
			t.Fatalf("NormalizeNIP(%q) = %q", s, n)
		}
		if again, err := NormalizeNIP(n); err != nil || again != n {
			t.Fatalf("NormalizeNIP not idempotent on %q", n)
		}
	})
}

// FuzzNormalizeREGON checks that an accepted REGON is 9 or 14 digits whose first
// nine form a valid REGON, and that normalizing it again is the identity.
func FuzzNormalizeREGON(f *testing.F) {
	for _, s := range []string{"351554353", "12345678512347", "350613430", "", "000000000", "123-456-785"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := NormalizeREGON(s)
		if err != nil {
			if ErrorCode(err) != EINVALID {
				t.Fatalf("NormalizeREGON(%q): %v", s, err)
			}
			return
		}
		if (len(n) != 9 && len(n) != 14) || !allDigits(n) {
			t.Fatalf("NormalizeREGON(%q) = %q", s, n)
		}
		if c, _ := REGONCheckDigit(n[:8]); c != int(n[8]-'0') {
			t.Fatalf("NormalizeREGON(%q) = %q with a wrong 9-digit check", s, n)
		}
		if again, err := NormalizeREGON(n); err != nil || again != n {
			t.Fatalf("NormalizeREGON not idempotent on %q", n)
		}
	})
}

// FuzzNormalizeKRS checks that an accepted KRS is 10 digits and stable.
func FuzzNormalizeKRS(f *testing.F) {
	for _, s := range []string{"12345", "KRS 0000028860", "0", "", "12345678901"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := NormalizeKRS(s)
		if err != nil {
			return
		}
		if len(n) != 10 || !allDigits(n) || strings.Trim(n, "0") == "" {
			t.Fatalf("NormalizeKRS(%q) = %q", s, n)
		}
		if again, err := NormalizeKRS(n); err != nil || again != n {
			t.Fatalf("NormalizeKRS not idempotent on %q", n)
		}
	})
}
