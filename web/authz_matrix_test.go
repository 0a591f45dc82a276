package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"jawnosc/appeals"
	"jawnosc/audits"
	"jawnosc/registry"
)

// The roles of the authorization matrix.
const (
	asPublic     = "public"
	asOfficer    = "officer of the company"
	asOther      = "officer of another company"
	asSupervisor = "supervisor"
	asAuditor    = "auditor"
	asAdmin      = "admin"
)

var matrixRoles = []string{asPublic, asOfficer, asOther, asSupervisor, asAuditor, asAdmin}

// matrixClient is one role: a browser session (for forms and session API calls) and an API token.
type matrixClient struct {
	b     *browser
	token string
}

// matrixEnv is the fixture of the matrix: the app and a client per role.
type matrixEnv struct {
	*testEnv
	svc         *appeals.Service
	au          *audits.Store
	attachments string // the attachments directory of the apps
	clients     map[string]*matrixClient
}

// sessionFor signs an account in without the sign-in form (so that the matrix is not held by
// the sign-in rate limit, tested on its own) and returns its browser.
func (e *testEnv) sessionFor(tb testing.TB, login string) *browser {
	tb.Helper()
	ctx := context.Background()
	a, err := e.store.Authenticate(ctx, login, testPassword)
	if err != nil {
		tb.Fatal(err)
	}
	token, sess, err := e.store.CreateSession(ctx, a)
	if err != nil {
		tb.Fatal(err)
	}
	return &browser{cookies: []*http.Cookie{{Name: "jawnosc_sesja", Value: token}}, csrf: sess.CSRF}
}

// matrixLogins are the accounts of the signed-in roles.
var matrixLogins = map[string]string{asOfficer: "anna", asOther: "olek", asSupervisor: "ewa", asAuditor: "adam", asAdmin: "root"}

// client returns the role's client with a new session (the test clock runs a minute per
// store call, so sessions are opened right before they are used).
func (m *matrixEnv) client(t *testing.T, role string) *matrixClient {
	c := m.clients[role]
	if role == asPublic {
		return c
	}
	return &matrixClient{b: m.sessionFor(t, matrixLogins[role]), token: c.token}
}

// writeCase is one write route of the app: how to make a request to it and the status each
// role gets. prepare makes fresh state for every request (so that no request depends on
// another's) and returns the request.
type writeCase struct {
	method, route string // as registered
	prepare       func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request
	want          map[string]int
}

// roles returns the same status for every signed-in role but ok for the officer and the
// admin, and 401 for the public.
func roles(ok, others int) map[string]int {
	return map[string]int{asPublic: http.StatusUnauthorized, asOfficer: ok, asOther: others, asSupervisor: others, asAuditor: others, asAdmin: ok}
}

// freshDraft files a draft of MPK; freshPublished a published contract of MPK.
func (m *matrixEnv) freshDraft(t *testing.T) int64 {
	c, err := m.store.CreateContract(context.Background(), system, m.mpk.ID, sample("Szkic do macierzy", "2026-03-01", 1_000_00), false)
	if err != nil {
		t.Fatal(err)
	}
	return c.ID
}

func (m *matrixEnv) freshPublished(t *testing.T) int64 {
	return mustCreateContract(t, m.store, m.mpk.ID, sample("Umowa do macierzy", "2026-03-01", 1_000_00)).ID
}

// apiRequest is a JSON write with the client's token (none for the public).
func apiRequest(c *matrixClient, target, body string) *http.Request {
	req := httptest.NewRequest("POST", target, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	return req
}

// formRequest is a form post with the client's session and CSRF token.
func formRequest(c *matrixClient, target string, form url.Values) *http.Request {
	form = with(form)
	form.Set("_csrf", c.b.csrf)
	req := httptest.NewRequest("POST", target, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return req
}

// multipartRequest is a multipart form post with the client's CSRF token.
func multipartRequest(t *testing.T, c *matrixClient, target string, fields url.Values, field, name string, data []byte) *http.Request {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	w.WriteField("_csrf", c.b.csrf)
	for k, vs := range fields {
		for _, v := range vs {
			w.WriteField(k, v)
		}
	}
	fw, err := w.CreateFormFile(field, name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	w.Close()
	req := httptest.NewRequest("POST", target, &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return req
}

const importCSV = "number;signed_on;subject;counterparty_name;value_net;value_gross;procurement_mode\r\n" +
	"MPK/M/1;2026-02-11;Umowa z importu;Firma sp. z o.o.;1 000,00;1 230,00;open_tender\r\n"

// writeCases lists every write route of the app with its expected status per role.
func writeCases() []writeCase {
	api := func(route, suffix string, fresh func(*matrixEnv, *testing.T) int64, body string, ok int) writeCase {
		return writeCase{"POST", route, func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			return apiRequest(c, fmt.Sprintf("/api/v1/contracts/%d%s", fresh(m, t), suffix), body)
		}, roles(ok, http.StatusForbidden)}
	}
	form := func(route, suffix string, fresh func(*matrixEnv, *testing.T) int64, values url.Values) writeCase {
		return writeCase{"POST", route, func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			return formRequest(c, fmt.Sprintf("/panel/umowy/%d%s", fresh(m, t), suffix), values)
		}, roles(http.StatusSeeOther, http.StatusForbidden)}
	}
	draft := (*matrixEnv).freshDraft
	published := (*matrixEnv).freshPublished
	amendForm := url.Values{"annex_date": {"2026-03-20"}, "subject": {"Umowa do macierzy po aneksie"}, "value_net": {"1 300,00"},
		"value_gross": {"1 599,00"}, "reason": {"Aneks nr 1"}}
	cases := []writeCase{
		// The write API (Bearer tokens).
		{"POST", "/api/v1/contracts", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			return apiRequest(c, "/api/v1/contracts", contractJSON("mpk", "Umowa z API", false))
		}, roles(http.StatusCreated, http.StatusForbidden)},
		api("/api/v1/contracts/:id/publish", "/publish", draft, "", http.StatusOK),
		api("/api/v1/contracts/:id/amendments", "/amendments", published, `{"value_net":200000,"value_gross":246000,"annex_date":"2026-03-20","reason":"Aneks"}`, http.StatusOK),
		api("/api/v1/contracts/:id/corrections", "/corrections", published, `{"number":"UM/1/2026/K","reason":"Błędny numer"}`, http.StatusOK),
		api("/api/v1/contracts/:id/withdrawal", "/withdrawal", published, `{"reason":"Omyłka"}`, http.StatusOK),
	}
	cases = append(cases, registerWriteCases()...)
	cases = append(cases, appealsWriteCases()...)
	cases = append(cases, panelRegisterWriteCases()...)
	cases = append(cases, auditsWriteCases()...)
	return append(cases, []writeCase{
		// The panel's forms (session and CSRF token).
		{"POST", "/panel/umowy", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			return formRequest(c, "/panel/umowy", contractForm("mpk", "Umowa z formularza"))
		}, roles(http.StatusSeeOther, http.StatusForbidden)},
		form("/panel/umowy/:id", "", draft, contractForm("mpk", "Szkic poprawiony")),
		form("/panel/umowy/:id/publikacja", "/publikacja", draft, url.Values{}),
		form("/panel/umowy/:id/aneks", "/aneks", published, amendForm),
		form("/panel/umowy/:id/korekta", "/korekta", published, with(contractForm("mpk", "Umowa do macierzy"), "reason", "Błędny numer", "action", "correct")),
		form("/panel/umowy/:id/wycofanie", "/wycofanie", published, url.Values{"reason": {"Wpis omyłkowy"}}),
		{"POST", "/panel/umowy/:id/zalaczniki", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			return multipartRequest(t, c, fmt.Sprintf("/panel/umowy/%d/zalaczniki", m.freshDraft(t)), url.Values{"title": {"Umowa"}},
				"file", "umowa.pdf", mustPDF(t, "Treść umowy"))
		}, roles(http.StatusSeeOther, http.StatusForbidden)},
		{"POST", "/panel/import", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			return multipartRequest(t, c, "/panel/import", url.Values{"company": {"mpk"}}, "plik", "umowy.csv", []byte(importCSV))
		}, roles(http.StatusOK, http.StatusForbidden)},
		// A confirmation names an upload previewed by the MPK officer in their own session:
		// only they can confirm it; another account's session finds nothing to confirm.
		{"POST", "/panel/import/potwierdz", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			owner := m.client(t, asOfficer)
			if c.token != "" && c.token == m.clients[asOfficer].token {
				owner = c // the officer confirms in the session that previewed
			}
			resp, body := owner.b.do(t, m.testEnv, multipartRequest(t, owner, "/panel/import", url.Values{"company": {"mpk"}}, "plik", "umowy.csv", []byte(importCSV)))
			id := pendingID.FindStringSubmatch(body)
			if resp.StatusCode != 200 || id == nil {
				t.Fatalf("preview for the confirmation: %d", resp.StatusCode)
			}
			return formRequest(c, "/panel/import/potwierdz", url.Values{"id": {id[1]}})
		}, map[string]int{asPublic: 401, asOfficer: 303, asOther: 409, asSupervisor: 403, asAuditor: 403, asAdmin: 409}},
		// Sign-in and sign-out: open to everyone (a wrong password is refused for anyone).
		{"POST", "/logowanie", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			return formRequest(c, "/logowanie", url.Values{"login": {"anna"}, "password": {"złe hasło do macierzy"}})
		}, map[string]int{asPublic: 401, asOfficer: 401, asOther: 401, asSupervisor: 401, asAuditor: 401, asAdmin: 401}},
		{"POST", "/wyloguj", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
			return formRequest(c, "/wyloguj", url.Values{})
		}, map[string]int{asPublic: 303, asOfficer: 303, asOther: 303, asSupervisor: 303, asAuditor: 303, asAdmin: 303}},
	}...)
}

// matrixRegister is a register besides contracts in the matrix: valid content, how to file an
// entry of MPK directly, and a key an amendment or a correction changes.
type matrixRegister struct {
	api       string
	content   any
	file      func(m *matrixEnv, publish bool) (int64, error)
	changeKey string
}

func matrixRegisters() []matrixRegister {
	exp := registry.ExpenseData{SpentOn: "2026-02-10", Category: "sponsorship", Recipient: registry.Recipient{Name: "Klub Sportowy Wisła", NIP: "5260250995"},
		AmountGross: 25_000_00, Purpose: "Sponsoring turnieju juniorów"}
	ad := registry.AdData{Outlet: registry.Outlet{Name: "Gazeta Krakowska", Kind: "press", Publisher: "Polska Press"}, Campaign: "Bilet miesięczny",
		ContentKind: "advertisement", PeriodStart: "2026-01-05", PeriodEnd: "2026-01-31", AmountGross: 7_000_00, Procedure: registry.ModeDirectAward}
	rec := registry.RecruitmentData{Body: "management_board", Position: "Prezes Zarządu", LegalBasis: "art. 10a ustawy o gospodarce komunalnej",
		Procedure: registry.ProcedureOpen, AnnouncedOn: "2026-01-02", AnnouncementPlace: "BIP spółki", ApplicationDeadline: "2026-01-20",
		Requirements: "Wyższe wykształcenie.", ApplicantsCount: 4, AdmittedCount: 3, InterviewedCount: 2, Outcome: "cancelled"}
	return []matrixRegister{
		{"expenses", exp, func(m *matrixEnv, publish bool) (int64, error) {
			e, err := m.store.Expenses().Create(context.Background(), system, m.mpk.ID, exp, publish)
			if err != nil {
				return 0, err
			}
			return e.ID, nil
		}, "purpose"},
		{"ads", ad, func(m *matrixEnv, publish bool) (int64, error) {
			e, err := m.store.Ads().Create(context.Background(), system, m.mpk.ID, ad, publish)
			if err != nil {
				return 0, err
			}
			return e.ID, nil
		}, "campaign"},
		{"recruitments", rec, func(m *matrixEnv, publish bool) (int64, error) {
			e, err := m.store.Recruitments().Create(context.Background(), system, m.mpk.ID, rec, publish)
			if err != nil {
				return 0, err
			}
			return e.ID, nil
		}, "position"},
	}
}

// registerWriteCases are the write API routes of the registers besides contracts.
func registerWriteCases() []writeCase {
	var out []writeCase
	for _, r := range matrixRegisters() {
		r := r
		fresh := func(t *testing.T, m *matrixEnv, publish bool) int64 {
			id, err := r.file(m, publish)
			if err != nil {
				t.Fatalf("%s fixture: %v %v", r.api, err, registry.ErrorFields(err))
			}
			return id
		}
		create, err := json.Marshal(r.content)
		if err != nil {
			panic(err)
		}
		createBody := `{"company":"mpk",` + string(create[1:])
		base := "/api/v1/" + r.api
		change := func(extra string) string {
			return `{"` + r.changeKey + `":"Zmieniona treść wpisu",` + extra + `}`
		}
		out = append(out,
			writeCase{"POST", base, func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
				return apiRequest(c, base, createBody)
			}, roles(http.StatusCreated, http.StatusForbidden)},
			writeCase{"POST", base + "/:id/publish", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
				return apiRequest(c, fmt.Sprintf("%s/%d/publish", base, fresh(t, m, false)), "")
			}, roles(http.StatusOK, http.StatusForbidden)},
			writeCase{"POST", base + "/:id/amendments", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
				return apiRequest(c, fmt.Sprintf("%s/%d/amendments", base, fresh(t, m, true)), change(`"annex_date":"2026-03-20","reason":"Zmiana umowy"`))
			}, roles(http.StatusOK, http.StatusForbidden)},
			writeCase{"POST", base + "/:id/corrections", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
				return apiRequest(c, fmt.Sprintf("%s/%d/corrections", base, fresh(t, m, true)), change(`"reason":"Błąd w rejestrze"`))
			}, roles(http.StatusOK, http.StatusForbidden)},
			writeCase{"POST", base + "/:id/withdrawal", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
				return apiRequest(c, fmt.Sprintf("%s/%d/withdrawal", base, fresh(t, m, true)), `{"reason":"Omyłka"}`)
			}, roles(http.StatusOK, http.StatusForbidden)},
		)
	}
	return out
}

// TestAuthorizationMatrix sends every write route of the app as every role and checks the
// status. It enumerates the app's routes and fails when a state-changing route (POST, PUT,
// PATCH, DELETE) is missing from writeCases, so that no new write goes untested.
func TestAuthorizationMatrix(t *testing.T) {
	ae := mustOpenAppeals(t, "2026-03-02")
	e := ae.testEnv
	for _, u := range []struct{ login, role, company string }{
		{"anna", registry.RoleOfficer, "mpk"}, {"olek", registry.RoleOfficer, "wodociagi"},
		{"ewa", registry.RoleSupervisor, ""}, {"adam", registry.RoleAuditor, ""}, {"root", registry.RoleAdmin, ""},
	} {
		if u.company != "" {
			e.mustCreateUser(t, u.login, u.role, u.company)
		} else {
			e.mustCreateUser(t, u.login, u.role)
		}
	}
	m := &matrixEnv{testEnv: e, svc: ae.svc, attachments: t.TempDir(), clients: map[string]*matrixClient{asPublic: {b: e.anonymous(t)}}}
	au, err := audits.Open(context.Background(), e.store, filepath.Dir(e.store.Path))
	if err != nil {
		t.Fatal(err)
	}
	au.Now = func() time.Time { return time.Date(2026, 5, 5, 10, 0, 0, 0, time.UTC) }
	m.au = au
	m.freshApp(t) // with the attachments directory and the pinned audits clock
	for role, login := range matrixLogins {
		m.clients[role] = &matrixClient{token: e.mustToken(t, login, "")}
	}

	cases := writeCases()
	covered := map[string]bool{}
	for _, wc := range cases {
		covered[wc.method+" "+wc.route] = true
	}
	var missing []string
	for _, r := range e.app.GetRoutes(true) {
		switch r.Method {
		case "POST", "PUT", "PATCH", "DELETE":
			if !covered[r.Method+" "+r.Path] {
				missing = append(missing, r.Method+" "+r.Path)
			}
			delete(covered, r.Method+" "+r.Path)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("write routes not in the authorization matrix (add them to writeCases): %v", missing)
	}
	for k := range covered {
		t.Errorf("the matrix lists %s, which the app does not register", k)
	}

	for _, wc := range cases {
		for _, role := range matrixRoles {
			want, ok := wc.want[role]
			if !ok {
				t.Fatalf("%s %s: no expected status for %s", wc.method, wc.route, role)
			}
			t.Run(wc.route+" as "+role, func(t *testing.T) {
				c := m.client(t, role)
				resp, body := c.b.do(t, e, wc.prepare(t, m, c))
				if resp.StatusCode != want {
					t.Fatalf("%d, want %d: %s", resp.StatusCode, want, excerpt(body))
				}
				// A refusal comes from the domain, not from a stale session or a lost token.
				if want == http.StatusForbidden && strings.Contains(body, "Formularz wygasł") {
					t.Fatalf("refused by the anti-forgery check, not by authorization: %s", excerpt(body))
				}
			})
		}
	}
}
