package web

import (
	"cmp"
	"context"
	"math"
	"net/url"
	"slices"
	"strconv"

	"github.com/gofiber/fiber/v2"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"jawnosc/appeals"
	"jawnosc/audits"
	"jawnosc/registry"
)

// supervisionRow is one company's line of the supervisor's table.
type supervisionRow struct {
	Company  *registry.Company
	Totals   registry.Totals
	Filing   audits.Timeliness
	Signals  int
	Audits   audits.CompanyStats
	ByRule   map[string]int
	OnTime   int // percent
	HasFiled bool
	Requests *appeals.Stats // information requests and appeals
	// ReqOnTime and Refusals are the requests' on-time and refusal shares in whole percent,
	// -1 when there is nothing to measure.
	ReqOnTime, Refusals int
}

// supervisionColumn is a sortable column of the table.
type supervisionColumn struct {
	Key, Label string
	Num        bool
	Sort       string // "ascending", "descending" or "" (aria-sort)
	URL        string // link that sorts by this column (toggling the direction)
}

// supervisionColumns are the table's columns in order; the key is the ?sort= value.
var supervisionColumns = []supervisionColumn{
	{Key: "name", Label: "Spółka"},
	{Key: "contracts", Label: "Umowy", Num: true},
	{Key: "value", Label: "Wartość netto", Num: true},
	{Key: "ontime", Label: "Publikowane w 7 dni", Num: true},
	{Key: "delay", Label: "Mediana opóźnienia (dni)", Num: true},
	{Key: "signals", Label: "Sygnały", Num: true},
	{Key: "reports", Label: "Raporty z audytów", Num: true},
	{Key: "pending", Label: "Zalecenia otwarte", Num: true},
	{Key: "overdue", Label: "Zalecenia po terminie", Num: true},
	{Key: "requests", Label: "Wnioski o informację", Num: true},
	{Key: "reqontime", Label: "Odpowiedzi w terminie", Num: true},
	{Key: "refusals", Label: "Odmowy", Num: true},
	{Key: "appeals", Label: "Odwołania", Num: true},
}

// supervisionView is the data of /panel/nadzor.
type supervisionView struct {
	Rows    []*supervisionRow
	Columns []supervisionColumn
	Years   supervisionChart
	Modes   supervisionChart
	Overdue []*audits.Recommendation
	Notices []audits.OverdueNotice
}

// supervisionRows gathers every company's figures (shared with the public company page).
func (s *server) supervisionRows(ctx context.Context) ([]*supervisionRow, error) {
	cos, err := s.cfg.Store.FindCompanies(ctx)
	if err != nil {
		return nil, err
	}
	totals, err := s.cfg.Store.CompanyTotals(ctx)
	if err != nil {
		return nil, err
	}
	filing, err := s.cfg.Audits.TimelinessByCompany(ctx)
	if err != nil {
		return nil, err
	}
	sigs, err := s.cfg.Audits.SignalCounts(ctx)
	if err != nil {
		return nil, err
	}
	stats, err := s.cfg.Audits.StatsByCompany(ctx)
	if err != nil {
		return nil, err
	}
	rows := make([]*supervisionRow, 0, len(cos))
	for _, co := range cos {
		r := &supervisionRow{Company: co, Totals: totals[co.ID], Filing: filing[co.ID], Audits: stats[co.ID], ByRule: sigs[co.ID]}
		for _, n := range sigs[co.ID] {
			r.Signals += n
		}
		r.OnTime = r.Filing.OnTimePct()
		r.HasFiled = r.Filing.Contracts > 0
		if r.Requests, err = s.cfg.Appeals.CompanyStats(ctx, co.ID); err != nil {
			return nil, err
		}
		r.ReqOnTime, r.Refusals = wholePct(r.Requests.OnTimeShare), wholePct(r.Requests.RefusalRate)
		rows = append(rows, r)
	}
	return rows, nil
}

// wholePct turns a share (0..1, nil: none) into whole percent, -1 for none.
func wholePct(share *float64) int {
	if share == nil {
		return -1
	}
	return int(math.Round(*share * 100))
}

// sortSupervision orders rows by the column key (Polish collation for names), ties by name.
func sortSupervision(rows []*supervisionRow, key string, desc bool) {
	col := collate.New(language.Polish)
	byName := func(a, b *supervisionRow) int { return col.CompareString(a.Company.Name, b.Company.Name) }
	val := func(r *supervisionRow) int64 {
		switch key {
		case "contracts":
			return int64(r.Totals.Count)
		case "value":
			return int64(r.Totals.ValueNet)
		case "ontime":
			return int64(r.OnTime)
		case "delay":
			return int64(r.Filing.MedianDelay)
		case "signals":
			return int64(r.Signals)
		case "reports":
			return int64(r.Audits.Reports)
		case "pending":
			return int64(r.Audits.Pending)
		case "overdue":
			return int64(r.Audits.Overdue)
		case "requests":
			return int64(r.Requests.Requests)
		case "reqontime":
			return int64(r.ReqOnTime)
		case "refusals":
			return int64(r.Refusals)
		case "appeals":
			return int64(r.Requests.Appeals)
		}
		return 0
	}
	slices.SortStableFunc(rows, func(a, b *supervisionRow) int {
		c := 0
		if key != "name" {
			c = cmp.Compare(val(a), val(b))
		}
		if c == 0 {
			c = byName(a, b)
			if key != "name" {
				return c // ties stay alphabetical whatever the direction
			}
		}
		if desc {
			return -c
		}
		return c
	})
}

// handleSupervision serves GET /panel/nadzor?sort=&dir=: the supervisor's dashboard — every
// company with its filing timeliness, signals and audit recommendations in a table sortable
// by each column, charts of spending per year and per procurement mode, and the overdue
// recommendations. Supervisors, auditors and admins; others 403.
func (s *server) handleSupervision(c *fiber.Ctx) error {
	if err := audits.RequireSupervision(s.actor(c)); err != nil {
		return err
	}
	key, dir := c.Query("sort", "name"), c.Query("dir", "asc")
	known := false
	for _, col := range supervisionColumns {
		known = known || col.Key == key
	}
	if !known || (dir != "asc" && dir != "desc") {
		return invalidParam("Nieznany sposób sortowania.")
	}
	ctx := c.UserContext()
	rows, err := s.supervisionRows(ctx)
	if err != nil {
		return err
	}
	sortSupervision(rows, key, dir == "desc")
	v := supervisionView{Rows: rows}
	for _, col := range supervisionColumns {
		next := "asc"
		if col.Num {
			next = "desc" // numbers: largest first on the first click
		}
		if col.Key == key {
			col.Sort = map[string]string{"asc": "ascending", "desc": "descending"}[dir]
			next = map[string]string{"asc": "desc", "desc": "asc"}[dir]
		}
		col.URL = "/panel/nadzor?" + url.Values{"sort": {col.Key}, "dir": {next}}.Encode()
		v.Columns = append(v.Columns, col)
	}
	years, err := s.yearTotals(ctx, nil)
	if err != nil {
		return err
	}
	v.Years = yearsChart(years)
	modes, err := s.cfg.Audits.SpendingByMode(ctx, nil)
	if err != nil {
		return err
	}
	v.Modes = modesChart(modes)
	pending, err := s.cfg.Audits.PendingRecommendations(ctx, 0)
	if err != nil {
		return err
	}
	for _, r := range pending {
		if r.Overdue {
			v.Overdue = append(v.Overdue, r)
		}
	}
	slices.SortFunc(v.Overdue, func(a, b *audits.Recommendation) int { return cmp.Compare(b.DaysOverdue, a.DaysOverdue) })
	if v.Notices, err = s.cfg.Audits.FindOverdueNotices(ctx, 0, 20); err != nil {
		return err
	}
	p := s.page(c, "Pulpit nadzoru właścicielskiego")
	p.Nav = "panel"
	p.Data = v
	return s.render(c, fiber.StatusOK, "supervision", p)
}

// supervisionChart is a chart of contract spending with its data table (net values and
// contract counts), for templates/partials/bar_chart.html.
type supervisionChart struct {
	Chart barChart
	What  string // the first column's header
	Rows  []supervisionChartRow
}

// supervisionChartRow is one line of a chart's data table.
type supervisionChartRow struct {
	Label    string
	Count    int
	ValueNet registry.Money
}

// newSupervisionChart lays the rows out as a bar chart of their net values.
func newSupervisionChart(id, title, what string, rows []supervisionChartRow) supervisionChart {
	items := make([]chartItem, len(rows))
	for i, r := range rows {
		items[i] = chartItem{Label: r.Label, Amount: int64(r.ValueNet), Value: r.ValueNet.String()}
	}
	return supervisionChart{Chart: newBarChart(id, title, "wartość netto umów", items), What: what, Rows: rows}
}

// yearsChart is the chart of contract spending per year of signing, oldest first.
func yearsChart(years []registry.YearTotal) supervisionChart {
	var rows []supervisionChartRow
	for i := len(years) - 1; i >= 0; i-- {
		rows = append(rows, supervisionChartRow{Label: strconv.Itoa(years[i].Year), Count: years[i].Count, ValueNet: years[i].ValueNet})
	}
	return newSupervisionChart("wykres-lata", "Wartość umów według roku zawarcia", "Rok", rows)
}

// modesChart is the chart of contract spending per procurement mode, largest first.
func modesChart(modes []audits.ModeTotal) supervisionChart {
	var rows []supervisionChartRow
	for _, m := range modes {
		rows = append(rows, supervisionChartRow{Label: registry.LabelOf(registry.ProcurementModes, m.Mode), Count: m.Count, ValueNet: m.ValueNet})
	}
	return newSupervisionChart("wykres-tryby", "Wartość umów według trybu udzielenia zamówienia", "Tryb", rows)
}

// companySupervision is the public summary on /spolki/{slug}: filing timeliness, open
// signals by rule, and audit recommendations (open and overdue).
type companySupervision struct {
	Row     *supervisionRow
	Rules   []registry.Label
	Overdue []*audits.Recommendation
	Reports []*audits.Report
}

// companySupervisionOf builds the public summary of one company.
func (s *server) companySupervisionOf(ctx context.Context, co *registry.Company) (*companySupervision, error) {
	rows, err := s.supervisionRows(ctx)
	if err != nil {
		return nil, err
	}
	v := &companySupervision{Rules: audits.Rules}
	for _, r := range rows {
		if r.Company.ID == co.ID {
			v.Row = r
		}
	}
	if v.Row == nil {
		return nil, notFound("Nie ma takiej spółki.")
	}
	pending, err := s.cfg.Audits.PendingRecommendations(ctx, co.ID)
	if err != nil {
		return nil, err
	}
	for _, r := range pending {
		if r.Overdue {
			v.Overdue = append(v.Overdue, r)
		}
	}
	if v.Reports, _, err = s.cfg.Audits.FindReports(ctx, audits.ReportFilter{CompanyID: &co.ID, Limit: 5}); err != nil {
		return nil, err
	}
	return v, nil
}
