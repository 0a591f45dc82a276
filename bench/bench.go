// Package bench measures Jawność end to end: it builds a fresh database and search index
// of N synthetic contracts in a temporary directory, serves the real app on loopback and
// measures the search API over a fixed query mix.
package bench

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sort"
	"strings"
	"syscall"
	"time"

	"jawnosc/appeals"
	"jawnosc/audits"
	"jawnosc/demo"
	"jawnosc/registry"
	"jawnosc/search"
	"jawnosc/web"
)

// Options configures a run.
type Options struct {
	Contracts int       // synthetic contracts to build
	Queries   int       // measured requests per query class
	Dir       string    // keep the data here; "" means a temporary directory removed afterwards
	Out       io.Writer // the report
	Progress  func(label string, w io.Writer) func(done, total int)
}

// Class is one query class of the mix: a pool of different queries, drawn in turn.
type Class struct {
	Name string
	Pool []string // query strings for /api/v1/search
}

// Run builds, serves and measures, printing the figures to o.Out.
func Run(ctx context.Context, o Options) error {
	if o.Contracts <= 0 {
		return registry.Errorf(registry.EINVALID, "Liczba umów musi być dodatnia.")
	}
	dir := o.Dir
	if dir == "" {
		tmp, err := os.MkdirTemp("", "jawnosc-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return err
	}
	progress := o.Progress
	if progress == nil {
		progress = func(string, io.Writer) func(int, int) { return func(int, int) {} }
	}
	fmt.Fprintf(o.Out, "jawnosc bench: %d contracts in %s\n", o.Contracts, dir)

	store, err := registry.Open(filepath.Join(dir, "jawnosc.db"))
	if err != nil {
		return err
	}
	defer store.Close()
	fmt.Fprintf(o.Out, "load average at start: %s\n", loadAverage())
	rss := startRSSSampler(20 * time.Millisecond)
	rss.enter("import into SQLite")
	started, cpu0 := time.Now(), cpuTime()
	if err := load(ctx, store, o.Contracts, progress("sqlite", os.Stderr)); err != nil {
		return err
	}
	sqliteTook, sqliteCPU := time.Since(started), cpuTime()-cpu0
	fmt.Fprintf(o.Out, "import into SQLite: %d contracts in %s = %.0f contracts/s (process CPU %s = %.0f contracts per CPU second; load average now %s)\n",
		o.Contracts, sqliteTook.Round(time.Millisecond), float64(o.Contracts)/sqliteTook.Seconds(),
		sqliteCPU.Round(time.Millisecond), float64(o.Contracts)/sqliteCPU.Seconds(), loadAverage())

	idxDir := filepath.Join(dir, "index")
	started = time.Now()
	rss.enter("reindex: analysis")
	bar := progress("index", os.Stderr)
	indexProgress := func(done, total int) {
		bar(done, total)
		if done == total && total > 0 {
			rss.enter("reindex: merge into one segment")
		}
	}
	if err := search.Rebuild(ctx, idxDir, search.StoreSource{Store: store}, indexProgress); err != nil {
		return err
	}
	indexTook := time.Since(started)
	size, _ := dirSize(idxDir)
	fmt.Fprintf(o.Out, "full reindex: %s = %.0f contracts/s; index size %.1f MiB\n", indexTook.Round(time.Millisecond), float64(o.Contracts)/indexTook.Seconds(), float64(size)/(1<<20))

	buildPeak := peakRSS()
	// Measure the serving phase on its own: return the build's memory to the OS and reset
	// the kernel's peak-RSS mark (writing 5 to clear_refs), so VmHWM then reflects serving.
	runtime.GC()
	debug.FreeOSMemory()
	resetPeak := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) == nil
	rss.enter("serving")
	ix, err := search.Open(idxDir)
	if err != nil {
		return err
	}
	defer ix.Close()
	// The same app as `serve`: the requests and audits stores open beside the database.
	requests, err := appeals.Open(ctx, store)
	if err != nil {
		return err
	}
	auditStore, err := audits.Open(ctx, store, dir)
	if err != nil {
		return err
	}
	app, err := web.New(web.Config{Store: store, Index: ix, Appeals: requests, Audits: auditStore, City: "Kraków", Logf: func(string, ...any) {}})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	go app.Listener(ln)
	defer app.Shutdown()
	base := "http://" + ln.Addr().String()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}, Timeout: 30 * time.Second}

	classes := Classes(1)
	// Warm-up: every class, a few rounds, not measured.
	for _, c := range classes {
		for i := 0; i < min(200, len(c.Pool)); i++ {
			if _, err := get(client, base, c.Pool[i]); err != nil {
				return err
			}
		}
	}
	fmt.Fprintf(o.Out, "GET /api/v1/search over loopback, %d requests per class, each a different query (no result cache):\n", o.Queries)
	fmt.Fprintf(o.Out, "  %-40s %9s %9s %9s %9s\n", "class", "p50", "p95", "p99", "hits≈")
	for _, c := range classes {
		lat := make([]time.Duration, 0, o.Queries)
		var hits int
		for i := 0; i < o.Queries; i++ {
			q := c.Pool[(i+200)%len(c.Pool)]
			t0 := time.Now()
			n, err := get(client, base, q)
			if err != nil {
				return err
			}
			lat = append(lat, time.Since(t0))
			hits += n
		}
		sort.Slice(lat, func(a, b int) bool { return lat[a] < lat[b] })
		fmt.Fprintf(o.Out, "  %-40s %9s %9s %9s %9d\n", c.Name, ms(pct(lat, 50)), ms(pct(lat, 95)), ms(pct(lat, 99)), hits/max(1, o.Queries))
	}
	fmt.Fprintf(o.Out, "peak RSS during import and full reindex: %.0f MiB\n", float64(buildPeak)/(1<<20))
	if resetPeak {
		fmt.Fprintf(o.Out, "peak RSS while serving the measured queries: %.0f MiB\n", float64(peakRSS())/(1<<20))
	}
	order, peaks := rss.Stop()
	fmt.Fprintf(o.Out, "largest RSS sampled per phase (every 20 ms):\n")
	for _, phase := range order {
		fmt.Fprintf(o.Out, "  %-32s %s\n", phase, peaks[phase])
	}
	return nil
}

// load generates the demo companies and n deterministic contracts and bulk-loads them
// in one transaction (all or nothing), as generated, so the generator, the validation and
// hashing, and the inserts run side by side.
func load(ctx context.Context, store *registry.Store, n int, bar func(done, total int)) error {
	actor := registry.SystemActor("bench")
	ids := map[string]int64{}
	cos := demo.Companies()
	for i := range cos {
		c := cos[i]
		if err := store.CreateCompany(ctx, actor, &c); err != nil {
			return err
		}
		ids[c.Slug] = c.ID
	}
	err := store.BulkLoadContracts(ctx, actor, n, func(add func(int64, registry.BulkContract) error) error {
		done := 0
		return demo.Contracts(demo.DefaultSeed, cos, n, func(slug string, c registry.BulkContract) error {
			if err := add(ids[slug], c); err != nil {
				return err
			}
			if done++; done%5000 == 0 {
				bar(done, n)
			}
			return nil
		})
	})
	if err != nil {
		return err
	}
	bar(n, n)
	return nil
}

// Classes returns the fixed query mix, each class a pool of thousands of distinct queries.
func Classes(seed uint64) []Class {
	r := rand.New(rand.NewPCG(seed, 2))
	common := []string{"dostawa", "umowa", "usługi", "remont", "przebudowa", "modernizacja", "wykonanie", "świadczenie", "zakup", "serwis"}
	rare := []string{"torowiska", "pojemników", "kanalizacji", "ciepłowniczej", "rewitalizacja", "odśnieżanie", "autobusów", "tramwajów", "audyt", "ubezpieczenie", "szkolenia", "paliwa", "monitoringu", "oprogramowania", "druk", "sprzątanie"}
	noDiacritics := []string{"lodz", "odsniezanie", "cieplowniczej", "pojemnikow", "swiadczenie", "uslugi", "autobusow", "tramwajow", "sprzatanie", "krakow", "wroclaw", "gdansk"}
	prefixes := []string{"dost", "przeb", "moder", "kana", "remo", "autob", "tram", "uslu", "serw", "ubez", "szko", "monit", "oprog", "sprz", "wyko", "zaku"}
	companies := []string{"mpk", "wodociagi", "mpo", "khk", "mpec", "arm", "miejska-infrastruktura", "ktbs"}
	modes := []string{"open_tender", "direct_award", "quotation_below_threshold", "negotiated"}
	pool := func(n int, f func(i int) url.Values) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = f(i).Encode()
		}
		return out
	}
	year := func() string { return fmt.Sprint(2019 + r.IntN(8)) }
	page := func() string { return fmt.Sprint(1 + r.IntN(3)) }
	return []Class{
		{"common word", pool(4000, func(int) url.Values {
			return url.Values{"q": {common[r.IntN(len(common))]}, "page": {page()}, "mode": optional(r, modes)}
		})},
		{"rare word", pool(4000, func(int) url.Values {
			return url.Values{"q": {rare[r.IntN(len(rare))]}, "year": optional(r, []string{year()}), "page": {page()}}
		})},
		{"two words + company facet + year", pool(4000, func(int) url.Values {
			return url.Values{"q": {common[r.IntN(len(common))] + " " + rare[r.IntN(len(rare))]}, "company": {companies[r.IntN(len(companies))]}, "year": {year()}}
		})},
		{"4-letter prefix sorted by date", pool(4000, func(int) url.Values {
			p := prefixes[r.IntN(len(prefixes))]
			return url.Values{"q": {p[:4] + "*"}, "sort": {"date"}, "page": {page()}, "company": optional(r, companies)}
		})},
		{"Polish word without diacritics", pool(4000, func(int) url.Values {
			return url.Values{"q": {noDiacritics[r.IntN(len(noDiacritics))]}, "page": {page()}, "year": optional(r, []string{year()})}
		})},
	}
}

// optional returns one random value of vs half of the time, else nothing.
func optional(r *rand.Rand, vs []string) []string {
	if r.IntN(2) == 0 {
		return nil
	}
	return []string{vs[r.IntN(len(vs))]}
}

// get requests one search and returns the total it reports.
func get(c *http.Client, base, query string) (int, error) {
	resp, err := c.Get(base + "/api/v1/search?" + query)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK {
		return 0, fmt.Errorf("search %q: HTTP %d: %s", query, resp.StatusCode, strings.TrimSpace(string(body)))
	}
	var total int
	if i := strings.Index(string(body), `"total":`); i >= 0 {
		fmt.Sscanf(string(body[i+8:]), "%d", &total)
	}
	return total, nil
}

func pct(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := (len(sorted)*p + 99) / 100
	return sorted[min(max(i-1, 0), len(sorted)-1)]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000) }

func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return nil
	})
	return n, err
}

// cpuTime returns the user and system CPU time the process has used.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loadAverage returns the 1, 5 and 15 minute load averages of the machine ("?" where
// unavailable): other work on the machine slows the figures down.
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "?"
}

// peakRSS returns VmHWM from /proc/self/status in bytes (0 where unavailable).
func peakRSS() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			var kb int64
			fmt.Sscanf(strings.TrimSpace(strings.TrimPrefix(line, "VmHWM:")), "%d", &kb)
			return kb * 1024
		}
	}
	return 0
}
