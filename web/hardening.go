package web

import (
	"time"

	"github.com/gofiber/fiber/v2"
)

// PublicWriteRateLimit is how many state-changing requests (POST, PUT, PATCH, DELETE) one
// address may send per minute without signing in: a backstop for every public submission
// (information requests, appeals, sign-in), whose routes add their own, stricter rateLimit.
const PublicWriteRateLimit = 60

// formBodyLimit is the largest body of a small form (sign-in, sign-out).
const formBodyLimit = 16 << 10

// publicWriteLimit applies Config.PublicWritesPerMinute (default PublicWriteRateLimit) to
// unsafe requests of the public; reads and signed-in accounts pass.
func (s *server) publicWriteLimit() fiber.Handler {
	n := s.cfg.PublicWritesPerMinute
	if n <= 0 {
		n = PublicWriteRateLimit
	}
	limit := rateLimit(n, time.Minute)
	return func(c *fiber.Ctx) error {
		switch c.Method() {
		case fiber.MethodGet, fiber.MethodHead, fiber.MethodOptions:
			return c.Next()
		}
		if s.actor(c).Authenticated() {
			return c.Next()
		}
		return limit(c)
	}
}
