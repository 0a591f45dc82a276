package appeals

import (
	"strings"
	"testing"
	"time"

	"jawnosc/registry"
)

// at returns noon in Warsaw on an ISO day.
func at(d string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", d+" 12:00", Warsaw)
	if err != nil {
		panic(err)
	}
	return t
}

var officials = []Official{{Name: "Jan Prezes", Function: "Prezes Zarządu"}}

// ev builds an event of type t on day d with data.
func ev(id int64, t, d string, data EventData) Event {
	return Event{ID: id, Type: t, At: at(d), Data: data}
}

func submitted(d string) Event {
	return ev(1, EvSubmitted, d, EventData{Subject: "Umowa na reklamę", Text: "Proszę o kopię umowy."})
}

func answered(id int64, d, answer string) Event {
	data := EventData{Text: "Odpowiedź.", Answer: answer}
	if answer == OutcomePartial {
		data.Ground, data.Officials = "privacy", officials
	}
	return ev(id, EvAnswered, d, data)
}

func refused(id int64, d string) Event {
	return ev(id, EvRefused, d, EventData{Text: "Uzasadnienie.", Ground: "trade_secret", Holder: "Wykonawca sp. z o.o.", Officials: officials})
}

func appealed(id int64, d string) Event {
	return ev(id, EvAppealed, d, EventData{Text: "Odmowa jest bezpodstawna."})
}

func decided(id int64, d, result, complyBy string) Event {
	return ev(id, EvAppealDecided, d, EventData{Text: "Uzasadnienie urzędu.", Result: result, ComplyBy: registry.Date(complyBy)})
}

// TestTransitions replays a log and then applies one more event, expecting success or
// the named error code and a message fragment.
func TestTransitions(t *testing.T) {
	base := []Event{submitted("2026-03-02")}
	after := func(evs ...Event) []Event { return append(append([]Event{}, base...), evs...) }
	refusedLog := after(refused(2, "2026-03-10"))
	appealLog := append(append([]Event{}, refusedLog...), appealed(3, "2026-03-12"))
	complianceLog := append(append([]Event{}, appealLog...), decided(4, "2026-03-20", ResultInstructed, "2026-04-03"))
	reconsLog := append(append([]Event{}, refusedLog...), ev(3, EvReconsiderationAsked, "2026-03-11", EventData{Text: "Proszę o ponowne rozpatrzenie."}))
	tests := []struct {
		name    string
		log     []Event
		next    Event
		code    string // "" = allowed
		msg     string
		stage   string
		outcome string
	}{
		{"submit twice", base, submitted("2026-03-03"), registry.ECONFLICT, "już złożony", "", ""},
		{"answer before submission", nil, answered(1, "2026-03-03", OutcomeDisclosed), registry.ECONFLICT, "nie został jeszcze złożony", "", ""},
		{"disclose", base, answered(2, "2026-03-05", OutcomeDisclosed), "", "", StageAnswered, OutcomeDisclosed},
		{"not held", base, answered(2, "2026-03-05", OutcomeNotHeld), "", "", StageAnswered, OutcomeNotHeld},
		{"not public", base, answered(2, "2026-03-05", OutcomeNotPublic), "", "", StageAnswered, OutcomeNotPublic},
		{"partial needs ground", base, ev(2, EvAnswered, "2026-03-05", EventData{Text: "x", Answer: OutcomePartial}), registry.EINVALID, "", "", ""},
		{"answer with a refusal code", base, ev(2, EvAnswered, "2026-03-05", EventData{Text: "x", Answer: OutcomeRefused}), registry.EINVALID, "", "", ""},
		{"refuse", base, refused(2, "2026-03-05"), "", "", StageAnswered, OutcomeRefused},
		{"refuse without officials", base, ev(2, EvRefused, "2026-03-05", EventData{Text: "x", Ground: "privacy"}), registry.EINVALID, "", "", ""},
		{"refuse trade secret without holder", base, ev(2, EvRefused, "2026-03-05", EventData{Text: "x", Ground: "trade_secret", Officials: officials}), registry.EINVALID, "", "", ""},
		{"refuse other statute without provision", base, ev(2, EvRefused, "2026-03-05", EventData{Text: "x", Ground: "other_statute", Officials: officials}), registry.EINVALID, "", "", ""},
		{"refuse with unknown ground", base, ev(2, EvRefused, "2026-03-05", EventData{Text: "x", Ground: "not_held", Officials: officials}), registry.EINVALID, "", "", ""},
		{"answer twice", after(answered(2, "2026-03-05", OutcomeDisclosed)), answered(3, "2026-03-06", OutcomeNotHeld), registry.ECONFLICT, "już odpowiedziała", "", ""},
		{"ask clarification", base, ev(2, EvClarificationRequested, "2026-03-04", EventData{Text: "Której umowy?"}), "", "", StageClarification, ""},
		{"answer while waiting for clarification", after(ev(2, EvClarificationRequested, "2026-03-04", EventData{Text: "?"})), answered(3, "2026-03-05", OutcomeDisclosed), registry.ECONFLICT, "doprecyzowanie", "", ""},
		{"clarify", after(ev(2, EvClarificationRequested, "2026-03-04", EventData{Text: "?"})), ev(3, EvClarified, "2026-03-09", EventData{Text: "Umowy nr 5."}), "", "", StageAwaitingAnswer, ""},
		{"clarify unasked", base, ev(2, EvClarified, "2026-03-09", EventData{Text: "x"}), registry.ECONFLICT, "nie prosiła", "", ""},
		{"fee", base, ev(2, EvFeeNotified, "2026-03-04", EventData{Text: "Koszt kopii.", Fee: 2500}), "", "", StageFee, ""},
		{"fee of zero", base, ev(2, EvFeeNotified, "2026-03-04", EventData{Text: "Koszt kopii."}), registry.EINVALID, "", "", ""},
		{"accept fee", after(ev(2, EvFeeNotified, "2026-03-04", EventData{Text: "x", Fee: 100})), ev(3, EvFeeAccepted, "2026-03-06", EventData{}), "", "", StageAwaitingAnswer, ""},
		{"accept fee never notified", base, ev(2, EvFeeAccepted, "2026-03-06", EventData{}), registry.ECONFLICT, "opłacie", "", ""},
		{"delay", base, ev(2, EvDelayNotified, "2026-03-10", EventData{Text: "Obszerne dokumenty.", RequestedDue: "2026-04-15"}), "", "", StageAwaitingAnswer, ""},
		{"delay to an earlier date", base, ev(2, EvDelayNotified, "2026-03-10", EventData{Text: "x", RequestedDue: "2026-03-12"}), registry.EINVALID, "", "", ""},
		{"delay without reasons", base, ev(2, EvDelayNotified, "2026-03-10", EventData{RequestedDue: "2026-04-15"}), registry.EINVALID, "", "", ""},
		{"delay after the due date", base, ev(2, EvDelayNotified, "2026-03-20", EventData{Text: "x", RequestedDue: "2026-04-15"}), registry.ECONFLICT, "", "", ""},
		{"second delay past two months", after(ev(2, EvDelayNotified, "2026-03-10", EventData{Text: "x", RequestedDue: "2026-09-01"})), ev(3, EvDelayNotified, "2026-03-11", EventData{Text: "x", RequestedDue: "2026-10-01"}), registry.ECONFLICT, "dwa miesiące", "", ""},
		{"late answer allowed", base, answered(2, "2026-04-01", OutcomeDisclosed), "", "", StageAnswered, OutcomeDisclosed},
		{"reconsider a refusal", refusedLog, ev(3, EvReconsiderationAsked, "2026-03-20", EventData{Text: "Proszę."}), "", "", StageReconsideration, OutcomeRefused},
		{"reconsider too late", refusedLog, ev(3, EvReconsiderationAsked, "2026-03-25", EventData{Text: "Proszę."}), registry.ECONFLICT, "minął", "", ""},
		{"reconsider a disclosure", after(answered(2, "2026-03-05", OutcomeDisclosed)), ev(3, EvReconsiderationAsked, "2026-03-06", EventData{Text: "x"}), registry.ECONFLICT, "po decyzji", "", ""},
		{"reconsider not public", after(answered(2, "2026-03-05", OutcomeNotPublic)), ev(3, EvReconsiderationAsked, "2026-03-06", EventData{Text: "x"}), registry.ECONFLICT, "po decyzji", "", ""},
		{"reconsider twice", reconsLog, ev(4, EvReconsiderationAsked, "2026-03-12", EventData{Text: "x"}), registry.ECONFLICT, "", "", ""},
		{"reconsideration upheld", reconsLog, ev(4, EvReconsiderationDecided, "2026-03-20", EventData{Text: "Utrzymuję.", Answer: ResultUpheld, Officials: officials}), "", "", StageAnswered, OutcomeRefused},
		{"reconsideration discloses", reconsLog, ev(4, EvReconsiderationDecided, "2026-03-20", EventData{Text: "Udostępniam.", Answer: OutcomeDisclosed}), "", "", StageAnswered, OutcomeDisclosed},
		{"reconsideration decided unasked", refusedLog, ev(3, EvReconsiderationDecided, "2026-03-20", EventData{Text: "x", Answer: ResultUpheld, Officials: officials}), registry.ECONFLICT, "", "", ""},
		{"reconsider after reconsideration", append(append([]Event{}, reconsLog...), ev(4, EvReconsiderationDecided, "2026-03-20", EventData{Text: "x", Answer: ResultUpheld, Officials: officials})), ev(5, EvReconsiderationAsked, "2026-03-21", EventData{Text: "x"}), registry.ECONFLICT, "już ponownie", "", ""},
		{"appeal during reconsideration in time", reconsLog, appealed(4, "2026-03-12"), registry.ECONFLICT, "", "", ""},
		{"appeal when reconsideration overdue", reconsLog, appealed(4, "2026-03-26"), "", "", StageAppeal, OutcomeRefused},
		{"appeal a refusal", refusedLog, appealed(3, "2026-03-12"), "", "", StageAppeal, OutcomeRefused},
		{"appeal partial", after(answered(2, "2026-03-05", OutcomePartial)), appealed(3, "2026-03-12"), "", "", StageAppeal, OutcomePartial},
		{"appeal not public", after(answered(2, "2026-03-05", OutcomeNotPublic)), appealed(3, "2026-03-12"), "", "", StageAppeal, OutcomeNotPublic},
		{"appeal a disclosure", after(answered(2, "2026-03-05", OutcomeDisclosed)), appealed(3, "2026-03-12"), registry.ECONFLICT, "po odmowie", "", ""},
		{"appeal not held", after(answered(2, "2026-03-05", OutcomeNotHeld)), appealed(3, "2026-03-12"), registry.ECONFLICT, "", "", ""},
		{"appeal before due date", base, appealed(2, "2026-03-10"), registry.ECONFLICT, "16.03.2026", "", ""},
		{"appeal on the due date", base, appealed(2, "2026-03-16"), registry.ECONFLICT, "", "", ""},
		{"appeal when overdue", base, appealed(2, "2026-03-17"), "", "", StageAppeal, ""},
		{"appeal while paused", after(ev(2, EvClarificationRequested, "2026-03-04", EventData{Text: "?"})), appealed(3, "2026-04-30"), registry.ECONFLICT, "wstrzymany", "", ""},
		{"appeal without grounds", refusedLog, ev(3, EvAppealed, "2026-03-12", EventData{}), registry.EINVALID, "", "", ""},
		{"appeal twice", appealLog, appealed(4, "2026-03-13"), registry.ECONFLICT, "czeka na rozstrzygnięcie", "", ""},
		{"upheld", appealLog, decided(4, "2026-03-20", ResultUpheld, ""), "", "", StageClosed, OutcomeRefused},
		{"instructed", appealLog, decided(4, "2026-03-20", ResultInstructed, "2026-04-03"), "", "", StageCompliance, OutcomeRefused},
		{"partly", appealLog, decided(4, "2026-03-20", ResultPartly, "2026-04-03"), "", "", StageCompliance, OutcomeRefused},
		{"instructed without a date", appealLog, decided(4, "2026-03-20", ResultInstructed, ""), registry.EINVALID, "", "", ""},
		{"instructed with a past date", appealLog, decided(4, "2026-03-20", ResultInstructed, "2026-03-19"), registry.EINVALID, "", "", ""},
		{"rejected out of scope", appealLog, decided(4, "2026-03-20", ResultRejectedScope, ""), "", "", StageClosed, OutcomeRefused},
		{"rejected late when in time", appealLog, decided(4, "2026-03-20", ResultRejectedLate, ""), registry.ECONFLICT, "w terminie", "", ""},
		{"rejected late when late", append(append([]Event{}, refusedLog...), appealed(3, "2026-04-20")), decided(4, "2026-04-21", ResultRejectedLate, ""), "", "", StageClosed, OutcomeRefused},
		{"upheld on inaction", append(append([]Event{}, base...), appealed(2, "2026-03-17")), decided(3, "2026-03-20", ResultUpheld, ""), registry.ECONFLICT, "bezczynności", "", ""},
		{"instructed on inaction", append(append([]Event{}, base...), appealed(2, "2026-03-17")), decided(3, "2026-03-20", ResultInstructed, "2026-03-30"), "", "", StageCompliance, ""},
		{"decide without appeal", refusedLog, decided(3, "2026-03-20", ResultUpheld, ""), registry.ECONFLICT, "Nie ma odwołania", "", ""},
		{"decide twice", complianceLog, decided(5, "2026-03-21", ResultUpheld, ""), registry.ECONFLICT, "", "", ""},
		{"decide an unknown result", appealLog, decided(4, "2026-03-20", "approved", ""), registry.EINVALID, "", "", ""},
		{"comply", complianceLog, ev(5, EvComplied, "2026-04-01", EventData{Text: "Udostępniamy umowę."}), "", "", StageClosed, OutcomeDisclosed},
		{"comply without decision", refusedLog, ev(3, EvComplied, "2026-04-01", EventData{Text: "x"}), registry.ECONFLICT, "", "", ""},
		{"answer during compliance", complianceLog, answered(5, "2026-04-01", OutcomeDisclosed), registry.ECONFLICT, "", "", ""},
		{"appeal after decision", complianceLog, appealed(5, "2026-03-25"), registry.ECONFLICT, "rozstrzygnął", "", ""},
		{"appeal again after compliance", append(append([]Event{}, complianceLog...), ev(5, EvComplied, "2026-04-01", EventData{Text: "x"})), appealed(6, "2026-04-02"), registry.ECONFLICT, "", "", ""},
		{"record overdue", base, ev(2, EvOverdue, "2026-03-17", EventData{Term: TermAnswer, Due: "2026-03-16"}), "", "", StageAwaitingAnswer, ""},
		{"record overdue early", base, ev(2, EvOverdue, "2026-03-16", EventData{Term: TermAnswer, Due: "2026-03-16"}), registry.ECONFLICT, "", "", ""},
		{"record overdue twice", after(ev(2, EvOverdue, "2026-03-17", EventData{Term: TermAnswer, Due: "2026-03-16"})), ev(3, EvOverdue, "2026-03-18", EventData{Term: TermAnswer, Due: "2026-03-16"}), registry.ECONFLICT, "już odnotowany", "", ""},
		{"record overdue of another term", base, ev(2, EvOverdue, "2026-03-17", EventData{Term: TermAppeal, Due: "2026-03-16"}), registry.ECONFLICT, "", "", ""},
		{"unknown event", base, ev(2, "deleted", "2026-03-17", EventData{}), registry.EINVALID, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st, err := Derive(tt.log)
			if err != nil {
				t.Fatalf("replaying the log: %v", err)
			}
			err = st.Apply(tt.next)
			if got := registry.ErrorCode(err); got != tt.code {
				t.Fatalf("Apply(%s) = %v, want code %q", tt.next.Type, err, tt.code)
			}
			if tt.code != "" {
				if !strings.Contains(registry.ErrorMessage(err), tt.msg) {
					t.Errorf("message %q does not mention %q", registry.ErrorMessage(err), tt.msg)
				}
				if tt.code == registry.ECONFLICT && registry.ErrorMessage(err) == "" {
					t.Error("a conflict without a message")
				}
				return
			}
			if st.Stage != tt.stage || st.Outcome != tt.outcome {
				t.Errorf("stage/outcome = %s/%s, want %s/%s", st.Stage, st.Outcome, tt.stage, tt.outcome)
			}
		})
	}
}

// TestDueDates follows the running due date through a request's life.
func TestDueDates(t *testing.T) {
	st, err := Derive([]Event{submitted("2026-03-02")})
	if err != nil {
		t.Fatal(err)
	}
	check := func(due registry.Date, term string) {
		t.Helper()
		if st.Due != due || st.DueTerm != term {
			t.Fatalf("due = %s (%s), want %s (%s)", st.Due, st.DueTerm, due, term)
		}
	}
	apply := func(e Event) {
		t.Helper()
		if err := st.Apply(e); err != nil {
			t.Fatal(err)
		}
	}
	check("2026-03-16", TermAnswer)
	if !st.Overdue("2026-03-17") || st.Overdue("2026-03-16") || st.DaysLeft("2026-03-13") != 3 {
		t.Fatal("overdue and days left are wrong")
	}
	apply(ev(2, EvClarificationRequested, "2026-03-05", EventData{Text: "?"}))
	if st.Overdue("2026-04-30") {
		t.Fatal("a paused clock is never overdue")
	}
	apply(ev(3, EvClarified, "2026-03-12", EventData{Text: "!"}))
	check("2026-03-23", TermAnswer) // 7 paused days
	apply(ev(4, EvDelayNotified, "2026-03-20", EventData{Text: "Obszerne.", RequestedDue: "2026-06-30"}))
	check("2026-05-11", TermAnswer) // capped at 2026-05-02, + 7 paused days = 05-09 (Saturday) → 05-11
	apply(refused(5, "2026-04-01"))
	check("", "")
	apply(appealed(6, "2026-04-03"))
	check("2026-04-17", TermAppeal)
	if a := st.CurrentAppeal(); a.Late || a.Against != OutcomeRefused || a.ID != 6 {
		t.Fatalf("appeal = %+v", a)
	}
	apply(decided(7, "2026-04-10", ResultInstructed, "2026-04-25"))
	check("2026-04-27", TermCompliance) // Saturday → Monday
	if !st.Noncompliant("2026-04-28") || st.Noncompliant("2026-04-27") {
		t.Fatal("non-compliance is computed from the date to comply")
	}
	if st.FirstAnswer != "2026-04-01" || st.AnsweredLate || st.FirstOutcome != OutcomeRefused {
		t.Fatalf("first answer = %s late=%v %s", st.FirstAnswer, st.AnsweredLate, st.FirstOutcome)
	}
}

func TestAuthorize(t *testing.T) {
	mpk := registry.Actor{Role: registry.RoleOfficer, Login: "anna", Companies: []int64{1}}
	mpo := registry.Actor{Role: registry.RoleOfficer, Login: "olek", Companies: []int64{2}}
	sup := registry.Actor{Role: registry.RoleSupervisor, Login: "urzad"}
	tests := []struct {
		actor  registry.Actor
		token  bool
		evType string
		code   string
		role   string
	}{
		{registry.PublicActor, false, EvSubmitted, "", RoleResident},
		{registry.PublicActor, false, EvAppealed, registry.EFORBIDDEN, ""},
		{registry.PublicActor, true, EvAppealed, "", RoleResident},
		{mpk, false, EvClarified, registry.EFORBIDDEN, ""},
		{mpk, false, EvRefused, "", RoleOfficer},
		{mpo, false, EvRefused, registry.EFORBIDDEN, ""},
		{sup, false, EvRefused, registry.EFORBIDDEN, ""},
		{registry.PublicActor, true, EvAnswered, registry.EUNAUTHORIZED, ""},
		{sup, false, EvAppealDecided, "", RoleSupervisor},
		{mpk, false, EvAppealDecided, registry.EFORBIDDEN, ""},
		{registry.PublicActor, true, EvAppealDecided, registry.EUNAUTHORIZED, ""},
		{mpk, false, EvComplied, "", RoleOfficer},
		{mpo, false, EvComplied, registry.EFORBIDDEN, ""},
		{sup, false, EvOverdue, registry.EFORBIDDEN, ""},
		{registry.SystemActor("jobs"), false, EvOverdue, "", RoleSystem},
	}
	for _, tt := range tests {
		role, login, err := Authorize(tt.actor, tt.token, 1, tt.evType)
		if registry.ErrorCode(err) != tt.code || role != tt.role {
			t.Errorf("%s by %s (token %v): role %q err %v, want %q %q", tt.evType, tt.actor.Login, tt.token, role, err, tt.role, tt.code)
		}
		if role == RoleResident && login != residentLogin {
			t.Errorf("the resident is logged as %q", login)
		}
	}
}

func TestRedactor(t *testing.T) {
	r := NewRedactor("Anna Kowalska", "anna.kowalska@example.pl")
	in := "Szanowna Pani Anno Kowalska, odpowiadamy na wniosek pani Kowalskiej (anna.kowalska@example.pl, ANNA.KOWALSKA). Nowa Huta, Kowalski, Annapurna."
	out := r.Text(in)
	for _, leak := range []string{"Anno", "Kowalsk", "example", "anna.kowalska", "ANNA"} {
		if strings.Contains(out, leak) {
			t.Errorf("%q leaks %q", out, leak)
		}
	}
	if !strings.Contains(out, "odpowiadamy na wniosek") || !strings.Contains(out, "Nowa Huta") || !strings.Contains(out, "Annapurna") {
		t.Errorf("too much removed: %q", out)
	}
	if got := NewRedactor("Łukasz Żółć", "").Text("Pan Lukasz Zolc i pan ŁUKASZ ŻÓŁCIA"); strings.Contains(strings.ToLower(got), "ukasz") || strings.Contains(strings.ToLower(got), "zol") || strings.Contains(strings.ToLower(got), "żół") {
		t.Errorf("diacritics-insensitive redaction failed: %q", got)
	}
	if got := NewRedactor("", "").Text("bez zmian"); got != "bez zmian" {
		t.Errorf("empty redactor changed text: %q", got)
	}
}

func TestToken(t *testing.T) {
	tok, hash, err := NewToken()
	if err != nil {
		t.Fatal(err)
	}
	tok2, _, _ := NewToken()
	if len(tok) < 43 || tok == tok2 || !TokenMatches(tok, hash) || TokenMatches(tok2, hash) || TokenMatches("", hash) {
		t.Fatalf("token %q hash %q", tok, hash)
	}
	if strings.Contains(hash, tok) {
		t.Fatal("the hash contains the token")
	}
}
