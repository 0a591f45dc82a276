package web_test

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"jawnosc/web"
)

// BenchmarkExportOCDS streams the OCDS release package of 50 000 demo contracts; it reports
// releases per second.
func BenchmarkExportOCDS(b *testing.B) {
	e := mustOpenDemo(b, 50_000)
	b.ResetTimer()
	var n int64
	for range b.N {
		resp, err := e.app.Test(httptest.NewRequest(http.MethodGet, "/api/v1/export/ocds.json", nil), -1)
		if err != nil {
			b.Fatal(err)
		}
		m, _ := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		b.SetBytes(m)
		n++
	}
	b.ReportMetric(float64(50_000*n)/b.Elapsed().Seconds(), "contracts/s")
}

// BenchmarkFeeds builds the register, company and search feeds over 50 000 demo contracts.
// Feeds are cached until the next change, so each iteration first files a change.
func BenchmarkFeeds(b *testing.B) {
	e := mustOpenDemo(b, 50_000)
	for _, p := range []string{"/feeds/umowy", "/feeds/spolki/mpk", "/feeds/spolki/krakow5020", "/feeds/rekrutacje", "/feeds/szukaj?q=remont"} {
		b.Run(p, func(b *testing.B) {
			for range b.N {
				b.StopTimer()
				bumpChangeSeq(b, e)
				b.StartTimer()
				resp, err := e.app.Test(httptest.NewRequest(http.MethodGet, p, nil), -1)
				if err != nil || resp.StatusCode != 200 {
					b.Fatalf("%v %v", err, resp.StatusCode)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		})
	}
}

// BenchmarkNightlyDump writes the whole dump of 50 000 demo contracts.
func BenchmarkNightlyDump(b *testing.B) {
	e := mustOpenDemo(b, 50_000)
	dir := filepath.Join(b.TempDir(), "dumps")
	job := &web.DumpJob{Store: e.store, Dir: dir, City: "Kraków", Now: func() time.Time { return time.Date(2026, 3, 11, 2, 0, 0, 0, time.UTC) }}
	b.ResetTimer()
	for range b.N {
		if _, err := job.Run(context.Background()); err != nil {
			b.Fatal(err)
		}
	}
}

// bumpChangeSeq records a change in the change sequence, as every write does, so cached
// feeds are built again.
func bumpChangeSeq(b *testing.B, e *testEnv) {
	b.Helper()
	if _, err := e.store.DB().Exec(`INSERT INTO changes (entry_id, kind) SELECT id, kind FROM entries LIMIT 1`); err != nil {
		b.Fatal(err)
	}
}
