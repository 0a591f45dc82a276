package search

import (
	"slices"
	"strconv"

	"jawnosc/registry"
)

// Facet dimensions, in the order the collector tests filters.
const (
	dimKind = iota
	dimCompany
	dimYear
	dimMode
	dimBand
	dims
)

var dimNames = [dims]string{FacetKind, FacetCompany, FacetYear, FacetMode, FacetBand}

// collector sees every hit of a query (by internal document number), applies the filters
// from the snapshot's arrays, counts the drill-down facets and keeps the top page.
type collector struct {
	s     *snapshot
	q     Query
	allow [dims][]bool // per dimension, allowed codes (index = code); nil: no filter
	count [dims][]int  // per dimension, hits by code
	total int
	tiers [][]uint64 // relevance: per positive clause, title-match bits

	vals []int64 // value sorts
	k    int     // top-k size: page * perPage
	heap []ranked
	// ordered: heap already holds the best documents in order (browse fast path).
	ordered bool
}

// ranked is a hit with its sort key; larger (a, b, doc) ranks first.
type ranked struct {
	a, b int64
	doc  uint32
}

func (x ranked) less(y ranked) bool {
	if x.a != y.a {
		return x.a < y.a
	}
	if x.b != y.b {
		return x.b < y.b
	}
	return x.doc < y.doc
}

func newCollector(s *snapshot, q Query) (*collector, error) {
	c := &collector{s: s, q: q, k: q.Page * q.PerPage}
	c.count[dimKind] = make([]int, len(s.kinds)+1)
	c.count[dimCompany] = make([]int, len(s.companies)+1)
	c.count[dimYear] = make([]int, len(s.years)+1)
	c.count[dimMode] = make([]int, len(s.modes)+1)
	c.count[dimBand] = make([]int, len(Bands)+1)
	c.allow[dimKind] = allowStrings(s.kinds, q.Kinds)
	c.allow[dimCompany] = allowStrings(s.companies, q.Companies)
	c.allow[dimMode] = allowStrings(s.modes, q.Modes)
	if len(q.Bands) > 0 {
		c.allow[dimBand] = make([]bool, len(Bands)+1)
		for _, b := range q.Bands {
			c.allow[dimBand][bandIndex(b)+1] = true
		}
	}
	if len(q.Years) > 0 {
		c.allow[dimYear] = make([]bool, len(s.years)+1)
		for i, y := range s.years {
			c.allow[dimYear][i+1] = slices.Contains(q.Years, y)
		}
	}
	if q.Sort == SortValue || q.Sort == SortValueAsc {
		vals, err := s.valueArray()
		if err != nil {
			return nil, registry.Internal(err)
		}
		c.vals = vals
	}
	c.heap = make([]ranked, 0, min(c.k, 1024))
	return c, nil
}

// allowStrings maps wanted values to a code mask over values (nil when wanted is empty).
func allowStrings(values, wanted []string) []bool {
	if len(wanted) == 0 {
		return nil
	}
	m := make([]bool, len(values)+1)
	for i, v := range values {
		m[i+1] = slices.Contains(wanted, v)
	}
	return m
}

// add takes one hit.
func (c *collector) add(d uint32) {
	s := c.s
	kind := s.kind[d]
	if kind == 0 {
		return
	}
	date := s.date[d]
	codes := [dims]int{int(kind), int(s.company[d]), int(s.dateYear[date]), int(s.mode[d]), int(s.band[d])}
	failed, fails := -1, 0
	for i := 0; i < dims; i++ {
		if a := c.allow[i]; a != nil && !a[codes[i]] {
			failed = i
			fails++
			if fails > 1 {
				return
			}
		}
	}
	if fails == 1 {
		c.count[failed][codes[failed]]++
		return
	}
	for i := 0; i < dims; i++ {
		c.count[i][codes[i]]++
	}
	c.total++
	c.offer(d, date)
}

// offer keeps d if it ranks among the top k.
func (c *collector) offer(d uint32, date uint16) {
	r := ranked{doc: d}
	switch c.q.Sort {
	case SortDate:
		r.a = int64(date)
	case SortDateAsc:
		if date != 0 {
			r.a = 1<<16 - int64(date)
		}
		r.doc = ^d
	case SortValue:
		r.a, r.b = c.vals[d], int64(date)
	case SortValueAsc:
		r.a, r.b = -c.vals[d], int64(date)
	case SortRelevance:
		for _, bits := range c.tiers {
			r.a += int64(bits[d>>6] >> (d & 63) & 1)
		}
		r.b = int64(date)
	}
	h := c.heap
	if len(h) < c.k {
		h = append(h, r)
		for i := len(h) - 1; i > 0; { // sift up (min-heap)
			p := (i - 1) / 2
			if !h[i].less(h[p]) {
				break
			}
			h[i], h[p] = h[p], h[i]
			i = p
		}
		c.heap = h
		return
	}
	if !h[0].less(r) {
		return
	}
	h[0] = r
	for i := 0; ; { // sift down
		l, m := 2*i+1, i
		if l < len(h) && h[l].less(h[m]) {
			m = l
		}
		if l+1 < len(h) && h[l+1].less(h[m]) {
			m = l + 1
		}
		if m == i {
			break
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}

// collectAll feeds every live document (the empty query).
func (c *collector) collectAll() {
	for d := 0; d < c.s.n; d++ {
		if c.s.kind[d] != 0 {
			c.add(uint32(d))
		}
	}
}

// page returns the documents of the requested page, best first, with their tier.
func (c *collector) page() []ranked {
	h := slices.Clone(c.heap)
	if c.ordered {
		from := (c.q.Page - 1) * c.q.PerPage
		if from >= len(h) {
			return nil
		}
		return h[from:min(len(h), from+c.q.PerPage)]
	}
	slices.SortFunc(h, func(x, y ranked) int {
		if y.less(x) {
			return -1
		}
		if x.less(y) {
			return 1
		}
		return 0
	})
	from := (c.q.Page - 1) * c.q.PerPage
	if from >= len(h) {
		return nil
	}
	out := h[from:min(len(h), from+c.q.PerPage)]
	if c.q.Sort == SortDateAsc {
		for i := range out {
			out[i].doc = ^out[i].doc
		}
	}
	if c.q.Sort != SortRelevance {
		for i := range out {
			out[i].a = 0
		}
	}
	return out
}

// facets turns the counts into facet values: non-zero counts plus the selected values.
func (c *collector) facets() map[string][]FacetValue {
	s := c.s
	out := make(map[string][]FacetValue, dims)
	name := func(dim, code int) string {
		switch dim {
		case dimKind:
			return s.kinds[code-1]
		case dimCompany:
			return s.companies[code-1]
		case dimYear:
			return strconv.Itoa(s.years[code-1])
		case dimMode:
			return s.modes[code-1]
		default:
			return Bands[code-1].Code
		}
	}
	for dim := 0; dim < dims; dim++ {
		vals := []FacetValue{}
		for code := 1; code < len(c.count[dim]); code++ {
			n := c.count[dim][code]
			if n > 0 || (c.allow[dim] != nil && c.allow[dim][code]) {
				vals = append(vals, FacetValue{Value: name(dim, code), Count: n})
			}
		}
		switch dim {
		case dimYear:
			slices.Reverse(vals) // newest year first
		case dimBand: // band order
		case dimMode:
			slices.SortStableFunc(vals, func(x, y FacetValue) int { return modeOrder(x.Value) - modeOrder(y.Value) })
		default:
			slices.SortStableFunc(vals, func(x, y FacetValue) int { return y.Count - x.Count })
		}
		out[dimNames[dim]] = vals
	}
	return out
}

func modeOrder(code string) int {
	for i, m := range registry.ProcurementModes {
		if m.Code == code {
			return i
		}
	}
	return len(registry.ProcurementModes)
}
