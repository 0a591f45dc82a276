package web

import (
	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// companyRow is a company with its public contract totals.
type companyRow struct {
	*registry.Company
	Totals registry.Totals
}

// companyRows returns every company (Polish order) with its totals.
func (s *server) companyRows(c *fiber.Ctx) ([]companyRow, error) {
	ctx := c.UserContext()
	cs, err := s.cfg.Store.FindCompanies(ctx)
	if err != nil {
		return nil, err
	}
	totals, err := s.companyTotals(ctx)
	if err != nil {
		return nil, err
	}
	rows := make([]companyRow, len(cs))
	for i, co := range cs {
		rows[i] = companyRow{Company: co, Totals: totals[co.ID]}
	}
	return rows, nil
}

// homeView is the data of the home page.
type homeView struct {
	Companies []companyRow
	Latest    []*registry.Contract
	Totals    registry.Totals
	Years     []registry.YearTotal
}

// latestCount is how many recently published contracts the home page lists.
const latestCount = 10

// handleHome serves GET /: the search box, the companies with their totals, the latest
// published contracts and the totals of the whole register.
func (s *server) handleHome(c *fiber.Ctx) error {
	ctx := c.UserContext()
	var v homeView
	var err error
	if v.Companies, err = s.companyRows(c); err != nil {
		return err
	}
	if v.Latest, err = s.latestContracts(ctx, latestCount); err != nil {
		return err
	}
	if v.Totals, err = s.contractTotals(ctx, registry.ContractFilter{}); err != nil {
		return err
	}
	if v.Years, err = s.yearTotals(ctx, nil); err != nil {
		return err
	}
	p := s.page(c, "Rejestr umów spółek miejskich")
	p.Data = v
	return s.render(c, fiber.StatusOK, "home", p)
}
