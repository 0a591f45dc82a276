package web

import (
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"jawnosc/appeals"
	"jawnosc/registry"
)

// requestsPerPage is the number of requests per page of the public register.
const requestsPerPage = 20

// requestsForm is the filter form of the register, as typed.
type requestsForm struct {
	Company, Outcome, Year string
}

// requestRow is one request of a list.
type requestRow struct {
	ID       int64
	Ref      string
	Subject  string
	Company  *registry.Company
	Date     registry.Date
	Stage    string
	Outcome  string
	Due      registry.Date
	Overdue  bool
	DaysLeft int
}

// requestsView is the data of the public register.
type requestsView struct {
	Form      requestsForm
	Errors    map[string]string
	Companies []*registry.Company
	Outcomes  []registry.Label
	Years     []int
	Rows      []requestRow
	Pager     pager
}

// requestRows turns summaries into rows with the requester's identity removed.
func (s *server) requestRows(list []*appeals.Summary) []requestRow {
	today := s.cfg.Appeals.Today()
	rows := make([]requestRow, len(list))
	for i, m := range list {
		rows[i] = requestRow{ID: m.ID, Ref: m.Ref, Subject: m.PublicSubject(), Company: m.Company, Date: appeals.DayOf(m.SubmittedAt),
			Stage: m.Stage, Outcome: m.Outcome, Due: m.Due, Overdue: m.Overdue(today), DaysLeft: m.DaysLeft(today)}
	}
	return rows
}

// requestFilter reads the register's filters (company slug, outcome, year); a bad value is
// a message for its field.
func (s *server) requestFilter(c *fiber.Ctx) (appeals.RequestFilter, requestsForm, map[string]string, error) {
	var f appeals.RequestFilter
	form := requestsForm{Company: strings.TrimSpace(c.Query("company")), Outcome: strings.TrimSpace(c.Query("outcome")), Year: strings.TrimSpace(c.Query("year"))}
	errs := map[string]string{}
	if form.Company != "" {
		co, err := s.cfg.Store.FindCompanyBySlug(c.UserContext(), form.Company)
		if registry.ErrorCode(err) == registry.ENOTFOUND {
			errs["company"] = "Nie ma takiej spółki."
		} else if err != nil {
			return f, form, nil, err
		} else {
			f.CompanyIDs = []int64{co.ID}
		}
	}
	if form.Outcome != "" {
		if form.Outcome != "pending" && registry.LabelOf(appeals.Outcomes, form.Outcome) == form.Outcome {
			errs["outcome"] = "Wybierz jedną z dostępnych wartości."
		} else {
			o := form.Outcome
			f.Outcome = &o
		}
	}
	if form.Year != "" {
		y, err := strconv.Atoi(form.Year)
		if err != nil || y < 2000 || y > 2100 {
			errs["year"] = "Podaj rok, np. 2026."
		} else {
			f.Year = &y
		}
	}
	return f, form, errs, nil
}

// handleRequests serves GET /wnioski?company=&outcome=&year=&page=: the public register of
// information requests, identity of requesters removed. Bad filters: 400 with the form.
func (s *server) handleRequests(c *fiber.Ctx) error {
	ctx := c.UserContext()
	page, err := pageParam(c)
	if err != nil {
		return err
	}
	f, form, errs, err := s.requestFilter(c)
	if err != nil {
		return err
	}
	v := requestsView{Form: form, Errors: errs, Outcomes: appeals.Outcomes}
	if v.Companies, err = s.cfg.Store.FindCompanies(ctx); err != nil {
		return err
	}
	if v.Years, err = s.cfg.Appeals.Years(ctx); err != nil {
		return err
	}
	status := fiber.StatusOK
	total := 0
	if len(errs) > 0 {
		status = fiber.StatusBadRequest
	} else {
		f.Offset, f.Limit = (page-1)*requestsPerPage, requestsPerPage
		list, n, err := s.cfg.Appeals.FindRequests(ctx, f)
		if err != nil {
			return err
		}
		v.Rows, total = s.requestRows(list), n
	}
	v.Pager = newPager("/wnioski", queryValues(c), page, requestsPerPage, total)
	p := s.page(c, "Wnioski o informację publiczną")
	p.Nav = "wnioski"
	p.Errors = errorSummary(errs, "", []summaryField{{"company", "f-company", "Spółka"}, {"outcome", "f-outcome", "Wynik"}, {"year", "f-year", "Rok złożenia"}})
	p.Data = v
	return s.render(c, status, "requests", p)
}

// requestView is the data of a request's page, public, the resident's or the panel's.
type requestView struct {
	V        *appeals.View
	Audience string
	Token    string // the resident's token, for their forms and feed (resident only)
	Forms    map[string]*stepForm
	Grounds  []appeals.Ground
	Answers  []registry.Label
	Results  []registry.Label
	Recons   []registry.Label
	Today    registry.Date
	Role     string // the signed-in role in the panel
	Notice   string // why the last step was refused by the rules (409), shown at the top
}

// stepForm keeps what a form sent and what was wrong with it, so a failed step loses nothing.
type stepForm struct {
	Values  map[string]string
	Errors  map[string]string
	Message string
}

// Value returns a sent value.
func (f *stepForm) Value(key string) string {
	if f == nil {
		return ""
	}
	return f.Values[key]
}

// Error returns the message of a field.
func (f *stepForm) Error(key string) string {
	if f == nil {
		return ""
	}
	return f.Errors[key]
}

// newRequestView builds a request page's data for an audience.
func (s *server) newRequestView(r *appeals.Request, audience string) *requestView {
	today := s.cfg.Appeals.Today()
	return &requestView{V: r.View(audience, today), Audience: audience, Forms: map[string]*stepForm{}, Grounds: appeals.RefusalGrounds,
		Answers: appeals.Answers, Results: appeals.AppealResults, Recons: appeals.ReconsiderResults, Today: today}
}

// handleRequest serves GET /wnioski/{id}: a request's public page (timeline, documents,
// decisions; the requester's identity removed; the text only when allowed).
func (s *server) handleRequest(c *fiber.Ctx) error {
	r, err := s.requestParam(c)
	if err != nil {
		return err
	}
	p := s.page(c, "Wniosek "+r.Ref)
	p.Nav = "wnioski"
	p.Data = s.newRequestView(r, appeals.ViewPublic)
	return s.render(c, fiber.StatusOK, "request", p)
}

// handleRequestDocument serves GET /wnioski/{id}/dokumenty/{sha256}: a PDF attached to
// one of the request's answers.
func (s *server) handleRequestDocument(c *fiber.Ctx) error {
	r, err := s.requestParam(c)
	if err != nil {
		return err
	}
	doc, content, err := s.cfg.Appeals.FindDocument(c.UserContext(), r, c.Params("sha"))
	if err != nil {
		return err
	}
	return sendPDF(c, content, doc.SHA256[:12]+".pdf", false)
}

// sendPDF sends a PDF inline (or as an attachment), never sniffed as anything else.
func sendPDF(c *fiber.Ctx, content []byte, name string, private bool) error {
	c.Set(fiber.HeaderContentType, "application/pdf")
	c.Set(fiber.HeaderContentDisposition, `inline; filename="`+name+`"`)
	if private {
		c.Set(fiber.HeaderCacheControl, "no-store")
	}
	return c.Send(content)
}

// handleDecisionPDF serves GET /wnioski/{id}/decyzje/{event}.pdf: a refusal or the mayor's
// office's decision as PDF; the public copy has the requester's identity removed, and with
// the right ?token= the resident gets their own copy addressed to them.
func (s *server) handleDecisionPDF(c *fiber.Ctx) error {
	evID, err := strconv.ParseInt(strings.TrimSuffix(c.Params("event"), ".pdf"), 10, 64)
	if err != nil {
		return notFound("Nie ma takiej decyzji.")
	}
	r, audience, err := s.requestByToken(c)
	if err != nil {
		return err
	}
	doc, err := appeals.DecisionPDF(r.View(audience, s.cfg.Appeals.Today()), evID)
	if err != nil {
		return err
	}
	return sendPDF(c, doc, strings.ReplaceAll(r.Ref, "/", "-")+"-"+strconv.FormatInt(evID, 10)+".pdf", audience != appeals.ViewPublic)
}

// requestParam loads the request named by the path's {id}. Returns ENOTFOUND.
func (s *server) requestParam(c *fiber.Ctx) (*appeals.Request, error) {
	id, err := parseID(c, "wniosku")
	if err != nil {
		return nil, err
	}
	return s.cfg.Appeals.FindRequest(c.UserContext(), id)
}

// requestByToken loads the request of the path and picks its audience: the resident's with
// the right ?token= (then nothing may cache the answer), the public's without one; a wrong
// token is EFORBIDDEN.
func (s *server) requestByToken(c *fiber.Ctx) (*appeals.Request, string, error) {
	r, err := s.requestParam(c)
	if err != nil {
		return nil, "", err
	}
	tok := c.Query("token")
	if tok == "" {
		return r, appeals.ViewPublic, nil
	}
	if !r.TokenMatches(tok) {
		return nil, "", registry.Errorf(registry.EFORBIDDEN, "Ten link do wniosku jest nieprawidłowy. Sprawdź, czy skopiowano go w całości.")
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	return r, appeals.ViewResident, nil
}
