package web

import (
	_ "embed"
	"os"
	"path/filepath"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// verifyScript is the ledger check anyone can run (python3, standard library only); it is
// shown on /otwarte-dane and served at /otwarte-dane/sprawdz-lancuch.py.
//
//go:embed opendata_verify.py
var verifyScript string

// openDataView is the data of /otwarte-dane.
type openDataView struct {
	Licence    string
	LicenceURL string
	Dump       *DumpManifest
	Head       *registry.LedgerLink
	OCDSPrefix string
	Script     string
	Tables     []csvTable
	Feeds      []feedRegister
}

// handleOpenData serves GET /otwarte-dane: the licence, the nightly downloads with date,
// size and SHA-256, every CSV column explained, OCDS, feeds, the API, and how to verify the
// ledger with a short script.
func (s *server) handleOpenData(c *fiber.Ctx) error {
	ctx := c.UserContext()
	v := openDataView{Licence: s.cfg.OpenData.licence(), LicenceURL: s.cfg.OpenData.licenceURL(), Script: verifyScript,
		Tables: csvTables, Feeds: feedRegisters,
		OCDSPrefix: registry.OCDSConfig{Prefix: s.cfg.OpenData.OCDSPrefix}.OCIDPrefix()}
	var err error
	if v.Head, err = s.cfg.Store.LedgerHead(ctx); err != nil {
		return err
	}
	m, err := ReadDumpManifest(s.cfg.OpenData.DumpsDir)
	if err != nil {
		s.logf("web: dumps manifest: %v", err)
	}
	v.Dump = m
	p := s.page(c, "Otwarte dane")
	p.Nav = "otwarte-dane"
	p.Data = v
	return s.render(c, fiber.StatusOK, "opendata", p)
}

// handleVerifyScript serves GET /otwarte-dane/sprawdz-lancuch.py: the ledger check.
func (s *server) handleVerifyScript(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, "text/x-python; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="sprawdz-lancuch.py"`)
	return c.SendString(verifyScript)
}

// handleDumpFile serves GET /otwarte-dane/pobierz/{name}: a file of the latest dump, with
// its SHA-256 as ETag (304 on a repeated conditional request). Names not in the latest
// manifest: 404.
func (s *server) handleDumpFile(c *fiber.Ctx) error {
	m, err := ReadDumpManifest(s.cfg.OpenData.DumpsDir)
	if err != nil {
		return registry.Internal(err)
	}
	name := c.Params("name")
	if m != nil {
		for _, f := range m.Files {
			if f.Name != name {
				continue
			}
			if notModified(c, validator{ETag: `"` + f.SHA256 + `"`, LastModified: m.GeneratedAt}) {
				return c.SendStatus(fiber.StatusNotModified)
			}
			file, err := os.Open(filepath.Join(s.cfg.OpenData.DumpsDir, m.Date, f.Name))
			if err != nil {
				return registry.Internal(err)
			}
			c.Set(fiber.HeaderContentType, "application/gzip")
			c.Set(fiber.HeaderContentDisposition, `attachment; filename="jawnosc-`+m.Date+"-"+f.Name+`"`)
			c.Set(fiber.HeaderCacheControl, "public, max-age=3600")
			return c.SendStream(file, int(f.Size)) // fasthttp closes the file
		}
	}
	return registry.Errorf(registry.ENOTFOUND, "Nie ma takiego pliku do pobrania.")
}
