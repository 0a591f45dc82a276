package appeals

import (
	"fmt"
	"net/mail"
	"strings"

	"jawnosc/registry"
)

// Limits on what residents, officers and the office may send.
const (
	MaxSubject    = 200
	MaxText       = 10000
	MaxName       = 200
	MaxEmail      = 254
	MaxOfficials  = 10
	MaxDocuments  = 10
	MaxLegalBasis = 500
)

func conflict(format string, args ...any) error {
	return registry.Errorf(registry.ECONFLICT, format, args...)
}

func invalid(field, msg string) error {
	return &registry.Error{Code: registry.EINVALID, Message: registry.MsgFixFields, Fields: map[string]string{field: msg}}
}

// validateData checks the data of an event for its type (required fields, limits, codes).
func validateData(ev Event) error {
	var v registry.Validator
	d := ev.Data
	text := func(required bool) { v.LongText("text", d.Text, required, MaxText) }
	officials := func(required bool) {
		if required && len(d.Officials) == 0 {
			v.Add("officials", "Wskaż osoby, które zajęły stanowisko w sprawie (imię, nazwisko, funkcja).")
		}
		v.Check(len(d.Officials) <= MaxOfficials, "officials", fmt.Sprintf("Najwyżej %d osób.", MaxOfficials))
		for i, o := range d.Officials {
			p := fmt.Sprintf("officials.%d.", i)
			v.Text(p+"name", o.Name, true, MaxName)
			v.Text(p+"function", o.Function, true, MaxName)
		}
	}
	ground := func() {
		v.OneOf("ground", d.Ground, groundLabels(), true)
		v.LongText("legal_basis", d.LegalBasis, d.Ground == "other_statute", MaxLegalBasis)
		v.Text("holder", d.Holder, d.Ground == "trade_secret", MaxName)
	}
	documents := func() {
		v.Check(len(d.Documents) <= MaxDocuments, "documents", fmt.Sprintf("Najwyżej %d dokumentów.", MaxDocuments))
		for i, doc := range d.Documents {
			v.Check(len(doc.SHA256) == 64, fmt.Sprintf("documents.%d", i), "Nieprawidłowy dokument.")
		}
	}
	switch ev.Type {
	case EvSubmitted:
		v.Text("subject", d.Subject, true, MaxSubject)
		text(true)
	case EvClarificationRequested, EvClarified, EvDelayNotified, EvReconsiderationAsked, EvAppealed:
		text(true)
		if ev.Type == EvDelayNotified {
			v.Date("new_due", d.RequestedDue, true)
		}
	case EvFeeNotified:
		text(true)
		v.Money("fee", d.Fee, 1)
	case EvFeeAccepted, EvOverdue:
	case EvAnswered:
		text(true)
		v.OneOf("answer", d.Answer, Answers, true)
		if d.Answer == OutcomePartial {
			ground()
			officials(true)
		}
		documents()
	case EvRefused:
		text(true)
		ground()
		officials(true)
	case EvReconsiderationDecided:
		text(true)
		v.OneOf("answer", d.Answer, ReconsiderResults, true)
		officials(d.Answer != OutcomeDisclosed)
		if d.Answer == OutcomePartial {
			ground()
		}
		documents()
	case EvAppealDecided:
		text(true)
		v.OneOf("result", d.Result, AppealResults, true)
		if d.Result == ResultInstructed || d.Result == ResultPartly {
			v.Date("comply_by", d.ComplyBy, true)
		}
		officials(false)
	case EvComplied:
		text(true)
		documents()
	}
	return v.Err()
}

// Submission is what a resident sends to open a request.
type Submission struct {
	Company    string `json:"company"` // the company's slug
	Subject    string `json:"subject"`
	Text       string `json:"text"`
	Name       string `json:"name"`  // optional, private
	Email      string `json:"email"` // optional, private
	PublicText bool   `json:"public_text"`
}

// Normalize trims the fields and unifies line breaks.
func (s *Submission) Normalize() {
	s.Company = strings.ToLower(strings.TrimSpace(s.Company))
	s.Subject = strings.TrimSpace(s.Subject)
	s.Text = normalizeText(s.Text)
	s.Name = strings.TrimSpace(s.Name)
	s.Email = strings.TrimSpace(s.Email)
}

// Validate checks a normalized submission: EINVALID with per-field Polish messages.
func (s *Submission) Validate() error {
	var v registry.Validator
	v.Text("company", s.Company, true, 100)
	v.Text("subject", s.Subject, true, MaxSubject)
	v.LongText("text", s.Text, true, MaxText)
	v.Text("name", s.Name, false, MaxName)
	if v.Text("email", s.Email, false, MaxEmail) && s.Email != "" {
		a, err := mail.ParseAddress(s.Email)
		v.Check(err == nil && a.Address == s.Email && strings.Contains(s.Email, "."), "email", "Nieprawidłowy adres e-mail (np. jan@example.pl).")
	}
	return v.Err()
}

// normalizeText trims a multi-line text and unifies its line breaks.
func normalizeText(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n"))
}

// Normalize trims the texts of event data.
func (d *EventData) Normalize() {
	d.Text = normalizeText(d.Text)
	d.Subject = strings.TrimSpace(d.Subject)
	d.Answer = strings.TrimSpace(d.Answer)
	d.Ground = strings.TrimSpace(d.Ground)
	d.LegalBasis = normalizeText(d.LegalBasis)
	d.Holder = strings.TrimSpace(d.Holder)
	d.Result = strings.TrimSpace(d.Result)
	for i := range d.Officials {
		d.Officials[i].Name = strings.TrimSpace(d.Officials[i].Name)
		d.Officials[i].Function = strings.TrimSpace(d.Officials[i].Function)
	}
}
