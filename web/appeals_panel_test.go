package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"jawnosc/registry"
)

// TestPanelRequestSteps drives the panel through the real forms: an officer's inbox, a
// refusal with a PDF that fails on missing officials and keeps what was sent, the resident's
// appeal through the tracking page, the mayor's office's decision and the disclosure; and
// who may not see or do what.
func TestPanelRequestSteps(t *testing.T) {
	e := mustOpenAppeals(t, "2026-03-02")
	resident := e.anonymous(t)
	id, token := e.submitForm(t, resident, sampleForm())

	if resp, _ := e.do(t, "GET", "/panel/wnioski/"+id); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("public in the panel: %d", resp.StatusCode)
	}
	other := e.mustLogin(t, "olek", registry.RoleOfficer, "wodociagi")
	if resp, _ := other.send(t, e.testEnv, "GET", "/panel/wnioski/"+id, nil); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("another company's officer: %d", resp.StatusCode)
	}
	if resp, body := other.send(t, e.testEnv, "GET", "/panel/wnioski", nil); resp.StatusCode != 200 || strings.Contains(body, "MPK/UDIP") {
		t.Fatalf("another company's inbox: %d", resp.StatusCode)
	}
	auditor := e.mustLogin(t, "audyt", registry.RoleAuditor)
	if resp, _ := auditor.send(t, e.testEnv, "GET", "/panel/wnioski", nil); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("an auditor's inbox: %d", resp.StatusCode)
	}

	officer := e.mustLogin(t, "ewa", registry.RoleOfficer, "mpk")
	resp, body := officer.send(t, e.testEnv, "GET", "/panel/wnioski", nil)
	if resp.StatusCode != 200 || !strings.Contains(body, "MPK/UDIP/2026/1") || !strings.Contains(body, "14 dni") {
		t.Fatalf("inbox: %d %s", resp.StatusCode, body)
	}
	resp, body = officer.send(t, e.testEnv, "GET", "/panel/wnioski/"+id, nil)
	if resp.StatusCode != 200 || !strings.Contains(body, `action="/panel/wnioski/`+id+`/odpowiedz"`) || !strings.Contains(body, "Anna Kowalska") || strings.Contains(body, "anna.kowalska@example.pl") {
		t.Fatalf("officer's view: %d %s\n%s", resp.StatusCode, body, e.logs)
	}

	e.on("2026-03-09")
	contract := samplePDF(t, "Umowa z wyłączeniami")
	refusal := url.Values{"answer": {"refused"}, "text": {"Kalkulacja ceny stanowi tajemnicę wykonawcy."}, "ground": {"trade_secret"}, "holder": {"Agencja Reklamowa sp. z o.o."}}
	resp, body = officer.sendMultipart(t, e.testEnv, "/panel/wnioski/"+id+"/odpowiedz", refusal, upload{"documents", "umowa.pdf", "application/pdf", contract})
	if resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, "Wskaż osoby") || !strings.Contains(body, "Kalkulacja ceny stanowi") || !strings.Contains(body, `name="doc_sha"`) {
		t.Fatalf("refusal without officials: %d %s", resp.StatusCode, body)
	}
	sha := regexp.MustCompile(`name="doc_sha" value="([0-9a-f]{64})"`).FindStringSubmatch(body)
	if sha == nil {
		t.Fatal("the uploaded file is not kept")
	}
	if resp, _ := officer.sendMultipart(t, e.testEnv, "/panel/wnioski/"+id+"/odpowiedz", url.Values{"answer": {"disclosed"}, "text": {"x"}}, upload{"documents", "x.pdf", "application/pdf", []byte("<html>nie PDF</html>")}); resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("a non-PDF attachment: %d", resp.StatusCode)
	}
	refusal.Set("official_name_1", "Jan Nowak")
	refusal.Set("official_function_1", "Prezes Zarządu")
	refusal.Set("doc_sha", sha[1])
	refusal.Set("doc_name", "umowa.pdf")
	if resp, body = officer.sendMultipart(t, e.testEnv, "/panel/wnioski/"+id+"/odpowiedz", refusal); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("refusal: %d %s", resp.StatusCode, body)
	}
	if resp, body = officer.sendMultipart(t, e.testEnv, "/panel/wnioski/"+id+"/odpowiedz", refusal); resp.StatusCode != http.StatusConflict || !strings.Contains(body, "już odpowiedziała") {
		t.Fatalf("second refusal: %d", resp.StatusCode)
	}

	e.on("2026-03-10")
	resp, body = resident.send(t, e.testEnv, "GET", "/wnioski/"+id+"/sledz?token="+token, nil)
	if resp.StatusCode != 200 || !strings.Contains(body, "Wniosek o ponowne rozpatrzenie sprawy") || !strings.Contains(body, "Wyślij odwołanie") || !strings.Contains(body, "?token="+token) {
		t.Fatalf("tracking page after the refusal: %d %s", resp.StatusCode, body)
	}
	if resp, _ := resident.send(t, e.testEnv, "POST", "/wnioski/"+id+"/sledz/odwolanie", url.Values{"token": {"zly"}, "text": {"x"}}); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("appeal with a wrong token: %d", resp.StatusCode)
	}
	if resp, body := resident.send(t, e.testEnv, "POST", "/wnioski/"+id+"/sledz/odwolanie", url.Values{"token": {token}, "text": {""}}); resp.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body, `id="e-odwolanie-text"`) {
		t.Fatalf("appeal without grounds: %d", resp.StatusCode)
	}
	if resp, _ := resident.send(t, e.testEnv, "POST", "/wnioski/"+id+"/sledz/odwolanie", url.Values{"token": {token}, "text": {"Kwota nie jest tajemnicą."}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("appeal: %d", resp.StatusCode)
	}
	if resp, body := resident.send(t, e.testEnv, "POST", "/wnioski/"+id+"/sledz/odwolanie", url.Values{"token": {token}, "text": {"Jeszcze raz."}}); resp.StatusCode != http.StatusConflict || !strings.Contains(body, "Jeszcze raz.") {
		t.Fatalf("second appeal: %d", resp.StatusCode)
	}

	office := e.mustLogin(t, "nadzor", registry.RoleSupervisor)
	resp, body = office.send(t, e.testEnv, "GET", "/panel/odwolania", nil)
	if resp.StatusCode != 200 || !strings.Contains(body, "MPK/UDIP/2026/1") || !strings.Contains(body, "24.03.2026") {
		t.Fatalf("appeals queue: %d %s", resp.StatusCode, body)
	}
	if resp, _ := officer.send(t, e.testEnv, "GET", "/panel/odwolania", nil); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("an officer's appeals queue: %d", resp.StatusCode)
	}
	if resp, _ := officer.send(t, e.testEnv, "POST", "/panel/wnioski/"+id+"/rozstrzygniecie", url.Values{"result": {"upheld"}, "text": {"x"}}); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("an officer decided: %d", resp.StatusCode)
	}
	e.on("2026-03-16")
	decision := url.Values{"result": {"instructed"}, "text": {"Kwota wydana przez spółkę jest informacją publiczną."}, "comply_by": {"30.03.2026"}}
	if resp, body := office.send(t, e.testEnv, "POST", "/panel/wnioski/"+id+"/rozstrzygniecie", decision); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("decision: %d %s", resp.StatusCode, body)
	}
	if resp, body := office.send(t, e.testEnv, "GET", "/panel/odwolania", nil); !strings.Contains(body, "Spółki, które mają udostępnić") || !strings.Contains(body, "30.03.2026") {
		t.Fatalf("compliance tracking: %d %s", resp.StatusCode, body)
	}

	e.on("2026-03-20")
	resp, body = officer.sendMultipart(t, e.testEnv, "/panel/wnioski/"+id+"/wykonanie", url.Values{"text": {"Udostępniamy umowę."}, "documents_redacted": {"1"}}, upload{"documents", "umowa-pelna.pdf", "application/pdf", samplePDF(t, "Umowa")})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("compliance: %d %s", resp.StatusCode, body)
	}
	resp, body = e.do(t, "GET", "/wnioski/"+id)
	for _, want := range []string{"Decyzja o odmowie udostępnienia informacji", "tajemnica przedsiębiorcy", "Jan Nowak (Prezes Zarządu)", "polecenie udostępnienia informacji",
		"Spółka wykonała rozstrzygnięcie", "umowa-pelna.pdf", "kopia z wyłączeniami", "Pobierz decyzję (PDF)", "zakończony", "udostępniono"} {
		if !strings.Contains(body, want) {
			t.Errorf("the public page lacks %q", want)
		}
	}
	noIdentity(t, "the public page", body)
	resp, body = e.do(t, "GET", "/spolki/mpk")
	if !strings.Contains(body, "Wnioski o informację publiczną") || !strings.Contains(body, "polecenie udostępnienia informacji: 1") {
		t.Errorf("company page stats: %d %s", resp.StatusCode, body)
	}
	if logs := e.logs.String(); strings.Contains(logs, "internal") {
		t.Errorf("logged: %s", logs)
	}
	_ = fmt.Sprint
}
