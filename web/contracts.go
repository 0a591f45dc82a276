package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// contractForm is the filter form of /umowy as typed (shown back to the resident).
type contractForm struct {
	Company, Year, Mode, Min, Max, Counterparty, Sort string
}

// contractsView is the data of the contract list.
type contractsView struct {
	Form      contractForm
	Companies []*registry.Company
	Modes     []registry.Label
	Sorts     []registry.Label
	Errors    map[string]string // per form field, Polish
	Contracts []*registry.Contract
	Totals    registry.Totals
	Pager     pager
}

// contractSorts are the orders of the contract list.
var contractSorts = []registry.Label{
	{Code: "date", Label: "data zawarcia: od najnowszych"},
	{Code: "published", Label: "data publikacji: od najnowszych"},
	{Code: "value", Label: "wartość: od największej"},
}

// contractFilter reads the filter form; bad values are collected per field.
func contractFilter(c *fiber.Ctx) (contractForm, registry.ContractFilter, map[string]string) {
	form := contractForm{
		Company: strings.TrimSpace(c.Query("company")), Year: strings.TrimSpace(c.Query("year")),
		Mode: strings.TrimSpace(c.Query("mode")), Min: strings.TrimSpace(c.Query("od")),
		Max: strings.TrimSpace(c.Query("do")), Counterparty: strings.TrimSpace(c.Query("counterparty")),
		Sort: strings.TrimSpace(c.Query("sort")),
	}
	var f registry.ContractFilter
	errs := map[string]string{}
	if form.Company != "" {
		f.CompanySlug = &form.Company
	}
	if form.Year != "" {
		if y, err := parseYear(form.Year); err != nil {
			errs["year"] = registry.ErrorMessage(err)
		} else {
			f.Year = &y
		}
	}
	if form.Mode != "" {
		if registry.LabelOf(registry.ProcurementModes, form.Mode) == form.Mode {
			errs["mode"] = "Nieznany tryb udzielenia zamówienia."
		} else {
			f.Mode = &form.Mode
		}
	}
	for _, b := range []struct {
		field, value string
		dst          **registry.Money
	}{{"od", form.Min, &f.ValueMin}, {"do", form.Max, &f.ValueMax}} {
		if b.value == "" {
			continue
		}
		m, err := registry.ParseMoney(b.value)
		if err != nil {
			errs[b.field] = registry.ErrorMessage(err)
			continue
		}
		*b.dst = &m
	}
	if f.ValueMin != nil && f.ValueMax != nil && *f.ValueMin > *f.ValueMax {
		errs["do"] = "Kwota „do” nie może być mniejsza niż kwota „od”."
	}
	if len([]rune(form.Counterparty)) > 200 {
		errs["counterparty"] = "Nazwa kontrahenta może mieć najwyżej 200 znaków."
	} else if form.Counterparty != "" {
		f.Counterparty = &form.Counterparty
	}
	switch form.Sort {
	case "", "date", "published", "value":
		f.Sort = form.Sort
	default:
		errs["sort"] = "Nieznany porządek sortowania."
	}
	return form, f, errs
}

// contractFilterFields are the fields of the contracts' filter form, as contracts.html shows them.
var contractFilterFields = []summaryField{{"company", "f-company", "Spółka"}, {"year", "f-year", "Rok zawarcia"},
	{"mode", "f-mode", "Tryb udzielenia zamówienia"}, {"od", "f-od", "Wartość netto od"}, {"do", "f-do", "Wartość netto do"},
	{"counterparty", "f-counterparty", "Kontrahent"}, {"sort", "f-sort", "Sortuj według"}}

// handleContracts serves GET /umowy?company=&year=&mode=&od=&do=&counterparty=&sort=&page=:
// the contract list with filters (amounts in zł, Polish forms accepted), totals and
// pagination. Bad filter values are shown beside their fields with status 400.
func (s *server) handleContracts(c *fiber.Ctx) error {
	ctx := c.UserContext()
	page, err := pageParam(c)
	if err != nil {
		return err
	}
	form, f, errs := contractFilter(c)
	v := contractsView{Form: form, Modes: registry.ProcurementModes, Sorts: contractSorts, Errors: errs}
	if v.Companies, err = s.cfg.Store.FindCompanies(ctx); err != nil {
		return err
	}
	status := fiber.StatusOK
	if len(errs) > 0 {
		status = fiber.StatusBadRequest
	} else {
		f.Offset, f.Limit = (page-1)*listPerPage, listPerPage
		var total int
		if v.Contracts, total, err = s.cfg.Store.FindContracts(ctx, f); err != nil {
			return err
		}
		f.Offset, f.Limit = 0, 0
		if v.Totals, err = s.contractTotals(ctx, f); err != nil {
			return err
		}
		v.Pager = newPager("/umowy", queryValues(c), page, listPerPage, total)
	}
	p := s.page(c, "Umowy")
	p.Nav = "umowy"
	p.Errors = errorSummary(errs, "", contractFilterFields)
	p.Feed = "/feeds/umowy"
	p.Data = v
	return s.render(c, status, "contracts", p)
}
