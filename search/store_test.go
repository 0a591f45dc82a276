package search

import (
	"context"
	"path/filepath"
	"testing"

	"jawnosc/registry"
)

// TestStoreSource indexes contracts of a real SQLite store through the change sequence.
func TestStoreSource(t *testing.T) {
	ctx := context.Background()
	st, co := mustOpenStoreMPK(t)
	sys := registry.SystemActor("test")
	data := registry.ContractData{
		Number: "ZP/1/2024", SignedOn: "2024-03-01", Subject: "Odśnieżanie przystanków w Łodzi",
		Description: "Zimowe utrzymanie przystanków.", Counterparty: registry.Counterparty{Name: "Żółw sp. z o.o.", Country: "PL", Town: "Łódź"},
		ValueNet: 12_000_00, ValueGross: 14_760_00, Currency: "PLN", ProcurementMode: registry.ModeDirectAward,
	}
	published, err := st.CreateContract(ctx, sys, co.ID, data, true)
	if err != nil {
		t.Fatal(err)
	}
	data.Number, data.Subject = "ZP/2/2024", "Szkic umowy"
	if _, err := st.CreateContract(ctx, sys, co.ID, data, false); err != nil {
		t.Fatal(err)
	}

	ix, _ := mustOpen(t)
	src := StoreSource{Store: st}
	if _, err := NewIndexer(ix, src, t.Logf).CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	res := mustSearch(t, ix, Query{Q: "odsniezanie lodz"})
	if len(res.Hits) != 1 || res.Hits[0].EntryID != published.ID || res.Hits[0].URL == "" || res.Hits[0].Company != "mpk" {
		t.Fatalf("hits %+v", res.Hits)
	}
	if res := mustSearch(t, ix, Query{Q: "szkic"}); res.Total != 0 {
		t.Error("a draft is in the index")
	}
	if _, err := st.WithdrawContract(ctx, sys, published.ID, "Błąd w rejestrze"); err != nil {
		t.Fatal(err)
	}
	if _, err := NewIndexer(ix, src, t.Logf).CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	res = mustSearch(t, ix, Query{Q: "zolw"})
	if len(res.Hits) != 1 || res.Hits[0].Status != registry.StatusWithdrawn {
		t.Errorf("withdrawn: %+v", res.Hits)
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
	if n, _ := ix2.DocCount(); n != 1 {
		t.Errorf("rebuilt count %d", n)
	}
	last, _ := st.LastChangeSeq(ctx)
	if seq, _ := ix2.LastSeq(); seq != last {
		t.Errorf("rebuilt seq %d, store %d", seq, last)
	}
}
