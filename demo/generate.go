package demo

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"jawnosc/registry"
)

// DefaultSeed is the seed of the demo data set; DefaultCount the number of contracts
// `serve --demo` loads.
const (
	DefaultSeed  uint64 = 20260101
	DefaultCount        = 6000
)

// Threshold is the public procurement threshold the demo data plays around (net).
const Threshold = registry.Money(130_000_00)

// Contract dates: signed between epoch and lastDay; companies in liquidation stop
// signing at the end of liquidationEnd's year.
var (
	epoch          = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	lastDay        = dayOf(time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC))
	liquidationEnd = dayOf(time.Date(2021, 12, 31, 0, 0, 0, 0, time.UTC))
	tableDays      = dayOf(time.Date(2031, 1, 1, 0, 0, 0, 0, time.UTC))
)

func dayOf(t time.Time) int { return int(t.Sub(epoch).Hours() / 24) }

// tmplRef is a template with a key that picks its sole supplier.
type tmplRef struct {
	t   *tmpl
	key int
}

// coState is a company while contracts are generated.
type coState struct {
	slug, prefix string
	sectoral     bool
	own, split   []tmplRef // company-specific templates; templates that suit order splitting
	seq          int
	to           int // last day it signs contracts
	self         registry.Counterparty
}

// generator holds everything one stream needs; it is not safe for concurrent use.
type generator struct {
	r       *rand.Rand
	pool    *pool
	cos     []coState
	cum     []int
	generic []tmplRef
	persons []tmplRef
	bySlug  map[string]int
	days    []string // ISO date of each day since epoch
	sb      strings.Builder
}

// Contracts generates n contracts of the given companies, deterministically from seed
// (the same seed and companies give byte-identical contracts), and calls fn with each
// contract and its company's slug, in order, without holding them all. It stops at the
// first error of fn and returns it. Returns EINVALID when n is negative or there are
// contracts to make and no companies.
func Contracts(seed uint64, companies []registry.Company, n int, fn func(company string, c registry.BulkContract) error) error {
	if n < 0 {
		return registry.Errorf(registry.EINVALID, "Liczba umów nie może być ujemna.")
	}
	if n == 0 {
		return nil
	}
	if len(companies) == 0 {
		return registry.Errorf(registry.EINVALID, "Brak spółek, dla których można wygenerować umowy.")
	}
	g := newGenerator(seed, companies)
	for done := 0; done < n; {
		ci := g.pickCompany()
		if g.r.IntN(1000) < 8 {
			k, err := g.splitCluster(ci, n-done, fn)
			if err != nil {
				return err
			}
			if k > 0 {
				done += k
				continue
			}
		}
		c := g.contract(ci, spec{})
		if err := fn(g.cos[ci].slug, c); err != nil {
			return err
		}
		done++
	}
	return nil
}

func newGenerator(seed uint64, companies []registry.Company) *generator {
	g := &generator{r: rand.New(rand.NewPCG(seed, 0x6a61776e)), pool: newPool(), bySlug: make(map[string]int)}
	for i := range genericTemplates {
		g.generic = append(g.generic, tmplRef{&genericTemplates[i], 1000 + i})
	}
	for i := range personTemplates {
		g.persons = append(g.persons, tmplRef{&personTemplates[i], 2000 + i})
	}
	total := 0
	for ci, c := range companies {
		p, ok := profiles[c.Slug]
		if !ok {
			p = profile{weight: 3, prefix: strings.ToUpper(c.Slug)}
		}
		st := coState{slug: c.Slug, prefix: p.prefix, sectoral: p.sectoral, to: lastDay,
			self: registry.Counterparty{Name: c.Name, NIP: c.NIP, REGON: c.REGON, KRS: c.KRS, Country: "PL", Town: c.City}}
		if c.Status != "" {
			st.to = liquidationEnd
		}
		own := companyTemplates[p.kind]
		for i := range own {
			st.own = append(st.own, tmplRef{&own[i], ci*131 + i})
		}
		for _, tr := range append(append([]tmplRef(nil), st.own...), g.generic...) {
			if tr.t.min <= 50_000 && tr.t.max >= 130_000 && tr.t.supplier == "" && tr.t.flags&fExempt == 0 {
				st.split = append(st.split, tr)
			}
		}
		g.cos = append(g.cos, st)
		total += p.weight
		g.cum = append(g.cum, total)
		g.bySlug[c.Slug] = ci
	}
	g.days = make([]string, tableDays)
	for d := range g.days {
		g.days[d] = epoch.AddDate(0, 0, d).Format("2006-01-02")
	}
	return g
}

func (g *generator) pickCompany() int {
	k := g.r.IntN(g.cum[len(g.cum)-1])
	for i, c := range g.cum {
		if k < c {
			return i
		}
	}
	return len(g.cum) - 1
}

// spec forces parts of a contract (order-splitting clusters); zero values mean "choose".
type spec struct {
	t      *tmplRef
	cp     *registry.Counterparty
	net    registry.Money
	mode   string
	day    int
	suffix string
}

// splitCluster emits 3–4 contracts of one company with one counterparty, each below
// the threshold and together above it, signed within a few months. Returns how many.
func (g *generator) splitCluster(ci, left int, fn func(string, registry.BulkContract) error) (int, error) {
	co := &g.cos[ci]
	if len(co.split) == 0 || left < 3 {
		return 0, nil
	}
	tr := co.split[g.r.IntN(len(co.split))]
	cp := g.pool.pick(g.r, tr.t.sec)
	k := 3 + g.r.IntN(2)
	if k > left {
		k = left
	}
	day := g.r.IntN(co.to - 150)
	mode := registry.ModeQuotationBelowThreshold
	if g.r.IntN(2) == 0 {
		mode = registry.ModeDirectAward
	}
	for i := 0; i < k; i++ {
		net := registry.Money(40_000_00 + g.r.Int64N(85_000_00))
		c := g.contract(ci, spec{t: &tr, cp: &cp, net: net, mode: mode, day: day, suffix: " – część " + stages[i]})
		if err := fn(co.slug, c); err != nil {
			return i, err
		}
		day += 10 + g.r.IntN(35)
	}
	return k, nil
}

// signDay picks a working day in [0, to].
func (g *generator) signDay(to int) int {
	d := g.r.IntN(to + 1)
	switch epoch.AddDate(0, 0, d).Weekday() {
	case time.Saturday:
		d--
	case time.Sunday:
		if d+1 <= to {
			d++
		} else {
			d -= 2
		}
	}
	return d
}

// contract generates one contract of company ci.
func (g *generator) contract(ci int, sp spec) registry.BulkContract {
	r, co := g.r, &g.cos[ci]
	var tr tmplRef
	person := false
	switch {
	case sp.t != nil:
		tr = *sp.t
	case r.IntN(100) < 2:
		tr, person = g.persons[r.IntN(len(g.persons))], true
	case len(co.own) > 0 && r.IntN(100) < 50:
		tr = co.own[r.IntN(len(co.own))]
	default:
		tr = g.generic[r.IntN(len(g.generic))]
	}
	t := tr.t

	day := sp.day
	if sp.t == nil {
		day = g.signDay(co.to)
	}
	year, _ := strconv.Atoi(g.days[day][:4])
	b := newBinds(year)

	// Counterparty and, for municipal suppliers, the mode.
	var cp registry.Counterparty
	mode := sp.mode
	switch {
	case sp.cp != nil:
		cp = *sp.cp
	case person:
		cp = g.pool.persons[r.IntN(len(g.pool.persons))]
	case t.supplier != "" && t.supplier != co.slug && g.hasCompany(t.supplier):
		cp, mode = g.cos[g.bySlug[t.supplier]].self, t.mode
	case t.flags&fSole != 0 && r.IntN(100) < 80:
		cp = g.pool.fixed(t.sec, tr.key)
	default:
		cp = g.pool.pick(r, t.sec)
	}

	// Value (net, grosze).
	net := sp.net
	if net == 0 {
		if !person && t.min <= 129_999 && t.max >= 125_000 && r.IntN(1000) < 35 {
			net = registry.Money(125_000_00 + r.Int64N(5_000_00))
		} else {
			net = logValue(r, t.min, t.max)
		}
	}
	if mode == "" {
		mode = g.mode(co, t, net, person)
	}
	currency := "PLN"
	if cp.Country != "PL" && cp.Country != "" && r.IntN(100) < 40 {
		currency = "EUR"
		net = net * 100 / 430
	}

	// Dates.
	start := day + r.IntN(15)
	months := t.months
	if months < 1 {
		months = 1
	}
	end := start + 28 + r.IntN(months*30)
	if end >= len(g.days) {
		end = len(g.days) - 1
	}

	d := registry.ContractData{
		SignedOn:        registry.Date(g.days[day]),
		Counterparty:    cp,
		ValueNet:        net,
		ValueGross:      gross(net, t.vat),
		Currency:        currency,
		ProcurementMode: mode,
		StartOn:         registry.Date(g.days[start]),
		EndOn:           registry.Date(g.days[end]),
	}
	co.seq++
	d.Number = co.prefix + "/" + g.days[day][:4] + "/" + pad5(co.seq)

	g.sb.Reset()
	fill(&g.sb, r, t.subject, &b)
	g.sb.WriteString(sp.suffix)
	d.Subject = g.sb.String()

	if t.cpv != "" {
		switch mode {
		case registry.ModeOpenTender, registry.ModeRestrictedTender, registry.ModeNegotiated, registry.ModeFrameworkCallOff:
			d.CPV = t.cpv
		default:
			if r.IntN(100) < 45 {
				d.CPV = t.cpv
			}
		}
	}
	if t.flags&fInvest != 0 {
		p := 8
		if net >= 1_000_000_00 {
			p = 35
		}
		d.EUFunded = r.IntN(100) < p
	}

	d.Description = g.description(co, t, &d, &b, year, person)
	if !person && net >= Threshold && r.IntN(1000) < 12 {
		d.Description = "Szczegółowy zakres świadczeń został utajniony na wniosek wykonawcy."
		d.Redactions = []registry.Redaction{{Field: "description", Ground: "trade_secret", Justification: tradeSecret}}
	}

	delay := publicationDelay(r)
	bc := registry.BulkContract{Data: d, CreatedBy: "demo", PublishedAt: g.at(day + delay)}
	g.history(&bc, t.vat, day+delay, start, end, person)
	return bc
}

func (g *generator) hasCompany(slug string) bool {
	_, ok := g.bySlug[slug]
	return ok
}
