package web

import (
	"bufio"
	"context"
	"fmt"
	"time"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// ocdsConfig returns the OCDS mapping settings of a request.
func (s *server) ocdsConfig(c *fiber.Ctx) registry.OCDSConfig {
	return registry.OCDSConfig{Prefix: s.cfg.OpenData.OCDSPrefix, PublisherName: "Jawność — " + s.cfg.City,
		BaseURL: s.exportBase(c), License: s.cfg.OpenData.licenceURL()}
}

// companiesBySlug returns every company by its slug.
func (s *server) companiesBySlug(ctx context.Context) (map[string]*registry.Company, error) {
	return s.cfg.Store.CompaniesBySlug(ctx)
}

// apiContractOCDS serves GET /api/v1/contracts/{id}/ocds.json: an OCDS 1.1 record package
// with one record holding every release (one per published version) of the contract and
// its compiled release. Redacted fields are left out. Errors: 404.
func (s *server) apiContractOCDS(c *fiber.Ctx) error {
	v, err := s.loadContract(c)
	if err != nil {
		return err
	}
	a := s.actor(c)
	if done, err := s.conditional(c, fmt.Sprintf("ocds-%d-%s-%s", v.C.ID, a.Role, a.Login)); done || err != nil {
		return err
	}
	co, err := s.cfg.Store.FindCompanyBySlug(c.UserContext(), v.C.Company)
	if err != nil {
		return err
	}
	cfg := s.ocdsConfig(c)
	pkg := registry.OCDSRecordPackage{URI: cfg.BaseURL + c.Path(), Version: registry.OCDSVersion,
		PublishedDate: v.C.UpdatedAt.UTC().Format(time.RFC3339), Publisher: registry.OCDSPublisher{Name: cfg.PublisherName, URI: cfg.BaseURL},
		License: cfg.License, PublicationPolicy: cfg.BaseURL + "/otwarte-dane",
		Records: []*registry.OCDSRecord{registry.ContractRecord(cfg, co, v.C, v.Versions)}}
	c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
	return c.JSON(pkg)
}

// apiExportOCDS serves GET /api/v1/export/ocds.json: one OCDS 1.1 release package of the
// whole public contract register, a release per published version, streamed in chunks.
func (s *server) apiExportOCDS(c *fiber.Ctx) error {
	// Conditional requests: conditionalEntry (the path is an export).
	cos, err := s.companiesBySlug(c.UserContext())
	if err != nil {
		return err
	}
	mod, err := s.cfg.Store.PublicLastModified(c.UserContext())
	if err != nil {
		return err
	}
	cfg := s.ocdsConfig(c)
	head := registry.OCDSPackageHead(cfg, cfg.BaseURL+"/api/v1/export/ocds.json", mod.UTC().Format(time.RFC3339))
	c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="umowy-ocds.json"`)
	s.stream(c, "ocds.json", func(ctx context.Context, w *bufio.Writer) error {
		return s.cfg.Store.WriteOCDSReleasePackage(ctx, cfg, cos, head, w)
	})
	return nil
}
