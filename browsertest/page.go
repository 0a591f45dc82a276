package browsertest

import (
	"context"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
)

// Open navigates the tab of ctx to url, waits for the page to load and returns the HTTP status of the
// document. A navigation that fails (no answer, timeout) fails the test.
func Open(ctx context.Context, tb testing.TB, url string) int64 {
	tb.Helper()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(url))
	if err != nil {
		tb.Fatalf("browsertest: opening %s: %v", url, err)
	}
	if resp == nil {
		tb.Fatalf("browsertest: opening %s: no HTTP response", url)
	}
	return resp.Status
}

// noScript holds the tabs (by target id) whose page JavaScript DisableJavaScript turned off.
var noScript sync.Map

// DisableJavaScript turns off the page's JavaScript in the tab of ctx for this and every later page, so a test
// can show that a page or form works without it. Axe still works there: it turns scripts on only while axe-core
// runs (scripts of the page that were skipped do not run then).
func DisableJavaScript(ctx context.Context, tb testing.TB) {
	tb.Helper()
	if err := setScripts(ctx, false); err != nil {
		tb.Fatalf("browsertest: disabling JavaScript: %v", err)
	}
	noScript.Store(tabID(ctx), true)
}

// scriptsDisabled reports whether DisableJavaScript was called for the tab of ctx.
func scriptsDisabled(ctx context.Context) bool {
	_, ok := noScript.Load(tabID(ctx))
	return ok
}

// setScripts turns the page's script execution on or off in the tab of ctx.
func setScripts(ctx context.Context, on bool) error {
	_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled,
		emulation.SetScriptExecutionDisabledParams{Value: !on})
	return err
}

// tabID returns the target id of the tab of ctx ("" before its first action).
func tabID(ctx context.Context) target.ID {
	if c := chromedp.FromContext(ctx); c != nil && c.Target != nil {
		return c.Target.TargetID
	}
	return ""
}
