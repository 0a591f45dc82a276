package audits

import (
	"context"
	"fmt"

	"jawnosc/pdf"
	"jawnosc/registry"
)

// registerRows is one register's part of an extract: its table rows, how many entries the
// period has (the rows stop at MaxExtractRows) and their PLN gross total.
type registerRows struct {
	Rows  [][]string
	Count int
	Total registry.Money
}

// loadRegisterRows runs q (company, from, to, limit) and turns each row into cells with row.
func (s *Store) loadRegisterRows(ctx context.Context, q string, co *registry.Company, from, to registry.Date,
	scan func(sc func(...any) error) ([]string, registry.Money, error)) (registerRows, error) {
	var out registerRows
	rows, err := s.read.QueryContext(ctx, q, co.ID, from, to)
	if err != nil {
		return out, formatError(err)
	}
	defer rows.Close()
	for rows.Next() {
		cells, amount, err := scan(rows.Scan)
		if err != nil {
			return out, formatError(err)
		}
		out.Count++
		out.Total += amount
		if len(out.Rows) < MaxExtractRows {
			out.Rows = append(out.Rows, cells)
		}
	}
	return out, formatError(rows.Err())
}

// loadRegisters fills the extract's expenses, advertising and recruitments of the period.
func (s *Store) loadRegisters(ctx context.Context, ex *Extract) error {
	var err error
	ex.Expenses, err = s.loadRegisterRows(ctx, `SELECT x.spent_on, x.category, x.recipient_name, x.recipient_nip, x.amount_gross, x.currency, e.status
		FROM expenses x JOIN entries e ON e.id = x.entry_id WHERE x.company_id = ? AND x.public = 1 AND x.spent_on >= ? AND x.spent_on <= ?
		ORDER BY x.spent_on, x.entry_id`, ex.Company, ex.From, ex.To, func(sc func(...any) error) ([]string, registry.Money, error) {
		var on registry.Date
		var cat, name, nip, cur, status string
		var amount registry.Money
		if err := sc(&on, &cat, &name, &nip, &amount, &cur, &status); err != nil {
			return nil, 0, err
		}
		if nip != "" {
			name += " (NIP " + nip + ")"
		}
		return []string{on.Polish(), registry.LabelOf(registry.ExpenseCategories, cat), name + withdrawnMark(status), moneyIn(amount, cur)}, plnOnly(amount, cur), nil
	})
	if err != nil {
		return err
	}
	ex.Ads, err = s.loadRegisterRows(ctx, `SELECT a.period_start, a.period_end, a.outlet_name, a.campaign, a.amount_gross, a.currency, e.status
		FROM ads a JOIN entries e ON e.id = a.entry_id WHERE a.company_id = ? AND a.public = 1 AND a.period_start >= ? AND a.period_start <= ?
		ORDER BY a.period_start, a.entry_id`, ex.Company, ex.From, ex.To, func(sc func(...any) error) ([]string, registry.Money, error) {
		var start, end registry.Date
		var outlet, campaign, cur, status string
		var amount registry.Money
		if err := sc(&start, &end, &outlet, &campaign, &amount, &cur, &status); err != nil {
			return nil, 0, err
		}
		return []string{start.Polish() + " – " + end.Polish(), outlet, campaign + withdrawnMark(status), moneyIn(amount, cur)}, plnOnly(amount, cur), nil
	})
	if err != nil {
		return err
	}
	ex.Recruitments, err = s.loadRegisterRows(ctx, `SELECT r.decided_on, r.body, r.position, r.procedure, r.outcome, r.appointed_name, e.status
		FROM recruitments r JOIN entries e ON e.id = r.entry_id WHERE r.company_id = ? AND r.public = 1 AND r.decided_on >= ? AND r.decided_on <= ?
		ORDER BY r.decided_on, r.entry_id`, ex.Company, ex.From, ex.To, func(sc func(...any) error) ([]string, registry.Money, error) {
		var on registry.Date
		var body, position, procedure, outcome, name, status string
		if err := sc(&on, &body, &position, &procedure, &outcome, &name, &status); err != nil {
			return nil, 0, err
		}
		return []string{on.Polish(), position + " (" + registry.LabelOf(registry.Bodies, body) + ")" + withdrawnMark(status),
			registry.LabelOf(registry.RecruitmentProcedures, procedure), registry.LabelOf(registry.RecruitmentOutcomes, outcome), name}, 0, nil
	})
	return err
}

func withdrawnMark(status string) string {
	if status == registry.StatusWithdrawn {
		return " [wycofany]"
	}
	return ""
}

func plnOnly(m registry.Money, currency string) registry.Money {
	if currency == "" || currency == "PLN" {
		return m
	}
	return 0
}

// registersPDF lays out the expenses, advertising and recruitments of an extract.
func (ex *Extract) registersPDF(d *pdf.Doc) {
	section := func(title, noun string, r registerRows, cols []pdf.Column, money bool) {
		d.Heading(title)
		if r.Count == 0 {
			d.Para("Brak wpisów z tego okresu.")
			return
		}
		line := fmt.Sprintf("Wpisów w okresie: %d.", r.Count)
		if money {
			line = fmt.Sprintf("Wpisów w okresie: %d, razem brutto (PLN): %s.", r.Count, r.Total)
		}
		d.Para(line)
		if r.Count > len(r.Rows) {
			d.Small(fmt.Sprintf("Wyciąg wymienia pierwsze %d %s; wszystkie są w eksporcie CSV i JSON rejestru.", len(r.Rows), noun))
		}
		d.Table(cols, r.Rows)
	}
	section("Wydatki", "wydatków", ex.Expenses, []pdf.Column{{Header: "Data", Width: 14}, {Header: "Kategoria", Width: 20},
		{Header: "Odbiorca", Width: 48}, {Header: "Kwota brutto", Width: 18, Align: "R"}}, true)
	section("Reklamy i media", "zamówień", ex.Ads, []pdf.Column{{Header: "Okres", Width: 22}, {Header: "Medium", Width: 24},
		{Header: "Kampania", Width: 36}, {Header: "Kwota brutto", Width: 18, Align: "R"}}, true)
	section("Rekrutacje do organów spółki", "rekrutacji", ex.Recruitments, []pdf.Column{{Header: "Data", Width: 13}, {Header: "Stanowisko", Width: 30},
		{Header: "Tryb", Width: 24}, {Header: "Wynik", Width: 13}, {Header: "Powołano", Width: 20}}, false)
}
