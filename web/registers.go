package web

import (
	"context"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// The public pages of the expense, advertising and recruitment registers share one list
// page, one entry page and one company tab; each register supplies a registerDef: how its
// filters are read, how its entries become rows and how one entry is shown.

// filterField is one field of a register's filter form, as typed.
type filterField struct {
	Name, Label string
	Options     []registry.Label // a select; nil: a text input
	All         string           // the label of the empty option of a select
	Value       string
	Error       string
	Max         int // text inputs: maxlength
}

// listRow is one entry in a register list.
type listRow struct {
	URL, Date, Title        string
	Company, CompanyName    string
	Party, PartyHref, Extra string
	Amount                  string
	Withdrawn               bool
	Flags                   []string
}

// entryView is the data of an entry page of any register.
type entryView struct {
	Def      *registerDef
	Meta     registry.EntryMeta
	Lead     string
	Fields   []registry.Field
	Flags    []string
	Versions []versionView
	APIURL   string
	JSON     []byte // the entry with its versions, as GET /api/v1/{register}/{id} answers
}

// versionView is a published version with what changed since the previous one.
type versionView struct {
	registry.Version
	Changes []registry.FieldChange
}

// registerDef describes one register's pages and API.
type registerDef struct {
	Kind    string
	Path    string // "/wydatki"
	Tab     string // company sub-path: "wydatki"
	Title   string // "Wydatki"
	One     string // "wydatek" (for "Nie znaleziono …")
	Lead    string
	API     string // "expenses"
	Columns []string
	// list reads the filters (the company is fixed when co is not nil) and returns a page.
	list func(ctx context.Context, s *server, c *fiber.Ctx, co *registry.Company, offset, limit int) (registerList, error)
	// entry loads one entry visible to the actor.
	entry func(ctx context.Context, s *server, a registry.Actor, id int64) (*entryView, error)
	// api lists entries for the JSON API (filters as in list).
	api func(ctx context.Context, s *server, c *fiber.Ctx, offset, limit int) (any, int, error)
	// export streams every public entry as CSV (header first) or JSON objects.
	exportCSV  func(ctx context.Context, s *server, w csvChunkWriter, base string) error
	exportJSON func(ctx context.Context, s *server, emit func(any) error) error
}

// registerList is a page of a register list with its filter form.
type registerList struct {
	Fields []filterField
	Errors bool
	Rows   []listRow
	Total  int
	Sum    string // total amount of the matching entries, when meaningful
}

// summary is the error summary of the filter form (nil when the filters are fine).
func (l registerList) summary() []formError {
	errs := map[string]string{}
	fields := make([]summaryField, len(l.Fields))
	for i, f := range l.Fields {
		fields[i] = summaryField{f.Name, "f-" + f.Name, f.Label}
		if f.Error != "" {
			errs[f.Name] = f.Error
		}
	}
	return errorSummary(errs, "", fields)
}

// registerDefs are the registers with public pages here (contracts have their own).
var registerDefs = []*registerDef{expenseDef, adDef, recruitmentDef}

// registerByTab finds a register by its company sub-path.
func registerByTab(tab string) *registerDef {
	for _, d := range registerDefs {
		if d.Tab == tab {
			return d
		}
	}
	return nil
}

// routesRegisters registers the pages, API and exports of expenses, ads and recruitments.
func (s *server) routesRegisters(app *fiber.App) {
	app.Get("/reklamy/zestawienia", s.handleAdSummary)
	for _, d := range registerDefs {
		d := d
		app.Get(d.Path, func(c *fiber.Ctx) error { return s.handleRegisterList(c, d, nil) })
		app.Get(d.Path+"/:id", func(c *fiber.Ctx) error { return s.handleRegisterEntry(c, d) })
	}
	app.Get("/spolki/:slug/:tab", s.handleCompanyRegister)
	app.Get("/api/v1/ads/summary", apiHeaders, s.apiAdSummary)
	for _, d := range registerDefs {
		d := d
		app.Get("/api/v1/"+d.API, apiHeaders, func(c *fiber.Ctx) error { return s.apiRegisterList(c, d) })
		app.Get("/api/v1/"+d.API+"/:id", apiHeaders, func(c *fiber.Ctx) error { return s.apiRegisterEntry(c, d) })
		app.Get("/api/v1/export/"+d.API+".csv", apiHeaders, func(c *fiber.Ctx) error { return s.apiRegisterExportCSV(c, d) })
		app.Get("/api/v1/export/"+d.API+".json", apiHeaders, func(c *fiber.Ctx) error { return s.apiRegisterExportJSON(c, d) })
	}
	s.routesRegisterWrites(app)
}

// registerListView is the data of a register list page (also a company's tab).
type registerListView struct {
	Def     *registerDef
	Company *registry.Company // the company tab, or nil
	List    registerList
	Pager   pager
	Extra   any // register-specific blocks (ads: sums and concentration; recruitments: boards)
}

// handleRegisterList serves GET /wydatki, /reklamy, /rekrutacje (filters in the query,
// ?page=): the register's public entries with filters and pagination; bad filter values are
// shown beside their fields with status 400. With co it is the company's tab.
func (s *server) handleRegisterList(c *fiber.Ctx, d *registerDef, co *registry.Company) error {
	ctx := c.UserContext()
	page, err := pageParam(c)
	if err != nil {
		return err
	}
	list, err := d.list(ctx, s, c, co, (page-1)*listPerPage, listPerPage)
	if err != nil {
		return err
	}
	path := d.Path
	if co != nil {
		path = "/spolki/" + co.Slug + "/" + d.Tab
	}
	v := registerListView{Def: d, Company: co, List: list, Pager: newPager(path, queryValues(c), page, listPerPage, list.Total)}
	status := fiber.StatusOK
	if list.Errors {
		status = fiber.StatusBadRequest
	} else if v.Extra, err = s.registerExtra(ctx, c, d, co); err != nil {
		return err
	}
	title := d.Title
	if co != nil {
		title = d.Title + " — " + co.ShortName
	}
	p := s.page(c, title)
	p.Nav = d.Tab
	p.Feed = "/feeds/" + d.Tab
	p.Errors = list.summary()
	if co != nil {
		p.Nav = "spolki"
		p.Feed = "/feeds/spolki/" + co.Slug + "/" + d.Tab
	}
	p.Data = v
	return s.render(c, status, "register_list", p)
}

// registerExtra loads the blocks a register shows above its list: ads their sums and
// concentration; a company's recruitment tab its current boards.
func (s *server) registerExtra(ctx context.Context, c *fiber.Ctx, d *registerDef, co *registry.Company) (any, error) {
	switch {
	case d.Kind == registry.KindAd && co != nil:
		f := registry.AdFilter{EntryFilter: registry.EntryFilter{CompanyID: &co.ID}}
		return s.adBlocks(ctx, f, co)
	case d.Kind == registry.KindRecruitment && co != nil:
		return s.currentBoards(ctx, co)
	}
	return nil, nil
}

// handleCompanyRegister serves GET /spolki/{slug}/{wydatki|reklamy|rekrutacje}: the
// company's tab of that register. Unknown company or tab: 404.
func (s *server) handleCompanyRegister(c *fiber.Ctx) error {
	d := registerByTab(c.Params("tab"))
	if d == nil {
		return notFound("Nie ma takiej strony.")
	}
	co, err := s.cfg.Store.FindCompanyBySlug(c.UserContext(), c.Params("slug"))
	if err != nil {
		return err
	}
	return s.handleRegisterList(c, d, co)
}

// handleRegisterEntry serves GET /wydatki/{id}, /reklamy/{id}, /rekrutacje/{id}: every
// field of the entry, its flags, the withdrawn state and the version history with the
// changes between versions and their ledger hashes. Unknown id or a draft: 404.
func (s *server) handleRegisterEntry(c *fiber.Ctx, d *registerDef) error {
	id, err := parseID(c, d.One)
	if err != nil {
		return err
	}
	v, err := d.entry(c.UserContext(), s, s.actor(c), id)
	if err != nil {
		return err
	}
	v.Def = d
	v.APIURL = "/api/v1/" + d.API + "/" + strconv.FormatInt(id, 10)
	p := s.page(c, v.Lead)
	p.Nav = d.Tab
	p.Data = v
	return s.render(c, fiber.StatusOK, "register_entry", p)
}

// loadEntry loads an entry of a typed register and its history into an entryView.
func loadEntry[D any, P interface {
	*D
	registry.EntryData
}](ctx context.Context, reg *registry.Register[D, P], a registry.Actor, id int64) (*registry.Entry[D], *entryView, error) {
	e, err := reg.FindByID(ctx, a, id)
	if err != nil {
		return nil, nil, err
	}
	hist, err := reg.History(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	v := &entryView{Meta: e.EntryMeta, Fields: P(&e.Data).Fields(), Versions: make([]versionView, len(hist))}
	for i, h := range hist {
		v.Versions[i] = versionView{Version: h.Version, Changes: h.Changes}
	}
	if v.JSON, err = withVersions(e, nonNil(hist)); err != nil {
		return nil, nil, registry.Internal(err)
	}
	return e, v, nil
}

// companyFilter reads ?company= into a filter field (fixed when co is given).
func companyFilter(s *server, ctx context.Context, c *fiber.Ctx, co *registry.Company, f *registry.EntryFilter) (*filterField, error) {
	if co != nil {
		f.CompanyID = &co.ID
		return nil, nil
	}
	cs, err := s.cfg.Store.FindCompanies(ctx)
	if err != nil {
		return nil, err
	}
	ff := &filterField{Name: "company", Label: "Spółka", All: "wszystkie spółki", Value: c.Query("company")}
	for _, x := range cs {
		ff.Options = append(ff.Options, registry.Label{Code: x.Slug, Label: x.ShortName})
	}
	if ff.Value != "" {
		f.CompanySlug = &ff.Value
	}
	return ff, nil
}

// selectFilter reads a select filter; an unknown code is an error on the field.
func selectFilter(c *fiber.Ctx, name, label, all string, options []registry.Label, dst **string) filterField {
	ff := filterField{Name: name, Label: label, All: all, Options: options, Value: c.Query(name)}
	if ff.Value == "" {
		return ff
	}
	if registry.LabelOf(options, ff.Value) == ff.Value {
		ff.Error = "Wybierz jedną z dostępnych wartości."
	} else {
		v := ff.Value
		*dst = &v
	}
	return ff
}

// yearFilter reads ?year=.
func yearFilter(c *fiber.Ctx, label string, dst **int) filterField {
	ff := filterField{Name: "year", Label: label, Value: c.Query("year"), Max: 4}
	if ff.Value != "" {
		if y, err := parseYear(ff.Value); err != nil {
			ff.Error = registry.ErrorMessage(err)
		} else {
			*dst = &y
		}
	}
	return ff
}

// textFilter reads a free-text filter of at most 200 characters.
func textFilter(c *fiber.Ctx, name, label string, dst **string) filterField {
	ff := filterField{Name: name, Label: label, Value: c.Query(name), Max: 200}
	if len([]rune(ff.Value)) > 200 {
		ff.Error = "Najwyżej 200 znaków."
	} else if ff.Value != "" {
		v := ff.Value
		*dst = &v
	}
	return ff
}

// finishList collects the fields (nil ones left out) and tells whether any has an error.
func finishList(fields ...*filterField) registerList {
	var l registerList
	for _, f := range fields {
		if f == nil {
			continue
		}
		l.Fields = append(l.Fields, *f)
		if f.Error != "" {
			l.Errors = true
		}
	}
	return l
}

// firstFilterError returns the first field error of a list as EINVALID (for the API).
func firstFilterError(l registerList) error {
	for _, f := range l.Fields {
		if f.Error != "" {
			return &registry.Error{Code: registry.EINVALID, Message: f.Label + ": " + f.Error, Fields: map[string]string{f.Name: f.Error}}
		}
	}
	return nil
}

func ref[T any](v T) *T { return &v }

// filterForm is the data of the "register-filters" partial.
type filterForm struct {
	Action, Submit string
	Fields         []filterField
	Errors         bool
}

// Form returns the list's filter form.
func (v registerListView) Form() filterForm {
	action := v.Def.Path
	if v.Company != nil {
		action = "/spolki/" + v.Company.Slug + "/" + v.Def.Tab
	}
	return filterForm{Action: action, Submit: "Pokaż wpisy", Fields: v.List.Fields, Errors: v.List.Errors}
}

// Tabs returns the company's register tabs (nil outside a company).
func (v registerListView) Tabs() *companyTabs {
	if v.Company == nil {
		return nil
	}
	return newCompanyTabs(v.Company.Slug, v.Def.Tab)
}

// companyTabs is the data of the "register-tabs" partial.
type companyTabs struct{ Tabs []companyTab }

// companyTab is one register of a company.
type companyTab struct {
	Label, URL string
	Current    bool
}

// newCompanyTabs lists a company's registers with the current one marked ("" = contracts).
func newCompanyTabs(slug, current string) *companyTabs {
	t := &companyTabs{Tabs: []companyTab{{Label: "Umowy", URL: "/spolki/" + slug, Current: current == ""}}}
	for _, d := range registerDefs {
		t.Tabs = append(t.Tabs, companyTab{Label: d.TabLabel(), URL: "/spolki/" + slug + "/" + d.Tab, Current: current == d.Tab})
	}
	return t
}

// TabLabel is the register's short name on a company's tabs.
func (d *registerDef) TabLabel() string {
	switch d.Kind {
	case registry.KindAd:
		return "Reklamy"
	case registry.KindRecruitment:
		return "Rekrutacje"
	}
	return d.Title
}

// registerLists builds a register's list (HTML) and api (JSON) functions from its filter
// reader, its finder and its row: one way of listing for every register.
func registerLists[F any, E any](
	filterOf func(ctx context.Context, s *server, c *fiber.Ctx, co *registry.Company) (F, registerList, error),
	setPage func(f *F, offset, limit int),
	find func(st *registry.Store, ctx context.Context, f F) ([]*E, int, error),
	row func(*E) listRow,
) (func(context.Context, *server, *fiber.Ctx, *registry.Company, int, int) (registerList, error), func(context.Context, *server, *fiber.Ctx, int, int) (any, int, error)) {
	list := func(ctx context.Context, s *server, c *fiber.Ctx, co *registry.Company, offset, limit int) (registerList, error) {
		f, l, err := filterOf(ctx, s, c, co)
		if err != nil || l.Errors {
			return l, err
		}
		setPage(&f, offset, limit)
		es, total, err := find(s.cfg.Store, ctx, f)
		if err != nil {
			return l, err
		}
		l.Total = total
		for _, e := range es {
			l.Rows = append(l.Rows, row(e))
		}
		return l, nil
	}
	api := func(ctx context.Context, s *server, c *fiber.Ctx, offset, limit int) (any, int, error) {
		f, l, err := filterOf(ctx, s, c, nil)
		if err == nil {
			err = firstFilterError(l)
		}
		if err != nil {
			return nil, 0, err
		}
		setPage(&f, offset, limit)
		es, total, err := find(s.cfg.Store, ctx, f)
		return nonNil(es), total, err
	}
	return list, api
}
