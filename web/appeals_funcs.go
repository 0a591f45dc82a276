package web

import (
	"html/template"
	"math"
	"strconv"
	"strings"

	"jawnosc/appeals"
	"jawnosc/registry"
)

// roleLabels name who took a step, as the timeline shows it.
var roleLabels = []registry.Label{
	{Code: appeals.RoleResident, Label: "wnioskodawca"},
	{Code: appeals.RoleOfficer, Label: "spółka"},
	{Code: appeals.RoleSupervisor, Label: "urząd miasta"},
	{Code: appeals.RoleSystem, Label: "Jawność (automatycznie)"},
}

// keptDoc is a document kept from a failed form, re-sent as hidden fields.
type keptDoc struct{ SHA, Name string }

// appealFuncs are the template functions of the information-request pages.
func appealFuncs() template.FuncMap {
	return template.FuncMap{
		"stageLabel": func(code string) string { return registry.LabelOf(appeals.Stages, code) },
		"outcomeLabel": func(code string) string {
			if code == "" {
				return "w toku"
			}
			return registry.LabelOf(appeals.Outcomes, code)
		},
		"eventLabel":  appeals.TypeLabel,
		"termLabel":   func(code string) string { return registry.LabelOf(appeals.Terms, code) },
		"resultLabel": func(code string) string { return registry.LabelOf(appeals.AppealResults, code) },
		"reconsLabel": func(code string) string { return registry.LabelOf(appeals.ReconsiderResults, code) },
		"roleLabel":   func(code string) string { return registry.LabelOf(roleLabels, code) },
		"refusalGround": func(code string) string {
			if g := appeals.GroundOf(code); g != nil {
				return g.Label
			}
			return code
		},
		"groundBasis": func(code string) string {
			if g := appeals.GroundOf(code); g != nil {
				return g.Basis
			}
			return ""
		},
		"isDecision": func(e appeals.Event) bool { return appeals.IsDecisionEvent(&e) },
		"againstLabel": func(code string) string {
			if code == appeals.AgainstOverdue {
				return "bezczynność spółki"
			}
			return registry.LabelOf(appeals.Outcomes, code)
		},
		"abs": func(n int) int {
			if n < 0 {
				return -n
			}
			return n
		},
		"percent": func(p *float64) string {
			if p == nil {
				return "—"
			}
			return strconv.Itoa(int(math.Round(*p*100))) + "%"
		},
		"decimal": func(p *float64) string {
			if p == nil {
				return "—"
			}
			return strings.Replace(strconv.FormatFloat(*p, 'f', 1, 64), ".", ",", 1)
		},
		"keptDocs": func(s string) []keptDoc {
			var out []keptDoc
			for _, line := range strings.Split(s, "\n") {
				if sha, name, ok := strings.Cut(line, "|"); ok {
					out = append(out, keptDoc{sha, name})
				}
			}
			return out
		},
		"officialSlots": func() []string { return []string{"1", "2", "3"} },
	}
}

// reqField is one field of a panel form, ready for the "req-field" partial: its id (unique on the page), name, label, value and error.
type reqField struct {
	ID, Name, Label, Value, Error, Type string
	Options                             []registry.Label
	Required                            bool
}

// newReqField builds a form field of step (type "textarea", "text", "date" or "select").
func newReqField(step, name, label, typ string, f *stepForm) reqField {
	return reqField{ID: step + "-" + strings.ReplaceAll(name, "_", "-"), Name: name, Label: label, Type: typ, Value: f.Value(name), Error: f.Error(name)}
}

// fieldFuncs build form fields in templates: field, required, options.
func fieldFuncs() template.FuncMap {
	return template.FuncMap{
		"reqField": newReqField,
		"reqRequired": func(ff reqField) reqField {
			ff.Required = true
			return ff
		},
		"reqOptions": func(ff reqField, labels []registry.Label) reqField {
			ff.Options = labels
			return ff
		},
		"groundOptions": func() []registry.Label {
			out := make([]registry.Label, len(appeals.RefusalGrounds))
			for i, g := range appeals.RefusalGrounds {
				out[i] = registry.Label{Code: g.Code, Label: g.Label}
			}
			return out
		},
		"answerOptions": func() []registry.Label {
			return append(append([]registry.Label{}, appeals.Answers...), registry.Label{Code: appeals.OutcomeRefused, Label: "odmowa udostępnienia (decyzja)"})
		},
		"stepData": func(step string, f *stepForm) stepFields { return stepFields{Step: step, F: f} },
		"requestsTable": func(caption string, rows []requestRow, panel bool) requestsTable {
			return requestsTable{Caption: caption, Rows: rows, Panel: panel}
		},
	}
}

// requestsTable is the data of the "requests-table" partial.
type requestsTable struct {
	Caption string
	Rows    []requestRow
	Panel   bool
}

// stepFields is the data of the officials, ground and documents partials.
type stepFields struct {
	Step string
	F    *stepForm
}
