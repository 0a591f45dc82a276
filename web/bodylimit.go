package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// uploadFormOverhead is what a multipart upload form carries besides its files (boundaries,
// part headers, the title and the anti-forgery token), with a generous margin.
const uploadFormOverhead = 1 << 20

// uploadFiles is how many files one upload form may carry: the original and its redacted copy.
const uploadFiles = 2

// serverBodyLimit is the body limit of the HTTP server itself: room for the upload route's two
// files of MaxUploadBytes each plus the form around them, and never less than BodyLimit.
// Every other route is held to BodyLimit by limitBody.
func (s *server) serverBodyLimit() int {
	return max(BodyLimit, int(uploadFiles*s.cfg.MaxUploadBytes+uploadFormOverhead))
}

// isUploadRoute reports whether the request posts attachments (POST /panel/umowy/{id}/zalaczniki),
// the only route allowed a body larger than BodyLimit.
func isUploadRoute(c *fiber.Ctx) bool {
	p := c.Path()
	return c.Method() == fiber.MethodPost && strings.HasPrefix(p, "/panel/umowy/") && strings.HasSuffix(p, "/zalaczniki")
}

// limitBody answers 413 with a Polish message to any request, except an upload, whose body is
// larger than BodyLimit (declared in Content-Length or received).
func (s *server) limitBody(c *fiber.Ctx) error {
	if isUploadRoute(c) {
		return c.Next()
	}
	if c.Request().Header.ContentLength() > BodyLimit || len(c.Request().Body()) > BodyLimit {
		return registry.Errorf(registry.ETOOLARGE, "Przesłane dane są zbyt duże: najwyżej %d MB.", BodyLimit>>20)
	}
	return c.Next()
}
