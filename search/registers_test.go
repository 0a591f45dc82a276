package search

import (
	"context"
	"path/filepath"
	"strconv"
	"testing"

	"jawnosc/registry"
)

// TestRegistersSearch files one entry of every register in a real store, feeds the index
// through the change sequence and finds each in Polish (no diacritics, inflected), with
// the kind facet naming every register; withdrawal and rebuild keep the index true.
func TestRegistersSearch(t *testing.T) {
	ctx := context.Background()
	st, co := mustOpenStoreMPK(t)
	sys := registry.SystemActor("test")
	if _, err := st.CreateContract(ctx, sys, co.ID, registry.ContractData{Number: "ZP/1", SignedOn: "2024-03-01", Subject: "Sponsoring wydarzeń",
		Counterparty: registry.Counterparty{Name: "Agencja"}, ValueNet: 100, ValueGross: 123, ProcurementMode: registry.ModeDirectAward}, true); err != nil {
		t.Fatal(err)
	}
	exp, err := st.Expenses().Create(ctx, sys, co.ID, registry.ExpenseData{SpentOn: "2025-05-10", Category: "sponsorship",
		Recipient: registry.Recipient{Name: "Klub Sportowy Żaki", NIP: "5260250995"}, AmountGross: 5_000_00,
		Purpose: "Sponsoring turnieju piłkarskiego dzieci w Łodzi"}, true)
	if err != nil {
		t.Fatal(err)
	}
	ad, err := st.Ads().Create(ctx, sys, co.ID, registry.AdData{Outlet: registry.Outlet{Name: "Gazeta Krakowska", Kind: "press", Publisher: "Polska Press"},
		Campaign: "Kampania o bezpieczeństwie na przejściach", ContentKind: "sponsored_article", PeriodStart: "2025-07-01", PeriodEnd: "2025-07-31",
		AmountGross: 12_300_00, Procedure: registry.ModeQuotationBelowThreshold}, true)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := st.Recruitments().Create(ctx, sys, co.ID, registry.RecruitmentData{Body: "management_board", Position: "Wiceprezes Zarządu",
		LegalBasis: "art. 10a ustawy o gospodarce komunalnej", Procedure: registry.ProcedureWithout, Outcome: registry.OutcomeAppointed,
		Appointee: &registry.Appointee{Name: "Łucja Wąs", Function: "Wiceprezes", Qualifications: "Doświadczenie w zarządzaniu flotą tramwajów.",
			ResolutionNumber: "RN/1", ResolutionDate: "2025-09-01", TermStart: "2025-09-01"}}, true)
	if err != nil {
		t.Fatal(err)
	}
	ix, _ := mustOpen(t)
	src := StoreSource{Store: st}
	if _, err := NewIndexer(ix, src, t.Logf).CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		q, kind string
		id      int64
	}{
		{"turniej lodz", registry.KindExpense, exp.ID},
		{"zaki", registry.KindExpense, exp.ID},
		{"bezpieczenstwie", registry.KindAd, ad.ID},
		{"gazeta krakowska", registry.KindAd, ad.ID},
		{"lucja was", registry.KindRecruitment, rec.ID},
		{"tramwajow", registry.KindRecruitment, rec.ID},
	} {
		res := mustSearch(t, ix, Query{Q: tc.q, Kinds: []string{tc.kind}})
		if res.Total != 1 || res.Hits[0].EntryID != tc.id || res.Hits[0].Kind != tc.kind {
			t.Errorf("%q in %s: %+v", tc.q, tc.kind, res.Hits)
		}
	}
	res := mustSearch(t, ix, Query{Q: "sponsoring"})
	kinds := map[string]int{}
	for _, f := range res.Facets[FacetKind] {
		kinds[f.Value] = f.Count
	}
	if res.Total != 2 || kinds[registry.KindContract] != 1 || kinds[registry.KindExpense] != 1 {
		t.Fatalf("kind facet: %d %v", res.Total, res.Facets[FacetKind])
	}
	all := mustSearch(t, ix, Query{})
	for _, f := range all.Facets[FacetKind] {
		kinds[f.Value] = f.Count
	}
	for _, k := range []string{registry.KindContract, registry.KindExpense, registry.KindAd, registry.KindRecruitment} {
		if kinds[k] != 1 {
			t.Errorf("facet %s: %v", k, all.Facets[FacetKind])
		}
	}
	if _, err := st.Ads().Withdraw(ctx, sys, ad.ID, "Zlecenie anulowane"); err != nil {
		t.Fatal(err)
	}
	if _, err := NewIndexer(ix, src, t.Logf).CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if res := mustSearch(t, ix, Query{Q: "gazeta"}); res.Total != 1 || res.Hits[0].Status != registry.StatusWithdrawn || res.Hits[0].URL != "/reklamy/"+strconv.FormatInt(ad.ID, 10) {
		t.Errorf("withdrawn ad: %+v", res.Hits)
	}
	dir := filepath.Join(t.TempDir(), "rebuilt")
	if err := Rebuild(ctx, dir, src, nil); err != nil {
		t.Fatal(err)
	}
	ix2, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix2.Close()
	if n, _ := ix2.DocCount(); n != 4 {
		t.Errorf("rebuilt count %d, want 4", n)
	}
}

// TestHitCurrencyAndBands: a hit carries its amount's currency (an advertising report in
// euro is not shown in złoty), and only amounts in złoty fall into the value bands, whose
// limits are in złoty; a board recruitment (monthly pay) has no band.
func TestHitCurrencyAndBands(t *testing.T) {
	ctx := context.Background()
	st, co := mustOpenStoreMPK(t)
	sys := registry.SystemActor("test")
	ad := func(outlet, currency string, amount registry.Money) *registry.Ad {
		a, err := st.Ads().Create(ctx, sys, co.ID, registry.AdData{Outlet: registry.Outlet{Name: outlet, Kind: "press", Publisher: "Wydawca"},
			Campaign: "Kampania informacyjna o remontach", ContentKind: "sponsored_article", PeriodStart: "2025-07-01", PeriodEnd: "2025-07-31",
			AmountGross: amount, Currency: currency, Procedure: registry.ModeQuotationBelowThreshold}, true)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	pln := ad("Gazeta Krakowska", "PLN", 12_300_00)
	eur := ad("Kurier Wiedeński", "EUR", 12_300_00)
	if _, err := st.Recruitments().Create(ctx, sys, co.ID, registry.RecruitmentData{Body: "management_board", Position: "Prezes Zarządu",
		LegalBasis: "art. 10a ustawy o gospodarce komunalnej", Procedure: registry.ProcedureWithout, Outcome: registry.OutcomeAppointed,
		Appointee: &registry.Appointee{Name: "Jan Nowak", Function: "Prezes", Qualifications: "Kampania remontów torowisk.",
			ResolutionNumber: "RN/2", ResolutionDate: "2025-09-01", TermStart: "2025-09-01"}}, true); err != nil {
		t.Fatal(err)
	}
	ix, _ := mustOpen(t)
	if _, err := NewIndexer(ix, StoreSource{Store: st}, t.Logf).CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	res := mustSearch(t, ix, Query{Q: "kampania"})
	if res.Total != 3 {
		t.Fatalf("total %d: %+v", res.Total, res.Hits)
	}
	currency := map[int64]string{}
	for _, h := range res.Hits {
		currency[h.EntryID] = h.Currency
	}
	if currency[pln.ID] != "PLN" || currency[eur.ID] != "EUR" {
		t.Errorf("currencies %v (PLN ad %d, EUR ad %d)", currency, pln.ID, eur.ID)
	}
	var banded int
	for _, f := range res.Facets[FacetBand] {
		banded += f.Count
	}
	if banded != 1 || facetCount(res, FacetBand, Band10K50K) != 1 {
		t.Errorf("band facet %v, want only the złoty ad in %s", res.Facets[FacetBand], Band10K50K)
	}
	if r := mustSearch(t, ix, Query{Q: "kampania", Bands: []string{Band10K50K}}); r.Total != 1 || r.Hits[0].EntryID != pln.ID {
		t.Errorf("band filter: %+v", r.Hits)
	}
}
