package web_test

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"jawnosc/registry"
	"jawnosc/search"
)

// registerIDs are the notable entries of the register fixture.
type registerIDs struct {
	expense, expenseDraft, ad, adWithdrawn, appointed, direct, cancelled int64
}

// addRegisterFixture files expenses, ads and recruitments for the env's companies and
// catches the index up.
func addRegisterFixture(tb testing.TB, e *testEnv) registerIDs {
	tb.Helper()
	ctx := context.Background()
	s := e.store
	var ids registerIDs
	must := func(id int64, err error) int64 {
		tb.Helper()
		if err != nil {
			tb.Fatalf("fixture: %v %v", err, registry.ErrorFields(err))
		}
		return id
	}
	exp := registry.ExpenseData{SpentOn: "2026-02-10", Category: "sponsorship", Recipient: registry.Recipient{Name: "Klub Sportowy Wisła", NIP: "5260250995"},
		AmountGross: 25_000_00, Purpose: "Sponsoring turnieju juniorów", ContractID: e.bus}
	x, err := s.Expenses().Create(ctx, system, e.mpk.ID, exp, true)
	ids.expense = must(x.ID, err)
	exp.Purpose = "Tajny szkic wydatku"
	x, err = s.Expenses().Create(ctx, system, e.mpk.ID, exp, false)
	ids.expenseDraft = must(x.ID, err)
	exp.AmountGross = 27_500_00
	exp.Purpose = "Sponsoring turnieju juniorów"
	if _, err := s.Expenses().Correct(ctx, system, ids.expense, exp, "Pomyłka w kwocie."); err != nil {
		tb.Fatal(err)
	}
	ad := func(outlet, campaign string, zl int64, start, end registry.Date, content string) int64 {
		a, err := s.Ads().Create(ctx, system, e.mpk.ID, registry.AdData{Outlet: registry.Outlet{Name: outlet, Kind: "press", Publisher: "Polska Press"},
			Campaign: campaign, ContentKind: content, PeriodStart: start, PeriodEnd: end, AmountGross: registry.MoneyFromZloty(zl),
			Procedure: registry.ModeDirectAward}, true)
		return must(a.ID, err)
	}
	ids.ad = ad("Gazeta Krakowska", `<script>alert(1)</script> Bilet miesięczny`, 7_000, "2026-01-05", "2026-01-31", "advertisement")
	ad("Gazeta Krakowska", "Nocne linie", 1_000, "2026-04-01", "2026-04-30", "sponsored_article")
	ad("Radio Kraków", "Nocne linie", 2_000, "2026-01-10", "2026-01-20", "programme_sponsorship")
	ids.adWithdrawn = ad("Portal Wycofany", "Omyłka", 50_000, "2026-01-10", "2026-01-20", "advertisement")
	if _, err := s.Ads().Withdraw(ctx, system, ids.adWithdrawn, "Zlecenie anulowane."); err != nil {
		tb.Fatal(err)
	}
	open := registry.RecruitmentData{Body: "management_board", Position: "Prezes Zarządu", LegalBasis: "art. 10a ustawy o gospodarce komunalnej",
		Procedure: registry.ProcedureOpen, AnnouncedOn: "2026-01-02", AnnouncementPlace: "BIP spółki", ApplicationDeadline: "2026-01-09",
		Requirements: "Wyższe wykształcenie.", ApplicantsCount: 4, AdmittedCount: 3, InterviewedCount: 2, Outcome: registry.OutcomeAppointed,
		Appointee: &registry.Appointee{Name: "Anna Nowak", Function: "Prezes Zarządu", Qualifications: "Menedżerka.", ResolutionNumber: "RN/3/2026",
			ResolutionDate: "2026-02-05", TermStart: "2026-02-06"}}
	r, err := s.Recruitments().Create(ctx, system, e.mpk.ID, open, true)
	ids.appointed = must(r.ID, err)
	direct := registry.RecruitmentData{Body: "supervisory_board", Position: "Członek Rady Nadzorczej", LegalBasis: "§ 12 umowy spółki",
		Procedure: registry.ProcedureWithout, Outcome: registry.OutcomeAppointed,
		Appointee: &registry.Appointee{Name: "Jan Kowalski", Function: "Członek RN", Qualifications: "Egzamin dla członków rad nadzorczych.",
			ResolutionNumber: "ZW/1/2026", ResolutionDate: "2026-03-01", TermStart: "2026-03-01"}}
	r, err = s.Recruitments().Create(ctx, system, e.mpk.ID, direct, true)
	ids.direct = must(r.ID, err)
	open.Outcome, open.Appointee, open.Position = "no_candidate", nil, "Wiceprezes Zarządu"
	r, err = s.Recruitments().Create(ctx, system, e.mpk.ID, open, true)
	ids.cancelled = must(r.ID, err)
	if _, err := search.NewIndexer(e.index, search.StoreSource{Store: s}, nil).CatchUp(ctx); err != nil {
		tb.Fatal(err)
	}
	return ids
}

func TestRegisterPages(t *testing.T) {
	e := mustOpenEnv(t, false)
	ids := addRegisterFixture(t, e)
	id := func(n int64) string { return strconv.FormatInt(n, 10) }
	for _, tc := range []struct {
		path    string
		status  int
		want    []string
		notWant []string
	}{
		{"/wydatki", 200, []string{"Sponsoring turnieju juniorów", "27 500,00 zł", "Klub Sportowy Wisła", `href="/kontrahenci/5260250995"`}, []string{"Tajny szkic"}},
		{"/wydatki?category=bribe&year=12", 400, []string{`id="e-category"`, `id="e-year"`, `<div class="error-summary" id="bledy" role="alert"`, `<a href="#f-category">Kategoria: `, `<title>Błąd: Wydatki`}, nil},
		{"/wydatki?recipient=wisła&category=sponsorship", 200, []string{"1 wpis."}, nil},
		{"/wydatki/" + id(ids.expense), 200, []string{"Sponsoring: Klub Sportowy Wisła", "Wersja 2 — korekta", "Pomyłka w kwocie.", "25 000,00 zł", `href="/umowy/` + id(e.bus) + `"`}, nil},
		{"/wydatki/" + id(ids.expenseDraft), 404, nil, []string{"Tajny szkic"}},
		{"/wydatki/abc", 404, nil, nil},
		{"/reklamy/" + id(ids.expense), 404, nil, nil}, // an expense is not an ad
		{"/reklamy", 200, []string{"&lt;script&gt;alert(1)&lt;/script&gt; Bilet miesięczny", "I kw. 2026", "wycofany"}, []string{"<script>alert(1)"}},
		{"/reklamy?quarter=2026-Q2", 200, []string{"Nocne linie", "1 wpis."}, nil},
		{"/reklamy?quarter=zły", 400, []string{"Nieprawidłowy kwartał"}, nil},
		{"/reklamy/" + id(ids.ad), 200, []string{"z wolnej ręki", "Gazeta Krakowska", "I kw. 2026"}, nil},
		{"/reklamy/" + id(ids.adWithdrawn), 200, []string{"Wpis wycofany z rejestru", "Zlecenie anulowane."}, nil},
		{"/reklamy/zestawienia", 200, []string{`id="tabela-koncentracji"`, "Herfindahla–Hirschmana", "<svg", "<title id=\"wykres-media-t\">", "<desc id=\"wykres-media-d\">",
			"Gazeta Krakowska", "8 000,00 zł", "10 000,00 zł", "80,0%", "6 800", "wysoka koncentracja", "I kw. 2026", "II kw. 2026"}, []string{"Portal Wycofany"}},
		{"/reklamy/zestawienia?company=mpk&currency=EUR", 200, []string{"Nie ma jeszcze opublikowanych wydatków"}, nil},
		{"/spolki/mpk/reklamy", 200, []string{`aria-current="page">Reklamy`, `id="tabela-media"`, "80,0%"}, nil},
		{"/spolki/mpk/rekrutacje", 200, []string{"Obecne władze spółki", "Anna Nowak", "Jan Kowalski", "bez konkursu", "Prezes Zarządu"}, nil},
		{"/spolki/mpk/wydatki", 200, []string{"Klub Sportowy Wisła"}, nil},
		{"/spolki/wodociagi/wydatki", 200, []string{"0 wpisów."}, []string{"Klub Sportowy Wisła"}},
		{"/spolki/mpk/nic", 404, nil, nil},
		{"/spolki/brak/wydatki", 404, nil, nil},
		{"/spolki/mpk", 200, []string{`href="/spolki/mpk/wydatki"`, "Obecne władze spółki", "Anna Nowak", "otwarte postępowanie kwalifikacyjne", "powołanie bez otwartego postępowania"}, nil},
		{"/rekrutacje", 200, []string{"Prezes Zarządu", "Powołanie bez otwartego postępowania", "nie wyłoniono kandydata"}, nil},
		{"/rekrutacje?procedure=without_procedure", 200, []string{"1 wpis."}, nil},
		{"/rekrutacje/" + id(ids.direct), 200, []string{"Powołanie bez otwartego postępowania kwalifikacyjnego.", "sygnał do sprawdzenia"}, nil},
		{"/rekrutacje/" + id(ids.appointed), 200, []string{"mniej niż 14 dni (było 7)", "Anna Nowak", "RN/3/2026 z 05.02.2026"}, nil},
		{"/rekrutacje/" + id(ids.cancelled), 200, []string{"nie wyłoniono kandydata"}, []string{"Anna Nowak", "Powołana osoba"}},
		{"/szukaj?q=turniej&kind=expense", 200, []string{"Klub Sportowy Wisła", `href="/wydatki/` + id(ids.expense) + `"`}, nil},
	} {
		resp, body := e.do(t, "GET", tc.path)
		if resp.StatusCode != tc.status {
			t.Errorf("%s: status %d, want %d", tc.path, resp.StatusCode, tc.status)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: no %q", tc.path, w)
			}
		}
		for _, w := range tc.notWant {
			if strings.Contains(body, w) {
				t.Errorf("%s: has %q", tc.path, w)
			}
		}
	}
}

func TestRegisterAPIAndExports(t *testing.T) {
	e := mustOpenEnv(t, false)
	ids := addRegisterFixture(t, e)
	getJSON := func(path string, status int, v any) string {
		t.Helper()
		resp, body := e.do(t, "GET", path)
		if resp.StatusCode != status || !strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
			t.Fatalf("%s: %d %s %s", path, resp.StatusCode, resp.Header.Get("Content-Type"), body)
		}
		if v != nil {
			if err := json.Unmarshal([]byte(body), v); err != nil {
				t.Fatalf("%s: %v", path, err)
			}
		}
		return body
	}
	var list struct {
		Total    int `json:"total"`
		Expenses []struct {
			ID          int64  `json:"id"`
			AmountGross int64  `json:"amount_gross"`
			SpentOn     string `json:"spent_on"`
			Category    string `json:"category"`
			Company     string `json:"company"`
		} `json:"expenses"`
	}
	getJSON("/api/v1/expenses?company=mpk", 200, &list)
	if list.Total != 1 || list.Expenses[0].AmountGross != 27_500_00 || list.Expenses[0].SpentOn != "2026-02-10" || list.Expenses[0].Company != "mpk" {
		t.Fatalf("expenses: %+v", list)
	}
	var one struct {
		ID       int64 `json:"id"`
		Versions []struct {
			Version    int    `json:"version"`
			ChangeKind string `json:"change_kind"`
			Hash       string `json:"hash"`
			Changes    []struct{ Field string }
		} `json:"versions"`
		Outlet struct{ Name string } `json:"outlet"`
	}
	getJSON("/api/v1/expenses/"+strconv.FormatInt(ids.expense, 10), 200, &one)
	if len(one.Versions) != 2 || one.Versions[1].ChangeKind != "correction" || one.Versions[1].Changes[0].Field != "amount_gross" || one.Versions[0].Hash == "" {
		t.Fatalf("expense versions: %+v", one)
	}
	getJSON("/api/v1/ads/"+strconv.FormatInt(ids.ad, 10), 200, &one)
	if one.Outlet.Name != "Gazeta Krakowska" || len(one.Versions) != 1 {
		t.Fatalf("ad: %+v", one)
	}
	getJSON("/api/v1/expenses/"+strconv.FormatInt(ids.expenseDraft, 10), 404, nil)
	if body := getJSON("/api/v1/ads?quarter=zly", 400, nil); !strings.Contains(body, `"code":"invalid"`) || !strings.Contains(body, "quarter") {
		t.Errorf("bad quarter: %s", body)
	}
	var sum struct {
		Sums []struct {
			Key         string `json:"key"`
			Quarter     string `json:"quarter"`
			AmountGross int64  `json:"amount_gross"`
		} `json:"sums"`
		Concentration []struct {
			HHI      int     `json:"hhi"`
			TopShare float64 `json:"top_share"`
		} `json:"concentration"`
	}
	getJSON("/api/v1/ads/summary?group=outlet_quarter", 200, &sum)
	if len(sum.Sums) != 3 || sum.Sums[0].Key != "Gazeta Krakowska" || sum.Sums[0].Quarter != "2026-Q1" || sum.Sums[0].AmountGross != 7_000_00 ||
		len(sum.Concentration) != 1 || sum.Concentration[0].HHI != 6800 || sum.Concentration[0].TopShare != 0.8 {
		t.Fatalf("summary: %+v", sum)
	}
	getJSON("/api/v1/ads/summary?group=nic", 400, nil)
	var recs struct {
		Recruitments []struct {
			Appointee *struct{ Name string } `json:"appointee"`
			Outcome   string                 `json:"outcome"`
		} `json:"recruitments"`
	}
	getJSON("/api/v1/recruitments?outcome=no_candidate", 200, &recs)
	if len(recs.Recruitments) != 1 || recs.Recruitments[0].Appointee != nil {
		t.Fatalf("no candidate: %+v", recs)
	}

	resp, body := e.do(t, "GET", "/api/v1/export/ads.csv")
	if resp.StatusCode != 200 || !strings.HasPrefix(body, "\uFEFFid;company;status;version;published_at;withdrawn_reason;url;outlet_name;") {
		t.Fatalf("ads CSV: %d %.200s", resp.StatusCode, body)
	}
	if n := strings.Count(body, "\r\n"); n != 5 {
		t.Errorf("ads CSV has %d lines, want header + 4", n)
	}
	tab, err := registry.ReadTable(strings.NewReader(body), 0)
	if err != nil {
		t.Fatal(err)
	}
	back, err := e.store.Ads().ParseTable(tab, registry.Mapping{})
	if err != nil || len(back) != 4 {
		t.Fatalf("export does not import back: %v", err)
	}
	for _, reg := range []string{"expenses", "ads", "recruitments"} {
		resp, body := e.do(t, "GET", "/api/v1/export/"+reg+".json")
		var arr []map[string]any
		if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &arr) != nil || len(arr) == 0 {
			t.Errorf("%s JSON export: %d %.200s", reg, resp.StatusCode, body)
		}
		resp, body = e.do(t, "GET", "/api/v1/export/"+reg+".csv")
		if resp.StatusCode != 200 || !strings.HasPrefix(body, "\uFEFF") || strings.Contains(body, "Tajny szkic") {
			t.Errorf("%s CSV export: %d", reg, resp.StatusCode)
		}
	}
}

// TestSearchShowsAmountsInTheirCurrency: a search hit of an advertising report in euro
// shows euro, in the page and in the API, not złoty.
func TestSearchShowsAmountsInTheirCurrency(t *testing.T) {
	e := mustOpenEnv(t, false)
	ctx := context.Background()
	ad, err := e.store.Ads().Create(ctx, system, e.mpk.ID, registry.AdData{Outlet: registry.Outlet{Name: "Kurier Wiedeński", Kind: "press", Publisher: "Wydawca"},
		Campaign: "Kampania partnerska w Wiedniu", ContentKind: "sponsored_article", PeriodStart: "2026-01-01", PeriodEnd: "2026-03-31",
		AmountGross: 1_234_56, Currency: "EUR", Procedure: registry.ModeQuotationBelowThreshold}, true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := search.NewIndexer(e.index, search.StoreSource{Store: e.store}, nil).CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	resp, body := e.do(t, "GET", "/szukaj?q=wiedniu")
	if resp.StatusCode != 200 || !strings.Contains(body, "1 234,56 EUR brutto") || strings.Contains(body, "1 234,56 zł") {
		t.Errorf("search page: HTTP %d, want the amount in EUR; body: %s", resp.StatusCode, body)
	}
	resp, body = e.do(t, "GET", "/api/v1/search?q=wiedniu")
	var got struct {
		Hits []struct {
			EntryID  int64  `json:"entry_id"`
			ValueNet int64  `json:"value_net"`
			Currency string `json:"currency"`
		} `json:"hits"`
	}
	if err := json.Unmarshal([]byte(body), &got); err != nil || resp.StatusCode != 200 || len(got.Hits) != 1 ||
		got.Hits[0].EntryID != ad.ID || got.Hits[0].ValueNet != 1_234_56 || got.Hits[0].Currency != "EUR" {
		t.Errorf("API: HTTP %d %v %s", resp.StatusCode, err, body)
	}
	if _, body := e.do(t, "GET", "/api/v1/search?q=autobusów"); !strings.Contains(body, `"currency":"PLN"`) {
		t.Errorf("a contract in złoty: %s", body)
	}
}
