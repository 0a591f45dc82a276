package web_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jawnosc/audits"
	"jawnosc/registry"
	"jawnosc/search"
	"jawnosc/web"
)

// auditEnv is the web fixture with an audits store on a pinned clock (5 May 2026) and one
// report of Wodociągi with two recommendations, one of them overdue.
type auditEnv struct {
	*testEnv
	au     *audits.Store
	report *audits.Report
}

// auditPDF is the smallest PDF a reader opens: a header, one object, the cross-reference
// table (at byte 42) and its trailer.
var auditPDF = []byte("%PDF-1.4\n1 0 obj\n<</Type/Catalog>>\nendobj\n" +
	"xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<</Root 1 0 R/Size 2>>\nstartxref\n42\n%%EOF\n")

func mustOpenAuditEnv(tb testing.TB) *auditEnv {
	tb.Helper()
	ctx := context.Background()
	e := mustOpenEnv(tb, false)
	au, err := audits.Open(ctx, e.store, filepath.Dir(e.store.Path))
	if err != nil {
		tb.Fatal(err)
	}
	au.Now = func() time.Time { return time.Date(2026, 5, 5, 10, 0, 0, 0, time.UTC) }
	if e.app, err = newApp(web.Config{Store: e.store, Audits: au, Index: e.index, City: "Kraków", Logf: e.logs.logf}); err != nil {
		tb.Fatal(err)
	}
	rep, err := au.CreateReport(ctx, system, audits.ReportInput{
		Company: "wodociagi", Title: "Kontrola gospodarki wodomierzami", AuditorKind: "city_audit_centre", Kind: "compliance",
		PeriodFrom: "2025-01-01", PeriodTo: "2025-12-31", StartedOn: "2026-01-12", CompletedOn: "2026-02-20", PublishedOn: "2026-03-02",
		Summary:  "Audyt objął wymianę wodomierzy.\n\nStwierdzono braki w ewidencji.",
		Findings: []audits.FindingInput{{Title: "Niepełna ewidencja wodomierzy", Severity: "high"}},
		Recommendations: []audits.RecommendationInput{
			{Finding: 1, Text: "Uzupełnić ewidencję wodomierzy.", Responsible: "Dyrektor Techniczny", DueOn: "2026-04-30"},
			{Text: "Wprowadzić kwartalne przeglądy ewidencji.", Responsible: "Zarząd", DueOn: "2026-09-30"},
		},
		PDF: auditPDF,
	})
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := au.CatchUp(ctx); err != nil {
		tb.Fatal(err)
	}
	return &auditEnv{testEnv: e, au: au, report: rep}
}

func TestAuditPublicPages(t *testing.T) {
	e := mustOpenAuditEnv(t)
	id := e.report.ID
	sum := e.report.PDF.SHA256
	e.run(t, []scenario{
		{path: "/audyty", status: 200, want: []string{"Audyty i kontrole", "Kontrola gospodarki wodomierzami", "Centrum Audytu Miasta", `<strong class="badge bad">1</strong>`}},
		{path: "/audyty?company=mpk", status: 200, want: []string{"Brak raportów"}, forbid: []string{"wodomierzami"}},
		{path: "/audyty?overdue=1&auditor=city_audit_centre&year=2026", status: 200, want: []string{"wodomierzami"}},
		{path: "/audyty?auditor=wrozka", status: 400, want: []string{"Nieznany rodzaj audytora"}},
		{path: "/audyty?company=nie-ma", status: 400},
		{path: "/audyty?overdue=tak", status: 400},
		{path: fmt.Sprintf("/audyty/%d", id), status: 200, want: []string{"Kontrola gospodarki wodomierzami", "Wodociągi", "01.01.2025 – 31.12.2025",
			"Stwierdzono braki w ewidencji.", "Niepełna ewidencja wodomierzy", "wysoka", "Dyrektor Techniczny", "po terminie: 5 dni",
			"SHA-256: <code class=\"hash\">" + sum, "Spółka nie przekazała jeszcze odpowiedzi.", "nie był jeszcze omawiany"},
			forbid: []string{"Zmień status zalecenia", "Dodaj odpowiedź spółki"}},
		{path: "/audyty/999", status: 404},
		{path: "/audyty/abc", status: 404},
		{path: fmt.Sprintf("/audyty/%d/pliki/%s.pdf", id, strings.Repeat("0", 64)), status: 404},
		{path: fmt.Sprintf("/audyty/%d/pliki/..%%2F..%%2Fjawnosc.db", id), status: 404},
		{path: "/api/v1/audits", status: 200, want: []string{`"total":1`, `"title":"Kontrola gospodarki wodomierzami"`, `"overdue":1`}},
		{path: "/api/v1/audits?auditor=x", status: 400, want: []string{`"code":"invalid"`}},
		{path: fmt.Sprintf("/api/v1/audits/%d", id), status: 200, want: []string{`"severity":"high"`, `"due_on":"2026-04-30"`, `"overdue":true`, `"sha256":"` + sum}},
		{path: "/api/v1/audits/77", status: 404, want: []string{`"code":"not_found"`}},
	})
	resp, body := e.do(t, "GET", fmt.Sprintf("/audyty/%d/pliki/%s.pdf", id, sum))
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/pdf" || body != string(auditPDF) {
		t.Fatalf("report PDF: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	resp, body = e.do(t, "GET", fmt.Sprintf("/audyty/%d/podsumowanie.pdf", id))
	if resp.StatusCode != 200 || !strings.HasPrefix(body, "%PDF-") {
		t.Fatalf("summary PDF: %d", resp.StatusCode)
	}
	// Search covers audits (the change sequence fed the index).
	if _, err := searchIndexer(e).CatchUp(context.Background()); err != nil {
		t.Fatal(err)
	}
	e.run(t, []scenario{{path: "/szukaj?q=wodomierzy", status: 200, want: []string{fmt.Sprintf(`href="/audyty/%d"`, id), "audyty"}}})
}

// sendPDFForm posts a multipart form as the browser with an optional PDF under "pdf".
func (b *browser) sendPDFForm(tb testing.TB, e *testEnv, target string, fields url.Values, pdf []byte) (*http.Response, string) {
	tb.Helper()
	if pdf == nil {
		return b.sendMultipart(tb, e, target, fields)
	}
	return b.sendMultipart(tb, e, target, fields, upload{field: "pdf", name: "raport.pdf", contentType: "application/pdf", data: pdf})
}

func TestAuditForms(t *testing.T) {
	e := mustOpenAuditEnv(t)
	auditor := e.mustLogin(t, "audytor", registry.RoleAuditor)
	officer := e.mustLogin(t, "wod", registry.RoleOfficer, "wodociagi")
	mpkOfficer := e.mustLogin(t, "mpk1", registry.RoleOfficer, "mpk")
	rec := e.report.Recommendations[0]

	// The report form: auditors only.
	if resp, _ := officer.send(t, e.testEnv, "GET", "/panel/audyty/nowy", nil); resp.StatusCode != 403 {
		t.Fatalf("form as officer: %d", resp.StatusCode)
	}
	resp, body := auditor.send(t, e.testEnv, "GET", "/panel/audyty/nowy", nil)
	if resp.StatusCode != 200 || !strings.Contains(body, `<label for="finding_1_title">`) || !strings.Contains(body, "Centrum Audytu Miasta") {
		t.Fatalf("form: %d", resp.StatusCode)
	}
	// A bad filing: every problem named at its field, nothing typed is lost.
	bad := url.Values{"company": {"mpk"}, "title": {"Audyt floty <autobusów>"}, "auditor_kind": {"external_firm"}, "kind": {"performance"},
		"period_from": {"2025-01-01"}, "period_to": {"2025-12-31"}, "started_on": {"2026-01-10"}, "completed_on": {"2026-02-10"},
		"published_on": {"31.02.2026"}, "summary": {"Flota zużywa za dużo paliwa."},
		"finding_2_title": {"Zużycie paliwa"}, "finding_2_severity": {"straszna"},
		"rec_3_text": {"Wymienić autobusy."}, "rec_3_responsible": {"Zarząd"}, "rec_3_due_on": {"2026-12-31"}, "rec_3_finding": {"2"}}
	resp, body = auditor.sendPDFForm(t, e.testEnv, "/panel/audyty", bad, []byte("<html>nie PDF</html>"))
	if resp.StatusCode != 422 {
		t.Fatalf("bad filing: %d %s", resp.StatusCode, excerpt(body))
	}
	for _, want := range []string{`id="auditor_name-blad">To pole jest wymagane.`, `id="published_on-blad">`, `id="finding_2_severity-blad">Wybierz jedną z dostępnych wartości.`,
		`id="pdf-blad">To nie jest plik PDF.`, `value="Audyt floty &lt;autobusów&gt;"`, `value="Zużycie paliwa"`, "Wymienić autobusy.", `aria-invalid="true"`} {
		if !strings.Contains(body, want) {
			t.Errorf("bad filing page lacks %q", want)
		}
	}
	// The good filing.
	bad.Set("auditor_name", "Audyt i Doradztwo sp. z o.o.")
	bad.Set("published_on", "2026-03-01")
	bad.Set("finding_2_severity", "medium")
	resp, _ = auditor.sendPDFForm(t, e.testEnv, "/panel/audyty", bad, auditPDF)
	if resp.StatusCode != http.StatusSeeOther || !strings.HasSuffix(resp.Header.Get("Location"), "?ok=created") {
		t.Fatalf("filing: %d %s", resp.StatusCode, resp.Header.Get("Location"))
	}
	resp, body = auditor.send(t, e.testEnv, "GET", resp.Header.Get("Location"), nil)
	if !strings.Contains(body, "Raport z audytu został opublikowany.") || !strings.Contains(body, "Audyt i Doradztwo sp. z o.o.") || !strings.Contains(body, "1. Zużycie paliwa") {
		t.Fatalf("filed report: %s", excerpt(body))
	}

	// Status changes: auditors; the officer is refused by the domain.
	statusURL := fmt.Sprintf("/panel/zalecenia/%d/status", rec.ID)
	form := url.Values{"status": {"in_progress"}, "on": {"2026-05-04"}, "reason": {"Spółka rozpoczęła inwentaryzację."}}
	if resp, _ := officer.send(t, e.testEnv, "POST", statusURL, form); resp.StatusCode != 403 {
		t.Fatalf("status as officer: %d", resp.StatusCode)
	}
	if resp, body := auditor.send(t, e.testEnv, "POST", statusURL, url.Values{"status": {"in_progress"}, "on": {"2026-06-01"}, "reason": {""}}); resp.StatusCode != 422 ||
		!strings.Contains(body, "Data zmiany nie może być w przyszłości.") || !strings.Contains(body, "To pole jest wymagane.") {
		t.Fatalf("bad status: %d %s", resp.StatusCode, excerpt(body))
	}
	form.Del("_csrf") // the officer's token was added to it
	resp, _ = auditor.send(t, e.testEnv, "POST", statusURL, form)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("status: %d", resp.StatusCode)
	}
	_, body = e.do(t, "GET", fmt.Sprintf("/audyty/%d", e.report.ID))
	if !strings.Contains(body, "Spółka rozpoczęła inwentaryzację.") || !strings.Contains(body, "otwarta → w realizacji") {
		t.Fatalf("history not shown: %s", excerpt(body))
	}
	// Forgery: a form without the CSRF token is refused.
	form.Set("_csrf", "x")
	if resp, _ := auditor.send(t, e.testEnv, "POST", statusURL, form); resp.StatusCode != 403 {
		t.Fatalf("forged form: %d", resp.StatusCode)
	}

	// Responses and evidence: the company's officers only.
	respURL := fmt.Sprintf("/panel/audyty/%d/odpowiedz", e.report.ID)
	if resp, _ := mpkOfficer.sendPDFForm(t, e.testEnv, respURL, url.Values{"text": {"Nie nasza sprawa."}}, nil); resp.StatusCode != 403 {
		t.Fatalf("response by another company's officer: %d", resp.StatusCode)
	}
	if resp, body := officer.sendPDFForm(t, e.testEnv, respURL, url.Values{"text": {"  "}}, nil); resp.StatusCode != 422 || !strings.Contains(body, `id="response-text-blad"`) {
		t.Fatalf("empty response: %d", resp.StatusCode)
	}
	if resp, _ := officer.sendPDFForm(t, e.testEnv, respURL, url.Values{"text": {"Spółka przyjmuje zalecenia."}}, auditPDF); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("response: %d", resp.StatusCode)
	}
	evURL := fmt.Sprintf("/panel/zalecenia/%d/dowody", rec.ID)
	if resp, _ := officer.sendPDFForm(t, e.testEnv, evURL, url.Values{"text": {"Ewidencja uzupełniona w 80%."}}, nil); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("evidence: %d", resp.StatusCode)
	}
	_, body = officer.send(t, e.testEnv, "GET", fmt.Sprintf("/audyty/%d", e.report.ID), nil)
	if !strings.Contains(body, "Spółka przyjmuje zalecenia.") || !strings.Contains(body, "Ewidencja uzupełniona w 80%.") || !strings.Contains(body, "Dodaj odpowiedź spółki") || strings.Contains(body, "Zmień status zalecenia") {
		t.Fatalf("officer's view: %s", excerpt(body))
	}
	// Council.
	councilURL := fmt.Sprintf("/panel/audyty/%d/rada", e.report.ID)
	if resp, _ := auditor.send(t, e.testEnv, "POST", councilURL, url.Values{"session": {"XII sesja Rady Miasta Krakowa"}, "date": {"2026-04-22"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("council: %d", resp.StatusCode)
	}
	// The public cannot post at all.
	anon := e.anonymous(t)
	if resp, _ := anon.send(t, e.testEnv, "POST", statusURL, url.Values{"status": {"implemented"}}); resp.StatusCode != 401 {
		t.Fatalf("public post: %d", resp.StatusCode)
	}
}

func TestAuditAPIWrites(t *testing.T) {
	e := mustOpenAuditEnv(t)
	auditorToken := e.mustToken(t, "audytor-api", registry.RoleAuditor)
	officerToken := e.mustToken(t, "wod-api", registry.RoleOfficer, "wodociagi")
	post := func(token, path, body string) (*http.Response, string) {
		t.Helper()
		req := httptest.NewRequest("POST", path, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := e.app.Test(req, -1)
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		buf.ReadFrom(resp.Body)
		return resp, buf.String()
	}
	good := map[string]any{"company": "mpk", "title": "Audyt bezpieczeństwa IT", "auditor_kind": "nik", "kind": "it",
		"period_from": "2025-01-01", "period_to": "2025-12-31", "started_on": "2026-01-05", "completed_on": "2026-02-01", "published_on": "2026-02-10",
		"summary": "Kontrola systemów biletowych.", "findings": []map[string]any{{"title": "Brak kopii zapasowych", "severity": "critical"}},
		"recommendations": []map[string]any{{"finding": 1, "text": "Wdrożyć kopie zapasowe.", "responsible": "Dział IT", "due_on": "2026-03-31"}},
		"pdf_base64":      base64.StdEncoding.EncodeToString(auditPDF)}
	body, _ := json.Marshal(good)
	for _, c := range []struct {
		token, body string
		status      int
		want        string
	}{
		{"", string(body), 401, `"code":"unauthorized"`},
		{officerToken, string(body), 403, `"code":"forbidden"`},
		{auditorToken, `{"title":`, 400, "JSON"},
		{auditorToken, `{"company":"mpk","title":"","auditor_kind":"x"}`, 422, `"auditor_kind":"Wybierz jedną z dostępnych wartości."`},
		{auditorToken, `{"company":"mpk","pdf_base64":"%%%"}`, 422, `"pdf_base64":"Plik musi być zakodowany w base64."`},
		{auditorToken, string(body), 201, `"title":"Audyt bezpieczeństwa IT"`},
	} {
		resp, out := post(c.token, "/api/v1/audits", c.body)
		if resp.StatusCode != c.status || !strings.Contains(out, c.want) {
			t.Errorf("POST /api/v1/audits (%d): %d %s", c.status, resp.StatusCode, out)
		}
	}
	rec := e.report.Recommendations[1].ID
	if resp, out := post(officerToken, fmt.Sprintf("/api/v1/recommendations/%d/status", rec), `{"status":"implemented","on":"2026-05-01","reason":"x"}`); resp.StatusCode != 403 {
		t.Fatalf("status by officer: %d %s", resp.StatusCode, out)
	}
	if resp, out := post(auditorToken, fmt.Sprintf("/api/v1/recommendations/%d/status", rec), `{"status":"implemented","on":"2026-05-01","reason":"Przeglądy wprowadzono zarządzeniem."}`); resp.StatusCode != 200 || !strings.Contains(out, `"to":"implemented"`) {
		t.Fatalf("status: %d %s", resp.StatusCode, out)
	}
	if resp, out := post(officerToken, fmt.Sprintf("/api/v1/recommendations/%d/evidence", rec), `{"text":"Zarządzenie nr 5/2026."}`); resp.StatusCode != 201 {
		t.Fatalf("evidence: %d %s", resp.StatusCode, out)
	}
	if resp, out := post(officerToken, fmt.Sprintf("/api/v1/audits/%d/responses", e.report.ID), `{"text":"Odpowiedź zarządu."}`); resp.StatusCode != 201 {
		t.Fatalf("response: %d %s", resp.StatusCode, out)
	}
	if resp, out := post(auditorToken, fmt.Sprintf("/api/v1/audits/%d/council", e.report.ID), `{"session":"XII sesja","date":"2027-01-01"}`); resp.StatusCode != 422 || !strings.Contains(out, "przyszłości") {
		t.Fatalf("council in the future: %d %s", resp.StatusCode, out)
	}
}

func TestSignalsPagesAndAPI(t *testing.T) {
	e := mustOpenAuditEnv(t)
	e.run(t, []scenario{
		{path: "/sygnaly", status: 200, want: []string{"Sygnały do sprawdzenia", "możliwy podział zamówienia", "od 01.01.2021: 130 000,00 zł netto", `aria-label="Strona 2"`}},
		{path: "/sygnaly?rule=late_publication&company=wodociagi", status: 200, want: []string{"publikacja po ponad 7 dniach", "Zakup odczynników chemicznych"}},
		{path: "/sygnaly?rule=amendment_raise&company=wodociagi", status: 200, want: []string{"Budowa kanalizacji w Łodzi", "z 100 000,00 zł do 160 000,00 zł"}},
		{path: "/sygnaly?rule=amendment_raise&company=mpk", status: 200, want: []string{"Brak sygnałów"}},
		{path: "/sygnaly?rule=xyz", status: 400},
		{path: "/api/v1/signals?rule=late_publication", status: 200, want: []string{`"rule":"late_publication"`, `"url":"/umowy/` + fmt.Sprint(e.late) + `"`}},
		{path: "/api/v1/signals?rule=zle", status: 400, want: []string{`"code":"invalid"`}},
		{path: "/api/v1/signals?company=nie-ma", status: 400},
		{path: "/api/v1/signals/thresholds", status: 200, want: []string{`"valid_from":"2021-01-01","net":13000000`}},
		{path: fmt.Sprintf("/umowy/%d", e.late), status: 200, want: []string{`id="sygnaly"`, "opublikowano 10.03.2026, po 64 dniach"}},
		{path: fmt.Sprintf("/umowy/%d", e.bus), status: 200, forbid: []string{`id="sygnaly"`}},
		{path: fmt.Sprintf("/api/v1/contracts/%d", e.amended), status: 200, want: []string{`"signals":[{`, `"rule":"amendment_raise"`}},
		{path: "/spolki/wodociagi", status: 200, want: []string{"Terminowość, sygnały i audyty", "publikacja po ponad 7 dniach", "otwarte: 2, po terminie: <a", "Uzupełnić ewidencję wodomierzy.", "Wyciąg z rejestrów"}},
		{path: "/spolki/wodociagi/wyciag.pdf?from=2026-03-01&to=2026-02-01", status: 400, want: []string{"Koniec okresu nie może być wcześniejszy"}},
		{path: "/spolki/wodociagi/wyciag.pdf?from=abc", status: 400},
	})
	resp, body := e.do(t, "GET", "/spolki/wodociagi/wyciag.pdf?from=2026-01-01&to=2026-12-31")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(body, "%PDF-") {
		t.Fatalf("extract: %d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
}

func TestSupervisionDashboard(t *testing.T) {
	e := mustOpenAuditEnv(t)
	if resp, _ := e.do(t, "GET", "/panel/nadzor"); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("public: %d", resp.StatusCode)
	}
	officer := e.mustLogin(t, "wod", registry.RoleOfficer, "wodociagi")
	if resp, _ := officer.send(t, e.testEnv, "GET", "/panel/nadzor", nil); resp.StatusCode != 403 {
		t.Fatalf("officer: %d", resp.StatusCode)
	}
	sup := e.mustLogin(t, "nadzor", registry.RoleSupervisor)
	resp, body := sup.send(t, e.testEnv, "GET", "/panel/nadzor", nil)
	if resp.StatusCode != 200 {
		t.Fatalf("dashboard: %d %s", resp.StatusCode, e.logs.String())
	}
	for _, want := range []string{`aria-sort="ascending"`, `<svg class="chart" viewBox="0 0 720`, `role="img" aria-labelledby="wykres-lata-t wykres-lata-d"`,
		"<title id=\"wykres-tryby-t\">Wartość umów według trybu udzielenia zamówienia</title>", "przetarg nieograniczony", "Uzupełnić ewidencję wodomierzy.",
		`href="/panel/nadzor?dir=desc&amp;sort=value"`, "Wnioski o informację", "Odwołania"} {
		if !strings.Contains(body, want) {
			t.Errorf("dashboard lacks %q", want)
		}
	}
	// Sorted by value, largest first: MPK (the 1.2 M zł bus contract) before Wodociągi.
	_, body = sup.send(t, e.testEnv, "GET", "/panel/nadzor?sort=value&dir=desc", nil)
	if strings.Index(body, ">Miejskie Przedsiębiorstwo Komunikacyjne S.A.<") > strings.Index(body, ">Wodociągi Miasta Krakowa S.A.<") {
		t.Fatal("sort by value desc: MPK is not first")
	}
	_, body = sup.send(t, e.testEnv, "GET", "/panel/nadzor?sort=overdue&dir=desc", nil)
	if strings.Index(body, ">Wodociągi Miasta Krakowa S.A.<") > strings.Index(body, ">Miejskie Przedsiębiorstwo Komunikacyjne S.A.<") {
		t.Fatal("sort by overdue desc: Wodociągi is not first")
	}
	if resp, _ := sup.send(t, e.testEnv, "GET", "/panel/nadzor?sort=requests&dir=desc", nil); resp.StatusCode != 200 {
		t.Fatalf("sort by requests: %d", resp.StatusCode)
	}
	if resp, _ := sup.send(t, e.testEnv, "GET", "/panel/nadzor?sort=drop", nil); resp.StatusCode != 400 {
		t.Fatalf("bad sort: %d", resp.StatusCode)
	}
}

// searchIndexer returns an indexer of the fixture's index over its store and audits.
func searchIndexer(e *auditEnv) *search.Indexer {
	return search.NewIndexer(e.index, search.StoreSource{Store: e.store, Audits: e.au}, nil)
}

// TestOverdueNoticesInOfficerPanel: the nightly job's notice about an overdue recommendation
// reaches the panel of the company's officers, and only theirs.
func TestOverdueNoticesInOfficerPanel(t *testing.T) {
	e := mustOpenAuditEnv(t)
	ns, err := e.au.NoticeOverdue(context.Background(), time.Date(2026, 5, 5, 10, 0, 0, 0, time.UTC))
	if err != nil || len(ns) != 1 {
		t.Fatalf("notices: %v %+v", err, ns)
	}
	own := e.mustLogin(t, "wiktor", registry.RoleOfficer, "wodociagi")
	_, body := own.send(t, e.testEnv, "GET", "/panel", nil)
	if !strings.Contains(body, "Zalecenia audytowe po terminie") || !strings.Contains(body, "Uzupełnić ewidencję wodomierzy.") || !strings.Contains(body, "30.04.2026") {
		t.Fatalf("the company's officer does not see the notice:\n%s", excerpt(body))
	}
	other := e.mustLogin(t, "marek", registry.RoleOfficer, "mpk")
	if _, body := other.send(t, e.testEnv, "GET", "/panel", nil); strings.Contains(body, "Uzupełnić ewidencję wodomierzy.") {
		t.Fatal("another company's officer sees the notice")
	}
}
