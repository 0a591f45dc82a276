package audits

import (
	"fmt"
	"strings"

	"jawnosc/registry"
)

// Limits on what an auditor or officer may send.
const (
	MaxTitle           = 300
	MaxAuditorName     = 200
	MaxSummary         = 20000
	MaxFindings        = 200
	MaxFindingText     = 10000
	MaxRecommendations = 300
	MaxRecommendation  = 5000
	MaxResponsible     = 200
	MaxReason          = 2000
	MaxResponse        = 20000
	MaxCouncilSession  = 200
)

// normalize trims every text of the input.
func (in *ReportInput) normalize() {
	for _, p := range []*string{&in.Company, &in.Title, &in.AuditorKind, &in.AuditorName, &in.Kind, &in.Summary} {
		*p = strings.TrimSpace(*p)
	}
	for i := range in.Findings {
		f := &in.Findings[i]
		f.Title, f.Description, f.Severity = strings.TrimSpace(f.Title), strings.TrimSpace(f.Description), strings.TrimSpace(f.Severity)
	}
	for i := range in.Recommendations {
		r := &in.Recommendations[i]
		r.Text, r.Responsible = strings.TrimSpace(r.Text), strings.TrimSpace(r.Responsible)
	}
}

// Validate checks every field of the report against today's date (Europe/Warsaw) and
// returns EINVALID with a Polish message per field ("findings.0.severity",
// "recommendations.2.due_on", …), or nil.
func (in *ReportInput) Validate(today registry.Date) error {
	in.normalize()
	var v registry.Validator
	v.Text("company", in.Company, true, 100)
	v.Text("title", in.Title, true, MaxTitle)
	v.OneOf("auditor_kind", in.AuditorKind, AuditorKinds, true)
	v.Text("auditor_name", in.AuditorName, in.AuditorKind == "external_firm", MaxAuditorName)
	v.OneOf("kind", in.Kind, ReportKinds, true)
	v.LongText("summary", in.Summary, true, MaxSummary)
	okFrom, okTo := v.Date("period_from", in.PeriodFrom, true), v.Date("period_to", in.PeriodTo, true)
	if okFrom && okTo && in.PeriodTo < in.PeriodFrom {
		v.Add("period_to", "Koniec okresu objętego audytem nie może być wcześniejszy niż jego początek.")
	}
	okStart, okDone, okPub := v.Date("started_on", in.StartedOn, true), v.Date("completed_on", in.CompletedOn, true), v.Date("published_on", in.PublishedOn, true)
	if okStart && okDone && in.CompletedOn < in.StartedOn {
		v.Add("completed_on", "Audyt nie może zakończyć się przed rozpoczęciem.")
	}
	if okDone && okPub && in.PublishedOn < in.CompletedOn {
		v.Add("published_on", "Raport nie może być opublikowany przed zakończeniem audytu.")
	}
	if okPub && today != "" && in.PublishedOn > today {
		v.Add("published_on", "Data publikacji nie może być w przyszłości.")
	}
	if okStart && okFrom && in.StartedOn < in.PeriodFrom {
		v.Add("started_on", "Audyt nie może rozpocząć się przed początkiem okresu, który obejmuje.")
	}
	if len(in.Findings) > MaxFindings {
		v.Add("findings", fmt.Sprintf("Najwyżej %d ustaleń w jednym raporcie.", MaxFindings))
	}
	for i, f := range in.Findings {
		p := fmt.Sprintf("findings.%d.", i)
		v.Text(p+"title", f.Title, true, MaxTitle)
		v.LongText(p+"description", f.Description, false, MaxFindingText)
		v.OneOf(p+"severity", f.Severity, Severities, true)
	}
	if len(in.Recommendations) > MaxRecommendations {
		v.Add("recommendations", fmt.Sprintf("Najwyżej %d zaleceń w jednym raporcie.", MaxRecommendations))
	}
	for i, r := range in.Recommendations {
		p := fmt.Sprintf("recommendations.%d.", i)
		v.LongText(p+"text", r.Text, true, MaxRecommendation)
		v.Text(p+"responsible", r.Responsible, true, MaxResponsible)
		if v.Date(p+"due_on", r.DueOn, true) && okDone && r.DueOn < in.CompletedOn {
			v.Add(p+"due_on", "Termin wdrożenia nie może być wcześniejszy niż zakończenie audytu.")
		}
		if r.Finding < 0 || r.Finding > len(in.Findings) {
			v.Add(p+"finding", "Wskaż ustalenie z listy ustaleń tego raportu.")
		}
	}
	if len(in.PDF) > 0 {
		v.Merge("pdf", CheckPDF(in.PDF))
	}
	return v.Err()
}

// StatusInput is a change of a recommendation's status by an auditor.
type StatusInput struct {
	Status string        `json:"status"`
	On     registry.Date `json:"on"`
	Reason string        `json:"reason"`
}

// Validate checks the status change against the recommendation's current status and
// today's date; EINVALID per field, or nil.
func (in *StatusInput) Validate(r *Recommendation, today registry.Date) error {
	in.Status, in.Reason = strings.TrimSpace(in.Status), strings.TrimSpace(in.Reason)
	var v registry.Validator
	if v.OneOf("status", in.Status, Statuses, true) && in.Status == r.Status {
		v.Add("status", "Zalecenie ma już ten status.")
	}
	if v.Date("on", in.On, true) {
		if in.On < r.StatusOn {
			v.Add("on", "Data zmiany nie może być wcześniejsza niż data poprzedniej zmiany ("+r.StatusOn.Polish()+").")
		} else if today != "" && in.On > today {
			v.Add("on", "Data zmiany nie może być w przyszłości.")
		}
	}
	v.LongText("reason", in.Reason, true, MaxReason)
	return v.Err()
}

// ResponseInput is the company's response to a report or evidence for a recommendation.
type ResponseInput struct {
	Text string `json:"text"`
	PDF  []byte `json:"-"`
}

// Validate checks the text and the optional PDF; EINVALID per field, or nil.
func (in *ResponseInput) Validate() error {
	in.Text = strings.TrimSpace(in.Text)
	var v registry.Validator
	v.LongText("text", in.Text, true, MaxResponse)
	if len(in.PDF) > 0 {
		v.Merge("pdf", CheckPDF(in.PDF))
	}
	return v.Err()
}

// Validate checks the council discussion: the session's name and its date (not in the future).
func (c *Council) Validate(today registry.Date) error {
	c.Session = strings.TrimSpace(c.Session)
	var v registry.Validator
	v.Text("session", c.Session, true, MaxCouncilSession)
	if v.Date("date", c.Date, true) && today != "" && c.Date > today {
		v.Add("date", "Data sesji nie może być w przyszłości.")
	}
	return v.Err()
}
