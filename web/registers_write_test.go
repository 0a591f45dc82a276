package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestRegisterWriteAPI files, publishes, corrects, amends and withdraws expenses and ads
// through the write API: no token 401, another company's officer 403, bad content 422 with
// a Polish message per field, state conflicts 409; a session needs X-CSRF-Token.
func TestRegisterWriteAPI(t *testing.T) {
	e := mustOpenEnv(t, false)
	mpk := e.mustToken(t, "ewa.mpk", "officer", "mpk")
	wod := e.mustToken(t, "olek.wod", "officer", "wodociagi")
	const expense = `{"company":"mpk","publish":false,"spent_on":"2026-02-10","category":"donation","recipient":{"name":"Fundacja Pomocy","nip":"5260250995"},"amount_gross":150000,"purpose":"Darowizna na ferie dla dzieci"}`
	for _, tc := range []struct {
		name, token, body string
		status            int
		fields            []string
	}{
		{"no token", "", expense, 401, nil},
		{"another company's officer", wod, expense, 403, nil},
		{"unknown company", mpk, strings.Replace(expense, `"mpk"`, `"nie-ma"`, 1), 422, []string{"company"}},
		{"amount as text", mpk, strings.Replace(expense, `150000`, `"dużo"`, 1), 422, []string{"amount_gross"}},
		{"unknown key", mpk, strings.Replace(expense, `"purpose"`, `"cel"`, 1), 422, []string{"cel"}},
		{"bad fields", mpk, strings.Replace(strings.Replace(expense, `5260250995`, `1234567890`, 1), `donation`, `bribe`, 1), 422, []string{"recipient.nip", "category"}},
	} {
		resp, r := e.apiSend(t, "POST", "/api/v1/expenses", tc.token, tc.body)
		if resp.StatusCode != tc.status {
			t.Errorf("%s: status %d, want %d: %v", tc.name, resp.StatusCode, tc.status, r)
		}
		for _, f := range tc.fields {
			if msg, _ := r.errorFields()[f].(string); msg == "" {
				t.Errorf("%s: no message for %s: %v", tc.name, f, r)
			}
		}
	}
	resp, r := e.apiSend(t, "POST", "/api/v1/expenses", mpk, expense)
	if resp.StatusCode != 201 || r["status"] != "draft" {
		t.Fatalf("create draft: %d %v", resp.StatusCode, r)
	}
	base := fmt.Sprintf("/api/v1/expenses/%d", int64(r["id"].(float64)))
	if resp.Header.Get("Location") != base {
		t.Errorf("Location %q", resp.Header.Get("Location"))
	}
	if resp, _ := e.do(t, "GET", base); resp.StatusCode != 404 {
		t.Errorf("public sees the draft: %d", resp.StatusCode)
	}
	if resp, r := e.apiSend(t, "POST", base+"/publish", mpk, ""); resp.StatusCode != 200 || r["status"] != "published" {
		t.Fatalf("publish: %d %v", resp.StatusCode, r)
	}
	if resp, _ := e.apiSend(t, "POST", base+"/publish", mpk, ""); resp.StatusCode != http.StatusConflict {
		t.Errorf("publishing twice: %d", resp.StatusCode)
	}
	if resp, r := e.apiSend(t, "POST", base+"/corrections", mpk, `{"amount_gross":160000}`); resp.StatusCode != 422 || r.errorFields()["reason"] == nil {
		t.Errorf("correction without reason: %d %v", resp.StatusCode, r)
	}
	if resp, r := e.apiSend(t, "POST", base+"/corrections", wod, `{"amount_gross":160000,"reason":"x"}`); resp.StatusCode != 403 {
		t.Errorf("other officer corrects: %d %v", resp.StatusCode, r)
	}
	resp, r = e.apiSend(t, "POST", base+"/corrections", mpk, `{"amount_gross":160000,"reason":"Zła kwota"}`)
	if resp.StatusCode != 200 || r["version"].(float64) != 2 || r["amount_gross"].(float64) != 160000 || r["purpose"] != "Darowizna na ferie dla dzieci" {
		t.Errorf("correction: %d %v", resp.StatusCode, r)
	}
	if vs, _ := r["versions"].([]any); len(vs) != 2 {
		t.Errorf("versions after correction: %v", r["versions"])
	}
	if resp, r := e.apiSend(t, "POST", base+"/withdrawal", mpk, `{"reason":"Wpis zdublowany"}`); resp.StatusCode != 200 || r["status"] != "withdrawn" {
		t.Errorf("withdrawal: %d %v", resp.StatusCode, r)
	}
	if resp, _ := e.apiSend(t, "POST", base+"/corrections", mpk, `{"amount_gross":1,"reason":"po wycofaniu"}`); resp.StatusCode != http.StatusConflict {
		t.Errorf("change after withdrawal: %d", resp.StatusCode)
	}
	// An ad amended under an annex.
	const ad = `{"company":"mpk","publish":true,"outlet":{"name":"Radio Kraków","kind":"radio"},"campaign":"Nocne linie","content_kind":"advertisement","period_start":"2026-01-01","period_end":"2026-01-31","amount_gross":500000,"procedure":"direct_award"}`
	resp, r = e.apiSend(t, "POST", "/api/v1/ads", mpk, ad)
	if resp.StatusCode != 201 {
		t.Fatalf("ad: %d %v", resp.StatusCode, r)
	}
	adBase := fmt.Sprintf("/api/v1/ads/%d", int64(r["id"].(float64)))
	if resp, r := e.apiSend(t, "POST", adBase+"/amendments", mpk, `{"amount_gross":650000,"reason":"Dodatkowe emisje"}`); resp.StatusCode != 422 || r.errorFields()["annex_date"] == nil {
		t.Errorf("amendment without date: %d %v", resp.StatusCode, r)
	}
	if resp, r := e.apiSend(t, "POST", adBase+"/amendments", mpk, `{"amount_gross":650000,"annex_date":"2026-01-20","reason":"Dodatkowe emisje"}`); resp.StatusCode != 200 || r["amount_gross"].(float64) != 650000 {
		t.Errorf("ad amendment: %d %v", resp.StatusCode, r)
	}
	// A recruitment by a signed-in session: the anti-forgery header is required.
	b := e.mustLogin(t, "ewa.web", "officer", "mpk")
	send := func(csrf string) (*http.Response, string) {
		req := httptest.NewRequest("POST", "/api/v1/recruitments", strings.NewReader(`{"company":"mpk","body":"zarzad"}`))
		req.Header.Set("Content-Type", "application/json")
		if csrf != "" {
			req.Header.Set("X-CSRF-Token", csrf)
		}
		return b.do(t, e, req)
	}
	if resp, _ := send(""); resp.StatusCode != 403 {
		t.Errorf("session without X-CSRF-Token: %d", resp.StatusCode)
	}
	if resp, out := send(b.csrf); resp.StatusCode != 422 || !strings.Contains(out, `"body":`) || !strings.Contains(out, `"position":`) {
		t.Errorf("recruitment by session: %d %s", resp.StatusCode, out)
	}
}
