package registry_test

import (
	"context"
	"fmt"
	"testing"

	"jawnosc/registry"
)

// BenchmarkAdViews measures the advertising views' queries over 50 000 published ads of 10
// companies and 200 outlets: sums per outlet and quarter, and every company's concentration.
func BenchmarkAdViews(b *testing.B) {
	ctx := context.Background()
	s := MustOpenStore(b)
	const companies, perCompany = 10, 5000
	for c := range companies {
		co := MustCreateCompany(b, s, fmt.Sprintf("co%d", c))
		items := make([]registry.AdData, perCompany)
		for i := range items {
			d := SampleAd(fmt.Sprintf("Medium %03d", (i*7+c)%200), registry.Money(100_00+i%997*100))
			month := 1 + i%12
			d.PeriodStart, d.PeriodEnd = registry.Date(fmt.Sprintf("%d-%02d-01", 2020+i%6, month)), registry.Date(fmt.Sprintf("%d-%02d-28", 2020+i%6, month))
			items[i] = d
		}
		if _, err := s.Ads().Import(ctx, system, co.ID, items); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("outlet_quarter", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.AdSums(ctx, registry.AdFilter{}, registry.ByOutletQuarter); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("concentration", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.AdConcentration(ctx, registry.AdFilter{}); err != nil {
				b.Fatal(err)
			}
		}
	})
	one := int64(1)
	b.Run("one_company_outlets", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.AdSums(ctx, registry.AdFilter{EntryFilter: registry.EntryFilter{CompanyID: &one}}, registry.ByOutlet); err != nil {
				b.Fatal(err)
			}
		}
	})
}
