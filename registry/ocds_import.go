package registry

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"
)

// MaxOCDSImportBytes bounds an OCDS file given to ParseOCDSReleasePackage.
const MaxOCDSImportBytes = 64 << 20

// OCDSImport is what a release package yields for the contract register.
type OCDSImport struct {
	Contracts []ContractData
	Sources   []string // "ocid / contract id" of each contract, for messages
	// Notes lists, in Polish, everything in the package that has no place in the register
	// (or was changed to fit it), so nothing is dropped silently.
	Notes []string
}

// ParseOCDSReleasePackage reads an OCDS 1.1 release package: it compiles the releases of
// each ocid (the OCDS merge routine) and maps every contract of the compiled release, with
// its award's supplier and value and the tender's procurement method, to the contract
// register. Each contract is normalized and validated as a CSV row is. All or nothing: any
// invalid contract makes it return an *Error EINVALID whose Fields, keyed
// "{ocid} / {contract id}: {field}", say what is wrong; nothing is returned to import.
// Errors: ETOOLARGE above MaxOCDSImportBytes; EINVALID for malformed JSON, a package
// without releases, or invalid contracts.
func ParseOCDSReleasePackage(r io.Reader) (*OCDSImport, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxOCDSImportBytes+1))
	if err != nil {
		return nil, Internal(err)
	}
	if len(raw) > MaxOCDSImportBytes {
		return nil, Errorf(ETOOLARGE, "Plik OCDS jest za duży (najwyżej %d MiB).", MaxOCDSImportBytes>>20)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var pkg map[string]any
	if err := dec.Decode(&pkg); err != nil {
		return nil, Errorf(EINVALID, "To nie jest poprawny plik JSON: %v", err)
	}
	if _, ok := pkg["records"]; ok {
		return nil, Errorf(EINVALID, "To pakiet rekordów OCDS (record package); import przyjmuje pakiet wydań (release package).")
	}
	rels, ok := pkg["releases"].([]any)
	if !ok || len(rels) == 0 {
		return nil, Errorf(EINVALID, "Plik nie jest pakietem wydań OCDS: brak tablicy „releases”.")
	}
	byOCID := map[string][]map[string]any{}
	var order []string
	for i, x := range rels {
		m, ok := x.(map[string]any)
		ocid, _ := m["ocid"].(string)
		if !ok || ocid == "" {
			return nil, Errorf(EINVALID, "Wydanie nr %d nie ma identyfikatora „ocid”.", i+1)
		}
		if _, seen := byOCID[ocid]; !seen {
			order = append(order, ocid)
		}
		byOCID[ocid] = append(byOCID[ocid], m)
	}
	out := &OCDSImport{}
	bad := &Error{Code: EINVALID, Fields: map[string]string{}}
	for _, ocid := range order {
		rel := compileReleases(byOCID[ocid])
		m := &ocdsMapper{ocid: ocid, rel: rel, used: map[string]bool{}}
		m.mapRelease(out, bad)
		out.Notes = append(out.Notes, m.notes...)
		out.Notes = append(out.Notes, m.unused()...)
	}
	if len(bad.Fields) > 0 {
		bad.Message = fmt.Sprintf("Import OCDS odrzucony, nie zapisano żadnej umowy. Błędów: %d.", len(bad.Fields))
		return nil, bad
	}
	if len(out.Contracts) == 0 {
		return nil, Errorf(EINVALID, "W pakiecie nie ma żadnej umowy (contracts) do zaimportowania.")
	}
	return out, nil
}

// ocdsMapper maps one compiled release, remembering which paths it used.
type ocdsMapper struct {
	ocid  string
	rel   map[string]any
	used  map[string]bool // JSON paths ("contracts/0/title") read by the mapping
	notes []string
}

// note records something that was changed or left out.
func (m *ocdsMapper) note(format string, args ...any) {
	m.notes = append(m.notes, m.ocid+": "+fmt.Sprintf(format, args...))
}

// get returns the value at a path of the compiled release and marks it used.
func (m *ocdsMapper) get(path ...string) any {
	v := lookup(m.rel, path)
	if v != nil {
		m.used[strings.Join(path, "/")] = true
	}
	return v
}

// lookup returns the value at path (object keys and array indexes) in v, or nil.
func lookup(v any, path []string) any {
	for _, p := range path {
		switch c := v.(type) {
		case map[string]any:
			v = c[p]
		case []any:
			i, err := strconv.Atoi(p)
			if err != nil || i < 0 || i >= len(c) {
				return nil
			}
			v = c[i]
		default:
			return nil
		}
	}
	return v
}

// str returns the string (or number, as written) at a path.
func (m *ocdsMapper) str(path ...string) string {
	switch v := m.get(path...).(type) {
	case string:
		return v
	case json.Number:
		return v.String()
	}
	return ""
}

// indexByID returns the index in the array at path of the object whose id is id, or -1.
func (m *ocdsMapper) indexByID(id any, path ...string) int {
	arr, _ := m.rel[path[0]].([]any)
	for i, x := range arr {
		if o, ok := x.(map[string]any); ok && fmt.Sprint(o["id"]) == fmt.Sprint(id) {
			return i
		}
	}
	return -1
}

// ocdsModes maps OCDS procurement methods to our modes (closest; the exact mode is taken
// from procurementMethodDetails when it names one of ours, as our export writes it).
var ocdsModes = map[string]string{
	"open": ModeOpenTender, "selective": ModeRestrictedTender, "limited": ModeNegotiated, "direct": ModeDirectAward,
}

// mapRelease maps every contract of the compiled release.
func (m *ocdsMapper) mapRelease(out *OCDSImport, bad *Error) {
	for _, k := range []string{"ocid", "id", "date", "tag", "initiationType", "language"} {
		m.get(k)
	}
	if buyer := m.str("buyer", "name"); buyer != "" {
		m.get("buyer", "id")
		m.note("zamawiający „%s” — umowy trafiają do spółki podanej w --company", buyer)
		if bi := m.indexByID(m.rel["buyer"].(map[string]any)["id"], "parties"); bi >= 0 {
			m.get("parties", strconv.Itoa(bi))
		}
	}
	contracts, _ := m.rel["contracts"].([]any)
	if len(contracts) == 0 {
		m.note("brak umów (contracts) — proces pominięty")
		return
	}
	for i := range contracts {
		d, src := m.mapContract(strconv.Itoa(i))
		d.Normalize()
		if err := d.Validate(); err != nil {
			for f, msg := range ErrorFields(err) {
				bad.Fields[src+": "+f] = msg
			}
			continue
		}
		out.Contracts = append(out.Contracts, d)
		out.Sources = append(out.Sources, src)
	}
}

// mapContract maps contracts[i] with its award, supplier and the tender.
func (m *ocdsMapper) mapContract(i string) (ContractData, string) {
	c := func(p ...string) []string { return append([]string{"contracts", i}, p...) }
	var d ContractData
	d.Number = m.str(c("contractNumber")...) // ours; else the contract's id
	if d.Number == "" {
		d.Number = m.str(c("id")...)
	} else {
		m.get(c("id")...)
	}
	src := m.ocid + " / " + d.Number
	if s := m.str(c("dateSigned")...); s != "" {
		d.SignedOn = ocdsDate(s)
	}
	d.Subject = m.str(c("title")...)
	d.Description = m.str(c("description")...)
	if d.Subject == "" {
		d.Subject = m.str("tender", "title")
	}
	d.StartOn, d.EndOn = ocdsDate(m.str(c("period", "startDate")...)), ocdsDate(m.str(c("period", "endDate")...))
	m.get(c("status")...)

	award := -1
	if id := m.get(c("awardID")...); id != nil {
		award = m.indexByID(id, "awards")
	}
	a := func(p ...string) []string { return append([]string{"awards", strconv.Itoa(award)}, p...) }
	if award >= 0 {
		m.get(a("id")...)
		m.get(a("status")...)
		if d.Subject == "" {
			d.Subject = m.str(a("title")...)
		}
		m.mapSupplier(&d, a)
	} else {
		m.note("umowa %s: brak zamówienia (award) z wykonawcą — brak kontrahenta", d.Number)
	}

	value := c("value")
	if m.get(value...) == nil && award >= 0 {
		value = a("value")
	}
	if amount := m.str(append(value, "amount")...); amount != "" {
		if v, err := ParseMoney(amount); err == nil {
			d.ValueNet, d.ValueGross = v, v
			m.note("umowa %s: OCDS 1.1 podaje jedną kwotę — przyjęto ją jako wartość netto i brutto (brutto do sprawdzenia)", d.Number)
		} else {
			m.note("umowa %s: kwota %q nieczytelna", d.Number, amount)
		}
	}
	d.Currency = m.str(append(value, "currency")...)
	if award >= 0 && !samePath(value, a("value")) && m.rel["awards"] != nil {
		m.get(a("value")...) // the award's value repeats the contract's
	}

	d.ProcurementMode = m.mode(d.Number)
	d.CPV = m.cpv(d.Number, c("items"))
	if n := len(asArray(m.rel, "contracts", i, "amendments")); n > 0 {
		m.get(c("amendments")...)
		m.note("umowa %s: %d zmian(y) (amendments) — zaimportowano stan po zmianach, bez osobnych wersji", d.Number, n)
	}
	return d, src
}

// mapSupplier fills the counterparty from the award's first supplier and its party.
func (m *ocdsMapper) mapSupplier(d *ContractData, a func(...string) []string) {
	sups := asArray(m.rel, a("suppliers")...)
	if len(sups) == 0 {
		return
	}
	if len(sups) > 1 {
		m.note("umowa %s: %d wykonawców — rejestr ma jednego kontrahenta, przyjęto pierwszego", d.Number, len(sups))
	}
	m.get(a("suppliers", "0", "id")...)
	d.Counterparty.Name = m.str(a("suppliers", "0", "name")...)
	pi := m.indexByID(m.get(a("suppliers", "0", "id")...), "parties")
	if pi < 0 {
		return
	}
	p := func(x ...string) []string { return append([]string{"parties", strconv.Itoa(pi)}, x...) }
	m.get(p("id")...)
	m.get(p("roles")...)
	if n := m.str(p("identifier", "legalName")...); n != "" {
		d.Counterparty.Name = n
	} else if n := m.str(p("name")...); n != "" {
		d.Counterparty.Name = n
	}
	m.get(p("name")...)
	ids := [][]string{p("identifier")}
	for j := range asArray(m.rel, p("additionalIdentifiers")...) {
		ids = append(ids, p("additionalIdentifiers", strconv.Itoa(j)))
	}
	for _, path := range ids {
		scheme, id := m.str(append(path, "scheme")...), m.str(append(path, "id")...)
		if id == "" {
			continue
		}
		m.get(append(path, "legalName")...)
		switch scheme {
		case "PL-NIP":
			d.Counterparty.NIP = id
		case "PL-REGON":
			d.Counterparty.REGON = id
		case "PL-KRS":
			d.Counterparty.KRS = id
		default:
			m.note("umowa %s: identyfikator wykonawcy %s %s nie ma odpowiednika (rejestr zna NIP, REGON, KRS) — pominięto", d.Number, scheme, id)
		}
	}
	d.Counterparty.Town = m.str(p("address", "locality")...)
	if name := m.str(p("address", "countryName")...); name != "" {
		if code, ok := countryCode(name); ok {
			d.Counterparty.Country = code
		} else {
			d.Counterparty.Country = name // Validate names the field
		}
	} else {
		m.note("umowa %s: brak kraju wykonawcy — przyjęto PL", d.Number)
	}
}

// mode maps the tender's procurement method.
func (m *ocdsMapper) mode(number string) string {
	details := m.str("tender", "procurementMethodDetails")
	if i := strings.LastIndexByte(details, '('); i >= 0 && strings.HasSuffix(details, ")") {
		if code := details[i+1 : len(details)-1]; LabelOf(ProcurementModes, code) != code {
			m.get("tender", "procurementMethod")
			return code
		}
	}
	method := m.str("tender", "procurementMethod")
	if mode, ok := ocdsModes[method]; ok {
		if details != "" {
			m.note("umowa %s: tryb %q (%s) przyjęto jako %q", number, method, details, LabelOf(ProcurementModes, mode))
		}
		return mode
	}
	m.note("umowa %s: brak trybu zamówienia (tender.procurementMethod)", number)
	return ""
}

// cpv returns the first valid CPV code among the items' classifications.
func (m *ocdsMapper) cpv(number string, items []string) string {
	for j := range asArray(m.rel, items...) {
		it := append(items, strconv.Itoa(j))
		cands := [][]string{append(it, "classification")}
		for k := range asArray(m.rel, append(it, "additionalClassifications")...) {
			cands = append(cands, append(it, "additionalClassifications", strconv.Itoa(k)))
		}
		for _, cl := range cands {
			if strings.ToUpper(m.str(append(cl, "scheme")...)) != "CPV" {
				continue
			}
			id := m.str(append(cl, "id")...)
			if code, err := NormalizeCPV(id); err == nil {
				m.get(append(cl, "description")...)
				return code
			}
			m.note("umowa %s: kod CPV %q jest nieprawidłowy — pominięto", number, id)
		}
	}
	return ""
}

// unused lists, as notes, the parts of the compiled release that the mapping did not read:
// whole subtrees where nothing inside was read, else their unread children.
func (m *ocdsMapper) unused() []string {
	var out []string
	var walk func(path string, v any)
	walk = func(path string, v any) {
		if m.used[path] {
			return
		}
		prefix := path + "/"
		if path == "" {
			prefix = ""
		}
		inside := false
		for p := range m.used {
			if strings.HasPrefix(p, prefix) {
				inside = true
				break
			}
		}
		if !inside {
			out = append(out, m.ocid+": "+path+" — nie ma odpowiednika w rejestrze, pominięto")
			return
		}
		switch c := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(c))
			for k := range c {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				walk(prefix+k, c[k])
			}
		case []any:
			for i, x := range c {
				walk(prefix+strconv.Itoa(i), x)
			}
		}
	}
	walk("", m.rel)
	return out
}

// asArray returns the array at path in v, or nil.
func asArray(v any, path ...string) []any {
	a, _ := lookup(v, path).([]any)
	return a
}

func samePath(a, b []string) bool { return strings.Join(a, "/") == strings.Join(b, "/") }

// ocdsDate turns an OCDS date-time into a calendar date ("" when empty);
// an unreadable value is kept for Validate to report.
func ocdsDate(s string) Date {
	if s == "" {
		return ""
	}
	// The calendar date as the publisher wrote it: converting "2011-06-30T23:59:00Z" to
	// Warsaw time would move an end date to the next day.
	if _, err := time.Parse(time.RFC3339, s); err == nil {
		return Date(s[:10])
	}
	return Date(s)
}

// countryNames maps country names (English and Polish) to ISO 3166 alpha-2 codes.
var countryNames = map[string]string{
	"poland": "PL", "polska": "PL", "germany": "DE", "niemcy": "DE", "czech republic": "CZ", "czechia": "CZ", "czechy": "CZ",
	"slovakia": "SK", "słowacja": "SK", "ukraine": "UA", "ukraina": "UA", "united kingdom": "GB", "wielka brytania": "GB",
	"france": "FR", "francja": "FR", "italy": "IT", "włochy": "IT", "spain": "ES", "hiszpania": "ES", "netherlands": "NL",
	"holandia": "NL", "niderlandy": "NL", "belgium": "BE", "belgia": "BE", "austria": "AT", "sweden": "SE", "szwecja": "SE",
	"denmark": "DK", "dania": "DK", "finland": "FI", "finlandia": "FI", "norway": "NO", "norwegia": "NO", "lithuania": "LT",
	"litwa": "LT", "latvia": "LV", "łotwa": "LV", "estonia": "EE", "hungary": "HU", "węgry": "HU", "romania": "RO",
	"rumunia": "RO", "bulgaria": "BG", "bułgaria": "BG", "croatia": "HR", "chorwacja": "HR", "slovenia": "SI", "słowenia": "SI",
	"ireland": "IE", "irlandia": "IE", "portugal": "PT", "portugalia": "PT", "greece": "GR", "grecja": "GR",
	"luxembourg": "LU", "luksemburg": "LU", "switzerland": "CH", "szwajcaria": "CH", "united states": "US",
	"stany zjednoczone": "US", "usa": "US",
}

// countryCode maps a country name or an alpha-2 code to the code.
func countryCode(name string) (string, bool) {
	n := strings.TrimSpace(name)
	if isCountryCode(strings.ToUpper(n)) && len(n) == 2 {
		return strings.ToUpper(n), true
	}
	code, ok := countryNames[strings.ToLower(n)]
	return code, ok
}
