package search

import (
	"bytes"
	"context"
	"unicode/utf8"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// bitEngine evaluates the query's words on the postings bitmaps of the snapshot's
// segments (roaring AND / OR / AND NOT), so a common word costs bitmap operations instead
// of one bleve searcher step per hit. Bitmaps are global: segment offset + local number.
type bitEngine struct {
	ix   *Index
	s    *snapshot
	segs []segInfo
}

type segInfo struct {
	seg     segment.Segment
	deleted *roaring.Bitmap
	off     uint64
	dicts   map[string]segment.TermDictionary
}

// newBitEngine returns the engine, or nil when the reader is not a scorch snapshot.
func newBitEngine(ix *Index, s *snapshot) *bitEngine {
	is, ok := s.reader.(*scorch.IndexSnapshot)
	if !ok {
		return nil
	}
	e := &bitEngine{ix: ix, s: s}
	var off uint64
	for _, ss := range is.Segments() {
		seg := ss.Segment()
		e.segs = append(e.segs, segInfo{seg: seg, deleted: ss.Deleted(), off: off, dicts: map[string]segment.TermDictionary{}})
		off += seg.Count()
	}
	return e
}

func (si *segInfo) dict(field string) (segment.TermDictionary, error) {
	if d, ok := si.dicts[field]; ok {
		return d, nil
	}
	d, err := si.seg.Dictionary(field)
	if err != nil {
		return nil, err
	}
	si.dicts[field] = d
	return d, nil
}

// postings adds to out the live documents of the segment holding term.
func (si *segInfo) postings(d segment.TermDictionary, term []byte, out *roaring.Bitmap) error {
	pl, err := d.PostingsList(term, si.deleted, nil)
	if err != nil || pl == nil {
		return err
	}
	it := pl.Iterator(false, false, false, nil)
	local := roaring.New()
	if o, ok := it.(segment.OptimizablePostingsIterator); ok {
		if bm := o.ActualBitmap(); bm != nil {
			local = bm
		} else if n, ok := o.DocNum1Hit(); ok {
			local.Add(uint32(n))
		}
	} else {
		for {
			p, err := it.Next()
			if err != nil {
				return err
			}
			if p == nil {
				break
			}
			local.Add(uint32(p.Number()))
		}
	}
	if si.deleted != nil && !si.deleted.IsEmpty() {
		local = roaring.AndNot(local, si.deleted)
	}
	if si.off == 0 {
		out.Or(local)
	} else {
		out.Or(roaring.AddOffset64(local, int64(si.off)))
	}
	return nil
}

// terms returns the documents holding any of the terms of field.
func (e *bitEngine) terms(field string, terms ...string) (*roaring.Bitmap, error) {
	out := roaring.New()
	for i := range e.segs {
		d, err := e.segs[i].dict(field)
		if err != nil {
			return nil, err
		}
		for _, t := range terms {
			if err := e.segs[i].postings(d, []byte(t), out); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// prefix returns the documents holding a term of field that starts with p.
func (e *bitEngine) prefix(field, p string) (*roaring.Bitmap, error) {
	out := roaring.New()
	start := []byte(p)
	end := prefixEnd(start)
	for i := range e.segs {
		d, err := e.segs[i].dict(field)
		if err != nil {
			return nil, err
		}
		it := d.AutomatonIterator(nil, start, end)
		for {
			de, err := it.Next()
			if err != nil {
				return nil, err
			}
			if de == nil {
				break
			}
			if err := e.segs[i].postings(d, []byte(de.Term), out); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// prefixEnd is the smallest key greater than every key starting with p (nil: no bound).
func prefixEnd(p []byte) []byte {
	end := bytes.Clone(p)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] < 0xff {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}

// searcherBits runs a bleve query without scoring and returns its hits as a bitmap
// (phrases).
func (e *bitEngine) searcherBits(ctx context.Context, q query.Query) (*roaring.Bitmap, error) {
	out := roaring.New()
	searcher, err := q.Searcher(ctx, e.s.reader, e.ix.m, search.SearcherOptions{Score: "none"})
	if err != nil {
		return nil, err
	}
	defer searcher.Close()
	sctx := &search.SearchContext{
		DocumentMatchPool: search.NewDocumentMatchPool(searcher.DocumentMatchPoolSize()+1, 0),
		IndexReader:       e.s.reader,
	}
	for {
		dm, err := searcher.Next(sctx)
		if err != nil {
			return nil, err
		}
		if dm == nil {
			return out, nil
		}
		out.Add(uint32(dm.IndexInternalID.Value()))
		sctx.DocumentMatchPool.Put(dm)
	}
}

// clauseBits is what matchQuery matches, as a bitmap.
func (e *bitEngine) clauseBits(ctx context.Context, c clause, negated bool) (*roaring.Bitmap, error) {
	var parts []*roaring.Bitmap
	add := func(bm *roaring.Bitmap, err error) error {
		if err == nil {
			parts = append(parts, bm)
		}
		return err
	}
	var err error
	switch {
	case c.phrase:
		err = add(e.searcherBits(ctx, query.NewPhraseQuery(c.tokens, fTextFold)))
	case c.prefix:
		err = add(e.prefix(fTextFold, c.tokens[0]))
	default:
		t := c.tokens[0]
		if err = add(e.terms(fTextFold, t)); err == nil && !c.exact {
			if _, stop := stopWords[t]; !stop {
				err = add(e.terms(fTextStem, stem(t)))
			}
			if err == nil && !negated && utf8.RuneCountInString(t) >= autoPrefixMin {
				err = add(e.prefix(fTextFold, t))
			}
		}
	}
	if err != nil {
		return nil, err
	}
	if nip := normalizeNIP(c.raw); len(nip) == 10 && len(nip)*10 >= len(c.raw)*7 {
		if err := add(e.terms(fNIP, nip)); err != nil {
			return nil, err
		}
	}
	if hasDigit(c.raw) {
		if err := add(e.terms(fNumber, lowerString(c.raw))); err != nil {
			return nil, err
		}
	}
	return roaring.FastOr(parts...), nil
}

// titleBits is what titleQuery matches, as a bitmap (nil: no title form).
func (e *bitEngine) titleBits(c clause) (*roaring.Bitmap, error) {
	var out *roaring.Bitmap
	for _, t := range c.tokens {
		if _, stop := stopWords[t]; stop {
			continue
		}
		if c.prefix {
			return e.prefix(fTitleStem, titleMark+t)
		}
		bm, err := e.terms(fTitleStem, titleMark+stem(t))
		if err != nil {
			return nil, err
		}
		if out == nil {
			out = bm
		} else {
			out.And(bm)
		}
	}
	return out, nil
}

// queryBits evaluates the parsed query: every positive clause AND NOT any excluded one.
func (e *bitEngine) queryBits(ctx context.Context, p *parsedQuery) (*roaring.Bitmap, error) {
	var q *roaring.Bitmap
	for _, c := range p.must {
		bm, err := e.clauseBits(ctx, c, false)
		if err != nil {
			return nil, err
		}
		if q == nil {
			q = bm
		} else {
			q.And(bm)
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	if q == nil {
		q = e.s.liveBits()
	}
	for _, c := range p.not {
		bm, err := e.clauseBits(ctx, c, true)
		if err != nil {
			return nil, err
		}
		q.AndNot(bm)
	}
	return q, nil
}

// collectBits feeds every document of q to the collector.
func (c *collector) collectBits(ctx context.Context, q *roaring.Bitmap) error {
	it := q.ManyIterator()
	buf := make([]uint32, 4096)
	n := uint32(c.s.n)
	for {
		k := it.NextMany(buf)
		if k == 0 {
			return nil
		}
		for _, d := range buf[:k] {
			if d < n {
				c.add(d)
			}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
}

// titleTierBits marks, per positive clause, the documents whose title matches it.
func (c *collector) titleTierBits(e *bitEngine, p *parsedQuery) error {
	words := (c.s.n + 63) / 64
	buf := make([]uint32, 4096)
	for _, cl := range p.must {
		bm, err := e.titleBits(cl)
		if err != nil {
			return err
		}
		if bm == nil {
			continue
		}
		bits := make([]uint64, words)
		it := bm.ManyIterator()
		for k := it.NextMany(buf); k > 0; k = it.NextMany(buf) {
			for _, d := range buf[:k] {
				if int(d) < c.s.n {
					bits[d>>6] |= 1 << (d & 63)
				}
			}
		}
		c.tiers = append(c.tiers, bits)
	}
	return nil
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}
