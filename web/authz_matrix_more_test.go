package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"jawnosc/appeals"
	"jawnosc/registry"
	"jawnosc/web"
)

// The authorization matrix of the information requests and of the panels of expenses, ads
// and recruitments.

// freshApp builds another app over the same store, index and requests service, for the
// public submissions whose rate limit (five accepted per address) the matrix would exceed;
// sessions and tokens live in the database and work there too.
func (m *matrixEnv) freshApp(t *testing.T) {
	// The public's own write limit (tested on its own) would cut the public's column short.
	app, err := newApp(web.Config{Store: m.store, Index: m.index, City: "Kraków", Logf: m.logs.logf, Appeals: m.svc, Audits: m.au,
		AttachmentsDir: m.attachments, PublicWritesPerMinute: 100_000})
	if err != nil {
		t.Fatal(err)
	}
	m.app = app
}

// freshRequest submits an information request to MPK and returns its id and tracking token.
func (m *matrixEnv) freshRequest(t *testing.T) (int64, string) {
	r, token, err := m.svc.Submit(context.Background(), registry.PublicActor, appeals.Submission{Company: "mpk",
		Subject: "Umowa na kampanię reklamową", Text: "Proszę o kopię umowy wraz z aneksami."})
	if err != nil {
		t.Fatal(err)
	}
	return r.ID, token
}

// refusalData is a complete refusal (ground, holder, officials).
var refusalData = appeals.EventData{Text: "Kalkulacja ceny jest tajemnicą wykonawcy.", Ground: "trade_secret",
	Holder: "Agencja Reklamowa sp. z o.o.", Officials: []appeals.Official{{Name: "Jan Nowak", Function: "Prezes Zarządu"}}}

// freshRefused is freshRequest refused by the company.
func (m *matrixEnv) freshRefused(t *testing.T) (int64, string) {
	id, token := m.freshRequest(t)
	if _, err := m.svc.Refuse(context.Background(), system, id, refusalData); err != nil {
		t.Fatal(err)
	}
	return id, token
}

// freshAppeal is freshRefused appealed to the mayor's office; returns the appeal's id.
func (m *matrixEnv) freshAppeal(t *testing.T) int64 {
	ctx := context.Background()
	id, token := m.freshRefused(t)
	if _, err := m.svc.Appeal(ctx, id, token, "Kwota ze środków publicznych nie jest tajemnicą."); err != nil {
		t.Fatal(err)
	}
	rows, err := m.svc.FindAppeals(ctx, true, 1000)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.RequestID == id {
			return r.ID
		}
	}
	t.Fatal("the appeal is not listed")
	return 0
}

// bearerRequest is a POST with the client's token (none for the public) and a body.
func bearerRequest(c *matrixClient, target, contentType string, body []byte) *http.Request {
	req := httptest.NewRequest("POST", target, strings.NewReader(string(body)))
	req.Header.Set("Content-Type", contentType)
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	return req
}

// everyone is the same status for every role.
func everyone(status int) map[string]int {
	out := map[string]int{}
	for _, r := range matrixRoles {
		out[r] = status
	}
	return out
}

// appealsWriteCases are the write routes of the information requests. A resident needs no
// account: submissions and the resident's steps (with the private token) are open to every
// role; answers are the company's officers' (admins included: they do not answer for
// companies), decisions the mayor's office's.
func appealsWriteCases() []writeCase {
	officers := map[string]int{asPublic: 401, asOfficer: 201, asOther: 403, asSupervisor: 403, asAuditor: 403, asAdmin: 403}
	return []writeCase{
		{"POST", "/wnioski/nowy", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			m.freshApp(t)
			return formRequest(c, "/wnioski/nowy", url.Values{"company": {"mpk"}, "subject": {"Umowa na sprzątanie"}, "text": {"Proszę o kopię umowy."}})
		}, everyone(http.StatusCreated)},
		{"POST", "/api/v1/requests", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			m.freshApp(t)
			return bearerRequest(c, "/api/v1/requests", "application/json", []byte(`{"company":"mpk","subject":"Umowa na sprzątanie","text":"Proszę o kopię umowy."}`))
		}, everyone(http.StatusCreated)},
		{"POST", "/wnioski/:id/sledz/:step", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			id, token := m.freshRefused(t)
			return formRequest(c, fmt.Sprintf("/wnioski/%d/sledz/odwolanie", id), url.Values{"token": {token}, "text": {"Kwota nie jest tajemnicą."}})
		}, everyone(http.StatusSeeOther)},
		{"POST", "/api/v1/requests/:id/appeals", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			id, token := m.freshRefused(t)
			return bearerRequest(c, fmt.Sprintf("/api/v1/requests/%d/appeals", id), "application/json",
				[]byte(`{"token":"`+token+`","grounds":"Kwota ze środków publicznych nie jest tajemnicą."}`))
		}, everyone(http.StatusCreated)},
		{"POST", "/api/v1/requests/:id/responses", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			id, _ := m.freshRequest(t)
			return bearerRequest(c, fmt.Sprintf("/api/v1/requests/%d/responses", id), "application/json",
				[]byte(`{"type":"refusal","text":"Kalkulacja ceny jest tajemnicą wykonawcy.","ground":"trade_secret","holder":"Agencja Reklamowa sp. z o.o.","officials":[{"name":"Jan Nowak","function":"Prezes Zarządu"}]}`))
		}, officers},
		{"POST", "/panel/wnioski/:id/:step", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			id, _ := m.freshRequest(t)
			return multipartRequest(t, c, fmt.Sprintf("/panel/wnioski/%d/odpowiedz", id), url.Values{"answer": {"refused"},
				"text": {"Kalkulacja ceny jest tajemnicą wykonawcy."}, "ground": {"trade_secret"}, "holder": {"Agencja Reklamowa sp. z o.o."},
				"official_name_1": {"Jan Nowak"}, "official_function_1": {"Prezes Zarządu"}}, "documents", "umowa.pdf", mustPDF(t, "Umowa"))
		}, map[string]int{asPublic: 401, asOfficer: 303, asOther: 403, asSupervisor: 403, asAuditor: 403, asAdmin: 403}},
		{"POST", "/api/v1/appeals/:id/decision", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			return bearerRequest(c, fmt.Sprintf("/api/v1/appeals/%d/decision", m.freshAppeal(t)), "application/json",
				[]byte(`{"result":"instructed","reasoning":"Kwota jest informacją publiczną.","comply_by":"2026-03-27"}`))
		}, map[string]int{asPublic: 401, asOfficer: 403, asOther: 403, asSupervisor: 200, asAuditor: 403, asAdmin: 403}},
		{"POST", "/api/v1/documents", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			return bearerRequest(c, "/api/v1/documents?name=umowa.pdf", "application/pdf", mustPDF(t, "Umowa"))
		}, map[string]int{asPublic: 401, asOfficer: 201, asOther: 201, asSupervisor: 403, asAuditor: 403, asAdmin: 403}},
	}
}

// panelRegister is a register's panel forms in the matrix.
type panelRegister struct {
	tab  string
	form url.Values // a complete, valid form (a draft)
	reg  matrixRegister
	imp  url.Values // import mapping and fixed values
	csv  string
}

func panelRegisters() []panelRegister {
	regs := map[string]matrixRegister{}
	for _, r := range matrixRegisters() {
		regs[r.api] = r
	}
	return []panelRegister{
		{"wydatki", url.Values{"company": {"mpk"}, "spent_on": {"10.02.2026"}, "category": {"sponsorship"}, "amount_gross": {"12 300,00 zł"},
			"purpose": {"Sponsoring turnieju"}, "recipient.name": {"Klub Sportowy Wisła"}, "recipient.nip": {"526-025-09-95"}, "action": {"draft"}}, regs["expenses"],
			url.Values{"map": {"Data=spent_on,Kwota=amount_gross,Cel=purpose,Odbiorca=recipient_name"}, "set": {"category=sponsorship"}},
			"Data;Kwota;Cel;Odbiorca\n2026-02-10;1 000,00;Turniej;Klub Sportowy\n"},
		{"reklamy", url.Values{"company": {"mpk"}, "outlet.name": {"Gazeta Krakowska"}, "outlet.kind": {"press"}, "outlet.publisher": {"Polska Press"},
			"campaign": {"Bilet miesięczny"}, "content_kind": {"advertisement"}, "period_start": {"2026-01-05"}, "period_end": {"2026-01-31"},
			"amount_gross": {"7 000,00 zł"}, "procedure": {"direct_award"}, "action": {"draft"}}, regs["ads"],
			url.Values{"map": {"Medium=outlet_name,Kwota=amount_gross,Kwartał=period_quarter"}, "set": {"outlet_kind=press,content_kind=advertisement,procedure=other,campaign=Kampania zimowa"}},
			"Medium;Kwota;Kwartał\nGazeta Krakowska;1 234,56;2025-Q3\n"},
		{"rekrutacje", url.Values{"company": {"mpk"}, "body": {"management_board"}, "position": {"Prezes Zarządu"}, "legal_basis": {"art. 10a ustawy o gospodarce komunalnej"},
			"procedure": {"without_procedure"}, "outcome": {"appointed"}, "appointee.name": {"Anna Nowak"}, "appointee.function": {"Prezes"},
			"appointee.qualifications": {"Menedżerka."}, "appointee.resolution_number": {"RN/1/2026"}, "appointee.resolution_date": {"2026-03-01"},
			"appointee.term_start": {"2026-03-02"}, "action": {"draft"}}, regs["recruitments"],
			url.Values{"map": {"Stanowisko=position,Organ=body,Podstawa=legal_basis,Tryb=procedure,Wynik=outcome,Ogłoszono=announced_on,Gdzie=announcement_place,Termin=application_deadline,Wymagania=requirements"}},
			"Stanowisko;Organ;Podstawa;Tryb;Wynik;Ogłoszono;Gdzie;Termin;Wymagania\nCzłonek Zarządu;management_board;art. 10a;open_competition;cancelled;2026-01-02;BIP spółki;2026-01-20;Wyższe wykształcenie.\n"},
	}
}

// panelRegisterWriteCases are the write routes of the registers' panels.
func panelRegisterWriteCases() []writeCase {
	ok := roles(http.StatusSeeOther, http.StatusForbidden)
	var out []writeCase
	for _, p := range panelRegisters() {
		p := p
		base := "/panel/" + p.tab
		fresh := func(t *testing.T, m *matrixEnv, publish bool) int64 {
			id, err := p.reg.file(m, publish)
			if err != nil {
				t.Fatalf("%s fixture: %v %v", p.tab, err, registry.ErrorFields(err))
			}
			return id
		}
		path := func(id int64, suffix string) string { return fmt.Sprintf("%s/%d/%s", base, id, suffix) }
		out = append(out,
			writeCase{"POST", base, func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
				return formRequest(c, base, p.form)
			}, ok},
			// Someone else's draft is refused by the domain, as for contracts.
			writeCase{"POST", base + "/:id/edycja", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
				return formRequest(c, path(fresh(t, m, false), "edycja"), p.form)
			}, ok},
			writeCase{"POST", base + "/:id/publikacja", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
				return formRequest(c, path(fresh(t, m, false), "publikacja"), url.Values{})
			}, ok},
			writeCase{"POST", base + "/:id/korekta", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
				return formRequest(c, path(fresh(t, m, true), "korekta"), with(p.form, "reason", "Błąd w rejestrze", p.reg.changeKey, "Zmieniona treść wpisu"))
			}, ok},
			writeCase{"POST", base + "/:id/aneks", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
				return formRequest(c, path(fresh(t, m, true), "aneks"), with(p.form, "reason", "Zmiana umowy", "annex_date", "2026-03-20", p.reg.changeKey, "Zmieniona treść wpisu"))
			}, ok},
			writeCase{"POST", base + "/:id/wycofanie", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
				return formRequest(c, path(fresh(t, m, true), "wycofanie"), url.Values{"reason": {"Wpis zdublowany"}})
			}, ok},
			writeCase{"POST", base + "/import", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
				return multipartRequest(t, c, base+"/import", with(p.imp, "company", "mpk"), "file", p.tab+".csv", []byte(p.csv))
			}, roles(http.StatusOK, http.StatusForbidden)},
			// A confirmation names an upload previewed by the MPK officer in their own session:
			// only they can confirm it; another account's session finds nothing to confirm.
			writeCase{"POST", base + "/import/potwierdz", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
				owner := m.client(t, asOfficer)
				if c.token != "" && c.token == m.clients[asOfficer].token {
					owner = c // the officer confirms in the session that previewed
				}
				resp, body := owner.b.do(t, m.testEnv, multipartRequest(t, owner, base+"/import", with(p.imp, "company", "mpk"), "file", p.tab+".csv", []byte(p.csv)))
				id := pendingID.FindStringSubmatch(body)
				if resp.StatusCode != 200 || id == nil {
					t.Fatalf("%s preview for the confirmation: %d", p.tab, resp.StatusCode)
				}
				return formRequest(c, base+"/import/potwierdz", url.Values{"id": {id[1]}})
			}, map[string]int{asPublic: 401, asOfficer: 303, asOther: 409, asSupervisor: 403, asAuditor: 403, asAdmin: 409}},
		)
	}
	return out
}
