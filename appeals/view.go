package appeals

import (
	"time"

	"jawnosc/registry"
)

// Audiences of a view.
const (
	ViewPublic   = "public"   // anyone: identity removed, resident's texts only when allowed
	ViewOfficial = "official" // the company's officers and the mayor's office: all texts, no e-mail
	ViewResident = "resident" // the requester through the tracking link: everything
)

// View is a request as one audience may see it; it is what pages and the API show.
type View struct {
	ID           int64          `json:"id"`
	Ref          string         `json:"ref"`
	Company      CompanyRef     `json:"company"`
	Subject      string         `json:"subject"`
	Text         string         `json:"text,omitempty"`
	TextHidden   bool           `json:"text_hidden"` // the requester did not allow showing it
	PublicText   bool           `json:"public_text"`
	Requester    *Requester     `json:"requester,omitempty"`
	SubmittedAt  time.Time      `json:"submitted_at"`
	Stage        string         `json:"stage"`
	Outcome      string         `json:"outcome"`
	Due          *registry.Date `json:"due"` // always present: null when nobody has to act
	DueTerm      string         `json:"due_term"`
	Overdue      bool           `json:"overdue"`
	DaysLeft     int            `json:"days_left"`
	Paused       bool           `json:"paused"`
	Noncompliant bool           `json:"noncompliant"`
	Events       []Event        `json:"events"`
	Appeals      []Appeal       `json:"appeals"`
	// What the resident may do now (resident view only).
	CanClarify    bool          `json:"can_clarify,omitempty"`
	CanAcceptFee  bool          `json:"can_accept_fee,omitempty"`
	CanReconsider bool          `json:"can_reconsider,omitempty"`
	CanAppeal     bool          `json:"can_appeal,omitempty"`
	AppealBlocked string        `json:"appeal_blocked,omitempty"`
	ReconsiderBy  registry.Date `json:"reconsider_by,omitempty"`
	Court         Court         `json:"court"`
}

// DueOn returns the running due date, "" when nobody has to act.
func (v *View) DueOn() registry.Date {
	if v.Due == nil {
		return ""
	}
	return *v.Due
}

// CompanyRef names the company a request went to.
type CompanyRef struct {
	Slug      string `json:"slug"`
	Name      string `json:"name"`
	ShortName string `json:"short_name"`
}

// Requester is the private identity of the resident.
type Requester struct {
	Name  string `json:"name"`
	Email string `json:"email,omitempty"`
}

// residentTexts are the event types whose text the resident wrote.
func residentText(t string) bool {
	switch t {
	case EvSubmitted, EvClarified, EvReconsiderationAsked, EvAppealed:
		return true
	}
	return false
}

// View returns the request as audience sees it on today.
func (r *Request) View(audience string, today registry.Date) *View {
	st := r.State
	v := &View{ID: r.ID, Ref: r.Ref, Company: CompanyRef{r.Company.Slug, r.Company.Name, r.Company.ShortName},
		Subject: r.Subject, Text: r.Text, PublicText: r.PublicText, SubmittedAt: r.SubmittedAt,
		Stage: st.Stage, Outcome: st.Outcome, DueTerm: st.DueTerm, Overdue: st.Overdue(today), DaysLeft: st.DaysLeft(today),
		Paused: st.Paused, Noncompliant: st.Noncompliant(today), Appeals: st.Appeals, Court: CourtRoute(r)}
	if st.Due != "" {
		d := st.Due
		v.Due = &d
	}
	if v.Appeals == nil {
		v.Appeals = []Appeal{}
	}
	red := (*Redactor)(nil)
	hideResident := false
	switch audience {
	case ViewResident:
		v.Requester = &Requester{Name: r.Name, Email: r.Email}
		v.CanClarify = st.Stage == StageClarification
		v.CanAcceptFee = st.Stage == StageFee
		if resp := st.Response(); resp != nil && st.Stage == StageAnswered && isDecision(st.Outcome) && resp.Type != EvReconsiderationDecided && !st.reconsidered {
			if by := Deadline(resp.Day(), ReconsiderAskDays); today <= by {
				v.CanReconsider, v.ReconsiderBy = true, by
			}
		}
		v.AppealBlocked = st.Appealable(today)
		v.CanAppeal = v.AppealBlocked == ""
	case ViewOfficial:
		if r.Name != "" {
			v.Requester = &Requester{Name: r.Name}
		}
	default:
		red = NewRedactor(r.Name, r.Email)
		hideResident = !r.PublicText
	}
	v.Subject = red.Text(v.Subject)
	if hideResident {
		v.Text, v.TextHidden = "", true
	} else {
		v.Text = red.Text(v.Text)
	}
	v.Events = make([]Event, len(r.Events))
	for i, e := range r.Events {
		v.Events[i] = viewEvent(e, red, hideResident)
	}
	return v
}

// viewEvent returns a copy of e as an audience sees it: the requester's identity removed by
// red (nil: nothing removed) and, with hideResident, the texts the resident wrote emptied.
// The public view of an event depends only on the event and on the request's name, e-mail
// and public-text choice, which never change: the ledger hashes it (see LedgerRecord).
func viewEvent(e Event, red *Redactor, hideResident bool) Event {
	e.Data.Officials = append([]Official(nil), e.Data.Officials...)
	e.Data.Documents = append([]Document(nil), e.Data.Documents...)
	if hideResident && residentText(e.Type) {
		e.Data.Text = ""
	}
	e.Data.redact(red)
	return e
}

// Court is the route to the administrative court, always shown with its deadline.
type Court struct {
	Text     string        `json:"text"`
	Deadline registry.Date `json:"deadline,omitempty"` // for a complaint against a decision; "" when none runs
}

// CourtRoute explains the complaint to the administrative court for the request's state.
func CourtRoute(r *Request) Court {
	st := r.State
	c := Court{Text: "Na decyzję spółki o odmowie (także po ponownym rozpatrzeniu) przysługuje skarga do wojewódzkiego sądu administracyjnego, " +
		"wnoszona za pośrednictwem spółki w terminie 30 dni od doręczenia decyzji (art. 53 § 1 ustawy — Prawo o postępowaniu przed sądami administracyjnymi); " +
		"wniosek o ponowne rozpatrzenie nie jest do niej konieczny (art. 52 § 3). Na bezczynność spółki skargę można wnieść w każdym czasie (art. 53 § 2b; " +
		"część sądów wymaga wcześniejszego ponaglenia spółki, art. 37 KPA), " +
		"także gdy spółka odpowie pismem, że to nie jest informacja publiczna. Sąd rozpatruje skargi w sprawach dostępu do informacji publicznej w ciągu 30 dni (art. 21 UDIP). " +
		"Odwołanie do urzędu miasta jest dodatkową drogą miejską i nie wstrzymuje biegu terminu do sądu."}
	if resp := st.Response(); resp != nil && isDecision(st.Outcome) {
		c.Deadline = Deadline(resp.Day(), CourtComplaintDays)
	}
	return c
}

// redact removes the requester's identity from every text of the event that someone typed:
// the texts, the subject, the legal basis, whose secret it is, the officials' functions and
// the documents' names (red nil: nothing). Only codes, dates, amounts and the officials'
// names stay as they are (the officials are named by law, UDIP art. 16 ust. 2 pkt 1).
func (d *EventData) redact(red *Redactor) {
	d.Text = red.Text(d.Text)
	d.Subject = red.Text(d.Subject)
	d.LegalBasis = red.Text(d.LegalBasis)
	d.Holder = red.Text(d.Holder)
	for j := range d.Officials {
		d.Officials[j].Function = red.Text(d.Officials[j].Function)
	}
	for j := range d.Documents {
		d.Documents[j].Name = red.Text(d.Documents[j].Name)
	}
}
