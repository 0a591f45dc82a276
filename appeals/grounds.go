package appeals

import "jawnosc/registry"

// Ground is a legal ground for refusing access to information, with its legal basis.
type Ground struct {
	Code  string `json:"code"`
	Label string `json:"label"`
	Basis string `json:"basis"`
}

// udip is how decisions cite the act on access to public information.
const udip = "ustawy z dnia 6 września 2001 r. o dostępie do informacji publicznej (Dz.U. z 2022 r. poz. 902 ze zm.)"

// RefusalGrounds are the grounds a refusal decision may name (UDIP art. 5). "Not public
// information" and "not held" are answers, not refusals: they are Answers below.
var RefusalGrounds = []Ground{
	{"privacy", "prywatność osoby fizycznej", "art. 5 ust. 2 " + udip},
	{"trade_secret", "tajemnica przedsiębiorcy", "art. 5 ust. 2 " + udip + " w związku z art. 11 ust. 2 ustawy z dnia 16 kwietnia 1993 r. o zwalczaniu nieuczciwej konkurencji"},
	{"classified", "informacja niejawna", "art. 5 ust. 1 " + udip + " w związku z ustawą z dnia 5 sierpnia 2010 r. o ochronie informacji niejawnych"},
	{"other_statute", "tajemnica ustawowo chroniona (inna ustawa)", "art. 5 ust. 1 " + udip},
}

// GroundOf returns the ground with code, or nil.
func GroundOf(code string) *Ground {
	for i := range RefusalGrounds {
		if RefusalGrounds[i].Code == code {
			return &RefusalGrounds[i]
		}
	}
	return nil
}

// groundLabels lists the grounds for validation.
func groundLabels() []registry.Label {
	out := make([]registry.Label, len(RefusalGrounds))
	for i, g := range RefusalGrounds {
		out[i] = registry.Label{Code: g.Code, Label: g.Label}
	}
	return out
}

// Outcomes of a request: what the company (or, after an appeal, the compliance) gave.
const (
	OutcomeNone      = ""
	OutcomeDisclosed = "disclosed"  // udostępniono
	OutcomePartial   = "partial"    // udostępniono częściowo, w pozostałej części odmowa (decyzja)
	OutcomeRefused   = "refused"    // odmowa (decyzja)
	OutcomeNotPublic = "not_public" // to nie jest informacja publiczna (pismo, nie decyzja)
	OutcomeNotHeld   = "not_held"   // spółka nie posiada informacji (pismo, nie decyzja)
)

// Outcomes labels every outcome in Polish.
var Outcomes = []registry.Label{
	{Code: OutcomeDisclosed, Label: "udostępniono"},
	{Code: OutcomePartial, Label: "udostępniono częściowo"},
	{Code: OutcomeRefused, Label: "odmowa"},
	{Code: OutcomeNotPublic, Label: "to nie jest informacja publiczna"},
	{Code: OutcomeNotHeld, Label: "spółka nie posiada informacji"},
}

// Answers are the outcomes an answer event may carry (a refusal has its own event).
var Answers = []registry.Label{Outcomes[0], Outcomes[1], Outcomes[3], Outcomes[4]}

// Stages of the process: who has to act next.
const (
	StageAwaitingAnswer  = "awaiting_answer" // the company must answer by Due
	StageClarification   = "clarification"   // the resident must clarify; the clock is paused
	StageFee             = "fee"             // the resident must accept the fee; the clock is paused
	StageAnswered        = "answered"        // the company answered; the resident may reconsider or appeal
	StageReconsideration = "reconsideration" // the company must decide the reconsideration by Due
	StageAppeal          = "appeal"          // the mayor's office must decide by Due
	StageCompliance      = "compliance"      // the company must comply with the decision by Due
	StageClosed          = "closed"          // nothing pending in the city's route
)

// Stages labels every stage in Polish.
var Stages = []registry.Label{
	{Code: StageAwaitingAnswer, Label: "oczekuje na odpowiedź spółki"},
	{Code: StageClarification, Label: "spółka prosi o doprecyzowanie"},
	{Code: StageFee, Label: "spółka powiadomiła o opłacie"},
	{Code: StageAnswered, Label: "spółka odpowiedziała"},
	{Code: StageReconsideration, Label: "ponowne rozpatrzenie przez spółkę"},
	{Code: StageAppeal, Label: "odwołanie w urzędzie miasta"},
	{Code: StageCompliance, Label: "spółka ma wykonać rozstrzygnięcie"},
	{Code: StageClosed, Label: "zakończony"},
}

// Results of the mayor's office's decision on an appeal.
const (
	ResultUpheld        = "upheld"         // odmowa utrzymana
	ResultInstructed    = "instructed"     // polecono udostępnić (z terminem)
	ResultPartly        = "partly"         // polecono udostępnić w części (z terminem)
	ResultRejectedScope = "rejected_scope" // pozostawiono bez rozpoznania: poza zakresem
	ResultRejectedLate  = "rejected_late"  // pozostawiono bez rozpoznania: po terminie
)

// AppealResults labels every result in Polish.
var AppealResults = []registry.Label{
	{Code: ResultUpheld, Label: "odmowa utrzymana w mocy"},
	{Code: ResultInstructed, Label: "polecenie udostępnienia informacji"},
	{Code: ResultPartly, Label: "polecenie udostępnienia części informacji"},
	{Code: ResultRejectedScope, Label: "odwołanie odrzucone — poza zakresem"},
	{Code: ResultRejectedLate, Label: "odwołanie odrzucone — wniesione po terminie"},
}

// Results of a reconsideration: the refusal stands or the company changes its answer.
var ReconsiderResults = []registry.Label{
	{Code: ResultUpheld, Label: "decyzja utrzymana w mocy"},
	{Code: OutcomeDisclosed, Label: "uchylono odmowę: udostępniono"},
	{Code: OutcomePartial, Label: "udostępniono częściowo"},
}

// Terms name whose due date is running.
const (
	TermAnswer          = "answer"
	TermReconsideration = "reconsideration"
	TermAppeal          = "appeal"
	TermCompliance      = "compliance"
)

// Terms labels every term in Polish.
var Terms = []registry.Label{
	{Code: TermAnswer, Label: "odpowiedź spółki"},
	{Code: TermReconsideration, Label: "rozpatrzenie wniosku o ponowne rozpatrzenie"},
	{Code: TermAppeal, Label: "rozstrzygnięcie odwołania przez urząd miasta"},
	{Code: TermCompliance, Label: "wykonanie rozstrzygnięcia urzędu miasta"},
}
