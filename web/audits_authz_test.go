package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"path/filepath"
	"testing"

	"jawnosc/audits"
	"jawnosc/registry"
)

// only expects ok for one role, 401 for the public and 403 for every other role.
func only(role string, ok int) map[string]int {
	want := map[string]int{}
	for _, r := range matrixRoles {
		want[r] = http.StatusForbidden
	}
	want[asPublic], want[role] = http.StatusUnauthorized, ok
	return want
}

// freshReport files an MPK audit report (without a PDF) with one recommendation.
func (m *matrixEnv) freshReport(t *testing.T) *audits.Report {
	t.Helper()
	au, err := audits.Open(context.Background(), m.store, filepath.Dir(m.store.Path))
	if err != nil {
		t.Fatal(err)
	}
	r, err := au.CreateReport(context.Background(), system, matrixReport())
	if err != nil {
		t.Fatalf("%v %v", err, registry.ErrorFields(err))
	}
	return r
}

func matrixReport() audits.ReportInput {
	return audits.ReportInput{Company: "mpk", Title: "Audyt do macierzy", AuditorKind: "city_audit_centre", Kind: "compliance",
		PeriodFrom: "2025-01-01", PeriodTo: "2025-12-31", StartedOn: "2026-01-05", CompletedOn: "2026-02-01", PublishedOn: "2026-02-10",
		Summary: "Streszczenie.", Recommendations: []audits.RecommendationInput{{Text: "Zalecenie.", Responsible: "Zarząd", DueOn: "2026-06-30"}}}
}

// auditWriteCases are the write routes of audits: auditors file and change statuses,
// officers of the report's company respond; everyone else is refused by the domain.
func auditWriteCases() []writeCase {
	report := func(m *matrixEnv, t *testing.T) int64 { return m.freshReport(t).ID }
	rec := func(m *matrixEnv, t *testing.T) int64 { return m.freshReport(t).Recommendations[0].ID }
	api := func(route, path string, id func(*matrixEnv, *testing.T) int64, body string, want map[string]int) writeCase {
		return writeCase{"POST", route, func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			target := path
			if id != nil {
				target = fmt.Sprintf(path, id(m, t))
			}
			return apiRequest(c, target, body)
		}, want}
	}
	form := func(route, path string, id func(*matrixEnv, *testing.T) int64, values url.Values, want map[string]int) writeCase {
		return writeCase{"POST", route, func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			return formRequest(c, fmt.Sprintf(path, id(m, t)), values)
		}, want}
	}
	status := `{"status":"in_progress","on":"2026-03-10","reason":"Rozpoczęto wdrożenie."}`
	text := `{"text":"Odpowiedź spółki."}`
	newReport := url.Values{"company": {"mpk"}, "title": {"Audyt z formularza"}, "auditor_kind": {"nik"}, "kind": {"it"},
		"period_from": {"2025-01-01"}, "period_to": {"2025-12-31"}, "started_on": {"2026-01-05"}, "completed_on": {"2026-02-01"},
		"published_on": {"2026-02-10"}, "summary": {"Streszczenie."}}
	return []writeCase{
		api("/api/v1/audits", "/api/v1/audits", nil, `{"company":"mpk","title":"Audyt z API","auditor_kind":"nik","kind":"it",
			"period_from":"2025-01-01","period_to":"2025-12-31","started_on":"2026-01-05","completed_on":"2026-02-01","published_on":"2026-02-10","summary":"S."}`,
			only(asAuditor, http.StatusCreated)),
		api("/api/v1/audits/:id/council", "/api/v1/audits/%d/council", report, `{"session":"Sesja nr 12","date":"2026-03-01"}`, only(asAuditor, http.StatusOK)),
		api("/api/v1/audits/:id/responses", "/api/v1/audits/%d/responses", report, text, only(asOfficer, http.StatusCreated)),
		api("/api/v1/recommendations/:id/status", "/api/v1/recommendations/%d/status", rec, status, only(asAuditor, http.StatusOK)),
		api("/api/v1/recommendations/:id/evidence", "/api/v1/recommendations/%d/evidence", rec, text, only(asOfficer, http.StatusCreated)),
		{"POST", "/panel/audyty", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			return multipartRequest(t, c, "/panel/audyty", newReport, "pdf", "raport.pdf", auditPDF)
		}, only(asAuditor, http.StatusSeeOther)},
		{"POST", "/panel/audyty/:id/pdf", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			return multipartRequest(t, c, fmt.Sprintf("/panel/audyty/%d/pdf", report(m, t)), url.Values{}, "pdf", "raport.pdf", auditPDF)
		}, only(asAuditor, http.StatusSeeOther)},
		{"POST", "/panel/audyty/:id/odpowiedz", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			return multipartRequest(t, c, fmt.Sprintf("/panel/audyty/%d/odpowiedz", report(m, t)), url.Values{"text": {"Odpowiedź."}}, "pdf", "odpowiedz.pdf", auditPDF)
		}, only(asOfficer, http.StatusSeeOther)},
		{"POST", "/panel/zalecenia/:id/dowody", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			return multipartRequest(t, c, fmt.Sprintf("/panel/zalecenia/%d/dowody", rec(m, t)), url.Values{"text": {"Dowód."}}, "pdf", "dowod.pdf", auditPDF)
		}, only(asOfficer, http.StatusSeeOther)},
		form("/panel/audyty/:id/rada", "/panel/audyty/%d/rada", report, url.Values{"session": {"Sesja nr 12"}, "date": {"2026-03-01"}}, only(asAuditor, http.StatusSeeOther)),
		form("/panel/zalecenia/:id/status", "/panel/zalecenia/%d/status", rec,
			url.Values{"status": {"in_progress"}, "on": {"2026-03-10"}, "reason": {"Rozpoczęto wdrożenie."}}, only(asAuditor, http.StatusSeeOther)),
	}
}
