package search

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"

	"github.com/blevesearch/bleve/v2"

	"jawnosc/registry"
)

// Suffixes of the directories a rebuild uses beside the index directory.
const (
	buildSuffix = ".building"
	oldSuffix   = ".old"
)

// buildMemoryLimit is the soft Go memory limit during a rebuild.
const buildMemoryLimit = 300 << 20

// Rebuild builds a fresh index of every document of src into a temporary directory with
// bleve's offline builder (one segment), records the source's last change sequence taken
// before the scan (later changes are re-applied by the indexer; upserts are idempotent) and
// swaps it into dir atomically (rename). No Index may be open on dir meanwhile — use
// (*Index).Rebuild for a live index. progress, if not nil, gets (done, total) now and then:
// (n, n) once every document is analysed (the merge into one segment follows) and again
// when the index is complete.
// Errors are EINTERNAL or ctx's.
func Rebuild(ctx context.Context, dir string, src Source, progress func(done, total int)) error {
	recoverSwap(dir)
	tmp := dir + buildSuffix
	if err := buildInto(ctx, tmp, src, progress); err != nil {
		_ = os.RemoveAll(tmp)
		return err
	}
	if err := swapIn(dir, tmp); err != nil {
		return registry.Internal(err)
	}
	return nil
}

// Rebuild rebuilds the open index from src like the Rebuild function and swaps the new one
// in; queries are answered from the old index until the swap (which blocks them for a
// moment). Changes applied meanwhile are applied again by the indexer's next CatchUp.
// Errors are EINTERNAL or ctx's; after a failed swap the index is closed.
func (ix *Index) Rebuild(ctx context.Context, src Source, progress func(done, total int)) error {
	tmp := ix.dir + buildSuffix
	if err := buildInto(ctx, tmp, src, progress); err != nil {
		_ = os.RemoveAll(tmp)
		return err
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.idx == nil {
		_ = os.RemoveAll(tmp)
		return errClosed
	}
	ix.refreshMu.Lock()
	defer ix.refreshMu.Unlock()
	if s := ix.snap.Swap(nil); s != nil {
		s.release()
	}
	err := ix.idx.Close()
	ix.idx = nil
	if err == nil {
		err = swapIn(ix.dir, tmp)
	}
	if err == nil {
		ix.idx, err = bleve.Open(ix.dir)
	}
	if err == nil {
		err = ix.refreshLocked(ctx)
	}
	if err != nil {
		return registry.Internal(fmt.Errorf("search: swap rebuilt index: %w", err))
	}
	return nil
}

func buildInto(ctx context.Context, tmp string, src Source, progress func(done, total int)) error {
	if err := os.RemoveAll(tmp); err != nil {
		return registry.Internal(err)
	}
	total, err := src.CountDocs(ctx)
	if err != nil {
		return wrap(err)
	}
	seq, err := src.LastChangeSeq(ctx)
	if err != nil {
		return wrap(err)
	}
	m, err := newMapping()
	if err != nil {
		return registry.Internal(err)
	}
	// Keep the heap of a build small (it may run inside the server): a soft limit makes the
	// collector work harder instead of letting the heap double; restored afterwards.
	if old := debug.SetMemoryLimit(-1); old > buildMemoryLimit {
		debug.SetMemoryLimit(buildMemoryLimit)
		defer debug.SetMemoryLimit(old)
	}
	b, err := bleve.NewBuilder(tmp, buildMapping{m}, map[string]interface{}{
		"batchSize": 2000, "mergeMax": 1000, // one merge pass at the end
		"buildPathPrefix": filepath.Dir(tmp), // temporary segments beside the index, not in /tmp
	})
	if err != nil {
		return registry.Internal(fmt.Errorf("search: builder: %w", err))
	}
	done := 0
	if progress != nil {
		progress(0, total)
	}
	scan := func(fn func(Doc) error) error {
		_, err := src.ScanDocs(ctx, fn)
		return err
	}
	err = analyzeParallel(ctx, m, scan, func(a analyzedDoc) error {
		if err := b.Index(a.id, a.pre); err != nil {
			return err
		}
		done++
		if progress != nil && done%5000 == 0 {
			progress(done, max(total, done))
		}
		return nil
	})
	if err != nil {
		_ = b.Close()
		return wrap(err)
	}
	if progress != nil { // every document analysed; the merge into one segment follows
		progress(done, max(total, done))
	}
	if err := b.Close(); err != nil { // merges everything into one segment
		return registry.Internal(fmt.Errorf("search: builder close: %w", err))
	}
	idx, err := bleve.Open(tmp)
	if err != nil {
		return registry.Internal(err)
	}
	err = errors.Join(idx.SetInternal(keySchema, []byte(schemaVersion)),
		idx.SetInternal(keySeq, []byte(strconv.FormatInt(seq, 10))), idx.Close())
	if err != nil {
		return registry.Internal(err)
	}
	if progress != nil {
		progress(done, max(total, done))
	}
	return nil
}

// swapIn replaces dir by tmp: dir → dir.old, tmp → dir, remove dir.old. A crash between
// the renames is repaired by recoverSwap on the next Open or Rebuild.
func swapIn(dir, tmp string) error {
	old := dir + oldSuffix
	if err := os.RemoveAll(old); err != nil {
		return err
	}
	if _, err := os.Stat(dir); err == nil {
		if err := os.Rename(dir, old); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		return err
	}
	return os.RemoveAll(old)
}

// recoverSwap finishes or undoes an interrupted swap and removes a half-built index.
func recoverSwap(dir string) {
	old := dir + oldSuffix
	if _, err := os.Stat(dir); os.IsNotExist(err) {
		if _, err := os.Stat(old); err == nil {
			_ = os.Rename(old, dir)
		}
	} else {
		_ = os.RemoveAll(old)
	}
	_ = os.RemoveAll(dir + buildSuffix)
}
