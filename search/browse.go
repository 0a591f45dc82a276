package search

import "sync"

// browseData serves the empty query without a pass over every document: a count "cube"
// over (kind, company, year, mode, band) gives the total and drill-down facets for any
// filters, and the documents sorted by date give the page by walking from the top.
type browseData struct {
	dimSize [dims]int
	cells   []int32  // counts; index = ((((kind*C+company)*Y+year)*M+mode)*B+band)
	byDate  []uint32 // dated documents, newest first (ties: higher internal number first)
	noDate  []uint32 // documents without a date
}

const maxCubeCells = 4 << 20

type browseOnce struct {
	once sync.Once
	data *browseData // nil when the cube would be too large
}

// browse returns the snapshot's browse data, built on first use.
func (s *snapshot) browse() *browseData {
	s.browseOnce.once.Do(func() {
		b := &browseData{dimSize: [dims]int{len(s.kinds) + 1, len(s.companies) + 1, len(s.years) + 1, len(s.modes) + 1, len(Bands) + 1}}
		cells := 1
		for _, n := range b.dimSize {
			cells *= n
		}
		if cells > maxCubeCells {
			return
		}
		b.cells = make([]int32, cells)
		perDate := make([]int, len(s.dates)+2)
		for d := 0; d < s.n; d++ {
			if s.kind[d] == 0 {
				continue
			}
			b.cells[b.cell(s.codes(uint32(d)))]++
			perDate[s.date[d]]++
		}
		// Counting sort by date ordinal, newest first.
		start := make([]int, len(perDate))
		pos := 0
		for o := len(s.dates); o >= 1; o-- {
			start[o] = pos
			pos += perDate[o]
		}
		b.byDate = make([]uint32, pos)
		for d := s.n - 1; d >= 0; d-- {
			if s.kind[d] == 0 {
				continue
			}
			if o := s.date[d]; o == 0 {
				b.noDate = append(b.noDate, uint32(d))
			} else {
				b.byDate[start[o]] = uint32(d)
				start[o]++
			}
		}
		s.browseOnce.data = b
	})
	return s.browseOnce.data
}

// codes returns the facet codes of document d.
func (s *snapshot) codes(d uint32) [dims]int {
	return [dims]int{int(s.kind[d]), int(s.company[d]), int(s.dateYear[s.date[d]]), int(s.mode[d]), int(s.band[d])}
}

func (b *browseData) cell(c [dims]int) int {
	i := 0
	for k := 0; k < dims; k++ {
		i = i*b.dimSize[k] + c[k]
	}
	return i
}

// collectBrowse fills the collector for the empty query sorted by date; false when the
// fast path does not apply.
func (c *collector) collectBrowse() bool {
	if c.q.Sort != SortDate && c.q.Sort != SortDateAsc {
		return false
	}
	b := c.s.browse()
	if b == nil {
		return false
	}
	// Totals and facets from the cube.
	var codes [dims]int
	for i, n := range b.cells {
		if n == 0 {
			continue
		}
		rest := i
		for k := dims - 1; k >= 0; k-- {
			codes[k] = rest % b.dimSize[k]
			rest /= b.dimSize[k]
		}
		failed, fails := -1, 0
		for k := 0; k < dims; k++ {
			if a := c.allow[k]; a != nil && !a[codes[k]] {
				failed = k
				fails++
			}
		}
		switch fails {
		case 0:
			for k := 0; k < dims; k++ {
				c.count[k][codes[k]] += int(n)
			}
			c.total += int(n)
		case 1:
			c.count[failed][codes[failed]] += int(n)
		}
	}
	// The page: walk the date order until enough documents pass the filters.
	want := c.k
	take := func(d uint32) bool {
		if c.passes(d) {
			c.heap = append(c.heap, ranked{doc: d})
		}
		return len(c.heap) < want
	}
	if c.q.Sort == SortDate {
		walk(b.byDate, false, take)
		walk(b.noDate, false, take)
	} else {
		walk(b.byDate, true, take)
		walk(b.noDate, true, take)
	}
	c.ordered = true
	return true
}

func walk(l []uint32, reverse bool, fn func(uint32) bool) {
	if reverse {
		for i := len(l) - 1; i >= 0; i-- {
			if !fn(l[i]) {
				return
			}
		}
		return
	}
	for _, d := range l {
		if !fn(d) {
			return
		}
	}
}

// passes reports whether d matches every filter.
func (c *collector) passes(d uint32) bool {
	codes := c.s.codes(d)
	for k := 0; k < dims; k++ {
		if a := c.allow[k]; a != nil && !a[codes[k]] {
			return false
		}
	}
	return true
}
