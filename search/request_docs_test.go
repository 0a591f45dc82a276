package search

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jawnosc/appeals"
	"jawnosc/registry"
)

// TestRequestsIndexed: information requests reach the index through the change sequence in
// their public form only — found by their texts and the company's answers, never by the
// requester's name or e-mail, and not by a text the requester kept private.
func TestRequestsIndexed(t *testing.T) {
	ctx := context.Background()
	st, _ := mustOpenStoreMPK(t)
	sys := registry.SystemActor("test")
	svc, err := appeals.Open(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 2, 11, 0, 0, 0, time.UTC)
	svc.Now = func() time.Time { return now }
	open, _, err := svc.Submit(ctx, registry.PublicActor, appeals.Submission{Company: "mpk", Subject: "Umowa na kampanię reklamową",
		Text: "Proszę o umowę z agencją reklamową Wawel. Grażyna Żółkiewska", Name: "Grażyna Żółkiewska", Email: "grazyna@example.pl", PublicText: true})
	if err != nil {
		t.Fatal(err)
	}
	hidden, _, err := svc.Submit(ctx, registry.PublicActor, appeals.Submission{Company: "mpk", Subject: "Koszty zajezdni",
		Text: "Tajemniczy tekst o tramwajach Krakowiak.", PublicText: false})
	if err != nil {
		t.Fatal(err)
	}
	ix, _ := mustOpen(t)
	src := StoreSource{Store: st, Appeals: svc}
	if _, err := NewIndexer(ix, src, t.Logf).CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	res := mustSearch(t, ix, Query{Q: "agencja reklamowa"})
	if len(res.Hits) != 1 || res.Hits[0].URL != "/wnioski/1" || res.Hits[0].Kind != appeals.KindRequest || res.Hits[0].EntryID != open.ID {
		t.Fatalf("hits %+v", res.Hits)
	}
	for _, q := range []string{"Żółkiewska", "zolkiewska", "grazyna", "example.pl", "Krakowiak"} {
		if res := mustSearch(t, ix, Query{Q: q}); len(res.Hits) != 0 {
			t.Errorf("%q finds %+v", q, res.Hits)
		}
	}
	if res := mustSearch(t, ix, Query{Q: "zajezdni"}); len(res.Hits) != 1 || res.Hits[0].EntryID != hidden.ID {
		t.Errorf("the subject of a private-text request is not found: %+v", res.Hits)
	}
	// A later answer reaches the index.
	now = now.Add(72 * time.Hour)
	if _, err := svc.Refuse(ctx, sys, open.ID, appeals.EventData{Text: "Kalkulacja stanowi tajemnicę przedsiębiorstwa; odpowiadamy Pani Żółkiewskiej.", Ground: "trade_secret",
		Holder: "Agencja Wawel sp. z o.o.", Officials: []appeals.Official{{Name: "Jan Nowak", Function: "Prezes"}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := NewIndexer(ix, src, t.Logf).CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if res := mustSearch(t, ix, Query{Q: "kalkulacja tajemnica"}); len(res.Hits) != 1 || res.Hits[0].EntryID != open.ID {
		t.Fatalf("the refusal is not indexed: %+v", res.Hits)
	}
	if res := mustSearch(t, ix, Query{Q: "zolkiewskiej"}); len(res.Hits) != 0 {
		t.Errorf("an inflected name in the answer is indexed: %+v", res.Hits)
	}
	for _, h := range mustSearch(t, ix, Query{Q: "umowa"}).Hits {
		if strings.Contains(strings.ToLower(h.Snippet+h.Title), "żółk") {
			t.Errorf("a snippet shows the requester: %+v", h)
		}
	}
	n, err := src.CountDocs(ctx)
	if err != nil || n != 2 {
		t.Fatalf("CountDocs = %d, %v", n, err)
	}
	rebuilt := filepath.Join(t.TempDir(), "rebuilt")
	if err := Rebuild(ctx, rebuilt, src, nil); err != nil {
		t.Fatal(err)
	}
	ix2, err := Open(rebuilt)
	if err != nil {
		t.Fatal(err)
	}
	defer ix2.Close()
	if n, _ := ix2.DocCount(); n != 2 {
		t.Fatalf("rebuilt count %d", n)
	}
}
