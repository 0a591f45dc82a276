package search

import (
	"context"
	"slices"
	"strconv"
	"testing"
)

// syntheticIndex indexes n synthetic documents and returns them too.
func syntheticIndex(t *testing.T, n int) (*Index, []Doc) {
	ix, _ := mustOpen(t)
	var docs []Doc
	if err := SyntheticDocs(7, n, func(d Doc) error { docs = append(docs, d); return nil }); err != nil {
		t.Fatal(err)
	}
	if err := ix.Apply(context.Background(), docs, nil, 1); err != nil {
		t.Fatal(err)
	}
	return ix, docs
}

func year(d Doc) int { y, _ := strconv.Atoi(d.Date[:4]); return y }

func TestBrowseFacetsFiltersSorts(t *testing.T) {
	ix, docs := syntheticIndex(t, 3000)
	ctx := context.Background()
	_ = ctx

	all := mustSearch(t, ix, Query{})
	if all.Total != len(docs) || len(all.Hits) != DefaultPerPage || all.Query.Sort != SortDate {
		t.Fatalf("browse: total %d hits %d sort %s", all.Total, len(all.Hits), all.Query.Sort)
	}
	// Facet counts of the empty query are plain counts.
	byCompany := map[string]int{}
	for _, d := range docs {
		byCompany[d.Company]++
	}
	for c, n := range byCompany {
		if got := facetCount(all, FacetCompany, c); got != n {
			t.Errorf("company %s: %d, want %d", c, got, n)
		}
	}
	// Drill-down: filters on company and year; each facet ignores its own filter.
	q := Query{Companies: []string{"mpk", "mpo"}, Years: []int{2019, 2020}}
	res := mustSearch(t, ix, q)
	var total int
	comp, yr, band := map[string]int{}, map[int]int{}, map[string]int{}
	for _, d := range docs {
		inC := d.Company == "mpk" || d.Company == "mpo"
		inY := year(d) == 2019 || year(d) == 2020
		if inC && inY {
			total++
			band[BandOf(d.ValueNet)]++
		}
		if inY {
			comp[d.Company]++
		}
		if inC {
			yr[year(d)]++
		}
	}
	if res.Total != total {
		t.Errorf("total %d, want %d", res.Total, total)
	}
	for c, n := range comp {
		if got := facetCount(res, FacetCompany, c); got != n {
			t.Errorf("drill-down company %s: %d, want %d", c, got, n)
		}
	}
	for y, n := range yr {
		if got := facetCount(res, FacetYear, strconv.Itoa(y)); got != n {
			t.Errorf("drill-down year %d: %d, want %d", y, got, n)
		}
	}
	for b, n := range band {
		if got := facetCount(res, FacetBand, b); got != n {
			t.Errorf("band %s: %d, want %d", b, got, n)
		}
	}
	for _, h := range res.Hits {
		if (h.Company != "mpk" && h.Company != "mpo") || (h.Date[:4] != "2019" && h.Date[:4] != "2020") {
			t.Errorf("hit outside filters: %+v", h)
		}
	}
	// Sorts: each page is ordered and pages continue each other.
	for _, sort := range []string{SortDate, SortDateAsc, SortValue, SortValueAsc} {
		var seen []Hit
		for page := 1; page <= 3; page++ {
			r := mustSearch(t, ix, Query{Sort: sort, Page: page, PerPage: 7, Modes: []string{"direct_award"}})
			seen = append(seen, r.Hits...)
		}
		if len(seen) != 21 {
			t.Fatalf("%s: %d hits over 3 pages", sort, len(seen))
		}
		ids := map[string]bool{}
		for i, h := range seen {
			if ids[h.ID] {
				t.Errorf("%s: %s twice", sort, h.ID)
			}
			ids[h.ID] = true
			if h.Mode != "direct_award" {
				t.Errorf("%s: mode %s", sort, h.Mode)
			}
			if i == 0 {
				continue
			}
			p := seen[i-1]
			ok := map[string]bool{
				SortDate: p.Date >= h.Date, SortDateAsc: p.Date <= h.Date,
				SortValue: p.ValueNet >= h.ValueNet, SortValueAsc: p.ValueNet <= h.ValueNet,
			}[sort]
			if !ok {
				t.Errorf("%s: %v before %v", sort, p, h)
			}
		}
		// The first hit is the extreme of the whole filtered set.
		var best Doc
		for _, d := range docs {
			if d.Mode != "direct_award" {
				continue
			}
			if best.ID == "" || map[string]bool{
				SortDate: d.Date > best.Date, SortDateAsc: d.Date < best.Date,
				SortValue: d.ValueNet > best.ValueNet, SortValueAsc: d.ValueNet < best.ValueNet,
			}[sort] {
				best = d
			}
		}
		if sort == SortValue || sort == SortValueAsc {
			if seen[0].ValueNet != best.ValueNet {
				t.Errorf("%s: first %d, want %d", sort, seen[0].ValueNet, best.ValueNet)
			}
		} else if seen[0].Date != best.Date {
			t.Errorf("%s: first %s, want %s", sort, seen[0].Date, best.Date)
		}
	}
}

func TestTextFacetsAndRelevance(t *testing.T) {
	ix, _ := syntheticIndex(t, 3000)
	res := mustSearch(t, ix, Query{Q: "dostawa"})
	if res.Total == 0 || res.Query.Sort != SortRelevance {
		t.Fatalf("dostawa: %d %s", res.Total, res.Query.Sort)
	}
	for _, f := range res.Facets[FacetCompany] {
		sub := mustSearch(t, ix, Query{Q: "dostawa", Companies: []string{f.Value}})
		if sub.Total != f.Count {
			t.Errorf("company %s: facet %d, filtered total %d", f.Value, f.Count, sub.Total)
		}
	}
	// Relevance: title matches first, newest first within a tier.
	for i := 1; i < len(res.Hits); i++ {
		a, b := res.Hits[i-1], res.Hits[i]
		if a.Score < b.Score || (a.Score == b.Score && a.Date < b.Date) {
			t.Errorf("relevance order: %v before %v", a, b)
		}
	}
	if res.Hits[0].Score < 1 {
		t.Errorf("top hit without title match: %+v", res.Hits[0])
	}
	two := mustSearch(t, ix, Query{Q: "umowa dostawa", Companies: []string{"mpk", "mpo", "mpec"}, Years: []int{2019, 2020, 2021}})
	for _, h := range two.Hits {
		if (h.Company != "mpk" && h.Company != "mpo" && h.Company != "mpec") || h.Date[:4] < "2019" || h.Date[:4] > "2021" {
			t.Errorf("filter: %+v", h)
		}
	}
	if two.Total == 0 {
		t.Error("no hits for umowa dostawa in mpk, mpo, mpec 2019–2021")
	}
	if slices.ContainsFunc(res.Facets[FacetKind], func(v FacetValue) bool { return v.Value != "contract" }) {
		t.Errorf("kinds %v", res.Facets[FacetKind])
	}
}
