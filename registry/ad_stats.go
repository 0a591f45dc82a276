package registry

import (
	"context"
	"sort"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// AdSum is the spending of one group of ads (an outlet, a quarter, a content kind …) in one
// currency. Only published ads count; withdrawn ones are left out of every sum.
type AdSum struct {
	Key      string `json:"key"`   // the outlet name, quarter ("2012-Q3"), content kind code or company slug
	Label    string `json:"label"` // for display
	Quarter  string `json:"quarter,omitempty"`
	Currency string `json:"currency"`
	Count    int    `json:"count"`
	Amount   Money  `json:"amount_gross"`
}

// AdGroup names what AdSums groups by.
type AdGroup string

// Groupings of AdSums.
const (
	ByOutlet        AdGroup = "outlet"
	ByOutletQuarter AdGroup = "outlet_quarter"
	ByQuarter       AdGroup = "quarter"
	ByContentKind   AdGroup = "content_kind"
	ByOutletKind    AdGroup = "outlet_kind"
	ByCompany       AdGroup = "company"
)

// AdSums sums the published ads matching f by group, largest amount first (by outlet and
// quarter: outlet by its total, then quarters in order). Errors: EINVALID for an unknown group.
func (s *Store) AdSums(ctx context.Context, f AdFilter, g AdGroup) ([]AdSum, error) {
	key := map[AdGroup]string{ByOutlet: "p.outlet_name", ByOutletQuarter: "p.outlet_name", ByQuarter: "p.quarter",
		ByContentKind: "p.content_kind", ByOutletKind: "p.outlet_kind", ByCompany: "co.slug"}[g]
	if key == "" {
		return nil, Errorf(EINVALID, "Nieznane grupowanie.")
	}
	quarter := "''"
	if g == ByOutletQuarter {
		quarter = "p.quarter"
	}
	label := key
	if g == ByCompany {
		label = "co.short_name"
	}
	w := f.where()
	w.add("e.status = ?", StatusPublished)
	clause, args := w.sql()
	rows, err := s.read.QueryContext(ctx, `SELECT `+key+`, MIN(`+label+`), `+quarter+`, p.currency, COUNT(*), SUM(p.amount_gross)
		FROM ads p JOIN entries e ON e.id = p.entry_id JOIN companies co ON co.id = p.company_id`+clause+`
		GROUP BY `+key+`, `+quarter+`, p.currency`, args...)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	var out []AdSum
	for rows.Next() {
		var a AdSum
		if err := rows.Scan(&a.Key, &a.Label, &a.Quarter, &a.Currency, &a.Count, &a.Amount); err != nil {
			return nil, formatError(err)
		}
		switch g {
		case ByQuarter:
			a.Label = QuarterLabel(a.Key)
		case ByContentKind:
			a.Label = LabelOf(ContentKinds, a.Key)
		case ByOutletKind:
			a.Label = LabelOf(OutletKinds, a.Key)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, formatError(err)
	}
	sortAdSums(out, g)
	return out, nil
}

// sortAdSums orders quarters by time and everything else by amount, largest first
// (ties in Polish order of the label); by outlet and quarter, outlets by their total.
func sortAdSums(out []AdSum, g AdGroup) {
	totals := map[string]Money{}
	for _, a := range out {
		totals[a.Currency+"\x00"+a.Key] += a.Amount
	}
	coll := collate.New(language.Polish, collate.IgnoreCase)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if g == ByQuarter {
			return a.Key < b.Key
		}
		if a.Currency != b.Currency {
			return a.Currency < b.Currency
		}
		ta, tb := totals[a.Currency+"\x00"+a.Key], totals[b.Currency+"\x00"+b.Key]
		if ta != tb {
			return ta > tb
		}
		if a.Key != b.Key {
			return coll.CompareString(a.Label, b.Label) < 0
		}
		return a.Quarter < b.Quarter
	})
}

// Concentration describes how a company's advertising money is spread over outlets, in one
// currency: the share of the largest outlet and the Herfindahl–Hirschman index (the sum of
// the squared percentage shares of every outlet: 10 000 when one outlet gets everything,
// near 0 when the money is spread over many).
type Concentration struct {
	Company     string  `json:"company"`
	CompanyName string  `json:"company_name"`
	Currency    string  `json:"currency"`
	Total       Money   `json:"amount_gross"`
	Outlets     int     `json:"outlets"`
	TopOutlet   string  `json:"top_outlet"`
	TopAmount   Money   `json:"top_amount_gross"`
	TopShare    float64 `json:"top_share"` // 0..1
	HHI         int     `json:"hhi"`       // 0..10 000, rounded
	Level       string  `json:"level"`     // low, moderate, high
}

// HHI thresholds (as used by competition authorities): below 1 500 the money is spread,
// from 2 500 it is highly concentrated.
const (
	HHIModerate = 1500
	HHIHigh     = 2500
)

// ConcentrationLevels name the levels of Concentration.Level in Polish.
var ConcentrationLevels = []Label{
	{"low", "niska koncentracja"},
	{"moderate", "umiarkowana koncentracja"},
	{"high", "wysoka koncentracja"},
}

// AdConcentration computes the concentration of each company's published ad spending (per
// currency) among the ads matching f, most concentrated first.
func (s *Store) AdConcentration(ctx context.Context, f AdFilter) ([]Concentration, error) {
	w := f.where()
	w.add("e.status = ?", StatusPublished)
	clause, args := w.sql()
	rows, err := s.read.QueryContext(ctx, `SELECT co.slug, co.short_name, p.currency, p.outlet_name, SUM(p.amount_gross)
		FROM ads p JOIN entries e ON e.id = p.entry_id JOIN companies co ON co.id = p.company_id`+clause+`
		GROUP BY co.slug, p.currency, p.outlet_name`, args...)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	type key struct{ company, currency string }
	amounts := map[key][]Money{}
	tops := map[key]string{}
	names := map[string]string{}
	var order []key
	for rows.Next() {
		var k key
		var name, outlet string
		var amount Money
		if err := rows.Scan(&k.company, &name, &k.currency, &outlet, &amount); err != nil {
			return nil, formatError(err)
		}
		names[k.company] = name
		if _, ok := amounts[k]; !ok {
			order = append(order, k)
		}
		list := amounts[k]
		if len(list) == 0 || amount > maxMoney(list) || (amount == maxMoney(list) && outlet < tops[k]) {
			tops[k] = outlet
		}
		amounts[k] = append(list, amount)
	}
	if err := rows.Err(); err != nil {
		return nil, formatError(err)
	}
	out := make([]Concentration, 0, len(order))
	for _, k := range order {
		c := ConcentrationOf(amounts[k])
		c.Company, c.CompanyName, c.Currency, c.TopOutlet = k.company, names[k.company], k.currency, tops[k]
		out = append(out, c)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].HHI != out[j].HHI {
			return out[i].HHI > out[j].HHI
		}
		return out[i].Company < out[j].Company
	})
	return out, nil
}

func maxMoney(list []Money) Money {
	var m Money
	for _, x := range list {
		m = max(m, x)
	}
	return m
}

// ConcentrationOf computes total, outlet count, largest amount and share, HHI and level of
// the amounts spent per outlet.
func ConcentrationOf(amounts []Money) Concentration {
	var c Concentration
	for _, a := range amounts {
		c.Total += a
		c.TopAmount = max(c.TopAmount, a)
	}
	c.Outlets = len(amounts)
	if c.Total <= 0 {
		c.Level = "low"
		return c
	}
	var hhi float64
	for _, a := range amounts {
		share := float64(a) / float64(c.Total) * 100
		hhi += share * share
	}
	c.HHI = int(hhi + 0.5)
	c.TopShare = float64(c.TopAmount) / float64(c.Total)
	switch {
	case c.HHI >= HHIHigh:
		c.Level = "high"
	case c.HHI >= HHIModerate:
		c.Level = "moderate"
	default:
		c.Level = "low"
	}
	return c
}

// AdCurrencies returns the currencies of the published ads matching f (ignoring its
// currency), the most used first.
func (s *Store) AdCurrencies(ctx context.Context, f AdFilter) ([]string, error) {
	f.Currency = nil
	w := f.where()
	w.add("e.status = ?", StatusPublished)
	clause, args := w.sql()
	rows, err := s.read.QueryContext(ctx, `SELECT p.currency FROM ads p JOIN entries e ON e.id = p.entry_id JOIN companies co ON co.id = p.company_id`+clause+`
		GROUP BY p.currency ORDER BY COUNT(*) DESC, p.currency`, args...)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, formatError(err)
		}
		out = append(out, c)
	}
	return out, formatError(rows.Err())
}
