package registry_test

import (
	"context"
	"testing"

	"jawnosc/demo"
	"jawnosc/registry"
)

// BenchmarkFindFilerContracts measures the first page of the panel's list (newest filed first)
// for an officer of one company that holds 100 000 contracts.
func BenchmarkFindFilerContracts(b *testing.B) {
	ctx := context.Background()
	s := MustOpenStore(b)
	cos := demo.Companies()[:1]
	if err := s.CreateCompany(ctx, system, &cos[0]); err != nil {
		b.Fatal(err)
	}
	const n = 100_000
	var items []registry.BulkContract
	if err := demo.Contracts(demo.DefaultSeed, cos, n, func(_ string, c registry.BulkContract) error {
		items = append(items, c)
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	for start := 0; start < len(items); start += 5000 {
		if err := s.LoadContracts(ctx, system, cos[0].ID, items[start:min(start+5000, len(items))]); err != nil {
			b.Fatal(err)
		}
	}
	officer := registry.Actor{UserID: 1, Login: "jan", Role: registry.RoleOfficer, Companies: []int64{cos[0].ID}}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		cs, total, err := s.FindFilerContracts(ctx, officer, registry.ContractFilter{Limit: 20})
		if err != nil || len(cs) != 20 || total < n {
			b.Fatalf("%d of %d: %v", len(cs), total, err)
		}
	}
}
