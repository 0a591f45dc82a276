package web

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"jawnosc/appeals"
)

// summaryField is one field of a form as its error summary names it: the name the domain uses
// for it, the id of its input on the page and its label.
type summaryField struct {
	Name, ID, Label string
}

// errorSummary lists the errors of a form sent with mistakes for the "error-summary" partial:
// a line per field of fields with an error, in their order, linking to the field's id; then
// the errors of names the form does not show, sorted, without a link; and, when no field has an
// error, message alone (a problem of the whole form). It is nil when there is nothing to show.
func errorSummary(errs map[string]string, message string, fields []summaryField) []formError {
	var out []formError
	shown := map[string]bool{}
	for _, f := range fields {
		if msg, ok := errs[f.Name]; ok && !shown[f.Name] {
			shown[f.Name] = true
			out = append(out, formError{ID: f.ID, Label: f.Label, Message: msg})
		}
	}
	for _, name := range slices.Sorted(maps.Keys(errs)) {
		if !shown[name] {
			out = append(out, formError{Label: name, Message: errs[name]})
		}
	}
	if len(out) == 0 && strings.TrimSpace(message) != "" {
		out = append(out, formError{Message: message})
	}
	return out
}

// stepSummary is the error summary of a step form of an information request (audience: the
// resident's tracking page or the panel) sent with mistakes; the ids are those the "req-field"
// partial and request_resident.html give the fields: the step, a dash and the name.
func stepSummary(audience, step string, f *stepForm) []formError {
	labels := stepFieldLabels[audience+"/"+step]
	var fields []summaryField
	add := func(name, label string) {
		fields = append(fields, summaryField{name, step + "-" + strings.ReplaceAll(name, "_", "-"), label})
	}
	for _, name := range stepFieldOrder {
		if label, ok := labels[name]; ok {
			add(name, label)
		}
		if name == "officials" && labels["officials"] != "" {
			for i := 1; i <= 3; i++ {
				add(fmt.Sprintf("official_name_%d", i), fmt.Sprintf("Osoba %d: imię i nazwisko", i))
				add(fmt.Sprintf("official_function_%d", i), fmt.Sprintf("Osoba %d: funkcja", i))
			}
		}
	}
	return errorSummary(f.Errors, f.Message, fields)
}

// stepFieldOrder is the order of the fields of the step forms on the page.
var stepFieldOrder = []string{"answer", "result", "fee", "new_due", "text", "comply_by", "ground", "legal_basis", "holder", "officials", "documents"}

// stepFieldLabels name the fields of each step form ("audience/step" → name → label).
var stepFieldLabels = func() map[string]map[string]string {
	refusal := map[string]string{"ground": "Przesłanka odmowy", "legal_basis": "Przepis ustawy szczególnej",
		"holder": "Podmiot, ze względu na którego dobra odmowa", "officials": "Osoby, które zajęły stanowisko w sprawie", "documents": "Dokumenty PDF"}
	with := func(m map[string]string, kv ...string) map[string]string {
		out := map[string]string{}
		for k, v := range m {
			out[k] = v
		}
		for i := 0; i+1 < len(kv); i += 2 {
			out[kv[i]] = kv[i+1]
		}
		return out
	}
	o, r := appeals.ViewOfficial+"/", appeals.ViewResident+"/"
	return map[string]map[string]string{
		o + "odpowiedz":            with(refusal, "answer", "Rodzaj odpowiedzi", "text", "Treść odpowiedzi albo uzasadnienie decyzji"),
		o + "doprecyzowanie":       {"text": "Pytanie do wnioskodawcy"},
		o + "oplata":               {"fee": "Kwota opłaty", "text": "Za co i dlaczego"},
		o + "termin":               {"new_due": "Nowy termin odpowiedzi", "text": "Powody opóźnienia"},
		o + "ponowne-rozpatrzenie": with(refusal, "answer", "Rozstrzygnięcie", "text", "Uzasadnienie"),
		o + "wykonanie":            {"text": "Treść udostępnienia", "documents": "Dokumenty PDF"},
		o + "rozstrzygniecie": {"result": "Rozstrzygnięcie", "text": "Uzasadnienie", "comply_by": "Termin wykonania przez spółkę",
			"officials": "Osoby, które zajęły stanowisko w sprawie"},
		r + "doprecyzowanie":       {"text": "Twoja odpowiedź na pytanie spółki"},
		r + "ponowne-rozpatrzenie": {"text": "Dlaczego decyzja powinna zostać zmieniona"},
		r + "odwolanie":            {"text": "Uzasadnienie odwołania"},
	}
}()
