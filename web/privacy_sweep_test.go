package web_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"database/sql"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"jawnosc/appeals"
	"jawnosc/registry"
	"jawnosc/search"
	"jawnosc/web"
)

// The requester of the privacy sweep: a name with diacritics and a hyphen, an e-mail whose
// local part is not the name, and a sentence she did not allow to be shown.
const (
	sweepName   = "Zdzisława Przybylska-Ćwik"
	sweepEmail  = "zdzicha.pc1958@poczta.example.org"
	sweepSecret = "Mój sąsiad Bolesław Grzmot pracuje w zajezdni Płaszów."
)

// foldPolish lowercases s and drops Polish diacritics, so a leak is found in any case and
// with or without them.
func foldPolish(s string) string {
	s = strings.NewReplacer("\u00ad", "", "\u200b", "", "\u200c", "", "\u200d", "", "\u2060", "", "\ufeff", "").Replace(s)
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, norm.NFD.String(s))
	return strings.NewReplacer("ł", "l", "Ł", "l").Replace(strings.ToLower(s))
}

// leakNeedles are what no public surface and no log may hold, folded: the name's parts
// (stems, so inflected forms count), the e-mail and its local part, the secret sentence's
// distinctive words, and the tracking tokens (case kept).
type leakNeedles struct {
	folded []string
	exact  []string
}

func sweepNeedles(tokens []string) leakNeedles {
	return leakNeedles{
		folded: []string{"zdzislaw", "przybylsk", "cwik", foldPolish(sweepEmail), "zdzicha", "pc1958", "grzmot", "boleslaw", "sasiad"},
		exact:  tokens,
	}
}

// find returns the first needle in body (folded; also with the whitespace removed, for
// texts a PDF wrapped across lines), or "".
func (n leakNeedles) find(body string) (string, int) {
	for _, t := range n.exact {
		if i := strings.Index(body, t); i >= 0 {
			return "token", i
		}
	}
	f := foldPolish(body)
	squeezed := strings.Join(strings.Fields(f), "")
	for _, w := range n.folded {
		if i := strings.Index(f, w); i >= 0 {
			return w, i
		}
		if strings.Contains(squeezed, w) {
			return w, 0
		}
	}
	return "", 0
}

// check fails the test when where shows a needle.
func (n leakNeedles) check(tb testing.TB, where, body string) {
	tb.Helper()
	if w, i := n.find(body); w != "" {
		f := foldPolish(body)
		tb.Errorf("%s shows %q: …%s…", where, w, f[max(0, i-100):min(len(f), i+100)])
	}
}

// pdfText extracts the text of a PDF with pdftotext (poppler-utils).
func pdfText(tb testing.TB, b []byte) string {
	tb.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		tb.Fatal("pdftotext (poppler-utils) is needed to read the public PDFs")
	}
	cmd := exec.Command(bin, "-enc", "UTF-8", "-", "-")
	cmd.Stdin = bytes.NewReader(b)
	out, err := cmd.Output()
	if err != nil {
		tb.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

// sweepBody returns what a visitor reads in a response: its headers, its body, a PDF's text,
// a gzip file's content.
func sweepBody(tb testing.TB, resp *http.Response, body []byte) string {
	tb.Helper()
	var b strings.Builder
	for k, vs := range resp.Header {
		b.WriteString(k + ": " + strings.Join(vs, ", ") + "\n")
	}
	b.Write(body)
	switch {
	case bytes.HasPrefix(body, []byte("%PDF-")):
		text := pdfText(tb, body)
		if strings.TrimSpace(text) == "" {
			tb.Fatalf("%s: a PDF without text", resp.Request.URL)
		}
		b.WriteString("\n" + text)
	case bytes.HasPrefix(body, []byte{0x1f, 0x8b}):
		zr, err := gzip.NewReader(bytes.NewReader(body))
		if err != nil {
			tb.Fatal(err)
		}
		out, err := io.ReadAll(zr)
		if err != nil {
			tb.Fatal(err)
		}
		b.Write(out)
	}
	return b.String()
}

// sweepFixture is the sweep's data: three requests (one by the requester with public text,
// one by her with the text kept private, one anonymous) run through every kind of step.
type sweepFixture struct {
	*appealsEnv
	open, private, anon string   // request ids
	tokens              []string // their tracking tokens
	docSHA              string
	officer, office     string // API tokens: MPK's officer, the mayor's office
}

// mustSweepFixture files the requests and runs them through clarification, refusal, appeal,
// decision and compliance (the open one), a partial answer, reconsideration and its upheld
// decision (the private one), and an overdue record (the anonymous one); it sends wrong
// tokens and forbidden transitions on the way.
func mustSweepFixture(t *testing.T) *sweepFixture {
	t.Helper()
	f := &sweepFixture{appealsEnv: mustOpenAppeals(t, "2026-03-02")}
	e := f.appealsEnv
	f.officer = e.mustToken(t, "ewa", registry.RoleOfficer, "mpk")
	f.office = e.mustToken(t, "nadzor", registry.RoleSupervisor)
	resident := e.anonymous(t)
	want := func(what string, resp *http.Response, status int, m any) {
		t.Helper()
		if resp.StatusCode != status {
			t.Fatalf("%s: %d, want %d: %v", what, resp.StatusCode, status, m)
		}
	}
	form := func(path string, v url.Values, status int) {
		t.Helper()
		resp, body := resident.send(t, e.testEnv, "POST", path, v)
		want("POST "+path, resp, status, body)
	}

	// The open request: the name and e-mail also in the subject and text.
	var tok string
	f.open, tok = e.submitForm(t, resident, url.Values{"company": {"mpk"}, "subject": {"Umowa kampanii — wniosek Zdzisławy Przybylskiej-Ćwik"},
		"text": {"Proszę o kopię umowy na kampanię „Jedź z MPK”. Odpowiedź proszę przesłać na " + sweepEmail + ".\nZ poważaniem, " + sweepName},
		"name": {sweepName}, "email": {sweepEmail}, "public_text": {"1"}})
	f.tokens = append(f.tokens, tok)
	openTok := tok
	// A bad submission echoing the personal data, by the form and the API.
	form("/wnioski/nowy", url.Values{"company": {"mpk"}, "subject": {""}, "text": {sweepName}, "name": {sweepName}, "email": {sweepName}}, http.StatusUnprocessableEntity)
	resp, m := e.jsonReq(t, "POST", "/api/v1/requests", "", map[string]any{"company": "nie-ma", "subject": sweepName, "text": sweepSecret, "name": sweepName, "email": sweepName})
	want("bad API submission", resp, http.StatusUnprocessableEntity, m)

	// The private request: the text (with the secret sentence) not to be shown.
	resp, m = e.jsonReq(t, "POST", "/api/v1/requests", "", map[string]any{"company": "mpk", "subject": "Wykaz kursów nocnych",
		"text": "Proszę o wykaz kursów nocnych linii 64. " + sweepSecret + " " + sweepName, "name": sweepName, "email": sweepEmail, "public_text": false})
	want("private submission", resp, http.StatusCreated, m)
	f.private, tok = fmt.Sprint(m["id"]), m["token"].(string)
	f.tokens = append(f.tokens, tok)
	privateTok := tok

	// The anonymous request (no name, no e-mail): left to become overdue.
	resp, m = e.jsonReq(t, "POST", "/api/v1/requests", "", map[string]any{"company": "mpk", "subject": "Liczba kontroli biletów", "text": "Ile kontroli biletów było w 2025 r.?", "public_text": true})
	want("anonymous submission", resp, http.StatusCreated, m)
	f.anon = fmt.Sprint(m["id"])
	f.tokens = append(f.tokens, m["token"].(string))

	respond := func(id string, in map[string]any, status int) map[string]any {
		t.Helper()
		resp, m := e.jsonReq(t, "POST", "/api/v1/requests/"+id+"/responses", f.officer, in)
		want(fmt.Sprintf("response %v", in["type"]), resp, status, m)
		return m
	}
	officials := []map[string]string{{"name": "Jan Nowak", "function": "Prezes Zarządu"}}

	e.on("2026-03-03")
	respond(f.open, map[string]any{"type": "clarification", "text": "Pani Zdzisławo Przybylska-Ćwik, której kampanii dotyczy wniosek? Odpowiemy na " + sweepEmail + "."}, http.StatusCreated)
	e.on("2026-03-04")
	form("/wnioski/"+f.open+"/sledz/doprecyzowanie", url.Values{"token": {strings.Repeat("A", 43)}, "text": {sweepName}}, http.StatusForbidden)
	form("/wnioski/"+f.open+"/sledz/oplata", url.Values{"token": {openTok}}, http.StatusConflict) // no fee was asked
	form("/wnioski/"+f.open+"/sledz/doprecyzowanie", url.Values{"token": {openTok}, "text": {"Kampanii z 2025 r. — pisze " + sweepName + " (" + sweepEmail + "), " +
		norm.NFD.String("Zdzisława Ćwik") + ", PRZYBYLSKA-ĆWIK, Przy\u00adbylska, " + strings.ToUpper(sweepEmail) + "."}}, http.StatusSeeOther)
	e.on("2026-03-05")
	respond(f.private, map[string]any{"type": "answer", "answer": "partial", "text": "Szanowna Pani Zdzisława Przybylska-Ćwik, udostępniamy wykaz bez nazwisk kierowców.",
		"ground": "privacy", "officials": officials}, http.StatusCreated)
	e.on("2026-03-06")
	refusal := map[string]any{"type": "refusal", "text": "Odmawiamy Pani Przybylskiej-Ćwik udostępnienia kalkulacji ceny.", "ground": "trade_secret",
		"legal_basis": "art. 11 ust. 2 ustawy o zwalczaniu nieuczciwej konkurencji (wniosek Zdzisławy Przybylskiej-Ćwik)",
		"holder":      "Agencja Reklamowa sp. z o.o.", "officials": officials}
	respond(f.open, refusal, http.StatusCreated)
	respond(f.open, refusal, http.StatusConflict)
	form("/wnioski/"+f.private+"/sledz/ponowne-rozpatrzenie", url.Values{"token": {privateTok}, "text": {"Nazwiska kierowców nie są mi potrzebne. " + sweepSecret}}, http.StatusSeeOther)

	e.on("2026-03-09")
	resp, m = e.jsonReq(t, "POST", "/api/v1/requests/"+f.open+"/appeals", "", map[string]any{"token": "zly-" + openTok[4:], "grounds": sweepName})
	want("appeal with a wrong token", resp, http.StatusForbidden, m)
	resp, m = e.jsonReq(t, "POST", "/api/v1/requests/"+f.open+"/appeals", "", map[string]any{"token": openTok,
		"grounds": "Ja, " + sweepName + " (" + sweepEmail + "), odwołuję się: kwota ze środków publicznych nie jest tajemnicą."})
	want("appeal", resp, http.StatusCreated, m)
	appealID := fmt.Sprint(m["appeal_id"])
	resp, m = e.jsonReq(t, "GET", "/api/v1/requests/"+f.open+"?token="+openTok[:42]+"x", "", "")
	want("private view with a wrong token", resp, http.StatusForbidden, m)

	e.on("2026-03-10")
	respond(f.private, map[string]any{"type": "reconsideration", "answer": "upheld", "text": "Utrzymujemy decyzję wobec Pani Zdzisławy Przybylskiej-Ćwik.", "officials": officials}, http.StatusCreated)

	e.on("2026-03-16")
	decision := map[string]any{"result": "instructed", "reasoning": "Wnioskodawczyni, Pani Zdzisława Przybylska-Ćwik, ma rację: kwota jest informacją publiczną.", "comply_by": "2026-03-27",
		"officials": []map[string]string{{"name": "Maria Wiśniewska", "function": "Dyrektor Wydziału Nadzoru"}}}
	resp, m = e.jsonReq(t, "POST", "/api/v1/appeals/"+appealID+"/decision", f.officer, decision)
	want("an officer's decision", resp, http.StatusForbidden, m)
	resp, m = e.jsonReq(t, "POST", "/api/v1/appeals/"+appealID+"/decision", f.office, decision)
	want("decision", resp, http.StatusOK, m)

	e.on("2026-03-20")
	resp, m = e.jsonReqBytes(t, "/api/v1/documents?name="+url.QueryEscape("umowa dla Przybylskiej-Ćwik.pdf"), f.officer, samplePDF(t, "Umowa"))
	want("upload", resp, http.StatusCreated, m)
	f.docSHA = m["sha256"].(string)
	respond(f.open, map[string]any{"type": "compliance", "text": "Przekazujemy Pani Zdzisławie Przybylskiej-Ćwik umowę.",
		"documents": []map[string]any{{"sha256": f.docSHA, "name": "umowa dla Przybylskiej-Ćwik.pdf"}}}, http.StatusCreated)

	// The daily job records the anonymous request overdue and queues the notices.
	if _, err := e.svc.RunDaily(context.Background(), e.svc.Now(), nil); err != nil {
		t.Fatal(err)
	}
	if _, err := search.NewIndexer(e.index, search.StoreSource{Store: e.store, Appeals: e.svc}, nil).CatchUp(context.Background()); err != nil {
		t.Fatal(err)
	}
	return f
}

// sweepTargets fills every public GET route of app with the fixture's values: request ids
// (and each event's decision PDF), the attached document, company slugs, register tabs and
// feeds, contract ids, the counterparty, the dump files, static files, and search queries.
// With panel, the panel's routes are included too.
func (f *sweepFixture) sweepTargets(t *testing.T, dumps []string, panel bool) []string {
	t.Helper()
	requests := []string{f.open, f.private, f.anon}
	var events []string
	for _, id := range requests {
		var n int64
		fmt.Sscan(id, &n)
		r, err := f.svc.FindRequest(context.Background(), n)
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range r.Events {
			events = append(events, fmt.Sprintf("%s/decyzje/%d.pdf", id, ev.ID))
		}
	}
	_, home := f.do(t, "GET", "/")
	statics := regexp.MustCompile(`/static/([^"?#]+)`).FindAllStringSubmatch(home, -1)
	values := map[string][]string{
		"slug": {"mpk", "wodociagi"}, "tab": {"umowy", "wydatki", "reklamy", "rekrutacje", "audyty", "wnioski"},
		"register": {"umowy", "wydatki", "reklamy", "rekrutacje", "wnioski"}, "nip": {counterpartyNIP},
		"name": dumps, "sha": {f.docSHA}, "event": {"1.pdf"},
	}
	for _, s := range statics {
		values["static"] = append(values["static"], s[1])
	}
	param := regexp.MustCompile(`:[a-z]+`)
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, r := range f.app.GetRoutes(true) {
		if r.Method != http.MethodGet || !panel && strings.HasPrefix(r.Path, "/panel") {
			continue
		}
		paths := []string{r.Path}
		for {
			var next []string
			done := true
			for _, p := range paths {
				loc := param.FindStringIndex(p)
				if loc == nil {
					next = append(next, p)
					continue
				}
				done = false
				name := p[loc[0]+1 : loc[1]]
				vals := values[name]
				switch {
				case strings.HasPrefix(p, "/static/"):
					vals = values["static"]
				case name == "id" && (strings.HasPrefix(p, "/wnioski/") || strings.HasPrefix(p, "/api/v1/requests/") || strings.HasPrefix(p, "/panel/wnioski/")):
					vals = requests
				case name == "id":
					vals = []string{"1", fmt.Sprint(f.bus), fmt.Sprint(f.redacted)}
				case name == "name" && strings.HasPrefix(p, "/audyty/"):
					vals = []string{"raport.pdf"}
				}
				if name == "id" && strings.HasSuffix(p, "/decyzje/:event") {
					for _, ev := range events {
						next = append(next, "/wnioski/"+ev)
					}
					continue
				}
				if len(vals) == 0 {
					t.Fatalf("no value for :%s in %s", name, r.Path)
				}
				for _, v := range vals {
					next = append(next, p[:loc[0]]+url.PathEscape(v)+p[loc[1]:])
				}
			}
			paths = next
			if done {
				break
			}
		}
		for _, p := range paths {
			add(p)
		}
	}
	// Filters, pages and searches of the requests' register; the private routes without a token.
	for _, q := range []string{"/wnioski?company=mpk", "/wnioski?company=mpk&year=2026", "/wnioski?outcome=refused", "/wnioski?outcome=pending",
		"/api/v1/requests?company=mpk", "/api/v1/requests?page=1", "/szukaj?q=kampanii", "/szukaj?q=kursów+nocnych", "/szukaj?q=wnioski&register=request",
		"/api/v1/search?q=kampanii", "/api/v1/search?q=kursy", "/feeds/szukaj?q=kampanii", "/feeds/szukaj?q=kontroli", "/api/v1/export/contracts.json?company=mpk"} {
		add(q)
	}
	for _, id := range requests {
		add("/wnioski/" + id + "/sledz?token=")
		add("/wnioski/" + id + "/sledz/atom?token=" + strings.Repeat("B", 43))
		add("/api/v1/requests/" + id + "?token=zly")
	}
	sort.Strings(out)
	return out
}

// sweepShown are texts of the requests that the public must see (so the sweep reached them).
var sweepShown = []string{"Jedź z MPK", "kursów nocnych", "Agencja Reklamowa", "kalkulacji ceny", "Dyrektor Wydziału Nadzoru", appeals.Redacted}

// sweep sends GET targets as b and fails on every response that shows a needle or is a
// server error. It returns which of sweepShown the 200 answers showed and how many decision
// PDFs it read.
func (f *sweepFixture) sweep(t *testing.T, who string, b *browser, targets []string, needles leakNeedles) (map[string]bool, int) {
	t.Helper()
	seen := map[string]bool{}
	pdfs := 0
	for _, target := range targets {
		resp, s := b.send(t, f.testEnv, http.MethodGet, target, nil)
		body := []byte(s)
		if resp.StatusCode >= 500 {
			t.Errorf("%s: GET %s: %d", who, target, resp.StatusCode)
		}
		text := sweepBody(t, resp, body)
		needles.check(t, fmt.Sprintf("%s: GET %s (%d)", who, target, resp.StatusCode), text)
		if resp.StatusCode != 200 {
			continue
		}
		if bytes.HasPrefix(body, []byte("%PDF-")) && strings.Contains(target, "/decyzje/") {
			pdfs++
		}
		for _, w := range sweepShown {
			if strings.Contains(text, w) {
				seen[w] = true
			}
		}
	}
	return seen, pdfs
}

// TestPrivacySweep files requests carrying a requester's distinctive name, e-mail and a
// sentence she kept private (also inside the request's and the company's texts), runs them
// through answers, refusals, an appeal, the mayor's office's decision, a reconsideration and
// compliance, lets the indexer and the nightly dump job run, then requests every public GET
// route of the app with its parameters filled from the data (pages, API, feeds, exports,
// OCDS, the dump files, the decision PDFs read with pdftotext) and checks that none shows the
// name (in any case, with or without diacritics, inflected), the e-mail, a tracking token or
// the private text, and that the server log holds none of them for the whole run, failing
// requests included. An officer of another company then sweeps every route, the panel's
// included, and sees no more.
func TestPrivacySweep(t *testing.T) {
	f := mustSweepFixture(t)
	e := f.appealsEnv
	ctx := context.Background()
	needles := sweepNeedles(f.tokens)

	dir := filepath.Join(t.TempDir(), "dumps")
	m, err := (&web.DumpJob{Store: e.store, Dir: dir, Now: e.svc.Now, City: "Kraków", Keep: 2}).Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var dumps []string
	for _, df := range m.Files {
		dumps = append(dumps, df.Name)
	}
	// Every file the job left on disk (the manifest too), not only those it lists.
	files := 0
	if err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		files++
		needles.check(t, "the dump file "+path, sweepBody(t, &http.Response{Header: http.Header{}}, b))
		return nil
	}); err != nil || files <= len(m.Files) {
		t.Fatalf("dump files: %d (%v)", files, err)
	}
	if e.app, err = newApp(web.Config{Store: e.store, Index: e.index, City: "Kraków", Logf: e.logs.logf, Appeals: e.svc,
		OpenData: web.OpenDataConfig{DumpsDir: dir}, AttachmentsDir: filepath.Join(t.TempDir(), "attachments")}); err != nil {
		t.Fatal(err)
	}

	// Every public route as an anonymous visitor; the sweep is meaningful only if the
	// requests are there to be seen.
	targets := f.sweepTargets(t, dumps, false)
	seen, pdfs := f.sweep(t, "a visitor", &browser{}, targets, needles)
	for _, w := range sweepShown {
		if !seen[w] {
			t.Errorf("no public surface showed %q: the sweep did not reach the requests", w)
		}
	}
	if pdfs < 4 { // the refusal, the partial answer, the upheld reconsideration, the office's decision
		t.Errorf("%d public decision PDFs, want 4", pdfs)
	}
	// Every route, the panel's included, as an officer of another company.
	all := f.sweepTargets(t, dumps, true)
	f.sweep(t, "another company's officer", e.mustLogin(t, "olek", registry.RoleOfficer, "wodociagi"), all, needles)
	t.Logf("%d public GET targets swept, %d with the panel's; %d decision PDFs read", len(targets), len(all), pdfs)
	// The private text is hidden, and searching it does not find the request.
	if _, body := e.do(t, "GET", "/szukaj?q=Grzmot"); strings.Contains(body, `href="/wnioski/`+f.private+`"`) {
		t.Error("the private text finds the request")
	}
	if _, body := e.do(t, "GET", "/szukaj?q=Przybylska"); strings.Contains(body, `href="/wnioski/`) {
		t.Error("the requester's name finds a request")
	}
	f.sweepLedgerRecords(t, needles)
	needles.check(t, "the server log", e.logs.String())
}

// sweepLedgerRecords reads the public ledger (/api/v1/ledger) and, for every link of a
// request's event, the record its data_hash commits to: the hash must match, and no record may
// hold the requester's name, e-mail, private text or a token (a hash of such a record would let
// anyone confirm a guess of them). Every event of the fixture must have its link.
func (f *sweepFixture) sweepLedgerRecords(t *testing.T, needles leakNeedles) {
	t.Helper()
	ctx := context.Background()
	var links []map[string]any
	for next := "/api/v1/ledger"; next != ""; {
		resp, m := f.jsonReq(t, "GET", next, "", "")
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d", next, resp.StatusCode)
		}
		for _, l := range m["links"].([]any) {
			links = append(links, l.(map[string]any))
		}
		next, _ = m["next"].(string)
	}
	records, redacted := 0, false
	for _, l := range links {
		if l["link_kind"] != appeals.LinkRequestEvent {
			continue
		}
		id := int64(l["ref_id"].(float64))
		rec, err := f.svc.LedgerRecord(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if registry.SHA256Hex(rec) != l["data_hash"] {
			t.Errorf("link %v: the record of event %d does not hash to its data_hash", l["seq"], id)
		}
		needles.check(t, fmt.Sprintf("the ledger record of event %d", id), string(rec))
		redacted = redacted || strings.Contains(string(rec), appeals.Redacted)
		records++
	}
	var events int
	if err := f.store.ReadDB().QueryRow(`SELECT COUNT(*) FROM ir_events`).Scan(&events); err != nil {
		t.Fatal(err)
	}
	if records != events || !redacted {
		t.Errorf("%d request_event links for %d events (a redacted text among them: %v)", records, events, redacted)
	}
}

// TestPrivacyPanelAndAuditLog: the company's officer sees the requester's name (to answer),
// an officer of another company sees nothing of the request (page, list, API, notifications),
// the mayor's office sees the name but not the e-mail, and the audit log (page, API and its
// table) records the requests' steps by reference only, never the name or the e-mail.
func TestPrivacyPanelAndAuditLog(t *testing.T) {
	f := mustSweepFixture(t)
	e := f.appealsEnv
	needles := sweepNeedles(f.tokens)
	own := e.mustLogin(t, "ewa", registry.RoleOfficer, "mpk")
	other := e.mustLogin(t, "olek", registry.RoleOfficer, "wodociagi")
	office := e.mustLogin(t, "nadzor", registry.RoleSupervisor)

	resp, body := own.send(t, e.testEnv, "GET", "/panel/wnioski/"+f.open, nil)
	if resp.StatusCode != 200 || !strings.Contains(body, sweepName) || !strings.Contains(body, "Pani Zdzisławo Przybylska-Ćwik") {
		t.Fatalf("the company's officer does not see the requester: %d", resp.StatusCode)
	}
	for _, id := range []string{f.open, f.private, f.anon} {
		resp, body := other.send(t, e.testEnv, "GET", "/panel/wnioski/"+id, nil)
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("another company's officer on /panel/wnioski/%s: %d", id, resp.StatusCode)
		}
		needles.check(t, "another company's officer's /panel/wnioski/"+id, body)
		r, m := e.jsonReq(t, "POST", "/api/v1/requests/"+id+"/responses", e.mustToken(t, "olek2", registry.RoleOfficer, "wodociagi"), map[string]any{"type": "clarification", "text": "?"})
		if r.StatusCode != http.StatusForbidden {
			t.Errorf("another company's officer answered %s: %d", id, r.StatusCode)
		}
		needles.check(t, "another company's officer's API answer", fmt.Sprint(m))
	}
	_, body = other.send(t, e.testEnv, "GET", "/panel/wnioski", nil)
	needles.check(t, "another company's officer's inbox", body)
	if strings.Contains(body, "/panel/wnioski/"+f.open) {
		t.Error("another company's officer's inbox lists MPK's request")
	}

	resp, body = office.send(t, e.testEnv, "GET", "/panel/wnioski/"+f.open, nil)
	if resp.StatusCode != 200 || !strings.Contains(body, "<dd>"+sweepName+" <span") {
		t.Errorf("the mayor's office does not see the requester's name alone (no e-mail): %d", resp.StatusCode)
	}
	_, body = office.send(t, e.testEnv, "GET", "/panel/wnioski", nil)
	needles.check(t, "the mayor's office's inbox and notifications", body)

	// The audit log: what it shows and what its table holds.
	resp, body = office.send(t, e.testEnv, "GET", "/panel/dziennik", nil)
	if resp.StatusCode != 200 || !strings.Contains(body, "MPK/UDIP/2026/1") {
		t.Fatalf("audit log page: %d", resp.StatusCode)
	}
	needles.check(t, "the audit log page", body)
	r, m := e.jsonReq(t, "GET", "/api/v1/audit-log?per_page=500", f.office, "")
	if r.StatusCode != 200 {
		t.Fatalf("audit log API: %d %v", r.StatusCode, m)
	}
	needles.check(t, "the audit log API", fmt.Sprint(m))
	db, err := sql.Open("sqlite3", "file:"+e.store.Path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT at, actor_login, actor_role, action, object_kind, object_id, company_id, detail FROM audit_log`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var at, login, role, action, kind, detail string
		var id, co sql.NullInt64
		if err := rows.Scan(&at, &login, &role, &action, &kind, &id, &co, &detail); err != nil {
			t.Fatal(err)
		}
		if kind == appeals.KindRequest {
			n++
		}
		needles.check(t, "the audit_log table", strings.Join([]string{at, login, role, action, kind, detail}, " "))
	}
	if n < 10 {
		t.Errorf("the audit log recorded %d steps of requests", n)
	}
	needles.check(t, "the server log", e.logs.String())
}

// TestPrivacyLogHidesToken: a private link that fails with a server error (the database is
// gone) is logged with its path and without the resident's token, on every private route.
func TestPrivacyLogHidesToken(t *testing.T) {
	e := mustOpenAppeals(t, "2026-03-02")
	id, token := e.submitForm(t, e.anonymous(t), sampleForm())
	e.store.Close()
	for _, p := range []string{"/wnioski/" + id + "/sledz?token=" + token, "/wnioski/" + id + "/sledz/atom?token=" + token + "&x=1",
		"/api/v1/requests/" + id + "?token=" + token, "/wnioski/" + id + "/decyzje/2.pdf?Token=" + token} {
		if resp, _ := e.do(t, "GET", p); resp.StatusCode != http.StatusInternalServerError {
			t.Fatalf("GET %s with the database closed: %d", p, resp.StatusCode)
		}
	}
	log := e.logs.String()
	if !strings.Contains(log, "/wnioski/"+id+"/sledz?token=ukryty") || !strings.Contains(log, "/sledz/atom?token=ukryty&x=1") {
		t.Fatalf("the log does not name the failing requests: %s", log)
	}
	if strings.Contains(log, token) {
		t.Errorf("the log holds the token: %s", log)
	}
}
