package registry

import (
	"math/rand/v2"
	"strings"
)

// Polish messages of the identifier checks.
const (
	msgNIPEmpty     = "Podaj NIP."
	msgNIPForm      = "NIP musi mieć 10 cyfr (spacje, myślniki i prefiks PL są dozwolone)."
	msgNIPChecksum  = "Nieprawidłowy NIP: błędna cyfra kontrolna."
	msgREGONEmpty   = "Podaj REGON."
	msgREGONForm    = "REGON musi mieć 9 lub 14 cyfr."
	msgREGONCheck   = "Nieprawidłowy REGON: błędna cyfra kontrolna."
	msgREGON14Base  = "Nieprawidłowy REGON: pierwsze 9 cyfr nie jest poprawnym numerem REGON."
	msgKRSEmpty     = "Podaj numer KRS."
	msgKRSForm      = "Numer KRS to od 1 do 10 cyfr."
	msgCPVEmpty     = "Podaj kod CPV."
	msgCPVForm      = "Kod CPV ma postać 8 cyfr, myślnik i cyfra kontrolna, np. 45233140-2."
	msgCPVDivision  = "Nieznany dział CPV (pierwsze dwie cyfry kodu)."
	msgCurrencyCode = "Nieznany kod waluty. Podaj kod ISO 4217, np. PLN, EUR."
)

var (
	nipWeights     = [9]int{6, 5, 7, 2, 3, 4, 5, 6, 7}
	regon9Weights  = [8]int{8, 9, 2, 3, 4, 5, 6, 7}
	regon14Weights = [13]int{2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8}
)

// stripID removes spaces (any kind) and dashes from an identifier as typed.
func stripID(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' || isGroupSpace(r) || r == '\t' {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
}

// allDigits reports whether s is non-empty and only ASCII digits.
func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// weightedSum returns Σ digits[i]·weights[i] for the first len(weights) digits.
func weightedSum(digits string, weights []int) int {
	sum := 0
	for i, w := range weights {
		sum += int(digits[i]-'0') * w
	}
	return sum
}

// NIPCheckDigit returns the check digit of a NIP whose first 9 digits are first9,
// and false when first9 is not 9 digits or no check digit exists (the weighted sum
// mod 11 is 10: such numbers are never issued).
func NIPCheckDigit(first9 string) (int, bool) {
	if len(first9) != 9 || !allDigits(first9) {
		return 0, false
	}
	c := weightedSum(first9, nipWeights[:]) % 11
	if c == 10 {
		return 0, false
	}
	return c, true
}

// NormalizeNIP checks a Polish tax identification number and returns its 10 digits.
// Spaces, dashes and a "PL" prefix (VAT-EU form) are removed first. The check digit
// is the sum of the first nine digits weighted 6,5,7,2,3,4,5,6,7, mod 11.
// Errors: EINVALID with a Polish message.
func NormalizeNIP(s string) (string, error) {
	d := stripID(s)
	if d == "" {
		return "", Errorf(EINVALID, msgNIPEmpty)
	}
	if len(d) >= 2 && strings.EqualFold(d[:2], "PL") {
		d = d[2:]
	}
	if len(d) != 10 || !allDigits(d) {
		return "", Errorf(EINVALID, msgNIPForm)
	}
	c, ok := NIPCheckDigit(d[:9])
	if !ok || c != int(d[9]-'0') || d == "0000000000" {
		return "", Errorf(EINVALID, msgNIPChecksum)
	}
	return d, nil
}

// RandomValidNIP returns a NIP with a correct check digit, for demo data and tests.
// The first digit is never 0 (tax office codes start at 1).
func RandomValidNIP(r *rand.Rand) string {
	for {
		b := make([]byte, 9, 10)
		b[0] = byte('1' + r.IntN(9))
		for i := 1; i < 9; i++ {
			b[i] = byte('0' + r.IntN(10))
		}
		if c, ok := NIPCheckDigit(string(b)); ok {
			return string(append(b, byte('0'+c)))
		}
	}
}

// REGONCheckDigit returns the check digit of a 9-digit REGON whose first 8 digits
// are first8 (weights 8,9,2,3,4,5,6,7, mod 11, 10 becomes 0); false when first8
// is not 8 digits.
func REGONCheckDigit(first8 string) (int, bool) {
	if len(first8) != 8 || !allDigits(first8) {
		return 0, false
	}
	return weightedSum(first8, regon9Weights[:]) % 11 % 10, true
}

// regon14CheckDigit returns the check digit of a 14-digit REGON from its first 13
// digits (weights 2,4,8,5,0,9,7,3,6,1,2,4,8, mod 11, 10 becomes 0).
func regon14CheckDigit(first13 string) int {
	return weightedSum(first13, regon14Weights[:]) % 11 % 10
}

// NormalizeREGON checks a REGON (statistical number) of 9 digits (an entity) or 14
// digits (a local unit: a valid 9-digit REGON followed by 5 digits, the last a check
// digit) and returns its digits. Spaces and dashes are removed first.
// Errors: EINVALID with a Polish message.
func NormalizeREGON(s string) (string, error) {
	d := stripID(s)
	if d == "" {
		return "", Errorf(EINVALID, msgREGONEmpty)
	}
	if (len(d) != 9 && len(d) != 14) || !allDigits(d) {
		return "", Errorf(EINVALID, msgREGONForm)
	}
	if strings.Trim(d, "0") == "" {
		return "", Errorf(EINVALID, msgREGONCheck)
	}
	c, _ := REGONCheckDigit(d[:8])
	if c != int(d[8]-'0') {
		if len(d) == 14 {
			return "", Errorf(EINVALID, msgREGON14Base)
		}
		return "", Errorf(EINVALID, msgREGONCheck)
	}
	if len(d) == 14 && regon14CheckDigit(d[:13]) != int(d[13]-'0') {
		return "", Errorf(EINVALID, msgREGONCheck)
	}
	return d, nil
}

// RandomValidREGON returns a 9-digit REGON with a correct check digit, for demo data
// and tests.
func RandomValidREGON(r *rand.Rand) string {
	b := make([]byte, 8, 9)
	b[0] = byte('1' + r.IntN(9))
	for i := 1; i < 8; i++ {
		b[i] = byte('0' + r.IntN(10))
	}
	c, _ := REGONCheckDigit(string(b))
	return string(append(b, byte('0'+c)))
}

// NormalizeKRS checks a National Court Register number and returns it zero-padded
// to 10 digits ("12345" → "0000012345"). Spaces, dashes and a "KRS" prefix are
// removed first. KRS numbers carry no checksum (they are assigned sequentially),
// so only the form is checked: 1–10 digits, not all zeros.
// Errors: EINVALID with a Polish message.
func NormalizeKRS(s string) (string, error) {
	d := stripID(s)
	if d == "" {
		return "", Errorf(EINVALID, msgKRSEmpty)
	}
	if len(d) >= 3 && strings.EqualFold(d[:3], "KRS") {
		d = d[3:]
	}
	if len(d) < 1 || len(d) > 10 || !allDigits(d) || strings.Trim(d, "0") == "" {
		return "", Errorf(EINVALID, msgKRSForm)
	}
	return strings.Repeat("0", 10-len(d)) + d, nil
}

// cpvDivisions are the 45 divisions (first two digits) of CPV 2008
// (Commission Regulation (EC) No 213/2008).
var cpvDivisions = map[string]bool{
	"03": true, "09": true, "14": true, "15": true, "16": true, "18": true, "19": true,
	"22": true, "24": true, "30": true, "31": true, "32": true, "33": true, "34": true,
	"35": true, "37": true, "38": true, "39": true, "41": true, "42": true, "43": true,
	"44": true, "45": true, "48": true, "50": true, "51": true, "55": true, "60": true,
	"63": true, "64": true, "65": true, "66": true, "70": true, "71": true, "72": true,
	"73": true, "75": true, "76": true, "77": true, "79": true, "80": true, "85": true,
	"90": true, "92": true, "98": true,
}

// NormalizeCPV checks a Common Procurement Vocabulary code and returns it as
// "45233140-2". Spaces are removed and the dash may be omitted ("452331402").
//
// Only the form is checked: 8 digits, a dash, one check digit, and a known CPV 2008
// division in the first two digits. The check digit itself is NOT verified: no
// published algorithm reproduces the digits of the official list (a weighted sum
// 3,7,1,… mod 10 fits most codes but not e.g. 09300000-2, 09310000-5 or 51000000-9),
// so checking it would reject real codes.
// Errors: EINVALID with a Polish message.
func NormalizeCPV(s string) (string, error) {
	d := strings.Map(func(r rune) rune {
		if r == ' ' || isGroupSpace(r) {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
	if d == "" {
		return "", Errorf(EINVALID, msgCPVEmpty)
	}
	if len(d) == 9 && allDigits(d) {
		d = d[:8] + "-" + d[8:]
	}
	if len(d) != 10 || d[8] != '-' || !allDigits(d[:8]) || !allDigits(d[9:]) {
		return "", Errorf(EINVALID, msgCPVForm)
	}
	if !cpvDivisions[d[:2]] {
		return "", Errorf(EINVALID, msgCPVDivision)
	}
	return d, nil
}

// iso4217 lists the active ISO 4217 currency codes (List One, as of 2025), including
// fund codes and precious metals, but not XTS (testing) or XXX (no currency).
// BGN is kept: contracts signed before Bulgaria's 2026 euro changeover use it.
var iso4217 = map[string]bool{}

func init() {
	for _, c := range strings.Fields(`
AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL
BSD BTN BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF
DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG
HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK
LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN
NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR
SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY
TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VED VES VND VUV WST XAF XAG XAU XBA
XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XUA YER ZAR ZMW ZWG`) {
		iso4217[c] = true
	}
}

// ValidCurrency reports whether code is an active ISO 4217 currency code (exact,
// upper-case, e.g. "PLN", "EUR").
func ValidCurrency(code string) bool { return iso4217[code] }
