package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"jawnosc/registry"
)

// TestPanelRoutesByRole sends every panel route as the public, an officer of the company, an
// officer of another company, a supervisor and an auditor, and checks the status: the public is
// sent to sign in (or 401 for a post), another company's officer and the roles that do not file
// get 403 from the domain.
func TestPanelRoutesByRole(t *testing.T) {
	e := mustOpenEnv(t, false)
	ctx := context.Background()
	officer := e.mustLogin(t, "jan", registry.RoleOfficer, "mpk")
	other := e.mustLogin(t, "ewa", registry.RoleOfficer, "wodociagi")
	supervisor := e.mustLogin(t, "nadzor", registry.RoleSupervisor)
	auditor := e.mustLogin(t, "audytor", registry.RoleAuditor)
	public := e.anonymous(t)

	draft, err := e.store.CreateContract(ctx, system, e.mpk.ID, sample("Szkic MPK", "2026-03-01", 1_000_00), false)
	if err != nil {
		t.Fatal(err)
	}
	pub := e.bus // published, MPK
	id := func(n int64, suffix string) string { return fmt.Sprintf("/panel/umowy/%d%s", n, suffix) }
	amend := url.Values{"annex_date": {"2026-03-20"}, "subject": {"Dostawa autobusów elektrycznych"}, "value_net": {"1 300 000,00"},
		"value_gross": {"1 599 000,00"}, "reason": {"Aneks nr 1"}}
	routes := []struct {
		method, path string
		form         url.Values
		officer      int // status for the officer of MPK
	}{
		{"GET", "/panel/umowy", nil, 200},
		{"GET", "/panel/umowy/nowa", nil, 200},
		{"GET", "/panel/umowy?company=mpk", nil, 200},
		{"GET", "/panel/umowy/nowa?company=mpk", nil, 200},
		{"GET", id(pub, ""), nil, 200},
		{"GET", id(draft.ID, "/edycja"), nil, 200},
		{"GET", id(pub, "/aneks"), nil, 200},
		{"GET", id(pub, "/korekta"), nil, 200},
		{"GET", id(pub, "/wycofanie"), nil, 200},
		{"POST", "/panel/umowy", contractForm("mpk", "Nowa umowa MPK"), 303},
		{"POST", id(draft.ID, ""), contractForm("mpk", "Szkic MPK poprawiony"), 303},
		{"POST", id(pub, "/aneks"), amend, 303},
		{"POST", id(pub, "/korekta"), with(contractForm("mpk", "Dostawa autobusów elektrycznych"), "reason", "Błędny numer", "action", "correct"), 303},
		{"POST", id(draft.ID, "/publikacja"), url.Values{}, 303},
		{"POST", id(pub, "/wycofanie"), url.Values{"reason": {"Wpis omyłkowy"}}, 303},
	}
	for _, r := range routes {
		// Others first: the officer's writes change the entries' state.
		for _, who := range []struct {
			name string
			b    *browser
			want int
		}{{"public", public, 0}, {"other company", other, 403}, {"supervisor", supervisor, 403}, {"auditor", auditor, 403}} {
			want := who.want
			if who.b == other && r.method == "GET" && (r.path == "/panel/umowy" || r.path == "/panel/umowy/nowa") {
				want = 200 // their own list and form
			}
			if who.b == public {
				want = http.StatusSeeOther
				if r.method == "POST" {
					want = http.StatusUnauthorized
				}
			}
			resp, body := who.b.send(t, e, r.method, r.path, copyForm(r.form))
			if resp.StatusCode != want {
				t.Errorf("%s %s as %s: %d, want %d %s", r.method, r.path, who.name, resp.StatusCode, want, excerpt(body))
			}
			if who.b == public && r.method == "GET" && !strings.HasPrefix(resp.Header.Get("Location"), "/logowanie?next=") {
				t.Errorf("%s as public: Location %q", r.path, resp.Header.Get("Location"))
			}
			if want == 403 && !strings.Contains(body, "Brak dostępu") {
				t.Errorf("%s %s as %s: no Polish 403 page", r.method, r.path, who.name)
			}
		}
		resp, body := officer.send(t, e, r.method, r.path, copyForm(r.form))
		if resp.StatusCode != r.officer {
			t.Errorf("%s %s as the officer: %d, want %d %s", r.method, r.path, resp.StatusCode, r.officer, excerpt(body))
		}
	}
	// The officer of another company cannot file for MPK by naming it in the form.
	if resp, body := other.send(t, e, "POST", "/panel/umowy", contractForm("mpk", "Podrzucona umowa")); resp.StatusCode != 403 {
		t.Errorf("filing for another company: %d %s", resp.StatusCode, excerpt(body))
	}
	// Nothing the refused requests sent reached the register.
	cs, _, err := e.store.FindContracts(ctx, registry.ContractFilter{Status: []string{"draft", "published", "withdrawn"}, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cs {
		if c.Subject == "Podrzucona umowa" {
			t.Error("a refused filing was stored")
		}
	}
	if logs := e.logs.String(); logs != "" {
		t.Errorf("logged: %s", logs)
	}
}

// TestPanelListShowsOwnCompaniesOnly checks the officer's list: drafts included, another
// company's entries never, the filters and paging.
func TestPanelListShowsOwnCompaniesOnly(t *testing.T) {
	e := mustOpenEnv(t, false)
	wod := e.mustLogin(t, "ewa", registry.RoleOfficer, "wodociagi")
	resp, body := wod.send(t, e, "GET", "/panel/umowy", nil)
	if resp.StatusCode != 200 {
		t.Fatalf("list: %d %s", resp.StatusCode, excerpt(body))
	}
	for _, want := range []string{"Tajny szkic umowy", "szkic", "Dzierżawa koparki", "wycofana", "Budowa kanalizacji w Łodzi", "(wersja 2)", "5 umów"} {
		if !strings.Contains(body, want) {
			t.Errorf("list lacks %q", want)
		}
	}
	if strings.Contains(body, "Dostawa autobusów") {
		t.Error("list shows MPK's contract to an officer of Wodociągi")
	}
	if strings.Index(body, "Tajny szkic umowy") > strings.Index(body, "Usługi doradcze w zakresie taryf") {
		t.Error("the list is not newest filed first")
	}
	_, body = wod.send(t, e, "GET", "/panel/umowy?status=draft", nil)
	if !strings.Contains(body, "Tajny szkic umowy") || strings.Contains(body, "Dzierżawa koparki") || !strings.Contains(body, "1 umowa") {
		t.Errorf("status filter: %s", excerpt(body))
	}
	if resp, _ := wod.send(t, e, "GET", "/panel/umowy?company=mpk", nil); resp.StatusCode != 403 {
		t.Errorf("filter by another company: %d", resp.StatusCode)
	}
	if resp, _ := wod.send(t, e, "GET", "/panel/umowy?company=nie-ma", nil); resp.StatusCode != 400 {
		t.Errorf("filter by an unknown company: %d", resp.StatusCode)
	}
	if resp, _ := wod.send(t, e, "GET", "/panel/umowy?status=zly", nil); resp.StatusCode != 400 {
		t.Errorf("unknown status: %d", resp.StatusCode)
	}
	mpk := e.mustLogin(t, "jan", registry.RoleOfficer, "mpk")
	_, body = mpk.send(t, e, "GET", "/panel/umowy", nil)
	if !strings.Contains(body, "26 umów") || !strings.Contains(body, `href="/panel/umowy?page=2"`) {
		t.Errorf("MPK list is not paginated: %s", excerpt(body))
	}
	_, body = mpk.send(t, e, "GET", "/panel/umowy?page=2", nil)
	if !strings.Contains(body, "pozycje 21–26") {
		t.Errorf("page 2: %s", excerpt(body))
	}
	// An officer of both companies filters by company.
	both := e.mustLogin(t, "ola", registry.RoleOfficer, "mpk", "wodociagi")
	_, body = both.send(t, e, "GET", "/panel/umowy?company=wodociagi", nil)
	if !strings.Contains(body, "5 umów") || !strings.Contains(body, `<option value="wodociagi" selected>`) {
		t.Errorf("company filter: %s", excerpt(body))
	}
	_, body = both.send(t, e, "GET", "/panel/umowy/nowa", nil)
	if !strings.Contains(body, `<select id="f-company" name="company"`) {
		t.Error("an officer of two companies is not asked which company files")
	}
	// Admins file for every company.
	admin := e.mustLogin(t, "admin", registry.RoleAdmin)
	_, body = admin.send(t, e, "GET", "/panel/umowy", nil)
	if !strings.Contains(body, "31 umów") {
		t.Errorf("admin's list: %s", excerpt(body))
	}
	if resp, _ := admin.send(t, e, "POST", "/panel/umowy", contractForm("wodociagi", "Umowa wpisana przez administratora")); resp.StatusCode != 303 {
		t.Errorf("admin files for a company: %d", resp.StatusCode)
	}
	_, body = mpk.send(t, e, "GET", "/panel", nil)
	if !strings.Contains(body, `href="/panel/umowy"`) || !strings.Contains(body, `href="/panel/umowy/nowa"`) {
		t.Error("the panel's start page does not link to the filing pages")
	}
}

// TestPanelFormErrorsKeepValues posts a form with several wrong fields: 422, a Polish message
// beside each wrong field (aria-invalid, aria-describedby), an error summary linking to the
// fields, every typed value kept, and nothing stored.
func TestPanelFormErrorsKeepValues(t *testing.T) {
	e := mustOpenEnv(t, false)
	b := e.mustLogin(t, "jan", registry.RoleOfficer, "mpk")
	before, _ := e.store.CountPublicContracts(context.Background())
	form := with(contractForm("mpk", ""), "counterparty.nip", "1234567890", "value_net", "dużo", "value_gross", "1 234,56 zł",
		"end_on", "2026-02-30", "description", "Opis, który zostaje po błędzie.",
		"redactions.0.field", "description", "redactions.0.ground", "", "redactions.0.justification", "Tajemnica przedsiębiorstwa")
	resp, body := b.send(t, e, "POST", "/panel/umowy", form)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422: %s", resp.StatusCode, excerpt(body))
	}
	for _, want := range []string{
		`<div class="error-summary" id="bledy" role="alert"`,
		`<a href="#f-subject">Przedmiot umowy: To pole jest wymagane.</a>`,
		`<a href="#f-counterparty-nip">NIP: `,
		`<a href="#f-value_net">Wartość netto: Nieprawidłowa kwota.`,
		`<a href="#f-redactions-0-ground">Wyłączenie 1: podstawa prawna: To pole jest wymagane.</a>`,
		`id="f-subject" name="subject" type="text" value="" maxlength="500" aria-required="true" aria-describedby="f-subject-hint f-subject-error" aria-invalid="true"`,
		`<p class="error" id="f-counterparty-nip-error"><span class="visually-hidden">Błąd: </span>`,
		`value="dużo"`, `value="1 234,56 zł"`, `value="1234567890"`, `value="2026-02-30"`,
		`>Opis, który zostaje po błędzie.</textarea>`,
		`<option value="description" selected>`, `>Tajemnica przedsiębiorstwa</textarea>`,
		`<option value="quotation_below_threshold" selected>`, `name="eu_funded" type="checkbox" value="1" checked`,
		`<title>Błąd: Nowa umowa`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("form lacks %s", want)
		}
	}
	if strings.Contains(body, `id="f-number" name="number" type="text" value="MPK/ZP/7/2026" maxlength="100" aria-required="true" aria-describedby="f-number-hint f-number-error"`) {
		t.Error("a right field is marked wrong")
	}
	if after, _ := e.store.CountPublicContracts(context.Background()); after != before {
		t.Errorf("a form with errors stored a contract (%d → %d)", before, after)
	}
	// "Add another redaction" shows one more row and saves nothing.
	resp, body = b.send(t, e, "POST", "/panel/umowy", with(form, "action", "add_redaction"))
	if resp.StatusCode != 200 || !strings.Contains(body, `id="f-redactions-1-field"`) || !strings.Contains(body, `name="redaction_rows" value="2"`) {
		t.Errorf("add a redaction row: %d", resp.StatusCode)
	}
	// A natural person: name only.
	resp, body = b.send(t, e, "POST", "/panel/umowy", with(contractForm("mpk", "Umowa o dzieło"), "counterparty.natural_person", "1"))
	if resp.StatusCode != 422 || !strings.Contains(body, "Dla osoby fizycznej podaje się tylko imię i nazwisko.") {
		t.Errorf("natural person with a NIP: %d", resp.StatusCode)
	}
}

// TestPanelFilingLifecycle files a draft with a redaction, edits it, publishes it, amends,
// corrects and withdraws it through the panel, and checks the public page after each step.
func TestPanelFilingLifecycle(t *testing.T) {
	e := mustOpenEnv(t, false)
	b := e.mustLogin(t, "jan", registry.RoleOfficer, "mpk")
	form := with(contractForm("mpk", "Dostawa części zamiennych do tramwajów"),
		"redactions.0.field", "description", "redactions.0.ground", "trade_secret", "redactions.0.justification", "Kalkulacja ceny wykonawcy")
	id := b.mustSave(t, e, "POST", "/panel/umowy", form)
	c, err := e.store.FindContractByID(context.Background(), system, id)
	if err != nil {
		t.Fatal(err)
	}
	if c.Status != "draft" || c.ValueNet != 129_999_99 || c.ValueGross != 159_899_99 || c.SignedOn != "2026-03-14" ||
		c.Counterparty.NIP != "6761234565" || !c.EUFunded || len(c.Redactions) != 1 || c.CompanyID != e.mpk.ID {
		t.Fatalf("stored draft: %+v", c)
	}
	_, body := b.send(t, e, "GET", fmt.Sprintf("/panel/umowy/%d?zapisano=szkic", id), nil)
	if !strings.Contains(body, "Zapisano szkic.") || !strings.Contains(body, `action="/panel/umowy/`+fmt.Sprint(id)+`/publikacja"`) {
		t.Errorf("draft page: %s", excerpt(body))
	}
	if resp, _ := e.do(t, "GET", fmt.Sprintf("/umowy/%d", id)); resp.StatusCode != 404 {
		t.Errorf("the public sees a draft: %d", resp.StatusCode)
	}
	// Edit the draft: the form comes filled in.
	_, body = b.send(t, e, "GET", fmt.Sprintf("/panel/umowy/%d/edycja", id), nil)
	if !strings.Contains(body, `value="129 999,99"`) || !strings.Contains(body, `value="2026-03-14"`) || !strings.Contains(body, "Kalkulacja ceny wykonawcy") {
		t.Errorf("edit form is not filled in: %s", excerpt(body))
	}
	b.mustSave(t, e, "POST", fmt.Sprintf("/panel/umowy/%d", id), with(form, "subject", "Dostawa części do tramwajów NGT8"))
	b.mustSave(t, e, "POST", fmt.Sprintf("/panel/umowy/%d/publikacja", id), url.Values{})
	resp, body := e.do(t, "GET", fmt.Sprintf("/umowy/%d", id))
	if resp.StatusCode != 200 || !strings.Contains(body, "Dostawa części do tramwajów NGT8") || !strings.Contains(body, "Wersja 1 — publikacja") {
		t.Fatalf("public page after publishing: %d %s", resp.StatusCode, excerpt(body))
	}
	// Publishing twice is a conflict, and a published entry is not edited.
	if resp, _ := b.send(t, e, "POST", fmt.Sprintf("/panel/umowy/%d/publikacja", id), url.Values{}); resp.StatusCode != 409 {
		t.Errorf("publish twice: %d", resp.StatusCode)
	}
	if resp, _ := b.send(t, e, "GET", fmt.Sprintf("/panel/umowy/%d/edycja", id), nil); resp.StatusCode != 409 {
		t.Errorf("edit a published entry: %d", resp.StatusCode)
	}
	// Annex: errors first (no reason, a bad date, a bad amount), values kept.
	annex := url.Values{"annex_date": {"30.06.2026"}, "subject": {"Dostawa części do tramwajów NGT8"}, "value_net": {"150 000,00 zł"},
		"value_gross": {"184 500,00 zł"}, "start_on": {"2026-04-01"}, "end_on": {"2027-03-31"}, "reason": {"Zwiększenie liczby części"}}
	resp, body = b.send(t, e, "POST", fmt.Sprintf("/panel/umowy/%d/aneks", id), with(annex, "reason", " ", "annex_date", "kiedyś", "value_gross", "sto"))
	if resp.StatusCode != 422 || !strings.Contains(body, `href="#f-reason"`) || !strings.Contains(body, `href="#f-annex_date"`) ||
		!strings.Contains(body, `href="#f-value_gross"`) || !strings.Contains(body, `value="kiedyś"`) || !strings.Contains(body, `value="150 000,00 zł"`) {
		t.Errorf("annex with errors: %d %s", resp.StatusCode, excerpt(body))
	}
	b.mustSave(t, e, "POST", fmt.Sprintf("/panel/umowy/%d/aneks", id), annex)
	_, body = e.do(t, "GET", fmt.Sprintf("/umowy/%d", id))
	for _, want := range []string{"Wersja 2 — aneks", "data aneksu: 30.06.2026", "powód: Zwiększenie liczby części",
		"<th scope=\"row\">Wartość netto</th><td>129 999,99 zł</td><td>150 000,00 zł</td>", "31.03.2027"} {
		if !strings.Contains(body, want) {
			t.Errorf("public page after the annex lacks %q", want)
		}
	}
	// An annex that changes nothing is refused on the reason.
	resp, body = b.send(t, e, "POST", fmt.Sprintf("/panel/umowy/%d/aneks", id), annex)
	if resp.StatusCode != 422 || !strings.Contains(body, "Nowa wersja nie zmienia żadnego pola") {
		t.Errorf("empty annex: %d", resp.StatusCode)
	}
	// Correction: the full form with a reason.
	corr := with(form, "subject", "Dostawa części do tramwajów NGT8", "value_net", "150000.00", "value_gross", "184500", "end_on", "2027-03-31",
		"counterparty.town", "Wieliczka", "action", "correct")
	if resp, body := b.send(t, e, "POST", fmt.Sprintf("/panel/umowy/%d/korekta", id), corr); resp.StatusCode != 422 || !strings.Contains(body, `href="#f-reason">Powód zmiany: Podaj powód`) {
		t.Errorf("correction without a reason: %d %s", resp.StatusCode, excerpt(body))
	}
	b.mustSave(t, e, "POST", fmt.Sprintf("/panel/umowy/%d/korekta", id), with(corr, "reason", "Błędna miejscowość kontrahenta"))
	// Withdrawal.
	if resp, _ := b.send(t, e, "POST", fmt.Sprintf("/panel/umowy/%d/wycofanie", id), url.Values{"reason": {""}}); resp.StatusCode != 422 {
		t.Errorf("withdrawal without a reason: %d", resp.StatusCode)
	}
	b.mustSave(t, e, "POST", fmt.Sprintf("/panel/umowy/%d/wycofanie", id), url.Values{"reason": {"Umowa rozwiązana przed wykonaniem"}})
	_, body = e.do(t, "GET", fmt.Sprintf("/umowy/%d", id))
	for _, want := range []string{"Wersja 3 — korekta", "Wieliczka", "Wersja 4 — wycofanie", "Powód wycofania: Umowa rozwiązana przed wykonaniem"} {
		if !strings.Contains(body, want) {
			t.Errorf("public page lacks %q", want)
		}
	}
	if resp, _ := b.send(t, e, "GET", fmt.Sprintf("/panel/umowy/%d/aneks", id), nil); resp.StatusCode != 409 {
		t.Errorf("annex form of a withdrawn entry: %d", resp.StatusCode)
	}
	// Filing and publishing at once.
	pub := b.mustSave(t, e, "POST", "/panel/umowy", with(contractForm("mpk", "Remont zajezdni"), "action", "publish"))
	if resp, _ := e.do(t, "GET", fmt.Sprintf("/umowy/%d", pub)); resp.StatusCode != 200 {
		t.Errorf("published at once: %d", resp.StatusCode)
	}
	if logs := e.logs.String(); logs != "" {
		t.Errorf("logged: %s", logs)
	}
}

// TestPanelFormsNeedCSRF posts panel forms with a forged and with no anti-forgery token: 403,
// nothing changes.
func TestPanelFormsNeedCSRF(t *testing.T) {
	e := mustOpenEnv(t, false)
	b := e.mustLogin(t, "jan", registry.RoleOfficer, "mpk")
	for _, token := range []string{"forged-token", ""} {
		for _, path := range []string{"/panel/umowy", fmt.Sprintf("/panel/umowy/%d/wycofanie", e.bus)} {
			form := with(contractForm("mpk", "Umowa bez tokenu"), "_csrf", token, "reason", "Wycofanie bez tokenu")
			resp, body := b.send(t, e, "POST", path, form)
			if resp.StatusCode != 403 || !strings.Contains(body, "Formularz wygasł") {
				t.Errorf("POST %s with token %q: %d", path, token, resp.StatusCode)
			}
		}
		resp, _ := b.sendMultipart(t, e, fmt.Sprintf("/panel/umowy/%d/zalaczniki", e.bus), url.Values{"_csrf": {token}, "title": {"Umowa"}},
			upload{"file", "umowa.pdf", "application/pdf", mustPDF(t, "Umowa")})
		if resp.StatusCode != 403 {
			t.Errorf("upload with token %q: %d", token, resp.StatusCode)
		}
	}
	c, err := e.store.FindContractByID(context.Background(), system, e.bus)
	if err != nil || c.Status != "published" {
		t.Errorf("the contract changed: %v %v", c.Status, err)
	}
	if ats, _ := e.store.FindAttachments(context.Background(), system, e.bus); len(ats) != 0 {
		t.Errorf("an upload without a token was stored")
	}
}
