package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"jawnosc/registry"
)

// TestPanelPausesDelayAndReconsideration drives the other steps through the real forms:
// a clarification the resident answers, a fee the resident accepts (both pause the clock), a
// delay capped at two months, then a refusal, the resident's reconsideration and the
// company's decision on it; each with its effect on the due date.
func TestPanelPausesDelayAndReconsideration(t *testing.T) {
	e := mustOpenAppeals(t, "2026-03-02")
	resident := e.anonymous(t)
	id, token := e.submitForm(t, resident, sampleForm())
	officer := e.mustLogin(t, "ewa", registry.RoleOfficer, "mpk")
	post := func(b *browser, path string, form url.Values, want int) string {
		t.Helper()
		resp, body := b.send(t, e.testEnv, "POST", path, form)
		if resp.StatusCode != want {
			t.Fatalf("POST %s: %d, want %d\n%s", path, resp.StatusCode, want, body)
		}
		return body
	}
	due := func(want string) {
		t.Helper()
		_, body := e.do(t, "GET", "/wnioski/"+id)
		i := strings.Index(body, `id="termin">`)
		if i < 0 || !strings.Contains(body[i:i+200], want) {
			t.Fatalf("due date: want %q in %q", want, body[i:min(len(body), i+200)])
		}
	}
	due("16.03.2026")
	panel, track := "/panel/wnioski/"+id+"/", "/wnioski/"+id+"/sledz/"

	e.on("2026-03-04")
	post(officer, panel+"doprecyzowanie", url.Values{"text": {""}}, http.StatusUnprocessableEntity)
	post(officer, panel+"doprecyzowanie", url.Values{"text": {"Której kampanii dotyczy wniosek?"}}, http.StatusSeeOther)
	due("wstrzymany")
	if _, body := resident.send(t, e.testEnv, "GET", "/wnioski/"+id+"/sledz?token="+token, nil); !strings.Contains(body, "Doprecyzuj wniosek") {
		t.Fatal("the tracking page offers no clarification form")
	}
	post(officer, panel+"odpowiedz", url.Values{"answer": {"disclosed"}, "text": {"x"}}, http.StatusConflict)
	e.on("2026-03-09")
	post(resident, track+"doprecyzowanie", url.Values{"token": {token}, "text": {"Kampanii „Jedź z MPK” z 2025 r."}}, http.StatusSeeOther)
	due("23.03.2026") // five days paused: 21.03 is a Saturday

	post(officer, panel+"oplata", url.Values{"fee": {"dużo"}, "text": {"Skany."}}, http.StatusUnprocessableEntity)
	post(officer, panel+"oplata", url.Values{"fee": {"12,50 zł"}, "text": {"Skanowanie 50 stron."}}, http.StatusSeeOther)
	e.on("2026-03-11")
	post(resident, track+"oplata", url.Values{"token": {token}}, http.StatusSeeOther)
	post(resident, track+"oplata", url.Values{"token": {token}}, http.StatusConflict)
	due("23.03.2026") // two more days paused: 16.03 + 7 = 23.03

	post(officer, panel+"termin", url.Values{"new_due": {"31.02.2026"}, "text": {"Archiwum."}}, http.StatusUnprocessableEntity)
	post(officer, panel+"termin", url.Values{"new_due": {"30.06.2026"}, "text": {"Dokumenty są w archiwum zakładowym."}}, http.StatusSeeOther)
	due("11.05.2026") // capped at 02.05.2026 (two months), + 7 paused days = 09.05 (Saturday) → 11.05

	e.on("2026-04-20")
	post(officer, panel+"odpowiedz", url.Values{"answer": {"refused"}, "text": {"Prywatność pracowników agencji."}, "ground": {"privacy"},
		"official_name_1": {"Jan Nowak"}, "official_function_1": {"Prezes Zarządu"}}, http.StatusSeeOther)
	e.on("2026-04-24")
	post(resident, track+"ponowne-rozpatrzenie", url.Values{"token": {token}, "text": {"Pytam o kwoty, nie o dane osobowe."}}, http.StatusSeeOther)
	due("08.05.2026")
	if _, body := officer.send(t, e.testEnv, "GET", "/panel/wnioski/"+id, nil); !strings.Contains(body, "Rozstrzygnięcie wniosku o ponowne rozpatrzenie") {
		t.Fatal("the panel offers no reconsideration form")
	}
	e.on("2026-05-06")
	post(officer, panel+"ponowne-rozpatrzenie", url.Values{"answer": {"partial"}, "text": {"Udostępniamy kwoty; dane osób pozostają wyłączone."}, "ground": {"privacy"},
		"official_name_1": {"Jan Nowak"}, "official_function_1": {"Prezes Zarządu"}}, http.StatusSeeOther)
	_, body := e.do(t, "GET", "/wnioski/"+id)
	for _, want := range []string{"Spółka prosi o doprecyzowanie wniosku", "Wnioskodawca doprecyzował wniosek", "12,50 zł", "Wnioskodawca przyjął opłatę",
		"Nowy termin odpowiedzi:</strong> 02.05.2026 (spółka wskazała 30.06.2026", "Wniosek o ponowne rozpatrzenie sprawy", "udostępniono częściowo"} {
		if !strings.Contains(body, want) {
			t.Errorf("the public page lacks %q", want)
		}
	}
	noIdentity(t, "the public page", body)
	// After a reconsideration, a second one is not offered; an appeal is.
	if _, body := resident.send(t, e.testEnv, "GET", "/wnioski/"+id+"/sledz?token="+token, nil); strings.Contains(body, `action="/wnioski/`+id+`/sledz/ponowne-rozpatrzenie"`) || !strings.Contains(body, "Wyślij odwołanie") {
		t.Fatal("after the reconsideration the tracking page offers the wrong steps")
	}
	post(resident, track+"ponowne-rozpatrzenie", url.Values{"token": {token}, "text": {"Jeszcze raz."}}, http.StatusConflict)
}
