package search

import (
	"context"
	"path/filepath"
	"testing"
)

func TestApplyDeleteLastSeq(t *testing.T) {
	ix, dir := mustOpen(t)
	ctx := context.Background()
	if seq, err := ix.LastSeq(); err != nil || seq != 0 {
		t.Fatalf("new index seq %d %v", seq, err)
	}
	a, b := contract(1, "Remont torowiska", "Kraków"), contract(2, "Remont zajezdni", "Kraków")
	if err := ix.Apply(ctx, []Doc{a, b}, nil, 5); err != nil {
		t.Fatal(err)
	}
	if res := mustSearch(t, ix, Query{Q: "remont"}); res.Total != 2 {
		t.Fatalf("total %d", res.Total)
	}
	a.Title = "Naprawa torowiska"
	if err := ix.Apply(ctx, []Doc{a}, []string{b.ID}, 9); err != nil {
		t.Fatal(err)
	}
	if res := mustSearch(t, ix, Query{Q: "remont"}); res.Total != 0 {
		t.Errorf("after update and delete: %v", hitIDs(res))
	}
	if res := mustSearch(t, ix, Query{Q: "naprawa"}); res.Total != 1 || res.Hits[0].Title != "Naprawa torowiska" {
		t.Errorf("updated: %+v", res.Hits)
	}
	if n, _ := ix.DocCount(); n != 1 {
		t.Errorf("count %d", n)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	ix2, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix2.Close()
	if seq, _ := ix2.LastSeq(); seq != 9 {
		t.Errorf("reopened seq %d", seq)
	}
	if res := mustSearch(t, ix2, Query{Q: "torowiska"}); res.Total != 1 {
		t.Errorf("reopened: %d", res.Total)
	}
}

func TestRebuild(t *testing.T) {
	src := newMemSource()
	_ = SyntheticDocs(3, 2500, func(d Doc) error { src.put(d); return nil })
	dir := filepath.Join(t.TempDir(), "index")
	// An old index is replaced.
	old, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	_ = old.Apply(context.Background(), []Doc{contract(99999, "Stary wpis", "")}, nil, 1)
	_ = old.Close()

	var calls, last int
	if err := Rebuild(context.Background(), dir, src, func(done, total int) { calls++; last = done }); err != nil {
		t.Fatal(err)
	}
	if calls == 0 || last != 2500 {
		t.Errorf("progress calls %d last %d", calls, last)
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n, _ := ix.DocCount(); n != 2500 {
		t.Errorf("count %d", n)
	}
	if seq, _ := ix.LastSeq(); seq != 2500 {
		t.Errorf("seq %d", seq)
	}
	if res := mustSearch(t, ix, Query{Q: "stary"}); res.Total != 0 {
		t.Error("old entry survived the rebuild")
	}
	if res := mustSearch(t, ix, Query{Q: "odsn", Sort: SortDate}); res.Total == 0 {
		t.Error("prefix after rebuild")
	}
}

func TestIndexerCatchUpAfterCrash(t *testing.T) {
	ctx := context.Background()
	src := newMemSource()
	var docs []Doc
	_ = SyntheticDocs(5, 2600, func(d Doc) error { docs = append(docs, d); src.put(d); return nil })
	src.remove(docs[10]) // seq 2601: withdrawn from the public view
	docs[20].Title = "Zmieniony przedmiot umowy hulajnogi"
	src.put(docs[20]) // seq 2602

	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	// Only the first 1500 changes exist when the server "crashes".
	src.mu.Lock()
	src.upTo = 1500
	src.mu.Unlock()
	n, err := NewIndexer(ix, src, t.Logf).CatchUp(ctx)
	if err != nil || n != 1500 {
		t.Fatalf("first catch-up %d %v", n, err)
	}
	if seq, _ := ix.LastSeq(); seq != 1500 {
		t.Fatalf("seq %d", seq)
	}
	_ = ix.Close()

	src.mu.Lock()
	src.upTo = 0
	src.mu.Unlock()
	ix, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	x := NewIndexer(ix, src, t.Logf)
	n, err = x.CatchUp(ctx)
	if err != nil || n != 1102 {
		t.Fatalf("second catch-up %d %v", n, err)
	}
	if seq, _ := ix.LastSeq(); seq != 2602 {
		t.Errorf("seq %d", seq)
	}
	if c, _ := ix.DocCount(); c != 2599 {
		t.Errorf("count %d", c)
	}
	if res := mustSearch(t, ix, Query{Q: "hulajnogi"}); len(res.Hits) == 0 || res.Hits[0].ID != docs[20].ID {
		t.Errorf("changed entry: %v", hitIDs(res))
	}
	if n, _ := x.CatchUp(ctx); n != 0 {
		t.Errorf("nothing left, applied %d", n)
	}

	// Run applies what Notify announces.
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { x.Run(runCtx, 0); close(done) }()
	src.put(contract(900001, "Nowa umowa na defibrylatory", ""))
	x.Notify()
	for i := 0; i < 200; i++ {
		if seq, _ := ix.LastSeq(); seq == 2603 {
			break
		}
		sleep()
	}
	cancel()
	<-done
	if res := mustSearch(t, ix, Query{Q: "defibrylatory"}); res.Total == 0 {
		t.Error("Run did not apply the new change")
	}
}

func TestLiveRebuild(t *testing.T) {
	ctx := context.Background()
	ix, _ := mustOpen(t)
	if err := ix.Apply(ctx, []Doc{contract(1, "Stary wpis o tramwajach", "")}, nil, 1); err != nil {
		t.Fatal(err)
	}
	src := newMemSource()
	src.put(contract(2, "Nowa dostawa tramwajów", ""))
	src.put(contract(3, "Naprawa torowiska", ""))
	if err := ix.Rebuild(ctx, src, nil); err != nil {
		t.Fatal(err)
	}
	res := mustSearch(t, ix, Query{Q: "tramwaj*"})
	if got := hitIDs(res); len(got) != 1 || got[0] != "contract:2" {
		t.Errorf("after live rebuild: %v", got)
	}
	if seq, _ := ix.LastSeq(); seq != 2 {
		t.Errorf("seq %d", seq)
	}
	src.put(contract(4, "Dostawa tramwajów niskopodłogowych", ""))
	if n, err := NewIndexer(ix, src, t.Logf).CatchUp(ctx); err != nil || n != 1 {
		t.Errorf("catch-up after rebuild: %d %v", n, err)
	}
	if res := mustSearch(t, ix, Query{Q: "tramwajów"}); res.Total != 2 {
		t.Errorf("total %d", res.Total)
	}
}
