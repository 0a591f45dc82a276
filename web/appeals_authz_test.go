package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"jawnosc/appeals"
	"jawnosc/registry"
)

// freshRequest files a request to MPK on 5 January 2026 (long overdue by now) and, when
// appealed, the resident's appeal against the company's silence. It returns the request's id,
// its token and the appeal's id.
func (m *matrixEnv) freshRequest(t *testing.T, appealed bool) (int64, string, int64) {
	t.Helper()
	ctx := context.Background()
	svc, err := appeals.Open(ctx, m.store)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC)
	svc.Now = func() time.Time { return now }
	r, token, err := svc.Submit(ctx, registry.PublicActor, appeals.Submission{Company: "mpk", Subject: "Wniosek do macierzy", Text: "Proszę o umowy."})
	if err != nil {
		t.Fatal(err)
	}
	if !appealed {
		return r.ID, token, 0
	}
	now = now.AddDate(0, 0, 20)
	if r, err = svc.Appeal(ctx, r.ID, token, "Spółka milczy."); err != nil {
		t.Fatal(err)
	}
	return r.ID, token, r.State.CurrentAppeal().ID
}

// statuses lists a status per role in matrixRoles order.
func statuses(public, officer, other, supervisor, auditor, admin int) map[string]int {
	return map[string]int{asPublic: public, asOfficer: officer, asOther: other, asSupervisor: supervisor, asAuditor: auditor, asAdmin: admin}
}

// requestWriteCases are the write routes of the information requests. Submissions are open to
// everyone (sent invalid here, so the matrix is not held by their rate limit); the resident's
// steps take the tracking token, whoever sends it; the company's steps are its officers'; the
// decision on an appeal is the mayor's office's.
func requestWriteCases() []writeCase {
	const bad, ok, created, seeOther = http.StatusUnprocessableEntity, http.StatusOK, http.StatusCreated, http.StatusSeeOther
	const unauth, forbidden = http.StatusUnauthorized, http.StatusForbidden
	anyone := func(s int) map[string]int { return statuses(s, s, s, s, s, s) }
	return []writeCase{
		{"POST", "/api/v1/requests", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			return apiRequest(c, "/api/v1/requests", `{"company":"mpk","subject":"","text":""}`)
		}, anyone(bad)},
		{"POST", "/wnioski/nowy", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			return formRequest(c, "/wnioski/nowy", url.Values{"company": {"mpk"}, "subject": {""}, "text": {""}})
		}, anyone(bad)},
		{"POST", "/api/v1/requests/:id/appeals", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			id, token, _ := m.freshRequest(t, false)
			return apiRequest(c, fmt.Sprintf("/api/v1/requests/%d/appeals", id), `{"token":"`+token+`","grounds":"Spółka milczy."}`)
		}, anyone(created)},
		{"POST", "/wnioski/:id/sledz/:step", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			id, _, _ := m.freshRequest(t, false)
			return formRequest(c, fmt.Sprintf("/wnioski/%d/sledz/odwolanie", id), url.Values{"token": {strings.Repeat("A", 43)}, "text": {"Spółka milczy."}})
		}, anyone(forbidden)},
		{"POST", "/api/v1/requests/:id/responses", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			id, _, _ := m.freshRequest(t, false)
			return apiRequest(c, fmt.Sprintf("/api/v1/requests/%d/responses", id), `{"type":"answer","answer":"disclosed","text":"W załączeniu."}`)
		}, statuses(unauth, created, forbidden, forbidden, forbidden, forbidden)},
		{"POST", "/panel/wnioski/:id/:step", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			id, _, _ := m.freshRequest(t, false)
			return formRequest(c, fmt.Sprintf("/panel/wnioski/%d/odpowiedz", id), url.Values{"answer": {"not_held"}, "text": {"Nie posiadamy."}})
		}, statuses(unauth, seeOther, forbidden, forbidden, forbidden, forbidden)},
		{"POST", "/api/v1/appeals/:id/decision", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			_, _, appeal := m.freshRequest(t, true)
			return apiRequest(c, fmt.Sprintf("/api/v1/appeals/%d/decision", appeal), `{"result":"rejected_scope","reasoning":"Poza zakresem."}`)
		}, statuses(unauth, forbidden, forbidden, ok, forbidden, forbidden)},
		{"POST", "/api/v1/documents", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			req := httptest.NewRequest("POST", "/api/v1/documents?name=umowa.pdf", strings.NewReader(string(mustPDF(t, "Umowa"))))
			req.Header.Set("Content-Type", "application/pdf")
			if c.token != "" {
				req.Header.Set("Authorization", "Bearer "+c.token)
			}
			return req
		}, statuses(unauth, created, created, forbidden, forbidden, forbidden)},
	}
}
