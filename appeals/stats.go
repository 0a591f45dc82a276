package appeals

import (
	"context"
	"sort"

	"jawnosc/registry"
)

// Stats are a company's figures on information requests.
type Stats struct {
	Requests int `json:"requests"`
	Answered int `json:"answered"` // with a substantive first answer
	Pending  int `json:"pending"`  // awaiting the first answer
	Overdue  int `json:"overdue"`  // awaiting the first answer past the due date
	// MedianDaysToAnswer is the median of calendar days from submission to the first
	// substantive answer; nil when nothing was answered.
	MedianDaysToAnswer *float64 `json:"median_days_to_answer"`
	// OnTimeShare is the share of answers due so far (answered, or pending past the due
	// date) that came by the due date; nil when none was due.
	OnTimeShare *float64 `json:"on_time_share"`
	// RefusalRate is the share of first answers that refused in whole; PartialRate in part.
	RefusalRate *float64       `json:"refusal_rate"`
	PartialRate *float64       `json:"partial_rate"`
	Outcomes    map[string]int `json:"outcomes"`
	Appeals     int            `json:"appeals"`
	// AppealResults counts appeals by result ("pending" for those not decided yet).
	AppealResults map[string]int `json:"appeal_results"`
	Complied      int            `json:"complied"`     // instructed disclosures carried out
	Noncompliant  int            `json:"noncompliant"` // instructed disclosures past the date
}

// CompanyStats computes a company's figures as of today.
func (s *Service) CompanyStats(ctx context.Context, companyID int64) (*Stats, error) {
	today := s.Today()
	st := &Stats{Outcomes: map[string]int{}, AppealResults: map[string]int{}}
	rows, err := s.read.QueryContext(ctx, `SELECT submitted_at, first_answer_on, answered_late, first_outcome, due_on, due_term, paused
		FROM ir_requests WHERE company_id = ?`, companyID)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	var days []int
	onTime, due := 0, 0
	for rows.Next() {
		var submitted, first, firstOutcome, dueOn, term string
		var late, paused bool
		if err := rows.Scan(&submitted, &first, &late, &firstOutcome, &dueOn, &term, &paused); err != nil {
			return nil, formatError(err)
		}
		st.Requests++
		if first == "" {
			st.Pending++
			if term == TermAnswer && !paused && string(today) > dueOn {
				st.Overdue++
				due++
			}
			continue
		}
		st.Answered++
		due++
		if !late {
			onTime++
		}
		st.Outcomes[firstOutcome]++
		days = append(days, registry.DaysBetween(DayOf(parseTime(submitted)), registry.Date(first)))
	}
	if err := rows.Err(); err != nil {
		return nil, formatError(err)
	}
	if len(days) > 0 {
		sort.Ints(days)
		m := float64(days[len(days)/2])
		if len(days)%2 == 0 {
			m = float64(days[len(days)/2-1]+days[len(days)/2]) / 2
		}
		st.MedianDaysToAnswer = &m
		st.RefusalRate = ratio(st.Outcomes[OutcomeRefused], st.Answered)
		st.PartialRate = ratio(st.Outcomes[OutcomePartial], st.Answered)
	}
	st.OnTimeShare = ratio(onTime, due)

	arows, err := s.read.QueryContext(ctx, `SELECT result, due_on, comply_by, complied_on FROM ir_appeals WHERE company_id = ?`, companyID)
	if err != nil {
		return nil, formatError(err)
	}
	defer arows.Close()
	for arows.Next() {
		var result, dueOn, comply, complied string
		if err := arows.Scan(&result, &dueOn, &comply, &complied); err != nil {
			return nil, formatError(err)
		}
		st.Appeals++
		if result == "" {
			result = "pending"
		}
		st.AppealResults[result]++
		switch {
		case complied != "":
			st.Complied++
		case comply != "" && string(today) > string(NextWorkingDay(registry.Date(comply))):
			st.Noncompliant++
		}
	}
	return st, formatError(arows.Err())
}

func ratio(n, d int) *float64 {
	if d == 0 {
		return nil
	}
	r := float64(n) / float64(d)
	return &r
}
