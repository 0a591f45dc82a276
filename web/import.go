package web

import (
	"errors"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// importMaxBytes is the largest file the panel import accepts.
const importMaxBytes = 8 << 20

// contractRegister names the contracts in the pending uploads (the other registers by their tab).
const contractRegister = "umowy"

// importPreviewRows is how many rows the preview lists (every problem is listed anyway).
const importPreviewRows = 500

// routesImport registers the bulk import of the panel: upload → preview → confirm.
func (s *server) routesImport(app *fiber.App) {
	s.imports = newPendingImports()
	app.Get("/panel/import", s.requireSignedIn, noStore, s.handleImportForm)
	app.Post("/panel/import", s.requireSignedIn, bodyLimit(importMaxBytes+64<<10), noStore, s.handleImportUpload)
	app.Post("/panel/import/potwierdz", s.requireSignedIn, bodyLimit(4<<10), noStore, s.handleImportConfirm)
}

// contractImportView is the data of the import page.
type contractImportView struct {
	Companies []*registry.Company // those the actor files for
	Company   string              // the chosen slug
	Errors    map[string]string   // form problems: company, plik
	Preview   *importPreview
	Done      int // contracts imported by the last confirmation
	DoneIn    *registry.Company
	MaxMB     int
	Columns   []string
	Required  []string
}

// importPreview is what an upload was found to hold.
type importPreview struct {
	FileName string
	Format   string
	Encoding string
	Company  *registry.Company
	Rows     []previewRow // at most importPreviewRows
	Total    int          // data rows
	Problems []registry.RowError
	Omitted  int    // problems beyond Problems
	Message  string // a problem of the whole file
	ID       string // the pending upload to confirm; "" when it cannot be imported
}

// previewRow is one row of the preview.
type previewRow struct {
	Line   int
	D      registry.ContractData
	Errors []registry.RowError
}

// newImportView starts the page's data; EFORBIDDEN for accounts that file for no company.
func (s *server) newImportView(c *fiber.Ctx) (*contractImportView, error) {
	cos, err := s.cfg.Store.FindFilerCompanies(c.UserContext(), s.actor(c))
	if err != nil {
		return nil, err
	}
	if len(cos) == 0 {
		return nil, registry.Errorf(registry.EFORBIDDEN, "Import umów jest dostępny dla pracowników spółek.")
	}
	v := &contractImportView{Companies: cos, Errors: map[string]string{}, MaxMB: importMaxBytes >> 20,
		Columns: registry.ContractCSVColumns, Required: registry.ContractCSVRequiredColumns}
	if len(cos) == 1 {
		v.Company = cos[0].Slug
	}
	return v, nil
}

func (s *server) renderImport(c *fiber.Ctx, status int, v *contractImportView) error {
	// A file that cannot be imported is an error of the file field, like an unreadable one;
	// the preview below the form lists its problems row by row.
	if pv := v.Preview; pv != nil && v.Errors["plik"] == "" {
		if pv.Message != "" {
			v.Errors["plik"] = pv.Message + " Nic nie zostało zapisane."
		} else if n := len(pv.Problems) + pv.Omitted; n > 0 {
			count, _ := pluralN(n, "błąd", "błędy", "błędów")
			v.Errors["plik"] = "Plik zawiera " + count + " (lista w podglądzie poniżej); nic nie zostało zapisane. Popraw plik i wyślij go ponownie."
		}
	}
	p := s.page(c, "Import umów z pliku")
	p.Nav = "panel"
	p.Errors = errorSummary(v.Errors, "", []summaryField{{"company", "i-company", "Spółka"}, {"plik", "i-plik", "Plik CSV lub XLSX"}})
	p.Data = v
	return s.render(c, status, "import", p)
}

// handleImportForm serves GET /panel/import: the upload form (and, after a confirmation,
// how many contracts were imported). Errors: 403 for accounts that file for no company.
func (s *server) handleImportForm(c *fiber.Ctx) error {
	v, err := s.newImportView(c)
	if err != nil {
		return err
	}
	if n, err := strconv.Atoi(c.Query("zaimportowano")); err == nil && n > 0 {
		for _, co := range v.Companies {
			if co.Slug == c.Query("spolka") {
				v.Done, v.DoneIn, v.Company = n, co, co.Slug
			}
		}
	}
	return s.renderImport(c, fiber.StatusOK, v)
}

// handleImportUpload serves POST /panel/import (multipart: company, plik): reads the CSV or
// XLSX file, shows every row with the values read and every problem with its line, and,
// when nothing is wrong, keeps the file on the server for confirmation. Nothing is saved
// to the register here. Errors: 403 for a company the actor does not file for; problems of
// the form or the file are shown on the page (422, 413 for a file too large).
func (s *server) handleImportUpload(c *fiber.Ctx) error {
	v, err := s.newImportView(c)
	if err != nil {
		return err
	}
	ctx, a := c.UserContext(), s.actor(c)
	v.Company = c.FormValue("company")
	co, err := s.cfg.Store.FindCompanyBySlug(ctx, v.Company)
	if err != nil {
		if registry.ErrorCode(err) != registry.ENOTFOUND {
			return err
		}
		v.Errors["company"] = "Wybierz spółkę."
	} else if err := a.RequireCompanyWrite(co.ID); err != nil {
		return err
	}
	fh, err := c.FormFile("plik")
	if err != nil || fh.Size == 0 {
		v.Errors["plik"] = "Wybierz plik CSV lub XLSX z umowami."
	} else if fh.Size > importMaxBytes {
		v.Errors["plik"] = "Plik jest za duży (najwyżej " + strconv.Itoa(importMaxBytes>>20) + " MB)."
		return s.renderImport(c, fiber.StatusRequestEntityTooLarge, v)
	}
	if len(v.Errors) > 0 {
		return s.renderImport(c, fiber.StatusUnprocessableEntity, v)
	}
	data, name, err := readImportUpload(fh)
	if err != nil {
		return registry.Internal(err)
	}
	pv, err := s.previewImport(data, name, co)
	if err != nil {
		code := registry.ErrorCode(err)
		if code != registry.EINVALID && code != registry.ETOOLARGE {
			return err
		}
		v.Errors["plik"] = registry.ErrorMessage(err)
		status := fiber.StatusUnprocessableEntity
		if code == registry.ETOOLARGE {
			status = fiber.StatusRequestEntityTooLarge
		}
		return s.renderImport(c, status, v)
	}
	v.Preview = pv
	status := fiber.StatusOK
	if len(pv.Problems) > 0 || pv.Message != "" {
		status = fiber.StatusUnprocessableEntity
	} else {
		pv.ID = s.imports.put(&pendingImport{userID: a.UserID, session: sessionKey(csrfToken(c)), companyID: co.ID,
			register: contractRegister, name: name, data: data, expires: time.Now().Add(pendingImportTTL)}, time.Now())
	}
	return s.renderImport(c, status, v)
}

// previewImport reads a file as the import does and lays it out for the preview. Errors:
// EINVALID or ETOOLARGE when the file cannot be read as a table at all.
func (s *server) previewImport(data []byte, name string, co *registry.Company) (*importPreview, error) {
	t, format, err := registry.ReadTableFile(data, importMaxBytes)
	if err != nil {
		return nil, err
	}
	pv := &importPreview{FileName: name, Format: format, Company: co, Total: len(t.Rows)}
	if format == registry.FormatCSV {
		pv.Encoding = t.Encoding
	}
	rows, ie, err := registry.PreviewContractsTable(t)
	if err != nil {
		if registry.ErrorCode(err) != registry.EINVALID {
			return nil, err
		}
		pv.Message = registry.ErrorMessage(err)
		return pv, nil
	}
	byLine := map[int][]registry.RowError{}
	if ie != nil {
		pv.Problems, pv.Omitted = ie.Rows, ie.Omitted
		for _, r := range ie.Rows {
			byLine[r.Line] = append(byLine[r.Line], r)
		}
	}
	for i, r := range rows {
		if i == importPreviewRows {
			break
		}
		pv.Rows = append(pv.Rows, previewRow{Line: r.Line, D: r.Data, Errors: byLine[r.Line]})
	}
	return pv, nil
}

// handleImportConfirm serves POST /panel/import/potwierdz (id): imports the upload kept at
// the preview, parsed again from the very bytes previewed, all or nothing, and redirects to
// the form with the count. Errors: 403 for accounts that file for no company (and, from
// the domain, when the actor may no longer file for the upload's company); 409 when the
// upload is unknown, expired, already imported or another session's.
func (s *server) handleImportConfirm(c *fiber.Ctx) error {
	ctx, a := c.UserContext(), s.actor(c)
	v, err := s.newImportView(c)
	if err != nil {
		return err
	}
	p := s.imports.take(c.FormValue("id"), contractRegister, a.UserID, sessionKey(csrfToken(c)), time.Now())
	if p == nil {
		return registry.Errorf(registry.ECONFLICT, "Ten podgląd importu wygasł albo został już zaimportowany. Wyślij plik ponownie.")
	}
	co, err := s.cfg.Store.FindCompanyByID(ctx, p.companyID)
	if err != nil {
		return err
	}
	t, _, err := registry.ReadTableFile(p.data, importMaxBytes)
	if err != nil {
		return err
	}
	items, err := registry.ParseContractsTable(t)
	if err == nil {
		_, err = s.cfg.Store.ImportContracts(ctx, a, co.ID, items)
	}
	if err != nil {
		var ie *registry.ImportError
		if !errors.As(err, &ie) && registry.ErrorCode(err) != registry.EINVALID {
			return err
		}
		v.Company = co.Slug
		var verr error
		if v.Preview, verr = s.previewImport(p.data, p.name, co); verr != nil {
			return verr
		}
		if len(v.Preview.Problems) == 0 {
			v.Preview.Message = registry.ErrorMessage(err)
		}
		return s.renderImport(c, fiber.StatusUnprocessableEntity, v)
	}
	if s.cfg.Indexer != nil {
		s.cfg.Indexer.Notify()
	}
	return c.Redirect("/panel/import?zaimportowano="+strconv.Itoa(len(items))+"&spolka="+co.Slug, fiber.StatusSeeOther)
}
