package web

import (
	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// counterpartyView is the data of a counterparty's page.
type counterpartyView struct {
	NIP       string
	Name      string
	Totals    registry.Totals
	ByCompany []companyRow // companies that signed with this counterparty
	Contracts []*registry.Contract
	Pager     pager
}

// handleCounterparty serves GET /kontrahenci/{nip}?page=: every public contract with one
// counterparty across all companies, with totals per company. An invalid NIP, or a NIP
// without contracts: 404; bad page: 400.
func (s *server) handleCounterparty(c *fiber.Ctx) error {
	ctx := c.UserContext()
	raw := c.Params("nip")
	nip, err := registry.NormalizeNIP(raw)
	if err != nil {
		return notFound("„%s” nie jest prawidłowym numerem NIP.", raw)
	}
	page, err := pageParam(c)
	if err != nil {
		return err
	}
	if nip != raw {
		to := "/kontrahenci/" + nip
		if q := c.Request().URI().QueryString(); len(q) > 0 {
			to += "?" + string(q)
		}
		return c.Redirect(to, fiber.StatusMovedPermanently)
	}
	v := counterpartyView{NIP: nip}
	if v.Totals, err = s.contractTotals(ctx, registry.ContractFilter{NIP: &nip}); err != nil {
		return err
	}
	if v.Totals.Count == 0 {
		return notFound("Brak opublikowanych umów z kontrahentem o numerze NIP %s.", nip)
	}
	var total int
	f := registry.ContractFilter{NIP: &nip, Offset: (page - 1) * listPerPage, Limit: listPerPage}
	if v.Contracts, total, err = s.cfg.Store.FindContracts(ctx, f); err != nil {
		return err
	}
	latest, _, err := s.cfg.Store.FindContracts(ctx, registry.ContractFilter{NIP: &nip, Limit: 1})
	if err != nil {
		return err
	}
	if len(latest) > 0 {
		v.Name = latest[0].Counterparty.Name
	}
	companies, err := s.cfg.Store.FindCompanies(ctx)
	if err != nil {
		return err
	}
	for _, co := range companies {
		t, err := s.contractTotals(ctx, registry.ContractFilter{NIP: &nip, CompanyID: &co.ID})
		if err != nil {
			return err
		}
		if t.Count > 0 {
			v.ByCompany = append(v.ByCompany, companyRow{Company: co, Totals: t})
		}
	}
	v.Pager = newPager("/kontrahenci/"+nip, queryValues(c), page, listPerPage, total)
	title := "Kontrahent NIP " + nip
	if v.Name != "" {
		title = v.Name + " (NIP " + nip + ")"
	}
	p := s.page(c, title)
	p.Data = v
	return s.render(c, fiber.StatusOK, "counterparty", p)
}
