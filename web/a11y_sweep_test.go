package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"jawnosc/browsertest"
	"jawnosc/registry"
)

// pageSweeper walks pages in one Chromium tab and checks each the same way.
type pageSweeper struct {
	t       *testing.T
	ctx     context.Context
	base    string
	checked []string // the pages checked, as labels
	forms   int      // forms checked with their errors shown
}

// open navigates to path (relative to the app) and fails the test when the status differs.
func (sw *pageSweeper) open(path string, want int64) {
	sw.t.Helper()
	if status := browsertest.Open(sw.ctx, sw.t, sw.base+path); status != want {
		sw.t.Errorf("%s: HTTP %d, want %d", path, status, want)
	}
}

// visit opens path, wants want and checks the page.
func (sw *pageSweeper) visit(path string, want int64) {
	sw.t.Helper()
	sw.open(path, want)
	sw.check(path)
}

// sweepTags are the axe-core rules the sweep runs.
var sweepTags = append(append([]string{}, browsertest.WCAGTags...), browsertest.BestPracticeTags...)

// check runs axe-core on the page the tab shows (serious and critical violations fail, others are
// logged) and checks its keyboard basics: the skip link and the visible focus.
func (sw *pageSweeper) check(label string) {
	sw.t.Helper()
	// One axe-core run with the WCAG 2.0/2.1 A and AA rules and the best practices (heading
	// order, landmarks): serious and critical violations fail, the others are logged.
	for _, v := range browsertest.AxeTags(sw.ctx, sw.t, sweepTags) {
		if v.Serious() {
			sw.t.Errorf("%s: accessibility violation: %s", label, v)
		} else {
			sw.t.Logf("%s: axe (not failing): %s", label, v)
		}
	}
	sw.keyboard(label)
	sw.checked = append(sw.checked, label)
}

// focusInfo is what the page says about the element that has the focus.
type focusInfo struct {
	Tag, ID, Class, Href, Text string
	Outline                    string // computed outline-style
	OutlineWidth               string
	Shadow                     string // computed box-shadow
	InMain                     bool
	OnScreen                   bool // the element's box lies inside the viewport
	TargetIsMain               bool // for a link to "#…": the target is the main element
}

const focusJS = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return {Tag: 'BODY'};
  const cs = getComputedStyle(el);
  const href = el.getAttribute('href') || '';
  const target = href.startsWith('#') ? document.getElementById(href.slice(1)) : null;
  return {Tag: el.tagName, ID: el.id || '', Class: el.className || '', Href: href, Text: (el.textContent || '').trim().slice(0, 60),
    Outline: cs.outlineStyle, OutlineWidth: cs.outlineWidth, Shadow: cs.boxShadow,
    InMain: !!el.closest('main'), OnScreen: (r => r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth)(el.getBoundingClientRect()),
    TargetIsMain: !!target && target.tagName === 'MAIN'};
})()`

// focused returns the focused element.
func (sw *pageSweeper) focused() focusInfo {
	sw.t.Helper()
	f, err := chromedp.Run(sw.ctx, chromedp.Evaluate[focusInfo](focusJS))
	if err != nil {
		sw.t.Fatalf("reading the focused element: %v", err)
	}
	return f
}

// visibleFocus reports whether the focused element shows a focus indicator.
func (f focusInfo) visibleFocus() bool {
	return (f.Outline != "none" && f.OutlineWidth != "0px") || (f.Shadow != "" && f.Shadow != "none")
}

// press sends one key to the page.
func (sw *pageSweeper) press(key string) {
	sw.t.Helper()
	if err := chromedp.Do(sw.ctx, chromedp.KeyEvent(key)); err != nil {
		sw.t.Fatalf("pressing %q: %v", key, err)
	}
}

// keyboard checks that the first Tab reaches a visible skip link to the main content, that Enter
// on it moves the focus into <main>, and that the next Tab lands on a control inside main with a
// visible focus style.
func (sw *pageSweeper) keyboard(label string) {
	sw.t.Helper()
	// A page reached with a fragment (#…) starts keyboard navigation at it: load it from the top.
	loc, err := chromedp.Run(sw.ctx, chromedp.Location())
	if err != nil {
		sw.t.Fatal(err)
	}
	if u, err := url.Parse(loc); err == nil && u.Fragment != "" {
		u.Fragment = ""
		browsertest.Open(sw.ctx, sw.t, u.String())
	}
	if err := chromedp.Do(sw.ctx, chromedp.Evaluate[chromedp.Void](`document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)`)); err != nil {
		sw.t.Fatal(err)
	}
	sw.press(kb.Tab)
	skip := sw.focused()
	if skip.Tag != "A" || !strings.Contains(skip.Class, "skip") || !skip.TargetIsMain {
		sw.t.Errorf("%s: the first Tab focuses %+v, want the skip link to <main>", label, skip)
		return
	}
	if !skip.OnScreen {
		sw.t.Errorf("%s: the focused skip link is off screen", label)
	}
	if !skip.visibleFocus() {
		sw.t.Errorf("%s: the focused skip link has no visible focus style (outline %s %s, box-shadow %s)", label, skip.Outline, skip.OutlineWidth, skip.Shadow)
	}
	sw.press(kb.Enter)
	after, err := chromedp.Run(sw.ctx, chromedp.Evaluate[string](`document.activeElement ? document.activeElement.tagName : ''`))
	if err != nil || after != "MAIN" {
		sw.t.Errorf("%s: Enter on the skip link leaves the focus on %q (%v), want <main>", label, after, err)
		return
	}
	hasControl, err := chromedp.Run(sw.ctx, chromedp.Evaluate[bool](`!!document.querySelector('main a[href], main button, main input:not([type=hidden]), main select, main textarea, main summary')`))
	if err != nil {
		sw.t.Fatal(err)
	}
	if !hasControl {
		return
	}
	sw.press(kb.Tab)
	next := sw.focused()
	if !next.InMain {
		sw.t.Errorf("%s: Tab after the skip link focuses %+v, outside <main>", label, next)
	} else if !next.visibleFocus() {
		sw.t.Errorf("%s: the focused %s %q has no visible focus style (outline %s %s, box-shadow %s)", label, next.Tag, next.Text, next.Outline, next.OutlineWidth, next.Shadow)
	}
}

// hrefs returns the paths (with query) of the links matching css on the page the tab shows, in
// document order, without duplicates.
func (sw *pageSweeper) hrefs(css string) []string {
	sw.t.Helper()
	js := fmt.Sprintf(`[...new Set([...document.querySelectorAll(%q)].filter(a => a.origin === location.origin).map(a => a.pathname + a.search))]`, css)
	out, err := chromedp.Run(sw.ctx, chromedp.Evaluate[[]string](js))
	if err != nil {
		sw.t.Fatalf("links %s: %v", css, err)
	}
	return out
}

// first returns the first link matching css, failing the test when there is none.
func (sw *pageSweeper) first(css string) string {
	sw.t.Helper()
	l := sw.hrefs(css)
	if len(l) == 0 {
		loc, _ := chromedp.Run(sw.ctx, chromedp.Location())
		sw.t.Fatalf("%s: no link %s", loc, css)
	}
	return l[0]
}

// submit clicks a submit button and returns the status of the page it leads to.
func (sw *pageSweeper) submit(button string) int64 {
	sw.t.Helper()
	resp, err := chromedp.RunResponse(sw.ctx, chromedp.Click(chromedp.CSS(button)))
	if err != nil {
		sw.t.Fatalf("submitting with %s: %v", button, err)
	}
	return resp.Status
}

// summaryInfo is what the page shows of the error summary and the fields it links to.
type summaryInfo struct {
	Found, AfterH1, Alert      bool
	ID, Heading, Title         string
	Links                      []summaryLink
	FieldsWithoutSummaryLinked []string // invalid fields the summary does not list
}

type summaryLink struct {
	Href, Text        string
	Exists, Invalid   bool
	Group             bool     // a fieldset (a list of checkboxes): invalid is not allowed there
	Described         []string // the texts of the elements aria-describedby names
	Focusable, IsLink bool
}

const summaryJS = `(() => {
  const box = document.querySelector('main .error-summary');
  if (!box) return {Found: false, Title: document.title};
  const h1 = document.querySelector('main h1');
  let prev = box.previousElementSibling;
  const links = [...box.querySelectorAll('a')].map(a => {
    const href = a.getAttribute('href') || '';
    const f = href.startsWith('#') ? document.getElementById(href.slice(1)) : null;
    const desc = f ? (f.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean)
      .map(id => ((document.getElementById(id) || {}).textContent || '').trim()) : [];
    return {Href: href, Text: a.textContent.trim(), Exists: !!f, IsLink: true,
      Invalid: !!f && f.getAttribute('aria-invalid') === 'true', Group: !!f && f.tagName === 'FIELDSET',
      Described: desc, Focusable: !!f && (f.tabIndex >= 0 || f.tagName === 'FIELDSET')};
  });
  const listed = new Set(links.map(l => l.Href.slice(1)));
  const orphans = [...document.querySelectorAll('main [aria-invalid="true"]')].filter(f => !listed.has(f.id)).map(f => f.id || f.name);
  return {Found: true, AfterH1: prev === h1, Alert: box.getAttribute('role') === 'alert', ID: box.id,
    Heading: (box.querySelector('h2') || {}).textContent || '', Title: document.title, Links: links,
    FieldsWithoutSummaryLinked: orphans};
})()`

// errorSummary checks the page the tab shows after a submission with errors: the title starts
// with "Błąd: ", the error summary follows the h1, is an alert with the Polish heading and links
// to every invalid field (which exists, is marked aria-invalid and described by its message);
// following the first link focuses its field, and Tab from the summary reaches every field.
func (sw *pageSweeper) errorSummary(label string) {
	sw.t.Helper()
	sw.forms++
	s, err := chromedp.Run(sw.ctx, chromedp.Evaluate[summaryInfo](summaryJS))
	if err != nil {
		sw.t.Fatalf("%s: reading the error summary: %v", label, err)
	}
	if !s.Found {
		sw.t.Errorf("%s: no error summary (title %q)", label, s.Title)
		return
	}
	if !strings.HasPrefix(s.Title, "Błąd: ") {
		sw.t.Errorf("%s: title %q does not start with „Błąd: ”", label, s.Title)
	}
	if !s.AfterH1 || !s.Alert || s.ID == "" || !strings.HasPrefix(s.Heading, "Formularz zawiera") {
		sw.t.Errorf("%s: error summary %+v: want the first element after h1, role=alert, an id and the heading „Formularz zawiera …”", label, s)
	}
	if len(s.Links) == 0 {
		sw.t.Errorf("%s: the error summary links to no field", label)
	}
	if len(s.FieldsWithoutSummaryLinked) > 0 {
		sw.t.Errorf("%s: invalid fields missing from the summary: %v", label, s.FieldsWithoutSummaryLinked)
	}
	var targets []string
	for _, l := range s.Links {
		switch {
		case !strings.HasPrefix(l.Href, "#") || !l.Exists:
			sw.t.Errorf("%s: summary link %q → %q points to no element", label, l.Text, l.Href)
		case !l.Invalid && !l.Group:
			sw.t.Errorf("%s: field %s is listed in the summary but not aria-invalid", label, l.Href)
		case !describedBy(l):
			sw.t.Errorf("%s: field %s is described by %q, the summary says %q", label, l.Href, l.Described, l.Text)
		default:
			targets = append(targets, l.Href[1:])
		}
	}
	if len(targets) == 0 {
		return
	}
	// The first link moves the focus to its field.
	if err := chromedp.Do(sw.ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`main .error-summary a[href="#%s"]`, targets[0])))); err != nil {
		sw.t.Fatalf("%s: following the first summary link: %v", label, err)
	}
	active, err := chromedp.Run(sw.ctx, chromedp.Evaluate[string](fmt.Sprintf(`(() => { const t = document.getElementById(%q), a = document.activeElement;
	  return a && (a === t || t.contains(a)) ? 'ok' : (a ? a.tagName + '#' + a.id : ''); })()`, targets[0])))
	if err != nil || active != "ok" {
		sw.t.Errorf("%s: after the summary link #%s the focus is on %q (%v)", label, targets[0], active, err)
	}
	// Tab from the top of the summary reaches every field it lists.
	if err := chromedp.Do(sw.ctx, chromedp.Focus(chromedp.CSS(`main .error-summary a`))); err != nil {
		sw.t.Fatal(err)
	}
	want := map[string]bool{}
	for _, id := range targets {
		want[id] = true
	}
	for i := 0; i < 300 && len(want) > 0; i++ {
		sw.press(kb.Tab)
		reached, err := chromedp.Run(sw.ctx, chromedp.Evaluate[[]string](`(() => { const a = document.activeElement, out = [];
		  for (let e = a; e && e !== document.body; e = e.parentElement) if (e.id) out.push(e.id); return out; })()`))
		if err != nil {
			sw.t.Fatal(err)
		}
		for _, id := range reached {
			delete(want, id)
		}
	}
	if len(want) > 0 {
		sw.t.Errorf("%s: Tab never reaches the fields %v", label, want)
	}
}

// describedBy reports whether the field a summary line links to is described by the message the
// line ends with (the line is "label: message" or the message alone).
func describedBy(l summaryLink) bool {
	for _, d := range l.Described {
		msg := strings.TrimSpace(strings.TrimPrefix(d, "Błąd:"))
		if msg != "" && strings.HasSuffix(l.Text, msg) {
			return true
		}
	}
	return false
}

// TestAccessibilitySweep serves the app over the demo data and walks, in one Chromium tab, every
// kind of public page and every panel page of each role, forms with their errors shown included.
// On each page axe-core (WCAG 2.0/2.1 A and AA) must find nothing serious or critical, the first Tab
// must reach a skip link that moves the focus into <main>, and focused controls must show a focus
// style. Each form sent with errors must show the linked error summary.
func TestAccessibilitySweep(t *testing.T) {
	started := time.Now()
	// The whole demo data set as `serve --demo` fills it: the registers, the information
	// requests and the audit reports.
	e := openDemoEnv(t, browserDemoContracts, true)
	ctx := context.Background()
	e.mustCreateUser(t, "urzednik.mpk", registry.RoleOfficer, "mpk")
	e.mustCreateUser(t, "nadzor", registry.RoleSupervisor)
	e.mustCreateUser(t, "audytor", registry.RoleAuditor)
	base := serveEnv(t, e)
	tab, _ := browsertest.New(t)
	sw := &pageSweeper{t: t, ctx: tab, base: base}
	setup := time.Since(started)

	// Public pages, with addresses from the routes and the demo data.
	amended, nip := amendedContractAndNIP(t, e.store)
	withdrawn := int64(0)
	if err := e.store.ScanContracts(ctx, func(c *registry.Contract) error {
		if withdrawn == 0 && c.Status == registry.StatusWithdrawn {
			withdrawn = c.ID
		}
		return nil
	}); err != nil || withdrawn == 0 {
		t.Fatalf("demo data: withdrawn contract %d, %v", withdrawn, err)
	}
	companies, err := e.store.FindCompanies(ctx)
	if err != nil || len(companies) == 0 || companies[0] == nil {
		t.Fatalf("companies: %d %v", len(companies), err)
	}
	var co *registry.Company
	for _, c := range companies {
		if c.Slug == "mpk" { // the officer's company
			co = c
		}
	}
	if _, err := e.store.CreateContract(ctx, system, co.ID, sample("Szkic umowy na serwis wind", "2026-03-07", 5_000_00), false); err != nil {
		t.Fatal(err)
	}

	sw.visit("/", http.StatusOK)
	sw.visit("/szukaj", http.StatusOK)
	sw.visit("/szukaj?q="+browserQuery, http.StatusOK)
	sw.visit("/szukaj?q=zzzqqxxnicniema", http.StatusOK)
	sw.visit("/szukaj?q="+url.QueryEscape(`"remont AND (`), http.StatusOK) // the parser copes with it
	sw.visit("/szukaj?q=ab*", http.StatusBadRequest)
	sw.errorSummary("/szukaj (błędne zapytanie)")
	sw.visit("/spolki", http.StatusOK)
	sw.visit("/spolki/"+co.Slug, http.StatusOK)
	for _, tab := range sw.hrefs(`nav.tabs a`) {
		if tab != "/spolki/"+co.Slug {
			sw.visit(tab, http.StatusOK)
		}
	}
	sw.visit("/umowy", http.StatusOK)
	sw.visit("/umowy?company="+co.Slug+"&mode=open_tender&od=10000&sort=value", http.StatusOK)
	sw.visit("/umowy?year=dwa&od=abc", http.StatusBadRequest)
	sw.errorSummary("/umowy (filtry z błędami)")
	sw.visit(fmt.Sprintf("/umowy/%d", amended), http.StatusOK)
	sw.visit(fmt.Sprintf("/umowy/%d", withdrawn), http.StatusOK)
	sw.visit("/kontrahenci/"+nip, http.StatusOK)
	for _, p := range []string{"/wydatki", "/reklamy", "/rekrutacje"} {
		sw.visit(p, http.StatusOK)
		sw.visit(sw.first(`main table tbody a[href^="`+p+`/"]`), http.StatusOK)
	}
	sw.visit("/wydatki?year=dwa&company=nie-ma", http.StatusBadRequest)
	sw.errorSummary("/wydatki (filtry z błędami)")
	sw.visit("/reklamy/zestawienia", http.StatusOK)
	// Every chart is an image named by its <title> and described by its <desc>.
	charts, err := chromedp.Run(tab, chromedp.Evaluate[[]string](`[...document.querySelectorAll('main svg')].map(s => {
	  const ids = (s.getAttribute('aria-labelledby') || '').split(/\s+/), el = id => document.getElementById(id);
	  const t = s.querySelector('title'), d = s.querySelector('desc');
	  return s.getAttribute('role') === 'img' && t && t.textContent.trim() && d && d.textContent.trim() &&
	    ids.includes(t.id) && ids.includes(d.id) && ids.every(el) ? 'ok' : s.outerHTML.slice(0, 200); })`))
	if err != nil || len(charts) == 0 {
		t.Errorf("/reklamy/zestawienia: %d SVG charts (%v)", len(charts), err)
	}
	for _, c := range charts {
		if c != "ok" {
			t.Errorf("/reklamy/zestawienia: a chart without role=img, title and desc: %s", c)
		}
	}
	sw.visit(sw.first(`#tabela-media tbody a`), http.StatusOK) // one outlet's view
	sw.visit("/reklamy/zestawienia?company="+co.Slug, http.StatusOK)
	sw.visit("/audyty", http.StatusOK)
	auditPage := sw.first(`main a[href^="/audyty/"]`)
	sw.visit(auditPage, http.StatusOK)
	sw.visit("/sygnaly", http.StatusOK)
	sw.visit("/wnioski", http.StatusOK)
	sw.visit(sw.first(`main table a[href^="/wnioski/"]`), http.StatusOK)
	sw.visit("/wnioski?year=dwa", http.StatusBadRequest)
	sw.errorSummary("/wnioski (filtry z błędami)")
	sw.visit("/otwarte-dane", http.StatusOK)
	sw.visit("/api", http.StatusOK)
	sw.visit("/nie-ma-takiej-strony", http.StatusNotFound)
	sw.visit("/umowy/999999999", http.StatusNotFound)

	// A resident's request: the form sent empty, then filled; the tracking page.
	sw.visit("/wnioski/nowy", http.StatusOK)
	if status := sw.submit(`form[action="/wnioski/nowy"] button[type="submit"]`); status != http.StatusUnprocessableEntity {
		t.Fatalf("empty request form: HTTP %d", status)
	}
	sw.check("/wnioski/nowy (błędy)")
	sw.errorSummary("/wnioski/nowy")
	step(t, tab, "filling the request form",
		chromedp.SetValue(chromedp.ID("company"), "mpk"),
		chromedp.SendKeys(chromedp.ID("subject"), "Umowy na sprzątanie zajezdni"),
		chromedp.SendKeys(chromedp.ID("text"), "Proszę o kopie umów na sprzątanie zajezdni w 2026 roku."))
	if status := sw.submit(`form[action="/wnioski/nowy"] button[type="submit"]`); status != http.StatusCreated {
		t.Fatalf("request form: HTTP %d", status)
	}
	sw.check("/wnioski/nowy (wysłany)")
	link, err := chromedp.Run(tab, chromedp.AttributeValue(chromedp.ID("link-sledzenia"), "href"))
	if err != nil || !tokenLink.MatchString(link.Value) {
		t.Fatalf("tracking link %q: %v", link.Value, err)
	}
	u, err := url.Parse(link.Value)
	if err != nil {
		t.Fatal(err)
	}
	tracking := u.RequestURI()
	requestID := tokenLink.FindStringSubmatch(link.Value)[1]
	sw.visit(tracking, http.StatusOK)

	sw.visit("/logowanie", http.StatusOK)
	step(t, tab, "typing a wrong password", chromedp.SendKeys(chromedp.ID("login"), "urzednik.mpk"), chromedp.SendKeys(chromedp.ID("password"), "zle-haslo"))
	if status := sw.submit(`form[action="/logowanie"] button[type="submit"]`); status != http.StatusUnauthorized {
		t.Fatalf("wrong password: HTTP %d", status)
	}
	sw.check("/logowanie (błąd)")
	sw.errorSummary("/logowanie")

	// The officer: every page the panel links to, the forms with errors, the import preview and
	// the request's actions.
	signIn(t, tab, base, "urzednik.mpk")
	sw.check("/panel (urzędnik)")
	for _, p := range sw.hrefs(`main a[href^="/panel/"]`) {
		sw.visit(p, http.StatusOK)
	}
	sw.open("/panel/umowy/nowa", http.StatusOK)
	if status := sw.submit(`form button[value="publish"]`); status != http.StatusUnprocessableEntity {
		t.Fatalf("empty contract form: HTTP %d", status)
	}
	sw.check("/panel/umowy/nowa (błędy)")
	sw.errorSummary("/panel/umowy/nowa")
	draft := sw.panelContract(t, "draft")
	for _, p := range []string{"/panel/umowy/" + draft, "/panel/umowy/" + draft + "/edycja"} {
		sw.visit(p, http.StatusOK)
	}
	published := sw.panelContract(t, "published")
	for _, p := range []string{"/panel/umowy/" + published, "/panel/umowy/" + published + "/aneks", "/panel/umowy/" + published + "/korekta", "/panel/umowy/" + published + "/wycofanie"} {
		sw.visit(p, http.StatusOK)
	}
	sw.open("/panel/umowy/"+published+"/aneks", http.StatusOK)
	if status := sw.submit(`form[action$="/aneks"] button[type="submit"]`); status != http.StatusUnprocessableEntity {
		t.Fatalf("empty annex form: HTTP %d", status)
	}
	sw.check("aneks (błędy)")
	sw.errorSummary("aneks")
	for _, reg := range []string{"wydatki", "reklamy", "rekrutacje"} {
		sw.open("/panel/"+reg, http.StatusOK)
		entry := sw.first(`main table a[href^="/panel/` + reg + `/"]`)
		sw.visit(entry, http.StatusOK)
		for _, p := range sw.hrefs(`main a[href^="` + entry + `/"]`) {
			sw.visit(p, http.StatusOK)
		}
		sw.open("/panel/"+reg+"/nowy", http.StatusOK)
		if status := sw.submit(`form button[value="publish"]`); status != http.StatusUnprocessableEntity {
			t.Fatalf("empty %s form: HTTP %d", reg, status)
		}
		sw.check("/panel/" + reg + "/nowy (błędy)")
		sw.errorSummary("/panel/" + reg + "/nowy")
	}
	sw.open("/panel/wydatki/import", http.StatusOK)
	if status := sw.submit(`form[action="/panel/wydatki/import"] button[type="submit"]`); status != http.StatusUnprocessableEntity {
		t.Fatalf("empty register import: HTTP %d", status)
	}
	sw.check("/panel/wydatki/import (błędy)")
	sw.errorSummary("/panel/wydatki/import")
	xlsx := filepath.Join(t.TempDir(), "umowy.xlsx")
	if err := os.WriteFile(xlsx, importXLSX(t, []any{"MPK/A11Y/1", "12.02.2026", "Serwis wind w zajezdni", "Windy sp. z o.o.", "", "12 000,00 zł", "14 760,00 zł", "direct_award", false}), 0o600); err != nil {
		t.Fatal(err)
	}
	sw.open("/panel/import", http.StatusOK)
	if status := sw.submit(`#formularz-importu button[type="submit"]`); status != http.StatusUnprocessableEntity {
		t.Fatalf("import without a file: HTTP %d", status)
	}
	sw.check("/panel/import (błędy)")
	sw.errorSummary("/panel/import")
	bad := filepath.Join(t.TempDir(), "zle.xlsx")
	if err := os.WriteFile(bad, importXLSX(t, []any{"MPK/A11Y/2", "12.02.2026", "Naprawa wiat", "Wiaty S.A.", "", "1000", "1230", "przetarg", false}), 0o600); err != nil {
		t.Fatal(err)
	}
	step(t, tab, "choosing a file with a bad row", chromedp.SetUploadFiles(chromedp.ID("i-plik"), []string{bad}))
	if status := sw.submit(`#formularz-importu button[type="submit"]`); status != http.StatusUnprocessableEntity {
		t.Fatalf("import of a bad file: HTTP %d", status)
	}
	sw.check("/panel/import (zły plik)")
	sw.errorSummary("/panel/import (zły plik)")
	step(t, tab, "choosing the file", chromedp.SetUploadFiles(chromedp.ID("i-plik"), []string{xlsx}))
	if status := sw.submit(`#formularz-importu button[type="submit"]`); status != http.StatusOK {
		t.Fatalf("import preview: HTTP %d", status)
	}
	sw.check("/panel/import (podgląd)")
	sw.visit("/panel/wnioski/"+requestID, http.StatusOK)
	if status := sw.submit(`form[action$="/doprecyzowanie"] button[type="submit"]`); status != http.StatusUnprocessableEntity {
		t.Fatalf("empty clarification question: HTTP %d", status)
	}
	sw.check("/panel/wnioski/{id} (błędy)")
	sw.errorSummary("/panel/wnioski/{id} doprecyzowanie")
	step(t, tab, "asking for a clarification", chromedp.SendKeys(chromedp.ID("doprecyzowanie-text"), "Której zajezdni dotyczy wniosek?"))
	if status := sw.submit(`form[action$="/doprecyzowanie"] button[type="submit"]`); status != http.StatusOK {
		t.Fatalf("clarification question: HTTP %d", status)
	}
	sw.check("/panel/wnioski/{id} (po pytaniu)")
	// The company's response to an audit of its own, sent empty.
	sw.open("/audyty?company="+co.Slug, http.StatusOK)
	own := sw.first(`main a[href^="/audyty/"]`)
	sw.visit(own, http.StatusOK)
	if status := sw.submit(`form[action$="/odpowiedz"] button[type="submit"]`); status != http.StatusUnprocessableEntity {
		t.Fatalf("empty audit response: HTTP %d", status)
	}
	sw.check(own + " (odpowiedź z błędami)")
	sw.errorSummary(own + " odpowiedź spółki")
	signOut(t, tab)

	// The resident answers on the tracking page: first empty.
	sw.open(tracking, http.StatusOK)
	if status := sw.submit(`form[action$="/sledz/doprecyzowanie"] button[type="submit"]`); status != http.StatusUnprocessableEntity {
		t.Fatalf("empty clarification: HTTP %d", status)
	}
	sw.check("strona śledzenia (błędy)")
	sw.errorSummary("strona śledzenia")

	// The mayor's office.
	signIn(t, tab, base, "nadzor")
	sw.check("/panel (nadzór)")
	seen := map[string]bool{}
	for _, p := range append([]string{"/panel/nadzor", "/panel/odwolania", "/panel/dziennik"}, sw.hrefs(`main a[href^="/panel/"]`)...) {
		if !seen[p] {
			seen[p] = true
			sw.visit(p, http.StatusOK)
		}
	}
	signOut(t, tab)

	// The audit centre: the report form (empty, with errors) and the forms of a report page.
	signIn(t, tab, base, "audytor")
	sw.check("/panel (audytor)")
	sw.visit("/panel/audyty/nowy", http.StatusOK)
	if status := sw.submit(`form[action="/panel/audyty"] button[type="submit"]`); status != http.StatusUnprocessableEntity {
		t.Fatalf("empty report form: HTTP %d", status)
	}
	sw.check("/panel/audyty/nowy (błędy)")
	sw.errorSummary("/panel/audyty/nowy")
	sw.visit(auditPage, http.StatusOK)
	if status := sw.submit(`form[action^="/panel/zalecenia/"][action$="/status"] button[type="submit"]`); status != http.StatusUnprocessableEntity {
		t.Fatalf("empty status change: HTTP %d", status)
	}
	sw.check(auditPage + " (błędy)")
	sw.errorSummary(auditPage + " status zalecenia")
	signOut(t, tab)

	t.Logf("%d pages checked (%d forms with errors) in %s, setup %s", len(sw.checked), sw.forms, time.Since(started).Round(time.Millisecond), setup.Round(time.Millisecond))
	t.Logf("pages: %s", strings.Join(sw.checked, ", "))
	if logs := e.logs.String(); strings.Contains(logs, "internal") {
		t.Errorf("logged: %s", logs)
	}
}

// panelContract returns the id (as text) of the first of the officer's contracts in a status
// (draft, published) from the panel's list.
func (sw *pageSweeper) panelContract(t *testing.T, status string) string {
	t.Helper()
	sw.open("/panel/umowy?status="+status, http.StatusOK)
	return strings.TrimPrefix(sw.first(`main table a[href^="/panel/umowy/"]`), "/panel/umowy/")
}
