package web

import (
	"context"
	"net/url"
	"sort"
	"strings"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
	"jawnosc/search"
)

// feedSize is how many versions a feed lists.
const feedSize = 50

// routesFeeds registers the Atom feeds of new and changed entries.
func (s *server) routesFeeds(app *fiber.App) {
	app.Get("/feeds/szukaj", s.handleSearchFeed)
	app.Get("/feeds/spolki/:slug", s.handleCompanyFeed)
	app.Get("/feeds/spolki/:slug/:register", s.handleCompanyFeed)
	app.Get("/feeds/:register", s.handleRegisterFeed)
}

// handleRegisterFeed serves GET /feeds/{register} (e.g. /feeds/umowy): the latest published
// versions of a register's entries in every company. Unknown register: 404.
func (s *server) handleRegisterFeed(c *fiber.Ctx) error {
	reg, ok := feedRegisterByPath(c.Params("register"))
	if !ok {
		return registry.Errorf(registry.ENOTFOUND, "Nie ma takiego rejestru.")
	}
	return s.serveFeed(c, "Jawność: "+strings.ToLower(reg.Title)+" — nowe i zmienione wpisy", "/"+reg.Path,
		registry.VersionFilter{Kind: &reg.Kind})
}

// handleCompanyFeed serves GET /feeds/spolki/{slug} and /feeds/spolki/{slug}/{register}:
// the latest published versions of one company's entries (every register, or one).
// Unknown company or register: 404.
func (s *server) handleCompanyFeed(c *fiber.Ctx) error {
	co, err := s.cfg.Store.FindCompanyBySlug(c.UserContext(), c.Params("slug"))
	if err != nil {
		return err
	}
	f := registry.VersionFilter{CompanyID: &co.ID}
	title := "Jawność: " + co.ShortName + " — nowe i zmienione wpisy"
	if p := c.Params("register"); p != "" {
		reg, ok := feedRegisterByPath(p)
		if !ok {
			return registry.Errorf(registry.ENOTFOUND, "Nie ma takiego rejestru.")
		}
		f.Kind = &reg.Kind
		title = "Jawność: " + co.ShortName + " — " + strings.ToLower(reg.Title)
	}
	return s.serveFeed(c, title, "/spolki/"+co.Slug, f)
}

// handleSearchFeed serves GET /feeds/szukaj?q=&kind=&company=&year=&mode=&band=: a saved
// search. It takes the newest matching entries (by date) and lists their published
// versions. A malformed query: 400 with its Polish message.
func (s *server) handleSearchFeed(c *fiber.Ctx) error {
	q, err := searchQuery(c, feedSize)
	if err != nil {
		return err
	}
	q.Sort, q.Page, q.Highlight = search.SortDate, 1, false
	r, err := s.cfg.Index.Search(c.UserContext(), q)
	if err != nil {
		return err
	}
	// Only register entries: other hits (information requests) number their own ids.
	ids := make([]int64, 0, len(r.Hits))
	for _, h := range r.Hits {
		if _, ok := feedRegisterByKind(h.Kind); ok {
			ids = append(ids, h.EntryID)
		}
	}
	title := "Jawność: wyszukiwanie"
	if q.Q != "" {
		title += " „" + q.Q + "”"
	}
	return s.serveFeed(c, title, "/szukaj?"+searchFeedQuery(c), registry.VersionFilter{EntryIDs: ids})
}

// searchFeedQuery is the query string of a search without its page and sort.
func searchFeedQuery(c *fiber.Ctx) string {
	v := queryValues(c)
	v.Del("page")
	v.Del("sort")
	return v.Encode()
}

// serveFeed answers a feed: 304 when the client's copy is current, else the Atom document
// of the versions f selects. alternate is the site page the feed follows.
func (s *server) serveFeed(c *fiber.Ctx, title, alternate string, f registry.VersionFilter) error {
	if done, err := s.conditional(c, "feed"+c.OriginalURL()); done || err != nil {
		return err
	}
	f.Limit = feedSize
	base := s.exportBase(c)
	// A feed is built once per change of the register (readers poll it often).
	b, err := cached(c.UserContext(), s, "feed "+base+c.OriginalURL(), func() ([]byte, error) {
		feed, err := s.buildFeed(c.UserContext(), base, c.OriginalURL(), title, alternate, f)
		if err != nil {
			return nil, err
		}
		b, err := feed.encode()
		if err != nil {
			return nil, registry.Internal(err)
		}
		return b, nil
	})
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "application/atom+xml; charset=utf-8")
	return c.Send(b)
}

// buildFeed reads the versions and maps them to entries, newest first.
func (s *server) buildFeed(ctx context.Context, base, self, title, alternate string, f registry.VersionFilter) (*atomFeed, error) {
	vs, err := s.cfg.Store.FindPublishedVersions(ctx, f)
	if err != nil {
		return nil, err
	}
	cos, err := s.companiesBySlug(ctx)
	if err != nil {
		return nil, err
	}
	feed := &atomFeed{Lang: "pl", ID: "urn:jawnosc:feed:" + feedID(self), Title: title,
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: base + self},
			{Rel: "alternate", Type: "text/html", Href: base + alternate}},
		Author: atomPerson{Name: "Jawność — " + s.cfg.City, URI: base + "/"}, Generator: "Jawność",
		Rights: "Dane: " + s.cfg.OpenData.licence()}
	for _, v := range vs {
		co := cos[v.Company]
		if co == nil {
			continue
		}
		e, ok, err := feedEntry(base, v, co)
		if err != nil {
			return nil, err
		}
		if ok {
			feed.Entries = append(feed.Entries, e)
		}
	}
	sort.SliceStable(feed.Entries, func(i, j int) bool { return feed.Entries[i].updated.After(feed.Entries[j].updated) })
	mod, err := s.cfg.Store.PublicLastModified(ctx)
	if err != nil {
		return nil, err
	}
	feed.Updated = atomTime(mod)
	if len(feed.Entries) > 0 {
		feed.Updated = feed.Entries[0].Updated
	}
	return feed, nil
}

// feedID is the feed's path with its query parameters in sorted order, so the same
// search has the same id whatever the order of its parameters.
func feedID(self string) string {
	u, err := url.Parse(self)
	if err != nil {
		return self
	}
	if q := u.Query(); len(q) > 0 {
		q.Del("page")
		return u.Path + "?" + q.Encode()
	}
	return u.Path
}
