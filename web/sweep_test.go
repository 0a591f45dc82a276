package web_test

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/valyala/fasthttp"

	"jawnosc/registry"
)

// TestSweepHostileInput takes every route the app registers and sends it hostile variants:
// junk in each path parameter, junk and malformed search syntax in the query string, and
// for writes malformed and mistyped JSON, oversized and junk form fields, and files that
// are not PDFs — as the public and as a user of each role, with a valid anti-forgery token,
// so that the requests reach the handlers and the domain code. No answer may be a 5xx, and
// no error answer may show internals (SQL, Go errors, stacks, file paths).
func TestSweepHostileInput(t *testing.T) {
	start := time.Now()
	e := mustOpenSweep(t, 120)
	sw := newSweeper(t, e)
	routes := sw.routes()
	if len(routes) < 180 {
		t.Fatalf("only %d routes registered", len(routes))
	}
	setup := time.Since(start)
	sw.discover(routes)
	for _, k := range sortedKeys(sw.formRoutes) {
		routes = append(routes, sw.formRoutes[k])
	}
	for _, r := range routes {
		sw.sweep(r)
	}
	sw.revisit(routes)
	t.Logf("%d routes (and %d more forms of them), %d requests (%d through a real listener, %d apps built for the rate limits); setup %v, sweep %v",
		len(sw.all), len(sw.formRoutes), sw.sent, sw.real, e.rebuilt, setup.Round(time.Millisecond), time.Since(start.Add(setup)).Round(time.Millisecond))
	for _, k := range sortedKeys(sw.stats) {
		t.Logf("%-10s %6d requests %v", k, sw.counts[k], sw.stats[k].Round(time.Millisecond))
	}
	t.Logf("statuses: %v", sw.statuses)
	for _, r := range routes {
		if sw.deep[r.key()] == "" {
			t.Logf("no role reaches %s with real values (the officer sweeps it wide)", r.key())
		}
		if r.method == http.MethodPost && !r.api() && sw.doc.raw[r.pattern()] == "" {
			if _, ok := sw.forms[r.key()]; !ok {
				t.Logf("no page shows a form for %s (swept with every field name seen)", r.key())
			}
		}
	}
	sw.report()
}

// newSweeper returns a sweeper of the fixture's app.
func newSweeper(t *testing.T, e *sweepEnv) *sweeper {
	sw := &sweeper{t: t, e: e, forms: map[string]htmlForm{}, formPages: map[string]formPage{}, formRoutes: map[string]sweepRoute{},
		form: map[string]htmlForm{}, getForms: map[string]map[string]bool{}, clients: map[string]*browser{}, used: map[string][]string{},
		deep: map[string]string{}, plain: map[string]int{}, failures: map[string]*sweepFailure{}, stats: map[string]time.Duration{},
		counts: map[string]int{}, statuses: map[int]int{}}
	sw.clients[registry.RolePublic] = e.anonymous(t)
	return sw
}

// report fails the test with one example of each kind of failure (route, status, variant
// set) and how many requests it covers.
func (sw *sweeper) report() {
	n := 0
	for _, k := range sortedKeys(sw.failures) {
		f := sw.failures[k]
		n += f.n
		sw.t.Errorf("%d× %s", f.n, f.example)
	}
	if n > 0 {
		sw.t.Errorf("%d of %d requests failed, %d kinds of failure", n, sw.sent, len(sw.failures))
	}
}

// sweepRoute is a registered route: method, path and parameter names.
type sweepRoute struct {
	method, path string
	params       []string
	fixed        map[string]string // parameters with a value of their own: a form's step
}

// pattern is the route as registered.
func (r sweepRoute) pattern() string { return r.method + " " + r.path }

// key tells apart the forms of one route (its fixed parameters).
func (r sweepRoute) key() string {
	k := r.pattern()
	for _, p := range sortedKeys(r.fixed) {
		k += " " + p + "=" + r.fixed[p]
	}
	return k
}

// api reports whether the route is the JSON API's.
func (r sweepRoute) api() bool { return strings.HasPrefix(r.path, "/api/") }

// sweeper sends the variants and collects what went wrong.
type sweeper struct {
	t          *testing.T
	e          *sweepEnv
	doc        apiDoc
	all        []sweepRoute
	forms      map[string]htmlForm        // POST forms found on the pages, by the route they are sent to
	formPages  map[string]formPage        // where they were found
	formRoutes map[string]sweepRoute      // routes with fixed parameters that forms are sent to
	form       map[string]htmlForm        // per route: the form of the role being swept (currentForm)
	getForms   map[string]map[string]bool // names of GET forms' fields, by action path
	clients    map[string]*browser        // per role; signed-in sessions renewed per route
	used       map[string][]string        // per route: the query parameters it reads
	deep       map[string]string          // per route: the role that swept it in full
	plain      map[string]int             // "role METHOD path": the status of the plain read
	sent       int
	failures   map[string]*sweepFailure
	server     string                   // base URL of the app on a real listener (see do)
	real       int                      // requests sent to it
	stats      map[string]time.Duration // per variant set: time spent in the app
	counts     map[string]int           // per variant set: requests
	statuses   map[int]int              // answers by status
}

// routes returns the app's routes (HEAD, answered by the GET handlers, left out), in order.
func (sw *sweeper) routes() []sweepRoute {
	seen := map[string]bool{}
	var out []sweepRoute
	for _, r := range sw.e.app.GetRoutes(true) {
		if r.Method == http.MethodHead || r.Method == http.MethodOptions || seen[r.Method+" "+r.Path] {
			continue
		}
		seen[r.Method+" "+r.Path] = true
		out = append(out, sweepRoute{method: r.Method, path: r.Path, params: r.Params})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].path != out[j].path {
			return out[i].path < out[j].path
		}
		return out[i].method < out[j].method
	})
	sw.all = out
	return out
}

// concrete returns the route's path with real values, and with param (when not "") set to
// the raw value junk.
func (sw *sweeper) concrete(r sweepRoute, param, junk string) string {
	p := r.path
	for _, name := range r.params {
		v := sw.e.goodValue(r.method, r.path, name)
		if f, ok := r.fixed[name]; ok {
			v = f
		}
		if name == param {
			v = junk
		}
		p = strings.Replace(p, ":"+name, v, 1)
	}
	return p
}

// goodQuery is the query string a route needs besides its path: the tracking token of the
// request a resident's route acts on.
func (sw *sweeper) goodQuery(r sweepRoute) string {
	if !strings.Contains(r.path, "/sledz") || r.method != http.MethodGet {
		return ""
	}
	if t := sw.e.tokenFor(sw.e.goodValue(r.method, r.path, "id")); t != "" {
		return "token=" + t
	}
	return ""
}

var staticLink = regexp.MustCompile(`/static/([A-Za-z0-9._-]+)`)

// discover reads the OpenAPI document and every page the roles can open, for their forms.
func (sw *sweeper) discover(routes []sweepRoute) {
	t, e := sw.t, sw.e
	resp, body := e.do(t, "GET", "/api/v1/openapi.json")
	doc, err := parseAPIDoc(body)
	if resp.StatusCode != 200 || err != nil || len(doc.bodies) < 10 {
		t.Fatalf("OpenAPI document: %d %v, %d bodies", resp.StatusCode, err, len(doc.bodies))
	}
	sw.doc = doc
	described := 0
	for _, r := range routes {
		if doc.bodies[r.pattern()] != nil || doc.raw[r.pattern()] != "" {
			described++
		}
	}
	if described < 20 {
		t.Fatalf("the OpenAPI document describes the bodies of %d routes", described)
	}
	_, home := e.do(t, "GET", "/")
	if m := staticLink.FindStringSubmatch(home); m != nil {
		e.asset = m[1]
	} else {
		t.Fatal("the home page links no static file")
	}
	for _, role := range sweepRoles {
		sw.renew(role)
	}
	for _, r := range routes {
		if r.method != http.MethodGet {
			continue
		}
		for _, role := range sweepRoles {
			status, page, h := sw.do(r, sweepReq{role: role, variant: "plain", path: sw.concrete(r, "", ""), query: sw.goodQuery(r)})
			if status/100 == 3 && strings.HasPrefix(h.Get("Location"), "/logowanie") {
				status = http.StatusUnauthorized // sent to sign in
			}
			sw.plain[role+" "+r.key()] = status
			sw.keepForms(page, r, role, false)
		}
		// The pages of drafts have forms of their own (publication).
		if kind := routeKind(r.path); contains(r.params, "id") && e.ids[kind+".draft"] != "" {
			e.preferDraft = true
			for _, role := range sweepRoles {
				_, page := sw.send(role, r, "plain draft", sw.concrete(r, "", ""), sw.goodQuery(r), "", nil)
				sw.keepForms(page, r, role, true)
			}
			e.preferDraft = false
		}
	}
	if len(sw.forms) < 20 {
		t.Fatalf("only %d forms found on the pages", len(sw.forms))
	}
}

// keepForms records the forms of a page (see keepForm).
func (sw *sweeper) keepForms(page string, r sweepRoute, role string, draft bool) {
	if strings.Contains(page, "<form") {
		for _, f := range parseForms(page) {
			sw.keepForm(f, r, role, draft)
		}
	}
}

// keepForm records a form found on the page of route r as role: for a POST form, the one
// with the most fields per route it is sent to, and where it was found; for a GET form its
// field names (query parameters of its action).
func (sw *sweeper) keepForm(f htmlForm, r sweepRoute, role string, draft bool) {
	p := actionPath(f.action)
	if p == "" {
		p = sw.concrete(r, "", "")
	}
	if f.method == http.MethodGet {
		if sw.getForms[p] == nil {
			sw.getForms[p] = map[string]bool{}
		}
		for _, ff := range f.fields {
			sw.getForms[p][ff.name] = true
		}
		return
	}
	route, ok := sw.routeOf(f.method, p)
	if !ok {
		return
	}
	key := route.key()
	if old, ok := sw.forms[key]; !ok || len(f.fields) > len(old.fields) {
		sw.forms[key] = f
		sw.formPages[key] = formPage{r, role, draft}
		if len(route.fixed) > 0 {
			sw.formRoutes[key] = route
		}
	}
}

// learnForms records the forms of an answer to a write for the routes no page showed a
// form for (they cannot be opened again: currentForm keeps the form as found).
func (sw *sweeper) learnForms(page string, r sweepRoute, role string) {
	for _, f := range parseForms(page) {
		if f.method != http.MethodPost {
			continue
		}
		if route, ok := sw.routeOf(f.method, actionPath(f.action)); ok {
			if _, known := sw.forms[route.key()]; !known {
				sw.forms[route.key()] = f
			}
		}
	}
}

// formPage is where a form was found: a page (read route), the role that opened it and
// whether it was a draft's page.
type formPage struct {
	route sweepRoute
	role  string
	draft bool
}

// routeOf returns the registered route a request would take: the route whose pattern
// matches the path with the most literal parts. Its parameters that choose rather than
// name an entry (a step; not id, event, sha) get the path's values as fixed ones.
func (sw *sweeper) routeOf(method, path string) (sweepRoute, bool) {
	parts := strings.Split(path, "/")
	var best sweepRoute
	bestLiterals := -1
	for _, r := range sw.all {
		if r.method != method {
			continue
		}
		pattern := strings.Split(r.path, "/")
		if len(pattern) != len(parts) {
			continue
		}
		literals := 0
		for i, seg := range pattern {
			if strings.HasPrefix(seg, ":") {
				continue
			}
			if seg != parts[i] {
				literals = -1
				break
			}
			literals++
		}
		if literals > bestLiterals {
			best, bestLiterals = r, literals
		}
	}
	if bestLiterals < 0 {
		return best, false
	}
	for i, seg := range strings.Split(best.path, "/") {
		name, ok := strings.CutPrefix(seg, ":")
		if !ok || name == "id" || name == "event" || name == "sha" || parts[i] == sw.e.goodValue(method, best.path, name) {
			continue
		}
		if best.fixed == nil {
			best.fixed = map[string]string{}
		}
		best.fixed[name] = parts[i]
	}
	return best, true
}

// currentForm opens again the page where the route's form was found (on the entries the
// route now acts on) and returns that form with the values it has now (hidden tokens,
// versions). It falls back to the form found during discovery.
func (sw *sweeper) currentForm(r sweepRoute) (htmlForm, bool) {
	f, ok := sw.forms[r.key()]
	src, found := sw.formPages[r.key()]
	if !found {
		return f, ok
	}
	sw.e.preferDraft = src.draft
	path, query := sw.concrete(src.route, "", ""), sw.goodQuery(src.route)
	sw.e.preferDraft = false
	status, page := sw.send(src.role, src.route, "plain", path, query, "", nil)
	if status != http.StatusOK {
		return f, ok
	}
	for _, pf := range parseForms(page) {
		p := actionPath(pf.action)
		if p == "" {
			p = path
		}
		if route, ok := sw.routeOf(pf.method, p); ok && pf.method == r.method && route.key() == r.key() && len(pf.fields) >= len(f.fields) {
			return pf, true
		}
	}
	return f, ok
}

// revisit opens every read again as every role, now that the sweep has filed whatever
// hostile entries the app accepted: those must not break a page either.
func (sw *sweeper) revisit(routes []sweepRoute) {
	for _, role := range sweepRoles {
		sw.renew(role)
	}
	for _, r := range routes {
		if r.method == http.MethodGet {
			for _, role := range sweepRoles {
				sw.send(role, r, "revisit", sw.concrete(r, "", ""), sw.goodQuery(r), "", nil)
			}
		}
	}
}

// renew gives a signed-in role a new session (a variant may have signed it out).
func (sw *sweeper) renew(role string) {
	if role != registry.RolePublic {
		sw.clients[role] = sw.e.client(sw.t, role)
	}
}

// sweepReq is one request of the sweep: as which role, what it attacks (variant), the raw
// path and query, the body, and optionally another method than the route's and headers
// that replace the role's.
type sweepReq struct {
	role, variant, path, query, contentType string
	body                                    []byte
	method                                  string
	header                                  http.Header
}

// send makes one request as the role and checks the answer; it returns the status and body.
func (sw *sweeper) send(role string, r sweepRoute, variant, path, query, contentType string, body []byte) (int, string) {
	status, out, _ := sw.do(r, sweepReq{role: role, variant: variant, path: path, query: query, contentType: contentType, body: body})
	return status, out
}

// do sends a request and checks the answer. A form body (url-encoded or multipart)
// carries the role's anti-forgery token in _csrf (added by the caller); other bodies send
// it in X-CSRF-Token. API calls of signed-in roles use their Bearer token. An answer 429
// (the per-address limits) is sent again on a new app.
func (sw *sweeper) do(r sweepRoute, q sweepReq) (int, string, http.Header) {
	e, c := sw.e, sw.clients[q.role]
	method := r.method
	if q.method != "" {
		method = q.method
	}
	for attempt := 0; ; attempt++ {
		req, err := http.NewRequest(method, "http://jawnosc.test/", bytes.NewReader(q.body))
		if err != nil {
			sw.t.Fatal(err)
		}
		req.URL.Opaque, req.URL.RawQuery = q.path, q.query
		if q.contentType != "" {
			req.Header.Set("Content-Type", q.contentType)
		}
		if r.api() && q.role != registry.RolePublic {
			req.Header.Set("Authorization", "Bearer "+e.tokens[q.role])
		} else {
			for _, ck := range c.cookies {
				req.AddCookie(ck)
			}
			if method != http.MethodGet && !strings.HasPrefix(q.contentType, "application/x-www-form-urlencoded") && !strings.HasPrefix(q.contentType, "multipart/form-data; boundary=") {
				req.Header.Set("X-CSRF-Token", c.csrf)
			}
		}
		for k, vs := range q.header {
			req.Header[k] = vs
		}
		logged := e.logs.count()
		sw.sent++
		class, _, _ := strings.Cut(q.variant, " ")
		start := time.Now()
		resp, err := e.app.Test(req, -1)
		if err != nil {
			// app.Test returns the errors of reading a request (a malformed multipart body,
			// a request line over the buffer) instead of the answer the server writes for
			// them: send the request to the app on a real listener to see that answer.
			sw.real++
			if resp, err = sw.sendReal(req, q.body); err != nil {
				sw.fail(r, q, 0, err.Error(), "")
				return 0, "", nil
			}
		}
		out, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == http.StatusTooManyRequests && attempt == 0 {
			e.rebuild(sw.t)
			continue
		}
		sw.stats[class] += time.Since(start)
		sw.counts[class]++
		sw.statuses[resp.StatusCode]++
		if out, err = decoded(resp.Header.Get("Content-Encoding"), out); err != nil {
			sw.fail(r, q, resp.StatusCode, "the compressed answer does not decode: "+err.Error(), "")
		}
		sw.check(r, q, resp.StatusCode, string(out), e.logs.since(logged))
		return resp.StatusCode, string(out), resp.Header
	}
}

// decoded returns a body without its content encoding (the app compresses when asked).
func decoded(encoding string, b []byte) ([]byte, error) {
	switch encoding {
	case "":
		return b, nil
	case "gzip":
		return fasthttp.AppendGunzipBytes(nil, b)
	case "deflate":
		return fasthttp.AppendInflateBytes(nil, b)
	case "br":
		return fasthttp.AppendUnbrotliBytes(nil, b)
	}
	return nil, fmt.Errorf("unknown content encoding %q", encoding)
}

// sendReal sends the request to the app served on a loopback listener (started on first use).
func (sw *sweeper) sendReal(req *http.Request, body []byte) (*http.Response, error) {
	if sw.server == "" {
		sw.server = serveApp(sw.t, sw.e.app)
	}
	u, _ := url.Parse(sw.server)
	out := req.Clone(req.Context())
	out.URL.Scheme, out.URL.Host, out.Host = u.Scheme, u.Host, u.Host
	out.Body, out.ContentLength = io.NopCloser(bytes.NewReader(body)), int64(len(body))
	return http.DefaultClient.Do(out)
}

// leaks are what an answer must never show: they are internals. Random tokens (the
// anti-forgery token, tracking links) are removed first: their letters may spell them.
var leaks = []string{"sql", "sqlite", "goroutine", "runtime error", "/work/", ".go:"}

var randomTokens = regexp.MustCompile(`[A-Za-z0-9_-]{32,}`)

func (sw *sweeper) check(r sweepRoute, q sweepReq, status int, out, log string) {
	if status >= 500 {
		sw.fail(r, q, status, excerpt(out), log)
		return
	}
	if status >= 400 {
		low := strings.ToLower(out)
		for _, l := range leaks {
			if !strings.Contains(low, l) {
				continue
			}
			low = strings.ToLower(randomTokens.ReplaceAllString(out, ""))
			if i := strings.Index(low, l); i >= 0 {
				sw.fail(r, q, status, fmt.Sprintf("shows %q: …%s…", l, low[max(0, i-150):min(len(low), i+150)]), log)
				return
			}
		}
	}
}

// sweepFailure is a kind of failure (route, status, variant set) with its first example.
type sweepFailure struct {
	n       int
	example string
}

func (sw *sweeper) fail(r sweepRoute, q sweepReq, status int, out, log string) {
	target := q.path
	if q.query != "" {
		target += "?" + q.query
	}
	method := r.method
	if q.method != "" {
		method = q.method
	}
	class, _, _ := strings.Cut(q.variant, " ")
	key := fmt.Sprintf("%s %d %s", r.key(), status, class)
	f := sw.failures[key]
	if f == nil {
		f = &sweepFailure{example: fmt.Sprintf("%s [%.200s] as %s: %d\n\trequest: %s %.300s %v\n\tbody: %.300q\n\tanswer: %.600s\n\tlog: %.1500s",
			r.key(), q.variant, q.role, status, method, target, q.header, q.body, out, log)}
		sw.failures[key] = f
	}
	f.n++
}
