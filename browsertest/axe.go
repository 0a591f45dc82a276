package browsertest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// axeRelPath is where `make tools` installs axe-core, relative to the repository root.
const axeRelPath = ".tools/node_modules/axe-core/axe.min.js"

// axeTimeout bounds one Axe call (axe-core takes well under a second on a normal page).
const axeTimeout = 30 * time.Second

// WCAGTags are the axe-core rule tags that Axe runs: WCAG 2.0 and 2.1, levels A and AA.
var WCAGTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

// Violation is one axe-core rule that the page breaks, with the elements that break it.
type Violation struct {
	ID      string   // axe rule id, e.g. "image-alt", "label", "color-contrast"
	Impact  string   // "minor", "moderate", "serious" or "critical"
	Help    string   // one-line description of the rule
	HelpURL string   // axe's page about the rule
	Nodes   []string // each offending element as "selector: html" (html cut to 160 bytes)
}

// Serious reports whether v is of serious or critical impact.
func (v Violation) Serious() bool { return v.Impact == "serious" || v.Impact == "critical" }

// String formats v on one line for test output, with up to three of its elements.
func (v Violation) String() string {
	nodes := v.Nodes
	more := ""
	if len(nodes) > 3 {
		more = fmt.Sprintf(" (+%d more)", len(nodes)-3)
		nodes = nodes[:3]
	}
	return fmt.Sprintf("[%s] %s: %s — %s%s (%s)", v.Impact, v.ID, v.Help, strings.Join(nodes, " | "), more, v.HelpURL)
}

// AxePath returns the axe-core script: env JAWNOSC_AXE when set, else .tools/node_modules/axe-core/axe.min.js
// in the working directory or the nearest parent that has it (tests run in their package's folder).
func AxePath() (string, error) {
	if p := os.Getenv("JAWNOSC_AXE"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("JAWNOSC_AXE=%s: %w", p, err)
		}
		return p, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, axeRelPath)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New(axeRelPath + " not found in the working directory or its parents")
		}
		dir = parent
	}
}

var axeCache sync.Map // path → script text

// axeSource reads the axe-core script once per path.
func axeSource() (string, error) {
	p, err := AxePath()
	if err != nil {
		return "", err
	}
	if s, ok := axeCache.Load(p); ok {
		return s.(string), nil
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return "", err
	}
	axeCache.Store(p, string(b))
	return string(b), nil
}

// axeRunJS runs axe on the whole document with the WCAG tags and returns its violations as plain JSON-able data.
const axeRunJS = `axe.run(document, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})
  .then(r => r.violations.map(v => ({
    id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => n.target.join(' ') + ': ' + (n.html || '').slice(0, 160)),
  })))`

// Axe injects axe-core into the page the tab of ctx shows now (unless it is there already), runs it with the
// WCAG 2.0/2.1 A and AA rules and returns every violation, of any impact. A missing axe-core script or a
// failed run fails the test.
func Axe(ctx context.Context, tb testing.TB) []Violation {
	tb.Helper()
	return AxeTags(ctx, tb, WCAGTags)
}

// BestPracticeTags are the axe-core rules outside WCAG that still matter to people using
// assistive technology: heading order, landmarks, content outside landmarks, and the like.
var BestPracticeTags = []string{"best-practice"}

// AxeTags is Axe with the rules of the given axe-core tags instead of the WCAG ones.
func AxeTags(ctx context.Context, tb testing.TB, ruleTags []string) []Violation {
	tb.Helper()
	src, err := axeSource()
	if err != nil {
		tb.Fatalf("browsertest: axe-core: %v; run `make tools` (npm install --prefix .tools axe-core@4)", err)
	}
	ctx, cancel := context.WithTimeout(ctx, axeTimeout)
	defer cancel()
	if scriptsDisabled(ctx) {
		// axe.run settles its promise through the page's event loop, which is stopped while scripts are off.
		if err := setScripts(ctx, true); err != nil {
			tb.Fatalf("browsertest: enabling scripts for axe-core: %v", err)
		}
		defer func() {
			if err := setScripts(ctx, false); err != nil {
				tb.Errorf("browsertest: disabling scripts again after axe-core: %v", err)
			}
		}()
	}
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`typeof window.axe === 'object'`))
	if err != nil {
		tb.Fatalf("browsertest: checking for axe-core in the page: %v", err)
	}
	if !loaded {
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](src)); err != nil {
			tb.Fatalf("browsertest: injecting axe-core: %v", err)
		}
	}
	tags, _ := json.Marshal(ruleTags)
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](fmt.Sprintf(axeRunJS, tags), chromedp.EvalAwaitPromise))
	if err != nil {
		tb.Fatalf("browsertest: running axe-core: %v", err)
	}
	var found []struct {
		ID      string   `json:"id"`
		Impact  string   `json:"impact"`
		Help    string   `json:"help"`
		HelpURL string   `json:"helpUrl"`
		Nodes   []string `json:"nodes"`
	}
	if err := json.Unmarshal(raw, &found); err != nil {
		tb.Fatalf("browsertest: decoding axe-core results: %v (%.200s)", err, raw)
	}
	out := make([]Violation, len(found))
	for i, f := range found {
		out[i] = Violation{ID: f.ID, Impact: f.Impact, Help: f.Help, HelpURL: f.HelpURL, Nodes: f.Nodes}
	}
	return out
}

// RequireNoSeriousViolations opens page in the tab of ctx (or, when page is "", checks the page the tab shows
// now), runs Axe and fails the test (without stopping it) listing every serious or critical violation; minor
// and moderate ones are logged. A page answering with a 5xx status fails the test too.
func RequireNoSeriousViolations(tb testing.TB, ctx context.Context, page string) {
	tb.Helper()
	label := page
	if page != "" {
		if status := Open(ctx, tb, page); status >= 500 {
			tb.Errorf("browsertest: %s answered HTTP %d", page, status)
		}
	} else {
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err != nil {
			tb.Fatalf("browsertest: reading the tab's location: %v", err)
		}
		label = loc
	}
	var serious []string
	for _, v := range Axe(ctx, tb) {
		if v.Serious() {
			serious = append(serious, v.String())
		} else {
			tb.Logf("browsertest: %s: axe (not failing): %s", label, v)
		}
	}
	if len(serious) > 0 {
		tb.Errorf("browsertest: %s: %d serious or critical accessibility violation(s):\n  %s",
			label, len(serious), strings.Join(serious, "\n  "))
	}
}
