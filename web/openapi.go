package web

import (
	"encoding/json"
	"strings"
)

// An API area describes its routes in its own file (openapi_*.go) as a function returning
// an apiArea, listed once in apiAreas. The OpenAPI document (/api/v1/openapi.json) and the
// readable page (/api) are both built from these descriptions, and a test fails when a
// route under /api/v1 is registered but not described, or described but not registered.

// apiAreas returns every described area, in the order of the /api page.
func apiAreas() []apiArea {
	return []apiArea{apiAreaRegister(), apiAreaOtherRegisters(), apiAreaOpenData(), apiAreaRequests(), apiAreaAudits(), apiAreaWrite()}
}

// apiArea is a group of routes (an OpenAPI tag) with Polish and English names.
type apiArea struct {
	Tag    string // English tag name
	NamePL string
	DescPL string
	DescEN string
	Routes []apiRoute
}

// apiRoute describes one route: Path as registered in Fiber under /api/v1 (":id" params).
type apiRoute struct {
	Method    string // GET, POST, …
	Path      string // e.g. "/contracts/:id"
	SummaryPL string
	SummaryEN string
	DescPL    string
	DescEN    string
	Params    []apiParam
	Body      *apiBody // request body of writes
	Response  apiResponse
	Errors    []int // error statuses besides 200 (the body is the Error schema)
}

// apiParam is a path or query parameter.
type apiParam struct {
	Name     string
	In       string // "path" or "query"
	Type     string // "string", "integer", "boolean"
	Required bool
	Repeated bool // may be given several times (an array)
	DescPL   string
	DescEN   string
}

// apiBody is a request body.
type apiBody struct {
	ContentType string
	DescPL      string
	DescEN      string
	Schema      map[string]any
}

// apiResponse is the successful answer.
type apiResponse struct {
	Status      int    // 200 when zero
	ContentType string // "application/json" when empty
	DescPL      string
	DescEN      string
	Schema      map[string]any // JSON Schema of the body; {"type":"object"} when nil
}

// errorTexts name the error statuses in the document.
var errorTexts = map[int][2]string{
	304: {"Bez zmian od poprzedniego pobrania (żądanie warunkowe).", "Not modified since the client's copy (conditional request)."},
	400: {"Nieprawidłowy parametr.", "A parameter is invalid."},
	401: {"Wymagane zalogowanie lub token.", "Authentication required."},
	403: {"Brak uprawnień.", "Forbidden."},
	404: {"Nie znaleziono.", "Not found."},
	409: {"Konflikt ze stanem wpisu.", "Conflict with the entry's state."},
	413: {"Za duże żądanie.", "Request too large."},
	415: {"Treść nie jest w formacie JSON.", "The body is not JSON."},
	422: {"Błędy walidacji, z komunikatem dla każdego pola.", "Validation errors, with a message per field."},
	429: {"Za dużo żądań.", "Too many requests."},
}

// openAPIPath turns a Fiber path into an OpenAPI one: "/contracts/:id" → "/contracts/{id}".
func openAPIPath(p string) string {
	parts := strings.Split(p, "/")
	for i, s := range parts {
		if strings.HasPrefix(s, ":") {
			name, rest, _ := strings.Cut(s[1:], ".")
			parts[i] = "{" + name + "}"
			if rest != "" {
				parts[i] += "." + rest
			}
		}
	}
	return strings.Join(parts, "/")
}

// openAPIDocument builds the OpenAPI 3.1 document of the read and write API.
func openAPIDocument(serverURL string) map[string]any {
	paths := map[string]map[string]any{}
	var tags []map[string]any
	for _, a := range apiAreas() {
		tags = append(tags, map[string]any{"name": a.Tag, "description": a.DescEN, "x-name-pl": a.NamePL, "x-description-pl": a.DescPL})
		for _, r := range a.Routes {
			p := "/api/v1" + openAPIPath(r.Path)
			if paths[p] == nil {
				paths[p] = map[string]any{}
			}
			paths[p][strings.ToLower(r.Method)] = r.operation(a.Tag)
		}
	}
	doc := map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{
			"title":       "Jawność API",
			"version":     "1",
			"summary":     "Public registers of a city's companies: contracts, ledger, open data.",
			"description": "Reads are public and need no key; CORS is open. Money is integer grosze (1/100 PLN); dates are ISO 8601. Errors are JSON {\"error\":{\"code\",\"message\",\"fields\"}} with Polish messages. A readable description in Polish and English is at /api.",
			"license":     map[string]any{"name": "EUPL-1.2", "identifier": "EUPL-1.2"},
		},
		"tags":  tags,
		"paths": paths,
		"components": map[string]any{"schemas": map[string]any{"Error": map[string]any{
			"type": "object", "required": []string{"error"},
			"properties": map[string]any{"error": map[string]any{"type": "object", "required": []string{"code", "message"},
				"properties": map[string]any{
					"code":    map[string]any{"type": "string", "enum": []string{"invalid", "unauthorized", "forbidden", "not_found", "conflict", "too_large", "rate_limited", "internal"}},
					"message": map[string]any{"type": "string", "description": "Polish, safe to show"},
					"fields":  map[string]any{"type": "object", "additionalProperties": map[string]any{"type": "string"}},
				}}},
		}}},
	}
	if serverURL != "" {
		doc["servers"] = []map[string]any{{"url": serverURL}}
	}
	return doc
}

// operation is the OpenAPI operation object of a route.
func (r apiRoute) operation(tag string) map[string]any {
	op := map[string]any{
		"tags":             []string{tag},
		"operationId":      operationID(r.Method, r.Path),
		"summary":          r.SummaryEN,
		"description":      r.DescEN,
		"x-summary-pl":     r.SummaryPL,
		"x-description-pl": r.DescPL,
	}
	var params []map[string]any
	for _, p := range r.Params {
		schema := map[string]any{"type": p.Type}
		if p.Repeated {
			schema = map[string]any{"type": "array", "items": map[string]any{"type": p.Type}}
		}
		m := map[string]any{"name": p.Name, "in": p.In, "required": p.Required || p.In == "path",
			"description": p.DescEN, "x-description-pl": p.DescPL, "schema": schema}
		if p.Repeated {
			m["style"], m["explode"] = "form", true
		}
		params = append(params, m)
	}
	if params != nil {
		op["parameters"] = params
	}
	if r.Body != nil {
		op["requestBody"] = map[string]any{"required": true, "description": r.Body.DescEN,
			"content": map[string]any{r.Body.ContentType: map[string]any{"schema": orObject(r.Body.Schema)}}}
	}
	status, ct := r.Response.Status, r.Response.ContentType
	if status == 0 {
		status = 200
	}
	if ct == "" {
		ct = "application/json"
	}
	responses := map[string]any{itoa(status): map[string]any{"description": r.Response.DescEN, "x-description-pl": r.Response.DescPL,
		"content": map[string]any{ct: map[string]any{"schema": orObject(r.Response.Schema)}}}}
	for _, code := range r.Errors {
		t := errorTexts[code]
		resp := map[string]any{"description": t[1], "x-description-pl": t[0]}
		if code != 304 {
			resp["content"] = map[string]any{"application/json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Error"}}}
		}
		responses[itoa(code)] = resp
	}
	op["responses"] = responses
	return op
}

func orObject(s map[string]any) map[string]any {
	if s == nil {
		return map[string]any{"type": "object"}
	}
	return s
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// operationID is a stable id such as "getContractsIdOcdsJson".
func operationID(method, path string) string {
	var b strings.Builder
	b.WriteString(strings.ToLower(method))
	up := true
	for _, r := range path {
		switch {
		case r == '/' || r == ':' || r == '.' || r == '_' || r == '-':
			up = true
		case up:
			b.WriteString(strings.ToUpper(string(r)))
			up = false
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// FullPath is the route's path in OpenAPI form, with the /api/v1 prefix.
func (r apiRoute) FullPath() string { return "/api/v1" + openAPIPath(r.Path) }

// Anchor is the id of the route's section on the /api page.
func (r apiRoute) Anchor() string { return operationID(r.Method, r.Path) }

// Example is a link to try a GET route that takes no path parameter, else "".
func (r apiRoute) Example() string {
	if r.Method != "GET" || strings.Contains(r.Path, ":") {
		return ""
	}
	return r.FullPath()
}
