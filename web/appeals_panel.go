package web

import (
	"fmt"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"jawnosc/appeals"
	"jawnosc/registry"
)

// panelRequestsView is the data of the officers' inbox (and the mayor's office's overview).
type panelRequestsView struct {
	Open          []requestRow // requests where someone must act, soonest due first
	Closed        []requestRow // the latest others
	Notifications []appeals.Notification
	Supervisor    bool
}

// panelScope returns the companies whose requests a panel actor handles (nil: all, for the
// mayor's office), or EFORBIDDEN for roles that handle none.
func panelScope(a registry.Actor) ([]int64, error) {
	switch a.Role {
	case registry.RoleSupervisor:
		return nil, nil
	case registry.RoleOfficer:
		return append([]int64{}, a.Companies...), nil
	}
	return nil, registry.Errorf(registry.EFORBIDDEN, "Wnioski o informację prowadzą pracownicy spółek i urzędu miasta.")
}

// handlePanelRequests serves GET /panel/wnioski: an officer's inbox of their companies'
// requests with due dates and days left, and the notifications for them; the mayor's
// office sees every company's.
func (s *server) handlePanelRequests(c *fiber.Ctx) error {
	ctx := c.UserContext()
	a := s.actor(c)
	scope, err := panelScope(a)
	if err != nil {
		return err
	}
	open, _, err := s.cfg.Appeals.FindRequests(ctx, appeals.RequestFilter{CompanyIDs: scope, DueTerms: []string{appeals.TermAnswer, appeals.TermReconsideration, appeals.TermAppeal, appeals.TermCompliance}, OrderByDue: true, Limit: 200})
	if err != nil {
		return err
	}
	closed, _, err := s.cfg.Appeals.FindRequests(ctx, appeals.RequestFilter{CompanyIDs: scope, DueTerms: []string{""}, Limit: 50})
	if err != nil {
		return err
	}
	v := panelRequestsView{Open: s.requestRows(open), Closed: s.requestRows(closed), Supervisor: a.Role == registry.RoleSupervisor}
	if v.Notifications, err = s.cfg.Appeals.FindNotifications(ctx, a, appeals.OutboxFilter{Limit: 50}); err != nil {
		return err
	}
	p := s.page(c, "Wnioski o informację publiczną — panel")
	p.Nav = "panel"
	p.Data = v
	return s.render(c, fiber.StatusOK, "panel_requests", p)
}

// panelRequest loads a request for the panel: officers only of their companies (403).
func (s *server) panelRequest(c *fiber.Ctx) (*appeals.Request, registry.Actor, error) {
	a := s.actor(c)
	scope, err := panelScope(a)
	if err != nil {
		return nil, a, err
	}
	id, err := parseID(c, "wniosku")
	if err != nil {
		return nil, a, err
	}
	r, err := s.cfg.Appeals.FindRequest(c.UserContext(), id)
	if err != nil {
		return nil, a, err
	}
	if scope != nil && !slices.Contains(scope, r.Company.ID) {
		return nil, a, registry.Errorf(registry.EFORBIDDEN, "Ten wniosek skierowano do innej spółki.")
	}
	return r, a, nil
}

// handlePanelRequest serves GET /panel/wnioski/{id}: the request with every text and the
// forms for the steps the actor's role may take now.
func (s *server) handlePanelRequest(c *fiber.Ctx) error {
	r, a, err := s.panelRequest(c)
	if err != nil {
		return err
	}
	return s.renderPanelRequest(c, fiber.StatusOK, r, a, "", nil)
}

func (s *server) renderPanelRequest(c *fiber.Ctx, status int, r *appeals.Request, a registry.Actor, step string, form *stepForm) error {
	v := s.newRequestView(r, appeals.AudienceOf(a, r))
	v.Role = a.Role
	if form != nil {
		v.Forms[step] = form
		if status == fiber.StatusConflict {
			v.Notice, form.Message = form.Message, ""
		}
	}
	p := s.page(c, "Wniosek "+r.Ref+" — panel")
	p.Nav = "panel"
	if form != nil && status != fiber.StatusConflict {
		p.Errors = stepSummary(appeals.ViewOfficial, step, form)
	}
	p.Data = v
	return s.render(c, status, "request", p)
}

// panelSteps maps the panel's step names to response types ("decision": the mayor's office).
var panelSteps = map[string]string{
	"odpowiedz": "answer", "doprecyzowanie": "clarification", "oplata": "fee", "termin": "delay",
	"ponowne-rozpatrzenie": "reconsideration", "wykonanie": "compliance", "rozstrzygniecie": "decision",
}

// handlePanelStep serves POST /panel/wnioski/{id}/{step} (CSRF): odpowiedz (answer or
// refusal, with PDF attachments), doprecyzowanie, oplata, termin (delay), ponowne-rozpatrzenie,
// wykonanie (compliance) for officers; rozstrzygniecie (decision on the appeal) for the
// mayor's office. Success redirects to the request; a refused step shows the page again
// with the values kept (409 for a forbidden transition, 422 for bad input).
func (s *server) handlePanelStep(c *fiber.Ctx) error {
	step := c.Params("step")
	typ, ok := panelSteps[step]
	if !ok {
		return notFound("Nie ma takiej czynności.")
	}
	r, a, err := s.panelRequest(c)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	in := responseInput{Type: typ, Answer: c.FormValue("answer"), Text: c.FormValue("text"), Ground: c.FormValue("ground"),
		LegalBasis: c.FormValue("legal_basis"), Holder: c.FormValue("holder"), Officials: formOfficials(c), Fee: c.FormValue("fee"),
		NewDue: c.FormValue("new_due"), Result: c.FormValue("result"), ComplyBy: c.FormValue("comply_by")}
	if typ == "decision" {
		err = s.decide(c, a, r, in)
	} else if in.Documents, err = s.formDocuments(c, a); err == nil {
		_, err = s.respond(ctx, a, r.ID, in)
	}
	if err != nil {
		code := registry.ErrorCode(err)
		if code != registry.EINVALID && code != registry.ECONFLICT && code != registry.ETOOLARGE {
			return err
		}
		status := fiber.StatusUnprocessableEntity
		if code == registry.ECONFLICT {
			status = fiber.StatusConflict
		}
		return s.renderPanelRequest(c, status, r, a, step, panelForm(c, in, err))
	}
	s.notifyIndex()
	return c.Redirect("/panel/wnioski/"+c.Params("id")+"#os-czasu", fiber.StatusSeeOther)
}

// decide records the mayor's office's decision on the request's pending appeal.
func (s *server) decide(c *fiber.Ctx, a registry.Actor, r *appeals.Request, in responseInput) error {
	ap := r.State.CurrentAppeal()
	if ap == nil {
		return registry.Errorf(registry.ECONFLICT, "Nie ma odwołania czekającego na rozstrzygnięcie.")
	}
	d, err := in.data()
	if err != nil {
		return err
	}
	_, err = s.cfg.Appeals.DecideAppeal(c.UserContext(), a, ap.ID, d)
	return err
}

// panelForm keeps what a failed panel form sent.
func panelForm(c *fiber.Ctx, in responseInput, err error) *stepForm {
	f := &stepForm{Values: map[string]string{"answer": in.Answer, "text": in.Text, "ground": in.Ground, "legal_basis": in.LegalBasis,
		"holder": in.Holder, "fee": in.Fee, "new_due": in.NewDue, "result": in.Result, "comply_by": in.ComplyBy,
		"documents_redacted": c.FormValue("documents_redacted")}, Errors: registry.ErrorFields(err), Message: registry.ErrorMessage(err)}
	for k, m := range f.Errors { // officials.0.name → official_name_1, as the form names them
		var i int
		var part string
		if n, _ := fmt.Sscanf(strings.ReplaceAll(k, ".", " "), "officials %d %s", &i, &part); n == 2 {
			f.Errors[fmt.Sprintf("official_%s_%d", part, i+1)] = m
			delete(f.Errors, k)
		} else if strings.HasPrefix(k, "documents.") {
			f.Errors["documents"] = m
			delete(f.Errors, k)
		}
	}
	for i, o := range in.Officials {
		n := string(rune('1' + i))
		f.Values["official_name_"+n], f.Values["official_function_"+n] = o.Name, o.Function
	}
	var kept []string
	for _, d := range in.Documents {
		kept = append(kept, d.SHA256+"|"+d.Name)
	}
	f.Values["kept_documents"] = strings.Join(kept, "\n")
	return f
}

// panelAppealsView is the data of the mayor's office's queue.
type panelAppealsView struct {
	Pending    []appeals.AppealRow
	Compliance []requestRow
	Decided    []appeals.AppealRow
	Today      registry.Date
}

// handlePanelAppeals serves GET /panel/odwolania: the mayor's office's queue of appeals with
// due dates, the decisions the companies must carry out (with non-compliance marked) and
// the latest decisions. Supervisors only (403).
func (s *server) handlePanelAppeals(c *fiber.Ctx) error {
	ctx := c.UserContext()
	if s.actor(c).Role != registry.RoleSupervisor {
		return registry.Errorf(registry.EFORBIDDEN, "Kolejkę odwołań widzi tylko urząd miasta.")
	}
	v := panelAppealsView{Today: s.cfg.Appeals.Today()}
	var err error
	if v.Pending, err = s.cfg.Appeals.FindAppeals(ctx, true, 200); err != nil {
		return err
	}
	all, err := s.cfg.Appeals.FindAppeals(ctx, false, 50)
	if err != nil {
		return err
	}
	for _, a := range all {
		if a.Result != "" {
			v.Decided = append(v.Decided, a)
		}
	}
	stage := appeals.StageCompliance
	comp, _, err := s.cfg.Appeals.FindRequests(ctx, appeals.RequestFilter{Stage: &stage, OrderByDue: true, Limit: 200})
	if err != nil {
		return err
	}
	v.Compliance = s.requestRows(comp)
	p := s.page(c, "Odwołania do urzędu miasta")
	p.Nav = "panel"
	p.Data = v
	return s.render(c, fiber.StatusOK, "panel_appeals", p)
}
