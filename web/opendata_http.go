package web

import (
	"regexp"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/compress"
)

// conditionalPaths matches the responses that answer conditional requests here: the pages
// and API objects of single register entries and every register export. (The OCDS routes,
// the ledger and the feeds do it in their handlers.)
var conditionalPaths = regexp.MustCompile(`^/(umowy|wydatki|reklamy|rekrutacje|api/v1/(contracts|expenses|ads|recruitments))/[0-9]+$|^/api/v1/export/[a-z]+\.(csv|json)$`)

// compression compresses text responses (brotli or gzip, as the client accepts), but not
// the dump files, which are compressed already.
func (s *server) compression(app *fiber.App) {
	app.Use(compress.New(compress.Config{
		Level: compress.LevelDefault,
		Next: func(c *fiber.Ctx) bool {
			return strings.HasPrefix(c.Path(), "/otwarte-dane/pobierz/")
		},
	}))
}

// conditionalEntry gives entry pages and exports an ETag (the register's change sequence, the path
// and who is looking) and Last-Modified, and answers 304 when the client's copy is
// current. Validators are only sent on successful answers, so a 304 always stands for a 200.
// It runs after authentication, so the viewer is known.
func (s *server) conditionalEntry(c *fiber.Ctx) error {
	if c.Method() != fiber.MethodGet && c.Method() != fiber.MethodHead || !conditionalPaths.MatchString(c.Path()) {
		return c.Next()
	}
	a := s.actor(c)
	done, err := s.conditional(c, "entry"+c.Path()+"-"+a.Role+"-"+a.Login)
	if done || err != nil {
		return err
	}
	if err := c.Next(); err != nil {
		c.Response().Header.Del(fiber.HeaderETag)
		c.Response().Header.Del(fiber.HeaderLastModified)
		return err
	}
	if c.Response().StatusCode() != fiber.StatusOK {
		c.Response().Header.Del(fiber.HeaderETag)
		c.Response().Header.Del(fiber.HeaderLastModified)
	}
	return nil
}
