package web

import (
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/limiter"

	"jawnosc/registry"
)

// rateLimit allows max requests per window from one client address (sliding window), then
// answers 429 with a Polish message and Retry-After. Used on sign-in and on every public
// submission (information requests, appeals). Behind a reverse proxy, set Fiber's proxy
// header so that c.IP() is the client's address.
func rateLimit(max int, window time.Duration) fiber.Handler {
	return limiter.New(limiter.Config{
		Max:               max,
		Expiration:        window,
		LimiterMiddleware: limiter.SlidingWindow{},
		KeyGenerator:      func(c *fiber.Ctx) string { return c.IP() },
		LimitReached: func(c *fiber.Ctx) error {
			return registry.Errorf(registry.ERATELIMIT, "Zbyt wiele prób w krótkim czasie. Odczekaj chwilę i spróbuj ponownie.")
		},
	})
}
