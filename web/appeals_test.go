package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"jawnosc/pdf"
	"jawnosc/registry"
	"jawnosc/search"
)

// samplePDF is a real PDF made by the pdf package.
func samplePDF(tb testing.TB, title string) []byte {
	tb.Helper()
	d := pdf.New(pdf.Meta{Title: title, Created: time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)})
	d.Para("Umowa nr 7/2026 na kampanię reklamową, kwota 120 000,00 zł.")
	b, err := d.Bytes()
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// TestRequestFormAndTracking: the form keeps values and names every bad field, needs the
// anti-forgery token, files the request, shows the token once, and the tracking link
// works only with the right token; the public page shows no trace of the requester.
func TestRequestFormAndTracking(t *testing.T) {
	e := mustOpenAppeals(t, "2026-03-02")
	b := e.anonymous(t)
	resp, body := b.send(t, e.testEnv, "GET", "/wnioski/nowy?company=mpk", nil)
	if resp.StatusCode != 200 || !strings.Contains(body, `<option value="mpk" selected>`) || !strings.Contains(body, `name="_csrf"`) {
		t.Fatalf("form: %d %s", resp.StatusCode, body)
	}
	bad := url.Values{"company": {"mpk"}, "subject": {""}, "text": {"Treść zostaje."}, "email": {"nie-adres"}, "name": {"Anna Kowalska"}}
	resp, body = b.send(t, e.testEnv, "POST", "/wnioski/nowy", bad)
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="e-subject"`) || !strings.Contains(body, `id="e-email"`) ||
		!strings.Contains(body, "Treść zostaje.") || !strings.Contains(body, `value="nie-adres"`) {
		t.Fatalf("bad form: %d %s", resp.StatusCode, body)
	}
	forged := &browser{cookies: b.cookies, csrf: "x"}
	if resp, _ := forged.send(t, e.testEnv, "POST", "/wnioski/nowy", sampleForm()); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("without CSRF: %d", resp.StatusCode)
	}

	id, token := e.submitForm(t, b, sampleForm())
	if strings.Contains(e.logs.String(), "Kowalsk") || strings.Contains(e.logs.String(), token) {
		t.Fatalf("the log holds personal data or the token: %s", e.logs.String())
	}
	resp, body = e.do(t, "GET", "/wnioski/"+id)
	if resp.StatusCode != 200 || !strings.Contains(body, "MPK/UDIP/2026/1") || !strings.Contains(body, "Jedź z MPK") || !strings.Contains(body, "16.03.2026") {
		t.Fatalf("public page: %d %s", resp.StatusCode, body)
	}
	noIdentity(t, "the public page", body)
	if strings.Contains(body, token) {
		t.Fatal("the public page shows the token")
	}
	resp, body = e.do(t, "GET", "/wnioski/"+id+"/sledz?token="+token)
	if resp.StatusCode != 200 || !strings.Contains(body, "anna.kowalska@example.pl") || !strings.Contains(body, "prywatna strona") || resp.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("tracking page: %d %s", resp.StatusCode, body)
	}
	if !strings.Contains(body, "Spółka nie odpowiedziała") && !strings.Contains(body, "Odwołanie przysługuje") {
		t.Errorf("the tracking page does not say why an appeal is not yet possible")
	}
	for _, bad := range []string{"", "x", strings.Repeat("A", 43)} {
		if resp, _ := e.do(t, "GET", "/wnioski/"+id+"/sledz?token="+bad); resp.StatusCode != http.StatusForbidden {
			t.Errorf("token %q: %d", bad, resp.StatusCode)
		}
	}
	resp, body = e.do(t, "GET", "/wnioski/"+id+"/sledz/atom?token="+token)
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Content-Type"), "atom+xml") || !strings.Contains(body, "Złożono wniosek") {
		t.Fatalf("feed: %d %s", resp.StatusCode, body)
	}
	// Search finds the request by its public text, never by the requester.
	if _, err := search.NewIndexer(e.index, search.StoreSource{Store: e.store, Appeals: e.svc}, nil).CatchUp(context.Background()); err != nil {
		t.Fatal(err)
	}
	resp, body = e.do(t, "GET", "/szukaj?q=aneksami")
	if resp.StatusCode != 200 || !strings.Contains(body, `href="/wnioski/`+id+`"`) || !strings.Contains(body, "wnioski o informację") {
		t.Fatalf("search: %d %s", resp.StatusCode, body)
	}
	noIdentity(t, "the search results", body)
	if _, body = e.do(t, "GET", "/szukaj?q=Kowalska"); strings.Contains(body, `href="/wnioski/`+id+`"`) {
		t.Error("the requester's name finds the request")
	}
	resp, body = e.do(t, "GET", "/wnioski?company=mpk&year=2026")
	if resp.StatusCode != 200 || !strings.Contains(body, "/wnioski/"+id) {
		t.Fatalf("register: %d %s\n%s", resp.StatusCode, body, e.logs)
	}
	noIdentity(t, "the register", body)
	for _, q := range []string{"company=nie-ma", "outcome=zle", "year=abc", "page=0"} {
		if resp, body := e.do(t, "GET", "/wnioski?"+q); resp.StatusCode != http.StatusBadRequest || strings.Contains(body, "panic") {
			t.Errorf("/wnioski?%s: %d", q, resp.StatusCode)
		}
	}
	for _, p := range []string{"/wnioski/999", "/wnioski/abc", "/wnioski/" + id + "/dokumenty/00", "/wnioski/" + id + "/decyzje/1.pdf"} {
		if resp, _ := e.do(t, "GET", p); resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: %d", p, resp.StatusCode)
		}
	}
}

// TestRequestRateLimit: the sixth submission from one address within ten minutes is a 429
// with a Polish message.
func TestRequestRateLimit(t *testing.T) {
	e := mustOpenAppeals(t, "2026-03-02")
	b := e.anonymous(t)
	for i := 0; i < 5; i++ {
		e.submitForm(t, b, sampleForm())
	}
	resp, body := b.send(t, e.testEnv, "POST", "/wnioski/nowy", sampleForm())
	if resp.StatusCode != http.StatusTooManyRequests || !strings.Contains(body, "Zbyt wiele wniosków") {
		t.Fatalf("sixth submission: %d %s", resp.StatusCode, body)
	}
	resp, m := e.jsonReq(t, "POST", "/api/v1/requests", "", map[string]any{"company": "mpk", "subject": "x", "text": "y"})
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("the API has its own limit: %d %v", resp.StatusCode, m)
	}
}

// TestRequestsAPI walks the API of the issue: submission, public and private views, an
// officer's refusal (and who may not), the resident's appeal, the mayor's office's decision,
// compliance, conflicts as 409 with Polish messages, and the company's statistics.
func TestRequestsAPI(t *testing.T) {
	e := mustOpenAppeals(t, "2026-03-02")
	officer := e.mustToken(t, "ewa", registry.RoleOfficer, "mpk")
	other := e.mustToken(t, "olek", registry.RoleOfficer, "wodociagi")
	office := e.mustToken(t, "nadzor", registry.RoleSupervisor)

	for _, body := range []string{"", "{", `{"company":"mpk","subject":1}`, `{"company":"mpk","bogus":true}`, `[]`} {
		if resp, m := e.jsonReq(t, "POST", "/api/v1/requests", "", body); resp.StatusCode != http.StatusBadRequest && resp.StatusCode != http.StatusUnprocessableEntity || errorOf(m)["message"] == "" {
			t.Errorf("body %q: %d %v", body, resp.StatusCode, m)
		}
	}
	resp, m := e.jsonReq(t, "POST", "/api/v1/requests", "", map[string]any{"company": "mpk", "subject": "", "text": "", "email": "zły"})
	if f, _ := errorOf(m)["fields"].(map[string]any); resp.StatusCode != http.StatusUnprocessableEntity || f["subject"] == nil || f["email"] == nil {
		t.Fatalf("bad submission: %d %v", resp.StatusCode, m)
	}
	resp, m = e.jsonReq(t, "POST", "/api/v1/requests", "", map[string]any{"company": "mpk", "subject": "Umowa na kampanię reklamową",
		"text": "Proszę o umowę. Anna Kowalska", "name": "Anna Kowalska", "email": "anna.kowalska@example.pl", "public_text": true})
	if resp.StatusCode != http.StatusCreated || m["token"] == nil || m["due"] != "2026-03-16" {
		t.Fatalf("submit: %d %v", resp.StatusCode, m)
	}
	id, token := fmt.Sprint(m["id"]), m["token"].(string)
	resp, m = e.jsonReq(t, "GET", "/api/v1/requests/"+id, "", "")
	if resp.StatusCode != 200 || m["due"] != "2026-03-16" || m["requester"] != nil {
		t.Fatalf("public view: %d %v", resp.StatusCode, m)
	}
	if raw := fmt.Sprint(m); strings.Contains(raw, "Kowalsk") || strings.Contains(raw, "example.pl") {
		t.Fatalf("the public JSON names the requester: %s", raw)
	}
	if resp, m = e.jsonReq(t, "GET", "/api/v1/requests/"+id+"?token="+token, "", ""); resp.StatusCode != 200 || m["requester"] == nil {
		t.Fatalf("private view: %d %v", resp.StatusCode, m)
	}
	if resp, _ = e.jsonReq(t, "GET", "/api/v1/requests/"+id+"?token=zly", "", ""); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("wrong token: %d", resp.StatusCode)
	}

	refusal := map[string]any{"type": "refusal", "text": "Kalkulacja ceny jest tajemnicą wykonawcy.", "ground": "trade_secret",
		"holder": "Agencja Reklamowa sp. z o.o.", "officials": []map[string]string{{"name": "Jan Nowak", "function": "Prezes Zarządu"}}}
	if resp, _ = e.jsonReq(t, "POST", "/api/v1/requests/"+id+"/responses", "", refusal); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("public refusal: %d", resp.StatusCode)
	}
	if resp, _ = e.jsonReq(t, "POST", "/api/v1/requests/"+id+"/responses", other, refusal); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("other company's refusal: %d", resp.StatusCode)
	}
	if resp, m = e.jsonReq(t, "POST", "/api/v1/requests/"+id+"/responses", officer, map[string]any{"type": "refusal", "text": "x", "ground": "trade_secret"}); resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("refusal without officials and holder: %d %v", resp.StatusCode, m)
	}
	if resp, m = e.jsonReq(t, "POST", "/api/v1/requests/"+id+"/appeals", "", map[string]any{"token": token, "grounds": "Za wcześnie."}); resp.StatusCode != http.StatusConflict || !strings.Contains(fmt.Sprint(errorOf(m)["message"]), "Odwołanie przysługuje") {
		t.Fatalf("early appeal: %d %v", resp.StatusCode, m)
	}
	e.on("2026-03-09")
	if resp, m = e.jsonReq(t, "POST", "/api/v1/requests/"+id+"/responses", officer, refusal); resp.StatusCode != http.StatusCreated || m["outcome"] != "refused" {
		t.Fatalf("refusal: %d %v", resp.StatusCode, m)
	}
	if resp, m = e.jsonReq(t, "POST", "/api/v1/requests/"+id+"/responses", officer, refusal); resp.StatusCode != http.StatusConflict || !strings.Contains(fmt.Sprint(errorOf(m)["message"]), "już odpowiedziała") {
		t.Fatalf("second refusal: %d %v", resp.StatusCode, m)
	}
	e.on("2026-03-10")
	if resp, _ = e.jsonReq(t, "POST", "/api/v1/requests/"+id+"/appeals", "", map[string]any{"token": "zly", "grounds": "x"}); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("appeal with a wrong token: %d", resp.StatusCode)
	}
	resp, m = e.jsonReq(t, "POST", "/api/v1/requests/"+id+"/appeals", "", map[string]any{"token": token, "grounds": "Kwota ze środków publicznych nie jest tajemnicą."})
	if resp.StatusCode != http.StatusCreated || m["appeal_id"] == nil {
		t.Fatalf("appeal: %d %v", resp.StatusCode, m)
	}
	appealID := fmt.Sprint(m["appeal_id"])
	decision := map[string]any{"result": "instructed", "reasoning": "Kwota jest informacją publiczną.", "comply_by": "2026-03-27"}
	if resp, _ = e.jsonReq(t, "POST", "/api/v1/appeals/"+appealID+"/decision", officer, decision); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("an officer decided: %d", resp.StatusCode)
	}
	if resp, _ = e.jsonReq(t, "POST", "/api/v1/appeals/999/decision", office, decision); resp.StatusCode != http.StatusNotFound {
		t.Fatalf("unknown appeal: %d", resp.StatusCode)
	}
	if resp, m = e.jsonReq(t, "POST", "/api/v1/appeals/"+appealID+"/decision", office, map[string]any{"result": "instructed", "reasoning": "x", "comply_by": "31.02.2026"}); resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("impossible date: %d %v", resp.StatusCode, m)
	}
	e.on("2026-03-16")
	if resp, m = e.jsonReq(t, "POST", "/api/v1/appeals/"+appealID+"/decision", office, decision); resp.StatusCode != 200 || m["stage"] != "compliance" || m["due"] != "2026-03-27" {
		t.Fatalf("decision: %d %v", resp.StatusCode, m)
	}
	if resp, m = e.jsonReq(t, "POST", "/api/v1/appeals/"+appealID+"/decision", office, decision); resp.StatusCode != http.StatusConflict {
		t.Fatalf("second decision: %d %v", resp.StatusCode, m)
	}
	// Upload the disclosed contract and comply.
	req := samplePDF(t, "Umowa")
	resp, m = e.jsonReqBytes(t, "/api/v1/documents?name=umowa.pdf", officer, req)
	if resp.StatusCode != http.StatusCreated || m["sha256"] == nil {
		t.Fatalf("upload: %d %v", resp.StatusCode, m)
	}
	if resp, m2 := e.jsonReqBytes(t, "/api/v1/documents?name=x.pdf", officer, []byte("<html>")); resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("non-PDF upload: %d %v", resp.StatusCode, m2)
	}
	sha := m["sha256"].(string)
	e.on("2026-03-20")
	resp, m = e.jsonReq(t, "POST", "/api/v1/requests/"+id+"/responses", officer, map[string]any{"type": "compliance", "text": "Udostępniamy umowę.", "documents": []map[string]any{{"sha256": sha, "name": "umowa.pdf"}}})
	if resp.StatusCode != http.StatusCreated || m["stage"] != "closed" || m["outcome"] != "disclosed" {
		t.Fatalf("compliance: %d %v", resp.StatusCode, m)
	}
	if resp, body := e.do(t, "GET", "/wnioski/"+id+"/dokumenty/"+sha); resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(body, "%PDF-") {
		t.Fatalf("document: %d", resp.StatusCode)
	}
	resp, m = e.jsonReq(t, "GET", "/api/v1/companies/mpk/requests-stats", "", "")
	st, _ := m["stats"].(map[string]any)
	if resp.StatusCode != 200 || st["requests"] != 1.0 || st["appeals"] != 1.0 || st["refusal_rate"] != 1.0 || st["median_days_to_answer"] != 7.0 {
		t.Fatalf("stats: %d %v", resp.StatusCode, m)
	}
	if resp, _ = e.jsonReq(t, "GET", "/api/v1/companies/nie-ma/requests-stats", "", ""); resp.StatusCode != http.StatusNotFound {
		t.Fatalf("stats of an unknown company: %d", resp.StatusCode)
	}
	resp, m = e.jsonReq(t, "GET", "/api/v1/requests?company=mpk&outcome=disclosed", "", "")
	if resp.StatusCode != 200 || m["total"] != 1.0 {
		t.Fatalf("list: %d %v", resp.StatusCode, m)
	}
	if resp, _ = e.jsonReq(t, "GET", "/api/v1/requests?year=x", "", ""); resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("bad filter: %d", resp.StatusCode)
	}
	// the decision PDFs are public
	for _, ev := range []string{"2", "4"} {
		if resp, body := e.do(t, "GET", "/wnioski/"+id+"/decyzje/"+ev+".pdf"); resp.StatusCode != 200 || !strings.HasPrefix(body, "%PDF-") {
			t.Fatalf("decision PDF %s: %d", ev, resp.StatusCode)
		}
	}
}

// jsonReqBytes posts raw bytes (a PDF upload) with a Bearer token.
func (e *appealsEnv) jsonReqBytes(tb testing.TB, target, bearer string, body []byte) (*http.Response, map[string]any) {
	tb.Helper()
	return e.jsonReq(tb, "POST", target, bearer, string(body))
}
