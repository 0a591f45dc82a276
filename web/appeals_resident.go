package web

import (
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"jawnosc/appeals"
	"jawnosc/registry"
)

// requestFormView is the data of the new-request form.
type requestFormView struct {
	Form      appeals.Submission
	Errors    map[string]string
	Message   string
	Companies []*registry.Company
}

// requestFormFields are the fields of the new-request form, in their order on the page.
var requestFormFields = []summaryField{
	{"company", "company", "Spółka"}, {"subject", "subject", "Czego dotyczy wniosek"}, {"text", "text", "Treść wniosku"},
	{"name", "name", "Imię i nazwisko"}, {"email", "email", "Adres e-mail"},
}

// handleRequestForm serves GET /wnioski/nowy?company=: the form to ask a company for
// information; no account needed.
func (s *server) handleRequestForm(c *fiber.Ctx) error {
	return s.renderRequestForm(c, fiber.StatusOK, appeals.Submission{Company: c.Query("company"), PublicText: true}, nil)
}

func (s *server) renderRequestForm(c *fiber.Ctx, status int, in appeals.Submission, err error) error {
	cos, ferr := s.cfg.Store.FindCompanies(c.UserContext())
	if ferr != nil {
		return ferr
	}
	v := requestFormView{Form: in, Companies: cos}
	if err != nil {
		v.Errors, v.Message = registry.ErrorFields(err), registry.ErrorMessage(err)
	}
	p := s.page(c, "Nowy wniosek o informację publiczną")
	p.Nav = "wnioski"
	p.Errors = errorSummary(v.Errors, v.Message, requestFormFields)
	p.Data = v
	return s.render(c, status, "request_new", p)
}

// createdView is the data of the page shown once after submission.
type createdView struct {
	V    *appeals.View
	Link string // the private tracking link, with the token
}

// handleRequestSubmit serves POST /wnioski/nowy (rate-limited, CSRF): files the request and
// shows, once, the private tracking link. Bad input shows the form again with every value
// kept and a message per field (422).
func (s *server) handleRequestSubmit(c *fiber.Ctx) error {
	in := appeals.Submission{Company: c.FormValue("company"), Subject: c.FormValue("subject"), Text: c.FormValue("text"),
		Name: c.FormValue("name"), Email: c.FormValue("email"), PublicText: c.FormValue("public_text") == "1"}
	r, token, err := s.cfg.Appeals.Submit(c.UserContext(), s.actor(c), in)
	if registry.ErrorCode(err) == registry.EINVALID {
		in.Normalize()
		return s.renderRequestForm(c, fiber.StatusUnprocessableEntity, in, err)
	} else if err != nil {
		return err
	}
	s.logf("appeals: request %d filed", r.ID) // never the requester's data
	s.notifyIndex()
	p := s.page(c, "Wniosek złożony")
	p.Nav = "wnioski"
	p.Data = createdView{V: r.View(appeals.ViewResident, s.cfg.Appeals.Today()), Link: s.cfg.BaseURL + appeals.TrackingPath(r.ID, token)}
	return s.render(c, fiber.StatusCreated, "request_created", p)
}

// residentRequest loads a request and checks the tracking token (403 when wrong).
func (s *server) residentRequest(c *fiber.Ctx, token string) (*appeals.Request, error) {
	r, err := s.requestParam(c)
	if err != nil {
		return nil, err
	}
	if !r.TokenMatches(token) {
		return nil, registry.Errorf(registry.EFORBIDDEN, "Ten link do wniosku jest nieprawidłowy. Sprawdź, czy skopiowano go w całości.")
	}
	return r, nil
}

// handleTracking serves GET /wnioski/{id}/sledz?token=: the resident's private page with
// everything, and the steps the rules allow now.
func (s *server) handleTracking(c *fiber.Ctx) error {
	token := c.Query("token")
	r, err := s.residentRequest(c, token)
	if err != nil {
		return err
	}
	return s.renderTracking(c, fiber.StatusOK, r, token, "", nil)
}

func (s *server) renderTracking(c *fiber.Ctx, status int, r *appeals.Request, token, step string, form *stepForm) error {
	v := s.newRequestView(r, appeals.ViewResident)
	v.Token = token
	if form != nil {
		v.Forms[step] = form
		if status == fiber.StatusConflict {
			v.Notice, form.Message = form.Message, ""
		}
	}
	p := s.page(c, "Twój wniosek "+r.Ref)
	p.Nav = "wnioski"
	if form != nil && status != fiber.StatusConflict {
		p.Errors = stepSummary(appeals.ViewResident, step, form)
	}
	p.Data = v
	return s.render(c, status, "request", p)
}

// handleTrackingFeed serves GET /wnioski/{id}/sledz/atom?token=: the private Atom feed of
// the request's timeline.
func (s *server) handleTrackingFeed(c *fiber.Ctx) error {
	token := c.Query("token")
	r, err := s.residentRequest(c, token)
	if err != nil {
		return err
	}
	page := s.cfg.BaseURL + appeals.TrackingPath(r.ID, token)
	self := s.cfg.BaseURL + strings.Replace(appeals.TrackingPath(r.ID, token), "/sledz?", "/sledz/atom?", 1)
	out, err := appeals.Feed(r.View(appeals.ViewResident, s.cfg.Appeals.Today()), page, self)
	if err != nil {
		return registry.Internal(err)
	}
	c.Set(fiber.HeaderContentType, "application/atom+xml; charset=utf-8")
	return c.Send(out)
}

// residentSteps are the steps a resident may send from the tracking page.
var residentSteps = map[string]bool{"doprecyzowanie": true, "oplata": true, "ponowne-rozpatrzenie": true, "odwolanie": true}

// handleResidentStep serves POST /wnioski/{id}/sledz/{step} (rate-limited, CSRF; the token
// in the form): doprecyzowanie (clarification), oplata (accept the fee),
// ponowne-rozpatrzenie (reconsideration), odwolanie (appeal to the mayor's office).
// Success redirects to the tracking page; a refused step shows it again with the message
// and the text kept (409 for what the rules forbid, 422 for bad input).
func (s *server) handleResidentStep(c *fiber.Ctx) error {
	step := c.Params("step")
	if !residentSteps[step] {
		return notFound("Nie ma takiej czynności.")
	}
	token := c.FormValue("token")
	r, err := s.residentRequest(c, token)
	if err != nil {
		return err
	}
	ctx, text := c.UserContext(), c.FormValue("text")
	switch step {
	case "doprecyzowanie":
		_, err = s.cfg.Appeals.Clarify(ctx, r.ID, token, text)
	case "oplata":
		_, err = s.cfg.Appeals.AcceptFee(ctx, r.ID, token)
	case "ponowne-rozpatrzenie":
		_, err = s.cfg.Appeals.AskReconsideration(ctx, r.ID, token, text)
	case "odwolanie":
		_, err = s.cfg.Appeals.Appeal(ctx, r.ID, token, text)
	}
	if err != nil {
		code := registry.ErrorCode(err)
		if code != registry.EINVALID && code != registry.ECONFLICT {
			return err
		}
		status := fiber.StatusUnprocessableEntity
		if code == registry.ECONFLICT {
			status = fiber.StatusConflict
		}
		return s.renderTracking(c, status, r, token, step, &stepForm{Values: map[string]string{"text": text}, Errors: registry.ErrorFields(err), Message: registry.ErrorMessage(err)})
	}
	s.notifyIndex()
	return c.Redirect(appeals.TrackingPath(r.ID, url.QueryEscape(token))+"#os-czasu", fiber.StatusSeeOther)
}
