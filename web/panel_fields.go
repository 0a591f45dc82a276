package web

import (
	"strconv"
	"strings"

	"jawnosc/registry"
)

// fieldView is what the form-field partials need for one input: its name and id, the Polish
// label, a hint, the value as typed, the error, and for selects the options.
type fieldView struct {
	Name, ID, Label, Hint, Value, Error string
	Required                            bool
	Max                                 int
	Options                             []registry.Label
}

// DescribedBy is the aria-describedby of the input: its hint and its error, when present.
func (f fieldView) DescribedBy() string {
	var ids []string
	if f.Hint != "" {
		ids = append(ids, f.ID+"-hint")
	}
	if f.Error != "" {
		ids = append(ids, f.ID+"-error")
	}
	return strings.Join(ids, " ")
}

// Checked reports whether a checkbox field was ticked.
func (f fieldView) Checked() bool { return f.Value != "" }

// newFieldView is the template function "field": the view of the named field of form, with
// a hint and whether it is required. Options (for selects) are added with "options".
func newFieldView(form entryForm, name, hint string, required bool) fieldView {
	fd := fieldByName(name)
	return fieldView{Name: name, ID: fieldID(name), Label: fd.Label, Hint: hint, Value: form.Values[name],
		Error: form.Errors[name], Required: required, Max: fd.Max}
}

// withOptions is the template function "options": the field with the options of a select.
func withOptions(f fieldView, opts []registry.Label) fieldView {
	f.Options = opts
	return f
}

// relabel is the template function "relabel": the field with another label.
func relabel(f fieldView, label string) fieldView {
	f.Label = label
	return f
}

// RowField is the view of one input of redaction row i (sub: field, ground or justification),
// with the value typed and the error the domain reported for it.
func (v *contractFormView) RowField(i int, sub string) fieldView {
	name := "redactions." + strconv.Itoa(i) + "." + sub
	labels := map[string]string{"field": "Pole wyłączone z jawności", "ground": "Podstawa prawna", "justification": "Uzasadnienie"}
	f := fieldView{Name: name, ID: fieldID(name), Label: labels[sub], Error: v.Form.Errors[name], Required: true}
	if i < len(v.Redactions) {
		r := v.Redactions[i]
		f.Value = map[string]string{"field": r.Field, "ground": r.Ground, "justification": r.Justification}[sub]
	}
	switch sub {
	case "field":
		f.Options = v.Redactable
	case "ground":
		f.Options = v.Grounds
	default:
		f.Max = registry.MaxJustification
	}
	return f
}

// CompanyOptions are the companies of the form's company select.
func (v *contractFormView) CompanyOptions() []registry.Label {
	out := make([]registry.Label, len(v.Companies))
	for i, co := range v.Companies {
		out[i] = registry.Label{Code: co.Slug, Label: co.Name}
	}
	return out
}
