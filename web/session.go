package web

import (
	"net/url"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// Cookie names. Both are HttpOnly and SameSite=Lax, and Secure when the request came over TLS.
const (
	sessionCookie = "jawnosc_sesja" // the session token (stored server-side as a hash)
	csrfCookie    = "jawnosc_csrf"  // anti-forgery token of visitors who are not signed in
)

// Keys of c.Locals set by authenticate and csrf.
const (
	localActor = "jawnosc.actor"
	localAuth  = "jawnosc.auth" // authSession, authToken or "" (public)
	localCSRF  = "jawnosc.csrf"
)

// How a request authenticated.
const (
	authSession = "session"
	authToken   = "token"
)

// actor returns who makes the request, as authenticate found it: the account of the session
// cookie or of the API token, otherwise the public. Handlers pass it to the domain, which
// checks authorization itself.
func (s *server) actor(c *fiber.Ctx) registry.Actor {
	if a, ok := c.Locals(localActor).(registry.Actor); ok {
		return a
	}
	return registry.PublicActor
}

// authKind returns how the request authenticated (authSession, authToken or "").
func authKind(c *fiber.Ctx) string {
	k, _ := c.Locals(localAuth).(string)
	return k
}

// authenticate resolves the request's actor once, before any handler runs. Under /api/ an
// `Authorization: Bearer <token>` header names an API token (a wrong one is 401, never a
// silent fall-back to the public); otherwise the session cookie, when live, names the
// account. A stale session cookie is cleared and the visitor is the public.
func (s *server) authenticate(c *fiber.Ctx) error {
	if strings.HasPrefix(c.Path(), "/static/") {
		return c.Next()
	}
	ctx := c.UserContext()
	if h := c.Get(fiber.HeaderAuthorization); h != "" && strings.HasPrefix(c.Path(), "/api/") {
		token, ok := strings.CutPrefix(h, "Bearer ")
		if !ok {
			return registry.Errorf(registry.EUNAUTHORIZED, "Nagłówek Authorization musi mieć postać „Bearer <token>”.")
		}
		a, err := s.cfg.Store.FindActorByToken(ctx, strings.TrimSpace(token))
		if err != nil {
			return err
		}
		c.Locals(localActor, a)
		c.Locals(localAuth, authToken)
		return c.Next()
	}
	if token := c.Cookies(sessionCookie); token != "" {
		sess, err := s.cfg.Store.FindSession(ctx, token)
		switch registry.ErrorCode(err) {
		case "":
			c.Locals(localActor, sess.Actor)
			c.Locals(localAuth, authSession)
			c.Locals(localCSRF, sess.CSRF)
		case registry.EUNAUTHORIZED:
			s.clearCookie(c, sessionCookie)
		default:
			return err
		}
	}
	return c.Next()
}

// setCookie sets an HttpOnly, SameSite=Lax cookie for the whole site; Secure behind TLS
// (directly, or through a proxy that sets X-Forwarded-Proto). A zero maxAge makes it last
// until the browser closes.
func (s *server) setCookie(c *fiber.Ctx, name, value string, maxAge time.Duration) {
	c.Cookie(&fiber.Cookie{
		Name: name, Value: value, Path: "/", HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode,
		Secure: c.Protocol() == "https", MaxAge: int(maxAge.Seconds()),
	})
}

// clearCookie removes a cookie set by setCookie.
func (s *server) clearCookie(c *fiber.Ctx, name string) {
	c.Cookie(&fiber.Cookie{
		Name: name, Value: "", Path: "/", HTTPOnly: true, SameSite: fiber.CookieSameSiteLaxMode,
		Secure: c.Protocol() == "https", Expires: time.Unix(0, 0), MaxAge: -1,
	})
}

// requireSignedIn is middleware for the panel: the public is sent to the sign-in page (a
// browser) or gets 401 (the API).
func (s *server) requireSignedIn(c *fiber.Ctx) error {
	if s.actor(c).Authenticated() {
		return c.Next()
	}
	if c.Method() == fiber.MethodGet || c.Method() == fiber.MethodHead {
		return c.Redirect("/logowanie?next="+url.QueryEscape(c.OriginalURL()), fiber.StatusSeeOther)
	}
	return registry.Errorf(registry.EUNAUTHORIZED, "Zaloguj się, aby wykonać tę operację.")
}
