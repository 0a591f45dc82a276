package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"jawnosc/registry"
)

// The variant sets of the sweep and how many of each a role gets.

// depth is how much of each variant set a role sends to a route.
type depth int

const (
	// shallow: the route refuses the role with real values (401, 403 or 404), before its
	// input matters: a few variants of each set.
	shallow depth = iota
	// wide: the route lets the role through: every path and query variant, the whole
	// malformed bodies and part of the all-fields-hostile ones.
	wide
	// full: the first role the route lets through: every variant, also each field,
	// property and query parameter alone.
	full
)

// pick returns the first n values of a set when d is below at, and all of them otherwise.
func pick[T any](d, at depth, set []T, n int) []T {
	if d < at && n < len(set) {
		return set[:n]
	}
	return set
}

// sweep sends every variant set of a route, role by role, each on a new session (a variant
// may sign it out). Writes act on new entries for each role (see prepare).
func (sw *sweeper) sweep(r sweepRoute) {
	write := r.method != http.MethodGet
	statuses := map[string]int{}
	for _, role := range sweepRoles {
		if !write {
			status, ok := sw.plain[role+" "+r.key()]
			if !ok {
				sw.t.Fatalf("%s was not opened as %s during discovery", r.key(), role)
			}
			if status == http.StatusUnauthorized && role != registry.RolePublic {
				sw.t.Fatalf("%s as %s: 401, the session or token of the fixture no longer works", r.key(), role)
			}
			statuses[role] = status
			continue
		}
		sw.prepare(role, r)
		ct, body := sw.neutralBody(r)
		statuses[role], _ = sw.send(role, r, "plain", sw.concrete(r, "", ""), sw.goodQuery(r), ct, sw.withCSRF(role, ct, body))
	}
	depths := sw.depths(r, statuses)
	for _, role := range sweepRoles {
		sw.prepare(role, r)
		d := depths[role]
		if d == full {
			sw.deep[r.key()] = role
		}
		ct, body := sw.neutralBody(r)
		sw.sweepPath(role, r, ct, body, d)
		if d == full {
			sw.sweepHeaders(role, r, ct, sw.withCSRF(role, ct, body))
			sw.sweepMethods(role, r, ct, sw.withCSRF(role, ct, body))
		}
		if write {
			sw.sweepBody(role, r, d)
		} else {
			sw.sweepQuery(role, r, d)
		}
	}
}

// prepare renews the role's session and, for a write, files new entries for it to act on
// (see sweepEnv.fresh) and opens again the page of its form.
func (sw *sweeper) prepare(role string, r sweepRoute) {
	sw.renew(role)
	if r.method == http.MethodGet {
		return
	}
	if len(r.params) > 0 {
		sw.e.fresh(sw.t, routeKind(r.path))
	}
	delete(sw.form, r.key())
	if !r.api() {
		if f, ok := sw.currentForm(r); ok {
			sw.form[r.key()] = f
		}
	}
}

// refused reports whether a plain request's status says the route refuses the role
// before its input matters.
func refused(status int) bool {
	return status == http.StatusUnauthorized || status == http.StatusForbidden || status == http.StatusNotFound
}

// depths decides how much each role sends (see depth) from the statuses of the plain
// requests. The first role the route lets through sends everything. When the route
// refuses every role (sign-in with wrong credentials, a file that is not there), the
// officer sends it wide. A public read is swept wide as the officer too, and shallow as
// the other roles, who see the same page.
func (sw *sweeper) depths(r sweepRoute, statuses map[string]int) map[string]depth {
	out := map[string]depth{}
	first := ""
	for _, role := range sweepRoles {
		if !refused(statuses[role]) && first == "" {
			first = role
		}
	}

	publicRead := r.method == http.MethodGet && !refused(statuses[registry.RolePublic])
	for _, role := range sweepRoles {
		switch {
		case role == first:
			out[role] = full
		case first == "" && role == registry.RoleOfficer:
			out[role] = wide
		case refused(statuses[role]):
			out[role] = shallow
		case publicRead && role != registry.RoleOfficer:
			out[role] = shallow
		default:
			out[role] = wide
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// neutralBody is the body sent with path variants: the page's form for a form route, {}
// for the API, nothing for a read.
func (sw *sweeper) neutralBody(r sweepRoute) (string, []byte) {
	if r.method == http.MethodGet {
		return "", nil
	}
	if r.api() {
		if props := schemaProps(sw.doc.bodies[r.pattern()]); len(props) > 0 {
			return "application/json", mustJSON(sw.validJSON(r, props))
		}
		return "application/json", []byte("{}")
	}
	f, _ := sw.formOf(r)
	v, _ := f.values()
	return "application/x-www-form-urlencoded", encodeForm(v)
}

// withCSRF sets the role's anti-forgery token in a url-encoded form body.
func (sw *sweeper) withCSRF(role, contentType string, body []byte) []byte {
	if contentType != "application/x-www-form-urlencoded" {
		return body
	}
	v, err := url.ParseQuery(string(body))
	if err != nil {
		return append([]byte("_csrf="+url.QueryEscape(sw.clients[role].csrf)+"&"), body...)
	}
	v.Set("_csrf", sw.clients[role].csrf)
	return encodeForm(v)
}

// formOf returns the form the app's pages send to the route (see currentForm); a route no
// page links to gets a form of every field name seen, and false.
func (sw *sweeper) formOf(r sweepRoute) (htmlForm, bool) {
	if f, ok := sw.form[r.key()]; ok {
		return f, true
	}
	all := map[string]formField{}
	for _, f := range sw.forms {
		for _, ff := range f.fields {
			all[ff.name] = formField{name: ff.name, kind: ff.kind}
		}
	}
	f := htmlForm{method: r.method, action: r.path}
	for _, k := range sortedKeys(all) {
		f.fields = append(f.fields, all[k])
	}
	return f, false
}

// sweepPath sends junk in each path parameter, and (full) junk after the path.
func (sw *sweeper) sweepPath(role string, r sweepRoute, contentType string, body []byte, d depth) {
	q := sw.goodQuery(r)
	body = sw.withCSRF(role, contentType, body)
	for _, p := range r.params {
		for _, j := range pick(d, wide, pathJunk, 4) {
			sw.send(role, r, "path "+p+"="+j, sw.concrete(r, p, j), q, contentType, body)
		}
	}
	if d == full {
		for _, s := range pathSuffixes {
			sw.send(role, r, "suffix "+s, sw.concrete(r, "", "")+s, q, contentType, body)
		}
	}
}

// headerJunk are hostile request headers, a set per request: conditional requests, ranges
// and content negotiation, cookies and credentials that are not ours, proxy headers.
var headerJunk = []http.Header{
	{"If-None-Match": {`"abc`}, "If-Modified-Since": {"Mon, 32 Foo 99999 25:61:61 GMT"}, "If-Unmodified-Since": {"abc"}, "If-Match": {"abc"},
		"Range": {"bytes=abc"}, "Accept-Encoding": {"gzip;q=abc, br;q=-1, zstd, *"}, "Accept": {"application/json;q=x, */*"}, "Accept-Language": {"%00;q=2"}},
	{"If-None-Match": {`*, W/"", "", ` + strings.Repeat("x", 1500)}, "If-Modified-Since": {"Thu, 01 Jan 1970 00:00:00 GMT"},
		"If-Range": {"abc"}, "Range": {"bytes=99999999999999999999-, -1-2, 5-1"}, "Accept-Encoding": {"deflate, gzip, br"}},
	{"Cookie": {"jawnosc_sesja=" + strings.Repeat("A", 43) + "; jawnosc_sesja=%00%C3%28; jawnosc_csrf=" + strings.Repeat("A", 43)}},
	{"Authorization": {"Bearer " + strings.Repeat("ż", 100)}},
	{"Authorization": {"Basic Zm9vOmJhcg=="}},
	{"X-Csrf-Token": {"%00"}, "X-Forwarded-For": {"abc, ::::, 999.1.1.1"}, "X-Real-Ip": {"abc"}, "Origin": {"null"}, "Referer": {"%zz"}},
}

// sweepHeaders sends the route's request with hostile headers, and again with the
// validators of its answer (a conditional request the app must answer 304 or in full).
func (sw *sweeper) sweepHeaders(role string, r sweepRoute, contentType string, body []byte) {
	path, query := sw.concrete(r, "", ""), sw.goodQuery(r)
	for i, h := range headerJunk {
		sw.do(r, sweepReq{role: role, variant: fmt.Sprintf("header set %d", i+1), path: path, query: query, contentType: contentType, body: body, header: h})
	}
	if r.method != http.MethodGet {
		return
	}
	_, _, got := sw.do(r, sweepReq{role: role, variant: "plain", path: path, query: query})
	cond := http.Header{}
	if v := got.Get("ETag"); v != "" {
		cond.Set("If-None-Match", v+`, "abc`)
	}
	if v := got.Get("Last-Modified"); v != "" {
		cond.Set("If-Modified-Since", v)
	}
	if len(cond) > 0 {
		sw.do(r, sweepReq{role: role, variant: "header validators", path: path, query: query, header: cond})
	}
}

// otherMethods are sent to every route (those it is not registered for).
var otherMethods = []string{http.MethodHead, http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete, http.MethodOptions, "TRACE", "PROPFIND"}

// sweepMethods sends the route's path with other methods.
func (sw *sweeper) sweepMethods(role string, r sweepRoute, contentType string, body []byte) {
	path, query := sw.concrete(r, "", ""), sw.goodQuery(r)
	for _, m := range otherMethods {
		if m != r.method {
			sw.do(r, sweepReq{role: role, variant: "method " + m, method: m, path: path, query: query, contentType: contentType, body: body})
		}
	}
}

// queryNamesOf are the query parameters attacked on a route: the usual names, those of
// the route's filter forms and those the OpenAPI document lists.
func (sw *sweeper) queryNamesOf(r sweepRoute) []string {
	set := map[string]bool{}
	for _, n := range queryNames {
		set[n] = true
	}
	for n := range sw.getForms[sw.concrete(r, "", "")] {
		set[n] = true
	}
	for _, n := range sw.doc.query[r.pattern()] {
		set[n] = true
	}
	return sortedKeys(set)
}

// sweepQuery sends junk query strings to a read: every parameter junk at once, each
// parameter the route reads (see usedQueryNames) junk alone, malformed search syntax and
// malformed query strings.
func (sw *sweeper) sweepQuery(role string, r sweepRoute, d depth) {
	path, base := sw.concrete(r, "", ""), sw.goodQuery(r)
	join := func(q string) string {
		if base == "" {
			return q
		}
		return base + "&" + q
	}
	names := sw.queryNamesOf(r)
	for _, j := range pick(d, wide, pick(d, full, queryAllJunk, 2), 1) {
		var parts []string
		for _, n := range names {
			parts = append(parts, n+"="+j)
		}
		sw.send(role, r, "query all="+j, path, join(strings.Join(parts, "&")), "", nil)
	}
	if d == shallow {
		return
	}
	if d == full {
		sw.used[r.key()] = sw.usedQueryNames(role, r, names, join)
	}
	used := sw.used[r.key()]
	for _, n := range used {
		for _, j := range queryJunk {
			sw.send(role, r, "query "+n+"="+j, path, join(n+"="+j), "", nil)
		}
	}
	if d < full {
		return
	}
	search := searchJunk[:1]
	if contains(used, "q") {
		search = searchJunk
	}
	for _, j := range search {
		sw.send(role, r, "search q="+j, path, join("q="+j), "", nil)
	}
	for _, q := range rawQueries {
		sw.send(role, r, "raw query "+q, path, join(q), "", nil)
	}
}

// queryProbe is the value that finds the parameters a route reads.
const queryProbe = "zz%C3%28%00"

// usedQueryNames returns the parameters the route reads: those whose probe value changes
// the answer (status, or body: for a binary body its length) from the answer without it.
// Halves of the list are probed at once, and only a half that changes the answer is split
// further.
func (sw *sweeper) usedQueryNames(role string, r sweepRoute, names []string, join func(string) string) []string {
	path := sw.concrete(r, "", "")
	status, plain := sw.send(role, r, "plain", path, sw.goodQuery(r), "", nil)
	var find func(names []string) []string
	find = func(names []string) []string {
		if len(names) == 0 {
			return nil
		}
		var parts []string
		for _, n := range names {
			parts = append(parts, n+"="+queryProbe)
		}
		st, body := sw.send(role, r, "probe "+strings.Join(names, ","), path, join(strings.Join(parts, "&")), "", nil)
		if st == status && sameAnswer(withoutEcho(body, names), plain) {
			return nil
		}
		if len(names) == 1 {
			return names
		}
		return append(find(names[:len(names)/2]), find(names[len(names)/2:])...)
	}
	return find(names)
}

// withoutEcho removes from a page the probed parameters that links carry over (pagination
// keeps the query string), so that only a parameter the route reads changes the answer.
func withoutEcho(body string, names []string) string {
	for _, amp := range []string{"&amp;", `\u0026`, "&"} {
		for _, n := range names {
			body = strings.ReplaceAll(body, n+"="+queryProbe+amp, "")
		}
		for _, n := range names {
			body = strings.ReplaceAll(body, "?"+n+"="+queryProbe, "")
			body = strings.ReplaceAll(body, amp+n+"="+queryProbe, "")
		}
	}
	return body
}

// sameAnswer compares two bodies: text exactly, binary documents (PDF, gzip) by length,
// since they carry the time they were made.
func sameAnswer(a, b string) bool {
	if strings.HasPrefix(a, "%PDF") || strings.HasPrefix(a, "\x1f\x8b") {
		return len(a) == len(b)
	}
	return a == b
}

// contentTypes are sent with a body that fits none of them.
var contentTypes = []string{"", "multipart/form-data", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=zzz", "application/xml"}

// sweepBody sends hostile bodies to a write: bodies that are not JSON objects, wrong
// content types, and the route's JSON or form variants.
func (sw *sweeper) sweepBody(role string, r sweepRoute, d depth) {
	path, q := sw.concrete(r, "", ""), sw.goodQuery(r)
	for _, b := range pick(d, full, jsonRaw, 5) {
		sw.send(role, r, fmt.Sprintf("json raw %.30q", b), path, q, "application/json", []byte(b))
	}
	for _, ct := range pick(d, full, contentTypes, 2) {
		sw.send(role, r, "content type "+ct, path, q, ct, []byte("%zz=%&&&=\x00"))
	}
	if ct := sw.doc.raw[r.pattern()]; ct != "" {
		sw.sweepUpload(role, r, path, ct, d)
	} else if r.api() {
		sw.sweepJSON(role, r, path, q, d)
	} else {
		sw.sweepForm(role, r, path, q, d)
	}
}

// sweepUpload sends files that are not what an upload route takes, under hostile names
// (the query parameters the OpenAPI document lists).
func (sw *sweeper) sweepUpload(role string, r sweepRoute, path, contentType string, d depth) {
	for i, jf := range pick(d, wide, junkFiles, 2) {
		var q []string
		for _, n := range sw.doc.query[r.pattern()] {
			q = append(q, n+"="+url.QueryEscape(jf.name))
			if i%2 == 1 {
				q[len(q)-1] = n + "=" + pathJunk[i%len(pathJunk)]
			}
		}
		sw.send(role, r, "upload "+jf.name, path, strings.Join(q, "&"), contentType, jf.data)
	}
}

// sweepJSON sends JSON bodies built from the route's schema in the OpenAPI document (for a
// route without one: every property any schema names): wrong types and hostile values in
// every property at once, an oversized body, and (full) each property hostile alone in a
// valid body.
func (sw *sweeper) sweepJSON(role string, r sweepRoute, path, q string, d depth) {
	schema := sw.doc.bodies[r.pattern()]
	props := schemaProps(schema)
	if len(props) == 0 {
		for _, s := range sw.doc.bodies {
			for k, p := range schemaProps(s) {
				props[k] = p
			}
		}
		schema = map[string]any{"type": "object", "properties": anyMap(props)}
	}
	names := sortedKeys(props)
	send := func(variant string, v any) {
		sw.send(role, r, variant, path, q, "application/json", mustJSON(v))
	}
	for _, w := range pick(d, wide, wrongTypes, 2) {
		obj := map[string]any{}
		for _, n := range names {
			obj[n] = w
		}
		send(fmt.Sprintf("json all=%v", w), obj)
	}
	for _, s := range pick(d, full, hostileStrings, 5) {
		send(fmt.Sprintf("json all strings=%.20q", s), hostileObject(schema, s))
	}
	if d < full {
		return
	}
	big := map[string]any{}
	for _, n := range names {
		big[n] = strings.Repeat("ż", (512<<10)/len(names))
	}
	send("json oversized", big)
	base := sw.validJSON(r, props)
	for _, n := range names {
		for _, v := range hostileValues(props[n]) {
			obj := map[string]any{}
			for k, bv := range base {
				obj[k] = bv
			}
			obj[n] = v
			send(fmt.Sprintf("json %s=%.40v", n, v), obj)
		}
	}
}

func anyMap(m map[string]map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range m {
		out[k] = v
	}
	return out
}

// validJSON is a plausible body for an API write: the entry it acts on (or, for a new
// one, the entry the other routes act on) as the API reads it, with the keys the route's
// schema has.
func (sw *sweeper) validJSON(r sweepRoute, props map[string]map[string]any) map[string]any {
	family := strings.SplitN(strings.TrimPrefix(r.path, "/api/v1/"), "/", 2)[0]
	read := sweepRoute{method: http.MethodGet, path: "/api/v1/" + family + "/:id", params: []string{"id"}}
	id := sw.e.goodValue(r.method, r.path, "id")
	if len(r.params) == 0 {
		id = sw.e.goodValue(read.method, read.path, "id")
	}
	out := map[string]any{}
	resp, body := sw.e.do(sw.t, "GET", "/api/v1/"+family+"/"+id)
	if resp.StatusCode != 200 {
		return out
	}
	var got map[string]any
	if err := jsonUnmarshal(body, &got); err != nil {
		return out
	}
	for k := range props {
		if v, ok := got[k]; ok {
			out[k] = v
		}
	}
	if _, ok := props["token"]; ok && len(r.params) > 0 {
		out["token"] = sw.e.tokenFor(id)
	}
	return out
}

// sweepForm sends url-encoded and multipart forms built from the page's form for the route:
// hostile values in every field at once, repeated and missing fields, files that are not
// PDFs, and (full) each field hostile alone over the page's values.
func (sw *sweeper) sweepForm(role string, r sweepRoute, path, q string, d depth) {
	f, found := sw.formOf(r)
	base, files := f.values()
	base.Del("_csrf")
	csrf := sw.clients[role].csrf
	sendForm := func(variant string, v url.Values) {
		v = with(v)
		v.Set("_csrf", csrf)
		sw.send(role, r, variant, path, q, "application/x-www-form-urlencoded", encodeForm(v))
	}
	var names []string
	for _, ff := range f.fields {
		if ff.kind != "file" && ff.name != "_csrf" && !contains(names, ff.name) {
			names = append(names, ff.name)
		}
	}
	for _, s := range pick(d, full, hostileStrings, 3) {
		v := url.Values{}
		for _, n := range names {
			v.Set(n, s)
		}
		sendForm(fmt.Sprintf("form all=%.20q", s), v)
	}
	if len(files) == 0 {
		files = []string{"file", "pdf", "plik", "original", "redacted", "documents"}
	}
	for _, jf := range pick(d, wide, junkFiles, 1) {
		fields := with(base)
		fields.Set("_csrf", csrf)
		b, ct := multipartBody(fields, files, jf.name, jf.contentType, jf.data)
		if status, page := sw.send(role, r, "multipart "+jf.name, path, q, ct, b); status == http.StatusOK {
			sw.learnForms(page, r, role) // an import's preview has the confirmation form
		}
	}
	if d < full || !found {
		return
	}
	rep := url.Values{}
	for _, n := range names {
		rep[n] = []string{"1", "2", "", "abc"}
	}
	sendForm("form repeated", rep)
	sendForm("form empty", url.Values{})
	for _, n := range names {
		for _, j := range append(typedValues(n), fieldJunk...) {
			sendForm(fmt.Sprintf("form %s=%.20q", n, j), with(base, n, j))
		}
	}
}
