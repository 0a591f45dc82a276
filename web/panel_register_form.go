package web

import (
	"encoding/json"
	"strconv"
	"strings"

	"jawnosc/registry"
)

// The panel forms of expenses, ads and recruitments are described, not written out: each
// register lists its fields (name as in the JSON API and the domain's error Fields, Polish
// label, hint, kind); one template renders them with the panel's field partials, and the
// typed values become the register's content through its JSON form, so the domain's
// validation names the same fields the form shows.

// Kinds of panel field.
const (
	pfText     = "text"
	pfTextarea = "textarea"
	pfDate     = "date"
	pfMoney    = "money"
	pfInt      = "int"
	pfSelect   = "select"
	pfChecks   = "checks" // a list of codes as checkboxes
)

// panelField describes one field of a register's panel form.
type panelField struct {
	Name, Label, Hint, Kind string
	Required                bool
	Max                     int
	Options                 []registry.Label
	Group                   string // the fieldset it opens (first field of a group)
}

var expensePanelFields = []panelField{
	{Name: "spent_on", Label: "Data wydatku", Hint: "Np. 2026-03-14 albo 14.03.2026.", Kind: pfDate, Required: true, Group: "Wydatek"},
	{Name: "category", Label: "Kategoria", Kind: pfSelect, Required: true, Options: registry.ExpenseCategories},
	{Name: "amount_gross", Label: "Kwota brutto", Hint: "Np. 12 300,00 zł.", Kind: pfMoney, Required: true},
	{Name: "currency", Label: "Waluta", Hint: "Kod ISO 4217; puste: PLN.", Kind: pfText, Max: 3},
	{Name: "purpose", Label: "Cel wydatku", Kind: pfTextarea, Required: true, Max: registry.MaxPurpose},
	{Name: "recipient.name", Label: "Odbiorca", Kind: pfText, Required: true, Max: registry.MaxRecipientName, Group: "Odbiorca"},
	{Name: "recipient.nip", Label: "NIP odbiorcy", Hint: "10 cyfr; osoby fizyczne bez NIP.", Kind: pfText, Max: 13},
	{Name: "contract_id", Label: "Numer umowy w rejestrze", Hint: "Nieobowiązkowy: numer wpisu umowy tej spółki, na podstawie której zapłacono.", Kind: pfInt, Max: 12},
}

var adPanelFields = []panelField{
	{Name: "outlet.name", Label: "Medium", Hint: "Tytuł gazety, stacji, portalu…", Kind: pfText, Required: true, Max: registry.MaxOutletName, Group: "Medium"},
	{Name: "outlet.kind", Label: "Rodzaj medium", Kind: pfSelect, Required: true, Options: registry.OutletKinds},
	{Name: "outlet.publisher", Label: "Wydawca", Kind: pfText, Max: registry.MaxRecipientName},
	{Name: "outlet.nip", Label: "NIP wydawcy", Kind: pfText, Max: 13},
	{Name: "campaign", Label: "Kampania", Kind: pfText, Required: true, Max: registry.MaxCampaign, Group: "Zlecenie"},
	{Name: "content_kind", Label: "Rodzaj treści", Kind: pfSelect, Required: true, Options: registry.ContentKinds},
	{Name: "description", Label: "Opis", Kind: pfTextarea, Max: registry.MaxDescription},
	{Name: "period_start", Label: "Początek okresu", Hint: "Np. 2026-07-01.", Kind: pfDate, Required: true},
	{Name: "period_end", Label: "Koniec okresu", Hint: "Np. 2026-09-30.", Kind: pfDate, Required: true},
	{Name: "amount_gross", Label: "Kwota brutto", Hint: "Np. 12 300,00 zł.", Kind: pfMoney, Required: true},
	{Name: "currency", Label: "Waluta", Hint: "Kod ISO 4217; puste: PLN.", Kind: pfText, Max: 3},
	{Name: "procedure", Label: "Tryb zamówienia", Kind: pfSelect, Required: true, Options: registry.ProcurementModes},
	{Name: "contract_id", Label: "Numer umowy w rejestrze", Hint: "Nieobowiązkowy.", Kind: pfInt, Max: 12},
}

var recruitmentPanelFields = []panelField{
	{Name: "body", Label: "Organ", Kind: pfSelect, Required: true, Options: registry.Bodies, Group: "Stanowisko i tryb"},
	{Name: "position", Label: "Stanowisko", Kind: pfText, Required: true, Max: registry.MaxPosition},
	{Name: "legal_basis", Label: "Podstawa prawna", Kind: pfTextarea, Required: true, Max: registry.MaxLegalBasis},
	{Name: "procedure", Label: "Tryb wyboru", Hint: "Powołanie bez otwartego postępowania też wpisuje się do rejestru — zostanie oznaczone.", Kind: pfSelect, Required: true, Options: registry.RecruitmentProcedures},
	{Name: "announced_on", Label: "Data ogłoszenia", Kind: pfDate, Group: "Ogłoszenie (otwarte postępowanie)"},
	{Name: "announcement_place", Label: "Gdzie ogłoszono", Hint: "Np. adres strony BIP.", Kind: pfText, Max: 300},
	{Name: "application_deadline", Label: "Termin zgłoszeń", Kind: pfDate},
	{Name: "requirements", Label: "Wymagania", Kind: pfTextarea, Max: registry.MaxLongField},
	{Name: "selection_criteria", Label: "Kryteria wyboru", Kind: pfTextarea, Max: registry.MaxLongField},
	{Name: "commission", Label: "Komisja", Kind: pfTextarea, Max: registry.MaxLongField},
	{Name: "applicants_count", Label: "Liczba zgłoszeń", Kind: pfInt, Max: 6, Group: "Przebieg (bez nazwisk kandydatów)"},
	{Name: "admitted_count", Label: "Dopuszczeni do postępowania", Kind: pfInt, Max: 6},
	{Name: "interviewed_count", Label: "Zaproszeni na rozmowę", Kind: pfInt, Max: 6},
	{Name: "outcome", Label: "Wynik", Kind: pfSelect, Required: true, Options: registry.RecruitmentOutcomes},
	{Name: "appointee.name", Label: "Imię i nazwisko powołanej osoby", Hint: "Tylko przy powołaniu. Nazwisk kandydatów, którzy nie zostali wybrani, nie wpisuje się.", Kind: pfText, Max: registry.MaxPersonName, Group: "Powołana osoba"},
	{Name: "appointee.function", Label: "Funkcja", Kind: pfText, Max: registry.MaxPosition},
	{Name: "appointee.qualifications", Label: "Kwalifikacje (streszczenie)", Kind: pfTextarea, Max: registry.MaxLongField},
	{Name: "appointee.resolution_number", Label: "Numer uchwały o powołaniu", Kind: pfText, Max: 100},
	{Name: "appointee.resolution_date", Label: "Data uchwały", Kind: pfDate},
	{Name: "appointee.term_start", Label: "Początek kadencji", Kind: pfDate},
	{Name: "appointee.term_end", Label: "Koniec kadencji", Kind: pfDate},
	{Name: "eligibility", Label: "Złożone oświadczenia i sprawdzenia", Kind: pfChecks, Options: registry.EligibilityChecks},
	{Name: "remuneration.fixed_monthly", Label: "Wynagrodzenie stałe miesięcznie (brutto)", Kind: pfMoney, Group: "Wynagrodzenie"},
	{Name: "remuneration.variable_cap_percent", Label: "Część zmienna: najwyżej % wynagrodzenia rocznego", Kind: pfInt, Max: 3},
}

// panelFieldsOf returns the panel form fields of a register.
func panelFieldsOf(d *registerDef) []panelField {
	switch d.Kind {
	case registry.KindExpense:
		return expensePanelFields
	case registry.KindAd:
		return adPanelFields
	}
	return recruitmentPanelFields
}

// changeFields are the fields of a new version besides the content.
var changeFields = []panelField{
	{Name: "annex_date", Label: "Data zmiany (aneksu)", Hint: "Np. 2026-06-30.", Kind: pfDate, Required: true},
	{Name: "reason", Label: "Powód", Hint: "Zostanie opublikowany przy nowej wersji.", Kind: pfText, Required: true, Max: 2000},
}

// panelFieldView is a field ready for the form partials, with its kind and group.
type panelFieldView struct {
	fieldView
	Kind, Group string
	Checks      []checkView
}

// checkView is one checkbox of a list field.
type checkView struct {
	ID, Code, Label string
	Checked         bool
}

// views builds the field views of fields with the form's values and errors.
func (f entryForm) views(fields []panelField) []panelFieldView {
	out := make([]panelFieldView, len(fields))
	for i, pf := range fields {
		v := panelFieldView{fieldView: fieldView{Name: pf.Name, ID: fieldID(pf.Name), Label: pf.Label, Hint: pf.Hint,
			Value: f.Values[pf.Name], Error: f.Errors[pf.Name], Required: pf.Required, Max: pf.Max, Options: pf.Options},
			Kind: pf.Kind, Group: pf.Group}
		if pf.Kind == pfChecks {
			on := map[string]bool{}
			for _, c := range strings.Split(f.Values[pf.Name], ",") {
				on[c] = true
			}
			for _, o := range pf.Options {
				v.Checks = append(v.Checks, checkView{ID: fieldID(pf.Name + "." + o.Code), Code: o.Code, Label: o.Label, Checked: on[o.Code]})
			}
		}
		out[i] = v
	}
	return out
}

// formSummary lists the errors in the order of fields (anything else last).
func formSummary(f entryForm, fields []panelField) []formError {
	var out []formError
	seen := map[string]bool{}
	for _, pf := range fields {
		if msg, ok := f.Errors[pf.Name]; ok {
			seen[pf.Name] = true
			out = append(out, formError{ID: fieldID(pf.Name), Label: pf.Label, Message: msg})
		}
	}
	for name, msg := range f.Errors {
		if !seen[name] {
			out = append(out, formError{ID: fieldID(name), Label: name, Message: msg})
		}
	}
	return out
}

// readPanelForm reads the fields of a posted form (checkbox lists joined with ",").
func readPanelForm(get func(string) string, multi func(string) []string, fields []panelField) entryForm {
	f := newEntryForm()
	for _, pf := range fields {
		if pf.Kind == pfChecks {
			f.Values[pf.Name] = strings.Join(multi(pf.Name), ",")
			continue
		}
		f.Values[pf.Name] = get(pf.Name)
	}
	return f
}

// contentOf turns the form into a register's content D: amounts, numbers and dates are
// parsed here (errors on their fields), the rest goes through D's JSON form.
func contentOf[D any](f entryForm, fields []panelField) D {
	doc := map[string]any{}
	put := func(name string, v any) {
		parts := strings.Split(name, ".")
		m := doc
		for _, p := range parts[:len(parts)-1] {
			sub, ok := m[p].(map[string]any)
			if !ok {
				sub = map[string]any{}
				m[p] = sub
			}
			m = sub
		}
		m[parts[len(parts)-1]] = v
	}
	for _, pf := range fields {
		raw := f.Values[pf.Name]
		val := strings.TrimSpace(raw)
		switch pf.Kind {
		case pfMoney:
			if val == "" {
				put(pf.Name, 0)
				continue
			}
			m, err := registry.ParseMoney(val)
			if err != nil {
				f.Errors[pf.Name] = registry.ErrorMessage(err)
			}
			put(pf.Name, int64(m))
		case pfInt:
			n := 0
			if val != "" {
				var err error
				if n, err = strconv.Atoi(strings.Join(strings.Fields(val), "")); err != nil {
					f.Errors[pf.Name] = "Wpisz liczbę całkowitą."
				}
			}
			put(pf.Name, n)
		case pfDate:
			if val != "" {
				if _, err := registry.ParseDate(val); err != nil {
					f.Errors[pf.Name] = registry.ErrorMessage(err)
					val = ""
				}
			}
			put(pf.Name, val)
		case pfChecks:
			list := []string{}
			if val != "" {
				list = strings.Split(val, ",")
			}
			put(pf.Name, list)
		default:
			put(pf.Name, raw)
		}
	}
	var d D
	b, _ := json.Marshal(doc)
	if err := json.Unmarshal(b, &d); err != nil {
		f.Errors[""] = registry.ErrorMessage(err)
	}
	return d
}

// formOf fills a form with a register entry's content (to edit, correct or amend it).
func formOf(content any, fields []panelField) entryForm {
	f := newEntryForm()
	b, _ := json.Marshal(content)
	var doc map[string]any
	_ = json.Unmarshal(b, &doc)
	get := func(name string) any {
		var cur any = doc
		for _, p := range strings.Split(name, ".") {
			m, ok := cur.(map[string]any)
			if !ok {
				return nil
			}
			cur = m[p]
		}
		return cur
	}
	for _, pf := range fields {
		v := get(pf.Name)
		switch x := v.(type) {
		case nil:
		case string:
			f.Values[pf.Name] = x
		case float64:
			switch {
			case pf.Kind == pfMoney:
				f.Values[pf.Name] = moneyInput(registry.Money(int64(x)))
			case x != 0 || pf.Name != "contract_id":
				f.Values[pf.Name] = strconv.FormatInt(int64(x), 10)
			}
		case []any:
			parts := make([]string, 0, len(x))
			for _, p := range x {
				if s, ok := p.(string); ok {
					parts = append(parts, s)
				}
			}
			f.Values[pf.Name] = strings.Join(parts, ",")
		}
	}
	return f
}

// Field returns the view for the field partials.
func (v panelFieldView) Field() fieldView { return v.fieldView }
