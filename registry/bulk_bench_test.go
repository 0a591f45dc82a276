package registry_test

import (
	"context"
	"testing"

	"jawnosc/demo"
	"jawnosc/registry"
)

// BenchmarkLoadContracts measures the bulk load of synthetic contracts (versions, ledger,
// change sequence and projection) into a real SQLite file, in batches of 5 000.
func BenchmarkLoadContracts(b *testing.B) {
	ctx := context.Background()
	s := MustOpenStore(b)
	cos := demo.Companies()[:1]
	if err := s.CreateCompany(ctx, system, &cos[0]); err != nil {
		b.Fatal(err)
	}
	var items []registry.BulkContract
	if err := demo.Contracts(demo.DefaultSeed, cos, b.N, func(_ string, c registry.BulkContract) error {
		items = append(items, c)
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for start := 0; start < len(items); start += 5000 {
		if err := s.LoadContracts(ctx, system, cos[0].ID, items[start:min(start+5000, len(items))]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "contracts/s")
}

// BenchmarkBulkLoadContracts measures what `jawnosc bench` does: b.N synthetic contracts of
// every demo company, generated while they load, in one BulkLoadContracts transaction
// (secondary indexes built after the load).
func BenchmarkBulkLoadContracts(b *testing.B) {
	ctx := context.Background()
	s := MustOpenStore(b)
	cos, ids := mustCreateDemoCompanies(b, s)
	b.ResetTimer()
	err := s.BulkLoadContracts(ctx, system, b.N, func(add func(int64, registry.BulkContract) error) error {
		return demo.Contracts(demo.DefaultSeed, cos, b.N, func(slug string, c registry.BulkContract) error {
			return add(ids[slug], c)
		})
	})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "contracts/s")
}

// mustCreateDemoCompanies files the demo companies and returns them with their ids by slug.
func mustCreateDemoCompanies(tb testing.TB, s *registry.Store) ([]registry.Company, map[string]int64) {
	tb.Helper()
	cos := demo.Companies()
	ids := map[string]int64{}
	for i := range cos {
		if err := s.CreateCompany(context.Background(), system, &cos[i]); err != nil {
			tb.Fatal(err)
		}
		ids[cos[i].Slug] = cos[i].ID
	}
	return cos, ids
}
