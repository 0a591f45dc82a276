package web

import (
	"errors"
	"io"
	"maps"
	"mime/multipart"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// The panel's import of expenses, ads and recruitments works as the contracts' does:
// upload (with a column mapping) → preview (nothing written) → confirm, all or nothing,
// from the very bytes previewed, kept in the same pending-upload store.

// importView is the data of the panel's import form and preview.
type importView struct {
	Companies         []*registry.Company
	Company, Map, Set string
	Columns           []string
	Errors            []registry.RowError // the file's problems, by line and column
	Omitted           int
	Message           string // a problem of the whole file or form
	Field             string // the field Message is about: company, file, map or set
	Done              int    // entries imported by the last confirmation
	Preview           *registerPreview
}

// registerPreview is what an upload was found to hold under its mapping.
type registerPreview struct {
	FileName string
	Format   string
	Encoding string
	Company  *registry.Company
	Plan     []planColumn // each column of the file
	Fixed    []planFixed  // values given for every row
	Rows     []previewEntry
	Total    int    // data rows
	ID       string // the pending upload to confirm; "" when it cannot be imported
}

// planColumn is one column of the file and the field of ours it fills ("" when ignored).
type planColumn struct{ Source, Column, Label string }

// planFixed is one of our columns with the value every row gets.
type planFixed struct{ Column, Label, Value string }

// previewEntry is one row of the file as the register will list it.
type previewEntry struct {
	Line int
	listRow
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

// rowsRejected is the file field's message when rows of the file are wrong.
const rowsRejected = "Import odrzucony: nic nie zostało zapisane. Popraw plik albo mapowanie kolumn i wyślij go ponownie."

// newRegisterImportView starts the page's data with the form's values.
func (s *server) newRegisterImportView(c *fiber.Ctx, d *registerDef) (*importView, *panelRegisterView, error) {
	cos, err := s.cfg.Store.FindFilerCompanies(c.UserContext(), s.actor(c))
	if err != nil {
		return nil, nil, err
	}
	v := &importView{Companies: cos, Columns: s.cfg.Store.Importer(d.API).ColumnNames()}
	if len(cos) == 1 {
		v.Company = cos[0].Slug
	}
	return v, &panelRegisterView{Def: d, Mode: "import", Action: "/panel/" + d.Tab + "/import", Import: v}, nil
}

// handlePanelImportForm serves GET /panel/{register}/import: the form to import a CSV or
// XLSX file with a column mapping (their=ours) and fixed values (ours=value), and, after a
// confirmation (?zaimportowano=N), how many entries were imported.
func (s *server) handlePanelImportForm(c *fiber.Ctx, d *registerDef) error {
	v, pv, err := s.newRegisterImportView(c, d)
	if err != nil {
		return err
	}
	if n, err := strconv.Atoi(c.Query("zaimportowano")); err == nil && n > 0 {
		v.Done = n
	}
	return s.renderPanelRegister(c, fiber.StatusOK, pv)
}

// parseImportMapping reads the mapping and fixed values of the form; field names the one
// that is wrong ("map" or "set"). Errors: EINVALID.
func parseImportMapping(columns, set string) (m registry.Mapping, field string, err error) {
	if strings.TrimSpace(columns) != "" {
		if m.Columns, err = registry.ParseMapping(columns); err != nil {
			return m, "map", err
		}
		m.IgnoreOthers = true
	}
	if strings.TrimSpace(set) != "" {
		if m.Set, err = registry.ParseMapping(set); err != nil {
			return m, "set", err
		}
	}
	return m, "", nil
}

// readImportUpload reads the uploaded file of a form and a name safe to show.
func readImportUpload(fh *multipart.FileHeader) ([]byte, string, error) {
	f, err := fh.Open()
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, importMaxBytes+1))
	name := fh.Filename
	if !utf8.ValidString(name) || utf8.RuneCountInString(name) > 100 {
		name = "plik"
	}
	return data, name, err
}

// handlePanelImport serves POST /panel/{register}/import (multipart: company, file, map,
// set): reads the file with the mapping as the import will and shows the preview — the
// mapping applied, the rows as they will be listed, every problem as line, column and
// message — and, when nothing is wrong, keeps the file on the server for confirmation.
// Nothing is written here. A bad file or form: 422; another company: 403 from the domain;
// a file over 8 MB: 413.
func (s *server) handlePanelImport(c *fiber.Ctx, d *registerDef, op *panelOps) error {
	ctx, a := c.UserContext(), s.actor(c)
	v, pv, err := s.newRegisterImportView(c, d)
	if err != nil {
		return err
	}
	v.Company, v.Map, v.Set = strings.TrimSpace(c.FormValue("company")), c.FormValue("map"), c.FormValue("set")
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
	m, field, err := parseImportMapping(v.Map, v.Set)
	if err != nil {
		return fail(field, registry.ErrorMessage(err))
	}
	fh, err := c.FormFile("file")
	if err != nil || fh.Size == 0 {
		return fail("file", "Wybierz plik CSV albo XLSX.")
	}
	if fh.Size > importMaxBytes {
		return registry.Errorf(registry.ETOOLARGE, "Plik jest za duży (najwyżej %d MB).", importMaxBytes>>20)
	}
	data, name, err := readImportUpload(fh)
	if err != nil {
		return fail("file", "Nie udało się odczytać pliku.")
	}
	if err := s.previewRegisterImport(v, d, op, co, data, name, m); err != nil {
		if registry.ErrorCode(err) == registry.ETOOLARGE {
			return err
		}
		return fail("file", registry.ErrorMessage(err))
	}
	if len(v.Errors) > 0 {
		return fail("file", rowsRejected)
	}
	v.Preview.ID = s.imports.put(&pendingImport{userID: a.UserID, session: sessionKey(csrfToken(c)), companyID: co.ID,
		register: d.Tab, columns: strings.Clone(v.Map), set: strings.Clone(v.Set), name: name, data: data,
		expires: time.Now().Add(pendingImportTTL)}, time.Now())
	return s.renderPanelRegister(c, fiber.StatusOK, pv)
}

// previewRegisterImport reads data with the mapping m as the import does and lays it out in
// v.Preview (and the rows' problems in v.Errors). Errors: EINVALID (a file that is no table,
// a header the mapping does not fit: v.Preview then shows the mapping) or ETOOLARGE.
func (s *server) previewRegisterImport(v *importView, d *registerDef, op *panelOps, co *registry.Company, data []byte, name string, m registry.Mapping) error {
	t, format, err := registry.ReadTableFile(data, importMaxBytes)
	if err != nil {
		return err
	}
	imp := s.cfg.Store.Importer(d.API)
	pr := &registerPreview{FileName: name, Format: format, Company: co, Total: len(t.Rows)}
	if format == registry.FormatCSV {
		pr.Encoding = t.Encoding
	}
	for _, u := range imp.ColumnPlan(t.Header, m) {
		pc := planColumn{Source: u.Source, Column: u.Column}
		if u.Column != "" {
			pc.Label = importFieldLabel(d, u.Field)
		}
		pr.Plan = append(pr.Plan, pc)
	}
	for _, col := range slices.Sorted(maps.Keys(m.Set)) {
		field := imp.ColumnField(col)
		pr.Fixed = append(pr.Fixed, planFixed{Column: col, Label: importFieldLabel(d, field), Value: importValueLabel(d, field, m.Set[col])})
	}
	// The mapping applied is shown even when the header does not fit it (err is then the reason).
	v.Preview = pr
	rows, err := op.previewRows(t, m, co)
	var ie *registry.ImportError
	switch {
	case errors.As(err, &ie):
		v.Errors, v.Omitted = ie.Rows[:min(len(ie.Rows), importPreviewRows)], ie.Omitted+max(len(ie.Rows)-importPreviewRows, 0)
	case err != nil:
		return err
	}
	pr.Rows = rows
	return nil
}

// importFieldLabel is the Polish label of the entry's field(s) (as the panel form names
// them; "a,b" for a column filling several).
func importFieldLabel(d *registerDef, field string) string {
	var labels []string
	for _, f := range strings.Split(field, ",") {
		for _, pf := range panelFieldsOf(d) {
			if pf.Name == f {
				labels = append(labels, pf.Label)
			}
		}
	}
	return strings.Join(labels, " i ")
}

// importValueLabel shows a fixed value of a code field with its Polish label.
func importValueLabel(d *registerDef, field, value string) string {
	for _, pf := range panelFieldsOf(d) {
		if pf.Name == field && pf.Options != nil {
			if l := registry.LabelOf(pf.Options, strings.ToLower(strings.TrimSpace(value))); l != strings.ToLower(strings.TrimSpace(value)) {
				return l + " (" + value + ")"
			}
		}
	}
	return value
}

// handlePanelImportConfirm serves POST /panel/{register}/import/potwierdz (id): imports the
// upload kept at the preview, parsed again with its mapping from the very bytes previewed,
// all or nothing through the domain, and redirects to the form with the count. Errors: 403
// from the domain when the actor may not file for the upload's company; 409 when the upload
// is unknown, expired, already imported, another session's or another register's.
func (s *server) handlePanelImportConfirm(c *fiber.Ctx, d *registerDef, op *panelOps) error {
	ctx, a := c.UserContext(), s.actor(c)
	if err := a.RequireFiler(); err != nil {
		return err
	}
	p := s.imports.take(c.FormValue("id"), d.Tab, a.UserID, sessionKey(csrfToken(c)), time.Now())
	if p == nil {
		return registry.Errorf(registry.ECONFLICT, "Ten podgląd importu wygasł albo został już zaimportowany. Wyślij plik ponownie.")
	}
	co, err := s.cfg.Store.FindCompanyByID(ctx, p.companyID)
	if err != nil {
		return err
	}
	m, _, err := parseImportMapping(p.columns, p.set)
	if err != nil {
		return err
	}
	t, _, err := registry.ReadTableFile(p.data, importMaxBytes)
	if err != nil {
		return err
	}
	n, err := s.cfg.Store.Importer(d.API).ImportTable(ctx, a, co.ID, t, m)
	if err != nil {
		var ie *registry.ImportError
		if !errors.As(err, &ie) && registry.ErrorCode(err) != registry.EINVALID {
			return err
		}
		// The register changed since the preview (e.g. a linked contract): show the file again.
		v, pv, verr := s.newRegisterImportView(c, d)
		if verr != nil {
			return verr
		}
		v.Company, v.Map, v.Set = co.Slug, p.columns, p.set
		if verr := s.previewRegisterImport(v, d, op, co, p.data, p.name, m); verr != nil {
			return verr
		}
		msg := rowsRejected
		if len(v.Errors) == 0 {
			msg = registry.ErrorMessage(err) + " Nic nie zostało zapisane."
		}
		v.Field, v.Message = "file", msg
		return s.renderPanelRegister(c, fiber.StatusUnprocessableEntity, pv)
	}
	s.notifyIndex()
	return c.Redirect("/panel/"+d.Tab+"/import?zaimportowano="+strconv.Itoa(n), fiber.StatusSeeOther)
}
