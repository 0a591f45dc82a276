package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"jawnosc/appeals"
	"jawnosc/registry"
)

// RequestCount is how many information requests the demo data set holds.
const RequestCount = 36

// demoRequester is a made-up resident (the demo's names are fictional).
type demoRequester struct{ Name, Email string }

var demoRequesters = []demoRequester{
	{"Katarzyna Wiśniewska", "k.wisniewska@example.org"}, {"Piotr Zając", "piotr.zajac@example.org"},
	{"", ""}, {"Małgorzata Dąbrowska", ""}, {"Tomasz Lewandowski", "tlewandowski@example.org"},
	{"", "obywatel.krakow@example.org"}, {"Zofia Kamińska", "zofia.k@example.org"}, {"Grzegorz Wójcik", ""},
}

var demoSubjects = []string{
	"Umowy na kampanie reklamowe w 2025 roku", "Wynagrodzenia członków zarządu", "Koszt obsługi prawnej spółki",
	"Umowa sponsoringowa z klubem sportowym", "Ekspertyzy dotyczące modernizacji sieci", "Wydatki na konferencje i szkolenia",
	"Raport z kontroli wewnętrznej", "Umowy z firmami doradczymi", "Koszty budowy nowej zajezdni",
	"Harmonogram inwestycji na 2026 rok", "Zakup samochodów służbowych", "Umowa na dostawę energii",
}

// demoScript is one course a demo request takes; each step runs a few days after the last.
type demoScript func(l *requestLoader, id int64, token string) error

// requestLoader files the demo requests with a clock it moves step by step.
type requestLoader struct {
	svc    *appeals.Service
	now    time.Time
	r      *rand.Rand
	system registry.Actor
}

func (l *requestLoader) later(days int) {
	l.now = l.now.Add(time.Duration(days)*24*time.Hour + time.Duration(l.r.IntN(300))*time.Minute)
}

var demoOfficials = []appeals.Official{{Name: "Barbara Nowicka", Function: "Członek Zarządu"}, {Name: "Adam Kowal", Function: "radca prawny"}}

func (l *requestLoader) refuse(id int64, ground string) error {
	d := appeals.EventData{Text: "Żądane informacje są objęte ochroną; spółka nie może ich udostępnić bez naruszenia praw osób trzecich.", Ground: ground, Officials: demoOfficials}
	switch ground {
	case "trade_secret":
		d.Holder, d.Text = "Wykonawca umowy (spółka z o.o.)", "Wykonawca zastrzegł kalkulację ceny jako tajemnicę przedsiębiorstwa; ujawnienie naraziłoby go na szkodę."
	case "other_statute":
		d.LegalBasis = "art. 104 ustawy z dnia 29 sierpnia 1997 r. — Prawo bankowe"
	}
	_, err := l.svc.Refuse(context.Background(), l.system, id, d)
	return err
}

func (l *requestLoader) answer(id int64, outcome string) error {
	d := appeals.EventData{Text: "W odpowiedzi na wniosek przekazujemy żądane informacje w treści niniejszego pisma.", Answer: outcome}
	switch outcome {
	case appeals.OutcomePartial:
		d.Ground, d.Officials, d.Text = "privacy", demoOfficials, "Udostępniamy zestawienie kwot; dane osób fizycznych zostały wyłączone ze względu na ich prywatność."
	case appeals.OutcomeNotHeld:
		d.Text = "Spółka nie posiada dokumentów, o które Pan/Pani pyta; nie były sporządzane."
	case appeals.OutcomeNotPublic:
		d.Text = "Żądany dokument jest wewnętrzną notatką roboczą i nie stanowi informacji publicznej."
	}
	_, err := l.svc.Answer(context.Background(), l.system, id, d)
	return err
}

func (l *requestLoader) appeal(id int64, token string) error {
	_, err := l.svc.Appeal(context.Background(), id, token, "Spółka miejska wydatkuje środki publiczne; informacja o tym jest jawna.")
	return err
}

func (l *requestLoader) decide(id int64, result string, complyIn int) error {
	r, err := l.svc.FindRequest(context.Background(), id)
	if err != nil {
		return err
	}
	d := appeals.EventData{Text: "Urząd miasta ocenił odpowiedź spółki w świetle ustawy o dostępie do informacji publicznej.", Result: result}
	if complyIn > 0 {
		d.ComplyBy = appeals.AddDays(appeals.DayOf(l.now), complyIn)
	}
	_, err = l.svc.DecideAppeal(context.Background(), l.system, r.State.CurrentAppeal().ID, d)
	return err
}

// demoScripts are the courses of the demo requests: every stage and outcome appears.
var demoScripts = []demoScript{
	func(l *requestLoader, id int64, _ string) error {
		l.later(6)
		return l.answer(id, appeals.OutcomeDisclosed)
	},
	func(l *requestLoader, id int64, _ string) error {
		l.later(12)
		return l.answer(id, appeals.OutcomeNotHeld)
	},
	func(l *requestLoader, id int64, tok string) error { // not public → appeal → out of scope
		l.later(9)
		if err := l.answer(id, appeals.OutcomeNotPublic); err != nil {
			return err
		}
		l.later(3)
		if err := l.appeal(id, tok); err != nil {
			return err
		}
		l.later(8)
		return l.decide(id, appeals.ResultRejectedScope, 0)
	},
	func(l *requestLoader, id int64, tok string) error { // trade secret → appeal → instructed → complied
		l.later(10)
		if err := l.refuse(id, "trade_secret"); err != nil {
			return err
		}
		l.later(4)
		if err := l.appeal(id, tok); err != nil {
			return err
		}
		l.later(9)
		if err := l.decide(id, appeals.ResultInstructed, 14); err != nil {
			return err
		}
		l.later(7)
		_, err := l.svc.Comply(context.Background(), l.system, id, appeals.EventData{Text: "Wykonując rozstrzygnięcie urzędu miasta, udostępniamy umowę wraz z wynagrodzeniem."})
		return err
	},
	func(l *requestLoader, id int64, tok string) error { // privacy → reconsideration upheld → appeal upheld
		l.later(11)
		if err := l.refuse(id, "privacy"); err != nil {
			return err
		}
		l.later(5)
		if _, err := l.svc.AskReconsideration(context.Background(), id, tok, "Wnoszę o ponowne rozpatrzenie: pytam o kwoty, nie o dane osobowe."); err != nil {
			return err
		}
		l.later(12)
		if _, err := l.svc.DecideReconsideration(context.Background(), l.system, id, appeals.EventData{Text: "Po ponownym rozpatrzeniu decyzja zostaje utrzymana.", Answer: appeals.ResultUpheld, Officials: demoOfficials}); err != nil {
			return err
		}
		l.later(2)
		if err := l.appeal(id, tok); err != nil {
			return err
		}
		l.later(10)
		return l.decide(id, appeals.ResultUpheld, 0)
	},
	func(l *requestLoader, id int64, tok string) error { // partial → appeal → partly, never carried out
		l.later(13)
		if err := l.answer(id, appeals.OutcomePartial); err != nil {
			return err
		}
		l.later(6)
		if err := l.appeal(id, tok); err != nil {
			return err
		}
		l.later(11)
		return l.decide(id, appeals.ResultPartly, 10)
	},
	func(l *requestLoader, id int64, tok string) error { // clarification, then disclosed
		l.later(3)
		if _, err := l.svc.AskClarification(context.Background(), l.system, id, "Prosimy wskazać, o który okres chodzi."); err != nil {
			return err
		}
		l.later(4)
		if _, err := l.svc.Clarify(context.Background(), id, tok, "Chodzi o lata 2024–2025."); err != nil {
			return err
		}
		l.later(8)
		return l.answer(id, appeals.OutcomeDisclosed)
	},
	func(l *requestLoader, id int64, tok string) error { // fee, accepted, disclosed
		l.later(5)
		if _, err := l.svc.NotifyFee(context.Background(), l.system, id, 4_80, "Koszt skanowania 120 stron (art. 15 UDIP)."); err != nil {
			return err
		}
		l.later(2)
		if _, err := l.svc.AcceptFee(context.Background(), id, tok); err != nil {
			return err
		}
		l.later(6)
		return l.answer(id, appeals.OutcomeDisclosed)
	},
	func(l *requestLoader, id int64, _ string) error { // delay, then answered within it
		l.later(12)
		if _, err := l.svc.NotifyDelay(context.Background(), l.system, id, appeals.AddDays(appeals.DayOf(l.now), 20), "Dokumenty są w archiwum zakładowym; ich zebranie wymaga czasu."); err != nil {
			return err
		}
		l.later(17)
		return l.answer(id, appeals.OutcomeDisclosed)
	},
	func(l *requestLoader, id int64, tok string) error { // silent company → appeal on inaction → instructed
		l.later(20)
		if err := l.appeal(id, tok); err != nil {
			return err
		}
		l.later(6)
		return l.decide(id, appeals.ResultInstructed, 21)
	},
	func(l *requestLoader, id int64, _ string) error { l.later(16); return l.refuse(id, "other_statute") },
	func(*requestLoader, int64, string) error { return nil }, // no answer yet
}

// LoadRequests files the deterministic demo information requests (RequestCount of them,
// spread over 2026, in every stage) through the appeals service, as the system.
func LoadRequests(ctx context.Context, s *registry.Store, companies []registry.Company) error {
	svc, err := appeals.Open(ctx, s)
	if err != nil {
		return err
	}
	l := &requestLoader{svc: svc, r: rand.New(rand.NewPCG(DefaultSeed, 0x77_6e)), system: registry.SystemActor("demo")}
	svc.Now = func() time.Time { return l.now }
	start := time.Date(2026, 1, 7, 8, 30, 0, 0, appeals.Warsaw)
	for i := 0; i < RequestCount; i++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		l.now = start.Add(time.Duration(i*7)*24*time.Hour + time.Duration(l.r.IntN(480))*time.Minute)
		who := demoRequesters[i%len(demoRequesters)]
		subject := demoSubjects[l.r.IntN(len(demoSubjects))]
		text := fmt.Sprintf("Na podstawie art. 2 ust. 1 ustawy o dostępie do informacji publicznej wnoszę o udostępnienie informacji: %s.", subject)
		if who.Name != "" {
			text += "\n\nZ poważaniem\n" + who.Name
		}
		co := companies[(i*3)%len(companies)]
		r, token, err := svc.Submit(ctx, registry.PublicActor, appeals.Submission{Company: co.Slug, Subject: subject, Text: text,
			Name: who.Name, Email: who.Email, PublicText: i%4 != 3})
		if err != nil {
			return fmt.Errorf("demo request %d: %w", i, err)
		}
		if err := demoScripts[i%len(demoScripts)](l, r.ID, token); err != nil {
			return fmt.Errorf("demo request %d (%s): %w", i, r.Ref, err)
		}
	}
	return nil
}
