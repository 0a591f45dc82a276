package web

import (
	"context"
	"net/url"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// Sizes of the advertising views.
const (
	summaryOutlets  = 25 // outlets in the outlet × quarter table (the rest summed)
	summaryQuarters = 8  // latest quarters shown as columns
	summaryBars     = 12 // bars per chart
)

// adBlocksView is the data of the advertising views: per outlet per quarter, per company,
// per content kind and per quarter, and each company's concentration, in one currency.
type adBlocksView struct {
	Company       *registry.Company // nil: every company
	Currency      string
	Others        []string // further currencies with ads under the same filters
	Total         string
	Count         int
	Concentration []concentrationRow
	Pivot         outletPivot
	OutletChart   chartTable
	CompanyChart  chartTable
	KindChart     chartTable
	QuarterChart  chartTable
}

// chartTable is a chart with the sums it draws (its data table).
type chartTable struct {
	Chart barChart
	What  string // the table's first column header
	Sums  []registry.AdSum
}

// newChartTable charts the first summaryBars sums.
func newChartTable(id, title, what, unit string, sums []registry.AdSum, currency string) chartTable {
	sums = sums[:min(len(sums), summaryBars)]
	items := make([]chartItem, len(sums))
	for i, a := range sums {
		items[i] = chartItem{Label: a.Label, Amount: int64(a.Amount), Value: moneyIn(a.Amount, currency)}
	}
	return chartTable{Chart: newBarChart(id, title, unit, items), What: what, Sums: sums}
}

// concentrationRow is a company's concentration, formatted.
type concentrationRow struct {
	registry.Concentration
	TotalText, TopText, Share, HHIText, LevelText string
}

// outletPivot is spending per outlet (rows) per quarter (columns).
type outletPivot struct {
	Quarters []string // labels "III kw. 2012"
	Keys     []string // "2012-Q3"
	Rows     []pivotRow
	Hidden   int // earlier quarters not shown as columns (still in the totals)
	Rest     *pivotRow
}

// pivotRow is one outlet's amounts per quarter and in total.
type pivotRow struct {
	Outlet, Href string
	Cells        []string
	Total        string
}

// adBlocks computes the views for the ads matching f (f.Currency nil: the most used one).
func (s *server) adBlocks(ctx context.Context, f registry.AdFilter, co *registry.Company) (*adBlocksView, error) {
	st := s.cfg.Store
	curs, err := st.AdCurrencies(ctx, f)
	if err != nil {
		return nil, err
	}
	v := &adBlocksView{Company: co}
	if f.Currency == nil {
		if len(curs) == 0 {
			return v, nil
		}
		f.Currency = &curs[0]
	} else if !slices.Contains(curs, *f.Currency) {
		v.Others = curs
		return v, nil
	}
	v.Currency = *f.Currency
	for _, c := range curs {
		if c != v.Currency {
			v.Others = append(v.Others, c)
		}
	}
	conc, err := st.AdConcentration(ctx, f)
	if err != nil {
		return nil, err
	}
	for _, c := range conc {
		v.Concentration = append(v.Concentration, concentrationRow{Concentration: c, TotalText: moneyIn(c.Total, c.Currency),
			TopText: moneyIn(c.TopAmount, c.Currency), Share: percent(c.TopShare), HHIText: mustInt(c.HHI),
			LevelText: registry.LabelOf(registry.ConcentrationLevels, c.Level)})
	}
	outlets, err := st.AdSums(ctx, f, registry.ByOutlet)
	if err != nil {
		return nil, err
	}
	var total registry.Money
	for _, o := range outlets {
		total += o.Amount
		v.Count += o.Count
	}
	v.Total = moneyIn(total, v.Currency)
	v.OutletChart = newChartTable("wykres-media", "Media, w których wydano najwięcej", "Medium", "media", outlets, v.Currency)
	cells, err := st.AdSums(ctx, f, registry.ByOutletQuarter)
	if err != nil {
		return nil, err
	}
	v.Pivot = pivot(outlets, cells, v.Currency, co)
	if co == nil {
		companies, err := st.AdSums(ctx, f, registry.ByCompany)
		if err != nil {
			return nil, err
		}
		v.CompanyChart = newChartTable("wykres-spolki", "Wydatki na media według spółek", "Spółka", "spółki", companies, v.Currency)
	}
	kinds, err := st.AdSums(ctx, f, registry.ByContentKind)
	if err != nil {
		return nil, err
	}
	v.KindChart = newChartTable("wykres-rodzaje", "Wydatki na media według rodzaju treści", "Rodzaj treści", "rodzaje treści", kinds, v.Currency)
	quarters, err := st.AdSums(ctx, f, registry.ByQuarter)
	if err != nil {
		return nil, err
	}
	if n := len(quarters); n > summaryBars { // the latest quarters
		quarters = quarters[n-summaryBars:]
	}
	v.QuarterChart = newChartTable("wykres-kwartaly", "Wydatki na media w kolejnych kwartałach", "Kwartał", "kwartały", quarters, v.Currency)
	return v, nil
}

// pivot lays out the largest outlets against the latest quarters.
func pivot(outlets, cells []registry.AdSum, currency string, co *registry.Company) outletPivot {
	var p outletPivot
	seen := map[string]bool{}
	for _, c := range cells {
		if !seen[c.Quarter] {
			seen[c.Quarter] = true
			p.Keys = append(p.Keys, c.Quarter)
		}
	}
	slices.Sort(p.Keys)
	if n := len(p.Keys); n > summaryQuarters {
		p.Hidden = n - summaryQuarters
		p.Keys = p.Keys[n-summaryQuarters:]
	}
	for _, k := range p.Keys {
		p.Quarters = append(p.Quarters, registry.QuarterLabel(k))
	}
	amounts := map[string]registry.Money{}
	for _, c := range cells {
		amounts[c.Key+"\x00"+c.Quarter] = c.Amount
	}
	var rest registry.Money
	restCells := make([]registry.Money, len(p.Keys))
	for i, o := range outlets {
		if i >= summaryOutlets {
			rest += o.Amount
			for j, k := range p.Keys {
				restCells[j] += amounts[o.Key+"\x00"+k]
			}
			continue
		}
		row := pivotRow{Outlet: o.Key, Total: moneyIn(o.Amount, currency), Href: "/reklamy?outlet=" + url.QueryEscape(o.Key)}
		if co != nil {
			row.Href += "&company=" + co.Slug
		}
		for _, k := range p.Keys {
			row.Cells = append(row.Cells, cellMoney(amounts[o.Key+"\x00"+k], currency))
		}
		p.Rows = append(p.Rows, row)
	}
	if n := len(outlets) - summaryOutlets; n > 0 {
		p.Rest = &pivotRow{Outlet: "pozostałe media (" + mustInt(n) + ")", Total: moneyIn(rest, currency)}
		for _, m := range restCells {
			p.Rest.Cells = append(p.Rest.Cells, cellMoney(m, currency))
		}
	}
	return p
}

func cellMoney(m registry.Money, currency string) string {
	if m == 0 {
		return "—"
	}
	return moneyIn(m, currency)
}

func mustInt(n int) string {
	s, _ := formatInt(n)
	return s
}

// adSummaryView is the data of /reklamy/zestawienia.
type adSummaryView struct {
	List   registerList
	Blocks *adBlocksView
	Query  string // the filters, for links to other currencies
}

// handleAdSummary serves GET /reklamy/zestawienia?company=&year=&quarter=&outlet_kind=&content_kind=&currency=:
// spending per outlet per quarter, per company, per content kind and per quarter, and the
// concentration of each company's spending, with server-drawn SVG charts and their tables.
// Bad filters: 400 with the messages beside the fields.
func (s *server) handleAdSummary(c *fiber.Ctx) error {
	ctx := c.UserContext()
	f, l, err := adFilterOf(ctx, s, c, nil)
	if err != nil {
		return err
	}
	kept := l.Fields[:0]
	for _, ff := range l.Fields {
		if ff.Name != "sort" && ff.Name != "outlet" {
			kept = append(kept, ff)
		}
	}
	l.Fields = kept
	v := adSummaryView{List: l}
	q := queryValues(c)
	q.Del("currency")
	v.Query = q.Encode()
	status := fiber.StatusOK
	if l.Errors {
		status = fiber.StatusBadRequest
	} else {
		var co *registry.Company
		if f.CompanySlug != nil {
			if co, err = s.cfg.Store.FindCompanyBySlug(ctx, *f.CompanySlug); err != nil && registry.ErrorCode(err) != registry.ENOTFOUND {
				return err
			}
		}
		if v.Blocks, err = s.adBlocks(ctx, f, co); err != nil {
			return err
		}
	}
	p := s.page(c, "Reklamy i media: zestawienia")
	p.Nav = "reklamy"
	p.Errors = l.summary()
	p.Data = v
	return s.render(c, status, "ads_summary", p)
}

// apiAdSummary serves GET /api/v1/ads/summary?group=outlet|outlet_quarter|quarter|content_kind|outlet_kind|company
// and the ad filters: published ads summed by the group (amounts in grosze, per currency)
// and each company's concentration (top share 0..1, HHI 0..10 000). Errors: 400.
func (s *server) apiAdSummary(c *fiber.Ctx) error {
	ctx := c.UserContext()
	f, l, err := adFilterOf(ctx, s, c, nil)
	if err == nil {
		err = firstFilterError(l)
	}
	if err != nil {
		return err
	}
	g := registry.AdGroup(strings.TrimSpace(c.Query("group", string(registry.ByOutlet))))
	if !slices.Contains([]registry.AdGroup{registry.ByOutlet, registry.ByOutletQuarter, registry.ByQuarter, registry.ByContentKind, registry.ByOutletKind, registry.ByCompany}, g) {
		return invalidParam("Nieznane grupowanie „%s”: wybierz outlet, outlet_quarter, quarter, content_kind, outlet_kind albo company.", g)
	}
	sums, err := s.cfg.Store.AdSums(ctx, f, g)
	if err != nil {
		return err
	}
	conc, err := s.cfg.Store.AdConcentration(ctx, f)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"group": g, "sums": nonNil(sums), "concentration": nonNil(conc)})
}

// Form returns the summary's filter form.
func (v adSummaryView) Form() filterForm {
	return filterForm{Action: "/reklamy/zestawienia", Submit: "Pokaż zestawienia", Fields: v.List.Fields, Errors: v.List.Errors}
}
