package appeals

import (
	"time"

	"jawnosc/registry"
)

// State is what the log of one request says now. Derive builds it; nothing of it is stored
// except as a projection for listing.
type State struct {
	Stage       string        `json:"stage"`
	Outcome     string        `json:"outcome"`  // the latest substantive result (Outcome* codes)
	Due         registry.Date `json:"due"`      // the running due date; "" when nobody has to act
	DueTerm     string        `json:"due_term"` // whose due date runs (Term* codes)
	Paused      bool          `json:"paused"`   // clarification or fee notice: the clock stands
	Submitted   registry.Date `json:"submitted"`
	SubmittedAt time.Time     `json:"submitted_at"`
	// FirstAnswer is the day of the company's first substantive answer (statistics).
	FirstAnswer   registry.Date `json:"first_answer,omitempty"`
	AnsweredLate  bool          `json:"answered_late,omitempty"`
	FirstOutcome  string        `json:"first_outcome,omitempty"`
	Appeals       []Appeal      `json:"appeals"`
	pauses        []Pause
	delayedTo     registry.Date
	response      *Event // the latest substantive response (answer, refusal, reconsideration)
	reconsidered  bool   // the resident asked to reconsider the latest response
	appealedResp  int64  // id of the response already appealed against
	recordedTerms map[string]bool
}

// Appeal is an appeal to the mayor's office and what became of it.
type Appeal struct {
	ID         int64         `json:"id"`
	FiledOn    registry.Date `json:"filed_on"`
	Against    string        `json:"against"` // an Outcome code, or "overdue" for inaction
	Late       bool          `json:"late"`    // filed after AppealAskDays from the response
	Due        registry.Date `json:"due"`     // the office decides by
	Result     string        `json:"result,omitempty"`
	DecidedOn  registry.Date `json:"decided_on,omitempty"`
	ComplyBy   registry.Date `json:"comply_by,omitempty"`
	CompliedOn registry.Date `json:"complied_on,omitempty"`
}

// AgainstOverdue marks an appeal against the company's inaction.
const AgainstOverdue = "overdue"

// Overdue reports whether the running due date passed before today.
func (st *State) Overdue(today registry.Date) bool {
	return st.DueTerm != "" && !st.Paused && st.Due != "" && today > st.Due
}

// DaysLeft returns the calendar days from today to the due date (negative when overdue),
// 0 when no due date runs.
func (st *State) DaysLeft(today registry.Date) int {
	if st.DueTerm == "" || st.Due == "" {
		return 0
	}
	return registry.DaysBetween(today, st.Due)
}

// Noncompliant reports whether the company missed the date set by the mayor's office.
func (st *State) Noncompliant(today registry.Date) bool {
	return st.Stage == StageCompliance && st.Overdue(today)
}

// CurrentAppeal returns the latest appeal, or nil.
func (st *State) CurrentAppeal() *Appeal {
	if len(st.Appeals) == 0 {
		return nil
	}
	return &st.Appeals[len(st.Appeals)-1]
}

// Response returns the latest substantive response event, or nil.
func (st *State) Response() *Event { return st.response }

// OverdueRecorded reports whether an overdue event for term and due is in the log.
func (st *State) OverdueRecorded(term string, due registry.Date) bool {
	return st.recordedTerms[term+"|"+string(due)]
}

// Derive replays a request's log through the rules and returns its state. An error means
// the log breaks the rules (it cannot happen to a log written through Apply).
func Derive(events []Event) (*State, error) {
	st := &State{}
	for i := range events {
		if err := st.Apply(events[i]); err != nil {
			return nil, err
		}
	}
	return st, nil
}

// refreshDue recomputes the due date of the company's answer after a pause or delay.
func (st *State) refreshDue(today registry.Date) {
	st.Due = AnswerDue(st.Submitted, st.delayedTo, st.pauses, today)
}

// Apply checks ev against the rules for the current state and, when allowed, applies it.
// Forbidden transitions return ECONFLICT with a Polish message; missing or bad data returns
// EINVALID with per-field messages. Authorization is not checked here (see Authorize).
func (st *State) Apply(ev Event) error {
	if err := validateData(ev); err != nil {
		return err
	}
	day := ev.Day()
	if st.Stage == "" && ev.Type != EvSubmitted {
		return conflict("Wniosek nie został jeszcze złożony.")
	}
	switch ev.Type {
	case EvSubmitted:
		if st.Stage != "" {
			return conflict("Wniosek został już złożony.")
		}
		st.Stage, st.Submitted, st.SubmittedAt = StageAwaitingAnswer, day, ev.At
		st.DueTerm = TermAnswer
		st.refreshDue(day)

	case EvClarificationRequested, EvFeeNotified:
		if err := st.requireAnswerPending(day, "wezwać do doprecyzowania ani powiadomić o opłacie"); err != nil {
			return err
		}
		st.Stage = StageClarification
		if ev.Type == EvFeeNotified {
			st.Stage = StageFee
		}
		st.Paused = true
		st.pauses = append(st.pauses, Pause{From: day})

	case EvClarified, EvFeeAccepted:
		want, msg := StageClarification, "Spółka nie prosiła o doprecyzowanie wniosku."
		if ev.Type == EvFeeAccepted {
			want, msg = StageFee, "Spółka nie powiadomiła o opłacie."
		}
		if st.Stage != want {
			return conflict("%s", msg)
		}
		st.pauses[len(st.pauses)-1].To = day
		st.Paused, st.Stage = false, StageAwaitingAnswer
		st.refreshDue(day)

	case EvDelayNotified:
		if err := st.requireAnswerPending(day, "przedłużyć terminu"); err != nil {
			return err
		}
		if day > st.Due {
			return conflict("Termin odpowiedzi minął %s; o przedłużeniu trzeba zawiadomić przed jego upływem.", st.Due.Polish())
		}
		limit := AnswerDue(st.Submitted, AddMonths(st.Submitted, DelayMonths), st.pauses, day)
		if st.Due >= limit {
			return conflict("Terminu nie można przedłużyć: odpowiedź musi zostać udzielona najpóźniej %s (dwa miesiące od złożenia wniosku).", limit.Polish())
		}
		capped := CapDelay(st.Submitted, ev.Data.RequestedDue)
		if AnswerDue(st.Submitted, capped, st.pauses, day) <= st.Due {
			return invalid("new_due", "Nowy termin musi być późniejszy niż obecny ("+st.Due.Polish()+").")
		}
		st.delayedTo = capped
		st.refreshDue(day)

	case EvAnswered, EvRefused:
		if err := st.requireAnswerPending(day, "udzielić odpowiedzi"); err != nil {
			return err
		}
		outcome := ev.Data.Answer
		if ev.Type == EvRefused {
			outcome = OutcomeRefused
		}
		if st.FirstAnswer == "" {
			st.FirstAnswer, st.FirstOutcome, st.AnsweredLate = day, outcome, day > st.Due
		}
		st.respond(&ev, outcome)

	case EvReconsiderationAsked:
		r := st.response
		if st.Stage != StageAnswered || r == nil || !isDecision(st.Outcome) {
			return conflict("O ponowne rozpatrzenie można wnieść tylko po decyzji o odmowie (także częściowej).")
		}
		if r.Type == EvReconsiderationDecided {
			return conflict("Sprawa została już ponownie rozpatrzona; pozostaje odwołanie do urzędu miasta lub skarga do sądu administracyjnego.")
		}
		if st.reconsidered {
			return conflict("Wniosek o ponowne rozpatrzenie tej decyzji został już złożony.")
		}
		if last := Deadline(r.Day(), ReconsiderAskDays); day > last {
			return conflict("Termin na wniosek o ponowne rozpatrzenie minął %s (14 dni od decyzji).", last.Polish())
		}
		st.reconsidered = true
		st.Stage, st.DueTerm, st.Due = StageReconsideration, TermReconsideration, Deadline(day, ReconsiderDays)

	case EvReconsiderationDecided:
		if st.Stage != StageReconsideration {
			return conflict("Nie ma wniosku o ponowne rozpatrzenie do rozstrzygnięcia.")
		}
		outcome := st.Outcome
		if ev.Data.Answer != ResultUpheld {
			outcome = ev.Data.Answer
		}
		st.respond(&ev, outcome)

	case EvAppealed:
		return st.appeal(ev, day)

	case EvAppealDecided:
		return st.decide(ev, day)

	case EvComplied:
		if st.Stage != StageCompliance {
			return conflict("Nie ma rozstrzygnięcia urzędu miasta do wykonania.")
		}
		a := st.CurrentAppeal()
		a.CompliedOn = day
		st.Outcome = OutcomeDisclosed
		if a.Result == ResultPartly {
			st.Outcome = OutcomePartial
		}
		st.Stage, st.DueTerm, st.Due = StageClosed, "", ""

	case EvOverdue:
		if st.DueTerm != ev.Data.Term || st.Due != ev.Data.Due || st.Paused {
			return conflict("Ten termin nie biegnie.")
		}
		if day <= st.Due {
			return conflict("Termin jeszcze nie minął.")
		}
		if st.OverdueRecorded(ev.Data.Term, ev.Data.Due) {
			return conflict("Upływ tego terminu został już odnotowany.")
		}
		if st.recordedTerms == nil {
			st.recordedTerms = map[string]bool{}
		}
		st.recordedTerms[ev.Data.Term+"|"+string(ev.Data.Due)] = true

	default:
		return invalid("type", "Nieznany rodzaj zdarzenia.")
	}
	return nil
}

// requireAnswerPending allows company steps only while its answer is due and not paused.
func (st *State) requireAnswerPending(day registry.Date, what string) error {
	switch st.Stage {
	case StageAwaitingAnswer:
		return nil
	case StageClarification:
		return conflict("Nie można %s: wniosek czeka na doprecyzowanie przez wnioskodawcę.", what)
	case StageFee:
		return conflict("Nie można %s: wniosek czeka na przyjęcie opłaty przez wnioskodawcę.", what)
	}
	return conflict("Nie można %s: spółka już odpowiedziała na ten wniosek.", what)
}

// respond records a substantive response; the resident may then reconsider or appeal.
func (st *State) respond(ev *Event, outcome string) {
	st.response, st.reconsidered = ev, false
	st.Outcome = outcome
	st.Stage, st.DueTerm, st.Due = StageAnswered, "", ""
}

// isDecision reports whether an outcome is a decision refusing access (in whole or in part).
func isDecision(outcome string) bool { return outcome == OutcomeRefused || outcome == OutcomePartial }

// Appealable returns "" when the resident may appeal on day, else the Polish reason why not.
func (st *State) Appealable(day registry.Date) string {
	switch st.Stage {
	case StageAppeal:
		return "Odwołanie w tej sprawie czeka na rozstrzygnięcie urzędu miasta."
	case StageClarification, StageFee:
		return "Termin spółki jest wstrzymany do czasu Twojej odpowiedzi; odwołanie z powodu bezczynności nie przysługuje."
	case StageCompliance, StageClosed:
		return "Urząd miasta rozstrzygnął już odwołanie w tej sprawie."
	case StageAwaitingAnswer, StageReconsideration:
		if st.Overdue(day) {
			return ""
		}
		return "Odwołanie przysługuje po odmowie, częściowym udostępnieniu, odpowiedzi „to nie jest informacja publiczna” albo gdy spółka nie odpowie w terminie (" + st.Due.Polish() + ")."
	case StageAnswered:
		if st.response != nil && st.appealedResp == st.response.ID {
			return "Odwołanie od tej odpowiedzi zostało już rozpatrzone."
		}
		switch st.Outcome {
		case OutcomeRefused, OutcomePartial, OutcomeNotPublic:
			return ""
		}
		return "Odwołanie przysługuje po odmowie, częściowym udostępnieniu albo odpowiedzi „to nie jest informacja publiczna”."
	}
	return "Odwołanie nie przysługuje."
}

// appeal files an appeal to the mayor's office.
func (st *State) appeal(ev Event, day registry.Date) error {
	if why := st.Appealable(day); why != "" {
		return conflict("%s", why)
	}
	a := Appeal{ID: ev.ID, FiledOn: day, Due: Deadline(day, AppealDays)}
	if st.Stage == StageAnswered {
		a.Against = st.Outcome
		a.Late = day > Deadline(st.response.Day(), AppealAskDays)
		st.appealedResp = st.response.ID
	} else {
		a.Against = AgainstOverdue
	}
	st.Appeals = append(st.Appeals, a)
	st.Stage, st.DueTerm, st.Due = StageAppeal, TermAppeal, a.Due
	return nil
}

// decide records the mayor's office's decision on the pending appeal.
func (st *State) decide(ev Event, day registry.Date) error {
	a := st.CurrentAppeal()
	if st.Stage != StageAppeal || a == nil {
		return conflict("Nie ma odwołania czekającego na rozstrzygnięcie.")
	}
	if ev.Data.AppealID != 0 && ev.Data.AppealID != a.ID {
		return conflict("To odwołanie zostało już rozstrzygnięte.")
	}
	r := ev.Data.Result
	switch {
	case r == ResultRejectedLate && !a.Late:
		return conflict("Odwołanie wniesiono w terminie; nie można go odrzucić jako spóźnionego.")
	case (r == ResultUpheld || r == ResultPartly) && a.Against == AgainstOverdue:
		return conflict("Odwołanie dotyczy bezczynności spółki: nie ma odmowy, którą można utrzymać; poleć udzielenie odpowiedzi albo odrzuć odwołanie.")
	case (r == ResultInstructed || r == ResultPartly) && ev.Data.ComplyBy <= day:
		return invalid("comply_by", "Termin wykonania musi przypadać po dniu rozstrzygnięcia.")
	}
	a.Result, a.DecidedOn = r, day
	switch r {
	case ResultInstructed, ResultPartly:
		a.ComplyBy = ev.Data.ComplyBy
		st.Stage, st.DueTerm, st.Due = StageCompliance, TermCompliance, NextWorkingDay(a.ComplyBy)
	default:
		st.Stage, st.DueTerm, st.Due = StageClosed, "", ""
	}
	return nil
}
