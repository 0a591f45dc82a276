package search

import (
	"context"
	"strconv"
	"strings"

	"jawnosc/registry"
)

// The documents of the expense, advertising and recruitment registers. They go through the
// same mapping and Polish analysis as contracts; Counterparty holds the recipient, the
// outlet or the appointed person, ValueNet the gross amount (these registers have no net).

// DocFromExpense maps an expense to its index document: URL "/wydatki/{id}", title the
// category and the recipient, body the purpose.
func DocFromExpense(e *registry.Expense) Doc {
	d := e.Data
	return Doc{
		ID: DocID(registry.KindExpense, e.ID), Kind: registry.KindExpense, EntryID: e.ID,
		Company: e.Company, CompanyName: e.CompanyName,
		Title:        registry.LabelOf(registry.ExpenseCategories, d.Category) + ": " + d.Recipient.Name,
		Body:         d.Purpose,
		Counterparty: d.Recipient.Name, NIP: d.Recipient.NIP,
		Date: string(d.SpentOn), ValueNet: int64(d.AmountGross), Currency: d.Currency, Status: e.Status,
		URL: "/wydatki/" + strconv.FormatInt(e.ID, 10),
	}
}

// DocFromAd maps an ad to its index document: URL "/reklamy/{id}", title the campaign,
// body the outlet, its publisher, the content kind and the description; Mode the ordering
// procedure.
func DocFromAd(a *registry.Ad) Doc {
	d := a.Data
	body := joinNonEmpty(d.Outlet.Name, d.Outlet.Publisher, registry.LabelOf(registry.OutletKinds, d.Outlet.Kind),
		registry.LabelOf(registry.ContentKinds, d.ContentKind), d.Description)
	return Doc{
		ID: DocID(registry.KindAd, a.ID), Kind: registry.KindAd, EntryID: a.ID,
		Company: a.Company, CompanyName: a.CompanyName,
		Title: d.Campaign, Body: body, Counterparty: d.Outlet.Name, NIP: d.Outlet.NIP,
		Date: string(d.PeriodStart), Mode: d.Procedure, ValueNet: int64(d.AmountGross), Currency: d.Currency, Status: a.Status,
		URL: "/reklamy/" + strconv.FormatInt(a.ID, 10),
	}
}

// DocFromRecruitment maps a recruitment to its index document: URL "/rekrutacje/{id}",
// title the body and position, body the requirements, criteria and the appointee's
// qualifications; Counterparty the appointed person (only appointees are ever named).
func DocFromRecruitment(r *registry.Recruitment) Doc {
	d := r.Data
	var person, quals string
	if p := d.Appointee; p != nil {
		person, quals = p.Name, p.Qualifications
	}
	return Doc{
		ID: DocID(registry.KindRecruitment, r.ID), Kind: registry.KindRecruitment, EntryID: r.ID,
		Company: r.Company, CompanyName: r.CompanyName,
		Title:        d.Position + " (" + registry.LabelOf(registry.Bodies, d.Body) + ")",
		Body:         joinNonEmpty(registry.LabelOf(registry.RecruitmentProcedures, d.Procedure), d.Requirements, d.SelectionCriteria, quals),
		Counterparty: person, Date: string(d.DecidedOn()),
		ValueNet: int64(d.Remuneration.FixedMonthly), Status: r.Status,
		URL: "/rekrutacje/" + strconv.FormatInt(r.ID, 10),
	}
}

func joinNonEmpty(parts ...string) string {
	out := parts[:0:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " · ")
}

// registerDocs loads the public documents of ids of a register other than contracts;
// ok is false for a kind that has no documents.
func (s StoreSource) registerDocs(ctx context.Context, kind string, ids []int64) (docs []Doc, ok bool, err error) {
	switch kind {
	case registry.KindExpense:
		docs, err = mapDocs(s.Store.Expenses().FindByIDs(ctx, ids))(DocFromExpense)
	case registry.KindAd:
		docs, err = mapDocs(s.Store.Ads().FindByIDs(ctx, ids))(DocFromAd)
	case registry.KindRecruitment:
		docs, err = mapDocs(s.Store.Recruitments().FindByIDs(ctx, ids))(DocFromRecruitment)
	default:
		return nil, false, nil
	}
	return docs, true, err
}

// mapDocs turns a register's entries into documents with fn.
func mapDocs[E any](es []*E, err error) func(fn func(*E) Doc) ([]Doc, error) {
	return func(fn func(*E) Doc) ([]Doc, error) {
		if err != nil {
			return nil, err
		}
		out := make([]Doc, len(es))
		for i, e := range es {
			out[i] = fn(e)
		}
		return out, nil
	}
}

// scanRegisterDocs streams the public entries of the registers other than contracts.
func (s StoreSource) scanRegisterDocs(ctx context.Context, fn func(Doc) error) (int, error) {
	n := 0
	wrap := func(d Doc) error { n++; return fn(d) }
	if err := s.Store.Expenses().Scan(ctx, func(e *registry.Expense) error { return wrap(DocFromExpense(e)) }); err != nil {
		return n, err
	}
	if err := s.Store.Ads().Scan(ctx, func(a *registry.Ad) error { return wrap(DocFromAd(a)) }); err != nil {
		return n, err
	}
	err := s.Store.Recruitments().Scan(ctx, func(r *registry.Recruitment) error { return wrap(DocFromRecruitment(r)) })
	return n, err
}

// countRegisterDocs counts the public entries of the registers other than contracts.
func (s StoreSource) countRegisterDocs(ctx context.Context) (int, error) {
	total := 0
	for _, count := range []func(context.Context) (int, error){
		s.Store.Expenses().CountPublic, s.Store.Ads().CountPublic, s.Store.Recruitments().CountPublic,
	} {
		n, err := count(ctx)
		if err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}
