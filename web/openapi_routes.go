package web

import (
	"github.com/gofiber/fiber/v2"
)

// apiOpenAPI serves GET /api/v1/openapi.json: the OpenAPI 3.1 document of /api/v1.
func (s *server) apiOpenAPI(c *fiber.Ctx) error {
	return c.JSON(openAPIDocument(s.exportBase(c)))
}

// apiDocView is the data of the /api page.
type apiDocView struct {
	Areas  []apiArea
	Errors []apiErrorDoc
}

// apiErrorDoc is one error status explained.
type apiErrorDoc struct {
	Status int
	PL, EN string
}

// handleAPIDoc serves GET /api: the API described in Polish and English, rendered on the
// server from the same descriptions as the OpenAPI document.
func (s *server) handleAPIDoc(c *fiber.Ctx) error {
	v := apiDocView{Areas: apiAreas()}
	for _, code := range []int{304, 400, 401, 403, 404, 409, 413, 422, 429} {
		t := errorTexts[code]
		v.Errors = append(v.Errors, apiErrorDoc{Status: code, PL: t[0], EN: t[1]})
	}
	p := s.page(c, "API — opis interfejsu")
	p.Nav = "api"
	p.Data = v
	return s.render(c, fiber.StatusOK, "api", p)
}
