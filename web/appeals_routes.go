package web

import (
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/limiter"

	"jawnosc/registry"
)

// Rate limits of the resident's side (per client address): new requests, and every other
// step a resident sends (clarifications, reconsideration, appeals).
const (
	RequestSubmitLimit  = 5
	RequestSubmitWindow = 10 * time.Minute
	ResidentStepLimit   = 20
	ResidentStepWindow  = 10 * time.Minute
)

// routesAppeals registers the information requests: the public register, the resident's
// side (no account; the private tracking link), the officers' and the mayor's office's
// panel, and the API.
func (s *server) routesAppeals(app *fiber.App) {
	submit, submitAPI := s.submissionLimit(RequestSubmitLimit, RequestSubmitWindow), s.submissionLimit(RequestSubmitLimit, RequestSubmitWindow)
	step, stepAPI := s.submissionLimit(ResidentStepLimit, ResidentStepWindow), s.submissionLimit(ResidentStepLimit, ResidentStepWindow)

	app.Get("/wnioski", s.handleRequests)
	app.Get("/wnioski/nowy", noStore, s.handleRequestForm)
	app.Post("/wnioski/nowy", submit, s.answerErrors, noStore, s.handleRequestSubmit)
	app.Get("/wnioski/:id", s.handleRequest)
	app.Get("/wnioski/:id/sledz", noStore, s.handleTracking)
	app.Get("/wnioski/:id/sledz/atom", noStore, s.handleTrackingFeed)
	app.Post("/wnioski/:id/sledz/:step", step, s.answerErrors, noStore, s.handleResidentStep)
	app.Get("/wnioski/:id/dokumenty/:sha", s.handleRequestDocument)
	app.Get("/wnioski/:id/decyzje/:event", noStore, s.handleDecisionPDF)

	panel := app.Group("/panel", s.requireSignedIn, noStore)
	panel.Get("/wnioski", s.handlePanelRequests)
	panel.Get("/wnioski/:id", s.handlePanelRequest)
	panel.Post("/wnioski/:id/:step", s.handlePanelStep)
	panel.Get("/odwolania", s.handlePanelAppeals)

	api := app.Group("/api/v1")
	api.Get("/requests", s.apiRequests)
	api.Post("/requests", submitAPI, s.answerErrors, s.apiSubmitRequest)
	api.Get("/requests/:id", s.apiRequest)
	api.Post("/requests/:id/responses", s.apiRespond)
	api.Post("/requests/:id/appeals", stepAPI, s.answerErrors, s.apiAppeal)
	api.Post("/appeals/:id/decision", s.apiDecideAppeal)
	api.Post("/documents", s.apiUploadDocument)
	api.Get("/companies/:slug/requests-stats", s.apiRequestStats)
}

// submissionLimit is rateLimit for public submissions: only accepted ones count, so a
// resident correcting a form is not locked out, while filing in bulk is refused with 429.
// The handlers after it answer errors at once, so the limiter sees the final status.
func (s *server) submissionLimit(max int, window time.Duration) fiber.Handler {
	return limiter.New(limiter.Config{
		Max:                max,
		Expiration:         window,
		LimiterMiddleware:  limiter.SlidingWindow{},
		SkipFailedRequests: true,
		KeyGenerator:       func(c *fiber.Ctx) string { return c.IP() },
		LimitReached: func(c *fiber.Ctx) error {
			return registry.Errorf(registry.ERATELIMIT, "Zbyt wiele wniosków w krótkim czasie. Odczekaj kilka minut i spróbuj ponownie.")
		},
	})
}

// answerErrors runs the rest of the chain and answers its error right away (through the
// one error handler), so the middleware before it sees the final status.
func (s *server) answerErrors(c *fiber.Ctx) error {
	if err := c.Next(); err != nil {
		return s.handleError(c, err)
	}
	return nil
}
