package appeals

import (
	"fmt"

	"jawnosc/pdf"
	"jawnosc/registry"
)

// officeName is how decisions name the mayor's office.
const officeName = "Urząd Miasta — nadzór właścicielski nad spółkami miejskimi"

// addressee names the requester in a document: their name in the resident's view,
// the redaction mark in the public one.
func addressee(v *View) string {
	if v.Requester != nil && v.Requester.Name != "" {
		return v.Requester.Name
	}
	if v.Requester != nil {
		return "wnioskodawca (bez podania imienia i nazwiska)"
	}
	return Redacted
}

// findEvent returns the event of the view with id, or nil.
func (v *View) findEvent(id int64) *Event {
	for i := range v.Events {
		if v.Events[i].ID == id {
			return &v.Events[i]
		}
	}
	return nil
}

// IsDecisionEvent reports whether an event is a decision that has a PDF: a refusal (also a
// partial one or an upheld reconsideration) or the mayor's office's decision.
func IsDecisionEvent(e *Event) bool {
	switch e.Type {
	case EvRefused, EvAppealDecided:
		return true
	case EvAnswered:
		return e.Data.Answer == OutcomePartial
	case EvReconsiderationDecided:
		return e.Data.Answer != OutcomeDisclosed
	}
	return false
}

// DecisionPDF renders the decision of event id as a PDF: the company's refusal (UDIP art. 16)
// or the mayor's office's decision on an appeal, with the request's reference, the dates,
// the legal basis and the route to the administrative court. Use a public view for the
// published copy (the requester's identity removed) and the resident's for theirs.
// Returns ENOTFOUND when the event is not a decision of this request.
func DecisionPDF(v *View, id int64) ([]byte, error) {
	e := v.findEvent(id)
	if e == nil || !IsDecisionEvent(e) {
		return nil, registry.Errorf(registry.ENOTFOUND, "Ten wniosek nie ma takiej decyzji.")
	}
	ec := *e // the layout may fill in the ground of an upheld reconsideration
	if ec.Type == EvAppealDecided {
		return officeDecisionPDF(v, &ec)
	}
	return refusalPDF(v, &ec)
}

func refusalPDF(v *View, e *Event) ([]byte, error) {
	title := "Decyzja o odmowie udostępnienia informacji publicznej"
	if e.Data.Answer == OutcomePartial {
		title = "Decyzja o odmowie udostępnienia informacji publicznej w części"
	}
	if e.Type == EvReconsiderationDecided {
		title = "Decyzja po ponownym rozpatrzeniu sprawy — utrzymanie odmowy"
		if e.Data.Answer == OutcomePartial {
			title = "Decyzja po ponownym rozpatrzeniu sprawy — udostępnienie w części"
		}
	}
	ground := GroundOf(e.Data.Ground)
	basis, groundLabel := "art. 16 ust. 1 "+udip, ""
	if ground == nil { // an upheld reconsideration keeps the ground of the refusal
		for i := len(v.Events) - 1; i >= 0; i-- {
			if g := GroundOf(v.Events[i].Data.Ground); g != nil && v.Events[i].ID < e.ID {
				ground, e.Data.LegalBasis = g, v.Events[i].Data.LegalBasis
				break
			}
		}
	}
	if ground != nil {
		basis, groundLabel = ground.Basis+"; art. 16 ust. 1 i 2 "+udip+" w związku z art. 104 Kodeksu postępowania administracyjnego", ground.Label
	}
	if e.Data.LegalBasis != "" {
		basis += "; " + e.Data.LegalBasis
	}
	d := pdf.New(pdf.Meta{Title: title, Author: v.Company.Name, Created: e.At, Footer: "Znak sprawy: " + v.Ref})
	d.Title(title)
	fields := []pdf.Field{
		{Label: "Znak sprawy", Value: v.Ref},
		{Label: "Organ (podmiot zobowiązany)", Value: v.Company.Name},
		{Label: "Adresat", Value: addressee(v)},
		{Label: "Data wniosku", Value: DayOf(v.SubmittedAt).Polish()},
		{Label: "Data decyzji", Value: e.Day().Polish()},
		{Label: "Przedmiot wniosku", Value: v.Subject},
		{Label: "Przesłanka odmowy", Value: groundLabel},
		{Label: "Podstawa prawna", Value: basis},
	}
	if e.Data.Holder != "" {
		fields = append(fields, pdf.Field{Label: "Podmiot, ze względu na którego dobra odmówiono (art. 16 ust. 2 pkt 1 UDIP)", Value: e.Data.Holder})
	}
	d.Fields(fields)
	d.Heading("Rozstrzygnięcie")
	what := "odmawia udostępnienia informacji publicznej objętej wnioskiem"
	if e.Data.Answer == OutcomePartial {
		what = "udostępnia informację publiczną w części opisanej w odpowiedzi i odmawia udostępnienia jej w pozostałej części"
	}
	if e.Type == EvReconsiderationDecided && e.Data.Answer == ResultUpheld {
		what = "po ponownym rozpatrzeniu sprawy utrzymuje w mocy decyzję o odmowie udostępnienia informacji publicznej"
	}
	d.Para(fmt.Sprintf("%s, działając na podstawie: %s, %s.", v.Company.Name, basis, what))
	d.Heading("Uzasadnienie")
	d.Para(e.Data.Text)
	officialsTable(d, e.Data.Officials, "Osoby, które zajęły stanowisko w sprawie (art. 16 ust. 2 pkt 1 UDIP)")
	d.Heading("Pouczenie")
	resp := e.Day()
	lines := ""
	if e.Type != EvReconsiderationDecided {
		lines += fmt.Sprintf("Od decyzji przysługuje wniosek o ponowne rozpatrzenie sprawy, składany do spółki w terminie 14 dni od dnia doręczenia decyzji (art. 127 § 3 i art. 129 § 2 KPA w związku z art. 16 ust. 2 UDIP) — licząc od dnia wydania w Jawności: do %s. Spółka rozpatruje go w terminie 14 dni.\n\n", Deadline(resp, ReconsiderAskDays).Polish())
	}
	lines += fmt.Sprintf("Odwołanie do urzędu miasta (miejska droga nadzoru właścicielskiego) można wnieść przez prywatny link do wniosku w terminie 14 dni — do %s.\n\n", Deadline(resp, AppealAskDays).Polish())
	lines += fmt.Sprintf("Na decyzję przysługuje skarga do wojewódzkiego sądu administracyjnego, wnoszona za pośrednictwem spółki w terminie 30 dni od dnia doręczenia decyzji (art. 53 § 1 ustawy z dnia 30 sierpnia 2002 r. — Prawo o postępowaniu przed sądami administracyjnymi) — licząc od dnia wydania: do %s; wniosek o ponowne rozpatrzenie nie jest do tego konieczny (art. 52 § 3 tej ustawy). Sąd rozpatruje skargę w terminie 30 dni od otrzymania akt (art. 21 UDIP).", Deadline(resp, CourtComplaintDays).Polish())
	d.Para(lines)
	d.Small("Terminy liczone według art. 57 KPA: dzień zdarzenia to dzień zero; termin przypadający w sobotę, niedzielę lub dzień ustawowo wolny od pracy kończy się w najbliższym dniu roboczym.")
	return d.Bytes()
}

func officeDecisionPDF(v *View, e *Event) ([]byte, error) {
	var a *Appeal
	for i := range v.Appeals {
		if v.Appeals[i].ID == e.Data.AppealID {
			a = &v.Appeals[i]
		}
	}
	if a == nil {
		return nil, registry.Errorf(registry.ENOTFOUND, "Nie ma takiego odwołania.")
	}
	title := "Rozstrzygnięcie odwołania w sprawie dostępu do informacji publicznej"
	d := pdf.New(pdf.Meta{Title: title, Author: officeName, Created: e.At, Footer: fmt.Sprintf("Znak sprawy: %s/ODW/%d", v.Ref, a.ID)})
	d.Title(title)
	against := registry.LabelOf(Outcomes, a.Against)
	if a.Against == AgainstOverdue {
		against = "bezczynność spółki (brak odpowiedzi w terminie)"
	}
	fields := []pdf.Field{
		{Label: "Znak sprawy", Value: fmt.Sprintf("%s/ODW/%d", v.Ref, a.ID)},
		{Label: "Organ rozstrzygający", Value: officeName},
		{Label: "Spółka", Value: v.Company.Name},
		{Label: "Odwołujący się", Value: addressee(v)},
		{Label: "Data wniosku", Value: DayOf(v.SubmittedAt).Polish()},
		{Label: "Data odwołania", Value: a.FiledOn.Polish()},
		{Label: "Data rozstrzygnięcia", Value: e.Day().Polish()},
		{Label: "Przedmiot wniosku", Value: v.Subject},
		{Label: "Odwołanie dotyczy", Value: against},
		{Label: "Rozstrzygnięcie", Value: registry.LabelOf(AppealResults, e.Data.Result)},
	}
	if e.Data.ComplyBy != "" {
		fields = append(fields, pdf.Field{Label: "Termin wykonania przez spółkę", Value: NextWorkingDay(e.Data.ComplyBy).Polish()})
	}
	fields = append(fields, pdf.Field{Label: "Podstawa", Value: "uprawnienia właścicielskie miasta wobec spółki (nadzór właścicielski) i miejska procedura odwoławcza; ocena według art. 1–5 i 16 " + udip + ". Rozstrzygnięcie nie jest decyzją administracyjną i nie zastępuje drogi sądowej."})
	d.Fields(fields)
	d.Heading("Uzasadnienie")
	d.Para(e.Data.Text)
	officialsTable(d, e.Data.Officials, "Osoby, które rozstrzygnęły odwołanie")
	d.Heading("Pouczenie o drodze sądowej")
	d.Para("Niezależnie od tego rozstrzygnięcia na decyzję spółki o odmowie udostępnienia informacji publicznej przysługuje skarga do wojewódzkiego sądu administracyjnego, wnoszona za pośrednictwem spółki w terminie 30 dni od dnia doręczenia decyzji (art. 53 § 1 ustawy — Prawo o postępowaniu przed sądami administracyjnymi). Na bezczynność spółki, także gdy spółka nie wykona tego rozstrzygnięcia w terminie, skargę można wnieść w każdym czasie (art. 53 § 2b tej ustawy); część sądów wymaga, by wcześniej wysłać spółce ponaglenie (art. 37 Kodeksu postępowania administracyjnego). Sąd rozpatruje skargi w sprawach dostępu do informacji publicznej w terminie 30 dni (art. 21 UDIP).")
	if e.Data.ComplyBy != "" {
		d.Para(fmt.Sprintf("Jawność śledzi wykonanie rozstrzygnięcia: jeśli spółka nie udostępni informacji do %s, wniosek zostanie oznaczony jako niewykonany.", NextWorkingDay(e.Data.ComplyBy).Polish()))
	}
	return d.Bytes()
}

// officialsTable prints the officials named in a decision, when any.
func officialsTable(d *pdf.Doc, officials []Official, heading string) {
	if len(officials) == 0 {
		return
	}
	d.Heading(heading)
	rows := make([][]string, len(officials))
	for i, o := range officials {
		rows[i] = []string{o.Name, o.Function}
	}
	d.Table([]pdf.Column{{Header: "Imię i nazwisko", Width: 1}, {Header: "Funkcja", Width: 1}}, rows)
}
