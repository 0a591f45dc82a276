package web

import (
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"jawnosc/audits"
	"jawnosc/registry"
	"jawnosc/search"
)

// API page sizes.
const (
	apiPerPage    = 50
	apiMaxPerPage = 1000
)

// apiHit is one search hit in the API. Snippet is HTML: the entry's text escaped, the
// matched words in <mark>…</mark>.
type apiHit struct {
	ID          string `json:"id"`
	Kind        string `json:"kind"`
	EntryID     int64  `json:"entry_id"`
	Company     string `json:"company"`
	CompanyName string `json:"company_name"`
	Title       string `json:"title"`
	Snippet     string `json:"snippet"`
	Date        string `json:"date"`
	ValueNet    int64  `json:"value_net"`
	Currency    string `json:"currency"`
	Mode        string `json:"mode"`
	Status      string `json:"status"`
	URL         string `json:"url"`
}

// apiSearchResult is the answer of GET /api/v1/search.
type apiSearchResult struct {
	Query   string                         `json:"query"`
	Sort    string                         `json:"sort"`
	Total   int                            `json:"total"`
	Page    int                            `json:"page"`
	PerPage int                            `json:"per_page"`
	Hits    []apiHit                       `json:"hits"`
	Facets  map[string][]search.FacetValue `json:"facets"`
}

// apiSearch serves GET /api/v1/search?q=&kind=&company=&year=&mode=&band=&page=&per_page=&sort=.
// Errors: 400 (EINVALID) for a malformed query, page or filter.
func (s *server) apiSearch(c *fiber.Ctx) error {
	perPage, err := perPageParam(c, search.MaxPerPage, search.DefaultPerPage)
	if err != nil {
		return err
	}
	q, err := searchQuery(c, perPage)
	if err != nil {
		return err
	}
	r, err := s.cfg.Index.Search(c.UserContext(), q)
	if err != nil {
		return err
	}
	out := apiSearchResult{Query: r.Query.Q, Sort: r.Query.Sort, Total: r.Total, Page: r.Query.Page,
		PerPage: r.Query.PerPage, Hits: make([]apiHit, len(r.Hits)), Facets: r.Facets}
	if out.Facets == nil {
		out.Facets = map[string][]search.FacetValue{}
	}
	for i, h := range r.Hits {
		out.Hits[i] = apiHit{ID: h.ID, Kind: h.Kind, EntryID: h.EntryID, Company: h.Company, CompanyName: h.CompanyName,
			Title: h.Title, Snippet: h.Snippet, Date: h.Date, ValueNet: h.ValueNet, Currency: h.Currency, Mode: h.Mode, Status: h.Status, URL: h.URL}
	}
	return c.JSON(out)
}

// perPageParam reads ?per_page= (absent: def; 1..max). Errors: EINVALID (400).
func perPageParam(c *fiber.Ctx, max, def int) (int, error) {
	v := strings.TrimSpace(c.Query("per_page"))
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > max {
		return 0, invalidParam("Liczba wyników na stronie musi być liczbą od 1 do %d.", max)
	}
	return n, nil
}

// apiCompanies serves GET /api/v1/companies: every company, in Polish order.
func (s *server) apiCompanies(c *fiber.Ctx) error {
	cs, err := s.cfg.Store.FindCompanies(c.UserContext())
	if err != nil {
		return err
	}
	if cs == nil {
		cs = []*registry.Company{}
	}
	return c.JSON(fiber.Map{"companies": cs})
}

// apiCompanyResult is a company with its public contract totals.
type apiCompanyResult struct {
	*registry.Company
	Totals registry.Totals      `json:"totals"`
	Years  []registry.YearTotal `json:"years"`
}

// apiCompany serves GET /api/v1/companies/{slug}: the company with its contract totals,
// overall and per year. Errors: 404.
func (s *server) apiCompany(c *fiber.Ctx) error {
	ctx := c.UserContext()
	co, err := s.cfg.Store.FindCompanyBySlug(ctx, c.Params("slug"))
	if err != nil {
		return err
	}
	out := apiCompanyResult{Company: co}
	if out.Totals, err = s.contractTotals(ctx, registry.ContractFilter{CompanyID: &co.ID}); err != nil {
		return err
	}
	if out.Years, err = s.yearTotals(ctx, &co.ID); err != nil {
		return err
	}
	if out.Years == nil {
		out.Years = []registry.YearTotal{}
	}
	return c.JSON(out)
}

// apiContracts serves GET /api/v1/contracts?company=&year=&mode=&nip=&page=&per_page=:
// public contracts, newest first. Errors: 400 for a bad page, year, mode or NIP.
func (s *server) apiContracts(c *fiber.Ctx) error {
	page, err := pageParam(c)
	if err != nil {
		return err
	}
	perPage, err := perPageParam(c, apiMaxPerPage, apiPerPage)
	if err != nil {
		return err
	}
	f := registry.ContractFilter{CompanySlug: optString(c, "company"), Mode: optString(c, "mode"),
		Offset: (page - 1) * perPage, Limit: perPage}
	if v := optString(c, "year"); v != nil {
		y, err := parseYear(*v)
		if err != nil {
			return err
		}
		f.Year = &y
	}
	if f.Mode != nil && registry.LabelOf(registry.ProcurementModes, *f.Mode) == *f.Mode {
		return invalidParam("Nieznany tryb udzielenia zamówienia „%s”.", *f.Mode)
	}
	if v := optString(c, "nip"); v != nil {
		nip, err := registry.NormalizeNIP(*v)
		if err != nil {
			return err
		}
		f.NIP = &nip
	}
	cs, total, err := s.cfg.Store.FindContracts(c.UserContext(), f)
	if err != nil {
		return err
	}
	if cs == nil {
		cs = []*registry.Contract{}
	}
	return c.JSON(fiber.Map{"total": total, "page": page, "per_page": perPage, "contracts": cs})
}

// apiContractResult is a contract with its published versions and annexes.
type apiContractResult struct {
	*registry.Contract
	Versions   []*registry.ContractVersion `json:"versions"`
	Amendments []registry.Amendment        `json:"amendments"`
	Signals    []*audits.Signal            `json:"signals"`
}

// apiContract serves GET /api/v1/contracts/{id}: the contract, its versions (each with
// the fields changed since the previous one) and its amendments. Errors: 404.
func (s *server) apiContract(c *fiber.Ctx) error {
	v, err := s.loadContract(c)
	if err != nil {
		return err
	}
	return c.JSON(apiContractResult{Contract: v.C, Versions: v.Versions, Amendments: v.Amendments, Signals: v.Signals})
}
