package web

import (
	"context"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// expenseDef is the expense register's pages: /wydatki, /wydatki/{id}, /spolki/{slug}/wydatki.
var expenseDef = &registerDef{
	Kind: registry.KindExpense, Path: "/wydatki", Tab: "wydatki", Title: "Wydatki", One: "wydatku", API: "expenses",
	Lead:    "Wydatki spółek miejskich na sponsoring, darowizny, doradztwo, usługi prawne, PR, wydarzenia, podróże i szkolenia.",
	Columns: []string{"Data", "Kategoria i cel", "Spółka", "Odbiorca", "Kwota brutto"},
	entry: func(ctx context.Context, s *server, a registry.Actor, id int64) (*entryView, error) {
		e, v, err := loadEntry(ctx, s.cfg.Store.Expenses(), a, id)
		if err != nil {
			return nil, err
		}
		v.Lead = upperFirst(registry.LabelOf(registry.ExpenseCategories, e.Data.Category)) + ": " + e.Data.Recipient.Name
		return v, nil
	},
	exportCSV: func(ctx context.Context, s *server, w csvChunkWriter, base string) error {
		return exportCSV(ctx, s.cfg.Store.Expenses(), w, base, "/wydatki")
	},
	exportJSON: func(ctx context.Context, s *server, emit func(any) error) error {
		return s.cfg.Store.Expenses().Scan(ctx, func(e *registry.Expense) error { return emit(e) })
	},
}

// expenseFilterOf reads the expense filters: company, year, category, recipient, NIP, sort.
func expenseFilterOf(ctx context.Context, s *server, c *fiber.Ctx, co *registry.Company) (registry.ExpenseFilter, registerList, error) {
	var f registry.ExpenseFilter
	company, err := companyFilter(s, ctx, c, co, &f.EntryFilter)
	if err != nil {
		return f, registerList{}, err
	}
	year := yearFilter(c, "Rok wydatku", &f.Year)
	cat := selectFilter(c, "category", "Kategoria", "wszystkie kategorie", registry.ExpenseCategories, &f.Category)
	rec := textFilter(c, "recipient", "Odbiorca (nazwa)", &f.Recipient)
	nip := filterField{Name: "nip", Label: "NIP odbiorcy", Value: c.Query("nip"), Max: 13}
	if nip.Value != "" {
		if n, err := registry.NormalizeNIP(nip.Value); err != nil {
			nip.Error = registry.ErrorMessage(err)
		} else {
			f.NIP = &n
		}
	}
	sort := selectFilter(c, "sort", "Sortuj według", "data: od najnowszych", []registry.Label{{Code: "amount", Label: "kwota: od największej"}}, new(*string))
	f.Sort = sort.Value
	return f, finishList(company, &year, &cat, &rec, &nip, &sort), nil
}

// expenseRow shows an expense in a list.
func expenseRow(e *registry.Expense) listRow {
	d := e.Data
	return listRow{URL: "/wydatki/" + strconv.FormatInt(e.ID, 10), Date: d.SpentOn.Polish(),
		Title: upperFirst(registry.LabelOf(registry.ExpenseCategories, d.Category)) + ": " + truncate(d.Purpose, 120), Company: e.Company, CompanyName: e.CompanyName,
		Party: d.Recipient.Name, PartyHref: nipPath(d.Recipient.NIP), Amount: moneyIn(d.AmountGross, d.Currency),
		Withdrawn: e.Status == registry.StatusWithdrawn}
}

// nipPath links a NIP to the counterparty page ("" for none).
func nipPath(nip string) string {
	if nip == "" {
		return ""
	}
	return "/kontrahenci/" + nip
}

// truncate shortens s to at most n runes, ending with "…".
func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// nonNil turns a nil slice into an empty one (JSON [] rather than null).
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// upperFirst capitalizes the first letter ("sponsoring" → "Sponsoring").
func upperFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+utf8.RuneLen(r):]
	}
	return s
}

func init() {
	expenseDef.list, expenseDef.api = registerLists(expenseFilterOf,
		func(f *registry.ExpenseFilter, offset, limit int) { f.Offset, f.Limit = offset, limit },
		(*registry.Store).FindExpenses, expenseRow)
}
