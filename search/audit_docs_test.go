package search

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"jawnosc/audits"
	"jawnosc/registry"
)

// TestAuditReportsIndexed: audit reports reach the index through the change sequence (kind
// "audit"), are found in Polish without diacritics, follow later changes, and a rebuild
// includes them.
func TestAuditReportsIndexed(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := registry.Open(filepath.Join(dir, "jawnosc.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	sys := registry.SystemActor("test")
	if err := st.CreateCompany(ctx, sys, &registry.Company{Slug: "mpo", Name: "Miejskie Przedsiębiorstwo Oczyszczania sp. z o.o.", ShortName: "MPO"}); err != nil {
		t.Fatal(err)
	}
	au, err := audits.Open(ctx, st, dir)
	if err != nil {
		t.Fatal(err)
	}
	au.Now = func() time.Time { return time.Date(2026, 3, 5, 12, 0, 0, 0, time.UTC) }
	rep, err := au.CreateReport(ctx, sys, audits.ReportInput{
		Company: "mpo", Title: "Gospodarka odpadami wielkogabarytowymi", AuditorKind: "regional_audit_chamber", Kind: "compliance",
		PeriodFrom: "2025-01-01", PeriodTo: "2025-12-31", StartedOn: "2026-01-05", CompletedOn: "2026-02-01", PublishedOn: "2026-02-10",
		Summary:  "Kontrola odbioru odpadów w Nowej Hucie.",
		Findings: []audits.FindingInput{{Title: "Brak ważenia pojazdów", Severity: "medium"}},
		Recommendations: []audits.RecommendationInput{
			{Finding: 1, Text: "Wprowadzić ważenie każdego kursu.", Responsible: "Dyrektor ds. operacyjnych", DueOn: "2026-06-30"},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	ix, _ := mustOpen(t)
	src := StoreSource{Store: st, Audits: au}
	if _, err := NewIndexer(ix, src, t.Logf).CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	res := mustSearch(t, ix, Query{Q: "wazenie odpadow"})
	if len(res.Hits) != 1 || res.Hits[0].URL != "/audyty/1" || res.Hits[0].Kind != audits.KindAudit || res.Hits[0].EntryID != rep.ID {
		t.Fatalf("hits %+v", res.Hits)
	}
	if _, err := au.PostResponse(ctx, sys, rep.ID, audits.ResponseInput{Text: "Spółka kupi wagi."}); err != nil {
		t.Fatal(err)
	}
	if _, err := NewIndexer(ix, src, t.Logf).CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	last, _ := st.LastChangeSeq(ctx)
	if seq, _ := ix.LastSeq(); seq != last {
		t.Fatalf("index seq %d, store %d", seq, last)
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
	if n, _ := ix2.DocCount(); n != 1 {
		t.Fatalf("rebuilt count %d", n)
	}
}
