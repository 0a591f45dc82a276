package audits_test

import (
	"context"
	"slices"
	"strings"
	"testing"

	"jawnosc/audits"
	"jawnosc/registry"
)

// recruitment returns a valid open competition for the position with the window given.
func recruitment(position string, announced, deadline registry.Date) registry.RecruitmentData {
	return registry.RecruitmentData{Body: "management_board", Position: position, LegalBasis: "art. 10a ustawy o gospodarce komunalnej",
		Procedure: registry.ProcedureOpen, AnnouncedOn: announced, AnnouncementPlace: "BIP spółki", ApplicationDeadline: deadline,
		Requirements: "Wyższe wykształcenie.", SelectionCriteria: "Koncepcja rozwoju spółki.", Commission: "Rada Nadzorcza",
		ApplicantsCount: 4, AdmittedCount: 3, InterviewedCount: 2, Outcome: "cancelled"}
}

func TestSignalRecruitment(t *testing.T) {
	ctx := context.Background()
	e := mustOpen(t, warsawNoon(2026, 3, 5))
	mpk := e.company(t, "mpk")
	regs := e.reg.Recruitments()
	create := func(d registry.RecruitmentData) int64 {
		t.Helper()
		r, err := regs.Create(ctx, system, mpk.ID, d, true)
		if err != nil {
			t.Fatalf("%v %v", err, registry.ErrorFields(err))
		}
		return r.ID
	}
	create(recruitment("Prezes Zarządu", "2026-01-02", "2026-01-16")) // 14 days: no signal
	short := create(recruitment("Wiceprezes Zarządu", "2026-01-02", "2026-01-15"))
	direct := create(registry.RecruitmentData{Body: "supervisory_board", Position: "Członek Rady Nadzorczej", LegalBasis: "§ 12 umowy spółki",
		Procedure: registry.ProcedureWithout, Outcome: registry.OutcomeAppointed,
		Appointee: &registry.Appointee{Name: "Jan Kowalski", Function: "Członek Rady Nadzorczej", Qualifications: "Egzamin dla kandydatów na członków rad nadzorczych.",
			ResolutionNumber: "ZW/1/2026", ResolutionDate: "2026-03-01", TermStart: "2026-03-01", TermEnd: "2029-06-30"}})
	got := e.fired(t, audits.RuleRecruitment)
	if want := [][]int64{{short}, {direct}}; !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("recruitment: %v, want %v", got, want)
	}
	rule := audits.RuleRecruitment
	sigs, _, _ := e.st.FindSignals(ctx, audits.SignalFilter{Rule: &rule})
	reasons := sigs[0].Reason + " | " + sigs[1].Reason
	for _, w := range []string{"dano 13 dni", "bez otwartego postępowania", "/rekrutacje/"} {
		if !strings.Contains(reasons+" "+sigs[0].Entries[0].URL+sigs[1].Entries[0].URL, w) {
			t.Errorf("reasons %q lack %q", reasons, w)
		}
	}
}

func TestSignalAdConcentration(t *testing.T) {
	ctx := context.Background()
	e := mustOpen(t, warsawNoon(2026, 12, 1))
	mpk := e.company(t, "mpk")
	ads := e.reg.Ads()
	create := func(outlet string, start, end registry.Date, zloty int64) int64 {
		t.Helper()
		d := registry.AdData{Outlet: registry.Outlet{Name: outlet, Kind: "press", Publisher: "Wydawnictwo " + outlet},
			Campaign: "Kampania " + string(start), ContentKind: "advertisement", PeriodStart: start, PeriodEnd: end,
			AmountGross: registry.MoneyFromZloty(zloty), Procedure: registry.ModeQuotationBelowThreshold}
		a, err := ads.Create(ctx, system, mpk.ID, d, true)
		if err != nil {
			t.Fatalf("%v %v", err, registry.ErrorFields(err))
		}
		return a.ID
	}
	// First half-year: exactly half each — not more than half.
	create("Gazeta Krakowska", "2026-01-10", "2026-01-31", 500)
	create("Radio Kraków", "2026-06-30", "2026-07-15", 500)
	// Second half-year: one outlet just over half.
	a1 := create("Gazeta Krakowska", "2026-07-01", "2026-07-31", 300)
	a2 := create("Gazeta Krakowska", "2026-09-01", "2026-09-30", 201)
	create("Radio Kraków", "2026-10-01", "2026-10-31", 499)
	got := e.fired(t, audits.RuleAdConcentration)
	if want := [][]int64{{a1, a2}}; !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("ad concentration: %v, want %v", got, want)
	}
	rule := audits.RuleAdConcentration
	sigs, _, _ := e.st.FindSignals(ctx, audits.SignalFilter{Rule: &rule})
	if r := sigs[0].Reason; !strings.Contains(r, "W drugim półroczu 2026 r. medium „Gazeta Krakowska” otrzymało 501,00 zł z 1 000,00 zł") || !strings.Contains(r, "50,1%") {
		t.Fatalf("reason: %s", r)
	}
}
