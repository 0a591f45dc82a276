package audits_test

import (
	"context"
	"testing"

	"jawnosc/demo"
	"jawnosc/registry"
)

// benchContracts is the size of the company BenchmarkRecomputeCompany recomputes.
const benchContracts = 100_000

// BenchmarkRecomputeCompany measures the recomputation of every signal of one company with
// 100 000 demo contracts (what a change to one of its entries costs), in a real SQLite file.
func BenchmarkRecomputeCompany(b *testing.B) {
	ctx := context.Background()
	e := mustOpen(b, warsawNoon(2026, 3, 5))
	cos := demo.Companies()[:1]
	if err := e.reg.CreateCompany(ctx, system, &cos[0]); err != nil {
		b.Fatal(err)
	}
	var items []registry.BulkContract
	if err := demo.Contracts(demo.DefaultSeed, cos, benchContracts, func(_ string, c registry.BulkContract) error {
		items = append(items, c)
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	for start := 0; start < len(items); start += 5000 {
		if err := e.reg.LoadContracts(ctx, system, cos[0].ID, items[start:min(start+5000, len(items))]); err != nil {
			b.Fatal(err)
		}
	}
	if err := e.st.RecomputeCompany(ctx, cos[0].ID); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if err := e.st.RecomputeCompany(ctx, cos[0].ID); err != nil {
			b.Fatal(err)
		}
	}
}
