package audits

import (
	"fmt"
	"strconv"
	"time"

	"jawnosc/pdf"
	"jawnosc/registry"
)

// SummaryPDF lays out the audit summary: the report's fields, its findings, every
// recommendation with its status history and evidence, the company's response and the
// council discussion. now dates the document and decides what is overdue.
func (r *Report) SummaryPDF(now time.Time) ([]byte, error) {
	d := pdf.New(pdf.Meta{Title: "Podsumowanie audytu — " + r.Title, Author: "Jawność", Created: now,
		Footer: "Audyt nr " + strconv.FormatInt(r.ID, 10) + " · " + r.CompanyName})
	d.Title(r.Title)
	auditor := registry.LabelOf(AuditorKinds, r.AuditorKind)
	if r.AuditorName != "" {
		auditor += " — " + r.AuditorName
	}
	fields := []pdf.Field{
		{Label: "Spółka", Value: r.CompanyName},
		{Label: "Audytor", Value: auditor},
		{Label: "Rodzaj", Value: registry.LabelOf(ReportKinds, r.Kind)},
		{Label: "Okres objęty audytem", Value: r.PeriodFrom.Polish() + " – " + r.PeriodTo.Polish()},
		{Label: "Rozpoczęty / zakończony", Value: r.StartedOn.Polish() + " / " + r.CompletedOn.Polish()},
		{Label: "Opublikowany", Value: r.PublishedOn.Polish()},
		{Label: "Zalecenia otwarte / po terminie", Value: fmt.Sprintf("%d / %d", r.Pending, r.Overdue)},
	}
	if r.Council != nil {
		fields = append(fields, pdf.Field{Label: "Rada Miasta", Value: r.Council.Session + ", " + r.Council.Date.Polish()})
	}
	if r.PDF != nil {
		fields = append(fields, pdf.Field{Label: "Raport (SHA-256)", Value: r.PDF.SHA256})
	}
	d.Fields(fields)
	d.Heading("Streszczenie")
	d.Para(r.Summary)

	if len(r.Findings) > 0 {
		d.Heading("Ustalenia")
		rows := [][]string{}
		for _, f := range r.Findings {
			rows = append(rows, []string{strconv.Itoa(f.Position), f.Title + orEmpty("\n", f.Description), registry.LabelOf(Severities, f.Severity)})
		}
		d.Table([]pdf.Column{{Header: "Nr", Width: 6, Align: "R"}, {Header: "Ustalenie", Width: 78}, {Header: "Waga", Width: 16}}, rows)
	}
	if len(r.Recommendations) > 0 {
		d.Heading("Zalecenia")
		rows := [][]string{}
		for _, rec := range r.Recommendations {
			status := registry.LabelOf(Statuses, rec.Status) + " (od " + rec.StatusOn.Polish() + ")"
			if rec.Overdue {
				status += fmt.Sprintf("; po terminie %d dni", rec.DaysOverdue)
			}
			rows = append(rows, []string{strconv.Itoa(rec.Position), rec.Text, rec.Responsible, rec.DueOn.Polish(), status})
		}
		d.Table([]pdf.Column{{Header: "Nr", Width: 5, Align: "R"}, {Header: "Zalecenie", Width: 43}, {Header: "Odpowiada", Width: 17},
			{Header: "Termin", Width: 11}, {Header: "Status", Width: 24}}, rows)
		var hist [][]string
		for _, rec := range r.Recommendations {
			for _, h := range rec.History {
				hist = append(hist, []string{strconv.Itoa(rec.Position), h.On.Polish(),
					registry.LabelOf(Statuses, h.From) + " → " + registry.LabelOf(Statuses, h.To), h.Reason})
			}
		}
		if len(hist) > 0 {
			d.Heading("Historia statusów zaleceń")
			d.Table([]pdf.Column{{Header: "Zalecenie", Width: 10, Align: "R"}, {Header: "Data", Width: 12}, {Header: "Zmiana", Width: 26},
				{Header: "Uzasadnienie", Width: 52}}, hist)
		}
	}
	if len(r.Responses) > 0 {
		d.Heading("Odpowiedź spółki")
		for _, resp := range r.Responses {
			d.Small(resp.PostedAt.In(registry.Warsaw()).Format("02.01.2006 15:04"))
			d.Para(resp.Text)
		}
	}
	return d.Bytes()
}

func orEmpty(sep, s string) string {
	if s == "" {
		return ""
	}
	return sep + s
}
