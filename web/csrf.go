package web

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"strings"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// csrfField is the name of the hidden form field (and X-CSRF-Token the header) that carries
// the anti-forgery token.
const (
	csrfField  = "_csrf"
	csrfHeader = "X-CSRF-Token"
)

// msgCSRF is what a forged or stale form gets.
const msgCSRF = "Formularz wygasł albo nie pochodzi z tej strony. Odśwież stronę i wyślij go ponownie."

// csrf protects every state-changing request that a browser could be tricked into sending.
// A signed-in session has its own token (stored with the session); other visitors get a
// random token in a cookie (double submit). Unsafe requests must send the token back in the
// form field _csrf or the X-CSRF-Token header, compared in constant time; otherwise 403.
// API calls with a Bearer token carry no ambient authority and need none, nor do anonymous
// API calls (they act as the public, whoever sends them).
func (s *server) csrf(c *fiber.Ctx) error {
	if strings.HasPrefix(c.Path(), "/static/") {
		return c.Next()
	}
	auth := authKind(c)
	token, _ := c.Locals(localCSRF).(string)
	if auth == "" {
		token = c.Cookies(csrfCookie)
		if !validCSRFToken(token) {
			token = newCSRFToken()
			s.setCookie(c, csrfCookie, token, 0)
		}
		c.Locals(localCSRF, token)
	}
	switch c.Method() {
	case fiber.MethodGet, fiber.MethodHead, fiber.MethodOptions:
		return c.Next()
	}
	api := strings.HasPrefix(c.Path(), "/api/")
	if auth == authToken || (api && auth == "") {
		return c.Next()
	}
	sent := c.Get(csrfHeader)
	if sent == "" && !api {
		sent = c.FormValue(csrfField)
	}
	if token == "" || subtle.ConstantTimeCompare([]byte(sent), []byte(token)) != 1 {
		return registry.Errorf(registry.EFORBIDDEN, msgCSRF)
	}
	return c.Next()
}

// csrfToken returns the token the request's forms must carry.
func csrfToken(c *fiber.Ctx) string {
	t, _ := c.Locals(localCSRF).(string)
	return t
}

func newCSRFToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// validCSRFToken reports whether a cookie holds a token of ours (43 base64url characters).
func validCSRFToken(t string) bool {
	if len(t) != 43 {
		return false
	}
	_, err := base64.RawURLEncoding.DecodeString(t)
	return err == nil
}
