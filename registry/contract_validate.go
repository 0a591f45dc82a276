package registry

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// Limits of contract fields (runes).
const (
	MaxContractNumber      = 100
	MaxContractSubject     = 500
	MaxContractDescription = 10_000
	MaxCounterpartyName    = 300
	MaxTown                = 100
	MaxJustification       = 2000
	MaxRedactions          = 20
)

// RedactableFields lists the fields of a contract that may be withheld, with their
// Polish labels. Codes are the JSON field names (Redaction.Field).
var RedactableFields = []Label{
	{"number", "numer umowy"},
	{"subject", "przedmiot umowy"},
	{"description", "opis"},
	{"counterparty.name", "nazwa kontrahenta"},
	{"counterparty.nip", "NIP kontrahenta"},
	{"counterparty.regon", "REGON kontrahenta"},
	{"counterparty.krs", "KRS kontrahenta"},
	{"counterparty.town", "miejscowość kontrahenta"},
	{"value_net", "wartość netto"},
	{"value_gross", "wartość brutto"},
	{"cpv", "kod CPV"},
	{"start_on", "data rozpoczęcia"},
	{"end_on", "data zakończenia"},
	{"attachments", "załączniki"},
}

// oneLine trims s and collapses every run of white space inside it to one space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// multiLine trims s and turns CRLF and lone CR into LF.
func multiLine(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.TrimSpace(strings.ReplaceAll(s, "\r", "\n"))
}

// normID replaces *s by its normalized form when norm accepts it (after trimming).
func normID(s *string, norm func(string) (string, error)) {
	*s = strings.TrimSpace(*s)
	if *s == "" {
		return
	}
	if n, err := norm(*s); err == nil {
		*s = n
	}
}

// normDate rewrites a date given in Polish form or with spaces in ISO form; an
// invalid date is left (trimmed) for Validate to report.
func normDate(d *Date) {
	t := strings.TrimSpace(string(*d))
	if p, err := ParseDate(t); err == nil {
		*d = p
	} else {
		*d = Date(t)
	}
}

// Normalize cleans what an officer or an import sent, before Validate: every string
// trimmed; white space collapsed in one-line fields; CRLF → LF in descriptions;
// currency and country upper-case with defaults "PLN" and "PL"; procurement mode
// and redaction codes lower-case; NIP, REGON, KRS and CPV in canonical form when
// valid (invalid ones stay for Validate to report); dates in ISO form.
func (d *ContractData) Normalize() {
	d.Number = oneLine(d.Number)
	d.Subject = oneLine(d.Subject)
	d.Description = multiLine(d.Description)
	c := &d.Counterparty
	c.Name = oneLine(c.Name)
	c.Town = oneLine(c.Town)
	c.Country = strings.ToUpper(strings.TrimSpace(c.Country))
	if c.Country == "" {
		c.Country = "PL"
	}
	normID(&c.NIP, NormalizeNIP)
	normID(&c.REGON, NormalizeREGON)
	normID(&c.KRS, NormalizeKRS)
	d.Currency = strings.ToUpper(strings.TrimSpace(d.Currency))
	if d.Currency == "" {
		d.Currency = "PLN"
	}
	d.ProcurementMode = strings.ToLower(strings.TrimSpace(d.ProcurementMode))
	normID(&d.CPV, NormalizeCPV)
	normDate(&d.SignedOn)
	normDate(&d.StartOn)
	normDate(&d.EndOn)
	for i := range d.Redactions {
		r := &d.Redactions[i]
		r.Field = strings.ToLower(strings.TrimSpace(r.Field))
		r.Ground = strings.ToLower(strings.TrimSpace(r.Ground))
		r.Justification = multiLine(r.Justification)
	}
}

// Validate checks a contract's content (call Normalize first) and returns nil or an
// *Error EINVALID whose Fields hold a Polish message per wrong field (JSON names,
// e.g. "counterparty.nip", "redactions.0.ground").
func (d *ContractData) Validate() error {
	var v Validator
	v.Text("number", d.Number, true, MaxContractNumber)
	v.Date("signed_on", d.SignedOn, true)
	v.Text("subject", d.Subject, true, MaxContractSubject)
	v.LongText("description", d.Description, false, MaxContractDescription)

	c := d.Counterparty
	v.Text("counterparty.name", c.Name, true, MaxCounterpartyName)
	if c.Person {
		const msg = "Dla osoby fizycznej podaje się tylko imię i nazwisko."
		v.Check(c.NIP == "", "counterparty.nip", msg)
		v.Check(c.REGON == "", "counterparty.regon", msg)
		v.Check(c.KRS == "", "counterparty.krs", msg)
		v.Check(c.Town == "", "counterparty.town", msg)
	}
	v.ID("counterparty.nip", c.NIP, NormalizeNIP)
	v.ID("counterparty.regon", c.REGON, NormalizeREGON)
	v.ID("counterparty.krs", c.KRS, NormalizeKRS)
	v.Check(isCountryCode(c.Country), "counterparty.country", "Podaj kod kraju z dwóch liter (ISO 3166), np. PL, DE.")
	v.Text("counterparty.town", c.Town, false, MaxTown)

	v.Money("value_net", d.ValueNet, 0)
	if v.Money("value_gross", d.ValueGross, 0) && !v.Has("value_net") {
		v.Check(d.ValueGross >= d.ValueNet, "value_gross", "Wartość brutto nie może być mniejsza niż netto.")
	}
	if d.Currency == "" {
		v.Add("currency", msgRequired)
	} else {
		v.Check(ValidCurrency(d.Currency), "currency", msgCurrencyCode)
	}
	v.OneOf("procurement_mode", d.ProcurementMode, ProcurementModes, true)
	v.ID("cpv", d.CPV, NormalizeCPV)
	okStart := v.Date("start_on", d.StartOn, false)
	if v.Date("end_on", d.EndOn, false) && okStart && d.StartOn != "" && d.EndOn != "" {
		v.Check(d.StartOn <= d.EndOn, "end_on", "Data zakończenia nie może być wcześniejsza niż data rozpoczęcia.")
	}

	if len(d.Redactions) > MaxRedactions {
		v.Add("redactions", "Najwyżej "+strconv.Itoa(MaxRedactions)+" utajnień.")
	}
	seen := make(map[string]bool)
	for i, r := range d.Redactions {
		p := "redactions." + strconv.Itoa(i) + "."
		if v.OneOf(p+"field", r.Field, RedactableFields, true) {
			v.Check(!seen[r.Field], p+"field", "To pole jest już utajnione.")
			seen[r.Field] = true
		}
		v.OneOf(p+"ground", r.Ground, RedactionGrounds, true)
		v.LongText(p+"justification", r.Justification, true, MaxJustification)
	}
	return v.Err()
}

// isCountryCode reports whether s is two upper-case ASCII letters.
func isCountryCode(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}

// slugRe is the form of a company slug: used in URLs (/spolki/{slug}).
var slugRe = regexp.MustCompile(`^[a-z0-9-]{2,60}$`)

// Normalize trims a company's fields, collapses white space in one-line fields and
// puts NIP, REGON and KRS in canonical form when valid. The slug is lower-cased.
func (c *Company) Normalize() {
	c.Slug = strings.ToLower(strings.TrimSpace(c.Slug))
	c.Name = oneLine(c.Name)
	c.ShortName = oneLine(c.ShortName)
	c.LegalForm = oneLine(c.LegalForm)
	c.Status = oneLine(c.Status)
	c.City = oneLine(c.City)
	c.Website = strings.TrimSpace(c.Website)
	normID(&c.NIP, NormalizeNIP)
	normID(&c.REGON, NormalizeREGON)
	normID(&c.KRS, NormalizeKRS)
}

// ValidateCompany normalizes c in place (Company.Normalize) and checks it: slug of
// 2–60 characters a–z, 0–9 and "-"; name required ≤ 300 and short name required
// ≤ 100 characters; NIP, REGON and KRS valid when given; website an http(s)
// address when given. Errors: EINVALID with Polish messages per field (JSON names).
func ValidateCompany(c *Company) error {
	c.Normalize()
	var v Validator
	if c.Slug == "" {
		v.Add("slug", msgRequired)
	} else {
		v.Check(slugRe.MatchString(c.Slug), "slug", "Identyfikator: od 2 do 60 znaków, tylko małe litery a–z, cyfry i myślnik.")
	}
	v.Text("name", c.Name, true, 300)
	v.Text("short_name", c.ShortName, true, 100)
	v.Text("legal_form", c.LegalForm, false, 100)
	v.Text("status", c.Status, false, 100)
	v.Text("city", c.City, false, 100)
	v.ID("nip", c.NIP, NormalizeNIP)
	v.ID("regon", c.REGON, NormalizeREGON)
	v.ID("krs", c.KRS, NormalizeKRS)
	if c.Website != "" && v.Text("website", c.Website, false, 300) {
		u, err := url.Parse(c.Website)
		v.Check(err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "", "website", "Podaj adres strony zaczynający się od https://.")
	}
	return v.Err()
}
