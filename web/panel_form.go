package web

import (
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// formField describes one field of the contract form: its name (as in the JSON API and in the
// domain's error Fields), its Polish label and the longest value the input accepts.
type formField struct {
	Name, Label string
	Max         int
}

// contractFields are the fields of the contract form in the order they are shown, which is
// also the order of the error summary.
var contractFields = []formField{
	{"company", "Spółka", 0},
	{"number", "Numer umowy", registry.MaxContractNumber},
	{"signed_on", "Data zawarcia", 10},
	{"subject", "Przedmiot umowy", registry.MaxContractSubject},
	{"description", "Opis", registry.MaxContractDescription},
	{"counterparty.name", "Nazwa kontrahenta albo imię i nazwisko", registry.MaxCounterpartyName},
	{"counterparty.natural_person", "Kontrahent jest osobą fizyczną", 0},
	{"counterparty.nip", "NIP", 20},
	{"counterparty.regon", "REGON", 20},
	{"counterparty.krs", "KRS", 14},
	{"counterparty.country", "Kraj", 2},
	{"counterparty.town", "Miejscowość", registry.MaxTown},
	{"value_net", "Wartość netto", 40},
	{"value_gross", "Wartość brutto", 40},
	{"currency", "Waluta", 3},
	{"procurement_mode", "Tryb udzielenia zamówienia", 0},
	{"cpv", "Kod CPV", 16},
	{"start_on", "Początek obowiązywania", 10},
	{"end_on", "Koniec obowiązywania", 10},
	{"eu_funded", "Umowa finansowana ze środków Unii Europejskiej", 0},
	{"redactions", "Wyłączenia jawności", 0},
	{"annex_date", "Data aneksu", 10},
	{"reason", "Powód zmiany", 2000},
}

// uploadFields are the fields of the attachment form.
var uploadFields = []formField{
	{"title", "Nazwa załącznika", registry.MaxAttachmentTitle},
	{"file", "Plik PDF", 0},
	{"redacted", "Kopia z wyłączeniami jawności (PDF, nieobowiązkowa)", 0},
}

// fieldByName returns the description of a form field (a redaction row's fields included).
func fieldByName(name string) formField {
	for _, list := range [][]formField{contractFields, uploadFields} {
		for _, f := range list {
			if f.Name == name {
				return f
			}
		}
	}
	if rest, ok := strings.CutPrefix(name, "redactions."); ok {
		if i, sub, ok := strings.Cut(rest, "."); ok {
			n, _ := strconv.Atoi(i)
			labels := map[string]string{"field": "pole", "ground": "podstawa prawna", "justification": "uzasadnienie"}
			return formField{Name: name, Label: "Wyłączenie " + strconv.Itoa(n+1) + ": " + labels[sub], Max: registry.MaxJustification}
		}
	}
	return formField{Name: name, Label: name}
}

// fieldID is the HTML id of a form field: "f-" and the name with dots as dashes
// ("counterparty.nip" → "f-counterparty-nip").
func fieldID(name string) string { return "f-" + strings.ReplaceAll(name, ".", "-") }

// formError is one line of the error summary: a link to the field and its message.
type formError struct {
	ID, Label, Message string
}

// entryForm is a form as typed: the raw values (so nothing typed is lost on an error) and
// the Polish message per field.
type entryForm struct {
	Values map[string]string
	Errors map[string]string
}

// newEntryForm returns an empty form.
func newEntryForm() entryForm {
	return entryForm{Values: map[string]string{}, Errors: map[string]string{}}
}

// Summary lists the errors in the order of the fields on the page.
func (f entryForm) Summary() []formError {
	var out []formError
	seen := map[string]bool{}
	add := func(name string) {
		if msg, ok := f.Errors[name]; ok && !seen[name] {
			seen[name] = true
			out = append(out, formError{ID: fieldID(name), Label: fieldByName(name).Label, Message: msg})
		}
	}
	for _, fd := range contractFields {
		add(fd.Name)
		if fd.Name == "redactions" {
			for i := 0; i < registry.MaxRedactions; i++ {
				for _, sub := range []string{"field", "ground", "justification"} {
					add("redactions." + strconv.Itoa(i) + "." + sub)
				}
			}
		}
	}
	for _, fd := range uploadFields {
		add(fd.Name)
	}
	for name := range f.Errors { // anything the page does not know goes last
		add(name)
	}
	return out
}

// addErr records the field messages of a domain error (EINVALID with Fields) and reports
// whether it had any.
func (f entryForm) addErr(err error) bool {
	fields := registry.ErrorFields(err)
	if registry.ErrorCode(err) != registry.EINVALID || len(fields) == 0 {
		return false
	}
	for k, v := range fields {
		if _, ok := f.Errors[k]; !ok {
			f.Errors[k] = v
		}
	}
	return true
}

// redactionRow is one row of the redactions table of the form.
type redactionRow struct {
	Index                        int
	Field, Ground, Justification string
}

// contractInput is the contract form as sent: the raw values, the redaction rows and what the
// officer asked for (save as draft, publish, add a redaction row).
type contractInput struct {
	Form       entryForm
	Redactions []redactionRow
	Action     string
}

// readContractForm reads the contract fields of a posted form. Rows of the redactions table
// left wholly empty are dropped; "add_redaction" asks for one more empty row.
func readContractForm(c *fiber.Ctx) contractInput {
	in := contractInput{Form: newEntryForm(), Action: strings.TrimSpace(c.FormValue("action"))}
	for _, fd := range contractFields {
		if fd.Name != "redactions" {
			in.Form.Values[fd.Name] = c.FormValue(fd.Name)
		}
	}
	rows, _ := strconv.Atoi(c.FormValue("redaction_rows"))
	rows = min(max(rows, 1), registry.MaxRedactions)
	for i := 0; i < rows; i++ {
		p := "redactions." + strconv.Itoa(i) + "."
		r := redactionRow{Field: strings.TrimSpace(c.FormValue(p + "field")), Ground: strings.TrimSpace(c.FormValue(p + "ground")),
			Justification: c.FormValue(p + "justification")}
		if r.Field == "" && r.Ground == "" && strings.TrimSpace(r.Justification) == "" {
			continue
		}
		r.Index = len(in.Redactions)
		in.Redactions = append(in.Redactions, r)
	}
	return in
}

// rowsToShow returns the redaction rows to render: those sent, one more empty row when asked
// for (or when there are none), at most registry.MaxRedactions.
func rowsToShow(rs []redactionRow, addOne bool) []redactionRow {
	out := append([]redactionRow(nil), rs...)
	if (addOne || len(out) == 0) && len(out) < registry.MaxRedactions {
		out = append(out, redactionRow{Index: len(out)})
	}
	return out
}

// contractData turns the form into contract content. Amounts are parsed here (Polish forms
// accepted: "129 999,99 zł"); their errors join the form's, and the domain's validation of
// everything else is merged in, so every wrong field is reported at once.
func (in *contractInput) contractData() registry.ContractData {
	v := in.Form.Values
	d := registry.ContractData{
		Number: v["number"], SignedOn: registry.Date(v["signed_on"]), Subject: v["subject"], Description: v["description"],
		Counterparty: registry.Counterparty{Name: v["counterparty.name"], Person: v["counterparty.natural_person"] != "",
			NIP: v["counterparty.nip"], REGON: v["counterparty.regon"], KRS: v["counterparty.krs"],
			Country: v["counterparty.country"], Town: v["counterparty.town"]},
		Currency: v["currency"], ProcurementMode: v["procurement_mode"], CPV: v["cpv"],
		StartOn: registry.Date(v["start_on"]), EndOn: registry.Date(v["end_on"]), EUFunded: v["eu_funded"] != "",
	}
	for _, r := range in.Redactions {
		d.Redactions = append(d.Redactions, registry.Redaction{Field: r.Field, Ground: r.Ground, Justification: r.Justification})
	}
	d.ValueNet = in.Form.money("value_net")
	d.ValueGross = in.Form.money("value_gross")
	return d
}

// money parses an amount field, recording its error.
func (f entryForm) money(name string) registry.Money {
	m, err := registry.ParseMoney(f.Values[name])
	if err != nil {
		f.Errors[name] = registry.ErrorMessage(err)
	}
	return m
}

// check validates d as the domain will (a copy: the domain normalizes again) and merges its
// messages with those found while reading the form. It reports whether the form is clean.
func (f entryForm) check(d registry.ContractData) bool {
	d.Normalize()
	f.addErr(d.Validate())
	return len(f.Errors) == 0
}

// moneyInput shows an amount in a form field the Polish way, without the currency: "1 234,56".
func moneyInput(m registry.Money) string { return strings.TrimSuffix(m.String(), " zł") }

// formOfContract fills a form with a contract's content (to edit, correct or amend it).
func formOfContract(d *registry.ContractData) (entryForm, []redactionRow) {
	f := newEntryForm()
	set := func(k, v string) { f.Values[k] = v }
	set("number", d.Number)
	set("signed_on", string(d.SignedOn))
	set("subject", d.Subject)
	set("description", d.Description)
	set("counterparty.name", d.Counterparty.Name)
	if d.Counterparty.Person {
		set("counterparty.natural_person", "1")
	}
	set("counterparty.nip", d.Counterparty.NIP)
	set("counterparty.regon", d.Counterparty.REGON)
	set("counterparty.krs", d.Counterparty.KRS)
	set("counterparty.country", d.Counterparty.Country)
	set("counterparty.town", d.Counterparty.Town)
	set("value_net", moneyInput(d.ValueNet))
	set("value_gross", moneyInput(d.ValueGross))
	set("currency", d.Currency)
	set("procurement_mode", d.ProcurementMode)
	set("cpv", d.CPV)
	set("start_on", string(d.StartOn))
	set("end_on", string(d.EndOn))
	if d.EUFunded {
		set("eu_funded", "1")
	}
	var rows []redactionRow
	for i, r := range d.Redactions {
		rows = append(rows, redactionRow{Index: i, Field: r.Field, Ground: r.Ground, Justification: r.Justification})
	}
	return f, rows
}
