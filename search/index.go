package search

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"

	"jawnosc/registry"
)

// Internal keys stored in the index beside the documents.
var (
	keySeq    = []byte("jawnosc_seq")    // the last change sequence number applied
	keySchema = []byte("jawnosc_schema") // schemaVersion the index was built with
)

// refreshEvery is how often the background loop looks for a changed index (merges,
// batches) and rebuilds the per-document arrays off the query path.
const refreshEvery = 2 * time.Second

// Index is the full-text index of the public registers. It is safe for concurrent use.
type Index struct {
	dir string
	m   *mapping.IndexMappingImpl

	mu     sync.RWMutex // guards idx against Close and a live Rebuild's swap
	idx    bleve.Index
	closed bool

	refreshMu sync.Mutex // one refresh at a time
	snap      atomic.Pointer[snapshot]
	dirty     atomic.Bool // a batch was applied since the current snapshot

	stop chan struct{}
	done chan struct{}
}

// Open opens the index at dir, creating an empty one when there is none. An index built
// with another schema version is discarded (LastSeq becomes 0, so the indexer or a rebuild
// fills it again). Errors are EINTERNAL.
func Open(dir string) (*Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, registry.Internal(fmt.Errorf("search: mapping: %w", err))
	}
	recoverSwap(dir)
	idx, err := openOrCreate(dir, m)
	if err != nil {
		return nil, registry.Internal(err)
	}
	ix := &Index{dir: dir, m: m, idx: idx, stop: make(chan struct{}), done: make(chan struct{})}
	if err := ix.refresh(context.Background()); err != nil {
		_ = idx.Close()
		return nil, registry.Internal(err)
	}
	go ix.refreshLoop()
	return ix, nil
}

func openOrCreate(dir string, m *mapping.IndexMappingImpl) (bleve.Index, error) {
	idx, err := bleve.Open(dir)
	if err == nil {
		v, gerr := idx.GetInternal(keySchema)
		if gerr == nil && string(v) == schemaVersion {
			return idx, nil
		}
		_ = idx.Close()
		if err := os.RemoveAll(dir); err != nil {
			return nil, fmt.Errorf("search: remove stale index: %w", err)
		}
	} else if !errors.Is(err, bleve.ErrorIndexPathDoesNotExist) && !errors.Is(err, bleve.ErrorIndexMetaMissing) {
		return nil, fmt.Errorf("search: open %s: %w", dir, err)
	} else if _, serr := os.Stat(dir); serr == nil {
		if err := os.RemoveAll(dir); err != nil { // a half-created index without metadata
			return nil, fmt.Errorf("search: remove broken index: %w", err)
		}
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return nil, err
	}
	idx, err = bleve.New(dir, m)
	if err != nil {
		return nil, fmt.Errorf("search: create %s: %w", dir, err)
	}
	if err := idx.SetInternal(keySchema, []byte(schemaVersion)); err != nil {
		_ = idx.Close()
		return nil, err
	}
	return idx, nil
}

// Close stops the background refresh and closes the index.
func (ix *Index) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.closed {
		return nil
	}
	ix.closed = true
	close(ix.stop)
	<-ix.done
	if s := ix.snap.Swap(nil); s != nil {
		s.release()
	}
	var err error
	if ix.idx != nil {
		err = ix.idx.Close()
		ix.idx = nil
	}
	if err != nil {
		return registry.Internal(err)
	}
	return nil
}

// errClosed is returned by every method after Close.
var errClosed = registry.Internal(errors.New("search: index closed"))

// Apply indexes upserts, removes deletes (index ids) and records seq as the last applied
// change, all in one batch. Errors are EINTERNAL.
func (ix *Index) Apply(ctx context.Context, upserts []Doc, deletes []string, seq int64) error {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.idx == nil {
		return errClosed
	}
	b := ix.idx.NewBatch()
	for _, d := range upserts {
		if d.ID == "" {
			return registry.Internal(errors.New("search: document without id"))
		}
		data, err := indexable(d)
		if err != nil {
			return registry.Internal(err)
		}
		if err := b.Index(d.ID, data); err != nil {
			return registry.Internal(err)
		}
	}
	for _, id := range deletes {
		b.Delete(id)
	}
	b.SetInternal(keySeq, []byte(strconv.FormatInt(seq, 10)))
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := ix.idx.Batch(b); err != nil {
		return registry.Internal(err)
	}
	ix.dirty.Store(true)
	return nil
}

// LastSeq returns the last change sequence number applied to the index (0 for a new one).
func (ix *Index) LastSeq() (int64, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.idx == nil {
		return 0, errClosed
	}
	v, err := ix.idx.GetInternal(keySeq)
	if err != nil {
		return 0, registry.Internal(err)
	}
	if len(v) == 0 {
		return 0, nil
	}
	n, err := strconv.ParseInt(string(v), 10, 64)
	if err != nil {
		return 0, registry.Internal(err)
	}
	return n, nil
}

// DocCount returns the number of documents in the index.
func (ix *Index) DocCount() (uint64, error) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.idx == nil {
		return 0, errClosed
	}
	n, err := ix.idx.DocCount()
	if err != nil {
		return 0, registry.Internal(err)
	}
	return n, nil
}

// current returns the snapshot to query (refreshed first when a batch was applied); the
// caller must release it.
func (ix *Index) current(ctx context.Context) (*snapshot, error) {
	if ix.dirty.Load() {
		if err := ix.refresh(ctx); err != nil {
			return nil, err
		}
	}
	for {
		s := ix.snap.Load()
		if s == nil {
			return nil, errClosed
		}
		if s.acquire() {
			return s, nil
		}
	}
}

// refresh makes the index's current state the snapshot queries use, unless it already is.
func (ix *Index) refresh(ctx context.Context) error {
	ix.refreshMu.Lock()
	defer ix.refreshMu.Unlock()
	return ix.refreshLocked(ctx)
}

func (ix *Index) refreshLocked(ctx context.Context) error {
	if ix.idx == nil {
		return errClosed
	}
	adv, err := ix.idx.Advanced()
	if err != nil {
		return err
	}
	ix.dirty.Store(false)
	reader, err := adv.Reader()
	if err != nil {
		return err
	}
	if old := ix.snap.Load(); old != nil && old.reader == reader {
		_ = reader.Close() // same root: nothing changed
		return nil
	}
	s, err := buildSnapshot(ctx, reader)
	if err != nil {
		_ = reader.Close()
		ix.dirty.Store(true)
		return err
	}
	if old := ix.snap.Swap(s); old != nil {
		old.release()
	}
	return nil
}

// refreshLoop picks up merged segments and applied batches in the background.
func (ix *Index) refreshLoop() {
	defer close(ix.done)
	t := time.NewTicker(refreshEvery)
	defer t.Stop()
	for {
		select {
		case <-ix.stop:
			return
		case <-t.C:
			_ = ix.refresh(context.Background())
		}
	}
}
