package web

import (
	"context"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// adDef is the advertising register's pages: /reklamy, /reklamy/{id}, /spolki/{slug}/reklamy
// (the views of sums and concentration are in ads_summary.go).
var adDef = &registerDef{
	Kind: registry.KindAd, Path: "/reklamy", Tab: "reklamy", Title: "Reklamy i media", One: "wpisu o reklamie", API: "ads",
	Lead:    "Wydatki spółek miejskich na reklamę, artykuły sponsorowane, ogłoszenia i sponsoring audycji — w jakich mediach, za ile i w jakim trybie.",
	Columns: []string{"Kwartał", "Kampania", "Spółka", "Medium", "Kwota brutto"},
	entry: func(ctx context.Context, s *server, a registry.Actor, id int64) (*entryView, error) {
		e, v, err := loadEntry(ctx, s.cfg.Store.Ads(), a, id)
		if err != nil {
			return nil, err
		}
		v.Lead = e.Data.Campaign + " — " + e.Data.Outlet.Name
		if e.Data.Procedure == registry.ModeDirectAward {
			v.Flags = append(v.Flags, "Zlecenie udzielone z wolnej ręki, bez konkurencji ofert.")
		}
		return v, nil
	},
	exportCSV: func(ctx context.Context, s *server, w csvChunkWriter, base string) error {
		return exportCSV(ctx, s.cfg.Store.Ads(), w, base, "/reklamy")
	},
	exportJSON: func(ctx context.Context, s *server, emit func(any) error) error {
		return s.cfg.Store.Ads().Scan(ctx, func(a *registry.Ad) error { return emit(a) })
	},
}

// adFilterOf reads the ad filters: company, year, quarter, outlet kind, content kind,
// outlet (exact name), currency, sort.
func adFilterOf(ctx context.Context, s *server, c *fiber.Ctx, co *registry.Company) (registry.AdFilter, registerList, error) {
	var f registry.AdFilter
	company, err := companyFilter(s, ctx, c, co, &f.EntryFilter)
	if err != nil {
		return f, registerList{}, err
	}
	year := yearFilter(c, "Rok (początek okresu)", &f.Year)
	quarter := filterField{Name: "quarter", Label: "Kwartał (np. 2025-Q3)", Value: c.Query("quarter"), Max: 7}
	if quarter.Value != "" {
		if start, _, err := registry.QuarterRange(quarter.Value); err != nil {
			quarter.Error = registry.ErrorMessage(err)
		} else {
			f.Quarter = ref(registry.QuarterOf(start))
		}
	}
	kind := selectFilter(c, "outlet_kind", "Rodzaj medium", "wszystkie media", registry.OutletKinds, &f.OutletKind)
	content := selectFilter(c, "content_kind", "Rodzaj treści", "wszystkie rodzaje", registry.ContentKinds, &f.ContentKind)
	outlet := textFilter(c, "outlet", "Medium (dokładna nazwa)", &f.Outlet)
	cur := filterField{Name: "currency", Label: "Waluta (kod, np. PLN)", Value: c.Query("currency"), Max: 3}
	if cur.Value != "" {
		if !registry.ValidCurrency(cur.Value) {
			cur.Error = "Podaj kod waluty ISO 4217, np. PLN, EUR."
		} else {
			f.Currency = &cur.Value
		}
	}
	sort := selectFilter(c, "sort", "Sortuj według", "okres: od najnowszych", []registry.Label{{Code: "amount", Label: "kwota: od największej"}}, new(*string))
	f.Sort = sort.Value
	return f, finishList(company, &year, &quarter, &kind, &content, &outlet, &cur, &sort), nil
}

// adRow shows an ad in a list.
func adRow(a *registry.Ad) listRow {
	d := a.Data
	return listRow{URL: "/reklamy/" + strconv.FormatInt(a.ID, 10), Date: registry.QuarterLabel(d.Quarter()),
		Title: d.Campaign, Company: a.Company, CompanyName: a.CompanyName,
		Party: d.Outlet.Name, Extra: registry.LabelOf(registry.OutletKinds, d.Outlet.Kind) + ", " + registry.LabelOf(registry.ContentKinds, d.ContentKind),
		Amount: moneyIn(d.AmountGross, d.Currency), Withdrawn: a.Status == registry.StatusWithdrawn}
}

func init() {
	adDef.list, adDef.api = registerLists(adFilterOf,
		func(f *registry.AdFilter, offset, limit int) { f.Offset, f.Limit = offset, limit },
		(*registry.Store).FindAds, adRow)
}
