package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"jawnosc/audits"
	"jawnosc/registry"
)

// loginView is the data of the sign-in page.
type loginView struct {
	Login   string
	Next    string
	Message string // why the last attempt failed
}

// safeNext returns next when it is a path on this site, otherwise /panel (no open redirects).
func safeNext(next string) string {
	if strings.HasPrefix(next, "/") && !strings.HasPrefix(next, "//") && !strings.HasPrefix(next, "/\\") && !strings.ContainsAny(next, "\r\n") {
		return next
	}
	return "/panel"
}

// handleLoginForm serves GET /logowanie: the sign-in form for officers, the mayor's office,
// auditors and admins. Residents need no account.
func (s *server) handleLoginForm(c *fiber.Ctx) error {
	if s.actor(c).Authenticated() {
		return c.Redirect(safeNext(c.Query("next")), fiber.StatusSeeOther)
	}
	p := s.page(c, "Logowanie")
	p.Data = loginView{Next: safeNext(c.Query("next"))}
	return s.render(c, fiber.StatusOK, "login", p)
}

// handleLogin serves POST /logowanie: checks the login and password (the domain locks an
// account after repeated failures; the route is rate-limited per address), starts a
// server-side session and redirects to the panel. A failure shows the form again with the
// login kept and the password cleared.
func (s *server) handleLogin(c *fiber.Ctx) error {
	login := strings.TrimSpace(c.FormValue("login"))
	next := safeNext(c.FormValue("next"))
	a, err := s.cfg.Store.Authenticate(c.UserContext(), login, c.FormValue("password"))
	if err != nil {
		code := registry.ErrorCode(err)
		if code != registry.EUNAUTHORIZED && code != registry.ERATELIMIT {
			return err
		}
		if len(login) > 64 {
			login = login[:64]
		}
		p := s.page(c, "Logowanie")
		p.Data = loginView{Login: login, Next: next, Message: registry.ErrorMessage(err)}
		p.Errors = []formError{{ID: "login", Message: registry.ErrorMessage(err)}} // never says which of the two was wrong
		status := fiber.StatusUnauthorized
		if code == registry.ERATELIMIT {
			status = fiber.StatusTooManyRequests
		}
		return s.render(c, status, "login", p)
	}
	token, _, err := s.cfg.Store.CreateSession(c.UserContext(), a)
	if err != nil {
		return err
	}
	s.setCookie(c, sessionCookie, token, 0)
	s.clearCookie(c, csrfCookie)
	return c.Redirect(next, fiber.StatusSeeOther)
}

// handleLogout serves POST /wyloguj: ends the session on the server and clears the cookie.
func (s *server) handleLogout(c *fiber.Ctx) error {
	if token := c.Cookies(sessionCookie); token != "" {
		if err := s.cfg.Store.RevokeSession(c.UserContext(), token); err != nil {
			return err
		}
	}
	s.clearCookie(c, sessionCookie)
	return c.Redirect("/", fiber.StatusSeeOther)
}

// panelView is the data of the panel's start page.
type panelView struct {
	RoleLabel string
	Companies []*registry.Company
	// Notices tell an officer that recommendations of audits of its companies passed their
	// due date (recorded by the nightly audit-overdue-notices job).
	Notices []audits.OverdueNotice
}

// handlePanel serves GET /panel: the start page of a signed-in account, with its role and
// the companies it files for.
func (s *server) handlePanel(c *fiber.Ctx) error {
	a := s.actor(c)
	var v panelView
	v.RoleLabel = registry.RoleLabel(a.Role)
	if len(a.Companies) > 0 {
		all, err := s.cfg.Store.FindCompanies(c.UserContext())
		if err != nil {
			return err
		}
		for _, co := range all {
			if a.CanWriteCompany(co.ID) {
				v.Companies = append(v.Companies, co)
			}
		}
	}
	if a.Role == registry.RoleOfficer {
		for _, id := range a.Companies {
			ns, err := s.cfg.Audits.FindOverdueNotices(c.UserContext(), id, 20)
			if err != nil {
				return err
			}
			v.Notices = append(v.Notices, ns...)
		}
	}
	p := s.page(c, "Panel")
	p.Nav = "panel"
	p.Data = v
	return s.render(c, fiber.StatusOK, "panel", p)
}
