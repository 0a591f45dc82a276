package appeals

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// polishLetters is the alphabet the fuzzed names are made of.
const polishLetters = "aąbcćdeęfghijklłmnńoóprsśtuwyzźżAĄBCĆDEĘFGHIJKLŁMNŃOÓPRSŚTUWYZŹŻ"

// FuzzRedactor: whatever the text around it, a requester's name (Polish letters, one or
// two words) and e-mail never survive in a public text.
func FuzzRedactor(f *testing.F) {
	f.Add("Anna Kowalska", "Szanowna Pani Anno Kowalska, odpowiadamy Pani Kowalskiej.")
	f.Add("Łukasz Żółć", "ŁUKASZ ŻÓŁĆ i lukasz zolc")
	f.Add("Jan", "Jan,Jan;Jan\nJan")
	f.Fuzz(func(t *testing.T, name, text string) {
		var b strings.Builder
		for _, r := range name {
			if strings.ContainsRune(polishLetters, r) || (r == ' ' && b.Len() > 0) {
				b.WriteRune(r)
			}
		}
		name = strings.Join(strings.Fields(b.String()), " ")
		if utf8.RuneCountInString(name) < 3 || strings.Contains(strings.ToLower(Redacted), strings.ToLower(name)) || !utf8.ValidString(text) {
			return
		}
		email := "x" + strings.ToLower(strings.ReplaceAll(name, " ", ".")) + "@example.pl"
		out := NewRedactor(name, email).Text(text + " " + name + " " + email + " " + strings.ToUpper(name))
		low := strings.ToLower(out)
		if strings.Contains(low, strings.ToLower(name)) || strings.Contains(low, "@example.pl") {
			t.Fatalf("name %q survives in %q", name, out)
		}
	})
}

// FuzzApply: any sequence of steps with any data is either accepted or refused with a
// conflict or a per-field message — never a panic — and the state it leaves replays the same.
func FuzzApply(f *testing.F) {
	f.Add([]byte{0, 7, 10, 11, 12}, "tekst", "trade_secret", int64(3))
	f.Add([]byte{0, 1, 2, 5, 8, 9}, "x", "privacy", int64(20))
	types := []string{EvSubmitted, EvClarificationRequested, EvClarified, EvFeeNotified, EvFeeAccepted, EvDelayNotified,
		EvAnswered, EvRefused, EvReconsiderationAsked, EvReconsiderationDecided, EvAppealed, EvAppealDecided, EvComplied, EvOverdue}
	answers := []string{OutcomeDisclosed, OutcomePartial, OutcomeNotPublic, OutcomeNotHeld, ResultUpheld, "bogus"}
	results := []string{ResultUpheld, ResultInstructed, ResultPartly, ResultRejectedScope, ResultRejectedLate}
	f.Fuzz(func(t *testing.T, steps []byte, text, ground string, gap int64) {
		st := &State{}
		var log []Event
		day := at("2026-03-02")
		for i, s := range steps {
			day = day.AddDate(0, 0, int(uint64(gap)%40))
			ev := Event{ID: int64(i + 1), Type: types[int(s)%len(types)], At: day, Data: EventData{
				Text: text, Subject: text, Ground: ground, Holder: text, Answer: answers[int(s)%len(answers)], Result: results[int(s)%len(results)],
				Officials: []Official{{Name: "Jan Nowak", Function: "Prezes"}}, Fee: 100, RequestedDue: DayOf(day.AddDate(0, 1, 0)),
				ComplyBy: DayOf(day.AddDate(0, 0, 10)), Term: st.DueTerm, Due: st.Due,
			}}
			if err := st.Apply(ev); err == nil {
				log = append(log, ev)
			} else if e, ok := err.(interface{ Error() string }); !ok || e.Error() == "" {
				t.Fatalf("a refusal without a message: %v", err)
			}
		}
		again, err := Derive(log)
		if err != nil {
			t.Fatalf("the accepted log does not replay: %v", err)
		}
		if again.Stage != st.Stage || again.Outcome != st.Outcome || len(again.Appeals) != len(st.Appeals) {
			t.Fatalf("replay differs: %+v vs %+v", again, st)
		}
	})
}
