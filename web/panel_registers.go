package web

import (
	"context"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// The officers' panel for expenses, ads and recruitments: the same pages for every register
// (list with drafts, new entry, draft edit and publication, correction, amendment,
// withdrawal, import of a spreadsheet with a column mapping), built on the typed registers.

// panelOps are a register's panel operations on forms (type-erased).
type panelOps struct {
	fields []panelField
	// load returns an entry the actor files for, as a form.
	load func(ctx context.Context, a registry.Actor, id int64) (*registry.EntryMeta, entryForm, string, error)
	// save runs op (create, update, correct, amend, withdraw) with the form; returns the id.
	save func(ctx context.Context, a registry.Actor, op string, id, companyID int64, f entryForm, publish bool) (int64, error)
	// list returns the actor's entries (drafts included), newest first.
	list func(ctx context.Context, a registry.Actor, f registry.EntryFilter) ([]listRow, int, error)
	// publish publishes a draft.
	publish func(ctx context.Context, a registry.Actor, id int64) error
	// previewRows parses a table with a mapping as the import does (nothing is written) and
	// returns its first rows as the register lists them. Errors: as ParseTable.
	previewRows func(t *registry.Table, m registry.Mapping, co *registry.Company) ([]previewEntry, error)
}

// newPanelOps builds the panel operations of a typed register.
func newPanelOps[D any, P interface {
	*D
	registry.EntryData
}](s *server, d *registerDef, reg func(*registry.Store) *registry.Register[D, P], row func(*registry.Entry[D]) listRow,
	find func(st *registry.Store, ctx context.Context, f registry.EntryFilter) ([]*registry.Entry[D], int, error)) *panelOps {
	fields := panelFieldsOf(d)
	r := func() *registry.Register[D, P] { return reg(s.cfg.Store) }
	return &panelOps{
		fields: fields,
		load: func(ctx context.Context, a registry.Actor, id int64) (*registry.EntryMeta, entryForm, string, error) {
			if err := a.RequireFiler(); err != nil {
				return nil, entryForm{}, "", err
			}
			// Drafts included: an officer of another company is refused (403), as in the
			// contracts panel, rather than told the entry does not exist.
			e, err := r().FindByID(ctx, registry.SystemActor(a.Login), id)
			if err != nil {
				return nil, entryForm{}, "", err
			}
			if err := a.RequireCompanyWrite(e.CompanyID); err != nil {
				return nil, entryForm{}, "", err
			}
			return &e.EntryMeta, formOf(e.Data, fields), row(e).Title, nil
		},
		save: func(ctx context.Context, a registry.Actor, op string, id, companyID int64, f entryForm, publish bool) (int64, error) {
			var data D
			if op == "withdraw" && len(f.Errors) > 0 {
				return 0, &registry.Error{Code: registry.EINVALID, Message: registry.MsgFixFields, Fields: f.Errors}
			}
			if op != "withdraw" {
				data = contentOf[D](f, fields)
				P(&data).Normalize()
				f.addErr(P(&data).Validate())
				if len(f.Errors) > 0 {
					return 0, &registry.Error{Code: registry.EINVALID, Message: registry.MsgFixFields, Fields: f.Errors}
				}
			}
			var e *registry.Entry[D]
			var err error
			switch op {
			case "create":
				e, err = r().Create(ctx, a, companyID, data, publish)
			case "update":
				if e, err = r().UpdateDraft(ctx, a, id, data); err == nil && publish {
					e, err = r().Publish(ctx, a, id)
				}
			case "correct":
				e, err = r().Correct(ctx, a, id, data, f.Values["reason"])
			case "amend":
				e, err = r().Amend(ctx, a, id, data, registry.Date(strings.TrimSpace(f.Values["annex_date"])), f.Values["reason"])
			default:
				e, err = r().Withdraw(ctx, a, id, f.Values["reason"])
			}
			if err != nil {
				return 0, err
			}
			return e.ID, nil
		},
		list: func(ctx context.Context, a registry.Actor, f registry.EntryFilter) ([]listRow, int, error) {
			es, total, err := find(s.cfg.Store, ctx, f)
			if err != nil {
				return nil, 0, err
			}
			rows := make([]listRow, len(es))
			for i, e := range es {
				rows[i] = row(e)
				rows[i].URL = "/panel/" + d.Tab + "/" + strconv.FormatInt(e.ID, 10)
				rows[i].Extra = statusLabel(e.Status)
				if e.Status == registry.StatusDraft {
					rows[i].Flags = append(rows[i].Flags, "szkic")
				}
			}
			return rows, total, nil
		},
		publish: func(ctx context.Context, a registry.Actor, id int64) error {
			_, err := r().Publish(ctx, a, id)
			return err
		},
		previewRows: func(t *registry.Table, m registry.Mapping, co *registry.Company) ([]previewEntry, error) {
			items, err := r().ParseTable(t, m)
			if err != nil {
				return nil, err
			}
			rows := make([]previewEntry, 0, min(len(items), importPreviewRows))
			for i := range items[:min(len(items), importPreviewRows)] {
				e := &registry.Entry[D]{EntryMeta: registry.EntryMeta{CompanyID: co.ID, Company: co.Slug, CompanyName: co.Name}, Data: items[i]}
				line := i + 2
				if i < len(t.Lines) {
					line = t.Lines[i]
				}
				rows = append(rows, previewEntry{Line: line, listRow: row(e)})
			}
			return rows, nil
		},
	}
}

// panelRegisterView is the data of the panel pages of a register.
type panelRegisterView struct {
	Def       *registerDef
	Mode      string // list, new, edit, correct, amend, withdraw, entry, import
	Action    string
	Meta      *registry.EntryMeta
	EntryName string
	Companies []*registry.Company
	Company   string
	Fields    []panelFieldView
	Change    []panelFieldView // reason / annex date
	Summary   []formError
	Rows      []listRow
	Pager     pager
	Notice    string
	Import    *importView
}

// routesPanelRegisters registers the panel pages of expenses, ads and recruitments.
func (s *server) routesPanelRegisters(panel fiber.Router) {
	ops := map[string]*panelOps{
		expenseDef.Tab: newPanelOps(s, expenseDef, (*registry.Store).Expenses, expenseRow,
			func(st *registry.Store, ctx context.Context, f registry.EntryFilter) ([]*registry.Expense, int, error) {
				return st.FindExpenses(ctx, registry.ExpenseFilter{EntryFilter: f})
			}),
		adDef.Tab: newPanelOps(s, adDef, (*registry.Store).Ads, adRow,
			func(st *registry.Store, ctx context.Context, f registry.EntryFilter) ([]*registry.Ad, int, error) {
				return st.FindAds(ctx, registry.AdFilter{EntryFilter: f})
			}),
		recruitmentDef.Tab: newPanelOps(s, recruitmentDef, (*registry.Store).Recruitments, recruitmentRow,
			func(st *registry.Store, ctx context.Context, f registry.EntryFilter) ([]*registry.Recruitment, int, error) {
				return st.FindRecruitments(ctx, registry.RecruitmentFilter{EntryFilter: f})
			}),
	}
	for _, d := range registerDefs {
		d, op := d, ops[d.Tab]
		base := "/" + d.Tab
		panel.Get(base, func(c *fiber.Ctx) error { return s.handlePanelRegisterList(c, d, op) })
		panel.Get(base+"/nowy", func(c *fiber.Ctx) error { return s.handlePanelRegisterNew(c, d, op) })
		panel.Post(base, func(c *fiber.Ctx) error { return s.handlePanelRegisterCreate(c, d, op) })
		panel.Get(base+"/import", func(c *fiber.Ctx) error { return s.handlePanelImportForm(c, d) })
		panel.Post(base+"/import", func(c *fiber.Ctx) error { return s.handlePanelImport(c, d, op) })
		panel.Post(base+"/import/potwierdz", bodyLimit(4<<10), func(c *fiber.Ctx) error { return s.handlePanelImportConfirm(c, d, op) })
		panel.Get(base+"/:id", func(c *fiber.Ctx) error { return s.handlePanelRegisterEntry(c, d, op) })
		panel.Post(base+"/:id/publikacja", func(c *fiber.Ctx) error { return s.handlePanelRegisterPublish(c, d, op) })
		for _, mode := range []string{"edit", "correct", "amend", "withdraw"} {
			mode := mode
			panel.Get(base+"/:id/"+panelModePaths[mode], func(c *fiber.Ctx) error { return s.handlePanelRegisterChangeForm(c, d, op, mode) })
			panel.Post(base+"/:id/"+panelModePaths[mode], func(c *fiber.Ctx) error { return s.handlePanelRegisterChange(c, d, op, mode) })
		}
	}
}

// panelModePaths are the sub-paths of the change forms.
var panelModePaths = map[string]string{"edit": "edycja", "correct": "korekta", "amend": "aneks", "withdraw": "wycofanie"}

// panelModeTitles name the panel pages.
var panelModeTitles = map[string]string{"list": "", "new": "Nowy wpis", "edit": "Edycja szkicu", "correct": "Korekta wpisu",
	"amend": "Zmiana (aneks)", "withdraw": "Wycofanie wpisu", "entry": "Wpis", "import": "Import z arkusza"}

// panelSaved are the notices after a write (?zapisano=).
var panelSaved = map[string]string{"szkic": "Zapisano szkic. Nie jest jeszcze widoczny publicznie.",
	"publikacja": "Opublikowano wpis. Jest już widoczny w publicznym rejestrze.", "korekta": "Zapisano korektę: powstała nowa wersja wpisu.",
	"aneks": "Zapisano zmianę: powstała nowa wersja wpisu.", "wycofanie": "Wycofano wpis. Pozostaje widoczny publicznie z podanym powodem."}

func (s *server) renderPanelRegister(c *fiber.Ctx, status int, v *panelRegisterView) error {
	title := d2title(v)
	p := s.page(c, title)
	p.Nav = "panel"
	p.Errors = v.Summary
	if v.Import != nil {
		p.Errors = v.Import.summary()
	}
	p.Data = v
	name := "panel_register"
	if v.Mode == "import" {
		name = "panel_register_import"
	}
	return s.render(c, status, name, p)
}

func d2title(v *panelRegisterView) string {
	t := v.Def.TabLabel() + " — panel"
	if m := panelModeTitles[v.Mode]; m != "" {
		t = v.Def.TabLabel() + ": " + m
	}
	if v.EntryName != "" {
		t += ": " + v.EntryName
	}
	return t
}

// handlePanelRegisterList serves GET /panel/{wydatki|reklamy|rekrutacje}?status=&page=: the
// entries of the actor's companies, drafts included. Public: 401; roles that do not file: 403.
func (s *server) handlePanelRegisterList(c *fiber.Ctx, d *registerDef, op *panelOps) error {
	a := s.actor(c)
	if err := a.RequireFiler(); err != nil {
		return err
	}
	page, err := pageParam(c)
	if err != nil {
		return err
	}
	f := registry.EntryFilter{Status: []string{registry.StatusDraft, registry.StatusPublished, registry.StatusWithdrawn},
		Offset: (page - 1) * listPerPage, Limit: listPerPage}
	if st := c.Query("status"); st != "" {
		if registry.LabelOf(statusLabels, st) == st {
			return invalidParam("Nieznany status „%s”.", st)
		}
		f.Status = []string{st}
	}
	if a.Role == registry.RoleOfficer {
		f.CompanyIDs = append([]int64{}, a.Companies...)
	}
	v := &panelRegisterView{Def: d, Mode: "list"}
	var total int
	if v.Rows, total, err = op.list(c.UserContext(), a, f); err != nil {
		return err
	}
	v.Pager = newPager("/panel/"+d.Tab, queryValues(c), page, listPerPage, total)
	return s.renderPanelRegister(c, fiber.StatusOK, v)
}

// handlePanelRegisterNew serves GET /panel/{register}/nowy: an empty form.
func (s *server) handlePanelRegisterNew(c *fiber.Ctx, d *registerDef, op *panelOps) error {
	cos, err := s.cfg.Store.FindFilerCompanies(c.UserContext(), s.actor(c))
	if err != nil {
		return err
	}
	if len(cos) == 0 {
		return registry.Errorf(registry.EFORBIDDEN, "Twoje konto nie jest przypisane do żadnej spółki.")
	}
	v := &panelRegisterView{Def: d, Mode: "new", Action: "/panel/" + d.Tab, Companies: cos, Company: c.Query("company")}
	if len(cos) == 1 {
		v.Company = cos[0].Slug
	}
	v.Fields = newEntryForm().views(op.fields)
	return s.renderPanelRegister(c, fiber.StatusOK, v)
}

// handlePanelRegisterCreate serves POST /panel/{register}: files an entry as a draft
// (action=draft) or published (action=publish). Wrong fields: 422 with every value kept and
// a Polish message beside each; another company: 403 from the domain.
func (s *server) handlePanelRegisterCreate(c *fiber.Ctx, d *registerDef, op *panelOps) error {
	ctx, a := c.UserContext(), s.actor(c)
	cos, err := s.cfg.Store.FindFilerCompanies(ctx, a)
	if err != nil {
		return err
	}
	form := readPanelForm(func(k string) string { return c.FormValue(k) }, multiValues(c), op.fields)
	slug := strings.TrimSpace(c.FormValue("company"))
	v := &panelRegisterView{Def: d, Mode: "new", Action: "/panel/" + d.Tab, Companies: cos, Company: slug}
	var companyID int64
	if co, err := s.cfg.Store.FindCompanyBySlug(ctx, slug); err == nil {
		companyID = co.ID
	} else {
		form.Errors["company"] = "Wybierz spółkę, której wpis dodajesz."
	}
	publish := c.FormValue("action") == "publish"
	id, err := op.save(ctx, a, "create", 0, companyID, form, publish)
	if err != nil {
		return s.formFailed(c, v, form, op.fields, err)
	}
	return s.panelSavedRedirect(c, d, id, map[bool]string{true: "publikacja", false: "szkic"}[publish])
}

// formFailed shows the form again with 422 when err names fields; other errors propagate.
func (s *server) formFailed(c *fiber.Ctx, v *panelRegisterView, form entryForm, fields []panelField, err error) error {
	if !form.addErr(err) && len(form.Errors) == 0 {
		return err
	}
	if registry.ErrorCode(err) != registry.EINVALID {
		return err
	}
	if v.Mode != "withdraw" {
		v.Fields = form.views(fields)
	}
	v.Change = form.views(changeFieldsFor(v.Mode))
	v.Summary = formSummary(form, append(append([]panelField{{Name: "company", Label: "Spółka"}}, fields...), changeFields...))
	return s.renderPanelRegister(c, fiber.StatusUnprocessableEntity, v)
}

// changeFieldsFor returns the reason (and annex date) fields of a mode.
func changeFieldsFor(mode string) []panelField {
	switch mode {
	case "amend":
		return changeFields
	case "correct", "withdraw":
		return changeFields[1:]
	}
	return nil
}

// multiValues returns the values of a repeated form field (checkbox lists).
func multiValues(c *fiber.Ctx) func(string) []string {
	return func(name string) []string {
		var out []string
		for _, b := range c.Request().PostArgs().PeekMulti(name) {
			out = append(out, string(b))
		}
		if mf, err := c.MultipartForm(); err == nil && len(out) == 0 {
			out = append(out, mf.Value[name]...)
		}
		return out
	}
}

func (s *server) panelSavedRedirect(c *fiber.Ctx, d *registerDef, id int64, what string) error {
	s.notifyIndex()
	return c.Redirect("/panel/"+d.Tab+"/"+strconv.FormatInt(id, 10)+"?zapisano="+what, fiber.StatusSeeOther)
}

// handlePanelRegisterEntry serves GET /panel/{register}/{id}: the entry with the actions its
// state allows. Another company's entry: 403.
func (s *server) handlePanelRegisterEntry(c *fiber.Ctx, d *registerDef, op *panelOps) error {
	id, err := parseID(c, d.One)
	if err != nil {
		return err
	}
	meta, form, name, err := op.load(c.UserContext(), s.actor(c), id)
	if err != nil {
		return err
	}
	v := &panelRegisterView{Def: d, Mode: "entry", Meta: meta, EntryName: name, Notice: panelSaved[c.Query("zapisano")]}
	v.Fields = form.views(op.fields)
	return s.renderPanelRegister(c, fiber.StatusOK, v)
}

// handlePanelRegisterPublish serves POST /panel/{register}/{id}/publikacja. 409 when published.
func (s *server) handlePanelRegisterPublish(c *fiber.Ctx, d *registerDef, op *panelOps) error {
	id, err := parseID(c, d.One)
	if err != nil {
		return err
	}
	if err := op.publish(c.UserContext(), s.actor(c), id); err != nil {
		return err
	}
	return s.panelSavedRedirect(c, d, id, "publikacja")
}

// handlePanelRegisterChangeForm serves GET /panel/{register}/{id}/{edycja|korekta|aneks|wycofanie}:
// the form filled with the current content (a draft is edited; a published entry corrected,
// amended or withdrawn — anything else is 409).
func (s *server) handlePanelRegisterChangeForm(c *fiber.Ctx, d *registerDef, op *panelOps, mode string) error {
	v, form, err := s.panelChangeStart(c, d, op, mode)
	if err != nil {
		return err
	}
	if mode != "withdraw" {
		v.Fields = form.views(op.fields)
	}
	v.Change = newEntryForm().views(changeFieldsFor(mode))
	return s.renderPanelRegister(c, fiber.StatusOK, v)
}

// handlePanelRegisterChange serves the POST of the change forms: saves the draft (and
// publishes it with action=publish), or records a correction, an amendment or a withdrawal
// as a new version with its reason. Wrong fields: 422 with the form kept.
func (s *server) handlePanelRegisterChange(c *fiber.Ctx, d *registerDef, op *panelOps, mode string) error {
	v, _, err := s.panelChangeStart(c, d, op, mode)
	if err != nil {
		return err
	}
	fields := op.fields
	if mode == "withdraw" {
		fields = nil
	}
	form := readPanelForm(func(k string) string { return c.FormValue(k) }, multiValues(c), append(append([]panelField{}, fields...), changeFieldsFor(mode)...))
	if mode != "edit" && strings.TrimSpace(form.Values["reason"]) == "" {
		form.Errors["reason"] = "Podaj powód: zostanie opublikowany przy nowej wersji."
	}
	opName := map[string]string{"edit": "update", "correct": "correct", "amend": "amend", "withdraw": "withdraw"}[mode]
	publish := c.FormValue("action") == "publish"
	id, err := op.save(c.UserContext(), s.actor(c), opName, v.Meta.ID, v.Meta.CompanyID, form, publish)
	if err != nil {
		return s.formFailed(c, v, form, fields, err)
	}
	what := map[string]string{"edit": "szkic", "correct": "korekta", "amend": "aneks", "withdraw": "wycofanie"}[mode]
	if mode == "edit" && publish {
		what = "publikacja"
	}
	return s.panelSavedRedirect(c, d, id, what)
}

// panelChangeStart loads the entry of a change form and checks its state.
func (s *server) panelChangeStart(c *fiber.Ctx, d *registerDef, op *panelOps, mode string) (*panelRegisterView, entryForm, error) {
	id, err := parseID(c, d.One)
	if err != nil {
		return nil, entryForm{}, err
	}
	meta, form, name, err := op.load(c.UserContext(), s.actor(c), id)
	if err != nil {
		return nil, entryForm{}, err
	}
	switch {
	case mode == "edit" && meta.Status != registry.StatusDraft:
		return nil, entryForm{}, registry.Errorf(registry.ECONFLICT, "Opublikowanego wpisu nie można edytować; dodaj zmianę, korektę albo wycofaj wpis.")
	case mode != "edit" && meta.Status == registry.StatusDraft:
		return nil, entryForm{}, registry.Errorf(registry.ECONFLICT, "Wpis nie jest jeszcze opublikowany: popraw szkic albo go opublikuj.")
	case mode != "edit" && meta.Status == registry.StatusWithdrawn:
		return nil, entryForm{}, registry.Errorf(registry.ECONFLICT, "Wpis został wycofany; nie można go już zmieniać.")
	}
	v := &panelRegisterView{Def: d, Mode: mode, Meta: meta, EntryName: name,
		Action: "/panel/" + d.Tab + "/" + strconv.FormatInt(id, 10) + "/" + panelModePaths[mode]}
	return v, form, nil
}
