package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// panelStatuses are the status filter of the panel's list.
var panelStatuses = []registry.Label{
	{Code: registry.StatusDraft, Label: "szkice"},
	{Code: registry.StatusPublished, Label: "opublikowane"},
	{Code: registry.StatusWithdrawn, Label: "wycofane"},
}

// panelContractsView is the data of the panel's contract list.
type panelContractsView struct {
	Companies []*registry.Company
	Company   string // the slug filtered by, "" for all the actor's companies
	Status    string
	Statuses  []registry.Label
	Contracts []*registry.Contract
	Total     int
	Pager     pager
}

// handlePanelContracts serves GET /panel/umowy?company=&status=&page=: the contracts of the
// companies the officer files for — drafts, published and withdrawn — newest filed first,
// filterable by company and status, paginated. Supervisors and auditors get 403 (they do not
// file); a company not the officer's is 403 from the domain; an unknown one 400.
func (s *server) handlePanelContracts(c *fiber.Ctx) error {
	ctx := c.UserContext()
	page, err := pageParam(c)
	if err != nil {
		return err
	}
	v := panelContractsView{Statuses: panelStatuses, Company: strings.TrimSpace(c.Query("company")), Status: strings.TrimSpace(c.Query("status"))}
	cos, chosen, err := s.companyChoice(c, v.Company)
	if err != nil {
		return err
	}
	v.Companies = cos
	f := registry.ContractFilter{Offset: (page - 1) * listPerPage, Limit: listPerPage}
	if v.Company != "" {
		if chosen == nil {
			if chosen, err = s.cfg.Store.FindCompanyBySlug(ctx, v.Company); registry.ErrorCode(err) == registry.ENOTFOUND {
				return invalidParam("Nie ma spółki o identyfikatorze „%s”.", v.Company)
			} else if err != nil {
				return err
			}
		}
		f.CompanyID = &chosen.ID
	}
	if v.Status != "" {
		if registry.LabelOf(panelStatuses, v.Status) == v.Status {
			return invalidParam("Nieznany status wpisu.")
		}
		f.Status = []string{v.Status}
	}
	if v.Contracts, v.Total, err = s.cfg.Store.FindFilerContracts(ctx, s.actor(c), f); err != nil {
		return err
	}
	v.Pager = newPager("/panel/umowy", queryValues(c), page, listPerPage, v.Total)
	p := s.page(c, "Umowy w panelu")
	p.Nav = "panel"
	p.Data = v
	return s.render(c, fiber.StatusOK, "panel_contracts", p)
}

// panelContractView is the data of the panel's page of one contract.
type panelContractView struct {
	C           *registry.Contract
	Versions    []*registry.ContractVersion
	Attachments []*registry.Attachment
	Saved       string    // the notice after a write
	Upload      entryForm // the attachment form as sent (title; errors of title, file, redacted)
	MaxUpload   string    // "25 MB"
}

// panelContract loads what the panel's entry page shows for the route's contract (errors of
// filerContract).
func (s *server) panelContract(c *fiber.Ctx) (*panelContractView, error) {
	ct, err := s.filerContract(c)
	if err != nil {
		return nil, err
	}
	ctx := c.UserContext()
	v := &panelContractView{C: ct, Saved: savedMessages[c.Query("zapisano")], MaxUpload: registry.FormatMB(s.cfg.MaxUploadBytes),
		Upload: newEntryForm()}
	if v.Versions, err = s.cfg.Store.FindContractHistory(ctx, ct.ID); err != nil {
		return nil, err
	}
	if v.Attachments, err = s.cfg.Store.FindAttachments(ctx, s.actor(c), ct.ID); err != nil {
		return nil, err
	}
	return v, nil
}

// renderPanelContract renders the panel's entry page with status.
func (s *server) renderPanelContract(c *fiber.Ctx, status int, v *panelContractView) error {
	p := s.page(c, entryTitle(v.C))
	p.Nav = "panel"
	p.Errors = v.Upload.Summary()
	p.Data = v
	return s.render(c, status, "panel_contract", p)
}

// handlePanelContract serves GET /panel/umowy/{id}: one contract of the officer's company with
// its status, versions and attachments, and what can be done next (edit or publish a draft;
// amend, correct or withdraw a published entry; attach PDFs). Another company's: 403.
func (s *server) handlePanelContract(c *fiber.Ctx) error {
	v, err := s.panelContract(c)
	if err != nil {
		return err
	}
	return s.renderPanelContract(c, fiber.StatusOK, v)
}

// entryTitle is how a contract is named in headings.
func entryTitle(ct *registry.Contract) string {
	if ct.Subject != "" {
		return ct.Subject
	}
	return "Umowa nr " + ct.Number
}
