package registry

import (
	"context"
	"fmt"
)

// Import publishes many entries of one company in one transaction: all or nothing. Every
// item is validated first; on any invalid item nothing is written and the error names each
// bad item's fields as "N.field". A linked contract must belong to the company. Returns
// the number imported. Errors: EUNAUTHORIZED, EFORBIDDEN, EINVALID, ENOTFOUND (company).
func (r *Register[D, P]) Import(ctx context.Context, a Actor, companyID int64, items []D) (int, error) {
	return r.s.importEntries(ctx, a, r.kind, companyID, len(items), func(i int) ([]byte, error) { return r.prepare(&items[i]) }, r.project)
}

// importEntries is the all-or-nothing import of every register: prepare(i) validates and
// encodes item i; when every item is valid they are published in one transaction.
func (s *Store) importEntries(ctx context.Context, a Actor, kind string, companyID int64, n int, prepare func(int) ([]byte, error), project projector) (int, error) {
	if err := a.RequireCompanyWrite(companyID); err != nil {
		return 0, err
	}
	bad := &Error{Code: EINVALID, Fields: map[string]string{}}
	datas := make([][]byte, n)
	for i := range n {
		data, err := prepare(i)
		if err != nil {
			for k, v := range ErrorFields(err) {
				bad.Fields[fmt.Sprintf("%d.%s", i+1, k)] = v
			}
			continue
		}
		datas[i] = data
	}
	if len(bad.Fields) > 0 {
		bad.Message = fmt.Sprintf("Import odrzucony: %d błędów; nic nie zostało zapisane.", len(bad.Fields))
		return 0, bad
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return 0, formatError(err)
	}
	defer tx.Rollback()
	co, err := findCompanyByID(ctx, tx, companyID)
	if err != nil {
		return 0, err
	}
	w, err := newEntryWriter(ctx, tx)
	if err != nil {
		return 0, formatError(err)
	}
	now := s.now()
	for i, data := range datas {
		id, err := w.createEntry(ctx, kind, companyID, co.Slug, data, a.Login, now, &now)
		if err != nil {
			return 0, formatError(err)
		}
		m := &EntryMeta{ID: id, CompanyID: companyID, Status: StatusPublished}
		if err := project(ctx, tx, m, data); err != nil {
			return 0, itemError(i, formatError(err))
		}
		if err := s.audit(ctx, tx, a, AuditEntryImport, kind, id, companyID, ""); err != nil {
			return 0, err
		}
	}
	return n, formatError(tx.Commit())
}

// ImportTable parses a table with a mapping (ParseTable) and imports every row (Import):
// all or nothing. Errors: *ImportError naming line and column; Import's errors.
func (r *Register[D, P]) ImportTable(ctx context.Context, a Actor, companyID int64, t *Table, m Mapping) (int, error) {
	if err := a.RequireCompanyWrite(companyID); err != nil {
		return 0, err
	}
	items, err := r.ParseTable(t, m)
	if err != nil {
		return 0, err
	}
	return r.Import(ctx, a, companyID, items)
}

// TableImporter is what every non-contract register offers for imports (the command line
// and the panel pick one by name).
type TableImporter interface {
	Kind() string
	ColumnNames() []string
	ColumnPlan(header []string, m Mapping) []ColumnUse
	ColumnField(name string) string
	ImportTable(ctx context.Context, a Actor, companyID int64, t *Table, m Mapping) (int, error)
}

// Importer returns the register called name in imports and exports ("expenses", "ads",
// "recruitments"), or nil.
func (s *Store) Importer(name string) TableImporter {
	switch name {
	case "expenses":
		return s.Expenses()
	case "ads":
		return s.Ads()
	case "recruitments":
		return s.Recruitments()
	}
	return nil
}
