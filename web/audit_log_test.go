package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"jawnosc/registry"
)

func TestAuditLogPageAndAPI(t *testing.T) {
	e := mustOpenEnv(t, false)
	officer := e.mustToken(t, "anna", registry.RoleOfficer, "mpk")
	resp, r := e.apiSend(t, "POST", "/api/v1/contracts", officer, contractJSON("mpk", "Dostawa biletomatów", true))
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("create: %d %v", resp.StatusCode, r)
	}
	id := itoa(int64(r["id"].(float64)))

	sup := e.mustLogin(t, "ewa", registry.RoleSupervisor)
	resp, body := sup.send(t, e, "GET", "/panel/dziennik?company=mpk&actor=anna", nil)
	if resp.StatusCode != 200 {
		t.Fatalf("supervisor: %d %s", resp.StatusCode, body)
	}
	for _, want := range []string{"Dziennik zmian", "anna", "pracownik spółki", "<td>publikacja</td>", "<td>dodanie wpisu</td>", `href="/umowy/` + id + `"`} {
		if !strings.Contains(body, want) {
			t.Fatalf("audit page lacks %q:\n%s", want, body)
		}
	}
	if strings.Contains(body, "<td>utworzenie tokenu API</td>") {
		t.Fatal("the actor filter let other actors' records through")
	}
	// The whole log holds the sign-ins and the token, not the password or the token itself.
	_, all := sup.send(t, e, "GET", "/panel/dziennik", nil)
	for _, want := range []string{"<td>logowanie</td>", "<td>utworzenie tokenu API</td>"} {
		if !strings.Contains(all, want) {
			t.Fatalf("audit page lacks %q", want)
		}
	}
	if strings.Contains(all, testPassword) || strings.Contains(all, officer) {
		t.Fatal("the audit page shows a password or a token")
	}
	if _, cos := sup.send(t, e, "GET", "/panel/dziennik?action=company.create", nil); strings.Count(cos, "<td>dodanie spółki</td>") != 2 {
		t.Fatal("company creation is not in the log")
	}
	_, filtered := sup.send(t, e, "GET", "/panel/dziennik?action=session.sign_in", nil)
	if strings.Contains(filtered, "<td>dodanie wpisu</td>") || !strings.Contains(filtered, "ewa") {
		t.Fatal("the action filter does not filter")
	}
	if resp, _ := sup.send(t, e, "GET", "/panel/dziennik?company=nie-ma", nil); resp.StatusCode != http.StatusBadRequest {
		t.Fatalf("unknown company filter: %d", resp.StatusCode)
	}
	// Paginated: the fixture alone wrote more than 50 records.
	_, p1 := sup.send(t, e, "GET", "/panel/dziennik", nil)
	if !strings.Contains(p1, `rel="next"`) {
		t.Fatal("no second page")
	}
	if resp, p2 := sup.send(t, e, "GET", "/panel/dziennik?page=2", nil); resp.StatusCode != 200 || !strings.Contains(p2, "Wpisy 51–") {
		t.Fatalf("page 2: %d", resp.StatusCode)
	}

	// Officers and auditors may not read it; the public is sent to sign in.
	for _, b := range []*browser{e.mustLogin(t, "jan", registry.RoleOfficer, "mpk"), e.mustLogin(t, "adam", registry.RoleAuditor)} {
		if resp, _ := b.send(t, e, "GET", "/panel/dziennik", nil); resp.StatusCode != http.StatusForbidden {
			t.Fatalf("officer/auditor: %d", resp.StatusCode)
		}
	}
	if resp, _ := e.do(t, "GET", "/panel/dziennik"); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("public: %d", resp.StatusCode)
	}

	// The API twin.
	admin := e.mustToken(t, "root", registry.RoleAdmin)
	resp, r = e.apiSend(t, "GET", "/api/v1/audit-log?company=mpk&action=entry.publish&per_page=1", admin, "")
	if resp.StatusCode != 200 || r["total"].(float64) < 2 || len(r["entries"].([]any)) != 1 {
		t.Fatalf("API: %d %v", resp.StatusCode, r)
	}
	first := r["entries"].([]any)[0].(map[string]any)
	if first["actor"] != "anna" || first["role"] != "officer" || first["object_kind"] != "contract" || first["company"] != "mpk" {
		t.Fatalf("newest record: %v", first)
	}
	if resp, _ := e.apiSend(t, "GET", "/api/v1/audit-log", officer, ""); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("API as officer: %d", resp.StatusCode)
	}
	if resp, _ := e.apiSend(t, "GET", "/api/v1/audit-log", "", ""); resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("API as public: %d", resp.StatusCode)
	}
}

// TestAuditLogOfRequestsAndAudits: information requests and audit reports write to the same
// log, in their own transactions; the requester appears by role only.
func TestAuditLogOfRequestsAndAudits(t *testing.T) {
	e := mustOpenAppeals(t, "2026-03-02")
	resident := e.anonymous(t)
	id, _ := e.submitForm(t, resident, sampleForm())
	officer := e.mustToken(t, "ewa", registry.RoleOfficer, "mpk")
	refusal := map[string]any{"type": "refusal", "text": "Kalkulacja ceny jest tajemnicą wykonawcy.", "ground": "trade_secret",
		"holder": "Agencja Reklamowa sp. z o.o.", "officials": []map[string]string{{"name": "Jan Nowak", "function": "Prezes Zarządu"}}}
	if resp, m := e.jsonReq(t, "POST", "/api/v1/requests/"+id+"/responses", officer, refusal); resp.StatusCode != http.StatusCreated {
		t.Fatalf("refusal: %d %v", resp.StatusCode, m)
	}
	auditor := e.mustToken(t, "audytor", registry.RoleAuditor)
	report := `{"company":"mpk","title":"Audyt bezpieczeństwa IT","auditor_kind":"nik","kind":"it","period_from":"2025-01-01","period_to":"2025-12-31",` +
		`"started_on":"2026-01-05","completed_on":"2026-02-01","published_on":"2026-02-10","summary":"Kontrola systemów biletowych."}`
	if resp, m := e.jsonReq(t, "POST", "/api/v1/audits", auditor, report); resp.StatusCode != http.StatusCreated {
		t.Fatalf("audit report: %d %v", resp.StatusCode, m)
	}
	sup := e.mustToken(t, "nadzor", registry.RoleSupervisor)
	for action, who := range map[string]string{"request.submitted": "wnioskodawca/resident", "request.refused": "ewa/officer", "audit.create": "audytor/auditor"} {
		resp, r := e.apiSend(t, "GET", "/api/v1/audit-log?company=mpk&action="+action, sup, "")
		es, _ := r["entries"].([]any)
		if resp.StatusCode != 200 || len(es) != 1 {
			t.Fatalf("%s: %d %v", action, resp.StatusCode, r)
		}
		got := es[0].(map[string]any)
		if got["actor"].(string)+"/"+got["role"].(string) != who {
			t.Errorf("%s recorded as %v/%v, want %s", action, got["actor"], got["role"], who)
		}
	}
	b := e.mustLogin(t, "nadzor2", registry.RoleSupervisor)
	_, page := b.send(t, e.testEnv, "GET", "/panel/dziennik?action=request.submitted", nil)
	if !strings.Contains(page, "<td>złożenie wniosku</td>") || !strings.Contains(page, "(wnioskodawca)") {
		t.Fatalf("audit page: %s", excerpt(page))
	}
	_, all := e.apiSend(t, "GET", "/api/v1/audit-log?per_page=500", sup, "")
	raw := fmt.Sprint(all)
	for _, leak := range []string{"Kowalsk", "example.pl"} {
		if strings.Contains(raw, leak) {
			t.Fatalf("the audit log names the requester (%s)", leak)
		}
	}
}
