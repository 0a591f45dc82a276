package web

import (
	"time"

	"github.com/gofiber/fiber/v2"
)

// routesAudits registers the audit reports, the signals, the supervisor's dashboard and
// their PDF documents.
func (s *server) routesAudits(app *fiber.App) {
	app.Get("/audyty", s.handleAudits)
	app.Get("/audyty/:id", s.handleAudit)
	app.Get("/audyty/:id/pliki/:name", s.handleAuditFile)
	app.Get("/audyty/:id/podsumowanie.pdf", s.handleAuditSummaryPDF)
	app.Get("/sygnaly", s.handleSignals)
	app.Get("/spolki/:slug/wyciag.pdf", s.handleCompanyExtractPDF)

	panel := app.Group("/panel", s.requireSignedIn, noStore)
	panel.Get("/nadzor", s.handleSupervision)
	panel.Get("/audyty/nowy", s.handleAuditForm)
	panel.Post("/audyty", rateLimit(60, time.Minute), s.handleAuditCreate)
	panel.Post("/audyty/:id/odpowiedz", s.handleAuditResponse)
	panel.Post("/audyty/:id/rada", s.handleAuditCouncil)
	panel.Post("/audyty/:id/pdf", s.handleAuditAttach)
	panel.Post("/zalecenia/:id/status", s.handleRecommendationStatus)
	panel.Post("/zalecenia/:id/dowody", s.handleRecommendationEvidence)

	api := app.Group("/api/v1", apiHeaders)
	api.Get("/audits", s.apiAudits)
	api.Get("/audits/:id", s.apiAudit)
	api.Post("/audits", s.apiCreateAudit)
	api.Post("/audits/:id/responses", s.apiAuditResponse)
	api.Post("/audits/:id/council", s.apiAuditCouncil)
	api.Post("/recommendations/:id/status", s.apiRecommendationStatus)
	api.Post("/recommendations/:id/evidence", s.apiRecommendationEvidence)
	api.Get("/signals", s.apiSignals)
	api.Get("/signals/thresholds", s.apiThresholds)
}
