package registry

import "strings"

// The CSV columns of each register (export and import, in export order). Nested fields are
// flattened with "_": recipient.nip → recipient_nip.

var expenseColumns = []Column[ExpenseData]{
	dateCol("spent_on", "spent_on", func(d *ExpenseData) *Date { return &d.SpentOn }),
	codeCol("category", "category", func(d *ExpenseData) *string { return &d.Category }),
	textCol("recipient_name", "recipient.name", func(d *ExpenseData) *string { return &d.Recipient.Name }),
	codeCol("recipient_nip", "recipient.nip", func(d *ExpenseData) *string { return &d.Recipient.NIP }),
	moneyCol("amount_gross", "amount_gross", func(d *ExpenseData) *Money { return &d.AmountGross }),
	codeCol("currency", "currency", func(d *ExpenseData) *string { return &d.Currency }),
	textCol("purpose", "purpose", func(d *ExpenseData) *string { return &d.Purpose }),
	idCol("contract_id", "contract_id", func(d *ExpenseData) *int64 { return &d.ContractID }),
}

var expenseRequired = []string{"spent_on", "category", "recipient_name", "amount_gross", "purpose"}

var adColumns = []Column[AdData]{
	textCol("outlet_name", "outlet.name", func(d *AdData) *string { return &d.Outlet.Name }),
	codeCol("outlet_kind", "outlet.kind", func(d *AdData) *string { return &d.Outlet.Kind }),
	textCol("outlet_publisher", "outlet.publisher", func(d *AdData) *string { return &d.Outlet.Publisher }),
	codeCol("outlet_nip", "outlet.nip", func(d *AdData) *string { return &d.Outlet.NIP }),
	textCol("campaign", "campaign", func(d *AdData) *string { return &d.Campaign }),
	codeCol("content_kind", "content_kind", func(d *AdData) *string { return &d.ContentKind }),
	textCol("description", "description", func(d *AdData) *string { return &d.Description }),
	dateCol("period_start", "period_start", func(d *AdData) *Date { return &d.PeriodStart }),
	dateCol("period_end", "period_end", func(d *AdData) *Date { return &d.PeriodEnd }),
	{Name: "quarter", Get: func(d *AdData) string { return d.Quarter() }}, // export only: the quarter counted in
	moneyCol("amount_gross", "amount_gross", func(d *AdData) *Money { return &d.AmountGross }),
	codeCol("currency", "currency", func(d *AdData) *string { return &d.Currency }),
	codeCol("procedure", "procedure", func(d *AdData) *string { return &d.Procedure }),
	idCol("contract_id", "contract_id", func(d *AdData) *int64 { return &d.ContractID }),
}

// adExtra: an import may give the period as one quarter ("20123", "2012-Q3") instead of dates.
var adExtra = []Column[AdData]{{Name: "period_quarter", Field: "period_start,period_end",
	Set: func(d *AdData, s string) error {
		if strings.TrimSpace(s) == "" {
			return nil
		}
		a, b, err := QuarterRange(s)
		if err == nil {
			d.PeriodStart, d.PeriodEnd = a, b
		}
		return err
	}}}

var adRequired = []string{"outlet_name", "outlet_kind", "campaign", "content_kind", "period_start", "period_end", "amount_gross", "procedure"}

func appointee(d *RecruitmentData) *Appointee {
	if d.Appointee == nil {
		d.Appointee = &Appointee{}
	}
	return d.Appointee
}

// appointeeCol reads and writes a text of the appointee (created on demand; an appointee
// left empty is dropped by Normalize).
func appointeeCol(name string, p func(*Appointee) *string) Column[RecruitmentData] {
	return Column[RecruitmentData]{Name: name, Field: "appointee." + strings.TrimPrefix(name, "appointee_"),
		Get: func(d *RecruitmentData) string {
			if d.Appointee == nil {
				return ""
			}
			return escapeFormula(*p(d.Appointee))
		},
		Set: func(d *RecruitmentData, s string) error { *p(appointee(d)) = unescapeFormula(s); return nil }}
}

func appointeeDateCol(name string, p func(*Appointee) *Date) Column[RecruitmentData] {
	return Column[RecruitmentData]{Name: name, Field: "appointee." + strings.TrimPrefix(name, "appointee_"),
		Get: func(d *RecruitmentData) string {
			if d.Appointee == nil {
				return ""
			}
			return string(*p(d.Appointee))
		},
		Set: func(d *RecruitmentData, s string) (err error) {
			if strings.TrimSpace(s) == "" {
				return nil
			}
			*p(appointee(d)), err = ParseDate(s)
			return err
		}}
}

var recruitmentColumns = []Column[RecruitmentData]{
	codeCol("body", "body", func(d *RecruitmentData) *string { return &d.Body }),
	textCol("position", "position", func(d *RecruitmentData) *string { return &d.Position }),
	textCol("legal_basis", "legal_basis", func(d *RecruitmentData) *string { return &d.LegalBasis }),
	codeCol("procedure", "procedure", func(d *RecruitmentData) *string { return &d.Procedure }),
	dateCol("announced_on", "announced_on", func(d *RecruitmentData) *Date { return &d.AnnouncedOn }),
	textCol("announcement_place", "announcement_place", func(d *RecruitmentData) *string { return &d.AnnouncementPlace }),
	dateCol("application_deadline", "application_deadline", func(d *RecruitmentData) *Date { return &d.ApplicationDeadline }),
	textCol("requirements", "requirements", func(d *RecruitmentData) *string { return &d.Requirements }),
	textCol("selection_criteria", "selection_criteria", func(d *RecruitmentData) *string { return &d.SelectionCriteria }),
	textCol("commission", "commission", func(d *RecruitmentData) *string { return &d.Commission }),
	intCol("applicants_count", "applicants_count", func(d *RecruitmentData) *int { return &d.ApplicantsCount }),
	intCol("admitted_count", "admitted_count", func(d *RecruitmentData) *int { return &d.AdmittedCount }),
	intCol("interviewed_count", "interviewed_count", func(d *RecruitmentData) *int { return &d.InterviewedCount }),
	codeCol("outcome", "outcome", func(d *RecruitmentData) *string { return &d.Outcome }),
	appointeeCol("appointee_name", func(a *Appointee) *string { return &a.Name }),
	appointeeCol("appointee_function", func(a *Appointee) *string { return &a.Function }),
	appointeeCol("appointee_qualifications", func(a *Appointee) *string { return &a.Qualifications }),
	appointeeCol("appointee_resolution_number", func(a *Appointee) *string { return &a.ResolutionNumber }),
	appointeeDateCol("appointee_resolution_date", func(a *Appointee) *Date { return &a.ResolutionDate }),
	appointeeDateCol("appointee_term_start", func(a *Appointee) *Date { return &a.TermStart }),
	appointeeDateCol("appointee_term_end", func(a *Appointee) *Date { return &a.TermEnd }),
	listCol("eligibility", "eligibility", func(d *RecruitmentData) *[]string { return &d.Eligibility }),
	moneyCol("remuneration_fixed_monthly", "remuneration.fixed_monthly", func(d *RecruitmentData) *Money { return &d.Remuneration.FixedMonthly }),
	intCol("remuneration_variable_cap_percent", "remuneration.variable_cap_percent", func(d *RecruitmentData) *int { return &d.Remuneration.VariableCapPercent }),
}

var recruitmentRequired = []string{"body", "position", "legal_basis", "procedure", "outcome"}
