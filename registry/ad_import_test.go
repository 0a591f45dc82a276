package registry_test

import (
	"context"
	"os"
	"strings"
	"testing"

	"jawnosc/registry"
	"jawnosc/testfiles"
)

// mtgMapping is the mapping of the media transparency file.
func mtgMapping(t *testing.T) registry.Mapping {
	cols, err := registry.ParseMapping(testfiles.MTGMap)
	if err != nil {
		t.Fatal(err)
	}
	set, err := registry.ParseMapping(testfiles.MTGSet)
	if err != nil {
		t.Fatal(err)
	}
	return registry.Mapping{Columns: cols, Set: set, IgnoreOthers: true}
}

func TestImportMediaTransparencyFile(t *testing.T) {
	ctx := context.Background()
	path := testfiles.Shared(t, testfiles.MTGPath)
	want, rows := testfiles.SumCents(t, path, "medium", "EURO")
	if rows != 2134 {
		t.Fatalf("mtg.csv has %d rows, want 2134", rows)
	}
	s := MustOpenStore(t)
	co := MustCreateCompany(t, s, "demo-at")
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	tab, err := registry.ReadTable(f, 0)
	if err != nil {
		t.Fatal(err)
	}
	reg := s.Ads()
	items, err := reg.ParseTable(tab, mtgMapping(t))
	if err != nil {
		t.Fatal(err)
	}
	n, err := reg.Import(ctx, system, co.ID, items)
	if err != nil || n != rows {
		t.Fatalf("import: %d, %v", n, err)
	}
	sums, err := s.AdSums(ctx, registry.AdFilter{EntryFilter: registry.EntryFilter{CompanyID: &co.ID}}, registry.ByOutlet)
	if err != nil {
		t.Fatal(err)
	}
	if len(sums) != len(want) {
		t.Fatalf("%d outlets, file has %d", len(sums), len(want))
	}
	var total int64
	for _, a := range sums {
		if a.Currency != "EUR" || int64(a.Amount) != want[a.Key] {
			t.Errorf("%s: %d %s, file sums to %d", a.Key, a.Amount, a.Currency, want[a.Key])
		}
		total += int64(a.Amount)
	}
	if sums[0].Key != "ORF" || int64(sums[0].Amount) != want["ORF"] {
		t.Errorf("largest outlet %+v", sums[0])
	}
	q, err := s.AdSums(ctx, registry.AdFilter{}, registry.ByQuarter)
	if err != nil || len(q) != 1 || q[0].Key != "2012-Q3" || int64(q[0].Amount) != total || q[0].Count != rows {
		t.Fatalf("quarters: %v %+v", err, q)
	}
	conc, err := s.AdConcentration(ctx, registry.AdFilter{})
	if err != nil || len(conc) != 1 {
		t.Fatal(err, conc)
	}
	var hhi float64
	for _, c := range want {
		share := float64(c) / float64(total) * 100
		hhi += share * share
	}
	if c := conc[0]; c.TopOutlet != "ORF" || c.Total != registry.Money(total) || c.Outlets != len(want) || c.HHI != int(hhi+0.5) {
		t.Errorf("concentration %+v, want HHI %.1f", c, hhi)
	}
}

func TestImportMappingErrors(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	co := MustCreateCompany(t, s, "mpk")
	read := func(text string) *registry.Table {
		tab, err := registry.ReadTable(strings.NewReader(text), 0)
		if err != nil {
			t.Fatal(err)
		}
		return tab
	}
	m := registry.Mapping{Columns: map[string]string{"Medium": "outlet_name", "Kwota": "amount_gross", "Kwartał": "period_quarter"},
		Set: map[string]string{"outlet_kind": "press", "content_kind": "advertisement", "procedure": "other", "campaign": "Kampania"}}
	good := "Medium;Kwota;Kwartał\nGazeta Krakowska;1 234,56 zł;2025-Q3\nRadio Kraków;99,5;20254\n"
	items, err := s.Ads().ParseTable(read(good), m)
	if err != nil || len(items) != 2 || items[0].AmountGross != 123456 || items[1].PeriodEnd != "2025-12-31" || items[0].Campaign != "Kampania" {
		t.Fatalf("good file: %v %+v", err, items)
	}
	bad := "Medium;Kwota;Kwartał\nGazeta;dużo;2025-Q3\n;10;20259\n"
	_, err = s.Ads().ParseTable(read(bad), m)
	ie, ok := err.(*registry.ImportError)
	if !ok {
		t.Fatalf("want an import error, got %v", err)
	}
	got := ie.Error()
	for _, want := range []string{"line 2: amount_gross: Nieprawidłowa kwota", "line 3: outlet_name: To pole jest wymagane.", "line 3: period_quarter: Nieprawidłowy kwartał"} {
		if !strings.Contains(got, want) {
			t.Errorf("errors lack %q:\n%s", want, got)
		}
	}
	if _, err := s.Ads().ParseTable(read("Medium;Inna\nx;y\n"), m); registry.ErrorCode(err) != registry.EINVALID || !strings.Contains(registry.ErrorMessage(err), "nieznana kolumna „Inna”") {
		t.Errorf("unknown column: %v", err)
	}
	if n, _ := s.Ads().CountPublic(ctx); n != 0 {
		t.Errorf("a refused import stored %d ads", n)
	}
	// An export reads back as the same content.
	if _, err := s.Ads().Import(ctx, system, co.ID, items); err != nil {
		t.Fatal(err)
	}
	var buf strings.Builder
	all, _, _ := s.FindAds(ctx, registry.AdFilter{})
	if err := s.Ads().WriteCSV(&buf, all, "https://jawnosc.example", "/reklamy", true); err != nil {
		t.Fatal(err)
	}
	back, err := s.Ads().ParseTable(read(buf.String()), registry.Mapping{})
	if err != nil || len(back) != 2 || back[0].Outlet.Name != all[0].Data.Outlet.Name || back[0].AmountGross != all[0].Data.AmountGross {
		t.Fatalf("round trip: %v %+v", err, back)
	}
	if _, err := registry.ParseMapping("a=b,c"); registry.ErrorCode(err) != registry.EINVALID {
		t.Errorf("bad mapping accepted")
	}
}
