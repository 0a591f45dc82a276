package web_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkExportCSV streams the CSV export of 50 000 demo contracts.
func BenchmarkExportCSV(b *testing.B) {
	e := mustOpenDemo(b, 50_000)
	b.ResetTimer()
	for range b.N {
		resp, err := e.app.Test(httptest.NewRequest(http.MethodGet, "/api/v1/export/contracts.csv", nil), -1)
		if err != nil {
			b.Fatal(err)
		}
		n, _ := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		b.SetBytes(n)
	}
}

// BenchmarkPages renders the busiest pages over 50 000 demo contracts.
func BenchmarkPages(b *testing.B) {
	e := mustOpenDemo(b, 50_000)
	for _, p := range []string{"/", "/umowy", "/umowy?od=100000&sort=value&page=50", "/szukaj?q=remont", "/spolki/mpk", "/api/v1/search?q=remont"} {
		b.Run(p, func(b *testing.B) {
			for range b.N {
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
