package web

import (
	"context"

	"github.com/gofiber/fiber/v2"

	"jawnosc/audits"
	"jawnosc/registry"
)

// signalsView is the data of /sygnaly.
type signalsView struct {
	Signals    []*audits.Signal
	Rules      []registry.Label
	Companies  []*registry.Company
	Company    string
	Rule       string
	Thresholds audits.Thresholds
	Pager      pager
}

// signalFilter reads ?company=&rule= (shared by the page and the API). Unknown values: 400.
func (s *server) signalFilter(c *fiber.Ctx) (audits.SignalFilter, error) {
	var f audits.SignalFilter
	if slug := optString(c, "company"); slug != nil {
		co, err := s.cfg.Store.FindCompanyBySlug(c.UserContext(), *slug)
		if err != nil {
			return f, invalidParam("Nie ma spółki „%s”.", *slug)
		}
		f.CompanyID = &co.ID
	}
	if r := optString(c, "rule"); r != nil {
		if registry.LabelOf(audits.Rules, *r) == *r {
			return f, invalidParam("Nie ma reguły sygnałów „%s”.", *r)
		}
		f.Rule = r
	}
	return f, nil
}

// handleSignals serves GET /sygnaly?company=&rule=&page=: the signals (red flags), each
// with its rule, why it fired and the entries involved; computed when entries change.
func (s *server) handleSignals(c *fiber.Ctx) error {
	page, err := pageParam(c)
	if err != nil {
		return err
	}
	f, err := s.signalFilter(c)
	if err != nil {
		return err
	}
	f.Offset, f.Limit = (page-1)*listPerPage, listPerPage
	ctx := c.UserContext()
	v := signalsView{Rules: audits.Rules, Company: c.Query("company"), Rule: c.Query("rule")}
	var total int
	if v.Signals, total, err = s.cfg.Audits.FindSignals(ctx, f); err != nil {
		return err
	}
	if v.Companies, err = s.cfg.Store.FindCompanies(ctx); err != nil {
		return err
	}
	if v.Thresholds, err = s.cfg.Audits.FindThresholds(ctx); err != nil {
		return err
	}
	v.Pager = newPager("/sygnaly", queryValues(c), page, listPerPage, total)
	p := s.page(c, "Sygnały do sprawdzenia")
	p.Nav = "sygnaly"
	p.Data = v
	return s.render(c, fiber.StatusOK, "signals", p)
}

// apiSignals serves GET /api/v1/signals?company=&rule=&page=&per_page=: signals with their
// reasons and entries, newest first. Bad filters: 400.
func (s *server) apiSignals(c *fiber.Ctx) error {
	page, perPage, err := apiPaging(c)
	if err != nil {
		return err
	}
	f, err := s.signalFilter(c)
	if err != nil {
		return err
	}
	f.Offset, f.Limit = (page-1)*perPage, perPage
	list, total, err := s.cfg.Audits.FindSignals(c.UserContext(), f)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"total": total, "page": page, "per_page": perPage, "signals": list})
}

// apiThresholds serves GET /api/v1/signals/thresholds: the dated procurement thresholds.
func (s *server) apiThresholds(c *fiber.Ctx) error {
	ts, err := s.cfg.Audits.FindThresholds(c.UserContext())
	if err != nil {
		return err
	}
	if ts == nil {
		ts = audits.Thresholds{}
	}
	return c.JSON(fiber.Map{"thresholds": ts})
}

// entrySignals returns the signals resting on one entry (for its page).
func (s *server) entrySignals(ctx context.Context, entryID int64) ([]*audits.Signal, error) {
	list, _, err := s.cfg.Audits.FindSignals(ctx, audits.SignalFilter{EntryID: &entryID, Limit: 100})
	return list, err
}
