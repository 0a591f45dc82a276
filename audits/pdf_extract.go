package audits

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"jawnosc/pdf"
	"jawnosc/registry"
)

// MaxExtractRows is the most contracts one extract lists; the rest are in the CSV export.
const MaxExtractRows = 5000

// ExtractContract is one contract line of a register extract.
type ExtractContract struct {
	ID           int64
	Number       string
	SignedOn     registry.Date
	Subject      string
	Counterparty string
	NIP          string
	Mode         string
	Net, Gross   registry.Money
	Currency     string
	Status       string
}

// Extract is a company's register extract for a period: its entries, totals and signals.
type Extract struct {
	Company    *registry.Company
	From, To   registry.Date
	Contracts  []ExtractContract
	Count      int            // contracts in the period (may exceed len(Contracts))
	TotalNet   registry.Money // PLN contracts in the period
	TotalGross registry.Money
	// Expenses, Ads and Recruitments are the other registers' rows of the period.
	Expenses, Ads, Recruitments registerRows
	Reports                     []*Report
	Signals                     []*Signal
	Ledger                      string // the ledger head hash when the extract was made
}

// ValidatePeriod checks an extract's period: both dates, from ≤ to, at most 10 years.
// EINVALID per field ("from", "to").
func ValidatePeriod(from, to registry.Date) error {
	var v registry.Validator
	okF, okT := v.Date("from", from, true), v.Date("to", to, true)
	if okF && okT {
		if to < from {
			v.Add("to", "Koniec okresu nie może być wcześniejszy niż początek.")
		} else if to.Time().Sub(from.Time()) > 10*366*24*time.Hour {
			v.Add("to", "Wyciąg obejmuje najwyżej 10 lat.")
		}
	}
	return v.Err()
}

// CompanyExtract gathers a company's public entries of the period [from, to] — contracts
// (by signing), expenses, advertising (by start) and recruitments (by decision) — the audit
// reports published then and the signals dated then. Errors: EINVALID (period), EINTERNAL.
func (s *Store) CompanyExtract(ctx context.Context, co *registry.Company, from, to registry.Date) (*Extract, error) {
	if err := ValidatePeriod(from, to); err != nil {
		return nil, err
	}
	ex := &Extract{Company: co, From: from, To: to}
	err := s.read.QueryRowContext(ctx, `SELECT COUNT(*), COALESCE(SUM(CASE WHEN currency = 'PLN' THEN value_net ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN currency = 'PLN' THEN value_gross ELSE 0 END), 0)
		FROM contracts WHERE company_id = ? AND public = 1 AND signed_on >= ? AND signed_on <= ?`, co.ID, from, to).Scan(&ex.Count, &ex.TotalNet, &ex.TotalGross)
	if err != nil {
		return nil, formatError(err)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT c.entry_id, c.number, c.signed_on, c.subject, c.counterparty_name, c.counterparty_nip,
		c.procurement_mode, c.value_net, c.value_gross, c.currency, e.status
		FROM contracts c JOIN entries e ON e.id = c.entry_id
		WHERE c.company_id = ? AND c.public = 1 AND c.signed_on >= ? AND c.signed_on <= ? ORDER BY c.signed_on, c.entry_id LIMIT ?`,
		co.ID, from, to, MaxExtractRows)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var c ExtractContract
		if err := rows.Scan(&c.ID, &c.Number, &c.SignedOn, &c.Subject, &c.Counterparty, &c.NIP, &c.Mode, &c.Net, &c.Gross, &c.Currency, &c.Status); err != nil {
			return nil, formatError(err)
		}
		ex.Contracts = append(ex.Contracts, c)
	}
	if err := rows.Err(); err != nil {
		return nil, formatError(err)
	}
	if err := s.loadRegisters(ctx, ex); err != nil {
		return nil, err
	}
	reports, _, err := s.FindReports(ctx, ReportFilter{CompanyID: &co.ID, Limit: 1000})
	if err != nil {
		return nil, err
	}
	for _, r := range reports {
		if r.PublishedOn >= from && r.PublishedOn <= to {
			ex.Reports = append(ex.Reports, r)
		}
	}
	sigs, _, err := s.FindSignals(ctx, SignalFilter{CompanyID: &co.ID, Limit: 1000})
	if err != nil {
		return nil, err
	}
	for _, sg := range sigs {
		if sg.Date >= from && sg.Date <= to {
			ex.Signals = append(ex.Signals, sg)
		}
	}
	if head, err := s.Reg.LedgerHead(ctx); err == nil && head != nil {
		ex.Ledger = head.Hash
	}
	return ex, nil
}

// PDF lays the extract out: the company, the period, the table of every register
// (repeating its header on every page) with totals, the audit reports and the signals. now dates the document.
func (ex *Extract) PDF(now time.Time) ([]byte, error) {
	d := pdf.New(pdf.Meta{Title: "Wyciąg z rejestrów — " + ex.Company.ShortName, Author: "Jawność", Created: now,
		Footer: "Wyciąg " + ex.Company.Slug + " " + string(ex.From) + "–" + string(ex.To)})
	d.Title("Wyciąg z rejestrów spółki " + ex.Company.Name)
	fields := []pdf.Field{
		{Label: "Spółka", Value: ex.Company.Name},
		{Label: "NIP / KRS", Value: ex.Company.NIP + " / " + ex.Company.KRS},
		{Label: "Okres", Value: ex.From.Polish() + " – " + ex.To.Polish()},
		{Label: "Sporządzono", Value: now.In(registry.Warsaw()).Format("02.01.2006 15:04")},
	}
	if ex.Ledger != "" {
		fields = append(fields, pdf.Field{Label: "Głowa rejestru (SHA-256)", Value: ex.Ledger})
	}
	d.Fields(fields)

	d.Heading("Umowy")
	d.Para(fmt.Sprintf("W okresie spółka zawarła %d %s o łącznej wartości netto %s (umowy w PLN).",
		ex.Count, registry.Plural(ex.Count, "umowę", "umowy", "umów"), ex.TotalNet))
	if ex.Count > len(ex.Contracts) {
		d.Small(fmt.Sprintf("Wyciąg wymienia pierwsze %d umów; wszystkie są w eksporcie CSV i JSON rejestru.", len(ex.Contracts)))
	}
	if len(ex.Contracts) > 0 {
		rows := make([][]string, 0, len(ex.Contracts))
		for _, c := range ex.Contracts {
			cp := c.Counterparty
			if c.NIP != "" {
				cp += " (NIP " + c.NIP + ")"
			}
			subject := c.Subject
			if c.Status == registry.StatusWithdrawn {
				subject += " [wycofana]"
			}
			rows = append(rows, []string{c.Number, c.SignedOn.Polish(), subject, cp,
				registry.LabelOf(registry.ProcurementModes, c.Mode), moneyIn(c.Net, c.Currency)})
		}
		d.Table([]pdf.Column{{Header: "Numer", Width: 15}, {Header: "Zawarta", Width: 12}, {Header: "Przedmiot", Width: 25},
			{Header: "Kontrahent", Width: 20}, {Header: "Tryb", Width: 13}, {Header: "Netto", Width: 15, Align: "R"}}, rows)
		d.Para("Razem netto (PLN): " + ex.TotalNet.String() + ", brutto (PLN): " + ex.TotalGross.String())
	}

	ex.registersPDF(d)

	d.Heading("Audyty i kontrole")
	if len(ex.Reports) == 0 {
		d.Para("W okresie nie opublikowano raportów z audytów spółki.")
	} else {
		rows := [][]string{}
		for _, r := range ex.Reports {
			rows = append(rows, []string{r.PublishedOn.Polish(), r.Title, registry.LabelOf(AuditorKinds, r.AuditorKind),
				strconv.Itoa(r.Pending), strconv.Itoa(r.Overdue)})
		}
		d.Table([]pdf.Column{{Header: "Opublikowano", Width: 12}, {Header: "Tytuł", Width: 40}, {Header: "Audytor", Width: 20},
			{Header: "Zalecenia otwarte", Width: 12, Align: "R"}, {Header: "Po terminie", Width: 10, Align: "R"}}, rows)
	}

	d.Heading("Sygnały do sprawdzenia")
	d.Small("Sygnały nie są zarzutami: wskazują wpisy, którym warto się przyjrzeć, i mówią, dlaczego.")
	if len(ex.Signals) == 0 {
		d.Para("Brak sygnałów dla wpisów z tego okresu.")
	} else {
		rows := [][]string{}
		for _, sg := range ex.Signals {
			rows = append(rows, []string{sg.Date.Polish(), registry.LabelOf(Rules, sg.Rule), sg.Reason})
		}
		d.Table([]pdf.Column{{Header: "Data", Width: 12}, {Header: "Reguła", Width: 22}, {Header: "Dlaczego", Width: 66}}, rows)
	}
	return d.Bytes()
}

// moneyIn formats an amount with its currency ("1 234,56 zł" for PLN).
func moneyIn(m registry.Money, currency string) string {
	if currency == "" || currency == "PLN" {
		return m.String()
	}
	return m.Decimal() + " " + currency
}
