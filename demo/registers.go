package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"jawnosc/registry"
)

// The demo expenses, ads and recruitments: deterministic from the seed, like the contracts.
// Recipients, outlets and people are invented (the outlets are not real media), so that no
// real name stands beside a made-up amount.

// RegisterSet is the demo content of the three registers for one company.
type RegisterSet struct {
	Expenses     []registry.ExpenseData
	Ads          []registry.AdData
	Recruitments []registry.RecruitmentData
}

var demoRecipients = []struct{ name, cat string }{
	{"Klub Sportowy Wanda Kraków", "sponsorship"}, {"Akademicki Związek Sportowy Kraków", "sponsorship"},
	{"Fundacja Pomocy Dzieciom Podgórza", "donation"}, {"Stowarzyszenie Przyjaciół Nowej Huty", "donation"},
	{"Kancelaria Radców Prawnych Lex Cracovia", "legal"}, {"Doradztwo Strategiczne Wawel sp. z o.o.", "consulting"},
	{"Agencja Komunikacji Sukiennice", "pr"}, {"Studio Eventowe Barbakan", "events"}, {"Biuro Podróży Planty", "travel"},
	{"Centrum Szkoleń Menedżerskich Kazimierz", "training"}, {"Festiwal Muzyki Dawnej Krakowskie Lato", "sponsorship"},
	{"Parafialny Klub Seniora Bronowice", "donation"}, {"Instytut Audytu i Zarządzania", "consulting"},
}

var demoPurposes = map[string][]string{
	"sponsorship": {"Sponsoring turnieju piłkarskiego juniorów", "Sponsoring festiwalu muzycznego w parku", "Sponsoring biegu ulicznego"},
	"donation":    {"Darowizna na wypoczynek dzieci w czasie ferii", "Darowizna na wyposażenie świetlicy", "Darowizna na zakup sprzętu rehabilitacyjnego"},
	"consulting":  {"Doradztwo przy strategii spółki na lata 2026–2030", "Analiza taryf i kosztów", "Doradztwo przy zmianie struktury organizacyjnej"},
	"legal":       {"Obsługa prawna postępowania przed sądem gospodarczym", "Opinia prawna w sprawie zamówienia in-house", "Obsługa prawna zgromadzenia wspólników"},
	"pr":          {"Kampania informacyjna o zmianach w rozkładach", "Przygotowanie raportu rocznego dla mieszkańców", "Obsługa mediów społecznościowych spółki"},
	"events":      {"Organizacja dnia otwartego zajezdni", "Piknik rodzinny z okazji jubileuszu spółki", "Konferencja o gospodarce komunalnej"},
	"travel":      {"Wyjazd służbowy na targi branżowe", "Delegacja na konferencję w Brukseli", "Wizyta studyjna w spółce komunalnej w Wiedniu"},
	"training":    {"Szkolenie z prawa zamówień publicznych", "Szkolenie z ochrony danych osobowych", "Kurs bezpieczeństwa pracy"},
}

var demoOutlets = []registry.Outlet{
	{Name: "Kurier Podgórski", Kind: "press", Publisher: "Wydawnictwo Podgórze sp. z o.o."},
	{Name: "Tygodnik Nowohucki", Kind: "press", Publisher: "Media Nowa Huta sp. z o.o."},
	{Name: "Radio Wawel FM", Kind: "radio", Publisher: "Rozgłośnia Wawel sp. z o.o."},
	{Name: "Telewizja Małopolska 24", Kind: "tv", Publisher: "TVM24 S.A."},
	{Name: "KrakówTeraz.pl", Kind: "online", Publisher: "Portale Lokalne sp. z o.o."},
	{Name: "Lajkonik Social", Kind: "social", Publisher: "Agencja Lajkonik sp. z o.o."},
	{Name: "Ekrany Miejskie Rondo", Kind: "outdoor", Publisher: "Outdoor Rondo sp. z o.o."},
	{Name: "Kino Pod Kopcem", Kind: "cinema", Publisher: "Kina Studyjne Kraków sp. z o.o."},
}

var demoCampaigns = []string{"Bezpieczni na przejściach", "Segreguj odpady — to proste", "Oszczędzaj wodę latem", "Ciepło z sieci miejskiej",
	"Nowe linie nocne", "Dzień otwarty spółki", "Rekrutacja kierowców i motorniczych", "Budujemy dla mieszkańców"}

// Invented people: first names and surnames of the same grammatical gender.
var (
	demoWomen = [2][]string{{"Anna", "Katarzyna", "Małgorzata", "Agnieszka", "Joanna", "Ewa", "Zofia"},
		{"Nowak", "Wójcik", "Kowalczyk", "Zielińska", "Szymańska", "Woźniak", "Dąbrowska", "Kozłowska", "Mazur", "Krawczyk", "Piotrowska", "Pawlak"}}
	demoMen = [2][]string{{"Piotr", "Krzysztof", "Tomasz", "Andrzej", "Paweł", "Michał", "Łukasz", "Grzegorz"},
		{"Nowak", "Wójcik", "Kowalczyk", "Zieliński", "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Grabowski", "Pawlak"}}
)

// Registers generates the demo expenses, ads and recruitments of each company, in the
// companies' order, deterministically from seed.
func Registers(seed uint64, companies []registry.Company) map[string]RegisterSet {
	r := rand.New(rand.NewPCG(seed, seed^0x5eed))
	out := make(map[string]RegisterSet, len(companies))
	for i, co := range companies {
		var set RegisterSet
		weight := profiles[co.Slug].weight
		for range 20 + weight*3 {
			set.Expenses = append(set.Expenses, demoExpense(r))
		}
		for range 25 + weight*4 {
			set.Ads = append(set.Ads, demoAd(r, i))
		}
		set.Recruitments = demoRecruitments(r, co.Slug == "krakow5020")
		out[co.Slug] = set
	}
	return out
}

// demoDay returns a day between 2024-01-01 and 2026-10-31.
func demoDay(r *rand.Rand) time.Time {
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	return start.AddDate(0, 0, r.IntN(1035))
}

func iso(t time.Time) registry.Date { return registry.Date(t.Format("2006-01-02")) }

func demoExpense(r *rand.Rand) registry.ExpenseData {
	rec := demoRecipients[r.IntN(len(demoRecipients))]
	purposes := demoPurposes[rec.cat]
	amount := logValue(r, 500, 180_000)
	d := registry.ExpenseData{SpentOn: iso(demoDay(r)), Category: rec.cat, Recipient: registry.Recipient{Name: rec.name},
		AmountGross: amount, Purpose: purposes[r.IntN(len(purposes))]}
	if rec.cat != "donation" || r.IntN(2) == 0 {
		d.Recipient.NIP = registry.RandomValidNIP(r)
	}
	return d
}

func demoAd(r *rand.Rand, company int) registry.AdData {
	// Each company favours one outlet (so concentration differs between companies).
	favourite := company % len(demoOutlets)
	o := demoOutlets[r.IntN(len(demoOutlets))]
	if r.IntN(100) < 25+company*5 {
		o = demoOutlets[favourite]
	}
	o.NIP = nipOf(o.Name)
	start := demoDay(r)
	end := start.AddDate(0, 0, 6+r.IntN(50))
	kinds := []string{"advertisement", "advertisement", "sponsored_article", "announcement", "programme_sponsorship"}
	procs := []string{registry.ModeQuotationBelowThreshold, registry.ModeQuotationBelowThreshold, registry.ModeDirectAward, registry.ModeOpenTender, registry.ModeFrameworkCallOff}
	return registry.AdData{Outlet: o, Campaign: demoCampaigns[r.IntN(len(demoCampaigns))], ContentKind: kinds[r.IntN(len(kinds))],
		PeriodStart: iso(start), PeriodEnd: iso(end), AmountGross: logValue(r, 800, 95_000), Procedure: procs[r.IntN(len(procs))]}
}

// nipOf gives each demo outlet's publisher a stable, valid NIP.
func nipOf(name string) string {
	var h uint64 = 1469598103934665603
	for i := 0; i < len(name); i++ {
		h = (h ^ uint64(name[i])) * 1099511628211
	}
	return registry.RandomValidNIP(rand.New(rand.NewPCG(h, 7)))
}

func demoPerson(r *rand.Rand) string {
	names := demoMen
	if r.IntN(2) == 0 {
		names = demoWomen
	}
	return names[0][r.IntN(len(names[0]))] + " " + names[1][r.IntN(len(names[1]))]
}

// demoRecruitments makes a company's board history: an earlier term, the current
// management board and supervisory board, an unsuccessful procedure and, for some, an
// appointment without an open procedure.
func demoRecruitments(r *rand.Rand, liquidation bool) []registry.RecruitmentData {
	var out []registry.RecruitmentData
	// One person holds one post in a company: nobody sits on its management and supervisory
	// boards at once (art. 387 § 1 of the commercial companies code).
	used := map[string]bool{}
	person := func() string {
		for {
			if n := demoPerson(r); !used[n] {
				used[n] = true
				return n
			}
		}
	}
	open := func(body, position string, announced time.Time, days int, outcome string, termStart, termEnd time.Time) registry.RecruitmentData {
		applicants := 3 + r.IntN(12)
		admitted := 1 + r.IntN(applicants)
		d := registry.RecruitmentData{Body: body, Position: position, LegalBasis: "art. 10a ust. 5 ustawy o gospodarce komunalnej; umowa spółki",
			Procedure: registry.ProcedureOpen, AnnouncedOn: iso(announced), AnnouncementPlace: "Biuletyn Informacji Publicznej spółki",
			ApplicationDeadline: iso(announced.AddDate(0, 0, days)),
			Requirements:        "Wykształcenie wyższe; co najmniej 5 lat pracy, w tym 3 lata na stanowisku kierowniczym; spełnienie wymogów art. 22 ustawy o zasadach zarządzania mieniem państwowym.",
			SelectionCriteria:   "Koncepcja zarządzania spółką, wiedza o jej działalności, doświadczenie w zarządzaniu zespołem.",
			Commission:          "Rada Nadzorcza spółki w pełnym składzie", ApplicantsCount: applicants, AdmittedCount: admitted,
			InterviewedCount: r.IntN(admitted + 1), Outcome: outcome, Eligibility: []string{}}
		if outcome == registry.OutcomeAppointed {
			if d.InterviewedCount == 0 {
				d.InterviewedCount = 1
			}
			d.Appointee = &registry.Appointee{Name: person(), Function: position,
				Qualifications:   "Wieloletnie doświadczenie w zarządzaniu przedsiębiorstwem komunalnym; studia podyplomowe z zarządzania.",
				ResolutionNumber: fmt.Sprintf("RN/%d/%d", 1+r.IntN(40), termStart.Year()), ResolutionDate: iso(termStart.AddDate(0, 0, -3)),
				TermStart: iso(termStart)}
			if !termEnd.IsZero() {
				d.Appointee.TermEnd = iso(termEnd)
			}
			d.Eligibility = []string{"no_court_ban", "statutory_requirements", "no_party_office", "no_conflicting_posts"}
			d.Remuneration = registry.Remuneration{FixedMonthly: registry.MoneyFromZloty(int64(14_000 + 500*r.IntN(16))), VariableCapPercent: []int{30, 40, 50}[r.IntN(3)]}
		}
		return d
	}
	t := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	out = append(out, open("management_board", "Prezes Zarządu", t(2020, 9, 1), 21, registry.OutcomeAppointed, t(2020, 11, 2), t(2023, 6, 30)))
	out = append(out, open("management_board", "Prezes Zarządu", t(2023, 4, 3), 21, registry.OutcomeAppointed, t(2023, 7, 1), time.Time{}))
	out = append(out, open("management_board", "Wiceprezes Zarządu", t(2024, 2, 5), 8+r.IntN(20), registry.OutcomeAppointed, t(2024, 4, 2), time.Time{}))
	out = append(out, open("management_board", "Członek Zarządu ds. finansowych", t(2025, 3, 3), 21, "no_candidate", time.Time{}, time.Time{}))
	if liquidation {
		out[len(out)-1].Outcome = "cancelled"
	}
	for i := range 3 {
		d := open("supervisory_board", "Członek Rady Nadzorczej", t(2023, 9, 4+i), 14, registry.OutcomeAppointed, t(2023, 11, 6+i), t(2026+r.IntN(3), 6, 30))
		d.Appointee.Function = "Członek Rady Nadzorczej"
		d.Commission = "Komisja powołana przez Prezydenta Miasta"
		d.Remuneration = registry.Remuneration{FixedMonthly: registry.MoneyFromZloty(int64(2_500 + 250*r.IntN(8)))}
		out = append(out, d)
	}
	if r.IntN(3) == 0 || liquidation {
		out = append(out, registry.RecruitmentData{Body: "supervisory_board", Position: "Przewodniczący Rady Nadzorczej",
			LegalBasis: "§ 15 umowy spółki: powołanie przez Zgromadzenie Wspólników", Procedure: registry.ProcedureWithout,
			Outcome: registry.OutcomeAppointed, Eligibility: []string{"no_court_ban"},
			Appointee: &registry.Appointee{Name: person(), Function: "Przewodniczący Rady Nadzorczej",
				Qualifications: "Egzamin dla kandydatów na członków rad nadzorczych.", ResolutionNumber: "ZW/2/2025",
				ResolutionDate: "2025-05-12", TermStart: "2025-05-12", TermEnd: "2028-06-30"},
			Remuneration: registry.Remuneration{FixedMonthly: registry.MoneyFromZloty(3_200)}})
	}
	return out
}

// LoadRegisters imports the demo expenses, ads and recruitments of every company (one
// transaction per company and register, published at once), then adds a few corrections
// and withdrawals so that entry histories show. Returns the store's errors.
func LoadRegisters(ctx context.Context, s *registry.Store, companies []registry.Company, seed uint64) error {
	a := registry.SystemActor("demo")
	sets := Registers(seed, companies)
	for _, co := range companies {
		set := sets[co.Slug]
		if _, err := s.Expenses().Import(ctx, a, co.ID, set.Expenses); err != nil {
			return err
		}
		if _, err := s.Ads().Import(ctx, a, co.ID, set.Ads); err != nil {
			return err
		}
		if _, err := s.Recruitments().Import(ctx, a, co.ID, set.Recruitments); err != nil {
			return err
		}
	}
	exps, _, err := s.FindExpenses(ctx, registry.ExpenseFilter{EntryFilter: registry.EntryFilter{Limit: 3}})
	if err != nil {
		return err
	}
	for i, e := range exps {
		d := e.Data
		if i == 0 {
			if _, err := s.Expenses().Withdraw(ctx, a, e.ID, "Wydatek wpisany dwukrotnie."); err != nil {
				return err
			}
			continue
		}
		d.AmountGross += 100_00
		if _, err := s.Expenses().Correct(ctx, a, e.ID, d, "Kwota z faktury korygującej."); err != nil {
			return err
		}
	}
	ads, _, err := s.FindAds(ctx, registry.AdFilter{EntryFilter: registry.EntryFilter{Limit: 2}})
	if err != nil {
		return err
	}
	for _, ad := range ads {
		d := ad.Data
		d.AmountGross = d.AmountGross * 12 / 10
		if _, err := s.Ads().Amend(ctx, a, ad.ID, d, d.PeriodStart, "Aneks: dodatkowe emisje spotu."); err != nil {
			return err
		}
	}
	return nil
}
