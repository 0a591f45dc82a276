package registry_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"jawnosc/registry"
)

// SampleExpense returns valid expense content.
func SampleExpense(purpose string) registry.ExpenseData {
	return registry.ExpenseData{SpentOn: "2026-02-10", Category: "sponsorship", Recipient: registry.Recipient{Name: "Klub Sportowy Wisła", NIP: "5260250995"},
		AmountGross: registry.MoneyFromZloty(25_000), Purpose: purpose}
}

// SampleAd returns valid ad content.
func SampleAd(outlet string, amount registry.Money) registry.AdData {
	return registry.AdData{Outlet: registry.Outlet{Name: outlet, Kind: "press", Publisher: "Wydawnictwo Test sp. z o.o."},
		Campaign: "Kampania o komunikacji nocnej", ContentKind: "advertisement", PeriodStart: "2026-01-05", PeriodEnd: "2026-02-28",
		AmountGross: amount, Procedure: registry.ModeQuotationBelowThreshold}
}

// SampleRecruitment returns a valid open competition that ended with an appointment.
func SampleRecruitment() registry.RecruitmentData {
	return registry.RecruitmentData{Body: "management_board", Position: "Prezes Zarządu", LegalBasis: "art. 10a ustawy o gospodarce komunalnej",
		Procedure: registry.ProcedureOpen, AnnouncedOn: "2026-01-02", AnnouncementPlace: "BIP spółki", ApplicationDeadline: "2026-01-23",
		Requirements: "Wyższe wykształcenie, 5 lat na stanowisku kierowniczym.", SelectionCriteria: "Koncepcja rozwoju spółki.",
		Commission: "Rada Nadzorcza w pełnym składzie", ApplicantsCount: 7, AdmittedCount: 5, InterviewedCount: 3,
		Outcome: registry.OutcomeAppointed, Eligibility: []string{"no_court_ban", "no_party_office"},
		Appointee: &registry.Appointee{Name: "Anna Nowak", Function: "Prezes Zarządu", Qualifications: "Menedżerka transportu publicznego.",
			ResolutionNumber: "RN/3/2026", ResolutionDate: "2026-02-05", TermStart: "2026-02-06"},
		Remuneration: registry.Remuneration{FixedMonthly: registry.MoneyFromZloty(18_000), VariableCapPercent: 50}}
}

func officerOf(co *registry.Company) registry.Actor {
	return registry.Actor{UserID: 9, Login: "ewa", Role: registry.RoleOfficer, Companies: []int64{co.ID}}
}

func TestExpenseLifecycle(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	co := MustCreateCompany(t, s, "mpk")
	other := MustCreateCompany(t, s, "mpo")
	off := officerOf(co)
	reg := s.Expenses()

	if _, err := reg.Create(ctx, registry.PublicActor, co.ID, SampleExpense("x"), false); registry.ErrorCode(err) != registry.EUNAUTHORIZED {
		t.Fatalf("public files an expense: %v", err)
	}
	if _, err := reg.Create(ctx, officerOf(other), co.ID, SampleExpense("x"), false); registry.ErrorCode(err) != registry.EFORBIDDEN {
		t.Fatalf("officer of another company: %v", err)
	}
	e, err := reg.Create(ctx, off, co.ID, SampleExpense("  Sponsoring  turnieju  "), false)
	if err != nil {
		t.Fatal(err)
	}
	if e.Status != registry.StatusDraft || e.Data.Purpose != "Sponsoring  turnieju" || e.Data.Currency != "PLN" {
		t.Fatalf("draft: %+v", e)
	}
	if _, err := reg.FindByID(ctx, registry.PublicActor, e.ID); registry.ErrorCode(err) != registry.ENOTFOUND {
		t.Fatalf("public sees a draft: %v", err)
	}
	if list, n, _ := s.FindExpenses(ctx, registry.ExpenseFilter{}); n != 0 || len(list) != 0 {
		t.Fatalf("draft listed publicly: %d", n)
	}
	if _, err := reg.Publish(ctx, officerOf(other), e.ID); registry.ErrorCode(err) != registry.EFORBIDDEN {
		t.Fatalf("other officer publishes: %v", err)
	}
	if e, err = reg.Publish(ctx, off, e.ID); err != nil || e.Status != registry.StatusPublished {
		t.Fatalf("publish: %v %+v", err, e)
	}
	if seq, _ := s.LastChangeSeq(ctx); seq != 1 {
		t.Fatalf("change sequence after publication: %d", seq)
	}
	d := e.Data
	d.AmountGross = registry.MoneyFromZloty(27_500)
	if _, err := reg.Correct(ctx, off, e.ID, d, ""); registry.ErrorFields(err)["reason"] == "" {
		t.Fatalf("correction without reason: %v", err)
	}
	if _, err := reg.Correct(ctx, off, e.ID, e.Data, "bez zmian"); registry.ErrorCode(err) != registry.EINVALID {
		t.Fatalf("correction that changes nothing: %v", err)
	}
	if e, err = reg.Correct(ctx, off, e.ID, d, "Pomyłka w kwocie faktury."); err != nil || e.Version != 2 {
		t.Fatalf("correct: %v", err)
	}
	if e, err = reg.Withdraw(ctx, off, e.ID, "Wpis zdublowany."); err != nil || e.Status != registry.StatusWithdrawn {
		t.Fatalf("withdraw: %v", err)
	}
	if _, err := reg.Correct(ctx, off, e.ID, SampleExpense("inny"), "po wycofaniu"); registry.ErrorCode(err) != registry.ECONFLICT {
		t.Fatalf("change after withdrawal: %v", err)
	}
	hist, err := reg.History(ctx, e.ID)
	if err != nil || len(hist) != 3 {
		t.Fatalf("history: %v %d", err, len(hist))
	}
	if ch := hist[1].Changes; len(ch) != 1 || ch[0].Field != "amount_gross" || ch[0].Old != "25 000,00 zł" || ch[0].New != "27 500,00 zł" {
		t.Fatalf("correction diff: %+v", ch)
	}
	if hist[2].ChangeKind != registry.ChangeWithdrawal || hist[2].Reason != "Wpis zdublowany." || hist[2].Hash == "" {
		t.Fatalf("withdrawal version: %+v", hist[2].Version)
	}
	list, n, err := s.FindExpenses(ctx, registry.ExpenseFilter{Category: ptr("sponsorship")})
	if err != nil || n != 1 || list[0].Status != registry.StatusWithdrawn {
		t.Fatalf("withdrawn stays listed: %v %d", err, n)
	}
	rep, err := s.VerifyLedger(ctx, nil)
	if err != nil || rep.BrokenAt != 0 || rep.Links != 3 {
		t.Fatalf("ledger: %v %+v", err, rep)
	}
	b, _ := json.Marshal(e)
	for _, want := range []string{`"id":`, `"status":"withdrawn"`, `"amount_gross":2750000`, `"spent_on":"2026-02-10"`, `"recipient":{"name":"Klub Sportowy Wisła","nip":"5260250995"}`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON lacks %s: %s", want, b)
		}
	}
}

func ptr[T any](v T) *T { return &v }

func TestExpenseContractLink(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	co := MustCreateCompany(t, s, "mpk")
	other := MustCreateCompany(t, s, "mpo")
	c, err := s.CreateContract(ctx, system, co.ID, SampleContract("Obsługa prawna"), true)
	if err != nil {
		t.Fatal(err)
	}
	foreign, err := s.CreateContract(ctx, system, other.ID, SampleContract("Cudza umowa"), true)
	if err != nil {
		t.Fatal(err)
	}
	d := SampleExpense("Porada prawna")
	d.Category, d.ContractID = "legal", foreign.ID
	if _, err := s.Expenses().Create(ctx, system, co.ID, d, true); registry.ErrorFields(err)["contract_id"] == "" {
		t.Fatalf("link to another company's contract: %v", err)
	}
	if n, _ := s.Expenses().CountPublic(ctx); n != 0 {
		t.Fatalf("a refused expense was stored: %d", n)
	}
	d.ContractID = c.ID
	e, err := s.Expenses().Create(ctx, system, co.ID, d, true)
	if err != nil || e.Data.ContractID != c.ID {
		t.Fatalf("link: %v", err)
	}
}

func TestExpenseValidation(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  func(*registry.ExpenseData)
		field string
	}{
		{"no date", func(d *registry.ExpenseData) { d.SpentOn = "" }, "spent_on"},
		{"bad date", func(d *registry.ExpenseData) { d.SpentOn = "2026-02-30" }, "spent_on"},
		{"unknown category", func(d *registry.ExpenseData) { d.Category = "bribe" }, "category"},
		{"no recipient", func(d *registry.ExpenseData) { d.Recipient.Name = " " }, "recipient.name"},
		{"long recipient", func(d *registry.ExpenseData) { d.Recipient.Name = strings.Repeat("a", 301) }, "recipient.name"},
		{"bad NIP", func(d *registry.ExpenseData) { d.Recipient.NIP = "1234567890" }, "recipient.nip"},
		{"zero amount", func(d *registry.ExpenseData) { d.AmountGross = 0 }, "amount_gross"},
		{"negative amount", func(d *registry.ExpenseData) { d.AmountGross = -5 }, "amount_gross"},
		{"bad currency", func(d *registry.ExpenseData) { d.Currency = "ZLT" }, "currency"},
		{"no purpose", func(d *registry.ExpenseData) { d.Purpose = "" }, "purpose"},
		{"control character", func(d *registry.ExpenseData) { d.Purpose = "a\x07b" }, "purpose"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := SampleExpense("Cel")
			tc.edit(&d)
			d.Normalize()
			f := registry.ErrorFields(d.Validate())
			if f[tc.field] == "" || len(f) != 1 {
				t.Fatalf("want one message on %s, got %v", tc.field, f)
			}
		})
	}
}

func TestAdValidationAndQuarters(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  func(*registry.AdData)
		field string
	}{
		{"no outlet", func(d *registry.AdData) { d.Outlet.Name = "" }, "outlet.name"},
		{"unknown outlet kind", func(d *registry.AdData) { d.Outlet.Kind = "gazeta" }, "outlet.kind"},
		{"bad publisher NIP", func(d *registry.AdData) { d.Outlet.NIP = "111" }, "outlet.nip"},
		{"no campaign", func(d *registry.AdData) { d.Campaign = "" }, "campaign"},
		{"unknown content kind", func(d *registry.AdData) { d.ContentKind = "spam" }, "content_kind"},
		{"period reversed", func(d *registry.AdData) { d.PeriodEnd = "2025-12-31" }, "period_end"},
		{"period too long", func(d *registry.AdData) { d.PeriodEnd = "2032-01-01" }, "period_end"},
		{"no start", func(d *registry.AdData) { d.PeriodStart = "" }, "period_start"},
		{"zero amount", func(d *registry.AdData) { d.AmountGross = 0 }, "amount_gross"},
		{"unknown procedure", func(d *registry.AdData) { d.Procedure = "przetarg" }, "procedure"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := SampleAd("Gazeta Krakowska", 100)
			tc.edit(&d)
			d.Normalize()
			f := registry.ErrorFields(d.Validate())
			if f[tc.field] == "" || len(f) != 1 {
				t.Fatalf("want one message on %s, got %v", tc.field, f)
			}
		})
	}
	for in, want := range map[string][2]registry.Date{
		"20123": {"2012-07-01", "2012-09-30"}, "2025-Q4": {"2025-10-01", "2025-12-31"}, "2024Q1": {"2024-01-01", "2024-03-31"},
		"II 2023": {"2023-04-01", "2023-06-30"}, "2023/2": {"2023-04-01", "2023-06-30"},
	} {
		a, b, err := registry.QuarterRange(in)
		if err != nil || a != want[0] || b != want[1] {
			t.Errorf("QuarterRange(%q) = %s %s %v", in, a, b, err)
		}
	}
	for _, bad := range []string{"", "20125", "2012-Q0", "kwartał", "1899Q1"} {
		if _, _, err := registry.QuarterRange(bad); registry.ErrorCode(err) != registry.EINVALID {
			t.Errorf("QuarterRange(%q) accepted", bad)
		}
	}
	if got := registry.QuarterLabel(registry.QuarterOf("2012-08-15")); got != "III kw. 2012" {
		t.Errorf("quarter label %q", got)
	}
}

func TestAdSumsAndConcentration(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	co := MustCreateCompany(t, s, "mpk")
	reg := s.Ads()
	mk := func(outlet string, zl int64, start, end registry.Date) *registry.Ad {
		d := SampleAd(outlet, registry.MoneyFromZloty(zl))
		d.PeriodStart, d.PeriodEnd = start, end
		a, err := reg.Create(ctx, system, co.ID, d, true)
		if err != nil {
			t.Fatal(err)
		}
		return a
	}
	mk("Gazeta Krakowska", 600, "2026-01-05", "2026-01-31")
	mk("Gazeta Krakowska", 100, "2026-04-01", "2026-04-30")
	mk("Radio Kraków", 200, "2026-01-10", "2026-01-20")
	mk("Łowcy Wieści", 100, "2026-02-01", "2026-02-10")
	w := mk("Portal Wycofany", 5000, "2026-02-01", "2026-02-10")
	if _, err := reg.Withdraw(ctx, system, w.ID, "Zlecenie anulowane."); err != nil {
		t.Fatal(err)
	}
	// A draft never counts.
	if _, err := reg.Create(ctx, system, co.ID, SampleAd("Szkic", registry.MoneyFromZloty(9999)), false); err != nil {
		t.Fatal(err)
	}
	sums, err := s.AdSums(ctx, registry.AdFilter{}, registry.ByOutlet)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range sums {
		got = append(got, a.Key+"="+a.Amount.String())
	}
	if strings.Join(got, "; ") != "Gazeta Krakowska=700,00 zł; Radio Kraków=200,00 zł; Łowcy Wieści=100,00 zł" {
		t.Fatalf("per outlet: %v", got)
	}
	oq, err := s.AdSums(ctx, registry.AdFilter{}, registry.ByOutletQuarter)
	if err != nil || len(oq) != 4 || oq[0].Quarter != "2026-Q1" || oq[1].Quarter != "2026-Q2" || oq[1].Amount != registry.MoneyFromZloty(100) {
		t.Fatalf("per outlet and quarter: %v %+v", err, oq)
	}
	conc, err := s.AdConcentration(ctx, registry.AdFilter{})
	if err != nil || len(conc) != 1 {
		t.Fatalf("concentration: %v %v", err, conc)
	}
	c := conc[0]
	// shares 70%, 20%, 10% → HHI 4900 + 400 + 100 = 5400
	if c.HHI != 5400 || c.TopOutlet != "Gazeta Krakowska" || c.TopShare != 0.7 || c.Outlets != 3 || c.Level != "high" || c.Total != registry.MoneyFromZloty(1000) {
		t.Fatalf("concentration: %+v", c)
	}
	if q, _ := s.AdSums(ctx, registry.AdFilter{Quarter: ptr("2026-Q2")}, registry.ByQuarter); len(q) != 1 || q[0].Label != "II kw. 2026" {
		t.Fatalf("per quarter with filter: %+v", q)
	}
}

func TestRecruitmentRules(t *testing.T) {
	for _, tc := range []struct {
		name  string
		edit  func(*registry.RecruitmentData)
		field string
	}{
		{"no body", func(d *registry.RecruitmentData) { d.Body = "" }, "body"},
		{"no position", func(d *registry.RecruitmentData) { d.Position = "" }, "position"},
		{"no legal basis", func(d *registry.RecruitmentData) { d.LegalBasis = "" }, "legal_basis"},
		{"open without announcement", func(d *registry.RecruitmentData) { d.AnnouncedOn = "" }, "announced_on"},
		{"deadline before announcement", func(d *registry.RecruitmentData) { d.ApplicationDeadline = "2025-12-01" }, "application_deadline"},
		{"more admitted than applicants", func(d *registry.RecruitmentData) { d.AdmittedCount = 9 }, "admitted_count"},
		{"negative count", func(d *registry.RecruitmentData) { d.InterviewedCount = -1 }, "interviewed_count"},
		{"appointed without person", func(d *registry.RecruitmentData) { d.Appointee = nil }, "appointee.name"},
		{"appointed without resolution", func(d *registry.RecruitmentData) { d.Appointee.ResolutionNumber = "" }, "appointee.resolution_number"},
		{"term reversed", func(d *registry.RecruitmentData) { d.Appointee.TermEnd = "2025-01-01" }, "appointee.term_end"},
		{"a candidate named without appointment", func(d *registry.RecruitmentData) { d.Outcome = "no_candidate" }, "appointee.name"},
		{"unknown eligibility", func(d *registry.RecruitmentData) { d.Eligibility = []string{"friend_of_mayor"} }, "eligibility.0"},
		{"variable cap above 100%", func(d *registry.RecruitmentData) { d.Remuneration.VariableCapPercent = 150 }, "remuneration.variable_cap_percent"},
		{"without procedure but announced", func(d *registry.RecruitmentData) {
			d.Procedure, d.AnnouncementPlace, d.ApplicationDeadline, d.ApplicantsCount, d.AdmittedCount, d.InterviewedCount = registry.ProcedureWithout, "", "", 0, 0, 0
		}, "announced_on"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := SampleRecruitment()
			tc.edit(&d)
			d.Normalize()
			f := registry.ErrorFields(d.Validate())
			if f[tc.field] == "" || len(f) != 1 {
				t.Fatalf("want one message on %s, got %v", tc.field, f)
			}
		})
	}
	d := SampleRecruitment()
	d.ApplicationDeadline = "2026-01-10"
	if d.Normalize(); d.Validate() != nil || !d.ShortWindow() || d.WindowDays() != 8 {
		t.Fatalf("short window: %v %d", d.Validate(), d.WindowDays())
	}
}

func TestRecruitmentWithoutProcedureAndBoards(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	co := MustCreateCompany(t, s, "mpk")
	reg := s.Recruitments()
	open, err := reg.Create(ctx, system, co.ID, SampleRecruitment(), true)
	if err != nil {
		t.Fatal(err)
	}
	direct := registry.RecruitmentData{Body: "supervisory_board", Position: "Członek Rady Nadzorczej", LegalBasis: "§ 12 umowy spółki",
		Procedure: registry.ProcedureWithout, Outcome: registry.OutcomeAppointed,
		Appointee: &registry.Appointee{Name: "Jan Kowalski", Function: "Członek Rady Nadzorczej", Qualifications: "Egzamin dla kandydatów na członków rad nadzorczych.",
			ResolutionNumber: "ZW/1/2026", ResolutionDate: "2026-03-01", TermStart: "2026-03-01", TermEnd: "2029-06-30"}}
	dr, err := reg.Create(ctx, system, co.ID, direct, true)
	if err != nil {
		t.Fatal(err)
	}
	if !dr.Data.WithoutOpenProcedure() || open.Data.WithoutOpenProcedure() {
		t.Fatal("flag of appointments without an open procedure")
	}
	cancelled := SampleRecruitment()
	cancelled.Outcome, cancelled.Appointee = "cancelled", nil
	if _, err := reg.Create(ctx, system, co.ID, cancelled, true); err != nil {
		t.Fatal(err)
	}
	// An old appointment whose term has ended.
	old := SampleRecruitment()
	old.AnnouncedOn, old.ApplicationDeadline = "2019-01-02", "2019-01-31"
	old.Appointee.ResolutionDate, old.Appointee.TermStart, old.Appointee.TermEnd = "2019-02-10", "2019-02-11", "2022-06-30"
	if _, err := reg.Create(ctx, system, co.ID, old, true); err != nil {
		t.Fatal(err)
	}
	today := registry.Date("2026-06-01")
	serving, n, err := s.FindRecruitments(ctx, registry.RecruitmentFilter{EntryFilter: registry.EntryFilter{CompanyID: &co.ID}, ServingOn: &today})
	if err != nil || n != 2 {
		t.Fatalf("current boards: %v %d", err, n)
	}
	names := serving[0].Data.Appointee.Name + ", " + serving[1].Data.Appointee.Name
	if names != "Jan Kowalski, Anna Nowak" {
		t.Fatalf("current boards: %s", names)
	}
	if _, n, _ := s.FindRecruitments(ctx, registry.RecruitmentFilter{Procedure: ptr(registry.ProcedureWithout)}); n != 1 {
		t.Fatalf("filter by procedure: %d", n)
	}
	// An amendment (e.g. the term changed) needs the date of the change.
	d := dr.Data
	d.Appointee.TermEnd = "2030-06-30"
	if _, err := reg.Amend(ctx, system, dr.ID, d, "", "Zmiana kadencji"); registry.ErrorFields(err)["annex_date"] == "" {
		t.Fatalf("amendment without date: %v", err)
	}
	if _, err := reg.Amend(ctx, system, dr.ID, d, "2026-04-01", "Zmiana umowy spółki wydłużyła kadencję."); err != nil {
		t.Fatal(err)
	}
	h, err := reg.History(ctx, dr.ID)
	if err != nil || len(h) != 2 || len(h[1].Changes) != 1 || h[1].Changes[0].Field != "appointee.term" {
		t.Fatalf("history: %v %+v", err, h)
	}
}
