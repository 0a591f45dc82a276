package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"jawnosc/registry"
	"jawnosc/search"
)

// apiResult is a decoded JSON answer of the API.
type apiResult map[string]any

// errorFields returns the fields of an error answer.
func (r apiResult) errorFields() map[string]any {
	e, _ := r["error"].(map[string]any)
	f, _ := e["fields"].(map[string]any)
	return f
}

// errorMessage returns the message of an error answer.
func (r apiResult) errorMessage() string {
	e, _ := r["error"].(map[string]any)
	m, _ := e["message"].(string)
	return m
}

// apiSend sends a JSON body (body "" sends none) with a Bearer token (token "" sends none).
func (e *testEnv) apiSend(tb testing.TB, method, target, token, body string) (*http.Response, apiResult) {
	tb.Helper()
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := e.app.Test(req, -1)
	if err != nil {
		tb.Fatalf("%s %s: %v", method, target, err)
	}
	defer resp.Body.Close()
	var out apiResult
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		tb.Fatalf("%s %s: %d, not JSON: %v", method, target, resp.StatusCode, err)
	}
	return resp, out
}

// contractJSON is a valid create body for company slug.
func contractJSON(company, subject string, publish bool) string {
	b, _ := json.Marshal(map[string]any{
		"company": company, "publish": publish,
		"number": "API/1/2026", "signed_on": "2026-03-08", "subject": subject, "description": "Umowa z API.",
		"counterparty": map[string]any{"name": "Serwis Tramwajowy sp. z o.o.", "nip": "5260250274", "country": "PL", "town": "Kraków"},
		"value_net":    129_999_99, "value_gross": 159_899_99, "currency": "PLN", "procurement_mode": "quotation_below_threshold",
		"cpv": "34631000-9", "start_on": "2026-04-01", "end_on": "2026-12-31", "eu_funded": false,
	})
	return string(b)
}

func TestWriteAPIContractLifecycle(t *testing.T) {
	e := mustOpenEnv(t, false)
	token := e.mustToken(t, "anna", registry.RoleOfficer, "mpk")

	// A draft: 201, Location, the GET shape.
	resp, r := e.apiSend(t, "POST", "/api/v1/contracts", token, contractJSON("mpk", "Dostawa szyn tramwajowych", false))
	if resp.StatusCode != http.StatusCreated || r["status"] != "draft" || r["company"] != "mpk" || r["subject"] != "Dostawa szyn tramwajowych" {
		t.Fatalf("create draft: %d %v", resp.StatusCode, r)
	}
	id := int64(r["id"].(float64))
	loc := resp.Header.Get("Location")
	if loc != "/api/v1/contracts/"+itoa(id) {
		t.Fatalf("Location %q", loc)
	}
	if cp := r["counterparty"].(map[string]any); cp["nip"] != "5260250274" || r["value_net"].(float64) != 129_999_99 {
		t.Fatalf("content: %v", r)
	}
	// The public does not see the draft.
	if resp, _ := e.do(t, "GET", loc); resp.StatusCode != http.StatusNotFound {
		t.Fatalf("public GET of a draft: %d", resp.StatusCode)
	}
	// Amending a draft is a conflict.
	resp, r = e.apiSend(t, "POST", loc+"/amendments", token, `{"reason":"Aneks","annex_date":"2026-03-20","value_net":1}`)
	if resp.StatusCode != http.StatusConflict {
		t.Fatalf("amend a draft: %d %v", resp.StatusCode, r)
	}
	// Publish (no body needed), then publishing twice is a conflict.
	resp, r = e.apiSend(t, "POST", loc+"/publish", token, "")
	if resp.StatusCode != http.StatusOK || r["status"] != "published" || r["published_at"] == nil {
		t.Fatalf("publish: %d %v", resp.StatusCode, r)
	}
	resp, r = e.apiSend(t, "POST", loc+"/publish", token, "{}")
	if resp.StatusCode != http.StatusConflict || r.errorMessage() != "Ten wpis jest już opublikowany." {
		t.Fatalf("publish twice: %d %v", resp.StatusCode, r)
	}
	// An amendment sends only what changed; the rest is kept.
	resp, r = e.apiSend(t, "POST", loc+"/amendments", token, `{"value_net": 150000000, "value_gross": 184500000, "annex_date": "2026-03-20", "reason": "Aneks nr 1: dodatkowe odcinki"}`)
	if resp.StatusCode != http.StatusOK || r["version"].(float64) != 2 || r["value_net"].(float64) != 150000000 || r["subject"] != "Dostawa szyn tramwajowych" {
		t.Fatalf("amend: %d %v", resp.StatusCode, r)
	}
	if am := r["amendments"].([]any); len(am) != 1 {
		t.Fatalf("amendments: %v", r["amendments"])
	}
	// A correction may send back an edited GET answer (server-computed keys are ignored),
	// but cannot move the contract to another company.
	_, got := e.apiSend(t, "GET", loc, "", "")
	got["number"] = "API/1/2026/K"
	got["reason"] = "Błędny numer umowy"
	got["company"] = "wodociagi"
	b, _ := json.Marshal(got)
	resp, r = e.apiSend(t, "POST", loc+"/corrections", token, string(b))
	if resp.StatusCode != http.StatusUnprocessableEntity || r.errorFields()["company"] == nil {
		t.Fatalf("correction moving the company: %d %v", resp.StatusCode, r)
	}
	got["company"] = "mpk"
	b, _ = json.Marshal(got)
	resp, r = e.apiSend(t, "POST", loc+"/corrections", token, string(b))
	if resp.StatusCode != http.StatusOK || r["version"].(float64) != 3 || r["number"] != "API/1/2026/K" {
		t.Fatalf("correction: %d %v", resp.StatusCode, r)
	}
	// A correction needs a reason and a change.
	resp, r = e.apiSend(t, "POST", loc+"/corrections", token, `{"reason": "Bez zmian"}`)
	if resp.StatusCode != http.StatusUnprocessableEntity || r.errorFields()["reason"] == nil {
		t.Fatalf("correction without a change: %d %v", resp.StatusCode, r)
	}
	// Withdrawal, then nothing more.
	resp, r = e.apiSend(t, "POST", loc+"/withdrawal", token, `{"reason": "Umowa rozwiązana przed wykonaniem"}`)
	if resp.StatusCode != http.StatusOK || r["status"] != "withdrawn" || r["withdrawn_reason"] != "Umowa rozwiązana przed wykonaniem" {
		t.Fatalf("withdraw: %d %v", resp.StatusCode, r)
	}
	resp, _ = e.apiSend(t, "POST", loc+"/withdrawal", token, `{"reason": "Jeszcze raz"}`)
	if resp.StatusCode != http.StatusConflict {
		t.Fatalf("withdraw twice: %d", resp.StatusCode)
	}
	// The public page shows every version.
	resp, body := e.do(t, "GET", "/umowy/"+itoa(id))
	if resp.StatusCode != 200 || !strings.Contains(body, "Aneks nr 1: dodatkowe odcinki") || !strings.Contains(body, "Błędny numer umowy") {
		t.Fatalf("public page: %d", resp.StatusCode)
	}

	// Published at once, and found by the real index once it catches up.
	resp, r = e.apiSend(t, "POST", "/api/v1/contracts", token, contractJSON("mpk", "Modernizacja pętli Czerwone Maki", true))
	if resp.StatusCode != http.StatusCreated || r["status"] != "published" {
		t.Fatalf("create published: %d %v", resp.StatusCode, r)
	}
	if _, err := search.NewIndexer(e.index, search.StoreSource{Store: e.store}, nil).CatchUp(context.Background()); err != nil {
		t.Fatal(err)
	}
	_, sr := e.apiSend(t, "GET", "/api/v1/search?q=czerwone+maki", "", "")
	if sr["total"].(float64) != 1 {
		t.Fatalf("search after publishing: %v", sr)
	}
}

func TestWriteAPIErrors(t *testing.T) {
	e := mustOpenEnv(t, false)
	token := e.mustToken(t, "anna", registry.RoleOfficer, "mpk")
	cases := []struct {
		name, token, body, ctype string
		status                   int
		fields                   []string // expected keys of error.fields
		message                  string   // part of error.message
	}{
		{"no token", "", contractJSON("mpk", "X", false), "", 401, nil, "Zaloguj się"},
		{"wrong token", "jaw_niepoprawny", contractJSON("mpk", "X", false), "", 401, nil, "token"},
		{"company of another officer", token, contractJSON("wodociagi", "X", false), "", 403, nil, "uprawnień"},
		{"unknown company", token, contractJSON("nie-ma", "X", false), "", 422, []string{"company"}, ""},
		{"no company", token, `{"subject":"X"}`, "", 422, []string{"company"}, ""},
		{"malformed JSON", token, `{"subject": "X",`, "", 400, nil, "nie jest poprawnym JSON-em"},
		{"not an object", token, `["x"]`, "", 400, nil, "obiektem JSON"},
		{"not JSON", token, `subject=X`, "application/x-www-form-urlencoded", 415, nil, "Content-Type: application/json"},
		{"unknown keys", token, strings.Replace(contractJSON("mpk", "X", false), `"company"`, `"kolor":"zielony","counterparty_nip":"1","Subject":"Y","company"`, 1), "", 422,
			[]string{"kolor", "counterparty_nip", "Subject"}, "Popraw"},
		{"nested unknown key", token, strings.Replace(contractJSON("mpk", "X", false), `"country"`, `"ulica":"Długa","country"`, 1), "", 422, []string{"counterparty.ulica"}, ""},
		{"wrong types", token, strings.Replace(strings.Replace(contractJSON("mpk", "X", false), `12999999`, `"129 999,99 zł"`, 1), `false`, `"nie"`, 1), "", 422,
			[]string{"value_net", "eu_funded"}, ""},
		{"bad date", token, strings.Replace(contractJSON("mpk", "X", false), `"2026-03-08"`, `"32.13.2026"`, 1), "", 422, []string{"signed_on"}, ""},
		{"validation", token, strings.Replace(strings.Replace(contractJSON("mpk", "", false), `5260250274`, `1234567890`, 1), `"quotation_below_threshold"`, `"przetarg"`, 1), "", 422,
			[]string{"subject", "counterparty.nip", "procurement_mode"}, ""},
		{"too large", token, `{"description":"` + strings.Repeat("a", 300<<10) + `"}`, "", 413, nil, "zbyt duże"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			req := httptest.NewRequest("POST", "/api/v1/contracts", strings.NewReader(tc.body))
			ct := tc.ctype
			if ct == "" {
				ct = "application/json; charset=utf-8"
			}
			req.Header.Set("Content-Type", ct)
			if tc.token != "" {
				req.Header.Set("Authorization", "Bearer "+tc.token)
			}
			resp, err := e.app.Test(req, -1)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var r apiResult
			if err := json.NewDecoder(resp.Body).Decode(&r); err != nil {
				t.Fatalf("%d, not JSON: %v", resp.StatusCode, err)
			}
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %v", resp.StatusCode, tc.status, r)
			}
			f := r.errorFields()
			if len(f) != len(tc.fields) {
				t.Fatalf("fields %v, want %v", f, tc.fields)
			}
			for _, k := range tc.fields {
				if m, _ := f[k].(string); m == "" {
					t.Fatalf("no Polish message for %q: %v", k, f)
				}
			}
			if !strings.Contains(r.errorMessage(), tc.message) {
				t.Fatalf("message %q, want %q", r.errorMessage(), tc.message)
			}
		})
	}
	// Nothing of the above was filed.
	n, err := e.store.CountPublicContracts(context.Background())
	if err != nil || n != 30 {
		t.Fatalf("contracts after refused writes: %d %v", n, err)
	}
}

func TestWriteAPIWithSession(t *testing.T) {
	e := mustOpenEnv(t, false)
	b := e.mustLogin(t, "anna", registry.RoleOfficer, "mpk")
	send := func(csrf string) int {
		req := httptest.NewRequest("POST", "/api/v1/contracts", strings.NewReader(contractJSON("mpk", "Z sesji", false)))
		req.Header.Set("Content-Type", "application/json")
		if csrf != "" {
			req.Header.Set("X-CSRF-Token", csrf)
		}
		resp, _ := b.do(t, e, req)
		return resp.StatusCode
	}
	if st := send(""); st != http.StatusForbidden {
		t.Fatalf("session without X-CSRF-Token: %d", st)
	}
	if st := send("zły-token"); st != http.StatusForbidden {
		t.Fatalf("session with a forged X-CSRF-Token: %d", st)
	}
	if st := send(b.csrf); st != http.StatusCreated {
		t.Fatalf("session with X-CSRF-Token: %d", st)
	}
}

func itoa(n int64) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestWriteAPIOtherRegisters(t *testing.T) {
	e := mustOpenEnv(t, false)
	token := e.mustToken(t, "anna", registry.RoleOfficer, "mpk")
	for _, r := range matrixRegisters() {
		t.Run(r.api, func(t *testing.T) {
			content, _ := json.Marshal(r.content)
			body := `{"company":"mpk",` + string(content[1:])
			resp, got := e.apiSend(t, "POST", "/api/v1/"+r.api, token, body)
			if resp.StatusCode != http.StatusCreated || got["status"] != "draft" || got["company"] != "mpk" {
				t.Fatalf("create: %d %v", resp.StatusCode, got)
			}
			loc := resp.Header.Get("Location")
			if loc != "/api/v1/"+r.api+"/"+itoa(int64(got["id"].(float64))) {
				t.Fatalf("Location %q", loc)
			}
			if resp, _ := e.do(t, "GET", loc); resp.StatusCode != http.StatusNotFound {
				t.Fatalf("public GET of a draft: %d", resp.StatusCode)
			}
			if resp, got = e.apiSend(t, "POST", loc+"/publish", token, ""); resp.StatusCode != 200 || got["status"] != "published" {
				t.Fatalf("publish: %d %v", resp.StatusCode, got)
			}
			resp, got = e.apiSend(t, "POST", loc+"/corrections", token, `{"`+r.changeKey+`":"Poprawiona treść","reason":"Literówka","kolor":"x"}`)
			if resp.StatusCode != http.StatusUnprocessableEntity || got.errorFields()["kolor"] != "Nieznane pole." {
				t.Fatalf("unknown key: %d %v", resp.StatusCode, got)
			}
			resp, got = e.apiSend(t, "POST", loc+"/corrections", token, `{"`+r.changeKey+`":"Poprawiona treść","reason":"Literówka"}`)
			if resp.StatusCode != 200 || got["version"].(float64) != 2 || got[r.changeKey] != "Poprawiona treść" {
				t.Fatalf("correction: %d %v", resp.StatusCode, got)
			}
			if vs, _ := got["versions"].([]any); len(vs) != 2 {
				t.Fatalf("versions: %v", got["versions"])
			}
			resp, pub := e.apiSend(t, "GET", loc, "", "")
			if resp.StatusCode != 200 || pub[r.changeKey] != "Poprawiona treść" {
				t.Fatalf("public GET: %d %v", resp.StatusCode, pub)
			}
		})
	}
}
