package web

import (
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"jawnosc/audits"
	"jawnosc/registry"
)

// Rows of the report form: findings and recommendations beyond these are filed through
// the API (or a second report). Empty rows are skipped.
const (
	formFindings        = 6
	formRecommendations = 8
)

// auditFormView is the data of the report form.
type auditFormView struct {
	Companies       []*registry.Company
	AuditorKinds    []registry.Label
	ReportKinds     []registry.Label
	Severities      []registry.Label
	Findings        []int // row numbers 1..formFindings
	Recommendations []int
	Values          map[string]string
	Errors          map[string]string
}

// handleAuditForm serves GET /panel/audyty/nowy: the form an auditor files a report with.
// Other roles: 403.
func (s *server) handleAuditForm(c *fiber.Ctx) error {
	return s.renderAuditForm(c, fiber.StatusOK, map[string]string{}, nil)
}

func (s *server) renderAuditForm(c *fiber.Ctx, status int, values, errs map[string]string) error {
	if err := audits.CanFile(s.actor(c)); err != nil {
		return err
	}
	cos, err := s.cfg.Store.FindCompanies(c.UserContext())
	if err != nil {
		return err
	}
	v := auditFormView{Companies: cos, AuditorKinds: audits.AuditorKinds, ReportKinds: audits.ReportKinds,
		Severities: audits.Severities, Values: values, Errors: errs}
	for i := 1; i <= formFindings; i++ {
		v.Findings = append(v.Findings, i)
	}
	for i := 1; i <= formRecommendations; i++ {
		v.Recommendations = append(v.Recommendations, i)
	}
	p := s.page(c, "Nowy raport z audytu")
	p.Nav = "panel"
	p.Errors = errorSummary(errs, "", auditFormFields())
	p.Data = v
	return s.render(c, status, "audit_form", p)
}

// auditFormFields are the fields of the report form in their order on the page (each input's id
// is its name), with their labels.
func auditFormFields() []summaryField {
	out := []summaryField{{"company", "company", "Spółka"}, {"title", "title", "Tytuł"}, {"auditor_kind", "auditor_kind", "Audytor"},
		{"auditor_name", "auditor_name", "Nazwa firmy audytorskiej"}, {"kind", "kind", "Rodzaj audytu"},
		{"period_from", "period_from", "Okres objęty audytem: od"}, {"period_to", "period_to", "Okres objęty audytem: do"},
		{"started_on", "started_on", "Data rozpoczęcia"}, {"completed_on", "completed_on", "Data zakończenia"},
		{"published_on", "published_on", "Data publikacji"}, {"summary", "summary", "Streszczenie"}, {"pdf", "pdf", "Raport w PDF"}}
	add := func(name, label string) { out = append(out, summaryField{name, name, label}) }
	for i := 1; i <= formFindings; i++ {
		for _, f := range [][2]string{{"title", "ustalenie"}, {"description", "opis"}, {"severity", "waga"}} {
			add(fmt.Sprintf("finding_%d_%s", i, f[0]), fmt.Sprintf("Ustalenie %d: %s", i, f[1]))
		}
	}
	for i := 1; i <= formRecommendations; i++ {
		for _, f := range [][2]string{{"text", "treść"}, {"finding", "numer ustalenia"}, {"responsible", "odpowiedzialny"}, {"due_on", "termin wdrożenia"}} {
			add(fmt.Sprintf("rec_%d_%s", i, f[0]), fmt.Sprintf("Zalecenie %d: %s", i, f[1]))
		}
	}
	return out
}

// formDate reads a date field: ISO or Polish ("14.03.2025") becomes ISO; anything else is
// kept as typed, so the validator names the field.
func formDate(v string) registry.Date {
	v = strings.TrimSpace(v)
	if d, err := registry.ParseDate(v); err == nil {
		return d
	}
	return registry.Date(v)
}

// formPDF reads an uploaded PDF field (nil when none was sent). A file over the limit is
// ETOOLARGE with the field named.
func formPDF(c *fiber.Ctx, field string) ([]byte, error) {
	fh, err := c.FormFile(field)
	if err == http.ErrMissingFile || (err == nil && fh.Size == 0) {
		return nil, nil
	} else if err != nil {
		return nil, nil // not a multipart form: no file
	}
	if fh.Size > audits.MaxPDF {
		return nil, &registry.Error{Code: registry.EINVALID, Message: registry.MsgFixFields,
			Fields: map[string]string{field: fmt.Sprintf("Plik jest za duży: najwyżej %d MB.", audits.MaxPDF>>20)}}
	}
	f, err := fh.Open()
	if err != nil {
		return nil, registry.Internal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, audits.MaxPDF+1))
	if err != nil {
		return nil, registry.Internal(err)
	}
	return b, nil
}

// formValues copies the named form fields (for showing the form again).
func formValues(c *fiber.Ctx, names ...string) map[string]string {
	out := map[string]string{}
	for _, n := range names {
		out[n] = c.FormValue(n)
	}
	return out
}

// handleAuditCreate serves POST /panel/audyty: files the report of the form (multipart, with
// the optional PDF). Invalid: the form again with a message per field (422), nothing lost;
// success: 303 to the report.
func (s *server) handleAuditCreate(c *fiber.Ctx) error {
	names := []string{"company", "title", "auditor_kind", "auditor_name", "kind", "period_from", "period_to",
		"started_on", "completed_on", "published_on", "summary"}
	in := audits.ReportInput{Company: c.FormValue("company"), Title: c.FormValue("title"), AuditorKind: c.FormValue("auditor_kind"),
		AuditorName: c.FormValue("auditor_name"), Kind: c.FormValue("kind"),
		PeriodFrom: formDate(c.FormValue("period_from")), PeriodTo: formDate(c.FormValue("period_to")),
		StartedOn: formDate(c.FormValue("started_on")), CompletedOn: formDate(c.FormValue("completed_on")),
		PublishedOn: formDate(c.FormValue("published_on")), Summary: c.FormValue("summary")}
	// Error keys of the domain ("findings.0.title") name list positions; rename names them
	// back to form fields ("finding_3_title").
	rename := map[string]string{}
	findingRow := map[int]int{} // form row → position in the list (1-based)
	for row := 1; row <= formFindings; row++ {
		p := fmt.Sprintf("finding_%d_", row)
		names = append(names, p+"title", p+"description", p+"severity")
		f := audits.FindingInput{Title: c.FormValue(p + "title"), Description: c.FormValue(p + "description"), Severity: c.FormValue(p + "severity")}
		if strings.TrimSpace(f.Title+f.Description) == "" {
			continue
		}
		i := len(in.Findings)
		for _, k := range []string{"title", "description", "severity"} {
			rename[fmt.Sprintf("findings.%d.%s", i, k)] = p + k
		}
		in.Findings = append(in.Findings, f)
		findingRow[row] = i + 1
	}
	for row := 1; row <= formRecommendations; row++ {
		p := fmt.Sprintf("rec_%d_", row)
		names = append(names, p+"finding", p+"text", p+"responsible", p+"due_on")
		r := audits.RecommendationInput{Text: c.FormValue(p + "text"), Responsible: c.FormValue(p + "responsible"), DueOn: formDate(c.FormValue(p + "due_on"))}
		if strings.TrimSpace(r.Text+r.Responsible+string(r.DueOn)) == "" {
			continue
		}
		if fr := strings.TrimSpace(c.FormValue(p + "finding")); fr != "" {
			n, err := strconv.Atoi(fr)
			if pos, ok := findingRow[n]; err == nil && ok {
				r.Finding = pos
			} else {
				r.Finding = -1 // the validator names it
			}
		}
		i := len(in.Recommendations)
		for _, k := range []string{"finding", "text", "responsible", "due_on"} {
			rename[fmt.Sprintf("recommendations.%d.%s", i, k)] = p + k
		}
		in.Recommendations = append(in.Recommendations, r)
	}
	values := formValues(c, names...)
	var err error
	if in.PDF, err = formPDF(c, "pdf"); err == nil {
		var r *audits.Report
		if r, err = s.cfg.Audits.CreateReport(c.UserContext(), s.actor(c), in); err == nil {
			s.notifyIndexer()
			return c.Redirect("/audyty/"+idStr(r.ID)+"?ok=created", fiber.StatusSeeOther)
		}
	}
	fields := registry.ErrorFields(err)
	if fields == nil {
		return err
	}
	errs := map[string]string{}
	for k, m := range fields {
		if n, ok := rename[k]; ok {
			k = n
		}
		errs[k] = m
	}
	return s.renderAuditForm(c, fiber.StatusUnprocessableEntity, values, errs)
}

// notifyIndexer wakes the search indexer after a write (when there is one).
func (s *server) notifyIndexer() {
	if s.cfg.Indexer != nil {
		s.cfg.Indexer.Notify()
	}
}

// auditFormFailed shows the report page again with the messages of err for form (422), or
// returns err when it is not a per-field error.
func (s *server) auditFormFailed(c *fiber.Ctx, reportID int64, form string, values map[string]string, err error) error {
	fields := registry.ErrorFields(err)
	if fields == nil {
		return err
	}
	r, ferr := s.cfg.Audits.FindReportByID(c.UserContext(), reportID)
	if ferr != nil {
		return ferr
	}
	v, lerr := s.auditViewOf(c, r)
	if lerr != nil {
		return lerr
	}
	v.Form, v.Errors, v.Values = form, fields, values
	return s.renderAudit(c, fiber.StatusUnprocessableEntity, v)
}

// auditViewOf builds the report page's data for the requesting actor.
func (s *server) auditViewOf(c *fiber.Ctx, r *audits.Report) (*reportView, error) {
	a := s.actor(c)
	return &reportView{R: r, Statuses: audits.Statuses, IsAuditor: a.Role == registry.RoleAuditor,
		IsOfficer: a.Role == registry.RoleOfficer && a.CanWriteCompany(r.CompanyID)}, nil
}

// handleRecommendationStatus serves POST /panel/zalecenia/{id}/status (status, on, reason):
// an auditor changes a recommendation's status. Invalid: the report page with the messages
// (422); success: 303 back to the recommendation.
func (s *server) handleRecommendationStatus(c *fiber.Ctx) error {
	id, err := parseID(c, "zalecenia")
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	reportID, err := s.cfg.Audits.ReportOfRecommendation(ctx, id)
	if err != nil {
		return err
	}
	in := audits.StatusInput{Status: c.FormValue("status"), On: formDate(c.FormValue("on")), Reason: c.FormValue("reason")}
	if _, err := s.cfg.Audits.ChangeStatus(ctx, s.actor(c), id, in); err != nil {
		return s.auditFormFailed(c, reportID, "status-"+idStr(id), formValues(c, "status", "on", "reason"), err)
	}
	s.notifyIndexer()
	return c.Redirect(fmt.Sprintf("/audyty/%d?ok=status#zalecenie-%d", reportID, id), fiber.StatusSeeOther)
}

// postResponseForm posts the text and optional PDF of a response form with post and
// redirects to anchor of the report; invalid input shows the report page again (422).
func (s *server) postResponseForm(c *fiber.Ctx, reportID, id int64, form, ok, anchor string, post poster) error {
	in := audits.ResponseInput{Text: c.FormValue("text")}
	var err error
	if in.PDF, err = formPDF(c, "pdf"); err == nil {
		_, err = post(c.UserContext(), s.actor(c), id, in)
	}
	if err != nil {
		return s.auditFormFailed(c, reportID, form, formValues(c, "text"), err)
	}
	s.notifyIndexer()
	return c.Redirect(fmt.Sprintf("/audyty/%d?ok=%s#%s", reportID, ok, anchor), fiber.StatusSeeOther)
}

// handleRecommendationEvidence serves POST /panel/zalecenia/{id}/dowody (text, optional
// pdf): an officer of the company posts implementation evidence. Invalid: 422 with messages.
func (s *server) handleRecommendationEvidence(c *fiber.Ctx) error {
	id, err := parseID(c, "zalecenia")
	if err != nil {
		return err
	}
	reportID, err := s.cfg.Audits.ReportOfRecommendation(c.UserContext(), id)
	if err != nil {
		return err
	}
	return s.postResponseForm(c, reportID, id, "evidence-"+idStr(id), "evidence", "zalecenie-"+idStr(id), s.cfg.Audits.PostEvidence)
}

// handleAuditResponse serves POST /panel/audyty/{id}/odpowiedz (text, optional pdf): an
// officer of the company posts the company's response. Invalid: 422 with messages.
func (s *server) handleAuditResponse(c *fiber.Ctx) error {
	id, err := parseID(c, "audyty")
	if err != nil {
		return err
	}
	return s.postResponseForm(c, id, id, "response", "response", "odpowiedzi", s.cfg.Audits.PostResponse)
}

// handleAuditCouncil serves POST /panel/audyty/{id}/rada (session, date): an auditor records
// the City Council's discussion. Invalid: 422 with messages.
func (s *server) handleAuditCouncil(c *fiber.Ctx) error {
	id, err := parseID(c, "audyty")
	if err != nil {
		return err
	}
	in := audits.Council{Session: c.FormValue("session"), Date: formDate(c.FormValue("date"))}
	if _, err := s.cfg.Audits.SetCouncil(c.UserContext(), s.actor(c), id, in); err != nil {
		return s.auditFormFailed(c, id, "council", formValues(c, "session", "date"), err)
	}
	return c.Redirect(fmt.Sprintf("/audyty/%d?ok=council#rada", id), fiber.StatusSeeOther)
}

// handleAuditAttach serves POST /panel/audyty/{id}/pdf (pdf): an auditor adds the report's
// PDF when it was filed without one. Invalid: 422 with messages; a second PDF: 409.
func (s *server) handleAuditAttach(c *fiber.Ctx) error {
	id, err := parseID(c, "audyty")
	if err != nil {
		return err
	}
	b, err := formPDF(c, "pdf")
	if err == nil && b == nil {
		err = &registry.Error{Code: registry.EINVALID, Message: registry.MsgFixFields, Fields: map[string]string{"pdf": "Wybierz plik PDF."}}
	}
	if err == nil {
		_, err = s.cfg.Audits.AttachReportPDF(c.UserContext(), s.actor(c), id, b)
	}
	if err != nil {
		return s.auditFormFailed(c, id, "pdf", map[string]string{}, err)
	}
	return c.Redirect(fmt.Sprintf("/audyty/%d?ok=pdf", id), fiber.StatusSeeOther)
}

// afieldView is one field of the report form (template "afield").
type afieldView struct {
	Name, Label, Type, Value, Error string
	Options                         []registry.Label
}

// afield builds a field of the report form (template function "afield"); typ is "text",
// "textarea", "date", "number", "file" or "select-company|auditor|kind|severity".
func afield(d auditFormView, name, label, typ string) afieldView {
	f := afieldView{Name: name, Label: label, Type: typ, Value: d.Values[name], Error: d.Errors[name]}
	switch typ {
	case "select-company":
		for _, co := range d.Companies {
			f.Options = append(f.Options, registry.Label{Code: co.Slug, Label: co.Name})
		}
	case "select-auditor":
		f.Options = d.AuditorKinds
	case "select-kind":
		f.Options = d.ReportKinds
	case "select-severity":
		f.Options = d.Severities
	}
	return f
}

// idStr formats an id for URLs and file names.
func idStr(n int64) string { return strconv.FormatInt(n, 10) }
