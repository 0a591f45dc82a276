package registry

import (
	"context"
	"database/sql"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// TestLedgerBeforeFileLinks builds a database as it was before attachments entered the
// ledger (migrations up to 006, links without a kind, a published entry with a redacted
// attachment and a draft with one), then opens it: the old links keep their hashes and still
// verify, and the public attachment gets its link, once.
func TestLedgerBeforeFileLinks(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "jawnosc.db")
	old := fstest.MapFS{}
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if base := n[strings.LastIndex(n, "/")+1:]; base < "007" {
			b, _ := fs.ReadFile(migrationFS, n)
			old[n] = &fstest.MapFile{Data: b}
		}
	}
	db, err := sql.Open("sqlite3", dsn(path, false))
	if err != nil {
		t.Fatal(err)
	}
	if err := Migrate(ctx, db, old, "migrations", "registry"); err != nil {
		t.Fatal(err)
	}
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	at := "2025-06-01T10:00:00.000Z"
	exec(`INSERT INTO companies (id, slug, name, short_name, created_at) VALUES (1, 'mpk', 'MPK', 'MPK', ?)`, at)
	prev := GenesisHash
	var oldHashes []string
	for id := int64(1); id <= 2; id++ {
		data := `{"subject":"Umowa ` + string(rune('0'+id)) + `"}`
		exec(`INSERT INTO entries (id, kind, company_id, status, version, created_at, published_at, updated_at) VALUES (?, 'contract', 1, 'published', 1, ?, ?, ?)`, id, at, at, at)
		exec(`INSERT INTO entry_versions (entry_id, version, change_kind, created_by, created_at, published, data) VALUES (?, 1, 'initial', 'jan', ?, 1, ?)`, id, at, data)
		h, err := RecordHash(&VersionRecord{EntryID: id, Kind: KindContract, Company: "mpk", Version: 1, ChangeKind: ChangeInitial, CreatedBy: "jan", CreatedAt: at, Data: []byte(data)})
		if err != nil {
			t.Fatal(err)
		}
		link := LinkHash(id, id, 1, h, prev)
		exec(`INSERT INTO ledger (seq, entry_id, version, data_hash, prev_hash, hash, created_at) VALUES (?, ?, 1, ?, ?, ?, ?)`, id, id, h, prev, link, at)
		prev = link
		oldHashes = append(oldHashes, link)
	}
	exec(`INSERT INTO entries (id, kind, company_id, status, version, created_at, updated_at) VALUES (3, 'contract', 1, 'draft', 1, ?, ?)`, at, at)
	exec(`INSERT INTO entry_versions (entry_id, version, change_kind, created_by, created_at, data) VALUES (3, 1, 'initial', 'jan', ?, '{}')`, at)
	orig, red := strings.Repeat("a1", 32), strings.Repeat("b2", 32)
	exec(`INSERT INTO attachments (entry_id, version, title, file_name, sha256, size, redacted_file_name, redacted_sha256, redacted_size, created_by, created_at)
		VALUES (2, 1, 'Umowa', 'umowa.pdf', ?, 100, 'jawna.pdf', ?, 90, 'jan', ?)`, orig, red, at)
	exec(`INSERT INTO attachments (entry_id, version, title, file_name, sha256, size, created_by, created_at) VALUES (3, 1, 'Szkic', 's.pdf', ?, 10, 'jan', ?)`, orig, at)
	db.Close()

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	links, err := s.FindLedger(ctx, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(links) != 3 || links[0].Hash != oldHashes[0] || links[1].Hash != oldHashes[1] || links[0].LinkKind != LinkVersion || links[1].RefID != 0 {
		t.Fatalf("links after the migration: %+v", links)
	}
	if l := links[2]; l.LinkKind != LinkAttachment || l.RefID != 1 || l.EntryID != 2 || l.PrevHash != oldHashes[1] {
		t.Fatalf("backfilled link: %+v", l)
	}
	var salt string
	if err := s.read.QueryRow(`SELECT original_salt FROM attachments WHERE id = 1`).Scan(&salt); err != nil || len(salt) != 32 {
		t.Fatalf("salt of the redacted original: %q %v", salt, err)
	}
	rep, err := s.VerifyLedger(ctx, nil)
	if err != nil || !rep.OK() || rep.Links != 3 {
		t.Fatalf("verify: %+v %v", rep, err)
	}
	// Opening again adds nothing.
	s.Close()
	if s, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if h, _ := s.LedgerHead(ctx); h.Seq != 3 {
		t.Fatalf("reopened: head %+v", h)
	}
}
