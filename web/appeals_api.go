package web

import (
	"github.com/gofiber/fiber/v2"

	"jawnosc/appeals"
	"jawnosc/registry"
)

// apiSubmitRequest serves POST /api/v1/requests (public, rate-limited): body
// {"company","subject","text","name","email","public_text"}. Returns 201 with the request's
// id, reference, due date and the tracking token (shown this once). 422 per field.
func (s *server) apiSubmitRequest(c *fiber.Ctx) error {
	var in appeals.Submission
	if err := decodeJSONBody(c, false, nil, &in); err != nil {
		return err
	}
	r, token, err := s.cfg.Appeals.Submit(c.UserContext(), s.actor(c), in)
	if err != nil {
		return err
	}
	s.logf("appeals: request %d filed through the API", r.ID)
	s.notifyIndex()
	v := r.View(appeals.ViewResident, s.cfg.Appeals.Today())
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"id": r.ID, "ref": r.Ref, "token": token, "due": v.Due,
		"tracking_url": s.cfg.BaseURL + appeals.TrackingPath(r.ID, token), "request": v})
}

// apiRequests serves GET /api/v1/requests?company=&outcome=&year=&page=: the public
// register (identity removed), 20 per page.
func (s *server) apiRequests(c *fiber.Ctx) error {
	page, err := pageParam(c)
	if err != nil {
		return err
	}
	f, _, errs, err := s.requestFilter(c)
	if err != nil {
		return err
	}
	if len(errs) > 0 {
		return &registry.Error{Code: registry.EINVALID, Message: "Popraw parametry filtrów.", Fields: errs}
	}
	f.Offset, f.Limit = (page-1)*requestsPerPage, requestsPerPage
	list, total, err := s.cfg.Appeals.FindRequests(c.UserContext(), f)
	if err != nil {
		return err
	}
	type item struct {
		ID        int64          `json:"id"`
		Ref       string         `json:"ref"`
		Company   string         `json:"company"`
		Subject   string         `json:"subject"`
		Submitted registry.Date  `json:"submitted"`
		Stage     string         `json:"stage"`
		Outcome   string         `json:"outcome"`
		Due       *registry.Date `json:"due"`
		Overdue   bool           `json:"overdue"`
	}
	items := make([]item, 0, len(list))
	for _, r := range s.requestRows(list) {
		it := item{ID: r.ID, Ref: r.Ref, Company: r.Company.Slug, Subject: r.Subject, Submitted: r.Date, Stage: r.Stage, Outcome: r.Outcome, Overdue: r.Overdue}
		if r.Due != "" {
			d := r.Due
			it.Due = &d
		}
		items = append(items, it)
	}
	return c.JSON(fiber.Map{"total": total, "page": page, "per_page": requestsPerPage, "requests": items})
}

// apiRequest serves GET /api/v1/requests/{id}: the public view; with ?token= the private
// one (403 for a wrong token). The JSON always carries the current due date ("due").
func (s *server) apiRequest(c *fiber.Ctx) error {
	r, audience, err := s.requestByToken(c)
	if err != nil {
		return err
	}
	return c.JSON(r.View(audience, s.cfg.Appeals.Today()))
}

// apiRespond serves POST /api/v1/requests/{id}/responses (an officer of the request's
// company, by session or Bearer token): body responseInput with "type" answer, refusal,
// clarification, fee, delay, reconsideration or compliance. Returns the updated request;
// 401/403 for who may not, 409 for what the rules forbid, 422 per field.
func (s *server) apiRespond(c *fiber.Ctx) error {
	id, err := parseID(c, "wniosku")
	if err != nil {
		return err
	}
	var in responseInput
	if err := decodeJSONBody(c, false, nil, &in); err != nil {
		return err
	}
	r, err := s.respond(c.UserContext(), s.actor(c), id, in)
	if err != nil {
		return err
	}
	s.notifyIndex()
	return c.Status(fiber.StatusCreated).JSON(r.View(appeals.AudienceOf(s.actor(c), r), s.cfg.Appeals.Today()))
}

// apiAppeal serves POST /api/v1/requests/{id}/appeals (the resident; rate-limited): body
// {"token","grounds"}. Returns 201 with the appeal's id and the request; 403 for a wrong
// token, 409 when the rules do not allow an appeal now.
func (s *server) apiAppeal(c *fiber.Ctx) error {
	id, err := parseID(c, "wniosku")
	if err != nil {
		return err
	}
	var in struct {
		Token   string `json:"token"`
		Grounds string `json:"grounds"`
	}
	if err := decodeJSONBody(c, false, nil, &in); err != nil {
		return err
	}
	if in.Token == "" {
		in.Token = c.Query("token")
	}
	r, err := s.cfg.Appeals.Appeal(c.UserContext(), id, in.Token, in.Grounds)
	if err != nil {
		if f := registry.ErrorFields(err); f["text"] != "" {
			return &registry.Error{Code: registry.EINVALID, Message: registry.MsgFixFields, Fields: map[string]string{"grounds": f["text"]}}
		}
		return err
	}
	s.notifyIndex()
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"appeal_id": r.State.CurrentAppeal().ID, "request": r.View(appeals.ViewResident, s.cfg.Appeals.Today())})
}

// apiDecideAppeal serves POST /api/v1/appeals/{id}/decision (the mayor's office): body
// {"result","reasoning","comply_by","officials"}. Returns the updated request; 404 for an
// unknown appeal, 409 when already decided or the result does not fit.
func (s *server) apiDecideAppeal(c *fiber.Ctx) error {
	id, err := parseID(c, "odwołania")
	if err != nil {
		return err
	}
	var in struct {
		Result    string             `json:"result"`
		Reasoning string             `json:"reasoning"`
		ComplyBy  string             `json:"comply_by"`
		Officials []appeals.Official `json:"officials"`
	}
	if err := decodeJSONBody(c, false, nil, &in); err != nil {
		return err
	}
	d, err := (&responseInput{Result: in.Result, Text: in.Reasoning, ComplyBy: in.ComplyBy, Officials: in.Officials}).data()
	if err != nil {
		return err
	}
	r, err := s.cfg.Appeals.DecideAppeal(c.UserContext(), s.actor(c), id, d)
	if err != nil {
		if f := registry.ErrorFields(err); f["text"] != "" {
			f["reasoning"] = f["text"]
			delete(f, "text")
		}
		return err
	}
	s.notifyIndex()
	return c.JSON(r.View(appeals.AudienceOf(s.actor(c), r), s.cfg.Appeals.Today()))
}

// apiUploadDocument serves POST /api/v1/documents (officers): the body is a PDF (checked by
// content, at most 8 MB); ?name= names it. Returns its sha256 for a response's documents.
func (s *server) apiUploadDocument(c *fiber.Ctx) error {
	d, err := s.cfg.Appeals.StoreDocument(c.UserContext(), s.actor(c), c.Query("name"), c.Body())
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(d)
}

// apiRequestStats serves GET /api/v1/companies/{slug}/requests-stats: the company's
// figures on information requests (median days to answer, share on time, refusal rate,
// appeals and their outcomes). Unknown company: 404.
func (s *server) apiRequestStats(c *fiber.Ctx) error {
	co, err := s.cfg.Store.FindCompanyBySlug(c.UserContext(), c.Params("slug"))
	if err != nil {
		return err
	}
	st, err := s.cfg.Appeals.CompanyStats(c.UserContext(), co.ID)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"company": co.Slug, "stats": st})
}
