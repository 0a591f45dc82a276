package web

import "github.com/gofiber/fiber/v2"

// contentSecurityPolicy allows only our own scripts, styles, images and fonts: no inline
// script or style, no framing, forms only to ourselves.
const contentSecurityPolicy = "default-src 'self'; base-uri 'none'; form-action 'self'; " +
	"frame-ancestors 'none'; object-src 'none'"

// permissionsPolicy turns off browser features the site never uses.
const permissionsPolicy = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), " +
	"interest-cohort=(), browsing-topics=()"

// securityHeaders sets the security headers on every response, errors included.
func securityHeaders(c *fiber.Ctx) error {
	h := &c.Response().Header
	h.Set("Content-Security-Policy", contentSecurityPolicy)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Permissions-Policy", permissionsPolicy)
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	return c.Next()
}

// apiHeaders lets any site read the public API (reads are public and carry no cookies).
func apiHeaders(c *fiber.Ctx) error {
	c.Set("Access-Control-Allow-Origin", "*")
	c.Set(fiber.HeaderCacheControl, "no-cache")
	return c.Next()
}

// noStore keeps private pages (sign-in, the panel) out of every cache.
func noStore(c *fiber.Ctx) error {
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Next()
}
