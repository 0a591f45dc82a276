package web

import (
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"jawnosc/audits"
	"jawnosc/registry"
)

// auditLabel is the template function "audit": the Polish label of a code of one of the
// audit vocabularies ("auditor", "kind", "severity", "status", "rule").
func auditLabel(set, code string) string {
	switch set {
	case "auditor":
		return registry.LabelOf(audits.AuditorKinds, code)
	case "kind":
		return registry.LabelOf(audits.ReportKinds, code)
	case "severity":
		return registry.LabelOf(audits.Severities, code)
	case "status":
		return registry.LabelOf(audits.Statuses, code)
	case "rule":
		return registry.LabelOf(audits.Rules, code)
	}
	return code
}

// auditsView is the data of /audyty.
type auditsView struct {
	Reports      []*audits.Report
	Companies    []*registry.Company
	AuditorKinds []registry.Label
	Company      string
	Auditor      string
	Year         string
	Overdue      bool
	Pager        pager
	CanFile      bool
}

// auditFilter reads ?company=&auditor=&year=&overdue=1 (shared by the page and the API).
// Unknown values are EINVALID (400).
func (s *server) auditFilter(c *fiber.Ctx) (audits.ReportFilter, error) {
	var f audits.ReportFilter
	if slug := optString(c, "company"); slug != nil {
		co, err := s.cfg.Store.FindCompanyBySlug(c.UserContext(), *slug)
		if err != nil {
			return f, invalidParam("Nie ma spółki „%s”.", *slug)
		}
		f.CompanyID = &co.ID
	}
	if a := optString(c, "auditor"); a != nil {
		if registry.LabelOf(audits.AuditorKinds, *a) == *a {
			return f, invalidParam("Nieznany rodzaj audytora „%s”.", *a)
		}
		f.AuditorKind = a
	}
	if v := optString(c, "year"); v != nil {
		y, err := parseYear(*v)
		if err != nil {
			return f, err
		}
		f.Year = &y
	}
	switch c.Query("overdue") {
	case "", "0":
	case "1":
		f.OnlyOverdue = true
	default:
		return f, invalidParam("Parametr overdue przyjmuje wartość 1.")
	}
	return f, nil
}

// handleAudits serves GET /audyty?company=&auditor=&year=&overdue=1&page=: the audit
// reports, newest first, with their open and overdue recommendations. Bad filters: 400.
func (s *server) handleAudits(c *fiber.Ctx) error {
	page, err := pageParam(c)
	if err != nil {
		return err
	}
	f, err := s.auditFilter(c)
	if err != nil {
		return err
	}
	f.Offset, f.Limit = (page-1)*listPerPage, listPerPage
	v := auditsView{AuditorKinds: audits.AuditorKinds, Company: c.Query("company"), Auditor: c.Query("auditor"),
		Year: c.Query("year"), Overdue: f.OnlyOverdue, CanFile: s.actor(c).Role == registry.RoleAuditor}
	var total int
	if v.Reports, total, err = s.cfg.Audits.FindReports(c.UserContext(), f); err != nil {
		return err
	}
	if v.Companies, err = s.cfg.Store.FindCompanies(c.UserContext()); err != nil {
		return err
	}
	v.Pager = newPager("/audyty", queryValues(c), page, listPerPage, total)
	p := s.page(c, "Audyty i kontrole")
	p.Nav = "audyty"
	p.Data = v
	return s.render(c, fiber.StatusOK, "audits", p)
}

// reportView is the data of /audyty/{id}: the report and, for the actor, which forms to show
// and the state of the form that was just sent with errors.
type reportView struct {
	R         *audits.Report
	Statuses  []registry.Label
	IsAuditor bool              // may change statuses and record the council discussion
	IsOfficer bool              // an officer of the report's company: may respond and post evidence
	Form      string            // which form failed: "response", "council", "status-12", "evidence-12", "pdf"
	Errors    map[string]string // its messages per field
	Values    map[string]string // what was sent, so nothing is lost
	Notice    string            // a confirmation after a successful post
}

// FindingOf returns "1. title" of the finding a recommendation answers, "" when none.
func (v *reportView) FindingOf(r *audits.Recommendation) string {
	for _, f := range v.R.Findings {
		if r.FindingID != nil && f.ID == *r.FindingID {
			return strconv.Itoa(f.Position) + ". " + f.Title
		}
	}
	return ""
}

// loadAudit returns the report of the :id parameter with the actor's permissions. Errors: ENOTFOUND.
func (s *server) loadAudit(c *fiber.Ctx) (*reportView, error) {
	id, err := parseID(c, "audyty")
	if err != nil {
		return nil, err
	}
	r, err := s.cfg.Audits.FindReportByID(c.UserContext(), id)
	if err != nil {
		return nil, err
	}
	return s.auditViewOf(c, r)
}

// renderAudit renders the report page with status (200, or 422 for a form with errors).
func (s *server) renderAudit(c *fiber.Ctx, status int, v *reportView) error {
	p := s.page(c, v.R.Title)
	p.Nav = "audyty"
	if v.Errors != nil {
		p.Errors = errorSummary(v.Errors, "", reportFormFields(v.Form))
	}
	p.Data = v
	return s.render(c, status, "audit", p)
}

// reportFormFields are the fields of a form of the report page (v.Form: "status-12",
// "evidence-12", "response", "council", "pdf") with the ids audit.html gives them.
func reportFormFields(form string) []summaryField {
	kind, _, _ := strings.Cut(form, "-")
	f := func(name, label string) summaryField { return summaryField{name, form + "-" + name, label} }
	switch kind {
	case "status":
		return []summaryField{f("status", "Nowy status"), f("on", "Data zmiany"), f("reason", "Uzasadnienie")}
	case "evidence":
		return []summaryField{f("text", "Opis dowodu wdrożenia"), f("pdf", "Załącznik PDF")}
	case "response":
		return []summaryField{f("text", "Treść odpowiedzi"), f("pdf", "Załącznik PDF")}
	case "council":
		return []summaryField{f("session", "Sesja"), f("date", "Data sesji")}
	case "pdf":
		return []summaryField{{"pdf", "pdf-raport", "Plik PDF raportu"}}
	}
	return nil
}

// handleAudit serves GET /audyty/{id}: every field of the report, its findings, its
// recommendations with their status history and evidence, the company's responses, the
// council discussion and the PDF with its SHA-256; forms for auditors and the company's
// officers. Unknown id: 404.
func (s *server) handleAudit(c *fiber.Ctx) error {
	v, err := s.loadAudit(c)
	if err != nil {
		return err
	}
	switch c.Query("ok") {
	case "status":
		v.Notice = "Zapisano zmianę statusu zalecenia."
	case "response":
		v.Notice = "Dodano odpowiedź spółki."
	case "evidence":
		v.Notice = "Dodano dowód wdrożenia zalecenia."
	case "council":
		v.Notice = "Zapisano informację o sesji Rady Miasta."
	case "created":
		v.Notice = "Raport z audytu został opublikowany."
	case "pdf":
		v.Notice = "Dodano plik PDF raportu."
	}
	return s.renderAudit(c, fiber.StatusOK, v)
}

// handleAuditFile serves GET /audyty/{id}/pliki/{sha256}.pdf: the report's PDF or a PDF of
// a response or evidence of that report, by its SHA-256. Any other name: 404.
func (s *server) handleAuditFile(c *fiber.Ctx) error {
	v, err := s.loadAudit(c)
	if err != nil {
		return err
	}
	sum, ok := strings.CutSuffix(c.Params("name"), ".pdf")
	if !ok || !reportHasFile(v.R, sum) {
		return notFound("Ten raport nie ma takiego pliku.")
	}
	path, err := s.cfg.Audits.Files.Path(sum)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "application/pdf")
	c.Set(fiber.HeaderContentDisposition, `inline; filename="audyt-`+idStr(v.R.ID)+`-`+sum[:12]+`.pdf"`)
	c.Set(fiber.HeaderCacheControl, "public, max-age=31536000, immutable")
	if err := c.SendFile(path, false); err != nil {
		return registry.Internal(err)
	}
	return nil
}

// reportHasFile reports whether sum is the report's PDF or one attached to its responses.
func reportHasFile(r *audits.Report, sum string) bool {
	if r.PDF != nil && r.PDF.SHA256 == sum {
		return true
	}
	for _, resp := range r.Responses {
		if resp.PDF != nil && resp.PDF.SHA256 == sum {
			return true
		}
	}
	for _, rec := range r.Recommendations {
		for _, e := range rec.Evidence {
			if e.PDF != nil && e.PDF.SHA256 == sum {
				return true
			}
		}
	}
	return false
}

// paragraphs splits text at blank lines (template function "paragraphs").
func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
