package search

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"jawnosc/registry"
)

// memSource is an in-memory Source: documents by id and a change log.
type memSource struct {
	mu      sync.Mutex
	docs    map[string]Doc
	changes []registry.Change
	upTo    int64 // when > 0, changes after upTo are not visible yet
}

func newMemSource() *memSource { return &memSource{docs: map[string]Doc{}} }

// put stores d and logs a change for it.
func (m *memSource) put(d Doc) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.docs[d.ID] = d
	m.changes = append(m.changes, registry.Change{Seq: int64(len(m.changes) + 1), EntryID: d.EntryID, Kind: d.Kind})
}

// remove makes d non-public and logs a change.
func (m *memSource) remove(d Doc) {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.docs, d.ID)
	m.changes = append(m.changes, registry.Change{Seq: int64(len(m.changes) + 1), EntryID: d.EntryID, Kind: d.Kind})
}

func (m *memSource) LastChangeSeq(context.Context) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	n := int64(len(m.changes))
	if m.upTo > 0 && m.upTo < n {
		n = m.upTo
	}
	return n, nil
}

func (m *memSource) ChangesAfter(_ context.Context, after int64, limit int) ([]registry.Change, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []registry.Change
	for _, c := range m.changes {
		if c.Seq > after && (m.upTo == 0 || c.Seq <= m.upTo) && len(out) < limit {
			out = append(out, c)
		}
	}
	return out, nil
}

func (m *memSource) LoadDocs(_ context.Context, changes []registry.Change) ([]Doc, []string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var up []Doc
	var del []string
	for _, c := range changes {
		id := DocID(c.Kind, c.EntryID)
		if d, ok := m.docs[id]; ok {
			up = append(up, d)
		} else {
			del = append(del, id)
		}
	}
	return up, del, nil
}

func (m *memSource) ScanDocs(_ context.Context, fn func(Doc) error) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	ids := make([]string, 0, len(m.docs))
	for id := range m.docs {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return m.docs[ids[i]].EntryID < m.docs[ids[j]].EntryID })
	for _, id := range ids {
		if err := fn(m.docs[id]); err != nil {
			return 0, err
		}
	}
	return len(ids), nil
}

func (m *memSource) CountDocs(context.Context) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.docs), nil
}

// mustOpen opens a fresh index in a temporary directory, closed at the end of the test.
func mustOpen(tb testing.TB) (*Index, string) {
	tb.Helper()
	dir := filepath.Join(tb.TempDir(), "index")
	ix, err := Open(dir)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { _ = ix.Close() })
	return ix, dir
}

// mustSearch runs q and fails the test on error.
func mustSearch(tb testing.TB, ix *Index, q Query) *Result {
	tb.Helper()
	res, err := ix.Search(context.Background(), q)
	if err != nil {
		tb.Fatalf("search %+v: %v", q, err)
	}
	return res
}

// hitIDs returns the ids of the hits.
func hitIDs(res *Result) []string {
	out := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		out[i] = h.ID
	}
	return out
}

// contract returns a small contract document.
func contract(id int64, title, body string) Doc {
	return Doc{ID: DocID("contract", id), Kind: "contract", EntryID: id, Company: "mpk", CompanyName: "MPK",
		Title: title, Body: body, Date: "2023-05-17", Mode: registry.ModeOpenTender, ValueNet: 100_000_00,
		Status: registry.StatusPublished, URL: "/umowy/" + strings.TrimPrefix(DocID("", id), ":")}
}

// isInvalid reports whether err is a *registry.Error with code EINVALID and a message.
func isInvalid(err error) bool {
	var e *registry.Error
	return errors.As(err, &e) && e.Code == registry.EINVALID && e.Message != ""
}

func facetCount(res *Result, facet, value string) int {
	i := slices.IndexFunc(res.Facets[facet], func(v FacetValue) bool { return v.Value == value })
	if i < 0 {
		return 0
	}
	return res.Facets[facet][i].Count
}

func sleep() { time.Sleep(10 * time.Millisecond) }
