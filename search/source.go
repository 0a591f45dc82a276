package search

import (
	"context"

	"jawnosc/appeals"
	"jawnosc/audits"
	"jawnosc/registry"
)

// Source is where the index comes from: the change sequence and the documents. StoreSource
// adapts the registry store; tests may use their own.
type Source interface {
	// LastChangeSeq returns the newest change sequence number.
	LastChangeSeq(ctx context.Context) (int64, error)
	// ChangesAfter returns up to limit changes after seq after, oldest first.
	ChangesAfter(ctx context.Context, after int64, limit int) ([]registry.Change, error)
	// LoadDocs returns the current documents of the changed entries (upserts) and the index
	// ids of those no longer public (deletes).
	LoadDocs(ctx context.Context, changes []registry.Change) (upserts []Doc, deletes []string, err error)
	// ScanDocs calls fn for every public entry of every kind; it returns how many it saw.
	ScanDocs(ctx context.Context, fn func(Doc) error) (count int, err error)
	// CountDocs returns the number of public entries (for progress).
	CountDocs(ctx context.Context) (int, error)
}

// StoreSource is the Source over the registry store and, when given, the audit reports.
type StoreSource struct {
	Store  *registry.Store
	Audits *audits.Store // may be nil: audit reports are then not indexed
	// Appeals may be nil: information requests are then not indexed.
	Appeals *appeals.Service
}

// LastChangeSeq returns the store's newest change sequence number.
func (s StoreSource) LastChangeSeq(ctx context.Context) (int64, error) {
	return s.Store.LastChangeSeq(ctx)
}

// ChangesAfter returns the store's changes after seq after.
func (s StoreSource) ChangesAfter(ctx context.Context, after int64, limit int) ([]registry.Change, error) {
	return s.Store.ChangesAfter(ctx, after, limit)
}

// LoadDocs reads the changed entries, dispatching by kind; an entry that is not public
// (any more) becomes a delete. Unknown kinds are skipped.
func (s StoreSource) LoadDocs(ctx context.Context, changes []registry.Change) ([]Doc, []string, error) {
	byKind := map[string][]int64{}
	seen := map[string]bool{}
	for _, c := range changes {
		id := DocID(c.Kind, c.EntryID)
		if !seen[id] {
			seen[id] = true
			byKind[c.Kind] = append(byKind[c.Kind], c.EntryID)
		}
	}
	var upserts []Doc
	var deletes []string
	for kind, ids := range byKind {
		var docs []Doc
		switch kind {
		case registry.KindContract:
			cs, err := s.Store.FindContractsByIDs(ctx, ids)
			if err != nil {
				return nil, nil, err
			}
			for _, c := range cs {
				docs = append(docs, DocFromContract(c))
			}
		case appeals.KindRequest:
			if s.Appeals == nil {
				continue
			}
			var err error
			if docs, err = s.requestDocs(ctx, ids); err != nil {
				return nil, nil, err
			}
		case audits.KindAudit:
			if s.Audits == nil {
				continue
			}
			var err error
			if docs, err = s.auditDocs(ctx, ids); err != nil {
				return nil, nil, err
			}
		default:
			var ok bool
			var err error
			if docs, ok, err = s.registerDocs(ctx, kind, ids); err != nil {
				return nil, nil, err
			} else if !ok {
				continue
			}
		}
		found := map[int64]bool{}
		for _, d := range docs {
			found[d.EntryID] = true
		}
		upserts = append(upserts, docs...)
		for _, id := range ids {
			if !found[id] {
				deletes = append(deletes, DocID(kind, id))
			}
		}
	}
	return upserts, deletes, nil
}

// ScanDocs streams every public entry: contracts, then the other registers.
func (s StoreSource) ScanDocs(ctx context.Context, fn func(Doc) error) (int, error) {
	n := 0
	err := s.Store.ScanContracts(ctx, func(c *registry.Contract) error {
		n++
		return fn(DocFromContract(c))
	})
	if err != nil {
		return n, err
	}
	m, err := s.scanRegisterDocs(ctx, fn)
	if err != nil {
		return n + m, err
	}
	na, err := s.scanAudits(ctx, fn)
	if err != nil {
		return n + m + na, err
	}
	nr, err := s.scanRequests(ctx, fn)
	return n + m + na + nr, err
}

// CountDocs returns the number of public entries.
func (s StoreSource) CountDocs(ctx context.Context) (int, error) {
	n, err := s.Store.CountPublicContracts(ctx)
	if err != nil {
		return 0, err
	}
	m, err := s.countRegisterDocs(ctx)
	if err != nil {
		return n + m, err
	}
	nr, err := s.countRequests(ctx)
	if err != nil || s.Audits == nil {
		return n + m + nr, err
	}
	_, na, err := s.Audits.FindReports(ctx, audits.ReportFilter{Limit: 1})
	return n + m + nr + na, err
}

// isNotFound reports a registry ENOTFOUND error.
func isNotFound(err error) bool { return registry.ErrorCode(err) == registry.ENOTFOUND }
