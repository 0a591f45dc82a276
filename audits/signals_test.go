package audits_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"jawnosc/audits"
	"jawnosc/registry"
)

// nip returns a valid NIP built from a 9-digit prefix (checksum computed).
func nip(tb testing.TB, prefix string) string {
	tb.Helper()
	w := []int{6, 5, 7, 2, 3, 4, 5, 6, 7}
	sum := 0
	for i, r := range prefix {
		sum += int(r-'0') * w[i]
	}
	if sum%11 == 10 {
		tb.Fatalf("prefix %s has no NIP checksum", prefix)
	}
	return fmt.Sprintf("%s%d", prefix, sum%11)
}

// contractAt files and publishes a contract: signed on signed, published at noon (Warsaw)
// on published (the same day when "").
func (e *env) contractAt(tb testing.TB, co *registry.Company, number, nipNo string, signed registry.Date, net registry.Money, mode string, published registry.Date) int64 {
	tb.Helper()
	if published == "" {
		published = signed
	}
	t := published.Time()
	e.set(time.Date(t.Year(), t.Month(), t.Day(), 12, 0, 0, 0, registry.Warsaw()))
	d := registry.ContractData{
		Number: number, SignedOn: signed, Subject: "Usługi sprzątania " + number, Currency: "PLN",
		Counterparty: registry.Counterparty{Name: "Czysto " + nipNo + " sp. z o.o.", NIP: nipNo, Country: "PL", Town: "Kraków"},
		ValueNet:     net, ValueGross: net + net/4, ProcurementMode: mode,
	}
	c, err := e.reg.CreateContract(context.Background(), system, co.ID, d, true)
	if err != nil {
		tb.Fatal(err)
	}
	return c.ID
}

// fired returns the sets of entry ids of the company's signals of the rule, after a catch-up.
func (e *env) fired(tb testing.TB, rule string) [][]int64 {
	tb.Helper()
	ctx := context.Background()
	if _, err := e.st.CatchUp(ctx); err != nil {
		tb.Fatal(err)
	}
	sigs, _, err := e.st.FindSignals(ctx, audits.SignalFilter{Rule: &rule, Limit: 1000})
	if err != nil {
		tb.Fatal(err)
	}
	var out [][]int64
	for _, s := range sigs {
		var ids []int64
		for _, en := range s.Entries {
			ids = append(ids, en.EntryID)
		}
		slices.Sort(ids)
		out = append(out, ids)
	}
	slices.SortFunc(out, func(a, b []int64) int { return slices.Compare(a, b) })
	return out
}

func zl(z int64, gr int64) registry.Money { return registry.Money(z*100 + gr) }

func TestSignalOrderSplitting(t *testing.T) {
	e := mustOpen(t, warsawNoon(2026, 3, 5))
	mpk := e.company(t, "mpk")
	qt := registry.ModeQuotationBelowThreshold
	// Within 12 months (the day before the anniversary), each below, together 1 grosz above.
	a1 := e.contractAt(t, mpk, "A/1", nip(t, "676246734"), "2025-01-15", zl(70000, 0), qt, "")
	a2 := e.contractAt(t, mpk, "A/2", nip(t, "676246734"), "2026-01-14", zl(60000, 1), qt, "")
	// On the anniversary: not within 12 months.
	e.contractAt(t, mpk, "B/1", nip(t, "526025099"), "2025-01-15", zl(70000, 0), qt, "")
	e.contractAt(t, mpk, "B/2", nip(t, "526025099"), "2026-01-15", zl(60000, 1), qt, "")
	// Together exactly the threshold: not above it.
	e.contractAt(t, mpk, "C/1", nip(t, "677000123"), "2025-03-01", zl(70000, 0), qt, "")
	e.contractAt(t, mpk, "C/2", nip(t, "677000123"), "2025-04-01", zl(60000, 0), qt, "")
	// One of them at the threshold (not below): the other alone is not a split.
	e.contractAt(t, mpk, "D/1", nip(t, "679310412"), "2025-03-01", zl(130000, 0), registry.ModeOpenTender, "")
	e.contractAt(t, mpk, "D/2", nip(t, "679310412"), "2025-04-01", zl(10000, 0), qt, "")
	got := e.fired(t, audits.RuleSplitting)
	if want := [][]int64{{a1, a2}}; !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("splitting: %v, want %v", got, want)
	}
	sigs, _, _ := e.st.FindSignals(context.Background(), audits.SignalFilter{EntryID: &a2})
	var reason string
	for _, s := range sigs {
		if s.Rule == audits.RuleSplitting {
			reason = s.Reason
		}
	}
	for _, w := range []string{"2 umowy", "130 000,00 zł", "130 000,01 zł", "15.01.2025", "14.01.2026", "Możliwy podział zamówienia"} {
		if !strings.Contains(reason, w) {
			t.Errorf("reason %q lacks %q", reason, w)
		}
	}
	// Windows do not overlap: a third contract after the first window starts a new one,
	// which fires once it holds enough.
	a3 := e.contractAt(t, mpk, "A/3", nip(t, "676246734"), "2026-06-01", zl(80000, 0), qt, "")
	if got = e.fired(t, audits.RuleSplitting); !slices.EqualFunc(got, [][]int64{{a1, a2}}, slices.Equal) {
		t.Fatalf("after a third: %v", got)
	}
	a4 := e.contractAt(t, mpk, "A/4", nip(t, "676246734"), "2027-05-31", zl(50000, 1), qt, "")
	if got = e.fired(t, audits.RuleSplitting); !slices.EqualFunc(got, [][]int64{{a1, a2}, {a3, a4}}, slices.Equal) {
		t.Fatalf("after a fourth: %v", got)
	}
	// Withdrawing an entry is a change: the signals that rested on it go (and the windows
	// are laid out again: A/2 starts the first one now).
	if _, err := e.reg.WithdrawContract(context.Background(), system, a1, "Umowa wpisana omyłkowo."); err != nil {
		t.Fatal(err)
	}
	if got := e.fired(t, audits.RuleSplitting); !slices.EqualFunc(got, [][]int64{{a2, a3}}, slices.Equal) {
		t.Fatalf("after withdrawal: %v", got)
	}
}

func TestSignalJustBelowThresholdAndThresholdByDate(t *testing.T) {
	ctx := context.Background()
	e := mustOpen(t, warsawNoon(2026, 3, 5))
	mpk := e.company(t, "mpk")
	mode := registry.ModeQuotationBelowThreshold
	n := nip(t, "676246734")
	atEdge := e.contractAt(t, mpk, "E/1", n, "2026-02-02", zl(115700, 0), mode, "")         // exactly 11% below: fires
	e.contractAt(t, mpk, "E/2", n, "2026-02-02", zl(115699, 99), mode, "")                  // further: no
	top := e.contractAt(t, mpk, "E/3", n, "2026-02-03", zl(129999, 99), mode, "")           // 1 grosz below: fires
	e.contractAt(t, mpk, "E/4", nip(t, "526025099"), "2026-02-04", zl(130000, 0), mode, "") // at the threshold: no
	got := e.fired(t, audits.RuleBelowThreshold)
	if want := [][]int64{{atEdge}, {top}}; !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("just below: %v, want %v", got, want)
	}
	// A higher threshold from 2027: contracts are judged by the one in force on their signing date.
	if err := e.st.SetThreshold(ctx, registry.Actor{Role: registry.RoleOfficer, Login: "x"}, audits.Threshold{From: "2027-01-01", Net: zl(170000, 0)}); registry.ErrorCode(err) != registry.EFORBIDDEN {
		t.Fatalf("officer sets threshold: %v", err)
	}
	if err := e.st.SetThreshold(ctx, system, audits.Threshold{From: "2027-01-01", Net: zl(170000, 0)}); err != nil {
		t.Fatal(err)
	}
	e.set(warsawNoon(2027, 1, 5))
	old := e.contractAt(t, mpk, "F/1", nip(t, "677000123"), "2026-12-31", zl(129999, 99), mode, "2027-01-05")
	f2 := e.contractAt(t, mpk, "F/2", nip(t, "679310412"), "2027-01-01", zl(129999, 99), mode, "2027-01-05")
	newer := e.contractAt(t, mpk, "F/3", nip(t, "679310412"), "2027-01-02", zl(160000, 0), mode, "2027-01-05")
	got = e.fired(t, audits.RuleBelowThreshold)
	if want := [][]int64{{atEdge}, {top}, {old}, {newer}}; !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("by date: %v, want %v", got, want)
	}
	// Splitting is judged by the new threshold too: 129 999,99 + 160 000 is above 170 000.
	// (E/1–E/3, one counterparty, are a split under the old threshold.)
	if got := e.fired(t, audits.RuleSplitting); !slices.ContainsFunc(got, func(ids []int64) bool { return slices.Equal(ids, []int64{f2, newer}) }) {
		t.Fatalf("splitting under the new threshold: %v", got)
	}
}

func TestSignalLatePublication(t *testing.T) {
	e := mustOpen(t, warsawNoon(2026, 3, 5))
	mpk := e.company(t, "mpk")
	n := nip(t, "676246734")
	e.contractAt(t, mpk, "L/1", n, "2026-03-02", zl(1000, 0), registry.ModeOpenTender, "2026-03-09") // 7 days: no
	late := e.contractAt(t, mpk, "L/2", n, "2026-03-02", zl(1000, 0), registry.ModeOpenTender, "2026-03-10")
	got := e.fired(t, audits.RuleLatePublication)
	if want := [][]int64{{late}}; !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("late: %v, want %v", got, want)
	}
}

func TestSignalAmendmentRaise(t *testing.T) {
	ctx := context.Background()
	e := mustOpen(t, warsawNoon(2026, 3, 5))
	mpk := e.company(t, "mpk")
	n := nip(t, "676246734")
	amend := func(id int64, net registry.Money, change string) {
		t.Helper()
		c, err := e.reg.FindContractByID(ctx, system, id)
		if err != nil {
			t.Fatal(err)
		}
		d := c.ContractData
		d.ValueNet, d.ValueGross = net, net+net/4
		if change == registry.ChangeAmendment {
			_, err = e.reg.AmendContract(ctx, system, id, d, "2026-05-01", "Aneks nr 1: dodatkowy zakres.")
		} else {
			_, err = e.reg.CorrectContract(ctx, system, id, d, "Błędnie wpisana wartość.")
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	exact := e.contractAt(t, mpk, "M/1", n, "2026-03-02", zl(100000, 0), registry.ModeOpenTender, "")
	amend(exact, zl(150000, 0), registry.ChangeAmendment) // +50%: no
	over := e.contractAt(t, mpk, "M/2", n, "2026-03-02", zl(100000, 0), registry.ModeOpenTender, "")
	amend(over, zl(120000, 0), registry.ChangeAmendment)
	amend(over, zl(150000, 1), registry.ChangeAmendment) // two annexes, together just over +50%
	corrected := e.contractAt(t, mpk, "M/3", n, "2026-03-02", zl(100000, 0), registry.ModeOpenTender, "")
	amend(corrected, zl(120000, 0), registry.ChangeCorrection) // the register was wrong: base 120 000
	amend(corrected, zl(180000, 0), registry.ChangeAmendment)  // +50% of the corrected value: no
	raisedByCorrection := e.contractAt(t, mpk, "M/4", n, "2026-03-02", zl(100000, 0), registry.ModeOpenTender, "")
	amend(raisedByCorrection, zl(200000, 0), registry.ChangeCorrection) // no annex at all: no
	got := e.fired(t, audits.RuleAmendmentRaise)
	if want := [][]int64{{over}}; !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("amendments: %v, want %v", got, want)
	}
	sigs, _, _ := e.st.FindSignals(ctx, audits.SignalFilter{EntryID: &over})
	if len(sigs) != 1 || !strings.Contains(sigs[0].Reason, "z 100 000,00 zł do 150 000,01 zł") || !strings.Contains(sigs[0].Reason, "50,0%") {
		t.Fatalf("reason: %+v", sigs)
	}
}

func TestSignalRepeatedDirectAwards(t *testing.T) {
	e := mustOpen(t, warsawNoon(2026, 3, 5))
	mpk := e.company(t, "mpk")
	mpo := e.company(t, "mpo")
	da := registry.ModeDirectAward
	a, b, c := nip(t, "676246734"), nip(t, "526025099"), nip(t, "677000123")
	x1 := e.contractAt(t, mpk, "W/1", a, "2025-02-01", zl(5000, 0), da, "")
	x2 := e.contractAt(t, mpk, "W/2", a, "2025-06-01", zl(5000, 0), da, "")
	x3 := e.contractAt(t, mpk, "W/3", a, "2026-01-31", zl(5000, 0), da, "")
	// Three, but the third on the first one's anniversary.
	e.contractAt(t, mpk, "W/4", b, "2025-02-01", zl(5000, 0), da, "")
	e.contractAt(t, mpk, "W/5", b, "2025-06-01", zl(5000, 0), da, "")
	e.contractAt(t, mpk, "W/6", b, "2026-02-01", zl(5000, 0), da, "")
	// Two direct awards and an open tender.
	e.contractAt(t, mpk, "W/7", c, "2025-02-01", zl(5000, 0), da, "")
	e.contractAt(t, mpk, "W/8", c, "2025-03-01", zl(5000, 0), da, "")
	e.contractAt(t, mpk, "W/9", c, "2025-04-01", zl(5000, 0), registry.ModeOpenTender, "")
	// Another company's award does not count for this one.
	e.contractAt(t, mpo, "W/10", b, "2025-07-01", zl(5000, 0), da, "")
	got := e.fired(t, audits.RuleDirectAwards)
	if want := [][]int64{{x1, x2, x3}}; !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("direct awards: %v, want %v", got, want)
	}
	// The signal is kept (same id) when recomputed without change.
	rule := audits.RuleDirectAwards
	before, _, _ := e.st.FindSignals(context.Background(), audits.SignalFilter{Rule: &rule})
	if err := e.st.RecomputeCompany(context.Background(), mpk.ID); err != nil {
		t.Fatal(err)
	}
	after, _, _ := e.st.FindSignals(context.Background(), audits.SignalFilter{Rule: &rule})
	if len(before) != 1 || len(after) != 1 || before[0].ID != after[0].ID || !before[0].FirstSeen.Equal(after[0].FirstSeen) {
		t.Fatalf("recomputed signal changed identity: %+v → %+v", before, after)
	}
}

func TestSignalsFollowChangeSequence(t *testing.T) {
	ctx := context.Background()
	e := mustOpen(t, warsawNoon(2026, 3, 5))
	mpk := e.company(t, "mpk")
	if n, err := e.st.CatchUp(ctx); err != nil || n != 1 {
		t.Fatalf("first catch-up judges every company: %d %v", n, err)
	}
	if n, err := e.st.CatchUp(ctx); err != nil || n != 0 {
		t.Fatalf("nothing changed: %d %v", n, err)
	}
	id := e.contractAt(t, mpk, "S/1", nip(t, "676246734"), "2026-02-02", zl(120000, 0), registry.ModeQuotationBelowThreshold, "")
	// Not computed at read time: only after the catch-up.
	if sigs, _, _ := e.st.FindSignals(ctx, audits.SignalFilter{EntryID: &id}); len(sigs) != 0 {
		t.Fatalf("signals before catch-up: %v", sigs)
	}
	if n, err := e.st.CatchUp(ctx); err != nil || n != 1 {
		t.Fatalf("catch-up after a change: %d %v", n, err)
	}
	seq, _ := e.st.SignalsSeq(ctx)
	head, _ := e.reg.LastChangeSeq(ctx)
	if seq != head {
		t.Fatalf("seq %d head %d", seq, head)
	}
	if sigs, _, _ := e.st.FindSignals(ctx, audits.SignalFilter{EntryID: &id}); len(sigs) != 1 || sigs[0].Entries[0].URL != fmt.Sprintf("/umowy/%d", id) {
		t.Fatalf("signals after catch-up: %+v", sigs)
	}
	bad := "nie-ma"
	if _, _, err := e.st.FindSignals(ctx, audits.SignalFilter{Rule: &bad}); registry.ErrorFields(err)["rule"] == "" {
		t.Fatalf("unknown rule: %v", err)
	}
	counts, err := e.st.SignalCounts(ctx)
	if err != nil || counts[mpk.ID][audits.RuleBelowThreshold] != 1 {
		t.Fatalf("counts: %v %v", counts, err)
	}
}
