package search

import (
	"context"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/RoaringBitmap/roaring/v2"
	index "github.com/blevesearch/bleve_index_api"
)

// snapshot is one immutable view of the index plus per-document arrays indexed by the
// view's internal document number: what a query needs to filter, count facets and sort
// without asking bleve for field values hit by hit. Internal numbers change when segments
// merge, so a snapshot is rebuilt whenever the index changes (cheap: one pass over the
// postings of a few keyword fields).
type snapshot struct {
	reader index.IndexReader
	refs   atomic.Int64 // 1 while current + one per running query; closes the reader at 0

	n       int      // internal document numbers are < n
	live    int      // documents in the snapshot
	kind    []uint8  // 1-based code into kinds; 0: no document (deleted or absent)
	company []uint16 // 1-based code into companies
	mode    []uint8  // 1-based code into modes
	band    []uint8  // 1-based position in Bands
	date    []uint16 // 1-based ordinal into dates (ascending); 0: no date

	kinds, companies, modes, dates []string
	dateYear                       []uint8 // date ordinal → 1-based code into years
	years                          []int   // ascending

	valuesOnce sync.Once
	values     []int64 // net values, loaded on the first value sort
	valuesErr  error

	browseOnce browseOnce // the empty query's cube and date order
}

// acquire takes a reference; false when the snapshot is already closed.
func (s *snapshot) acquire() bool {
	for {
		r := s.refs.Load()
		if r <= 0 {
			return false
		}
		if s.refs.CompareAndSwap(r, r+1) {
			return true
		}
	}
}

// release drops a reference and closes the reader with the last one.
func (s *snapshot) release() {
	if s.refs.Add(-1) == 0 {
		_ = s.reader.Close()
	}
}

// buildSnapshot reads the keyword postings of reader into per-document arrays.
func buildSnapshot(ctx context.Context, reader index.IndexReader) (*snapshot, error) {
	s := &snapshot{reader: reader}
	s.refs.Store(1)
	count, err := reader.DocCount()
	if err != nil {
		return nil, err
	}
	capHint := int(count) + int(count)/8 + 16
	grow := func(a []uint8, d uint64) []uint8 {
		for int(d) >= len(a) {
			a = append(a[:cap(a)], 0)
			a = a[:cap(a)]
		}
		return a
	}
	s.kind = make([]uint8, 0, capHint)
	s.kinds, err = termValues(reader, fKind)
	if err != nil {
		return nil, err
	}
	for i, term := range s.kinds {
		err := visitPostings(ctx, reader, fKind, term, func(d uint64) {
			s.kind = grow(s.kind, d)
			s.kind[d] = uint8(i + 1)
			s.live++
		})
		if err != nil {
			return nil, err
		}
	}
	s.n = len(s.kind)
	s.company = make([]uint16, s.n)
	s.mode = make([]uint8, s.n)
	s.band = make([]uint8, s.n)
	s.date = make([]uint16, s.n)

	if s.companies, err = termValues(reader, fCompany); err != nil {
		return nil, err
	}
	for i, term := range s.companies {
		if err := s.fill16(ctx, fCompany, term, s.company, uint16(i+1)); err != nil {
			return nil, err
		}
	}
	if s.modes, err = termValues(reader, fMode); err != nil {
		return nil, err
	}
	for i, term := range s.modes {
		if err := s.fill8(ctx, fMode, term, s.mode, uint8(i+1)); err != nil {
			return nil, err
		}
	}
	for i, b := range Bands {
		if err := s.fill8(ctx, fBand, b.Code, s.band, uint8(i+1)); err != nil {
			return nil, err
		}
	}
	if s.dates, err = termValues(reader, fDate); err != nil {
		return nil, err
	}
	if len(s.dates) > 65534 {
		s.dates = s.dates[:65534] // ~180 years of distinct days; later ones sort as "no date"
	}
	yearCode := map[int]uint8{}
	s.dateYear = make([]uint8, len(s.dates)+1)
	for i, term := range s.dates { // ascending, so years come in ascending order
		y, _ := strconv.Atoi(term[:min(4, len(term))])
		c, ok := yearCode[y]
		if !ok && len(s.years) < 255 {
			s.years = append(s.years, y)
			c = uint8(len(s.years))
			yearCode[y] = c
		}
		s.dateYear[i+1] = c
		if err := s.fill16(ctx, fDate, term, s.date, uint16(i+1)); err != nil {
			return nil, err
		}
	}
	return s, nil
}

func (s *snapshot) fill8(ctx context.Context, field, term string, a []uint8, v uint8) error {
	return visitPostings(ctx, s.reader, field, term, func(d uint64) {
		if int(d) < len(a) {
			a[d] = v
		}
	})
}

func (s *snapshot) fill16(ctx context.Context, field, term string, a []uint16, v uint16) error {
	return visitPostings(ctx, s.reader, field, term, func(d uint64) {
		if int(d) < len(a) {
			a[d] = v
		}
	})
}

// termValues lists the terms of a keyword field in ascending order.
func termValues(reader index.IndexReader, field string) ([]string, error) {
	dict, err := reader.FieldDict(field)
	if err != nil {
		return nil, err
	}
	defer dict.Close()
	var out []string
	for {
		e, err := dict.Next()
		if err != nil {
			return nil, err
		}
		if e == nil {
			break
		}
		out = append(out, e.Term)
	}
	sort.Strings(out)
	return out, nil
}

// visitPostings calls fn with the internal number of every live document holding term.
func visitPostings(ctx context.Context, reader index.IndexReader, field, term string, fn func(uint64)) error {
	tfr, err := reader.TermFieldReader(ctx, []byte(term), field, false, false, false)
	if err != nil {
		return err
	}
	defer tfr.Close()
	tfd := &index.TermFieldDoc{}
	for {
		next, err := tfr.Next(tfd)
		if err != nil {
			return err
		}
		if next == nil {
			return nil
		}
		fn(next.ID.Value())
		tfd = next
	}
}

// liveBits returns a new bitmap of every document of the snapshot.
func (s *snapshot) liveBits() *roaring.Bitmap {
	bm := roaring.New()
	for d, k := range s.kind {
		if k != 0 {
			bm.Add(uint32(d))
		}
	}
	return bm
}

// valueArray returns the net values by internal number, loading them once per snapshot.
func (s *snapshot) valueArray() ([]int64, error) {
	s.valuesOnce.Do(func() {
		dvr, err := s.reader.DocValueReader([]string{fValue})
		if err != nil {
			s.valuesErr = err
			return
		}
		vals := make([]int64, s.n)
		var buf []byte
		for d := 0; d < s.n; d++ {
			if s.kind[d] == 0 {
				continue
			}
			buf = index.NewIndexInternalID(buf, uint64(d))
			err := dvr.VisitDocValues(buf, func(field string, term []byte) {
				if v, err := strconv.ParseInt(string(term), 10, 64); err == nil {
					vals[d] = v
				}
			})
			if err != nil {
				s.valuesErr = err
				return
			}
		}
		s.values = vals
	})
	return s.values, s.valuesErr
}
