package web_test

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// apiSend sends a JSON body with an optional Bearer token.
func (e *testEnv) apiSend(tb testing.TB, method, target, token, body string) (int, string) {
	tb.Helper()
	req := httptest.NewRequest(method, target, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	b := &browser{}
	resp, out := b.do(tb, e, req)
	return resp.StatusCode, out
}

func TestRegisterWriteAPI(t *testing.T) {
	e := mustOpenEnv(t, false)
	mpk := e.mustToken(t, "ewa.mpk", "officer", "mpk")
	wod := e.mustToken(t, "olek.wod", "officer", "wodociagi")
	const expense = `{"company":"mpk","publish":false,"spent_on":"2026-02-10","category":"donation","recipient":{"name":"Fundacja Pomocy","nip":"5260250995"},"amount_gross":150000,"purpose":"Darowizna na ferie dla dzieci"}`
	for _, tc := range []struct {
		name, token, body string
		status            int
		want              []string
	}{
		{"no token", "", expense, 401, []string{`"code":"unauthorized"`}},
		{"wrong token", "nie-ma-takiego", expense, 401, nil},
		{"another company's officer", wod, expense, 403, []string{`"code":"forbidden"`}},
		{"malformed JSON", mpk, `{"company":`, 400, []string{"JSON"}},
		{"unknown company", mpk, `{"company":"nie-ma"}`, 404, nil},
		{"no company", mpk, `{"publish":true}`, 422, []string{`"company":`}},
		{"amount as text", mpk, strings.Replace(expense, `150000`, `"dużo"`, 1), 422, []string{`"amount_gross":"Nieprawidłowy typ wartości`}},
		{"bad date", mpk, strings.Replace(expense, `2026-02-10`, `2026-02-31`, 1), 422, []string{`"spent_on":`}},
		{"bad fields", mpk, strings.Replace(strings.Replace(expense, `5260250995`, `1234567890`, 1), `donation`, `bribe`, 1), 422,
			[]string{`"recipient.nip":`, `"category":"Wybierz jedną z dostępnych wartości."`}},
	} {
		status, body := e.apiSend(t, "POST", "/api/v1/expenses", tc.token, tc.body)
		if status != tc.status {
			t.Errorf("%s: status %d, want %d: %s", tc.name, status, tc.status, body)
		}
		for _, w := range tc.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: no %s in %s", tc.name, w, body)
			}
		}
	}
	status, body := e.apiSend(t, "POST", "/api/v1/expenses", mpk, expense)
	if status != 201 || !strings.Contains(body, `"status":"draft"`) {
		t.Fatalf("create draft: %d %s", status, body)
	}
	id := body[strings.Index(body, `"id":`)+5 : strings.Index(body, `,`)]
	if _, err := strconv.Atoi(id); err != nil {
		t.Fatalf("id %q", id)
	}
	base := "/api/v1/expenses/" + id
	if resp, _ := e.do(t, "GET", base); resp.StatusCode != 404 {
		t.Errorf("public sees the draft: %d", resp.StatusCode)
	}
	if status, _ := e.apiSend(t, "PUT", base, wod, expense); status != 403 {
		t.Errorf("other officer edits the draft: %d", status)
	}
	if status, body := e.apiSend(t, "PUT", base, mpk, strings.Replace(expense, "ferie", "ferie zimowe", 1)); status != 200 || !strings.Contains(body, "ferie zimowe") {
		t.Errorf("draft edit: %d %s", status, body)
	}
	if status, body := e.apiSend(t, "POST", base+"/publish", mpk, ""); status != 200 || !strings.Contains(body, `"status":"published"`) {
		t.Fatalf("publish: %d %s", status, body)
	}
	if status, _ := e.apiSend(t, "POST", base+"/publish", mpk, ""); status != http.StatusConflict {
		t.Errorf("publishing twice: %d", status)
	}
	corrected := strings.Replace(expense, `150000`, `160000`, 1)
	if status, body := e.apiSend(t, "POST", base+"/corrections", mpk, corrected); status != 422 || !strings.Contains(body, `"reason":`) {
		t.Errorf("correction without reason: %d %s", status, body)
	}
	if status, body := e.apiSend(t, "POST", base+"/corrections", mpk, strings.Replace(corrected, `"publish":false`, `"reason":"Zła kwota"`, 1)); status != 200 || !strings.Contains(body, `"version":2`) {
		t.Errorf("correction: %d %s", status, body)
	}
	if status, body := e.apiSend(t, "POST", base+"/amendments", mpk, strings.Replace(corrected, `"publish":false`, `"reason":"Aneks","annex_date":"2026-03-01"`, 1)); status != 422 || !strings.Contains(body, "nie zmienia") {
		t.Errorf("amendment that changes nothing: %d %s", status, body)
	}
	if status, body := e.apiSend(t, "POST", base+"/withdrawal", mpk, `{"reason":"Wpis zdublowany"}`); status != 200 || !strings.Contains(body, `"status":"withdrawn"`) {
		t.Errorf("withdrawal: %d %s", status, body)
	}
	if status, _ := e.apiSend(t, "POST", base+"/withdrawal", wod, `{"reason":"x"}`); status != 403 {
		t.Errorf("other officer withdraws: %d", status)
	}
	resp, out := e.do(t, "GET", base)
	if resp.StatusCode != 200 || strings.Count(out, `"change_kind"`) != 3 {
		t.Errorf("public history: %d %s", resp.StatusCode, out)
	}
	// An ad amended under an annex, and a session without the anti-forgery header.
	const ad = `{"company":"mpk","publish":true,"outlet":{"name":"Radio Kraków","kind":"radio"},"campaign":"Nocne linie","content_kind":"advertisement","period_start":"2026-01-01","period_end":"2026-01-31","amount_gross":500000,"procedure":"direct_award"}`
	status, body = e.apiSend(t, "POST", "/api/v1/ads", mpk, ad)
	if status != 201 {
		t.Fatalf("ad: %d %s", status, body)
	}
	adID := body[strings.Index(body, `"id":`)+5 : strings.Index(body, `,`)]
	amended := strings.Replace(strings.Replace(ad, `500000`, `650000`, 1), `"publish":true`, `"annex_date":"2026-01-20","reason":"Dodatkowe emisje"`, 1)
	if status, body := e.apiSend(t, "POST", "/api/v1/ads/"+adID+"/amendments", mpk, amended); status != 200 || !strings.Contains(body, `"amount_gross":650000`) {
		t.Errorf("ad amendment: %d %s", status, body)
	}
	b := e.mustLogin(t, "ewa.web", "officer", "mpk")
	req := httptest.NewRequest("POST", "/api/v1/recruitments", strings.NewReader(`{"company":"mpk"}`))
	req.Header.Set("Content-Type", "application/json")
	if resp, _ := b.do(t, e, req); resp.StatusCode != 403 {
		t.Errorf("session without X-CSRF-Token: %d", resp.StatusCode)
	}
	req = httptest.NewRequest("POST", "/api/v1/recruitments", strings.NewReader(`{"company":"mpk","body":"zarzad"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-CSRF-Token", b.csrf)
	if resp, out := b.do(t, e, req); resp.StatusCode != 422 || !strings.Contains(out, `"body":`) || !strings.Contains(out, `"position":`) {
		t.Errorf("recruitment by session: %d %s", resp.StatusCode, out)
	}
}
