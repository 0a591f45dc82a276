package web

import (
	"fmt"
	"html/template"
	"maps"
	"strconv"
	"strings"
	"time"

	"jawnosc/appeals"
	"jawnosc/audits"
	"jawnosc/registry"
	"jawnosc/search"
)

// templateFuncs are the helpers every template may call.
func templateFuncs(as *assets) template.FuncMap {
	m := template.FuncMap{
		"asset":      as.url,
		"money":      money,
		"moneyIn":    moneyInAny,
		"date":       datePL,
		"dateLong":   dateLong,
		"datetime":   datetimePL,
		"num":        formatInt,
		"plural":     pluralN,
		"pluralWord": pluralWord,
		"mode":       func(code string) string { return registry.LabelOf(registry.ProcurementModes, code) },
		"band":       func(code string) string { return registry.LabelOf(search.Bands, code) },
		"kind":       kindLabel,
		"ground":     func(code string) string { return registry.LabelOf(registry.RedactionGrounds, code) },
		"fieldLabel": func(code string) string { return registry.LabelOf(registry.RedactableFields, code) },
		"change":     changeLabel,
		"status":     statusLabel,
		"redaction":  redactionOf,
		"table":      newContractTable,
		"audit":      auditLabel,
		"paragraphs": paragraphs,
		"afield":     afield,
		"field":      newFieldView,
		"options":    withOptions,
		"fid":        fieldID,
		"relabel":    relabel,
		"inc":        func(i int) int { return i + 1 },
	}
	maps.Copy(m, appealFuncs())
	maps.Copy(m, fieldFuncs())
	return m
}

// toInt64 accepts the integer types templates meet (Money, int, int64).
func toInt64(v any) (int64, error) {
	switch n := v.(type) {
	case registry.Money:
		return int64(n), nil
	case int64:
		return n, nil
	case int:
		return int64(n), nil
	case *int:
		if n == nil {
			return 0, nil
		}
		return int64(*n), nil
	}
	return 0, fmt.Errorf("web: not an integer: %T", v)
}

// money formats grosze the Polish way: "1 234,56 zł".
func money(v any) (string, error) {
	n, err := toInt64(v)
	return registry.Money(n).String(), err
}

// moneyIn formats an amount in its currency: "1 234,56 zł" for PLN, "1 234,56 EUR" otherwise.
func moneyIn(m registry.Money, currency string) string {
	s := m.String()
	if currency != "" && currency != "PLN" {
		s = strings.TrimSuffix(s, "zł") + currency
	}
	return s
}

// moneyInAny is moneyIn for templates: the amount may be registry.Money or a plain integer
// of grosze (a search hit's value).
func moneyInAny(v any, currency string) (string, error) {
	n, err := toInt64(v)
	return moneyIn(registry.Money(n), currency), err
}

// asDate accepts a registry.Date or an ISO string.
func asDate(v any) registry.Date {
	switch d := v.(type) {
	case registry.Date:
		return d
	case string:
		return registry.Date(d)
	}
	return ""
}

// datePL formats a date as "17.05.2023" ("—" when not given).
func datePL(v any) string {
	if s := asDate(v).Polish(); s != "" {
		return s
	}
	return "—"
}

// monthsGenitive are the Polish month names as used in dates ("17 maja 2023").
var monthsGenitive = [...]string{"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca",
	"lipca", "sierpnia", "września", "października", "listopada", "grudnia"}

// dateLong formats a date as "17 maja 2023" ("—" when not given).
func dateLong(v any) string {
	t := asDate(v).Time()
	if t.IsZero() {
		return "—"
	}
	return fmt.Sprintf("%d %s %d", t.Day(), monthsGenitive[t.Month()-1], t.Year())
}

// datetimePL formats a moment in Warsaw time as "17.05.2023, 14:05".
func datetimePL(v any) string {
	var t time.Time
	switch x := v.(type) {
	case time.Time:
		t = x
	case *time.Time:
		if x != nil {
			t = *x
		}
	}
	if t.IsZero() {
		return "—"
	}
	return t.In(registry.Warsaw()).Format("02.01.2006, 15:04")
}

// formatInt groups digits by three with spaces: 1234567 → "1 234 567".
func formatInt(v any) (string, error) {
	n, err := toInt64(v)
	if err != nil {
		return "", err
	}
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i := 0; i < len(s); i++ {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteByte(s[i])
	}
	return b.String(), nil
}

// pluralWord picks the Polish form for n: one (1 umowa), few (2–4, 22–24, … umowy),
// many (0, 5–21, 25–31, … umów).
func pluralWord(v any, one, few, many string) (string, error) {
	n, err := toInt64(v)
	if err != nil {
		return "", err
	}
	if n < 0 {
		n = -n
	}
	return registry.Plural(int(n), one, few, many), nil
}

// pluralN is the number with its word: "1 umowa", "3 umowy", "1 234 umów".
func pluralN(v any, one, few, many string) (string, error) {
	w, err := pluralWord(v, one, few, many)
	if err != nil {
		return "", err
	}
	n, _ := formatInt(v)
	return n + " " + w, nil
}

// kindLabels name the registers (search facet "kind").
var kindLabels = []registry.Label{
	{Code: registry.KindContract, Label: "umowy"},
	{Code: registry.KindExpense, Label: "wydatki"},
	{Code: registry.KindAd, Label: "reklamy"},
	{Code: registry.KindRecruitment, Label: "rekrutacje"},
	{Code: audits.KindAudit, Label: "audyty"},
	{Code: appeals.KindRequest, Label: "wnioski o informację"},
}

func kindLabel(code string) string { return registry.LabelOf(kindLabels, code) }

// changeLabels name the kinds of version.
var changeLabels = []registry.Label{
	{Code: registry.ChangeInitial, Label: "publikacja"},
	{Code: registry.ChangeAmendment, Label: "aneks"},
	{Code: registry.ChangeCorrection, Label: "korekta"},
	{Code: registry.ChangeWithdrawal, Label: "wycofanie"},
}

func changeLabel(code string) string { return registry.LabelOf(changeLabels, code) }

// statusLabels name entry statuses.
var statusLabels = []registry.Label{
	{Code: registry.StatusDraft, Label: "szkic"},
	{Code: registry.StatusPublished, Label: "opublikowana"},
	{Code: registry.StatusWithdrawn, Label: "wycofana"},
}

func statusLabel(code string) string { return registry.LabelOf(statusLabels, code) }

// redactionOf returns the redaction of field among rs, or nil when the field is public.
func redactionOf(rs []registry.Redaction, field string) *registry.Redaction {
	for i := range rs {
		if rs[i].Field == field {
			return &rs[i]
		}
	}
	return nil
}

// contractTable is the data of the "contracts-table" partial.
type contractTable struct {
	Caption     string
	Contracts   []*registry.Contract
	ShowCompany bool
}

// newContractTable builds the data of the "contracts-table" partial.
func newContractTable(caption string, cs []*registry.Contract, showCompany bool) contractTable {
	return contractTable{Caption: caption, Contracts: cs, ShowCompany: showCompany}
}
