package audits_test

import (
	"context"
	"slices"
	"testing"

	"jawnosc/audits"
	"jawnosc/registry"
)

func TestSignalRecruitment(t *testing.T) {
	e := mustOpen(t, warsawNoon(2026, 3, 5))
	ctx := context.Background()
	mpk := e.company(t, "mpk")
	open := registry.RecruitmentData{Body: "management_board", Position: "Prezes Zarządu", LegalBasis: "art. 10a ugk",
		Procedure: registry.ProcedureOpen, AnnouncedOn: "2026-01-02", AnnouncementPlace: "BIP", ApplicationDeadline: "2026-01-23",
		Requirements: "Wykształcenie wyższe.", Outcome: "in_progress"}
	add := func(d registry.RecruitmentData) int64 {
		r, err := e.reg.Recruitments().Create(ctx, system, mpk.ID, d, true)
		if err != nil {
			t.Fatal(err, registry.ErrorFields(err))
		}
		return r.ID
	}
	add(open) // 21 days: no signal
	short := open
	short.ApplicationDeadline = "2026-01-12"
	shortID := add(short)
	direct := registry.RecruitmentData{Body: "supervisory_board", Position: "Członek RN", LegalBasis: "umowa spółki", Procedure: registry.ProcedureWithout,
		Outcome: registry.OutcomeAppointed, Appointee: &registry.Appointee{Name: "Jan Kowalski", Function: "Członek RN", Qualifications: "Egzamin.",
			ResolutionNumber: "ZW/1", ResolutionDate: "2026-02-01", TermStart: "2026-02-01"}}
	directID := add(direct)
	got := e.fired(t, audits.RuleRecruitment)
	if want := [][]int64{{shortID}, {directID}}; !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("recruitment signals %v, want %v", got, want)
	}
	if _, err := e.reg.Recruitments().Withdraw(ctx, system, directID, "Wpis omyłkowy."); err != nil {
		t.Fatal(err)
	}
	if got := e.fired(t, audits.RuleRecruitment); len(got) != 1 || got[0][0] != shortID {
		t.Fatalf("after withdrawal: %v", got)
	}
}

func TestSignalAdConcentration(t *testing.T) {
	e := mustOpen(t, warsawNoon(2026, 9, 5))
	ctx := context.Background()
	mpk := e.company(t, "mpk")
	ad := func(outlet string, zl int64, start registry.Date) int64 {
		a, err := e.reg.Ads().Create(ctx, system, mpk.ID, registry.AdData{Outlet: registry.Outlet{Name: outlet, Kind: "press"}, Campaign: "Kampania",
			ContentKind: "advertisement", PeriodStart: start, PeriodEnd: start, AmountGross: registry.MoneyFromZloty(zl), Procedure: registry.ModeDirectAward}, true)
		if err != nil {
			t.Fatal(err, registry.ErrorFields(err))
		}
		return a.ID
	}
	// First half of 2026: 60% to one outlet (fires); second half: 50% exactly (does not).
	a1 := ad("Gazeta", 400, "2026-01-10")
	a2 := ad("Gazeta", 200, "2026-03-10")
	ad("Radio", 300, "2026-02-10")
	ad("Portal", 100, "2026-05-10")
	ad("Gazeta", 500, "2026-07-10")
	ad("Radio", 300, "2026-08-10")
	ad("Portal", 200, "2026-09-10")
	got := e.fired(t, audits.RuleAdConcentration)
	if want := [][]int64{{a1, a2}}; !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("ad concentration %v, want %v", got, want)
	}
	sigs, _, err := e.st.FindSignals(ctx, audits.SignalFilter{Rule: ref(audits.RuleAdConcentration)})
	if err != nil || len(sigs) != 1 || sigs[0].Reason != "W I półroczu 2026 medium „Gazeta” otrzymało 60,0% wydatków spółki na media (600,00 zł z 1 000,00 zł, 4 zlecenia); sygnał obejmuje udziały powyżej 50%." {
		t.Fatalf("signal: %v %+v", err, sigs)
	}
}

func ref[T any](v T) *T { return &v }
