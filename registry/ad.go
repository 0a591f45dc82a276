package registry

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// Kinds of media outlet.
var OutletKinds = []Label{
	{"press", "prasa"},
	{"tv", "telewizja"},
	{"radio", "radio"},
	{"online", "portal internetowy"},
	{"social", "media społecznościowe"},
	{"outdoor", "reklama zewnętrzna"},
	{"cinema", "kino"},
	{"other", "inne"},
}

// Kinds of paid content.
var ContentKinds = []Label{
	{"advertisement", "reklama"},
	{"sponsored_article", "artykuł sponsorowany"},
	{"announcement", "ogłoszenie urzędowe"},
	{"programme_sponsorship", "sponsoring audycji"},
}

// Limits of ad fields (runes).
const (
	MaxOutletName  = 300
	MaxCampaign    = 500
	MaxDescription = 5000
)

// Outlet is the media outlet an ad was bought in.
type Outlet struct {
	Kind      string `json:"kind"`
	Name      string `json:"name"`
	NIP       string `json:"nip"` // the publisher's
	Publisher string `json:"publisher"`
}

// AdData is the versioned content of an advertising or media spending entry.
type AdData struct {
	AmountGross Money  `json:"amount_gross"`
	Campaign    string `json:"campaign"`
	ContentKind string `json:"content_kind"`
	ContractID  int64  `json:"contract_id,omitempty"`
	Currency    string `json:"currency"`
	Description string `json:"description"`
	Outlet      Outlet `json:"outlet"`
	PeriodEnd   Date   `json:"period_end"`
	PeriodStart Date   `json:"period_start"`
	Procedure   string `json:"procedure"` // how it was ordered: one of ProcurementModes
}

// Ad is an advertising register entry in its current state.
type Ad = Entry[AdData]

// Normalize trims the texts, lower-cases the codes, upper-cases the currency ("PLN"
// default) and puts the NIP and the dates in canonical form when valid.
func (d *AdData) Normalize() {
	d.Outlet.Name = oneLine(d.Outlet.Name)
	d.Outlet.Kind = strings.ToLower(strings.TrimSpace(d.Outlet.Kind))
	d.Outlet.Publisher = oneLine(d.Outlet.Publisher)
	normID(&d.Outlet.NIP, NormalizeNIP)
	d.Campaign = oneLine(d.Campaign)
	d.ContentKind = strings.ToLower(strings.TrimSpace(d.ContentKind))
	d.Description = multiLine(d.Description)
	d.Procedure = strings.ToLower(strings.TrimSpace(d.Procedure))
	normCurrency(&d.Currency)
	normDate(&d.PeriodStart)
	normDate(&d.PeriodEnd)
}

// Validate checks an ad (call Normalize first): outlet name and kind, campaign, content
// kind, period (start ≤ end, at most 5 years), amount > 0, currency and ordering procedure
// required; publisher and its NIP optional (NIP checked).
func (d *AdData) Validate() error {
	var v Validator
	v.Text("outlet.name", d.Outlet.Name, true, MaxOutletName)
	v.OneOf("outlet.kind", d.Outlet.Kind, OutletKinds, true)
	v.Text("outlet.publisher", d.Outlet.Publisher, false, MaxRecipientName)
	v.ID("outlet.nip", d.Outlet.NIP, NormalizeNIP)
	v.Text("campaign", d.Campaign, true, MaxCampaign)
	v.OneOf("content_kind", d.ContentKind, ContentKinds, true)
	v.LongText("description", d.Description, false, MaxDescription)
	okStart := v.Date("period_start", d.PeriodStart, true)
	if v.Date("period_end", d.PeriodEnd, true) && okStart {
		if v.Check(d.PeriodStart <= d.PeriodEnd, "period_end", "Koniec okresu nie może być wcześniejszy niż jego początek.") {
			v.Check(DaysBetween(d.PeriodStart, d.PeriodEnd) <= 5*366, "period_end", "Okres może trwać najwyżej 5 lat; dłuższe zlecenia wpisz osobno dla kolejnych lat.")
		}
	}
	if v.Money("amount_gross", d.AmountGross, 0) {
		v.Check(d.AmountGross > 0, "amount_gross", "Podaj kwotę większą od zera.")
	}
	v.currency("currency", d.Currency)
	v.OneOf("procedure", d.Procedure, ProcurementModes, true)
	v.Check(d.ContractID >= 0, "contract_id", "Podaj numer umowy z rejestru.")
	return v.Err()
}

// LinkedContract is the contract the order was placed under (0: none).
func (d *AdData) LinkedContract() int64 { return d.ContractID }

// Quarter is the quarter the ad is counted in: that of its period's start ("2012-Q3").
func (d *AdData) Quarter() string { return QuarterOf(d.PeriodStart) }

// QuarterOf returns "YYYY-Qn" for a date ("" for no date).
func QuarterOf(d Date) string {
	t := d.Time()
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-Q%d", t.Year(), (int(t.Month())-1)/3+1)
}

// QuarterLabel renders "2012-Q3" as "III kw. 2012".
func QuarterLabel(q string) string {
	if len(q) != 7 || q[4:6] != "-Q" || q[6] < '1' || q[6] > '4' {
		return q
	}
	return [...]string{"I", "II", "III", "IV"}[q[6]-'1'] + " kw. " + q[:4]
}

// QuarterRange returns the first and last day of a quarter given as "2012-Q3", "2012Q3",
// "2012/3", "III 2012" or "20123" (year and quarter digit). Errors: EINVALID.
func QuarterRange(s string) (Date, Date, error) {
	t := strings.ToUpper(strings.Join(strings.Fields(s), ""))
	var year, q int
	var err error
	switch {
	case len(t) == 5 && allDigits(t):
		year, _ = strconv.Atoi(t[:4])
		q = int(t[4] - '0')
	case len(t) == 7 && allDigits(t[:4]) && (t[4:6] == "-Q" || t[4:6] == "/Q"):
		year, _ = strconv.Atoi(t[:4])
		q = int(t[6] - '0')
	case len(t) == 6 && allDigits(t[:4]) && (t[4] == 'Q' || t[4] == '/' || t[4] == '-'):
		year, _ = strconv.Atoi(t[:4])
		q = int(t[5] - '0')
	default:
		for i, r := range []string{"IV", "III", "II", "I"} {
			if strings.HasPrefix(t, r) && len(t) == len(r)+4 && allDigits(t[len(r):]) {
				year, _ = strconv.Atoi(t[len(r):])
				q = 4 - i
				break
			}
		}
	}
	if year < 1990 || year > 2100 || q < 1 || q > 4 {
		err = Errorf(EINVALID, "Nieprawidłowy kwartał. Wpisz go np. jako 2025-Q3 albo 20253.")
		return "", "", err
	}
	start := Date(fmt.Sprintf("%04d-%02d-01", year, (q-1)*3+1))
	end := Date(fmt.Sprintf("%04d-%02d-%02d", year, q*3, [...]int{31, 30, 30, 31}[q-1]))
	return start, end, nil
}

// Fields lists the ad for display, in order.
func (d *AdData) Fields() []Field {
	return []Field{
		{Name: "outlet.name", Label: "Medium", Value: d.Outlet.Name},
		{Name: "outlet.kind", Label: "Rodzaj medium", Value: LabelOf(OutletKinds, d.Outlet.Kind)},
		{Name: "outlet.publisher", Label: "Wydawca", Value: d.Outlet.Publisher},
		{Name: "outlet.nip", Label: "NIP wydawcy", Value: d.Outlet.NIP, Href: nipHref(d.Outlet.NIP)},
		{Name: "campaign", Label: "Kampania", Value: d.Campaign},
		{Name: "content_kind", Label: "Rodzaj treści", Value: LabelOf(ContentKinds, d.ContentKind)},
		{Name: "description", Label: "Opis", Value: d.Description},
		{Name: "period", Label: "Okres", Value: periodText(d.PeriodStart, d.PeriodEnd)},
		{Name: "quarter", Label: "Kwartał (według początku okresu)", Value: QuarterLabel(d.Quarter())},
		{Name: "amount_gross", Label: "Kwota brutto", Value: moneyIn(d.AmountGross, d.Currency)},
		{Name: "procedure", Label: "Tryb zamówienia", Value: LabelOf(ProcurementModes, d.Procedure)},
		contractField(d.ContractID),
	}
}

// periodText renders a period as "01.07.2012 – 30.09.2012".
func periodText(a, b Date) string {
	if a == "" && b == "" {
		return ""
	}
	return a.Polish() + " – " + b.Polish()
}

// AdFilter selects ads. Nil pointers mean "not given".
type AdFilter struct {
	EntryFilter
	Year        *int
	Quarter     *string // "2012-Q3"
	OutletKind  *string
	ContentKind *string
	Outlet      *string // exact outlet name
	NIP         *string // publisher's NIP
	Currency    *string
	Sort        string // "date" (default, newest first), "amount"
}

func (f AdFilter) where() *where {
	w := f.base()
	w.yearRange("p.period_start", f.Year)
	w.eq("p.quarter", f.Quarter)
	w.eq("p.outlet_kind", f.OutletKind)
	w.eq("p.content_kind", f.ContentKind)
	w.eq("p.outlet_name", f.Outlet)
	w.eq("p.publisher_nip", f.NIP)
	w.eq("p.currency", f.Currency)
	return w
}

// Ads returns the advertising and media spending register.
func (s *Store) Ads() *Register[AdData, *AdData] {
	return &Register[AdData, *AdData]{s: s, kind: KindAd, table: "ads", what: "wpisu o reklamie", cols: adColumns, required: adRequired, extra: adExtra,
		upsert: `INSERT INTO ads (entry_id, company_id, outlet_name, outlet_kind, publisher, publisher_nip, campaign, content_kind, period_start, period_end, quarter, amount_gross, currency, procedure, contract_id, public)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (entry_id) DO UPDATE SET outlet_name = excluded.outlet_name, outlet_kind = excluded.outlet_kind, publisher = excluded.publisher,
	publisher_nip = excluded.publisher_nip, campaign = excluded.campaign, content_kind = excluded.content_kind, period_start = excluded.period_start,
	period_end = excluded.period_end, quarter = excluded.quarter, amount_gross = excluded.amount_gross, currency = excluded.currency,
	procedure = excluded.procedure, contract_id = excluded.contract_id, public = excluded.public`,
		row: func(m *EntryMeta, public int, d *AdData) []any {
			return []any{m.ID, m.CompanyID, d.Outlet.Name, d.Outlet.Kind, d.Outlet.Publisher, d.Outlet.NIP, d.Campaign, d.ContentKind,
				string(d.PeriodStart), string(d.PeriodEnd), d.Quarter(), int64(d.AmountGross), d.Currency, d.Procedure, nullID(d.ContractID), public}
		}}
}

// FindAds returns a page of ads matching f and the total count.
func (s *Store) FindAds(ctx context.Context, f AdFilter) ([]*Ad, int, error) {
	order := "p.period_start DESC, p.entry_id DESC"
	if f.Sort == "amount" {
		order = "p.amount_gross DESC, p.entry_id DESC"
	}
	return s.Ads().find(ctx, f.where(), order, f.Offset, f.Limit)
}
