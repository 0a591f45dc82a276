package registry_test

import (
	"context"
	"os"
	"strconv"
	"testing"

	"jawnosc/demo"
	"jawnosc/registry"
)

// BenchmarkFindContracts measures one page of /umowy (FindContracts, 20 rows and the total)
// per order and filter over JAWNOSC_BENCH_CONTRACTS (default 200 000) demo contracts;
// "first" sub-benchmarks forget the remembered totals before every call, as on the first
// visit after a change.
func BenchmarkFindContracts(b *testing.B) {
	n := 200_000
	if v, err := strconv.Atoi(os.Getenv("JAWNOSC_BENCH_CONTRACTS")); err == nil && v > 0 {
		n = v
	}
	ctx := context.Background()
	s := MustOpenStore(b)
	cos, ids := mustCreateDemoCompanies(b, s)
	var nip string
	err := s.BulkLoadContracts(ctx, system, n, func(add func(int64, registry.BulkContract) error) error {
		return demo.Contracts(demo.DefaultSeed, cos, n, func(slug string, c registry.BulkContract) error {
			if nip == "" && c.Data.Counterparty.NIP != "" && slug == "mpo" {
				nip = c.Data.Counterparty.NIP
			}
			return add(ids[slug], c)
		})
	})
	if err != nil {
		b.Fatal(err)
	}
	mpk, year, mode := ids["mpk"], 2024, registry.ModeDirectAward
	lo, hi := registry.Money(100_000_00), registry.Money(129_999_99)
	cases := []struct {
		name string
		f    registry.ContractFilter
	}{
		{"date", registry.ContractFilter{}},
		{"value", registry.ContractFilter{Sort: "value"}},
		{"published", registry.ContractFilter{Sort: "published"}},
		{"value/page50", registry.ContractFilter{Sort: "value", Offset: 49 * 20}},
		{"value/company", registry.ContractFilter{Sort: "value", CompanyID: &mpk}},
		{"value/year", registry.ContractFilter{Sort: "value", Year: &year}},
		{"published/company", registry.ContractFilter{Sort: "published", CompanyID: &mpk}},
		{"date/mode", registry.ContractFilter{Mode: &mode}},
		{"date/value-range", registry.ContractFilter{ValueMin: &lo, ValueMax: &hi}},
		{"value/nip", registry.ContractFilter{Sort: "value", NIP: &nip}},
		{"published/nip", registry.ContractFilter{Sort: "published", NIP: &nip}},
	}
	for _, first := range []bool{false, true} {
		for _, c := range cases {
			name := c.name
			if first {
				name = "first/" + name
			}
			b.Run(name, func(b *testing.B) {
				for b.Loop() {
					if first {
						registry.ForgetCounts(s)
					}
					list, total, err := s.FindContracts(ctx, c.f)
					if err != nil || total == 0 || len(list) == 0 {
						b.Fatalf("%d rows of %d: %v", len(list), total, err)
					}
				}
			})
		}
	}
}
