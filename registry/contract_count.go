package registry

import (
	"context"
	"fmt"
	"strings"
	"sync"
)

// maxCachedCounts bounds the number of filters whose totals are remembered.
const maxCachedCounts = 512

// countCache remembers the totals of public contract listings per filter for as long as
// the change sequence stays where it was: every change of what the public sees appends
// to it, so an unchanged sequence means unchanged totals. The zero value is ready to use.
type countCache struct {
	mu    sync.Mutex
	seq   int64
	byKey map[string]int
}

// get returns the remembered total of key at seq.
func (c *countCache) get(seq int64, key string) (int, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.seq != seq {
		return 0, false
	}
	n, ok := c.byKey[key]
	return n, ok
}

// put remembers the total of key at seq, forgetting totals of other sequences.
func (c *countCache) put(seq int64, key string, n int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.seq != seq || c.byKey == nil || len(c.byKey) >= maxCachedCounts {
		c.seq, c.byKey = seq, map[string]int{}
	}
	c.byKey[key] = n
}

// countContracts returns how many contracts match f. The count joins only the tables the
// filter needs (an index-only count of the contracts table at best); totals of public
// listings are remembered until the change sequence moves (countCache), so paging and
// re-sorting a listing count once.
func (s *Store) countContracts(ctx context.Context, f ContractFilter) (int, error) {
	where, args := contractWhere(f)
	from := `SELECT COUNT(*) FROM contracts c` + indexedBy(countIndex(f))
	if len(f.Status) > 0 {
		from += ` JOIN entries e ON e.id = c.entry_id`
	}
	if f.CompanySlug != nil {
		from += ` JOIN companies co ON co.id = c.company_id`
	}
	cacheable := len(f.Status) == 0
	var seq int64
	var key string
	if cacheable {
		if err := s.read.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM changes`).Scan(&seq); err != nil {
			return 0, formatError(err)
		}
		var b strings.Builder
		b.WriteString(where)
		for _, a := range args {
			fmt.Fprintf(&b, "\x00%v", a)
		}
		key = b.String()
		if n, ok := s.counts.get(seq, key); ok {
			return n, nil
		}
	}
	var n int
	if err := s.read.QueryRowContext(ctx, from+where, args...).Scan(&n); err != nil {
		return 0, formatError(err)
	}
	if cacheable {
		s.counts.put(seq, key, n)
	}
	return n, nil
}

// countIndex names the index that counts f's matches with the fewest rows read: the
// NIP's, the company's, the year's range, the value range, the mode's, else any index of
// public contracts (an index-only count). "" leaves the choice to SQLite.
func countIndex(f ContractFilter) string {
	switch {
	case f.ID != nil || len(f.Status) > 0 || f.CompanySlug != nil:
		return ""
	case f.NIP != nil:
		return "contracts_nip"
	case f.CompanyID != nil:
		return "contracts_company_public"
	case f.Year != nil:
		return "contracts_public_signed"
	case f.ValueMin != nil || f.ValueMax != nil:
		return "contracts_public_value"
	case f.Mode != nil:
		return "contracts_public_mode"
	}
	return "contracts_public_value"
}
