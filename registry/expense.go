package registry

import (
	"context"
	"strconv"
	"strings"
)

// Expense categories (codes used in CSV, API and database; Polish labels on pages).
var ExpenseCategories = []Label{
	{"sponsorship", "sponsoring"},
	{"donation", "darowizna"},
	{"consulting", "doradztwo"},
	{"legal", "usługi prawne"},
	{"pr", "PR i komunikacja"},
	{"events", "wydarzenia"},
	{"travel", "podróże służbowe"},
	{"training", "szkolenia"},
	{"other", "inne"},
}

// Limits of expense fields (runes).
const (
	MaxRecipientName = 300
	MaxPurpose       = 5000
)

// Recipient is who received the money: name and, for firms and organisations, NIP.
type Recipient struct {
	Name string `json:"name"`
	NIP  string `json:"nip"`
}

// ExpenseData is the versioned content of an expense (sponsorship, donation, consulting …).
type ExpenseData struct {
	AmountGross Money     `json:"amount_gross"`
	Category    string    `json:"category"`
	ContractID  int64     `json:"contract_id,omitempty"` // the contract it is paid under
	Currency    string    `json:"currency"`
	Purpose     string    `json:"purpose"`
	Recipient   Recipient `json:"recipient"`
	SpentOn     Date      `json:"spent_on"`
}

// Expense is an expense register entry in its current state.
type Expense = Entry[ExpenseData]

// Normalize trims the texts, upper-cases the currency ("PLN" default), lower-cases the
// category and puts the NIP and the date in canonical form when valid.
func (d *ExpenseData) Normalize() {
	d.Category = strings.ToLower(strings.TrimSpace(d.Category))
	d.Recipient.Name = oneLine(d.Recipient.Name)
	normID(&d.Recipient.NIP, NormalizeNIP)
	d.Purpose = multiLine(d.Purpose)
	normCurrency(&d.Currency)
	normDate(&d.SpentOn)
}

// Validate checks an expense (call Normalize first): date, category, recipient and
// amount required; NIP valid when given; purpose required, at most MaxPurpose runes.
func (d *ExpenseData) Validate() error {
	var v Validator
	v.Date("spent_on", d.SpentOn, true)
	v.OneOf("category", d.Category, ExpenseCategories, true)
	v.Text("recipient.name", d.Recipient.Name, true, MaxRecipientName)
	v.ID("recipient.nip", d.Recipient.NIP, NormalizeNIP)
	if v.Money("amount_gross", d.AmountGross, 0) {
		v.Check(d.AmountGross > 0, "amount_gross", "Podaj kwotę większą od zera.")
	}
	v.currency("currency", d.Currency)
	v.LongText("purpose", d.Purpose, true, MaxPurpose)
	v.Check(d.ContractID >= 0, "contract_id", "Podaj numer umowy z rejestru.")
	return v.Err()
}

// LinkedContract is the contract the expense is paid under (0: none).
func (d *ExpenseData) LinkedContract() int64 { return d.ContractID }

// Fields lists the expense for display, in order.
func (d *ExpenseData) Fields() []Field {
	return []Field{
		{Name: "spent_on", Label: "Data wydatku", Value: d.SpentOn.Polish()},
		{Name: "category", Label: "Kategoria", Value: LabelOf(ExpenseCategories, d.Category)},
		{Name: "recipient.name", Label: "Odbiorca", Value: d.Recipient.Name},
		{Name: "recipient.nip", Label: "NIP odbiorcy", Value: d.Recipient.NIP, Href: nipHref(d.Recipient.NIP)},
		{Name: "amount_gross", Label: "Kwota brutto", Value: moneyIn(d.AmountGross, d.Currency)},
		{Name: "purpose", Label: "Cel wydatku", Value: d.Purpose},
		contractField(d.ContractID),
	}
}

// nipHref links a NIP to the counterparty's page.
func nipHref(nip string) string {
	if nip == "" {
		return ""
	}
	return "/kontrahenci/" + nip
}

// contractField is the "link to a contract" field of expenses and ads.
func contractField(id int64) Field {
	f := Field{Name: "contract_id", Label: "Umowa"}
	if id > 0 {
		f.Value = "umowa nr " + strconv.FormatInt(id, 10) + " w rejestrze"
		f.Href = "/umowy/" + strconv.FormatInt(id, 10)
	}
	return f
}

// normCurrency upper-cases a currency code, "PLN" when empty.
func normCurrency(c *string) {
	*c = strings.ToUpper(strings.TrimSpace(*c))
	if *c == "" {
		*c = "PLN"
	}
}

// currency checks an ISO 4217 code.
func (v *Validator) currency(field, code string) bool {
	if code == "" {
		v.Add(field, msgRequired)
		return false
	}
	return v.Check(ValidCurrency(code), field, msgCurrencyCode)
}

// ExpenseFilter selects expenses. Nil pointers mean "not given".
type ExpenseFilter struct {
	EntryFilter
	Year      *int
	Category  *string
	NIP       *string
	Recipient *string // substring of the recipient's name
	Sort      string  // "date" (default, newest first), "amount"
}

// Expenses returns the expense register.
func (s *Store) Expenses() *Register[ExpenseData, *ExpenseData] {
	return &Register[ExpenseData, *ExpenseData]{s: s, kind: KindExpense, table: "expenses", what: "wydatku", cols: expenseColumns, required: expenseRequired,
		upsert: `INSERT INTO expenses (entry_id, company_id, spent_on, category, recipient_name, recipient_nip, amount_gross, currency, contract_id, public)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (entry_id) DO UPDATE SET spent_on = excluded.spent_on, category = excluded.category, recipient_name = excluded.recipient_name,
	recipient_nip = excluded.recipient_nip, amount_gross = excluded.amount_gross, currency = excluded.currency,
	contract_id = excluded.contract_id, public = excluded.public`,
		row: func(m *EntryMeta, public int, d *ExpenseData) []any {
			return []any{m.ID, m.CompanyID, string(d.SpentOn), d.Category, d.Recipient.Name, d.Recipient.NIP,
				int64(d.AmountGross), d.Currency, nullID(d.ContractID), public}
		}}
}

// nullID stores 0 as NULL.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// FindExpenses returns a page of expenses matching f and the total count.
func (s *Store) FindExpenses(ctx context.Context, f ExpenseFilter) ([]*Expense, int, error) {
	w := f.base()
	w.yearRange("p.spent_on", f.Year)
	w.eq("p.category", f.Category)
	w.eq("p.recipient_nip", f.NIP)
	w.like("p.recipient_name", f.Recipient)
	order := "p.spent_on DESC, p.entry_id DESC"
	if f.Sort == "amount" {
		order = "p.amount_gross DESC, p.entry_id DESC"
	}
	return s.Expenses().find(ctx, w, order, f.Offset, f.Limit)
}
