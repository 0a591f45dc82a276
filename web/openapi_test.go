package web_test

import (
	"encoding/json"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestOpenAPICoversRoutes walks the app's routes and the served OpenAPI document: every
// route under /api/v1 must be described and every described operation must exist.
func TestOpenAPICoversRoutes(t *testing.T) {
	e := mustOpenEnv(t, false)
	resp, body := e.do(t, "GET", "/api/v1/openapi.json")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Fatalf("openapi %q", doc.OpenAPI)
	}
	param := regexp.MustCompile(`\{([a-z_]+)\}`)
	described := map[string]bool{}
	for p, ops := range doc.Paths {
		for method, raw := range ops {
			var op struct {
				OperationID string                     `json:"operationId"`
				Summary     string                     `json:"summary"`
				SummaryPL   string                     `json:"x-summary-pl"`
				Responses   map[string]json.RawMessage `json:"responses"`
				Parameters  []struct {
					Name string `json:"name"`
					In   string `json:"in"`
				} `json:"parameters"`
			}
			if err := json.Unmarshal(raw, &op); err != nil {
				t.Fatal(err)
			}
			if op.OperationID == "" || op.Summary == "" || op.SummaryPL == "" || len(op.Responses) == 0 {
				t.Errorf("%s %s: needs an operationId, summaries in English and Polish and responses", method, p)
			}
			for _, m := range param.FindAllStringSubmatch(p, -1) {
				found := false
				for _, pp := range op.Parameters {
					found = found || (pp.In == "path" && pp.Name == m[1])
				}
				if !found {
					t.Errorf("%s %s: path parameter %s not described", method, p, m[1])
				}
			}
			described[strings.ToUpper(method)+" "+param.ReplaceAllString(p, ":$1")] = true
		}
	}
	registered := map[string]bool{}
	for _, r := range e.app.GetRoutes(true) {
		if r.Method == "HEAD" || !strings.HasPrefix(r.Path, "/api/v1/") {
			continue
		}
		registered[r.Method+" "+r.Path] = true
	}
	var missing, stale []string
	for r := range registered {
		if !described[r] {
			missing = append(missing, r)
		}
	}
	for r := range described {
		if !registered[r] {
			stale = append(stale, r)
		}
	}
	sort.Strings(missing)
	sort.Strings(stale)
	if len(missing) > 0 {
		t.Errorf("routes not described in the OpenAPI document (add them to web/openapi_*.go): %v", missing)
	}
	if len(stale) > 0 {
		t.Errorf("described in the OpenAPI document but not registered: %v", stale)
	}
	if len(registered) < 10 {
		t.Fatalf("only %d API routes found: %v", len(registered), registered)
	}
}

// TestAPIPage renders the description in Polish and English without JavaScript.
func TestAPIPage(t *testing.T) {
	e := mustOpenEnv(t, false)
	resp, body := e.do(t, "GET", "/api")
	if resp.StatusCode != 200 {
		t.Fatalf("status %d", resp.StatusCode)
	}
	for _, want := range []string{"<h1>API — opis interfejsu", `<code>GET /api/v1/contracts/{id}/ocds.json</code>`,
		"Umowa w standardzie OCDS 1.1", `<p lang="en"><strong>A contract as OCDS 1.1.</strong>`, `href="/api/v1/openapi.json"`,
		`<a href="/api/v1/ledger/head">`} {
		if !strings.Contains(body, want) {
			t.Errorf("/api lacks %q", want)
		}
	}
	if strings.Contains(body, "<script") {
		t.Error("/api uses a script")
	}
}
