package web

import (
	"slices"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
	"jawnosc/search"
)

// searchPerPage is the number of hits per page of /szukaj.
const searchPerPage = 20

// searchView is the data of the search page.
type searchView struct {
	Q      string
	Sort   string
	Sorts  []registry.Label
	Error  string // a Polish message when the query could not be run (status 400)
	Result *search.Result
	Facets []facetGroup
	Pager  pager
}

// facetGroup is one fieldset of checkboxes (company, register, year, mode, value band).
type facetGroup struct {
	Name   string // the query parameter
	Legend string
	Values []facetOption
}

// facetOption is one checkbox of a facet.
type facetOption struct {
	ID, Value, Label string
	Count            int
	Checked          bool
}

// sortOptions are the orders a resident can choose.
var sortOptions = []registry.Label{
	{Code: search.SortRelevance, Label: "trafność"},
	{Code: search.SortDate, Label: "data: od najnowszych"},
	{Code: search.SortDateAsc, Label: "data: od najstarszych"},
	{Code: search.SortValue, Label: "wartość: od największej"},
	{Code: search.SortValueAsc, Label: "wartość: od najmniejszej"},
}

// searchQuery reads the search parameters shared by /szukaj and /api/v1/search.
// Errors: EINVALID (400) for a malformed page or year.
func searchQuery(c *fiber.Ctx, perPage int) (search.Query, error) {
	q := search.Query{
		Q: c.Query("q"), Kinds: queryList(c, "kind"), Companies: queryList(c, "company"),
		Modes: queryList(c, "mode"), Bands: queryList(c, "band"), Sort: c.Query("sort"),
		PerPage: perPage, Highlight: true,
	}
	var err error
	if q.Page, err = pageParam(c); err != nil {
		return q, err
	}
	if q.Years, err = yearList(c); err != nil {
		return q, err
	}
	return q, nil
}

// handleSearch serves GET /szukaj?q=&kind=&company=&year=&mode=&band=&sort=&page=: full-text
// search with highlighted snippets, facets as checkboxes, sort and pagination. A malformed
// query shows its Polish message on the page with status 400.
func (s *server) handleSearch(c *fiber.Ctx) error {
	q, err := searchQuery(c, searchPerPage)
	v := searchView{Q: q.Q, Sort: q.Sort, Sorts: sortOptions}
	if err == nil {
		v.Result, err = s.cfg.Index.Search(c.UserContext(), q)
	}
	status := fiber.StatusOK
	if err != nil {
		if registry.ErrorCode(err) != registry.EINVALID {
			return err
		}
		v.Error, v.Result, status = registry.ErrorMessage(err), nil, fiber.StatusBadRequest
	}
	if v.Result != nil {
		v.Sort = v.Result.Query.Sort
		total := min(v.Result.Total, search.MaxResults)
		v.Pager = newPager("/szukaj", queryValues(c), q.Page, searchPerPage, total)
	}
	if v.Facets, err = s.facetGroups(c, q, v.Result); err != nil {
		return err
	}
	title := "Wyszukiwarka"
	if q.Q != "" {
		title = "Wyniki wyszukiwania: " + q.Q
	}
	p := s.page(c, title)
	p.Nav = "szukaj"
	if v.Error == "" {
		p.Feed = "/feeds/szukaj?" + searchFeedQuery(c)
	} else {
		p.Errors = []formError{{ID: "q", Label: "Szukaj w rejestrze", Message: v.Error}}
	}
	p.Data = v
	return s.render(c, status, "search", p)
}

// facetGroups turns the result's facets into checkbox groups, keeping the checked values
// visible even when they have no hits, so they can be unchecked.
func (s *server) facetGroups(c *fiber.Ctx, q search.Query, r *search.Result) ([]facetGroup, error) {
	companies, err := s.cfg.Store.FindCompanies(c.UserContext())
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	for _, co := range companies {
		names[co.Slug] = co.ShortName
	}
	years := make([]string, len(q.Years))
	for i, y := range q.Years {
		years[i] = strconv.Itoa(y)
	}
	defs := []struct {
		name, legend string
		checked      []string
		label        func(string) string
	}{
		{search.FacetKind, "Rejestr", q.Kinds, kindLabel},
		{search.FacetCompany, "Spółka", q.Companies, func(v string) string {
			if n, ok := names[v]; ok && n != "" {
				return n
			}
			return v
		}},
		{search.FacetYear, "Rok", years, func(v string) string { return v }},
		{search.FacetMode, "Tryb udzielenia zamówienia", q.Modes, func(v string) string { return registry.LabelOf(registry.ProcurementModes, v) }},
		{search.FacetBand, "Wartość netto", q.Bands, func(v string) string { return registry.LabelOf(search.Bands, v) }},
	}
	var out []facetGroup
	for _, d := range defs {
		g := facetGroup{Name: d.name, Legend: d.legend}
		var values []search.FacetValue
		if r != nil {
			values = r.Facets[d.name]
		}
		seen := map[string]bool{}
		for _, fv := range values {
			seen[fv.Value] = true
			g.Values = append(g.Values, facetOption{Value: fv.Value, Label: d.label(fv.Value), Count: fv.Count, Checked: slices.Contains(d.checked, fv.Value)})
		}
		for _, v := range d.checked {
			if !seen[v] {
				seen[v] = true
				g.Values = append(g.Values, facetOption{Value: v, Label: d.label(v), Checked: true})
			}
		}
		for i := range g.Values {
			g.Values[i].ID = "f-" + d.name + "-" + strconv.Itoa(i)
		}
		if len(g.Values) > 0 {
			out = append(out, g)
		}
	}
	return out, nil
}
