// Package web is the HTTP face of Jawność: the public Polish site (server-rendered,
// working without JavaScript) and the read-only JSON API under /api/v1. It is the only
// package that imports Fiber. Handlers return errors; one ErrorHandler maps them to a
// status and renders a Polish page or a JSON error.
package web

import (
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/recover"

	"jawnosc/appeals"
	"jawnosc/audits"
	"jawnosc/registry"
	"jawnosc/search"
)

// Config is what the web layer needs; main builds it.
type Config struct {
	Store    *registry.Store
	Audits   *audits.Store // audit reports and signals (required)
	Index    *search.Index
	Indexer  *search.Indexer  // may be nil; Notify() after writes
	Demo     bool             // show the "dane demonstracyjne" banner on every page
	City     string           // e.g. "Kraków"
	BaseURL  string           // for absolute links in exports, may be ""
	OpenData OpenDataConfig   // OCDS prefix, data licence, dumps directory
	Appeals  *appeals.Service // information requests (required)
	Logf     func(format string, args ...any)
	// AttachmentsDir is where uploaded PDFs are kept (the data directory's attachments/).
	AttachmentsDir string
	// MaxUploadBytes is the largest attachment accepted (0: registry.DefaultMaxUpload, 25 MiB).
	MaxUploadBytes int64
	// PublicWritesPerMinute bounds the public's state-changing requests per address
	// (0: PublicWriteRateLimit).
	PublicWritesPerMinute int
}

// server holds the dependencies of every handler.
type server struct {
	cfg    Config
	pages  *pages
	assets *assets
	logf   func(format string, args ...any)
	cache  aggCache
	// imports keeps panel import uploads between preview and confirmation.
	imports *pendingImports
}

// BodyLimit is the largest request body accepted (413 above it).
const BodyLimit = 10 << 20

// LoginRateLimit is how many sign-in attempts one address may make per minute.
const LoginRateLimit = 10

// New builds the Fiber app: it parses every template once (failing on a missing or broken
// one), hashes the static files and registers the routes and middleware.
func New(cfg Config) (*fiber.App, error) {
	if cfg.Store == nil || cfg.Index == nil {
		return nil, errors.New("web: Config.Store and Config.Index are required")
	}
	if cfg.Logf == nil {
		cfg.Logf = func(string, ...any) {}
	}
	if cfg.Appeals == nil || cfg.Audits == nil {
		return nil, errors.New("web: Config.Appeals and Config.Audits are required")
	}
	as, err := loadAssets()
	if err != nil {
		return nil, err
	}
	ps, err := parsePages(templateFuncs(as))
	if err != nil {
		return nil, err
	}
	if cfg.MaxUploadBytes <= 0 {
		cfg.MaxUploadBytes = registry.DefaultMaxUpload
	}
	s := &server{cfg: cfg, pages: ps, assets: as, logf: cfg.Logf}
	app := fiber.New(fiber.Config{
		Immutable:             true, // strings from Params/Query stay valid after the handler
		UnescapePath:          true, // Polish path parameters arrive decoded
		ErrorHandler:          s.handleError,
		BodyLimit:             s.serverBodyLimit(), // the upload route's; limitBody keeps the rest at BodyLimit
		ReadTimeout:           30 * time.Second,
		IdleTimeout:           2 * time.Minute,
		DisableStartupMessage: true,
	})
	app.Use(recover.New(recover.Config{
		EnableStackTrace:  true,
		StackTraceHandler: s.logPanic,
	}))
	app.Use(securityHeaders)
	app.Use(s.limitBody)
	s.compression(app)
	app.Use(s.authenticate)
	app.Use(s.publicWriteLimit())
	app.Use(s.csrf)
	app.Use(s.conditionalEntry)
	s.routes(app)
	return app, nil
}

// routes registers every route of the site and the API.
func (s *server) routes(app *fiber.App) {
	app.Get("/static/:name", s.handleAsset)

	app.Get("/", s.handleHome)
	app.Get("/szukaj", s.handleSearch)
	app.Get("/spolki", s.handleCompanies)
	app.Get("/spolki/:slug", s.handleCompany)
	app.Get("/umowy", s.handleContracts)
	app.Get("/umowy/:id", s.handleContract)
	app.Get("/kontrahenci/:nip", s.handleCounterparty)
	s.routesAudits(app) // before the registers' /spolki/:slug/:tab
	s.routesRegisters(app)

	app.Get("/logowanie", noStore, s.handleLoginForm)
	app.Post("/logowanie", rateLimit(LoginRateLimit, time.Minute), bodyLimit(formBodyLimit), noStore, s.handleLogin)
	app.Post("/wyloguj", bodyLimit(formBodyLimit), s.handleLogout)
	panel := app.Group("/panel", s.requireSignedIn, noStore)
	panel.Get("/", s.handlePanel)
	s.routesPanel(panel)
	s.routesPanelRegisters(panel)
	s.routesAttachments(app)

	api := app.Group("/api/v1", apiHeaders)
	api.Get("/search", s.apiSearch)
	api.Get("/companies", s.apiCompanies)
	api.Get("/companies/:slug", s.apiCompany)
	api.Get("/contracts", s.apiContracts)
	api.Get("/contracts/:id", s.apiContract)
	api.Get("/export/contracts.csv", s.apiExportCSV)
	api.Get("/export/contracts.json", s.apiExportJSON)

	s.routesAppeals(app)
	s.routesOpenData(app, api)
	s.routesWriteAPI(app)
	s.routesAuditLog(app)
	s.routesImport(app)
}
