package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"jawnosc/registry"
)

// synthSource is a Source over SyntheticDocs (no changes).
type synthSource struct {
	seed int64
	n    int
}

func (s synthSource) LastChangeSeq(context.Context) (int64, error) { return int64(s.n), nil }
func (s synthSource) ChangesAfter(context.Context, int64, int) ([]registry.Change, error) {
	return nil, nil
}
func (s synthSource) LoadDocs(context.Context, []registry.Change) ([]Doc, []string, error) {
	return nil, nil, nil
}
func (s synthSource) ScanDocs(_ context.Context, fn func(Doc) error) (int, error) {
	return s.n, SyntheticDocs(s.seed, s.n, fn)
}
func (s synthSource) CountDocs(context.Context) (int, error) { return s.n, nil }

// benchDocs is the corpus size: JAWNOSC_BENCH_DOCS, default 20 000.
func benchDocs() int {
	if n, err := strconv.Atoi(os.Getenv("JAWNOSC_BENCH_DOCS")); err == nil && n > 0 {
		return n
	}
	return 20_000
}

var (
	benchOnce sync.Once
	benchIx   *Index
	benchErr  error
	benchInfo string
	benchTmp  string // removed by TestMain
)

// TestMain closes the benchmark index and removes its temporary directory.
func TestMain(m *testing.M) {
	code := m.Run()
	if benchIx != nil {
		_ = benchIx.Close()
	}
	if benchTmp != "" {
		_ = os.RemoveAll(benchTmp)
	}
	os.Exit(code)
}

// benchIndex builds (once per process) the synthetic index, in JAWNOSC_BENCH_INDEX when
// set (and reused there when it already holds the same number of documents).
func benchIndex(b *testing.B) *Index {
	benchOnce.Do(func() {
		n := benchDocs()
		dir := os.Getenv("JAWNOSC_BENCH_INDEX")
		if dir == "" {
			tmp, err := os.MkdirTemp("", "jawnosc-bench-")
			if err != nil {
				benchErr = err
				return
			}
			benchTmp = tmp
			dir = filepath.Join(tmp, "index")
		}
		if ix, err := Open(dir); err == nil {
			c, _ := ix.DocCount()
			if int(c) == n {
				benchIx = ix
				return
			}
			_ = ix.Close()
		}
		start := time.Now()
		if err := Rebuild(context.Background(), dir, synthSource{seed: 1, n: n}, nil); err != nil {
			benchErr = err
			return
		}
		build := time.Since(start)
		benchIx, benchErr = Open(dir)
		benchInfo = fmt.Sprintf("built %d docs in %s, %s on disk", n, build.Round(time.Millisecond), dirSize(dir))
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	if benchInfo != "" {
		b.Log(benchInfo)
	}
	return benchIx
}

func dirSize(dir string) string {
	var n int64
	_ = filepath.Walk(dir, func(_ string, fi os.FileInfo, err error) error {
		if err == nil && !fi.IsDir() {
			n += fi.Size()
		}
		return nil
	})
	return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20))
}

// Query classes of the performance target, each a list of varied queries.
var benchClasses = map[string]func(r *rand.Rand) Query{
	"CommonWord": func(r *rand.Rand) Query {
		return Query{Q: pickOf(r, []string{"dostawa", "usług", "remont", "krakowie", "umowa", "budowa", "sieci", "utrzymanie"})}
	},
	"RareWord": func(r *rand.Rand) Query {
		w := pickOf(r, synRare)
		return Query{Q: strings.Fields(w)[0]}
	},
	"TwoWordsCompanyYear": func(r *rand.Rand) Query {
		return Query{
			Q:         pickOf(r, []string{"dostawa", "remont", "budowa", "naprawa", "serwis"}) + " " + pickOf(r, []string{"autobusów", "sieci", "tramwajów", "oświetlenia", "wody", "ulic"}),
			Companies: []string{synCompanies[r.IntN(len(synCompanies))][0]},
			Years:     []int{2015 + r.IntN(12)},
		}
	},
	"PrefixByDate": func(r *rand.Rand) Query {
		return Query{Q: pickOf(r, []string{"kana", "odsn", "auto", "tram", "ener", "oswi", "dost", "remo", "czys", "moni"}), Sort: SortDate}
	},
	"NoDiacritics": func(r *rand.Rand) Query {
		return Query{Q: pickOf(r, []string{"odsniezanie", "lodzi", "zolwi", "swiadczenie", "napedowego", "cieplowniczej", "smieciarek", "wodociagu", "przystankow", "zajezdni"})}
	},
	"Browse": func(r *rand.Rand) Query {
		q := Query{}
		if r.IntN(2) == 0 {
			q.Companies = []string{synCompanies[r.IntN(len(synCompanies))][0]}
		}
		return q
	},
	"ValueSort": func(r *rand.Rand) Query {
		return Query{Q: pickOf(r, []string{"dostawa", "remont", "budowa"}), Sort: SortValue}
	},
	"Highlight": func(r *rand.Rand) Query {
		return Query{Q: pickOf(r, []string{"dostawa", "lodz", "odsn", "remont tramwajów"}), Highlight: true}
	},
}

func pickOf(r *rand.Rand, l []string) string { return l[r.IntN(len(l))] }

func benchClass(b *testing.B, class string) {
	ix := benchIndex(b)
	gen := benchClasses[class]
	r := rand.New(rand.NewPCG(42, 7))
	ctx := context.Background()
	if _, err := ix.Search(ctx, gen(r)); err != nil { // warm the snapshot
		b.Fatal(err)
	}
	lat := make([]time.Duration, 0, b.N)
	var hits int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := gen(r)
		t0 := time.Now()
		res, err := ix.Search(ctx, q)
		lat = append(lat, time.Since(t0))
		if err != nil {
			b.Fatal(err)
		}
		hits += res.Total
	}
	b.StopTimer()
	slices.Sort(lat)
	pct := func(p float64) float64 { return float64(lat[int(float64(len(lat)-1)*p)].Microseconds()) / 1000 }
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(float64(hits)/float64(b.N), "hits/op")
	reportMemory(b)
}

func BenchmarkSearchCommonWord(b *testing.B)          { benchClass(b, "CommonWord") }
func BenchmarkSearchRareWord(b *testing.B)            { benchClass(b, "RareWord") }
func BenchmarkSearchTwoWordsCompanyYear(b *testing.B) { benchClass(b, "TwoWordsCompanyYear") }
func BenchmarkSearchPrefixByDate(b *testing.B)        { benchClass(b, "PrefixByDate") }
func BenchmarkSearchNoDiacritics(b *testing.B)        { benchClass(b, "NoDiacritics") }
func BenchmarkSearchBrowse(b *testing.B)              { benchClass(b, "Browse") }
func BenchmarkSearchValueSort(b *testing.B)           { benchClass(b, "ValueSort") }
func BenchmarkSearchHighlight(b *testing.B)           { benchClass(b, "Highlight") }

// BenchmarkSnapshot measures rebuilding the per-document arrays (done after every batch).
func BenchmarkSnapshot(b *testing.B) {
	ix := benchIndex(b)
	adv, err := ix.idx.Advanced()
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		r, err := adv.Reader()
		if err != nil {
			b.Fatal(err)
		}
		s, err := buildSnapshot(context.Background(), r)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.valueArray(); err != nil {
			b.Fatal(err)
		}
		s.release()
	}
	reportMemory(b)
}

// procStatus returns a kB value of /proc/self/status (0 when unknown).
func procStatus(key string) int {
	st, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(st), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == key {
			n, _ := strconv.Atoi(f[1])
			return n
		}
	}
	return 0
}

// reportMemory reports the Go heap and the process's peak resident set.
func reportMemory(b *testing.B) {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.HeapInuse)/(1<<20), "heap-MiB")
	if st, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(st), "\n") {
			if f := strings.Fields(line); len(f) >= 2 && (f[0] == "VmHWM:" || f[0] == "VmRSS:") {
				kb, _ := strconv.Atoi(f[1])
				b.ReportMetric(float64(kb)/1024, strings.ToLower(strings.TrimSuffix(f[0], ":"))+"-MiB")
			}
		}
	}
}

// BenchmarkRebuild builds JAWNOSC_BENCH_DOCS synthetic documents with Rebuild.
func BenchmarkRebuild(b *testing.B) {
	n := benchDocs()
	for i := 0; i < b.N; i++ {
		dir := filepath.Join(b.TempDir(), "index")
		start := time.Now()
		stop := make(chan struct{})
		peakAnon := make(chan int)
		go func() { // sample the anonymous (heap) part of the resident set
			peak := 0
			t := time.NewTicker(50 * time.Millisecond)
			defer t.Stop()
			for {
				select {
				case <-stop:
					peakAnon <- peak
					return
				case <-t.C:
					peak = max(peak, procStatus("RssAnon:"))
				}
			}
		}()
		if err := Rebuild(context.Background(), dir, synthSource{seed: 1, n: n}, nil); err != nil {
			b.Fatal(err)
		}
		close(stop)
		b.ReportMetric(float64(n)/time.Since(start).Seconds(), "docs/s")
		b.ReportMetric(float64(<-peakAnon)/1024, "peak-anon-MiB")
		b.Log("index size ", dirSize(dir))
	}
	reportMemory(b)
}
