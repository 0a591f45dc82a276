package web

import (
	"context"
	"fmt"
	"sync"

	"jawnosc/registry"
)

// maxCached bounds the number of cached aggregates; the cache empties when it is full.
const maxCached = 1024

// aggCache keeps the register's aggregates (totals, per-year sums, the latest contracts)
// until the next write. Every write to the register bumps the store's change sequence,
// which is one cheap query, so a cached value is never served after a change.
type aggCache struct {
	mu     sync.Mutex
	seq    int64
	values map[string]any
}

// cached returns the value stored under key for the current change sequence, computing it
// with fn when absent. Errors of fn are returned and not cached.
func cached[T any](ctx context.Context, s *server, key string, fn func() (T, error)) (T, error) {
	var zero T
	seq, err := s.cfg.Store.LastChangeSeq(ctx)
	if err != nil {
		return zero, err
	}
	c := &s.cache
	c.mu.Lock()
	if c.seq != seq || c.values == nil || len(c.values) >= maxCached {
		c.seq, c.values = seq, map[string]any{}
	}
	if v, ok := c.values[key]; ok {
		c.mu.Unlock()
		return v.(T), nil
	}
	c.mu.Unlock()
	v, err := fn()
	if err != nil {
		return zero, err
	}
	c.mu.Lock()
	if c.seq == seq {
		c.values[key] = v
	}
	c.mu.Unlock()
	return v, nil
}

// filterKey identifies a ContractFilter's selection (not its page or order).
func filterKey(f registry.ContractFilter) string {
	str := func(p *string) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprintf("%q", *p)
	}
	num := func(p *int64) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprint(*p)
	}
	var year, lo, hi string = "-", "-", "-"
	if f.Year != nil {
		year = fmt.Sprint(*f.Year)
	}
	if f.ValueMin != nil {
		lo = fmt.Sprint(int64(*f.ValueMin))
	}
	if f.ValueMax != nil {
		hi = fmt.Sprint(int64(*f.ValueMax))
	}
	return fmt.Sprintf("id=%s co=%s slug=%s y=%s mode=%s nip=%s min=%s max=%s cp=%s st=%q",
		num(f.ID), num(f.CompanyID), str(f.CompanySlug), year, str(f.Mode), str(f.NIP), lo, hi, str(f.Counterparty), f.Status)
}

// contractTotals is Store.ContractTotals, cached until the next write.
func (s *server) contractTotals(ctx context.Context, f registry.ContractFilter) (registry.Totals, error) {
	return cached(ctx, s, "totals "+filterKey(f), func() (registry.Totals, error) {
		return s.cfg.Store.ContractTotals(ctx, f)
	})
}

// yearTotals is Store.ContractTotalsByYear, cached until the next write.
func (s *server) yearTotals(ctx context.Context, companyID *int64) ([]registry.YearTotal, error) {
	key := "years"
	if companyID != nil {
		key += fmt.Sprint(" ", *companyID)
	}
	return cached(ctx, s, key, func() ([]registry.YearTotal, error) {
		return s.cfg.Store.ContractTotalsByYear(ctx, companyID)
	})
}

// companyTotals is Store.CompanyTotals, cached until the next write.
func (s *server) companyTotals(ctx context.Context) (map[int64]registry.Totals, error) {
	return cached(ctx, s, "company totals", func() (map[int64]registry.Totals, error) {
		return s.cfg.Store.CompanyTotals(ctx)
	})
}

// latestContracts returns the n most recently published contracts, cached until the next write.
func (s *server) latestContracts(ctx context.Context, n int) ([]*registry.Contract, error) {
	return cached(ctx, s, fmt.Sprint("latest ", n), func() ([]*registry.Contract, error) {
		cs, _, err := s.cfg.Store.FindContracts(ctx, registry.ContractFilter{Sort: "published", Limit: n})
		return cs, err
	})
}
