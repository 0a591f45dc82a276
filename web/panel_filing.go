package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// Modes of the contract form.
const (
	formNew     = "new"     // file a new contract
	formEdit    = "edit"    // edit a draft
	formCorrect = "correct" // correct a published entry (a new version with a reason)
)

// contractFormView is the data of the contract form (panel_contract_form.html).
type contractFormView struct {
	Mode       string
	Action     string             // where the form posts
	C          *registry.Contract // the contract edited or corrected; nil for a new one
	Form       entryForm
	Summary    []formError
	Redactions []redactionRow
	Companies  []*registry.Company
	Company    string // chosen company's slug
	Modes      []registry.Label
	Grounds    []registry.Label
	Redactable []registry.Label
	MaxRows    int
}

// renderContractForm renders the contract form with status (422 when it has errors).
func (s *server) renderContractForm(c *fiber.Ctx, status int, v *contractFormView) error {
	v.Summary = v.Form.Summary()
	v.Modes, v.Grounds, v.Redactable, v.MaxRows = registry.ProcurementModes, registry.RedactionGrounds, registry.RedactableFields, registry.MaxRedactions
	title := "Nowa umowa"
	switch v.Mode {
	case formEdit:
		title = "Edycja szkicu: " + entryTitle(v.C)
	case formCorrect:
		title = "Korekta wpisu: " + entryTitle(v.C)
	}
	p := s.page(c, title)
	p.Nav = "panel"
	p.Errors = v.Summary
	p.Data = v
	return s.render(c, status, "panel_contract_form", p)
}

// handleNewContractForm serves GET /panel/umowy/nowa[?company=]: an empty contract form
// (currency PLN, country PL). Only those who file may open it (supervisors, auditors: 403).
func (s *server) handleNewContractForm(c *fiber.Ctx) error {
	slug := strings.TrimSpace(c.Query("company"))
	cos, chosen, err := s.companyChoice(c, slug)
	if err != nil {
		return err
	}
	if chosen == nil && slug != "" {
		co, err := s.cfg.Store.FindCompanyBySlug(c.UserContext(), slug)
		if err != nil {
			return err
		}
		if err := s.actor(c).RequireCompanyWrite(co.ID); err != nil {
			return err // another company's: 403
		}
	}
	if len(cos) == 0 {
		return registry.Errorf(registry.EFORBIDDEN, "Twoje konto nie jest przypisane do żadnej spółki.")
	}
	v := &contractFormView{Mode: formNew, Action: "/panel/umowy", Form: newEntryForm(), Companies: cos}
	v.Form.Values["currency"], v.Form.Values["counterparty.country"] = "PLN", "PL"
	if chosen != nil {
		v.Company = chosen.Slug
	} else if len(cos) == 1 {
		v.Company = cos[0].Slug
	}
	v.Form.Values["company"] = v.Company
	v.Redactions = rowsToShow(nil, false)
	return s.renderContractForm(c, fiber.StatusOK, v)
}

// handleCreateContract serves POST /panel/umowy: files a contract for the chosen company, as a
// draft (action=draft) or published at once (action=publish); action=add_redaction shows the
// form again with one more redaction row. Wrong fields: 422 with the form, every value kept
// and a Polish message beside each wrong field. A company not the officer's: 403 from the domain.
func (s *server) handleCreateContract(c *fiber.Ctx) error {
	in := readContractForm(c)
	slug := strings.TrimSpace(c.FormValue("company"))
	cos, chosen, err := s.companyChoice(c, slug)
	if err != nil {
		return err
	}
	v := &contractFormView{Mode: formNew, Action: "/panel/umowy", Form: in.Form, Companies: cos, Company: slug}
	if in.Action == "add_redaction" {
		v.Redactions = rowsToShow(in.Redactions, true)
		return s.renderContractForm(c, fiber.StatusOK, v)
	}
	if chosen == nil && slug != "" {
		// Not one of the officer's companies: let the domain decide (403), unless it does not exist.
		if chosen, err = s.cfg.Store.FindCompanyBySlug(c.UserContext(), slug); err != nil && registry.ErrorCode(err) != registry.ENOTFOUND {
			return err
		}
	}
	if chosen == nil {
		in.Form.Errors["company"] = "Wybierz spółkę, której umowę wpisujesz."
	} else if err := s.actor(c).RequireCompanyWrite(chosen.ID); err != nil {
		return err // another company's: 403 before anything else is looked at
	}
	d := in.contractData()
	if !in.Form.check(d) {
		v.Redactions = rowsToShow(in.Redactions, false)
		return s.renderContractForm(c, fiber.StatusUnprocessableEntity, v)
	}
	ct, err := s.cfg.Store.CreateContract(c.UserContext(), s.actor(c), chosen.ID, d, in.Action == "publish")
	if err != nil {
		if in.Form.addErr(err) {
			v.Redactions = rowsToShow(in.Redactions, false)
			return s.renderContractForm(c, fiber.StatusUnprocessableEntity, v)
		}
		return err
	}
	if ct.Status == registry.StatusDraft {
		return savedRedirect(c, ct.ID, "szkic")
	}
	s.notifyIndex()
	return savedRedirect(c, ct.ID, "publikacja")
}

// handleEditDraftForm serves GET /panel/umowy/{id}/edycja: the form filled with the draft.
// A published entry is not edited (409): it is amended, corrected or withdrawn.
func (s *server) handleEditDraftForm(c *fiber.Ctx) error {
	ct, err := s.filerContract(c)
	if err != nil {
		return err
	}
	if ct.Status != registry.StatusDraft {
		return registry.Errorf(registry.ECONFLICT, "Opublikowanego wpisu nie można edytować; dodaj aneks, korektę albo wycofaj wpis.")
	}
	f, rows := formOfContract(&ct.ContractData)
	v := &contractFormView{Mode: formEdit, Action: idPath(ct.ID, ""), C: ct, Form: f, Company: ct.Company}
	v.Redactions = rowsToShow(rows, false)
	return s.renderContractForm(c, fiber.StatusOK, v)
}

// handleUpdateDraft serves POST /panel/umowy/{id}: saves the draft (action=draft) or saves and
// publishes it (action=publish). Errors as handleCreateContract; a published entry: 409.
func (s *server) handleUpdateDraft(c *fiber.Ctx) error {
	ct, err := s.filerContract(c)
	if err != nil {
		return err
	}
	in := readContractForm(c)
	v := &contractFormView{Mode: formEdit, Action: idPath(ct.ID, ""), C: ct, Form: in.Form, Company: ct.Company}
	if in.Action == "add_redaction" {
		v.Redactions = rowsToShow(in.Redactions, true)
		return s.renderContractForm(c, fiber.StatusOK, v)
	}
	d := in.contractData()
	if !in.Form.check(d) {
		v.Redactions = rowsToShow(in.Redactions, false)
		return s.renderContractForm(c, fiber.StatusUnprocessableEntity, v)
	}
	ctx, a := c.UserContext(), s.actor(c)
	if _, err := s.cfg.Store.UpdateContractDraft(ctx, a, ct.ID, d); err != nil {
		if in.Form.addErr(err) {
			v.Redactions = rowsToShow(in.Redactions, false)
			return s.renderContractForm(c, fiber.StatusUnprocessableEntity, v)
		}
		return err
	}
	if in.Action != "publish" {
		return savedRedirect(c, ct.ID, "szkic")
	}
	if _, err := s.cfg.Store.PublishContract(ctx, a, ct.ID); err != nil {
		return err
	}
	s.notifyIndex()
	return savedRedirect(c, ct.ID, "publikacja")
}

// handlePublishDraft serves POST /panel/umowy/{id}/publikacja: publishes a draft (it enters the
// ledger and the public register). Already published: 409; another company's: 403.
func (s *server) handlePublishDraft(c *fiber.Ctx) error {
	id, err := parseID(c, "umowy")
	if err != nil {
		return err
	}
	if _, err := s.cfg.Store.PublishContract(c.UserContext(), s.actor(c), id); err != nil {
		return err
	}
	s.notifyIndex()
	return savedRedirect(c, id, "publikacja")
}
