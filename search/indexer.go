package search

import (
	"context"
	"time"
)

// catchUpBatch is how many changes one Apply takes.
const catchUpBatch = 1000

// Indexer keeps an Index up to date by following the source's change sequence.
type Indexer struct {
	ix   *Index
	src  Source
	logf func(string, ...any)
	wake chan struct{}
}

// NewIndexer returns an indexer of ix from src; logf (may be nil) receives failures.
func NewIndexer(ix *Index, src Source, logf func(string, ...any)) *Indexer {
	if logf == nil {
		logf = func(string, ...any) {}
	}
	return &Indexer{ix: ix, src: src, logf: logf, wake: make(chan struct{}, 1)}
}

// CatchUp applies every change after the index's LastSeq, in batches, each batch with its
// last sequence number, so an interrupted catch-up resumes where it stopped. It returns the
// number of changes applied. Errors are EINTERNAL or ctx's.
func (x *Indexer) CatchUp(ctx context.Context) (int, error) {
	applied := 0
	last, err := x.ix.LastSeq()
	if err != nil {
		return 0, err
	}
	for {
		changes, err := x.src.ChangesAfter(ctx, last, catchUpBatch)
		if err != nil {
			return applied, wrap(err)
		}
		if len(changes) == 0 {
			return applied, nil
		}
		upserts, deletes, err := x.src.LoadDocs(ctx, changes)
		if err != nil {
			return applied, wrap(err)
		}
		seq := changes[len(changes)-1].Seq
		if err := x.ix.Apply(ctx, upserts, deletes, seq); err != nil {
			return applied, err
		}
		applied += len(changes)
		last = seq
		if len(changes) < catchUpBatch {
			return applied, nil
		}
	}
}

// Run calls CatchUp every interval and whenever Notify is called, until ctx ends.
func (x *Indexer) Run(ctx context.Context, every time.Duration) {
	if every <= 0 {
		every = 5 * time.Second
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if _, err := x.CatchUp(ctx); err != nil && ctx.Err() == nil {
			x.logf("search: catch-up: %v", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-x.wake:
		}
	}
}

// Notify wakes Run now (call it after a write); it never blocks.
func (x *Indexer) Notify() {
	select {
	case x.wake <- struct{}{}:
	default:
	}
}
