package demo

import (
	"context"
	"fmt"
	"math/rand/v2"

	"jawnosc/audits"
	"jawnosc/registry"
)

// auditTopic is one kind of audit the demo files, with its findings and recommendations.
type auditTopic struct {
	title, kind, auditor, auditorName, summary string
	findings                                   []audits.FindingInput
	recs                                       []audits.RecommendationInput // Finding: position in findings
}

// auditTopics are the demo's audits, filed for the companies in turn.
var auditTopics = []auditTopic{
	{title: "Kontrola udzielania zamówień poniżej progu ustawowego", kind: "procurement", auditor: "city_audit_centre",
		summary: "Audyt objął zamówienia o wartości poniżej 130 000 zł netto udzielone w okresie kontrolowanym. Sprawdzono szacowanie wartości, wybór trybu i publikację umów w rejestrze.",
		findings: []audits.FindingInput{
			{Title: "Zamówienia na te same usługi udzielane osobno jednemu wykonawcy", Description: "Kilka umów na usługi sprzątania zawarto z jednym wykonawcą w ciągu roku; łączna wartość przekroczyła próg.", Severity: "high"},
			{Title: "Umowy publikowane w rejestrze z opóźnieniem", Description: "Część umów opublikowano później niż 7 dni po podpisaniu.", Severity: "medium"},
		},
		recs: []audits.RecommendationInput{
			{Finding: 1, Text: "Wprowadzić roczny plan zamówień i łączne szacowanie wartości zamówień tego samego rodzaju.", Responsible: "Zarząd spółki"},
			{Finding: 2, Text: "Publikować umowy w rejestrze w ciągu 7 dni od podpisania i wyznaczyć osobę odpowiedzialną.", Responsible: "Dział Prawny"},
		}},
	{title: "Audyt wydatków na promocję i media", kind: "financial", auditor: "external_firm", auditorName: "Biuro Audytorskie Rzetelność sp. z o.o.",
		summary: "Badanie wydatków na reklamę, sponsoring i publikacje w mediach, w tym sposobu wyboru mediów i dokumentowania efektów kampanii.",
		findings: []audits.FindingInput{
			{Title: "Brak kryteriów wyboru mediów", Severity: "medium"},
			{Title: "Jedno medium otrzymało większość budżetu reklamowego", Description: "W jednym półroczu ponad połowa wydatków reklamowych trafiła do jednego wydawcy.", Severity: "high"},
			{Title: "Niepełna dokumentacja efektów kampanii", Severity: "low"},
		},
		recs: []audits.RecommendationInput{
			{Finding: 1, Text: "Przyjąć regulamin wyboru mediów z jawnymi kryteriami (zasięg, koszt dotarcia).", Responsible: "Rzecznik prasowy"},
			{Finding: 2, Text: "Ograniczyć udział jednego medium w budżecie półrocznym do 40%, chyba że wynika to z konkursu.", Responsible: "Zarząd spółki"},
			{Finding: 3, Text: "Dokumentować efekty każdej kampanii w raporcie końcowym.", Responsible: "Dział Marketingu"},
		}},
	{title: "Kontrola procedur naboru do zarządu i rady nadzorczej", kind: "compliance", auditor: "regional_audit_chamber",
		summary: "Kontrola zgodności naborów na członków organów spółki z zasadą otwartego konkursu i wymogami ustawy o zasadach zarządzania mieniem państwowym.",
		findings: []audits.FindingInput{
			{Title: "Termin składania zgłoszeń krótszy niż 14 dni", Severity: "medium"},
			{Title: "Powołanie bez postępowania kwalifikacyjnego", Description: "Jednego członka zarządu powołano bez ogłoszenia naboru.", Severity: "critical"},
		},
		recs: []audits.RecommendationInput{
			{Finding: 1, Text: "Wyznaczać co najmniej 14 dni na składanie zgłoszeń od dnia ogłoszenia.", Responsible: "Rada Nadzorcza"},
			{Finding: 2, Text: "Przeprowadzać postępowanie kwalifikacyjne przed każdym powołaniem.", Responsible: "Rada Nadzorcza"},
		}},
	{title: "Audyt bezpieczeństwa systemów informatycznych", kind: "it", auditor: "external_firm", auditorName: "CyberAudyt Polska S.A.",
		summary: "Ocena zabezpieczeń systemów obsługi klientów, kopii zapasowych i zarządzania uprawnieniami.",
		findings: []audits.FindingInput{
			{Title: "Brak testów odtwarzania kopii zapasowych", Severity: "high"},
			{Title: "Konta byłych pracowników nie zostały wyłączone", Severity: "high"},
		},
		recs: []audits.RecommendationInput{
			{Finding: 1, Text: "Raz na kwartał testować odtworzenie kopii zapasowej i dokumentować wynik.", Responsible: "Kierownik Działu IT"},
			{Finding: 2, Text: "Wyłączać konta w dniu zakończenia zatrudnienia; przegląd uprawnień co pół roku.", Responsible: "Kierownik Działu Kadr"},
		}},
	{title: "Kontrola gospodarki finansowej spółki", kind: "financial", auditor: "nik",
		summary: "Najwyższa Izba Kontroli zbadała gospodarność wydatków inwestycyjnych i rozliczenia z miastem.",
		findings: []audits.FindingInput{
			{Title: "Przekroczenie budżetu inwestycji o ponad połowę aneksami", Severity: "high"},
		},
		recs: []audits.RecommendationInput{
			{Finding: 1, Text: "Analizować przyczyny każdego aneksu zwiększającego wartość umowy o ponad 10% i przedstawiać je radzie nadzorczej.", Responsible: "Zarząd spółki"},
			{Text: "Publikować sprawozdania z realizacji inwestycji co kwartał.", Responsible: "Dyrektor ds. Inwestycji"},
		}},
}

// auditPlan is how one demo recommendation's status develops: the statuses it goes
// through with their reasons (none: it stays open).
var auditPlans = [][]struct{ status, reason string }{
	{},
	{{audits.StatusInProgress, "Spółka przedstawiła harmonogram wdrożenia."}},
	{{audits.StatusInProgress, "Rozpoczęto prace."}, {audits.StatusImplemented, "Audytor potwierdził wdrożenie na podstawie przekazanych dokumentów."}},
	{{audits.StatusRejected, "Zarząd nie przyjął zalecenia, wskazując na koszty; audytor podtrzymuje stanowisko."}},
	{{audits.StatusInProgress, "Wdrożenie rozpoczęte."}, {audits.StatusNotImplemented, "Termin minął bez wdrożenia; spółka nie przekazała dowodów."}},
}

// auditAnchor is the day the demo's audit dates count back from (today, when earlier).
const auditAnchor registry.Date = "2026-11-02"

// LoadAudits files the demo audit reports (deterministic: the same data every time, dated
// back from auditAnchor or today when earlier) with findings, recommendations in every
// status — some overdue — company responses, evidence and City Council discussions. The
// companies must exist. Errors: the store's.
func LoadAudits(ctx context.Context, au *audits.Store, today registry.Date) error {
	rng := rand.New(rand.NewPCG(DefaultSeed, 6))
	actor := registry.SystemActor("demo")
	base := min(today, auditAnchor).Time()
	date := func(daysAgo int) registry.Date {
		return registry.DateOf(base.AddDate(0, 0, -daysAgo), registry.Warsaw())
	}
	companies := Companies()
	n := 0
	for ci, co := range companies {
		reports := 1 + (ci+1)%3 // 1–3 reports per company
		for k := range reports {
			topic := auditTopics[(ci*2+k)%len(auditTopics)]
			published := 60 + rng.IntN(600) // 2 months to almost 2 years ago
			in := audits.ReportInput{
				Company: co.Slug, Title: topic.title, AuditorKind: topic.auditor, AuditorName: topic.auditorName, Kind: topic.kind,
				PeriodFrom: date(published + 500), PeriodTo: date(published + 135), StartedOn: date(published + 120),
				CompletedOn: date(published + 30), PublishedOn: date(published), Summary: topic.summary, Findings: topic.findings,
			}
			for ri, r := range topic.recs {
				r.DueOn = date(published - 60 - 90*ri - rng.IntN(400)) // some still ahead, many passed
				in.Recommendations = append(in.Recommendations, r)
			}
			rep, err := au.CreateReport(ctx, actor, in)
			if err != nil {
				return fmt.Errorf("demo audit %s/%d: %w", co.Slug, k, err)
			}
			n++
			for ri, rec := range rep.Recommendations {
				step := published - 20
				for _, ch := range auditPlans[(n+ri)%len(auditPlans)] {
					step -= 10 + rng.IntN(20)
					if step < 1 {
						break
					}
					if _, err := au.ChangeStatus(ctx, actor, rec.ID, audits.StatusInput{Status: ch.status, On: date(step), Reason: ch.reason}); err != nil {
						return err
					}
				}
				if (n+ri)%3 == 2 {
					if _, err := au.PostEvidence(ctx, actor, rec.ID, audits.ResponseInput{Text: "Spółka przekazuje zarządzenie wdrażające zalecenie i protokół z jego realizacji."}); err != nil {
						return err
					}
				}
			}
			if n%2 == 1 {
				if _, err := au.PostResponse(ctx, actor, rep.ID, audits.ResponseInput{Text: "Zarząd spółki zapoznał się z raportem i przyjmuje zalecenia do realizacji w terminach wskazanych przez audytora."}); err != nil {
					return err
				}
			}
			if n%3 == 0 {
				session := fmt.Sprintf("Sesja Rady Miasta Krakowa nr %d", 40+n)
				if _, err := au.SetCouncil(ctx, actor, rep.ID, audits.Council{Session: session, Date: date(published - 14)}); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
