package registry

import (
	"context"
	"strconv"
	"strings"
)

// Company bodies a recruitment fills.
var Bodies = []Label{
	{"management_board", "zarząd"},
	{"supervisory_board", "rada nadzorcza"},
}

// Recruitment procedures. An appointment without an open procedure is recorded too, and flagged.
const (
	ProcedureOpen    = "open_competition"
	ProcedureWithout = "without_procedure"
)

// RecruitmentProcedures label the procedures.
var RecruitmentProcedures = []Label{
	{ProcedureOpen, "otwarte postępowanie kwalifikacyjne"},
	{ProcedureWithout, "powołanie bez otwartego postępowania"},
}

// Recruitment outcomes.
const OutcomeAppointed = "appointed"

// RecruitmentOutcomes label the outcomes.
var RecruitmentOutcomes = []Label{
	{"in_progress", "postępowanie w toku"},
	{OutcomeAppointed, "powołano"},
	{"cancelled", "postępowanie unieważnione"},
	{"no_candidate", "nie wyłoniono kandydata"},
}

// EligibilityChecks are the declarations an appointed person's eligibility was checked against.
var EligibilityChecks = []Label{
	{"no_court_ban", "brak sądowego zakazu pełnienia funkcji w organach spółek (art. 18 KSH)"},
	{"statutory_requirements", "wymogi ustawy o zasadach zarządzania mieniem państwowym (art. 19 albo 22)"},
	{"no_party_office", "niepełnienie funkcji w partii politycznej"},
	{"no_conflicting_posts", "brak zakazu łączenia stanowisk (ustawa antykorupcyjna)"},
	{"lustration", "złożone oświadczenie lustracyjne"},
}

// Limits of recruitment fields.
const (
	MaxPosition     = 200
	MaxLegalBasis   = 500
	MaxLongField    = 5000
	MaxCount        = 100_000
	MaxPersonName   = 200
	ShortWindowDays = 14 // an application window shorter than this is flagged
)

// Appointee is the person appointed (public: name, function, qualifications, resolution, term).
// Unsuccessful candidates are never recorded.
type Appointee struct {
	Function         string `json:"function"`
	Name             string `json:"name"`
	Qualifications   string `json:"qualifications"`
	ResolutionDate   Date   `json:"resolution_date"`
	ResolutionNumber string `json:"resolution_number"`
	TermEnd          Date   `json:"term_end"`
	TermStart        Date   `json:"term_start"`
}

// Remuneration is the appointed person's pay: fixed monthly and the cap of the variable
// part as a percentage of the yearly fixed pay.
type Remuneration struct {
	FixedMonthly       Money `json:"fixed_monthly"`
	VariableCapPercent int   `json:"variable_cap_percent"`
}

// RecruitmentData is the versioned content of a board recruitment.
type RecruitmentData struct {
	AdmittedCount       int          `json:"admitted_count"`
	AnnouncedOn         Date         `json:"announced_on"`
	AnnouncementPlace   string       `json:"announcement_place"`
	ApplicantsCount     int          `json:"applicants_count"`
	ApplicationDeadline Date         `json:"application_deadline"`
	Appointee           *Appointee   `json:"appointee"`
	Body                string       `json:"body"`
	Commission          string       `json:"commission"`
	Eligibility         []string     `json:"eligibility"`
	InterviewedCount    int          `json:"interviewed_count"`
	LegalBasis          string       `json:"legal_basis"`
	Outcome             string       `json:"outcome"`
	Position            string       `json:"position"`
	Procedure           string       `json:"procedure"`
	Remuneration        Remuneration `json:"remuneration"`
	Requirements        string       `json:"requirements"`
	SelectionCriteria   string       `json:"selection_criteria"`
}

// Recruitment is a recruitment register entry in its current state.
type Recruitment = Entry[RecruitmentData]

// Normalize trims the texts, lower-cases the codes and puts the dates in canonical form.
// An appointee with no data at all becomes nil; eligibility lists are never null.
func (d *RecruitmentData) Normalize() {
	d.Body = strings.ToLower(strings.TrimSpace(d.Body))
	d.Position = oneLine(d.Position)
	d.LegalBasis = multiLine(d.LegalBasis)
	d.Procedure = strings.ToLower(strings.TrimSpace(d.Procedure))
	d.AnnouncementPlace = oneLine(d.AnnouncementPlace)
	d.Requirements = multiLine(d.Requirements)
	d.SelectionCriteria = multiLine(d.SelectionCriteria)
	d.Commission = multiLine(d.Commission)
	d.Outcome = strings.ToLower(strings.TrimSpace(d.Outcome))
	normDate(&d.AnnouncedOn)
	normDate(&d.ApplicationDeadline)
	if p := d.Appointee; p != nil {
		p.Name = oneLine(p.Name)
		p.Function = oneLine(p.Function)
		p.Qualifications = multiLine(p.Qualifications)
		p.ResolutionNumber = oneLine(p.ResolutionNumber)
		normDate(&p.ResolutionDate)
		normDate(&p.TermStart)
		normDate(&p.TermEnd)
		if *p == (Appointee{}) {
			d.Appointee = nil
		}
	}
	if d.Eligibility == nil {
		d.Eligibility = []string{}
	}
	for i, e := range d.Eligibility {
		d.Eligibility[i] = strings.ToLower(strings.TrimSpace(e))
	}
}

// Validate checks a recruitment (call Normalize first). An open procedure needs the
// announcement (date, where, deadline not before it), requirements and counts with
// admitted ≤ applicants and interviewed ≤ admitted; an appointment without an open procedure
// has no announcement and no counts, and its outcome is "appointed". The appointed person
// (name, function, qualifications, resolution number and date, term start) is given exactly
// when the outcome is "appointed": nobody else is ever named.
func (d *RecruitmentData) Validate() error {
	var v Validator
	v.OneOf("body", d.Body, Bodies, true)
	v.Text("position", d.Position, true, MaxPosition)
	v.LongText("legal_basis", d.LegalBasis, true, MaxLegalBasis)
	v.OneOf("procedure", d.Procedure, RecruitmentProcedures, true)
	v.OneOf("outcome", d.Outcome, RecruitmentOutcomes, true)
	v.Text("announcement_place", d.AnnouncementPlace, false, 300)
	v.LongText("requirements", d.Requirements, false, MaxLongField)
	v.LongText("selection_criteria", d.SelectionCriteria, false, MaxLongField)
	v.LongText("commission", d.Commission, false, MaxLongField)
	okAnn := v.Date("announced_on", d.AnnouncedOn, false)
	okDl := v.Date("application_deadline", d.ApplicationDeadline, false)
	for _, c := range []struct {
		field string
		n     int
	}{{"applicants_count", d.ApplicantsCount}, {"admitted_count", d.AdmittedCount}, {"interviewed_count", d.InterviewedCount}} {
		v.Check(c.n >= 0 && c.n <= MaxCount, c.field, "Podaj liczbę od 0 do "+strconv.Itoa(MaxCount)+".")
	}
	switch d.Procedure {
	case ProcedureOpen:
		v.Check(d.AnnouncedOn != "", "announced_on", msgRequired)
		v.Check(d.AnnouncementPlace != "", "announcement_place", "Podaj, gdzie ogłoszono postępowanie (np. adres strony BIP).")
		v.Check(d.ApplicationDeadline != "", "application_deadline", msgRequired)
		v.Check(d.Requirements != "", "requirements", msgRequired)
		if okAnn && okDl && d.AnnouncedOn != "" && d.ApplicationDeadline != "" {
			v.Check(d.AnnouncedOn <= d.ApplicationDeadline, "application_deadline", "Termin zgłoszeń nie może być wcześniejszy niż data ogłoszenia.")
		}
		v.Check(d.AdmittedCount <= d.ApplicantsCount, "admitted_count", "Dopuszczonych nie może być więcej niż zgłoszeń.")
		v.Check(d.InterviewedCount <= d.AdmittedCount, "interviewed_count", "Rozmów nie może być więcej niż dopuszczonych kandydatów.")
	case ProcedureWithout:
		const msg = "Przy powołaniu bez otwartego postępowania nie było ogłoszenia — zostaw to pole puste."
		v.Check(d.AnnouncedOn == "", "announced_on", msg)
		v.Check(d.AnnouncementPlace == "", "announcement_place", msg)
		v.Check(d.ApplicationDeadline == "", "application_deadline", msg)
		const counts = "Bez otwartego postępowania nie było zgłoszeń — wpisz 0."
		v.Check(d.ApplicantsCount == 0, "applicants_count", counts)
		v.Check(d.AdmittedCount == 0, "admitted_count", counts)
		v.Check(d.InterviewedCount == 0, "interviewed_count", counts)
		v.Check(d.Outcome == "" || d.Outcome == OutcomeAppointed, "outcome", "Bez otwartego postępowania wpis dotyczy powołania — wybierz „powołano”.")
	}
	if d.Outcome == OutcomeAppointed {
		if d.Appointee == nil {
			v.Add("appointee.name", "Podaj imię i nazwisko powołanej osoby.")
		} else {
			p := d.Appointee
			v.Text("appointee.name", p.Name, true, MaxPersonName)
			v.Text("appointee.function", p.Function, true, MaxPosition)
			v.LongText("appointee.qualifications", p.Qualifications, true, MaxLongField)
			v.Text("appointee.resolution_number", p.ResolutionNumber, true, 100)
			v.Date("appointee.resolution_date", p.ResolutionDate, true)
			okStart := v.Date("appointee.term_start", p.TermStart, true)
			if v.Date("appointee.term_end", p.TermEnd, false) && okStart && p.TermEnd != "" && p.TermStart != "" {
				v.Check(p.TermStart <= p.TermEnd, "appointee.term_end", "Koniec kadencji nie może być wcześniejszy niż jej początek.")
			}
		}
	} else if d.Appointee != nil {
		v.Add("appointee.name", "Dane osoby podaje się tylko przy powołaniu. Nazwisk kandydatów, którzy nie zostali wybrani, nie publikujemy.")
	}
	seen := map[string]bool{}
	for i, e := range d.Eligibility {
		f := "eligibility." + strconv.Itoa(i)
		if v.OneOf(f, e, EligibilityChecks, true) {
			v.Check(!seen[e], f, "To oświadczenie jest już na liście.")
			seen[e] = true
		}
	}
	if v.Money("remuneration.fixed_monthly", d.Remuneration.FixedMonthly, 0) {
		v.Check(d.Remuneration.FixedMonthly <= MoneyFromZloty(1_000_000), "remuneration.fixed_monthly", "Kwota wynagrodzenia miesięcznego wygląda na błędną (ponad 1 000 000 zł).")
	}
	v.Check(d.Remuneration.VariableCapPercent >= 0 && d.Remuneration.VariableCapPercent <= 100, "remuneration.variable_cap_percent", "Podaj procent od 0 do 100.")
	return v.Err()
}

// LinkedContract: recruitments link no contract.
func (d *RecruitmentData) LinkedContract() int64 { return 0 }

// WithoutOpenProcedure reports an appointment made without an open procedure (flagged).
func (d *RecruitmentData) WithoutOpenProcedure() bool { return d.Procedure == ProcedureWithout }

// WindowDays is the number of days between announcement and application deadline (-1: unknown).
func (d *RecruitmentData) WindowDays() int {
	if d.AnnouncedOn == "" || d.ApplicationDeadline == "" {
		return -1
	}
	return DaysBetween(d.AnnouncedOn, d.ApplicationDeadline)
}

// ShortWindow reports an application window shorter than ShortWindowDays (flagged).
func (d *RecruitmentData) ShortWindow() bool {
	n := d.WindowDays()
	return n >= 0 && n < ShortWindowDays
}

// DecidedOn is the date the recruitment is listed under: the appointment resolution, else
// the announcement.
func (d *RecruitmentData) DecidedOn() Date {
	if d.Appointee != nil && d.Appointee.ResolutionDate != "" {
		return d.Appointee.ResolutionDate
	}
	return d.AnnouncedOn
}

// Fields lists the recruitment for display, in order.
func (d *RecruitmentData) Fields() []Field {
	const na = "nie dotyczy (bez otwartego postępowania)"
	count := func(n int) string {
		if d.Procedure == ProcedureWithout {
			return na
		}
		return strconv.Itoa(n)
	}
	open := func(v string) string {
		if d.Procedure == ProcedureWithout && v == "" {
			return na
		}
		return v
	}
	elig := make([]string, len(d.Eligibility))
	for i, e := range d.Eligibility {
		elig[i] = LabelOf(EligibilityChecks, e)
	}
	fs := []Field{
		{Name: "body", Label: "Organ", Value: LabelOf(Bodies, d.Body)},
		{Name: "position", Label: "Stanowisko", Value: d.Position},
		{Name: "procedure", Label: "Tryb wyboru", Value: LabelOf(RecruitmentProcedures, d.Procedure)},
		{Name: "legal_basis", Label: "Podstawa prawna", Value: d.LegalBasis},
		{Name: "announced_on", Label: "Data ogłoszenia", Value: open(d.AnnouncedOn.Polish())},
		{Name: "announcement_place", Label: "Miejsce ogłoszenia", Value: open(d.AnnouncementPlace)},
		{Name: "application_deadline", Label: "Termin zgłoszeń", Value: open(d.ApplicationDeadline.Polish())},
		{Name: "requirements", Label: "Wymagania", Value: d.Requirements},
		{Name: "selection_criteria", Label: "Kryteria wyboru", Value: d.SelectionCriteria},
		{Name: "commission", Label: "Komisja", Value: d.Commission},
		{Name: "applicants_count", Label: "Liczba zgłoszeń", Value: count(d.ApplicantsCount)},
		{Name: "admitted_count", Label: "Dopuszczeni do postępowania", Value: count(d.AdmittedCount)},
		{Name: "interviewed_count", Label: "Zaproszeni na rozmowę", Value: count(d.InterviewedCount)},
		{Name: "outcome", Label: "Wynik", Value: LabelOf(RecruitmentOutcomes, d.Outcome)},
	}
	if p := d.Appointee; p != nil {
		fs = append(fs,
			Field{Name: "appointee.name", Label: "Powołana osoba", Value: p.Name},
			Field{Name: "appointee.function", Label: "Funkcja", Value: p.Function},
			Field{Name: "appointee.qualifications", Label: "Kwalifikacje", Value: p.Qualifications},
			Field{Name: "appointee.resolution", Label: "Uchwała o powołaniu", Value: strings.TrimSpace(p.ResolutionNumber + " z " + p.ResolutionDate.Polish())},
			Field{Name: "appointee.term", Label: "Kadencja", Value: termText(p.TermStart, p.TermEnd)},
		)
	}
	fs = append(fs,
		Field{Name: "eligibility", Label: "Złożone oświadczenia i sprawdzenia", Value: strings.Join(elig, "; ")},
		Field{Name: "remuneration.fixed_monthly", Label: "Wynagrodzenie stałe miesięcznie", Value: moneyOrEmpty(d.Remuneration.FixedMonthly)},
		Field{Name: "remuneration.variable_cap_percent", Label: "Część zmienna: najwyżej (% wynagrodzenia rocznego)", Value: percentOrEmpty(d.Remuneration.VariableCapPercent)},
	)
	return fs
}

func termText(a, b Date) string {
	if a == "" {
		return ""
	}
	if b == "" {
		return "od " + a.Polish()
	}
	return a.Polish() + " – " + b.Polish()
}

func moneyOrEmpty(m Money) string {
	if m == 0 {
		return ""
	}
	return m.String()
}

func percentOrEmpty(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n) + "%"
}

// RecruitmentFilter selects recruitments. Nil pointers mean "not given".
type RecruitmentFilter struct {
	EntryFilter
	Year      *int
	Body      *string
	Procedure *string
	Outcome   *string
	// ServingOn selects appointments whose term covers the date (current boards).
	ServingOn *Date
}

// Recruitments returns the board recruitment register.
func (s *Store) Recruitments() *Register[RecruitmentData, *RecruitmentData] {
	return &Register[RecruitmentData, *RecruitmentData]{s: s, kind: KindRecruitment, table: "recruitments", what: "rekrutacji", cols: recruitmentColumns, required: recruitmentRequired,
		upsert: `INSERT INTO recruitments (entry_id, company_id, body, position, procedure, announced_on, outcome, appointed_name, decided_on, term_start, term_end, public)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (entry_id) DO UPDATE SET body = excluded.body, position = excluded.position, procedure = excluded.procedure,
	announced_on = excluded.announced_on, outcome = excluded.outcome, appointed_name = excluded.appointed_name,
	decided_on = excluded.decided_on, term_start = excluded.term_start, term_end = excluded.term_end, public = excluded.public`,
		row: func(m *EntryMeta, public int, d *RecruitmentData) []any {
			var name, start, end string
			if p := d.Appointee; p != nil {
				name, start, end = p.Name, string(p.TermStart), string(p.TermEnd)
			}
			return []any{m.ID, m.CompanyID, d.Body, d.Position, d.Procedure, string(d.AnnouncedOn), d.Outcome, name,
				string(d.DecidedOn()), start, end, public}
		}}
}

// FindRecruitments returns a page of recruitments matching f (newest first) and the total.
func (s *Store) FindRecruitments(ctx context.Context, f RecruitmentFilter) ([]*Recruitment, int, error) {
	w := f.base()
	w.yearRange("p.decided_on", f.Year)
	w.eq("p.body", f.Body)
	w.eq("p.procedure", f.Procedure)
	w.eq("p.outcome", f.Outcome)
	if f.ServingOn != nil {
		w.add("e.status = ? AND p.outcome = ? AND p.term_start <= ? AND (p.term_end = '' OR p.term_end >= ?)",
			StatusPublished, OutcomeAppointed, string(*f.ServingOn), string(*f.ServingOn))
	}
	return s.Recruitments().find(ctx, w, "p.decided_on DESC, p.entry_id DESC", f.Offset, f.Limit)
}
