package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"jawnosc/registry"
)

// panelSavedID reads the id from the redirect after a panel write of a register.
func panelSavedID(tb testing.TB, resp *http.Response, body, tab string) int64 {
	tb.Helper()
	loc := resp.Header.Get("Location")
	prefix := "/panel/" + tab + "/"
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, prefix) {
		tb.Fatalf("want a redirect to %s…, got %d %q %s", prefix, resp.StatusCode, loc, excerpt(body))
	}
	rest := strings.TrimPrefix(loc, prefix)
	id, err := strconv.ParseInt(rest[:strings.IndexAny(rest+"?", "?/")], 10, 64)
	if err != nil {
		tb.Fatal(err)
	}
	return id
}

// TestPanelRegisters files, publishes, corrects and withdraws an expense through the panel's
// forms, files a recruitment with checkbox lists and imports ads from a spreadsheet with a
// column mapping; another company's officer is refused and bad values come back per field.
func TestPanelRegisters(t *testing.T) {
	e := mustOpenEnv(t, false)
	b := e.mustLogin(t, "ewa", registry.RoleOfficer, "mpk")
	other := e.mustLogin(t, "olek", registry.RoleOfficer, "wodociagi")
	if resp, _ := e.do(t, "GET", "/panel/wydatki"); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("public opens the panel: %d", resp.StatusCode)
	}
	if resp, body := b.send(t, e, "GET", "/panel/wydatki/nowy", nil); resp.StatusCode != 200 || !strings.Contains(body, `name="recipient.nip"`) || !strings.Contains(body, "Kategoria") {
		t.Fatalf("new form: %d %s", resp.StatusCode, excerpt(body))
	}
	good := url.Values{"company": {"mpk"}, "spent_on": {"10.02.2026"}, "category": {"sponsorship"}, "amount_gross": {"12 300,00 zł"},
		"purpose": {"Sponsoring turnieju"}, "recipient.name": {"Klub Sportowy Wisła"}, "recipient.nip": {"526-025-09-95"}, "action": {"draft"}}
	bad := with(good, "amount_gross", "dużo", "category", "", "recipient.nip", "1234567890")
	resp, body := b.send(t, e, "POST", "/panel/wydatki", bad)
	if resp.StatusCode != 422 || !strings.Contains(body, "Nieprawidłowa kwota") || !strings.Contains(body, `id="bledy"`) ||
		!strings.Contains(body, `value="Klub Sportowy Wisła"`) || !strings.Contains(body, `aria-invalid="true"`) {
		t.Fatalf("bad form: %d %s", resp.StatusCode, excerpt(body))
	}
	if resp, _ := other.send(t, e, "POST", "/panel/wydatki", copyForm(good)); resp.StatusCode != 403 {
		t.Errorf("another company's officer files for MPK: %d", resp.StatusCode)
	}
	resp, body = b.send(t, e, "POST", "/panel/wydatki", copyForm(good))
	id := panelSavedID(t, resp, body, "wydatki")
	path := "/panel/wydatki/" + strconv.FormatInt(id, 10)
	if resp, _ := e.do(t, "GET", "/wydatki/"+strconv.FormatInt(id, 10)); resp.StatusCode != 404 {
		t.Errorf("public sees the draft: %d", resp.StatusCode)
	}
	if resp, body := b.send(t, e, "GET", path+"?zapisano=szkic", nil); resp.StatusCode != 200 || !strings.Contains(body, "Zapisano szkic") || !strings.Contains(body, "Opublikuj") {
		t.Errorf("entry page: %d %s", resp.StatusCode, excerpt(body))
	}
	if resp, _ := other.send(t, e, "GET", path, nil); resp.StatusCode != 403 {
		t.Errorf("another company's officer opens the draft: %d", resp.StatusCode)
	}
	if resp, body := b.send(t, e, "GET", path+"/edycja", nil); resp.StatusCode != 200 || !strings.Contains(body, `value="12 300,00"`) || !strings.Contains(body, `value="5260250995"`) {
		t.Errorf("edit form: %d %s", resp.StatusCode, excerpt(body))
	}
	resp, body = b.send(t, e, "POST", path+"/publikacja", url.Values{})
	panelSavedID(t, resp, body, "wydatki")
	if resp, _ := e.do(t, "GET", "/wydatki/"+strconv.FormatInt(id, 10)); resp.StatusCode != 200 {
		t.Errorf("published expense: %d", resp.StatusCode)
	}
	if resp, _ := other.send(t, e, "GET", path, nil); resp.StatusCode != 403 {
		t.Errorf("another company's officer opens the entry in the panel: %d", resp.StatusCode)
	}
	if resp, _ := b.send(t, e, "GET", path+"/edycja", nil); resp.StatusCode != 409 {
		t.Errorf("editing a published entry: %d", resp.StatusCode)
	}
	corr := with(good, "amount_gross", "13 000,00")
	if resp, body := b.send(t, e, "POST", path+"/korekta", corr); resp.StatusCode != 422 || !strings.Contains(body, "Podaj powód") {
		t.Errorf("correction without reason: %d %s", resp.StatusCode, excerpt(body))
	}
	if resp, _ := other.send(t, e, "POST", path+"/korekta", with(corr, "reason", "x")); resp.StatusCode != 403 {
		t.Errorf("another company's officer corrects: %d", resp.StatusCode)
	}
	resp, body = b.send(t, e, "POST", path+"/korekta", with(corr, "reason", "Kwota z faktury korygującej"))
	panelSavedID(t, resp, body, "wydatki")
	resp, body = b.send(t, e, "POST", path+"/wycofanie", url.Values{"reason": {"Wpis zdublowany"}})
	panelSavedID(t, resp, body, "wydatki")
	if _, body := e.do(t, "GET", "/wydatki/"+strconv.FormatInt(id, 10)); !strings.Contains(body, "Wersja 2 — korekta") || !strings.Contains(body, "Wpis zdublowany") || !strings.Contains(body, "13 000,00 zł") {
		t.Errorf("public history after correction and withdrawal: %s", excerpt(body))
	}
	if _, body := b.send(t, e, "GET", "/panel/wydatki", nil); !strings.Contains(body, "Sponsoring: Sponsoring turnieju") || !strings.Contains(body, "wycofana") {
		t.Errorf("panel list: %s", excerpt(body))
	}

	// A recruitment with the eligibility checkboxes.
	rec := url.Values{"company": {"mpk"}, "body": {"management_board"}, "position": {"Prezes Zarządu"}, "legal_basis": {"art. 10a ustawy o gospodarce komunalnej"},
		"procedure": {"without_procedure"}, "outcome": {"appointed"}, "appointee.name": {"Anna Nowak"}, "appointee.function": {"Prezes"},
		"appointee.qualifications": {"Menedżerka."}, "appointee.resolution_number": {"RN/1/2026"}, "appointee.resolution_date": {"2026-03-01"},
		"appointee.term_start": {"2026-03-02"}, "eligibility": {"no_court_ban", "no_party_office"}, "remuneration.fixed_monthly": {"18 000"},
		"remuneration.variable_cap_percent": {"50"}, "action": {"publish"}}
	resp, body = b.send(t, e, "POST", "/panel/rekrutacje", rec)
	rid := panelSavedID(t, resp, body, "rekrutacje")
	r, err := e.store.Recruitments().FindByID(context.Background(), registry.PublicActor, rid)
	if err != nil || strings.Join(r.Data.Eligibility, ",") != "no_court_ban,no_party_office" || r.Data.Remuneration.FixedMonthly != 18_000_00 || r.Data.Appointee.Name != "Anna Nowak" {
		t.Fatalf("recruitment from the panel: %v %+v", err, r)
	}
	cancelled := with(rec, "procedure", "open_competition", "outcome", "no_candidate")
	if resp, body := b.send(t, e, "POST", "/panel/rekrutacje", cancelled); resp.StatusCode != 422 || !strings.Contains(body, "Nazwisk kandydatów, którzy nie zostali wybrani, nie publikujemy") {
		t.Errorf("a candidate named without appointment: %d %s", resp.StatusCode, excerpt(body))
	}

	// Import of ads with a mapping: a bad file changes nothing and names the line.
	csvBad := "Medium;Kwota;Kwartał\nGazeta Krakowska;1 234,56;2025-Q3\nRadio Kraków;dużo;20254\n"
	form := url.Values{"company": {"mpk"}, "map": {"Medium=outlet_name,Kwota=amount_gross,Kwartał=period_quarter"},
		"set": {"outlet_kind=press,content_kind=advertisement,procedure=other,campaign=Kampania zimowa"}}
	resp, body = b.sendMultipart(t, e, "/panel/reklamy/import", form, upload{"file", "reklamy.csv", "text/csv", []byte(csvBad)})
	if resp.StatusCode != 422 || !strings.Contains(body, "wiersz 3, kolumna amount_gross") {
		t.Fatalf("bad import: %d %s", resp.StatusCode, excerpt(body))
	}
	if n, _ := e.store.Ads().CountPublic(context.Background()); n != 0 {
		t.Fatalf("a refused import stored %d ads", n)
	}
	if resp, _ := other.sendMultipart(t, e, "/panel/reklamy/import", form, upload{"file", "reklamy.csv", "text/csv", []byte(csvBad)}); resp.StatusCode != 403 {
		t.Errorf("another company's officer imports for MPK: %d", resp.StatusCode)
	}
	csvGood := strings.Replace(csvBad, "dużo", "99,50", 1)
	resp, body = b.sendMultipart(t, e, "/panel/reklamy/import", form, upload{"file", "reklamy.csv", "text/csv", []byte(csvGood)})
	pid := pendingID.FindStringSubmatch(body)
	if resp.StatusCode != 200 || pid == nil || !strings.Contains(body, "Zatwierdź import 2 wpisów") {
		t.Fatalf("import preview: %d %s", resp.StatusCode, excerpt(body))
	}
	if n, _ := e.store.Ads().CountPublic(context.Background()); n != 0 {
		t.Fatalf("a preview stored %d ads", n)
	}
	resp, body = b.send(t, e, "POST", "/panel/reklamy/import/potwierdz", url.Values{"id": {pid[1]}})
	if resp.StatusCode != 303 || resp.Header.Get("Location") != "/panel/reklamy/import?zaimportowano=2" {
		t.Fatalf("import confirmation: %d %s", resp.StatusCode, excerpt(body))
	}
	if _, body := b.send(t, e, "GET", resp.Header.Get("Location"), nil); !strings.Contains(body, "Zaimportowano i opublikowano 2 wpisy") {
		t.Fatalf("import result: %s", excerpt(body))
	}
	if _, body := e.do(t, "GET", "/reklamy?company=mpk"); !strings.Contains(body, "Kampania zimowa") || !strings.Contains(body, "IV kw. 2025") {
		t.Errorf("imported ads not listed: %s", excerpt(body))
	}
}
