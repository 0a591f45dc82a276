package web_test

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"jawnosc/audits"
)

// The authorization matrix of the audit reports: reports, council discussions and the
// status of recommendations are the auditors' (nobody else, admins included); the
// company's response and evidence are its own officers'.

// freshReport files an audit report of MPK with one recommendation and its PDF; returns the
// report's and the recommendation's ids.
func (m *matrixEnv) freshReport(t *testing.T) (int64, int64) { return m.report(t, auditPDF) }

// report files an audit report of MPK with one recommendation and the given PDF (nil: none).
func (m *matrixEnv) report(t *testing.T, pdf []byte) (int64, int64) {
	rep, err := m.au.CreateReport(context.Background(), system, audits.ReportInput{
		Company: "mpk", Title: "Kontrola zakupów paliwa", AuditorKind: "city_audit_centre", Kind: "compliance",
		PeriodFrom: "2025-01-01", PeriodTo: "2025-12-31", StartedOn: "2026-01-12", CompletedOn: "2026-02-20", PublishedOn: "2026-03-02",
		Summary:         "Audyt objął zakupy paliwa.",
		Findings:        []audits.FindingInput{{Title: "Brak porównania ofert", Severity: "medium"}},
		Recommendations: []audits.RecommendationInput{{Finding: 1, Text: "Porównywać oferty dostawców.", Responsible: "Zarząd", DueOn: "2026-09-30"}},
		PDF:             pdf,
	})
	if err != nil {
		t.Fatal(err)
	}
	return rep.ID, rep.Recommendations[0].ID
}

func auditsWriteCases() []writeCase {
	auditors := func(ok int) map[string]int {
		return map[string]int{asPublic: 401, asOfficer: 403, asOther: 403, asSupervisor: 403, asAuditor: ok, asAdmin: 403}
	}
	officers := func(ok int) map[string]int {
		return map[string]int{asPublic: 401, asOfficer: ok, asOther: 403, asSupervisor: 403, asAuditor: 403, asAdmin: 403}
	}
	report := url.Values{"company": {"mpk"}, "title": {"Audyt floty"}, "auditor_kind": {"external_firm"}, "auditor_name": {"Audyt i Doradztwo sp. z o.o."},
		"kind": {"performance"}, "period_from": {"2025-01-01"}, "period_to": {"2025-12-31"}, "started_on": {"2026-01-10"}, "completed_on": {"2026-02-10"},
		"published_on": {"2026-03-01"}, "summary": {"Flota zużywa za dużo paliwa."}, "finding_1_title": {"Zużycie paliwa"}, "finding_1_severity": {"medium"},
		"rec_1_text": {"Wymienić autobusy."}, "rec_1_responsible": {"Zarząd"}, "rec_1_due_on": {"2026-12-31"}, "rec_1_finding": {"1"}}
	reportJSON := `{"company":"mpk","title":"Audyt bezpieczeństwa IT","auditor_kind":"nik","kind":"it","period_from":"2025-01-01","period_to":"2025-12-31",` +
		`"started_on":"2026-01-05","completed_on":"2026-02-01","published_on":"2026-02-10","summary":"Kontrola systemów biletowych.",` +
		`"findings":[{"title":"Brak kopii zapasowych","severity":"critical"}],` +
		`"recommendations":[{"finding":1,"text":"Wdrożyć kopie zapasowe.","responsible":"Dział IT","due_on":"2026-03-31"}],` +
		`"pdf_base64":"` + base64.StdEncoding.EncodeToString(auditPDF) + `"}`
	status := url.Values{"status": {"in_progress"}, "on": {"2026-05-01"}, "reason": {"Rozpoczęto porównywanie ofert."}}
	return []writeCase{
		{"POST", "/api/v1/audits", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			return bearerRequest(c, "/api/v1/audits", "application/json", []byte(reportJSON))
		}, auditors(http.StatusCreated)},
		{"POST", "/api/v1/audits/:id/responses", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			id, _ := m.freshReport(t)
			return bearerRequest(c, fmt.Sprintf("/api/v1/audits/%d/responses", id), "application/json", []byte(`{"text":"Spółka przyjmuje zalecenia."}`))
		}, officers(http.StatusCreated)},
		{"POST", "/api/v1/audits/:id/council", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			id, _ := m.freshReport(t)
			return bearerRequest(c, fmt.Sprintf("/api/v1/audits/%d/council", id), "application/json", []byte(`{"session":"XII sesja Rady Miasta Krakowa","date":"2026-04-22"}`))
		}, auditors(http.StatusOK)},
		{"POST", "/api/v1/recommendations/:id/status", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			_, rec := m.freshReport(t)
			return bearerRequest(c, fmt.Sprintf("/api/v1/recommendations/%d/status", rec), "application/json",
				[]byte(`{"status":"implemented","on":"2026-05-01","reason":"Porównanie ofert wprowadzono zarządzeniem."}`))
		}, auditors(http.StatusOK)},
		{"POST", "/api/v1/recommendations/:id/evidence", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			_, rec := m.freshReport(t)
			return bearerRequest(c, fmt.Sprintf("/api/v1/recommendations/%d/evidence", rec), "application/json", []byte(`{"text":"Zarządzenie nr 5/2026."}`))
		}, officers(http.StatusCreated)},
		{"POST", "/panel/audyty", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			return multipartRequest(t, c, "/panel/audyty", report, "pdf", "raport.pdf", auditPDF)
		}, auditors(http.StatusSeeOther)},
		{"POST", "/panel/audyty/:id/odpowiedz", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			id, _ := m.freshReport(t)
			return multipartRequest(t, c, fmt.Sprintf("/panel/audyty/%d/odpowiedz", id), url.Values{"text": {"Spółka przyjmuje zalecenia."}}, "pdf", "odpowiedz.pdf", auditPDF)
		}, officers(http.StatusSeeOther)},
		{"POST", "/panel/audyty/:id/rada", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			id, _ := m.freshReport(t)
			return formRequest(c, fmt.Sprintf("/panel/audyty/%d/rada", id), url.Values{"session": {"XII sesja Rady Miasta Krakowa"}, "date": {"2026-04-22"}})
		}, auditors(http.StatusSeeOther)},
		{"POST", "/panel/audyty/:id/pdf", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			id, _ := m.report(t, nil) // a report without its PDF yet
			return multipartRequest(t, c, fmt.Sprintf("/panel/audyty/%d/pdf", id), url.Values{}, "pdf", "raport.pdf", auditPDF)
		}, auditors(http.StatusSeeOther)},
		{"POST", "/panel/zalecenia/:id/status", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			_, rec := m.freshReport(t)
			return formRequest(c, fmt.Sprintf("/panel/zalecenia/%d/status", rec), status)
		}, auditors(http.StatusSeeOther)},
		{"POST", "/panel/zalecenia/:id/dowody", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			_, rec := m.freshReport(t)
			return multipartRequest(t, c, fmt.Sprintf("/panel/zalecenia/%d/dowody", rec), url.Values{"text": {"Ewidencja uzupełniona."}}, "pdf", "dowod.pdf", auditPDF)
		}, officers(http.StatusSeeOther)},
	}
}
