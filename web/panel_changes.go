package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// Kinds of the change form.
const (
	changeAmend    = "amend"
	changeWithdraw = "withdraw"
)

// amendFields are what an annex changes on the amendment form; every other field stays as it is.
var amendFields = []string{"subject", "value_net", "value_gross", "start_on", "end_on"}

// changeFormView is the data of the annex and withdrawal forms (panel_change.html).
type changeFormView struct {
	Kind    string
	C       *registry.Contract
	Action  string
	Form    entryForm
	Summary []formError
}

// renderChangeForm renders the annex or withdrawal form with status.
func (s *server) renderChangeForm(c *fiber.Ctx, status int, v *changeFormView) error {
	v.Summary = v.Form.Summary()
	title := "Aneks do umowy: " + entryTitle(v.C)
	if v.Kind == changeWithdraw {
		title = "Wycofanie wpisu: " + entryTitle(v.C)
	}
	p := s.page(c, title)
	p.Nav = "panel"
	p.Errors = v.Summary
	p.Data = v
	return s.render(c, status, "panel_change", p)
}

// publishedContract loads the route's contract for a new version: it must be published
// (a draft is edited instead, a withdrawn entry no longer changes: 409).
func (s *server) publishedContract(c *fiber.Ctx) (*registry.Contract, error) {
	ct, err := s.filerContract(c)
	if err != nil {
		return nil, err
	}
	switch ct.Status {
	case registry.StatusDraft:
		return nil, registry.Errorf(registry.ECONFLICT, "Wpis nie jest jeszcze opublikowany: popraw szkic albo go opublikuj.")
	case registry.StatusWithdrawn:
		return nil, registry.Errorf(registry.ECONFLICT, "Wpis został wycofany; nie można go już zmieniać.")
	}
	return ct, nil
}

// requireReason records the message of a missing reason.
func (f entryForm) requireReason() {
	if strings.TrimSpace(f.Values["reason"]) == "" {
		f.Errors["reason"] = "Podaj powód zmiany: zostanie opublikowany przy nowej wersji."
	}
}

// handleAmendForm serves GET /panel/umowy/{id}/aneks: the annex form (annex date; the subject,
// values and dates the annex changes, filled with the current ones; the reason).
func (s *server) handleAmendForm(c *fiber.Ctx) error {
	ct, err := s.publishedContract(c)
	if err != nil {
		return err
	}
	cur, _ := formOfContract(&ct.ContractData)
	f := newEntryForm()
	for _, k := range amendFields {
		f.Values[k] = cur.Values[k]
	}
	return s.renderChangeForm(c, fiber.StatusOK, &changeFormView{Kind: changeAmend, C: ct, Action: idPath(ct.ID, "/aneks"), Form: f})
}

// handleAmend serves POST /panel/umowy/{id}/aneks: records the annex as a new version (the
// current content with the changed subject, values and dates). Wrong fields: 422 with the form
// kept; nothing changed: 422 on the reason; another company's: 403.
func (s *server) handleAmend(c *fiber.Ctx) error {
	ct, err := s.publishedContract(c)
	if err != nil {
		return err
	}
	f := newEntryForm()
	for _, k := range append([]string{"annex_date", "reason"}, amendFields...) {
		f.Values[k] = c.FormValue(k)
	}
	v := &changeFormView{Kind: changeAmend, C: ct, Action: idPath(ct.ID, "/aneks"), Form: f}
	d := ct.ContractData
	d.Subject, d.StartOn, d.EndOn = f.Values["subject"], registry.Date(f.Values["start_on"]), registry.Date(f.Values["end_on"])
	d.ValueNet, d.ValueGross = f.money("value_net"), f.money("value_gross")
	if f.Values["annex_date"] == "" {
		f.Errors["annex_date"] = "Podaj datę aneksu."
	} else if _, err := registry.ParseDate(f.Values["annex_date"]); err != nil {
		f.Errors["annex_date"] = registry.ErrorMessage(err)
	}
	f.requireReason()
	if !f.check(d) {
		return s.renderChangeForm(c, fiber.StatusUnprocessableEntity, v)
	}
	if _, err := s.cfg.Store.AmendContract(c.UserContext(), s.actor(c), ct.ID, d, registry.Date(f.Values["annex_date"]), f.Values["reason"]); err != nil {
		if f.addErr(err) {
			return s.renderChangeForm(c, fiber.StatusUnprocessableEntity, v)
		}
		return err
	}
	s.notifyIndex()
	return savedRedirect(c, ct.ID, "aneks")
}

// handleCorrectForm serves GET /panel/umowy/{id}/korekta: the full contract form filled with
// the current version, and the reason of the correction.
func (s *server) handleCorrectForm(c *fiber.Ctx) error {
	ct, err := s.publishedContract(c)
	if err != nil {
		return err
	}
	f, rows := formOfContract(&ct.ContractData)
	v := &contractFormView{Mode: formCorrect, Action: idPath(ct.ID, "/korekta"), C: ct, Form: f, Company: ct.Company}
	v.Redactions = rowsToShow(rows, false)
	return s.renderContractForm(c, fiber.StatusOK, v)
}

// handleCorrect serves POST /panel/umowy/{id}/korekta: records a correction (the register was
// wrong) as a new version with its reason. Errors as handleAmend.
func (s *server) handleCorrect(c *fiber.Ctx) error {
	ct, err := s.publishedContract(c)
	if err != nil {
		return err
	}
	in := readContractForm(c)
	v := &contractFormView{Mode: formCorrect, Action: idPath(ct.ID, "/korekta"), C: ct, Form: in.Form, Company: ct.Company}
	if in.Action == "add_redaction" {
		v.Redactions = rowsToShow(in.Redactions, true)
		return s.renderContractForm(c, fiber.StatusOK, v)
	}
	d := in.contractData()
	in.Form.requireReason()
	if !in.Form.check(d) {
		v.Redactions = rowsToShow(in.Redactions, false)
		return s.renderContractForm(c, fiber.StatusUnprocessableEntity, v)
	}
	if _, err := s.cfg.Store.CorrectContract(c.UserContext(), s.actor(c), ct.ID, d, in.Form.Values["reason"]); err != nil {
		if in.Form.addErr(err) {
			v.Redactions = rowsToShow(in.Redactions, false)
			return s.renderContractForm(c, fiber.StatusUnprocessableEntity, v)
		}
		return err
	}
	s.notifyIndex()
	return savedRedirect(c, ct.ID, "korekta")
}

// handleWithdrawForm serves GET /panel/umowy/{id}/wycofanie: asks for the reason of withdrawal.
func (s *server) handleWithdrawForm(c *fiber.Ctx) error {
	ct, err := s.publishedContract(c)
	if err != nil {
		return err
	}
	return s.renderChangeForm(c, fiber.StatusOK, &changeFormView{Kind: changeWithdraw, C: ct, Action: idPath(ct.ID, "/wycofanie"), Form: newEntryForm()})
}

// handleWithdraw serves POST /panel/umowy/{id}/wycofanie: withdraws the entry (it stays public,
// marked withdrawn, with the reason). No reason: 422; another company's: 403.
func (s *server) handleWithdraw(c *fiber.Ctx) error {
	ct, err := s.publishedContract(c)
	if err != nil {
		return err
	}
	f := newEntryForm()
	f.Values["reason"] = c.FormValue("reason")
	v := &changeFormView{Kind: changeWithdraw, C: ct, Action: idPath(ct.ID, "/wycofanie"), Form: f}
	if f.requireReason(); len(f.Errors) > 0 {
		return s.renderChangeForm(c, fiber.StatusUnprocessableEntity, v)
	}
	if _, err := s.cfg.Store.WithdrawContract(c.UserContext(), s.actor(c), ct.ID, f.Values["reason"]); err != nil {
		if f.addErr(err) {
			return s.renderChangeForm(c, fiber.StatusUnprocessableEntity, v)
		}
		return err
	}
	s.notifyIndex()
	return savedRedirect(c, ct.ID, "wycofanie")
}
