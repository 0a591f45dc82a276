package web_test

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

func TestAPIScenarios(t *testing.T) {
	e := mustOpenEnv(t, false)
	e.run(t, []scenario{
		{path: "/api/v1/search?q=autobus", status: 200, want: []string{`"total":1`, `"url":"/umowy/` + fmt.Sprint(e.bus), `\u003cmark\u003eautobusów\u003c/mark\u003e`, `"facets":{`, `"company":[{"value":"mpk","count":1}]`, `"value_net":123456789`}},
		{path: "/api/v1/search?q=ab*", status: 400, want: []string{`"error":{"code":"invalid","message":"Przed gwiazdką wpisz co najmniej 3 litery`}},
		{path: "/api/v1/search?page=0", status: 400, want: []string{`"code":"invalid"`, "Numer strony"}},
		{path: "/api/v1/search?per_page=1000", status: 400, want: []string{"Liczba wyników na stronie"}},
		{path: "/api/v1/search?band=ogromne", status: 400, want: []string{"Nieznany przedział"}},
		{path: "/api/v1/companies", status: 200, want: []string{`"companies":[{"slug":"mpk","name":"Miejskie Przedsiębiorstwo Komunikacyjne S.A.","short_name":"MPK","legal_form":"","nip":"6750002236"`}},
		{path: "/api/v1/companies/wodociagi", status: 200, want: []string{`"slug":"wodociagi"`, `"totals":{"count":4,"value_net":39900000}`, `"years":[{"year":2026,"count":4`}},
		{path: "/api/v1/companies/zzz", status: 404, want: []string{`{"error":{"code":"not_found","message":"Nie ma spółki o identyfikatorze „zzz”.","fields":{}}}`}},
		{path: "/api/v1/contracts?company=wodociagi&per_page=2", status: 200, want: []string{`"total":4`, `"page":1`, `"per_page":2`, `"contracts":[{`}},
		{path: "/api/v1/contracts?nip=676-246-73-43&year=2026&mode=open_tender", status: 200, want: []string{`"total":29`}},
		{path: "/api/v1/contracts?page=99", status: 200, want: []string{`"contracts":[]`, `"total":30`}},
		{path: "/api/v1/contracts?nip=123", status: 400, want: []string{`"code":"invalid"`, "NIP"}},
		{path: "/api/v1/contracts?per_page=5000", status: 400},
		{path: "/api/v1/contracts?mode=zly", status: 400, want: []string{"Nieznany tryb"}},
		{path: "/api/v1/contracts/" + fmt.Sprint(e.draft), status: 404, forbid: []string{"Tajny"}},
		{path: "/api/v1/contracts/999999", status: 404, want: []string{`"code":"not_found"`}},
		{path: "/api/v1/nie-ma", status: 404, want: []string{`{"error":{"code":"not_found","message":"Nie ma takiej strony.","fields":{}}}`}},
		{method: http.MethodDelete, path: "/api/v1/companies", status: 405, want: []string{`"error":{`}},
	})
}

func TestAPIContractHasVersionsAndAmendments(t *testing.T) {
	e := mustOpenEnv(t, false)
	resp, body := e.do(t, http.MethodGet, fmt.Sprintf("/api/v1/contracts/%d", e.amended))
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("%d %s", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var got struct {
		ID           int64                 `json:"id"`
		Company      string                `json:"company"`
		Status       string                `json:"status"`
		SignedOn     string                `json:"signed_on"`
		ValueNet     int64                 `json:"value_net"`
		ValueGross   int64                 `json:"value_gross"`
		Currency     string                `json:"currency"`
		Mode         string                `json:"procurement_mode"`
		Counterparty registry.Counterparty `json:"counterparty"`
		Versions     []struct {
			Version    int                    `json:"version"`
			ChangeKind string                 `json:"change_kind"`
			Hash       string                 `json:"hash"`
			Changes    []registry.FieldChange `json:"changes"`
		} `json:"versions"`
		Amendments []registry.Amendment `json:"amendments"`
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	if got.ID != e.amended || got.Company != "wodociagi" || got.SignedOn != "2026-03-03" || got.ValueNet != 16_000_000 ||
		got.ValueGross != 19_680_000 || got.Currency != "PLN" || got.Mode != registry.ModeOpenTender ||
		got.Counterparty.NIP != "5260250274" || got.Counterparty.Town != "Warszawa" {
		t.Errorf("contract: %+v", got)
	}
	if len(got.Versions) != 2 || got.Versions[1].ChangeKind != registry.ChangeAmendment || len(got.Versions[1].Hash) != 64 ||
		len(got.Versions[1].Changes) != 2 || got.Versions[1].Changes[0].Field != "value_net" {
		t.Errorf("versions: %+v", got.Versions)
	}
	if len(got.Amendments) != 1 || got.Amendments[0].AnnexDate != "2026-03-09" || got.Amendments[0].Reason != "Roboty dodatkowe na ul. Kamiennej" {
		t.Errorf("amendments: %+v", got.Amendments)
	}
}

// TestExportsStreamEveryContract loads more contracts than one export chunk and checks that
// the CSV has its BOM and header once and every contract once, and the JSON is one array.
func TestExportsStreamEveryContract(t *testing.T) {
	e := mustOpenEnv(t, false)
	var items []registry.BulkContract
	for i := range 1234 {
		d := sample(fmt.Sprintf("Dostawa materiałów biurowych, partia %d", i), "2025-06-01", registry.Money(100_00+int64(i)))
		items = append(items, registry.BulkContract{Data: d, CreatedBy: "test", PublishedAt: time.Date(2025, 6, 3, 10, 0, 0, 0, time.UTC)})
	}
	if err := e.store.LoadContracts(t.Context(), system, e.mpk.ID, items); err != nil {
		t.Fatal(err)
	}
	const want = 30 + 1234

	resp, body := e.do(t, http.MethodGet, "/api/v1/export/contracts.csv")
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/csv; charset=utf-8" ||
		!strings.Contains(resp.Header.Get("Content-Disposition"), `attachment; filename="umowy.csv"`) {
		t.Fatalf("%d %q %q", resp.StatusCode, resp.Header.Get("Content-Type"), resp.Header.Get("Content-Disposition"))
	}
	if !strings.HasPrefix(body, "\uFEFFid;company;status;version;published_at;number;signed_on;subject;") {
		t.Fatalf("CSV starts %q", body[:min(80, len(body))])
	}
	if n := strings.Count(body, "\uFEFF"); n != 1 {
		t.Errorf("%d byte order marks", n)
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\uFEFF")))
	r.Comma = ';'
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != want+1 {
		t.Fatalf("%d CSV rows, want %d + header", len(rows), want)
	}
	seen := map[string]bool{}
	for _, row := range rows[1:] {
		if row[0] == "id" || seen[row[0]] {
			t.Fatalf("header or id %s repeated", row[0])
		}
		seen[row[0]] = true
	}
	if !strings.Contains(body, "http://example.com/umowy/") {
		t.Error("CSV rows lack absolute URLs")
	}
	if strings.Contains(body, "Tajny szkic") {
		t.Error("CSV export has a draft")
	}
	if back, err := registry.ParseContractsCSV(strings.NewReader(body)); err != nil || len(back) != want {
		t.Errorf("export does not import back: %d rows, %v", len(back), err)
	}

	resp, body = e.do(t, http.MethodGet, "/api/v1/export/contracts.json")
	if resp.StatusCode != 200 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("%d %q", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	var cs []registry.Contract
	if err := json.Unmarshal([]byte(body), &cs); err != nil {
		t.Fatal(err)
	}
	if len(cs) != want || cs[0].ID >= cs[1].ID || cs[len(cs)-1].Subject != "Dostawa materiałów biurowych, partia 1233" {
		t.Errorf("%d contracts in JSON", len(cs))
	}
}

func TestExportOfEmptyRegisterHasHeader(t *testing.T) {
	e := mustOpenEnvEmpty(t)
	_, body := e.do(t, http.MethodGet, "/api/v1/export/contracts.csv")
	sc := bufio.NewScanner(strings.NewReader(body))
	lines := 0
	for sc.Scan() {
		lines++
	}
	if lines != 1 || !strings.HasPrefix(body, "\uFEFFid;") {
		t.Errorf("%d lines: %q", lines, body)
	}
	if _, body := e.do(t, http.MethodGet, "/api/v1/export/contracts.json"); strings.TrimSpace(body) != "[\n]" && strings.TrimSpace(body) != "[]" {
		t.Errorf("JSON of nothing: %q", body)
	}
	if resp, _ := e.do(t, http.MethodGet, "/"); resp.StatusCode != 200 {
		t.Errorf("empty home page: %d", resp.StatusCode)
	}
}

// TestInternalErrorsAreLoggedNotShown closes the database under the app: the client gets
// the generic Polish message, the log gets the detail.
func TestInternalErrorsAreLoggedNotShown(t *testing.T) {
	e := mustOpenEnv(t, false)
	e.app.Get("/panika", func(c *fiber.Ctx) error { panic("sekretny szczegół") })
	resp, body := e.do(t, http.MethodGet, "/panika")
	if resp.StatusCode != 500 || !strings.Contains(body, "Wystąpił błąd wewnętrzny") || strings.Contains(body, "sekretny") || strings.Contains(body, "goroutine") {
		t.Errorf("panic: %d %s", resp.StatusCode, excerpt(body))
	}
	if !strings.Contains(e.logs.String(), "sekretny szczegół") {
		t.Error("panic not logged")
	}
	e.store.Close()
	resp, body = e.do(t, http.MethodGet, "/api/v1/companies")
	if resp.StatusCode != 500 || !strings.Contains(body, `"code":"internal"`) || strings.Contains(body, "sql") {
		t.Errorf("closed store: %d %s", resp.StatusCode, body)
	}
	if !strings.Contains(e.logs.String(), "GET /api/v1/companies") {
		t.Errorf("internal error not logged: %s", e.logs.String())
	}
}
