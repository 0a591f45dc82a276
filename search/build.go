package search

import (
	"context"
	"runtime"
	"sync"

	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
)

// bleve's offline builder analyses documents one at a time under its lock. To use every
// core, workers map and analyse documents in parallel and hand the builder pre-analysed
// fields through buildMapping, in the source's order (so a rebuild is deterministic).

// preAnalyzed carries fields whose Analyze has already run.
type preAnalyzed struct{ fields []document.Field }

// analyzedField is a field whose analysis is done; the builder's Analyze call is a no-op.
type analyzedField struct{ document.Field }

// Analyze does nothing: the worker analysed the field already.
func (analyzedField) Analyze() {}

// buildMapping is the index mapping, except that it passes pre-analysed fields through.
type buildMapping struct{ *mapping.IndexMappingImpl }

// MapDocument adds the fields of a *preAnalyzed, or maps data as usual.
func (m buildMapping) MapDocument(doc *document.Document, data interface{}) error {
	if p, ok := data.(*preAnalyzed); ok {
		for _, f := range p.fields {
			doc.AddField(analyzedField{f})
		}
		return nil
	}
	return m.IndexMappingImpl.MapDocument(doc, data)
}

type analyzedDoc struct {
	id  string
	pre *preAnalyzed
}

type analyzeChunk struct {
	seq  int
	docs []Doc
	out  []analyzedDoc
	err  error
}

// analyzeParallel reads docs from scan, analyses them on every core and calls emit for each,
// in scan order, from the calling goroutine.
func analyzeParallel(ctx context.Context, m *mapping.IndexMappingImpl, scan func(func(Doc) error) error, emit func(analyzedDoc) error) error {
	const chunkSize = 256
	workers := max(1, runtime.GOMAXPROCS(0))
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	in := make(chan *analyzeChunk, workers*2)
	out := make(chan *analyzeChunk, workers*2)
	var scanErr error
	go func() {
		defer close(in)
		seq := 0
		chunk := &analyzeChunk{}
		scanErr = scan(func(d Doc) error {
			chunk.docs = append(chunk.docs, d)
			if len(chunk.docs) == chunkSize {
				select {
				case in <- chunk:
				case <-ctx.Done():
					return ctx.Err()
				}
				seq++
				chunk = &analyzeChunk{seq: seq}
			}
			return nil
		})
		if scanErr == nil && len(chunk.docs) > 0 {
			select {
			case in <- chunk:
			case <-ctx.Done():
			}
		}
	}()
	var wg sync.WaitGroup
	for i := 0; i < workers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range in {
				c.out = make([]analyzedDoc, 0, len(c.docs))
				for _, d := range c.docs {
					data, err := indexable(d)
					if err != nil {
						c.err = err
						break
					}
					doc := document.NewDocument(d.ID)
					if err := m.MapDocument(doc, data); err != nil {
						c.err = err
						break
					}
					for _, f := range doc.Fields {
						f.Analyze()
					}
					c.out = append(c.out, analyzedDoc{id: d.ID, pre: &preAnalyzed{fields: doc.Fields}})
				}
				c.docs = nil
				select {
				case out <- c:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()

	pending := map[int]*analyzeChunk{}
	next := 0
	var err error
	for c := range out {
		if err != nil {
			continue // drain
		}
		pending[c.seq] = c
		for p, ok := pending[next]; ok; p, ok = pending[next] {
			delete(pending, next)
			next++
			if p.err != nil {
				err = p.err
				cancel()
				break
			}
			for _, a := range p.out {
				if err = emit(a); err != nil {
					cancel()
					break
				}
			}
			if err != nil {
				break
			}
		}
	}
	if err != nil {
		return err
	}
	return scanErr
}
