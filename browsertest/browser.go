// Package browsertest drives a real headless Chromium from Go tests and checks pages with axe-core.
//
// It is for tests only: other packages' tests serve their pages with httptest.NewServer (or the real app),
// open them with New, and check them with RequireNoSeriousViolations. `make test` installs Debian's chromium
// and axe-core (into .tools/); without them the tests fail, never skip.
//
// chromedp is pinned at v0.23.0, whose API (Action[T], chromedp.Do / chromedp.Run) differs from most examples
// online: read its source in the module cache.
package browsertest

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Timeout bounds everything a test does in one tab returned by New.
const Timeout = 2 * time.Minute

// ChromiumPath returns the Chromium executable: env CHROMIUM when set, else `chromium` from PATH.
// It returns "" when neither is found.
func ChromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		if full, err := exec.LookPath(p); err == nil {
			return full
		}
		return ""
	}
	if full, err := exec.LookPath("chromium"); err == nil {
		return full
	}
	return ""
}

// New starts a headless Chromium (headless, --no-sandbox, --disable-gpu, no background networking, component
// updates or sync, no first-run, a temporary profile directory that chromedp removes) and returns the context of
// its first tab, limited to Timeout, with the function that closes the browser. The function is also registered
// with tb.Cleanup and may be called more than once. A missing Chromium or one that does not start fails the test.
func New(tb testing.TB) (context.Context, func()) {
	tb.Helper()
	path := ChromiumPath()
	if path == "" {
		tb.Fatalf("browsertest: Chromium not found (env CHROMIUM=%q, `chromium` not in PATH); "+
			"run `make tools` (apt-get install chromium) — browser tests never skip", os.Getenv("CHROMIUM"))
	}

	out := &syncBuffer{}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1280, 900),
		chromedp.CombinedOutput(out),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	if err := chromedp.Do(browserCtx); err != nil {
		cancelBrowser()
		cancelAlloc()
		tb.Fatalf("browsertest: starting Chromium %s: %v\nChromium output:\n%s", path, err, out.String())
	}
	tabCtx, cancelTimeout := context.WithTimeout(browserCtx, Timeout)

	var once sync.Once
	closeAll := func() {
		once.Do(func() {
			cancelTimeout()
			// Close the browser gracefully (bounded), then make sure the process and its profile are gone.
			closeCtx, cancelClose := context.WithTimeout(browserCtx, 10*time.Second)
			_ = chromedp.Cancel(closeCtx)
			cancelClose()
			cancelBrowser()
			cancelAlloc()
		})
	}
	tb.Cleanup(closeAll)
	return tabCtx, closeAll
}

// syncBuffer collects Chromium's output for error messages; the browser writes it from another goroutine.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

// Write appends p.
func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.buf.Len() > 64<<10 {
		return len(p), nil // keep the first 64 KiB
	}
	return b.buf.Write(p)
}

// String returns what was written.
func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
