package demo_test

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"

	"jawnosc/appeals"
	"jawnosc/demo"
	"jawnosc/registry"
)

func TestRegistersDeterministicAndValid(t *testing.T) {
	a, b := demo.Registers(demo.DefaultSeed, demo.Companies()), demo.Registers(demo.DefaultSeed, demo.Companies())
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same seed, different registers")
	}
	if reflect.DeepEqual(a, demo.Registers(demo.DefaultSeed+1, demo.Companies())) {
		t.Fatal("different seeds gave the same registers")
	}
	without := 0
	for slug, set := range a {
		if len(set.Expenses) == 0 || len(set.Ads) == 0 || len(set.Recruitments) == 0 {
			t.Errorf("%s: %d expenses, %d ads, %d recruitments", slug, len(set.Expenses), len(set.Ads), len(set.Recruitments))
		}
		for _, d := range set.Expenses {
			if d.Normalize(); d.Validate() != nil {
				t.Fatalf("%s expense %+v: %v", slug, d, registry.ErrorFields(d.Validate()))
			}
		}
		for _, d := range set.Ads {
			if d.Normalize(); d.Validate() != nil {
				t.Fatalf("%s ad %+v: %v", slug, d, registry.ErrorFields(d.Validate()))
			}
		}
		posts := map[string]string{} // appointee → the post they hold in this company
		for _, d := range set.Recruitments {
			if d.Appointee != nil {
				post := d.Body + ": " + d.Position
				if other, ok := posts[d.Appointee.Name]; ok {
					t.Errorf("%s: %s holds two posts (%s; %s)", slug, d.Appointee.Name, other, post)
				}
				posts[d.Appointee.Name] = post
			}
			if d.Normalize(); d.Validate() != nil {
				t.Fatalf("%s recruitment %+v: %v", slug, d, registry.ErrorFields(d.Validate()))
			}
			if d.WithoutOpenProcedure() {
				without++
			}
		}
	}
	if without == 0 {
		t.Error("no appointment without an open procedure in the demo data")
	}
}

func TestLoadRegisters(t *testing.T) {
	ctx := context.Background()
	s, err := registry.Open(filepath.Join(t.TempDir(), "jawnosc.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := demo.Load(ctx, s, 100, nil); err != nil {
		t.Fatal(err)
	}
	sets := demo.Registers(demo.DefaultSeed, demo.Companies())
	var ne, na int
	for _, set := range sets {
		ne, na = ne+len(set.Expenses), na+len(set.Ads)
	}
	if n, _ := s.Expenses().CountPublic(ctx); n != ne {
		t.Errorf("%d expenses, want %d", n, ne)
	}
	if n, _ := s.Ads().CountPublic(ctx); n != na {
		t.Errorf("%d ads, want %d", n, na)
	}
	mpk, _ := s.FindCompanyBySlug(ctx, "mpk")
	today := registry.Date("2026-12-01")
	serving, n, err := s.FindRecruitments(ctx, registry.RecruitmentFilter{EntryFilter: registry.EntryFilter{CompanyID: &mpk.ID}, ServingOn: &today})
	if err != nil || n < 2 || serving[0].Data.Appointee == nil {
		t.Fatalf("current boards of MPK: %v %d", err, n)
	}
	if _, nw, _ := s.FindExpenses(ctx, registry.ExpenseFilter{EntryFilter: registry.EntryFilter{Status: []string{registry.StatusWithdrawn}}}); nw != 1 {
		t.Errorf("%d withdrawn expenses, want 1", nw)
	}
	conc, err := s.AdConcentration(ctx, registry.AdFilter{})
	if err != nil || len(conc) != len(demo.Companies()) || conc[0].HHI <= conc[len(conc)-1].HHI {
		t.Fatalf("concentration: %v %+v", err, conc)
	}
	requests, err := appeals.Open(ctx, s) // the demo's requests' events are in the ledger too
	if err != nil {
		t.Fatal(err)
	}
	if rep, err := s.VerifyLedger(ctx, nil, requests.LedgerCheckers()...); err != nil || rep.BrokenAt != 0 {
		t.Fatalf("ledger: %v %+v", err, rep)
	}
}
