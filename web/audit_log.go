package web

import (
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// auditPerPage is the page size of the audit log page.
const auditPerPage = 50

// routesAuditLog registers the audit log: the panel page and its API twin. Only supervisors
// and admins may read it (checked by the domain: 403 for officers and auditors).
func (s *server) routesAuditLog(app *fiber.App) {
	app.Get("/panel/dziennik", s.requireSignedIn, noStore, s.handleAuditLog)
	app.Get("/api/v1/audit-log", noStore, s.apiAuditLog)
}

// auditQuery reads the filters ?company=SLUG&actor=LOGIN&action=CODE of the audit log.
// Errors: EINVALID (400) for an unknown company or an overlong value.
func (s *server) auditQuery(c *fiber.Ctx) (registry.AuditFilter, auditForm, error) {
	var f registry.AuditFilter
	form := auditForm{Company: strings.TrimSpace(c.Query("company")), Actor: strings.TrimSpace(c.Query("actor")), Action: strings.TrimSpace(c.Query("action"))}
	if form.Company != "" {
		co, err := s.cfg.Store.FindCompanyBySlug(c.UserContext(), form.Company)
		if err != nil {
			if registry.ErrorCode(err) == registry.ENOTFOUND {
				return f, form, invalidParam("Nie ma spółki o identyfikatorze „%s”.", form.Company)
			}
			return f, form, err
		}
		f.CompanyID = &co.ID
	}
	if len(form.Actor) > 64 || len(form.Action) > 64 {
		return f, form, invalidParam("Filtr jest za długi.")
	}
	if form.Actor != "" {
		f.Login = &form.Actor
	}
	if form.Action != "" {
		f.Action = &form.Action
	}
	return f, form, nil
}

// auditForm is what the filter form shows.
type auditForm struct{ Company, Actor, Action string }

// auditRow is one record as the page shows it.
type auditRow struct {
	*registry.AuditEntry
	RoleLabel, ActionLabel, ObjectLabel, ObjectHref string
}

// auditView is the data of the audit log page.
type auditView struct {
	Form      auditForm
	Rows      []auditRow
	Companies []*registry.Company
	Actions   []registry.Label
	Pager     pager
}

// handleAuditLog serves GET /panel/dziennik?company=&actor=&action=&page=: every write,
// newest first, 50 a page. Errors: 403 for officers and auditors, 400 for a bad filter.
func (s *server) handleAuditLog(c *fiber.Ctx) error {
	ctx := c.UserContext()
	page, err := pageParam(c)
	if err != nil {
		return err
	}
	f, form, err := s.auditQuery(c)
	if err != nil {
		return err
	}
	f.Offset, f.Limit = (page-1)*auditPerPage, auditPerPage
	es, total, err := s.cfg.Store.FindAuditLog(ctx, s.actor(c), f)
	if err != nil {
		return err
	}
	v := auditView{Form: form, Actions: registry.AuditActions, Pager: newPager("/panel/dziennik", queryValues(c), page, auditPerPage, total)}
	v.Pager.Label = "Strony dziennika"
	if v.Companies, err = s.cfg.Store.FindCompanies(ctx); err != nil {
		return err
	}
	for _, e := range es {
		v.Rows = append(v.Rows, auditRowOf(e))
	}
	p := s.page(c, "Dziennik zmian")
	p.Nav = "panel"
	p.Data = v
	return s.render(c, fiber.StatusOK, "audit_log", p)
}

// auditRoleLabels name the roles recorded besides the accounts' own.
var auditRoleLabels = []registry.Label{
	{Code: "resident", Label: "wnioskodawca"},
	{Code: registry.RoleSystem, Label: "system (wiersz poleceń, zadania)"},
}

// auditObjectLabels name the kinds of object in the audit log.
var auditObjectLabels = []registry.Label{
	{Code: registry.KindContract, Label: "umowa"},
	{Code: registry.KindExpense, Label: "wydatek"},
	{Code: registry.KindAd, Label: "reklama"},
	{Code: registry.KindRecruitment, Label: "rekrutacja"},
	{Code: registry.AuditKindUser, Label: "konto"},
	{Code: registry.AuditKindToken, Label: "token API"},
	{Code: registry.AuditKindCompany, Label: "spółka"},
	{Code: registry.AuditKindAttachment, Label: "załącznik"},
	{Code: "request", Label: "wniosek"},
	{Code: "audit", Label: "raport z audytu"},
}

// auditRowOf labels a record for the page.
func auditRowOf(e *registry.AuditEntry) auditRow {
	r := auditRow{AuditEntry: e, RoleLabel: registry.LabelOf(auditRoleLabels, e.Role), ActionLabel: registry.LabelOf(registry.AuditActions, e.Action)}
	if r.RoleLabel == e.Role {
		r.RoleLabel = registry.RoleLabel(e.Role)
	}
	if e.ObjectID != 0 {
		r.ObjectLabel = registry.LabelOf(auditObjectLabels, e.ObjectKind) + " nr " + strconv.FormatInt(e.ObjectID, 10)
		if e.ObjectKind == registry.KindContract {
			r.ObjectHref = "/umowy/" + strconv.FormatInt(e.ObjectID, 10)
		}
	}
	return r
}

// apiAuditLog serves GET /api/v1/audit-log?company=&actor=&action=&page=&per_page=: the
// audit log, newest first. Errors: 401 without sign-in, 403 for officers and auditors, 400.
func (s *server) apiAuditLog(c *fiber.Ctx) error {
	page, err := pageParam(c)
	if err != nil {
		return err
	}
	perPage, err := perPageParam(c, 500, auditPerPage)
	if err != nil {
		return err
	}
	f, _, err := s.auditQuery(c)
	if err != nil {
		return err
	}
	f.Offset, f.Limit = (page-1)*perPage, perPage
	es, total, err := s.cfg.Store.FindAuditLog(c.UserContext(), s.actor(c), f)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"total": total, "page": page, "per_page": perPage, "entries": es})
}
