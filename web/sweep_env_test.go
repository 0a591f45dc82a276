package web_test

import (
	"context"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"jawnosc/appeals"
	"jawnosc/audits"
	"jawnosc/demo"
	"jawnosc/registry"
	"jawnosc/search"
	"jawnosc/web"
)

// The fixture of the hostile-input sweep: the demo data set (every register, requests,
// audits), entries in every state the routes act on, and one signed-in client per role.

// sweepRoles are the clients the sweep sends as: the public and a user of each role.
var sweepRoles = []string{registry.RolePublic, registry.RoleOfficer, registry.RoleSupervisor, registry.RoleAuditor, registry.RoleAdmin}

// sweepLogins are the accounts of the signed-in roles (the officer is MPK's).
var sweepLogins = map[string]string{registry.RoleOfficer: "anna", registry.RoleSupervisor: "ewa", registry.RoleAuditor: "adam", registry.RoleAdmin: "root"}

// sweepEnv is the sweep's fixture: the store, the services and the app over them, and the
// real ids the routes' parameters take when they are not the ones under attack.
type sweepEnv struct {
	*testEnv
	svc     *appeals.Service
	au      *audits.Store
	dir     string
	tokens  map[string]string // API token per signed-in role
	ids     map[string]string // named real values: see goodValue
	rebuilt int               // apps built to reset the per-address rate limits
	asset   string            // the hashed name of a static file
	refresh map[string]func() // per entry kind: files new entries (see fresh)
	// preferDraft makes goodValue give every route with an entry id the draft, when the
	// kind has one (the sweep opens the drafts' pages too, for their forms).
	preferDraft bool
}

// mustOpenSweep loads the demo data set of n contracts and adds a draft and a published
// entry of MPK in every register, an attachment, information requests in the states the
// steps act on (pending, refused, appealed) with a document, and the four accounts.
func mustOpenSweep(tb testing.TB, n int) *sweepEnv {
	tb.Helper()
	ctx := context.Background()
	dir := tb.TempDir()
	s, err := registry.Open(filepath.Join(dir, "jawnosc.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	// A clock that moves 10 ms per call: versions stay ordered, sessions do not expire.
	var tick atomic.Int64
	base := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return base.Add(time.Duration(tick.Add(1)) * 10 * time.Millisecond) }
	s.PasswordParams = cheapPasswords
	if err := demo.Load(ctx, s, n, nil); err != nil {
		tb.Fatal(err)
	}
	svc, err := appeals.Open(ctx, s)
	if err != nil {
		tb.Fatal(err)
	}
	svc.Now = func() time.Time { return time.Date(2026, 3, 16, 11, 0, 0, 0, time.UTC) }
	au, err := audits.Open(ctx, s, dir)
	if err != nil {
		tb.Fatal(err)
	}
	au.Now = func() time.Time { return time.Date(2026, 5, 5, 10, 0, 0, 0, time.UTC) }
	if err := demo.LoadAudits(ctx, au, au.Today()); err != nil {
		tb.Fatal(err)
	}
	if _, err := au.CatchUp(ctx); err != nil {
		tb.Fatal(err)
	}
	ix, err := search.Open(filepath.Join(dir, "index"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	e := &sweepEnv{testEnv: &testEnv{store: s, index: ix, logs: &logBuffer{}}, svc: svc, au: au, dir: dir,
		tokens: map[string]string{}, ids: map[string]string{}, refresh: map[string]func(){}}
	mpk, err := s.FindCompanyBySlug(ctx, "mpk")
	if err != nil {
		tb.Fatal(err)
	}
	e.mpk = mpk
	e.seedEntries(tb, ctx)
	pdfDoc := mustPDF(tb, "Rejestr umów za 2025 rok.")
	e.refresh["request"] = func() { e.seedRequests(tb, ctx, pdfDoc) }
	e.fresh(tb, "request")
	e.seedAudits(tb, ctx)
	if _, err := search.NewIndexer(ix, search.StoreSource{Store: s}, nil).CatchUp(ctx); err != nil {
		tb.Fatal(err)
	}
	for _, role := range sweepRoles[1:] {
		login := sweepLogins[role]
		if role == registry.RoleOfficer {
			e.mustCreateUser(tb, login, role, "mpk")
		} else {
			e.mustCreateUser(tb, login, role)
		}
		e.tokens[role] = e.mustToken(tb, login, "")
	}
	e.rebuild(tb)
	e.seedAttachment(tb)
	return e
}

// rebuild builds a new app over the same stores: sessions and tokens live in the database,
// while the per-address limits of sign-in and submissions start over.
func (e *sweepEnv) rebuild(tb testing.TB) {
	tb.Helper()
	app, err := newApp(web.Config{Store: e.store, Index: e.index, Appeals: e.svc, Audits: e.au, City: "Kraków", Logf: e.logs.logf,
		AttachmentsDir: filepath.Join(e.dir, "attachments"), PublicWritesPerMinute: 1 << 30})
	if err != nil {
		tb.Fatal(err)
	}
	e.app = app
	e.rebuilt++
}

// client returns a client of the role with a new session (none for the public, who holds
// only the anti-forgery cookie).
func (e *sweepEnv) client(tb testing.TB, role string) *browser {
	tb.Helper()
	if role == registry.RolePublic {
		return e.anonymous(tb)
	}
	return e.sessionFor(tb, sweepLogins[role])
}

// seedEntries files, for MPK, a draft and a published contract and a draft of every other
// register (copied from a published demo entry, whose id is kept too).
func (e *sweepEnv) seedEntries(tb testing.TB, ctx context.Context) {
	tb.Helper()
	s := e.store
	e.refresh["contract"] = func() {
		draft, err := s.CreateContract(ctx, system, e.mpk.ID, sample("Szkic umowy do przeglądu", "2026-03-01", 10_000_00), false)
		if err != nil {
			tb.Fatal(err)
		}
		e.ids["contract.draft"] = itoa(draft.ID)
		e.ids["contract"] = itoa(mustCreateContract(tb, s, e.mpk.ID, sample("Umowa do przeglądu", "2026-03-02", 20_000_00)).ID)
	}
	e.fresh(tb, "contract")
	e.ids["nip"] = counterpartyNIP
	seedRegister[registry.ExpenseData](tb, ctx, e, "expense", s.Expenses())
	seedRegister[registry.AdData](tb, ctx, e, "ad", s.Ads())
	seedRegister[registry.RecruitmentData](tb, ctx, e, "recruitment", s.Recruitments())
}

// entryRegister is what seedRegister needs of a register.
type entryRegister[D any] interface {
	Scan(ctx context.Context, fn func(*registry.Entry[D]) error) error
	Create(ctx context.Context, a registry.Actor, companyID int64, d D, publish bool) (*registry.Entry[D], error)
}

// seedRegister keeps the id of a published entry of MPK and of a draft copy of it.
func seedRegister[D any](tb testing.TB, ctx context.Context, e *sweepEnv, kind string, r entryRegister[D]) {
	tb.Helper()
	var found *registry.Entry[D]
	err := r.Scan(ctx, func(en *registry.Entry[D]) error {
		if found == nil && en.CompanyID == e.mpk.ID && en.Status == registry.StatusPublished {
			found = en
		}
		return nil
	})
	if err != nil || found == nil {
		tb.Fatalf("no published %s of MPK in the demo data: %v", kind, err)
	}
	e.refresh[kind] = func() {
		p, err := r.Create(ctx, system, e.mpk.ID, found.Data, true)
		if err != nil {
			tb.Fatalf("%s: %v %v", kind, err, registry.ErrorFields(err))
		}
		d, err := r.Create(ctx, system, e.mpk.ID, found.Data, false)
		if err != nil {
			tb.Fatalf("draft %s: %v %v", kind, err, registry.ErrorFields(err))
		}
		e.ids[kind], e.ids[kind+".draft"] = itoa(p.ID), itoa(d.ID)
	}
	e.fresh(tb, kind)
}

// seedRequests submits information requests to MPK: one pending (its token kept), one
// refused and appealed to the mayor's office (its appeal pending), one refused and not yet
// appealed, and one answered with a PDF document.
func (e *sweepEnv) seedRequests(tb testing.TB, ctx context.Context, pdfDoc []byte) {
	tb.Helper()
	submit := func(subject string) (*appeals.Request, string) {
		r, token, err := e.svc.Submit(ctx, registry.PublicActor, appeals.Submission{Company: "mpk", Subject: subject, Text: "Proszę o kopię umowy wraz z aneksami."})
		if err != nil {
			tb.Fatal(err)
		}
		return r, token
	}
	pending, token := submit("Umowa na kampanię reklamową")
	e.ids["request"], e.ids["request.token"] = itoa(pending.ID), token

	refused, rtoken := submit("Umowa na obsługę prawną")
	if _, err := e.svc.Refuse(ctx, system, refused.ID, refusalData); err != nil {
		tb.Fatal(err)
	}
	r, err := e.svc.Appeal(ctx, refused.ID, rtoken, "Kwota ze środków publicznych nie jest tajemnicą.")
	if err != nil {
		tb.Fatal(err)
	}
	for _, ev := range r.Events {
		if ev.Type == appeals.EvRefused {
			e.ids["request.refused"], e.ids["request.refused.token"], e.ids["event"] = itoa(r.ID), rtoken, itoa(ev.ID)
		}
	}
	rows, err := e.svc.FindAppeals(ctx, false, 5)
	if err != nil {
		tb.Fatal(err)
	}
	for _, row := range rows {
		if row.RequestID == refused.ID {
			e.ids["appeal"] = itoa(row.ID)
		}
	}

	open, otoken := submit("Umowa na sprzątanie przystanków")
	if _, err := e.svc.Refuse(ctx, system, open.ID, refusalData); err != nil {
		tb.Fatal(err)
	}
	e.ids["request.open"], e.ids["request.open.token"] = itoa(open.ID), otoken

	answered, _ := submit("Rejestr umów za 2025 rok")
	doc, err := e.svc.StoreDocument(ctx, system, "rejestr.pdf", pdfDoc)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := e.svc.Answer(ctx, system, answered.ID, appeals.EventData{Answer: "disclosed", Text: "W załączeniu rejestr.", Documents: []appeals.Document{doc}}); err != nil {
		tb.Fatal(err)
	}
	e.ids["request.answered"], e.ids["document"] = itoa(answered.ID), doc.SHA256
	for _, k := range []string{"event", "appeal"} {
		if e.ids[k] == "" {
			tb.Fatalf("fixture: no %s", k)
		}
	}
}

// seedAudits keeps a demo audit report of MPK with recommendations, one of them, and the
// name of the report's PDF (attached here: the demo reports have none).
func (e *sweepEnv) seedAudits(tb testing.TB, ctx context.Context) {
	tb.Helper()
	reports, _, err := e.au.FindReports(ctx, audits.ReportFilter{CompanyID: &e.mpk.ID, Limit: 50})
	if err != nil {
		tb.Fatal(err)
	}
	for _, rep := range reports {
		full, err := e.au.FindReportByID(ctx, rep.ID)
		if err != nil {
			tb.Fatal(err)
		}
		if len(full.Recommendations) == 0 {
			continue
		}
		if full, err = e.au.AttachReportPDF(ctx, system, full.ID, auditPDF); err != nil || full.PDF == nil {
			tb.Fatalf("attach the report's PDF: %v", err)
		}
		e.ids["audit"], e.ids["audit.pdf"], e.ids["recommendation"] = itoa(full.ID), full.PDF.SHA256+".pdf", itoa(full.Recommendations[0].ID)
		return
	}
	tb.Fatal("no demo audit report of MPK with recommendations")
}

// seedAttachment uploads a PDF to the published contract through the panel, as MPK's officer.
func (e *sweepEnv) seedAttachment(tb testing.TB) {
	tb.Helper()
	b := e.client(tb, registry.RoleOfficer)
	resp, body := b.sendMultipart(tb, e.testEnv, "/panel/umowy/"+e.ids["contract"]+"/zalaczniki", map[string][]string{"title": {"Umowa"}},
		upload{"file", "umowa.pdf", "application/pdf", mustPDF(tb, "Umowa nr 1.")})
	if resp.StatusCode != http.StatusSeeOther {
		tb.Fatalf("attachment upload: %d %s", resp.StatusCode, excerpt(body))
	}
	atts, err := e.store.FindAttachments(context.Background(), system, mustInt(tb, e.ids["contract"]))
	if err != nil || len(atts) == 0 {
		tb.Fatalf("attachments: %v %d", err, len(atts))
	}
	e.ids["attachment"] = itoa(atts[0].ID)
}

func mustInt(tb testing.TB, s string) int64 {
	tb.Helper()
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

// tokenFor returns the tracking token of the request with the id ("" for another id).
func (e *sweepEnv) tokenFor(id string) string {
	for _, k := range []string{"request", "request.refused", "request.open"} {
		if e.ids[k] == id {
			return e.ids[k+".token"]
		}
	}
	return ""
}

// entryKinds names, by the first part of a route's path (after /api/v1 or /panel), the
// kind of entry its id parameter is.
var entryKinds = map[string]string{"umowy": "contract", "contracts": "contract", "wydatki": "expense", "expenses": "expense",
	"reklamy": "ad", "ads": "ad", "rekrutacje": "recruitment", "recruitments": "recruitment",
	"audyty": "audit", "audits": "audit", "zalecenia": "recommendation", "recommendations": "recommendation",
	"wnioski": "request", "requests": "request", "appeals": "request", "zalaczniki": "attachment"}

// routeKind is the kind of entry a route's id is ("" when the sweep does not know).
func routeKind(route string) string {
	rest := strings.TrimPrefix(strings.TrimPrefix(route, "/api/v1"), "/panel")
	return entryKinds[strings.SplitN(strings.TrimPrefix(rest, "/"), "/", 2)[0]]
}

// fresh files new entries of the kind for the routes that act on them, so that no route
// finds them already published, withdrawn or answered by the one before.
func (e *sweepEnv) fresh(tb testing.TB, kind string) {
	tb.Helper()
	if f := e.refresh[kind]; f != nil {
		f()
	}
}

// goodValue is a real value for a path parameter of a route, so that a variant attacking
// one part of a request finds the rest valid. Routes act on the draft when they edit or
// publish one, and on the published entry otherwise. A parameter it does not know gets "1".
func (e *sweepEnv) goodValue(method, route, param string) string {
	draftish := e.preferDraft || method == "POST" && (strings.HasSuffix(route, "/publish") || strings.HasSuffix(route, "/publikacja") ||
		strings.HasSuffix(route, "/edycja") || route == "/panel/umowy/:id") ||
		strings.HasSuffix(route, "/edycja")
	switch param {
	case "id":
		kind := routeKind(route)
		switch {
		case kind == "":
			return "1"
		case strings.HasPrefix(route, "/api/v1/appeals/"):
			return e.ids["appeal"]
		case draftish && e.ids[kind+".draft"] != "":
			return e.ids[kind+".draft"]
		case kind == "request" && strings.Contains(route, "/decyzje/"):
			return e.ids["request.refused"]
		case kind == "request" && strings.HasSuffix(route, "/appeals"):
			return e.ids["request.open"]
		case kind == "request" && strings.Contains(route, "/dokumenty/"):
			return e.ids["request.answered"]
		case kind == "request" && strings.Contains(route, "/sledz"):
			return e.ids["request.open"] // refused, not yet appealed: the resident's steps are open
		}
		return e.ids[kind]
	case "slug":
		return "mpk"
	case "nip":
		return e.ids["nip"]
	case "tab":
		return "wydatki"
	case "register":
		return "umowy"
	case "sha":
		return e.ids["document"]
	case "event":
		return e.ids["event"]
	case "step":
		if strings.HasPrefix(route, "/panel/") {
			return "odpowiedz"
		}
		return "odwolanie"
	case "name":
		if strings.HasPrefix(route, "/audyty/") {
			return e.ids["audit.pdf"]
		}
		if strings.HasPrefix(route, "/static/") {
			return e.asset
		}
		return "umowy.csv.gz"
	}
	return "1"
}
