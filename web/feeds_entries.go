package web

import (
	"encoding/json"
	"fmt"

	"jawnosc/registry"
)

// feedSummary finishes an entry's summary with the reason of a change.
func feedSummary(v *registry.PublishedVersion, text string) atomText {
	if v.Reason != "" {
		text += " Powód zmiany: " + v.Reason
	}
	return atomText{Type: "text", Body: text}
}

// expenseFeedEntry is an expense version: recipient, amount, category and purpose.
func expenseFeedEntry(base string, v *registry.PublishedVersion, co *registry.Company) (atomEntry, error) {
	var d registry.ExpenseData
	if err := json.Unmarshal(v.Data, &d); err != nil {
		return atomEntry{}, registry.Internal(err)
	}
	cat := registry.LabelOf(registry.ExpenseCategories, d.Category)
	e := baseFeedEntry(base, "wydatki", v, fmt.Sprintf("%s: %s — %s", co.ShortName, upperFirst(cat), d.Recipient.Name), "Wydatki")
	e.Summary = feedSummary(v, fmt.Sprintf("%s. Odbiorca: %s. Kwota: %s brutto. Data: %s. Cel: %s.", co.Name, d.Recipient.Name,
		moneyIn(d.AmountGross, d.Currency), d.SpentOn.Polish(), d.Purpose))
	return e, nil
}

// adFeedEntry is an advertising version: outlet, campaign, amount and period.
func adFeedEntry(base string, v *registry.PublishedVersion, co *registry.Company) (atomEntry, error) {
	var d registry.AdData
	if err := json.Unmarshal(v.Data, &d); err != nil {
		return atomEntry{}, registry.Internal(err)
	}
	e := baseFeedEntry(base, "reklamy", v, fmt.Sprintf("%s: %s — %s", co.ShortName, d.Outlet.Name, d.Campaign), "Reklamy i media")
	e.Summary = feedSummary(v, fmt.Sprintf("%s. Medium: %s (%s). Treść: %s. Kwota: %s brutto. Okres: %s – %s.", co.Name, d.Outlet.Name,
		registry.LabelOf(registry.OutletKinds, d.Outlet.Kind), registry.LabelOf(registry.ContentKinds, d.ContentKind),
		moneyIn(d.AmountGross, d.Currency), d.PeriodStart.Polish(), d.PeriodEnd.Polish()))
	return e, nil
}

// recruitmentFeedEntry is a recruitment version: body, position, procedure and outcome.
func recruitmentFeedEntry(base string, v *registry.PublishedVersion, co *registry.Company) (atomEntry, error) {
	var d registry.RecruitmentData
	if err := json.Unmarshal(v.Data, &d); err != nil {
		return atomEntry{}, registry.Internal(err)
	}
	e := baseFeedEntry(base, "rekrutacje", v, fmt.Sprintf("%s: %s — %s", co.ShortName, upperFirst(registry.LabelOf(registry.Bodies, d.Body)), d.Position), "Rekrutacje")
	text := fmt.Sprintf("%s. Tryb: %s. Wynik: %s.", co.Name, registry.LabelOf(registry.RecruitmentProcedures, d.Procedure),
		registry.LabelOf(registry.RecruitmentOutcomes, d.Outcome))
	if d.Appointee != nil && d.Appointee.Name != "" {
		text += " Powołano: " + d.Appointee.Name + "."
	}
	e.Summary = feedSummary(v, text)
	return e, nil
}
