package search

import (
	"context"
	"errors"
	"strings"
	"time"

	"jawnosc/registry"
)

// Search runs q against the current snapshot of the index.
//
// Relevance is tiered, not BM25: hits whose title contains more of the query's words come
// first, and within a tier the newest entries first (a register is read by date). This is
// computed from postings and per-document arrays for every hit, so a common word costs
// the same as a rare one. Facet counts are the usual drill-down: each facet counts the
// hits matching every filter except its own.
//
// Errors: EINVALID (with a Polish message) for a query that cannot be searched, EINTERNAL
// otherwise; ctx cancellation is returned as is.
func (ix *Index) Search(ctx context.Context, q Query) (*Result, error) {
	start := time.Now()
	q, err := q.normalize()
	if err != nil {
		return nil, err
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.idx == nil {
		return nil, errClosed
	}
	foldAn := ix.m.AnalyzerNamed(anFold)
	parsed, err := parseQuery(q.Q, foldAn)
	if err != nil {
		return nil, err
	}
	if parsed.empty() && q.Sort == SortRelevance {
		q.Sort = SortDate
	}
	s, err := ix.current(ctx)
	if err != nil {
		return nil, registry.Internal(err)
	}
	defer s.release()

	c, err := newCollector(s, q)
	if err != nil {
		return nil, err
	}
	if parsed.empty() && len(parsed.not) == 0 {
		if !c.collectBrowse() {
			c.collectAll()
		}
	} else {
		e := newBitEngine(ix, s)
		if e == nil {
			return nil, registry.Internal(errors.New("search: index is not a scorch index"))
		}
		if q.Sort == SortRelevance {
			if err := c.titleTierBits(e, parsed); err != nil {
				return nil, wrap(err)
			}
		}
		bits, err := e.queryBits(ctx, parsed)
		if err != nil {
			return nil, wrap(err)
		}
		if err := c.collectBits(ctx, bits); err != nil {
			return nil, wrap(err)
		}
	}
	res := &Result{Query: q, Total: c.total, Facets: c.facets()}
	var docs []Doc
	res.Hits, docs, err = loadHits(s, c.page())
	if err != nil {
		return nil, registry.Internal(err)
	}
	if q.Highlight && len(res.Hits) > 0 {
		h := newHighlighter(parsed, foldAn)
		for i := range res.Hits {
			h.apply(&res.Hits[i], &docs[i])
		}
	}
	res.Took = time.Since(start)
	return res, nil
}

func wrap(err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return registry.Internal(err)
}

// lowerString lowercases s (contract numbers are indexed lowercased).
func lowerString(s string) string { return strings.ToLower(strings.TrimSpace(s)) }
