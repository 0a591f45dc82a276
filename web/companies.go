package web

import (
	"github.com/gofiber/fiber/v2"

	"jawnosc/appeals"
	"jawnosc/registry"
)

// listPerPage is the number of contracts per page of HTML lists.
const listPerPage = 20

// handleCompanies serves GET /spolki: every company with its contract count and total.
func (s *server) handleCompanies(c *fiber.Ctx) error {
	rows, err := s.companyRows(c)
	if err != nil {
		return err
	}
	p := s.page(c, "Spółki miejskie")
	p.Nav = "spolki"
	p.Data = rows
	return s.render(c, fiber.StatusOK, "companies", p)
}

// companyView is the data of a company's profile.
type companyView struct {
	Company   *registry.Company
	Totals    registry.Totals
	Years     []registry.YearTotal
	Contracts []*registry.Contract
	Pager     pager
	Requests  *appeals.Stats // information requests to the company
	Tabs      *companyTabs   // the company's registers
	Boards    []board        // current boards and how each member was chosen
	// Supervision: filing timeliness, open signals, open and overdue recommendations.
	Supervision *companySupervision
}

// handleCompany serves GET /spolki/{slug}?page=: the company's profile, its totals per
// year and its contracts, paginated. Unknown slug: 404; bad page: 400.
func (s *server) handleCompany(c *fiber.Ctx) error {
	ctx := c.UserContext()
	page, err := pageParam(c)
	if err != nil {
		return err
	}
	co, err := s.cfg.Store.FindCompanyBySlug(ctx, c.Params("slug"))
	if err != nil {
		return err
	}
	v := companyView{Company: co, Tabs: newCompanyTabs(co.Slug, "")}
	if v.Boards, err = s.currentBoards(ctx, co); err != nil {
		return err
	}
	f := registry.ContractFilter{CompanyID: &co.ID, Offset: (page - 1) * listPerPage, Limit: listPerPage}
	var total int
	if v.Contracts, total, err = s.cfg.Store.FindContracts(ctx, f); err != nil {
		return err
	}
	if v.Totals, err = s.contractTotals(ctx, registry.ContractFilter{CompanyID: &co.ID}); err != nil {
		return err
	}
	if v.Years, err = s.yearTotals(ctx, &co.ID); err != nil {
		return err
	}
	if v.Requests, err = s.cfg.Appeals.CompanyStats(ctx, co.ID); err != nil {
		return err
	}
	if v.Supervision, err = s.companySupervisionOf(ctx, co); err != nil {
		return err
	}
	v.Pager = newPager("/spolki/"+co.Slug, queryValues(c), page, listPerPage, total)
	p := s.page(c, co.Name)
	p.Nav = "spolki"
	p.Feed = "/feeds/spolki/" + co.Slug
	p.Data = v
	return s.render(c, fiber.StatusOK, "company", p)
}
