package web

import "github.com/gofiber/fiber/v2"

// routesOpenData registers the open-data routes: OCDS exports, the ledger, feeds, the API
// description and the open-data page.
func (s *server) routesOpenData(app *fiber.App, api fiber.Router) {
	api.Get("/export/ocds.json", s.apiExportOCDS)
	api.Get("/contracts/:id/ocds.json", s.apiContractOCDS)
	api.Get("/ledger", s.apiLedger)
	api.Get("/ledger/head", s.apiLedgerHead)
	api.Get("/openapi.json", s.apiOpenAPI)
	app.Get("/api", s.handleAPIDoc)
	app.Get("/otwarte-dane", s.handleOpenData)
	app.Get("/otwarte-dane/sprawdz-lancuch.py", s.handleVerifyScript)
	app.Get("/otwarte-dane/pobierz/:name", s.handleDumpFile)
	s.routesFeeds(app)
}
