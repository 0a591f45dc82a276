package appeals

import (
	"time"

	"jawnosc/registry"
)

// Event types of the log.
const (
	EvSubmitted              = "submitted"
	EvClarificationRequested = "clarification_requested"
	EvClarified              = "clarified"
	EvFeeNotified            = "fee_notified"
	EvFeeAccepted            = "fee_accepted"
	EvDelayNotified          = "delay_notified"
	EvAnswered               = "answered"
	EvRefused                = "refused"
	EvReconsiderationAsked   = "reconsideration_requested"
	EvReconsiderationDecided = "reconsideration_decided"
	EvAppealed               = "appealed"
	EvAppealDecided          = "appeal_decided"
	EvComplied               = "complied"
	EvOverdue                = "overdue"
)

// EventTypes labels every event type in Polish (the timeline's headings).
var EventTypes = []registry.Label{
	{Code: EvSubmitted, Label: "Złożono wniosek"},
	{Code: EvClarificationRequested, Label: "Spółka prosi o doprecyzowanie wniosku"},
	{Code: EvClarified, Label: "Wnioskodawca doprecyzował wniosek"},
	{Code: EvFeeNotified, Label: "Spółka powiadomiła o opłacie (art. 15 UDIP)"},
	{Code: EvFeeAccepted, Label: "Wnioskodawca przyjął opłatę"},
	{Code: EvDelayNotified, Label: "Spółka przedłużyła termin (art. 13 ust. 2 UDIP)"},
	{Code: EvAnswered, Label: "Odpowiedź spółki"},
	{Code: EvRefused, Label: "Decyzja o odmowie udostępnienia informacji"},
	{Code: EvReconsiderationAsked, Label: "Wniosek o ponowne rozpatrzenie sprawy"},
	{Code: EvReconsiderationDecided, Label: "Rozstrzygnięcie wniosku o ponowne rozpatrzenie"},
	{Code: EvAppealed, Label: "Odwołanie do urzędu miasta"},
	{Code: EvAppealDecided, Label: "Rozstrzygnięcie urzędu miasta"},
	{Code: EvComplied, Label: "Spółka wykonała rozstrzygnięcie"},
	{Code: EvOverdue, Label: "Termin minął bez odpowiedzi"},
}

// Roles recorded in the log.
const (
	RoleResident   = "resident"
	RoleOfficer    = registry.RoleOfficer
	RoleSupervisor = registry.RoleSupervisor
	RoleSystem     = registry.RoleSystem
)

// residentLogin is what the log records as the resident: never their name.
const residentLogin = "wnioskodawca"

// Event is one step of a request, never changed once written.
type Event struct {
	ID        int64     `json:"id"`
	RequestID int64     `json:"-"`
	Type      string    `json:"type"`
	Actor     string    `json:"actor"` // login of the officer or supervisor; "wnioskodawca" for the resident
	Role      string    `json:"role"`
	At        time.Time `json:"at"`
	Data      EventData `json:"data"`
}

// Day returns the calendar day of the event in Europe/Warsaw.
func (e *Event) Day() registry.Date { return DayOf(e.At) }

// EventData is what an event says; each type uses some fields.
type EventData struct {
	Text         string         `json:"text,omitempty"`          // request text, answer, reasons, grounds, reasoning
	Subject      string         `json:"subject,omitempty"`       // submitted
	Answer       string         `json:"answer,omitempty"`        // answered, complied: an Outcome; reconsideration: a ReconsiderResults code
	Ground       string         `json:"ground,omitempty"`        // refused, partial: a RefusalGrounds code
	LegalBasis   string         `json:"legal_basis,omitempty"`   // refused, partial: the provision (required for other_statute)
	Holder       string         `json:"holder,omitempty"`        // refused: whose secret or privacy (UDIP art. 16 ust. 2 pkt 1)
	Officials    []Official     `json:"officials,omitempty"`     // refused, partial, reconsideration, appeal decision
	Documents    []Document     `json:"documents,omitempty"`     // answered, complied
	Fee          registry.Money `json:"fee,omitempty"`           // fee_notified, grosze
	NewDue       registry.Date  `json:"new_due,omitempty"`       // delay_notified: the date set (capped)
	RequestedDue registry.Date  `json:"requested_due,omitempty"` // delay_notified: the date the company asked for
	Result       string         `json:"result,omitempty"`        // appeal_decided: an AppealResults code
	ComplyBy     registry.Date  `json:"comply_by,omitempty"`     // appeal_decided: instructed, partly
	AppealID     int64          `json:"appeal_id,omitempty"`     // appeal_decided, complied
	Term         string         `json:"term,omitempty"`          // overdue: a Terms code
	Due          registry.Date  `json:"due,omitempty"`           // overdue: the due date that passed
}

// Official is a person who took part in a decision (UDIP art. 16 ust. 2 pkt 1).
type Official struct {
	Name     string `json:"name"`
	Function string `json:"function"`
}

// Document is a file attached to an answer: a PDF stored by its SHA-256.
type Document struct {
	SHA256   string `json:"sha256"`
	Name     string `json:"name"`
	Size     int64  `json:"size"`
	Redacted bool   `json:"redacted"` // a copy with protected parts removed
}

// TypeLabel returns the Polish heading of an event type.
func TypeLabel(t string) string { return registry.LabelOf(EventTypes, t) }
