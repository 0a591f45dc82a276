package web

import (
	"errors"
	"io"
	"strings"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// importView is the data of the panel's import form.
type importView struct {
	Companies         []*registry.Company
	Company, Map, Set string
	Columns           []string
	Errors            []registry.RowError // the file's problems, by line and column
	Omitted           int
	Message           string // a problem of the whole file or form
	Field             string // the field Message is about: company, file, map or set
	Done              int    // entries imported
}

// importFormFields are the fields of the import form, with the ids panel_register_import.html gives them.
var importFormFields = []summaryField{{"company", "f-company", "Spółka"}, {"file", "f-file", "Plik CSV albo XLSX"},
	{"map", "f-map", "Mapowanie kolumn"}, {"set", "f-set", "Wartości wspólne dla wszystkich wierszy"}}

// summary is the error summary of the import form (nil when nothing failed).
func (v *importView) summary() []formError {
	if v == nil || v.Message == "" {
		return nil
	}
	return errorSummary(map[string]string{v.Field: v.Message}, "", importFormFields)
}

// maxImportUpload is the largest spreadsheet the panel accepts.
const maxImportUpload = 8 << 20

// handlePanelImportForm serves GET /panel/{register}/import: the form to import a CSV or
// XLSX file with a column mapping (their=ours) and fixed values (ours=value).
func (s *server) handlePanelImportForm(c *fiber.Ctx, d *registerDef) error {
	cos, err := s.cfg.Store.FindFilerCompanies(c.UserContext(), s.actor(c))
	if err != nil {
		return err
	}
	v := &importView{Companies: cos, Columns: s.cfg.Store.Importer(d.API).ColumnNames()}
	if len(cos) == 1 {
		v.Company = cos[0].Slug
	}
	return s.renderPanelRegister(c, fiber.StatusOK, &panelRegisterView{Def: d, Mode: "import", Action: "/panel/" + d.Tab + "/import", Import: v})
}

// handlePanelImport serves POST /panel/{register}/import (multipart: company, file, map,
// set): all or nothing. A bad file: 422 with every problem as line, column and message;
// another company: 403 from the domain; a file over 8 MB: 413.
func (s *server) handlePanelImport(c *fiber.Ctx, d *registerDef) error {
	ctx, a := c.UserContext(), s.actor(c)
	cos, err := s.cfg.Store.FindFilerCompanies(ctx, a)
	if err != nil {
		return err
	}
	imp := s.cfg.Store.Importer(d.API)
	v := &importView{Companies: cos, Columns: imp.ColumnNames(), Company: strings.TrimSpace(c.FormValue("company")),
		Map: c.FormValue("map"), Set: c.FormValue("set")}
	pv := &panelRegisterView{Def: d, Mode: "import", Action: "/panel/" + d.Tab + "/import", Import: v}
	fail := func(field, msg string) error {
		v.Field, v.Message = field, msg
		return s.renderPanelRegister(c, fiber.StatusUnprocessableEntity, pv)
	}
	co, err := s.cfg.Store.FindCompanyBySlug(ctx, v.Company)
	if err != nil {
		return fail("company", "Wybierz spółkę, do której rejestru importujesz.")
	}
	if err := a.RequireCompanyWrite(co.ID); err != nil {
		return err
	}
	var m registry.Mapping
	if strings.TrimSpace(v.Map) != "" {
		if m.Columns, err = registry.ParseMapping(v.Map); err != nil {
			return fail("map", registry.ErrorMessage(err))
		}
		m.IgnoreOthers = true
	}
	if strings.TrimSpace(v.Set) != "" {
		if m.Set, err = registry.ParseMapping(v.Set); err != nil {
			return fail("set", registry.ErrorMessage(err))
		}
	}
	fh, err := c.FormFile("file")
	if err != nil {
		return fail("file", "Wybierz plik CSV albo XLSX.")
	}
	if fh.Size > maxImportUpload {
		return registry.Errorf(registry.ETOOLARGE, "Plik jest za duży (najwyżej 8 MB).")
	}
	f, err := fh.Open()
	if err != nil {
		return fail("file", "Nie udało się odczytać pliku.")
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxImportUpload+1))
	if err != nil {
		return fail("file", "Nie udało się odczytać pliku.")
	}
	t, _, err := registry.ReadTableFile(data, maxImportUpload)
	if err != nil {
		if registry.ErrorCode(err) == registry.ETOOLARGE {
			return err
		}
		return fail("file", registry.ErrorMessage(err))
	}
	n, err := imp.ImportTable(ctx, a, co.ID, t, m)
	var ie *registry.ImportError
	switch {
	case errors.As(err, &ie):
		v.Errors, v.Omitted = ie.Rows[:min(len(ie.Rows), 500)], ie.Omitted+max(len(ie.Rows)-500, 0)
		return fail("file", "Import odrzucony: nic nie zostało zapisane. Popraw plik albo mapowanie kolumn i wyślij go ponownie.")
	case registry.ErrorCode(err) == registry.EINVALID:
		return fail("file", registry.ErrorMessage(err))
	case err != nil:
		return err
	}
	s.notifyIndex()
	v.Done = n
	return s.renderPanelRegister(c, fiber.StatusOK, pv)
}
