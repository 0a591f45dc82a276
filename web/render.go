package web

import (
	"bytes"
	"fmt"
	"html/template"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
	"jawnosc/templates"
)

// pageNames is the explicit list of pages; each is templates/pages/{name}.html and defines
// "title" and "content". New fails when one is missing or broken.
var pageNames = []string{
	"home", "search", "companies", "company", "contracts", "contract", "counterparty", "error",
	"register_list", "register_entry", "ads_summary", "panel_register", "panel_register_import",
	"login", "panel",
	"requests", "request", "request_new", "request_created", "panel_requests", "panel_appeals",
	"audits", "audit", "audit_form", "signals", "supervision",
	"api", "opendata",
	"audit_log", "import",
	"panel_contracts", "panel_contract", "panel_contract_form", "panel_change",
}

// pages holds one parsed template set per page (layout + partials + the page).
type pages struct {
	sets map[string]*template.Template
}

// parsePages parses the layout, the partials and every page once.
func parsePages(funcs template.FuncMap) (*pages, error) {
	ps := &pages{sets: map[string]*template.Template{}}
	for _, name := range pageNames {
		t, err := template.New(name).Funcs(funcs).ParseFS(templates.FS,
			"layout.html", "partials/*.html", "pages/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("web: template %s: %w", name, err)
		}
		for _, block := range []string{"layout", "title", "content"} {
			if t.Lookup(block) == nil {
				return nil, fmt.Errorf("web: template %s: no %q defined", name, block)
			}
		}
		ps.sets[name] = t
	}
	return ps, nil
}

// page is what the layout needs on every page; Data is the page's own view.
type page struct {
	Title string         // the <title> and, usually, the h1
	Nav   string         // the current main-menu item ("szukaj", "spolki", "umowy")
	Demo  bool           // show the demo-data banner
	City  string         // the city's name
	Actor registry.Actor // who is looking: the public or a signed-in account
	CSRF  string         // the anti-forgery token every form sends back ({{template "csrf" $}})
	Path  string         // the request path
	Feed  string         // the Atom feed that follows this page, if any (a <link rel="alternate">)
	// Errors is the error summary of the form sent with mistakes, if any: the page shows it after
	// its h1 ({{template "error-summary" $.Errors}}) and the layout prefixes the title with "Błąd: ".
	Errors []formError
	Data   any
}

// page starts the layout data of a request.
func (s *server) page(c *fiber.Ctx, title string) page {
	return page{Title: title, Demo: s.cfg.Demo, City: s.cfg.City, Actor: s.actor(c), CSRF: csrfToken(c), Path: c.Path()}
}

// render executes a page into a buffer and only then sends it, so an error halfway
// becomes a proper error page instead of half a page.
func (s *server) render(c *fiber.Ctx, status int, name string, p page) error {
	t, ok := s.pages.sets[name]
	if !ok {
		return registry.Internal(fmt.Errorf("web: no page %q", name))
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		return registry.Internal(fmt.Errorf("web: render %s: %w", name, err))
	}
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	return c.Status(status).Send(buf.Bytes())
}
