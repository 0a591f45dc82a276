package registry

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"
)

// The generic entry machinery: every register (contracts, expenses, ads, recruitments)
// files, versions, publishes and feeds the change sequence and the ledger through these
// helpers, so there is one way of doing it. Each register adds its validation and its
// projection table (the current state, for listing and filtering).

// warsaw is the time zone dates are shown and computed in.
var warsaw = mustLoadLocation("Europe/Warsaw")

func mustLoadLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err) // main imports time/tzdata, so this cannot fail in the binary
	}
	return loc
}

// Warsaw returns the Europe/Warsaw location.
func Warsaw() *time.Location { return warsaw }

const entryColumns = `e.id, e.kind, e.company_id, co.slug, co.short_name, e.status, e.version, e.created_at, e.published_at, e.updated_at, e.withdrawn_reason`

func scanEntryMeta(m *EntryMeta, extra ...any) []any {
	return append([]any{&m.ID, &m.Kind, &m.CompanyID, &m.Company, &m.CompanyName, &m.Status, &m.Version,
		(*timeCol)(&m.CreatedAt), &nullTimeCol{&m.PublishedAt}, (*timeCol)(&m.UpdatedAt), &m.WithdrawnReason}, extra...)
}

// timeCol scans a stored timestamp string.
type timeCol time.Time

func (t *timeCol) Scan(v any) error {
	switch x := v.(type) {
	case string:
		*t = timeCol(parseTime(x))
	case []byte:
		*t = timeCol(parseTime(string(x)))
	}
	return nil
}

// nullTimeCol scans a nullable timestamp string into *time.Time.
type nullTimeCol struct{ p **time.Time }

func (n *nullTimeCol) Scan(v any) error {
	var s string
	switch x := v.(type) {
	case nil:
		*n.p = nil
		return nil
	case string:
		s = x
	case []byte:
		s = string(x)
	}
	t := parseTime(s)
	*n.p = &t
	return nil
}

// entryWriter holds the prepared statements of one write transaction.
type entryWriter struct {
	tx                                          *sql.Tx
	insEntry, insVersion, insChange, pubVersion *sql.Stmt
	insLedger                                   *sql.Stmt
	head                                        ledgerHead
	headLoaded                                  bool
}

func newEntryWriter(ctx context.Context, tx *sql.Tx) (*entryWriter, error) {
	w := &entryWriter{tx: tx}
	var err error
	if w.insEntry, err = tx.PrepareContext(ctx, `INSERT INTO entries (id, kind, company_id, status, version, created_at, published_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?)`); err != nil {
		return nil, err
	}
	if w.insVersion, err = tx.PrepareContext(ctx, `INSERT INTO entry_versions (entry_id, version, change_kind, reason, annex_date, created_by, created_at, published, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`); err != nil {
		return nil, err
	}
	if w.insChange, err = tx.PrepareContext(ctx, `INSERT INTO changes (entry_id, kind) VALUES (?, ?)`); err != nil {
		return nil, err
	}
	if w.pubVersion, err = tx.PrepareContext(ctx, `UPDATE entry_versions SET published = 1 WHERE entry_id = ? AND version = ?`); err != nil {
		return nil, err
	}
	if w.insLedger, err = tx.PrepareContext(ctx, insertLedgerLink); err != nil {
		return nil, err
	}
	return w, nil
}

// createEntry inserts an entry with its first version (a draft, or published at once when
// publishedAt is given) and returns its id.
func (w *entryWriter) createEntry(ctx context.Context, kind string, companyID int64, company string, data []byte, by string, at time.Time, publishedAt *time.Time) (int64, error) {
	return w.createEntryID(ctx, 0, kind, companyID, company, data, by, at, publishedAt, "")
}

// createEntryID is createEntry with a chosen id (0: the next free one) and, optionally, the
// first version's record hash computed ahead by the caller (bulk loads hash in parallel).
func (w *entryWriter) createEntryID(ctx context.Context, id int64, kind string, companyID int64, company string, data []byte, by string, at time.Time, publishedAt *time.Time, dataHash string) (int64, error) {
	var idArg any
	if id > 0 {
		idArg = id
	}
	status := StatusDraft
	var pub any
	if publishedAt != nil {
		status, pub = StatusPublished, fmtTime(*publishedAt)
	}
	res, err := w.insEntry.ExecContext(ctx, idArg, kind, companyID, status, fmtTime(at), pub, fmtTime(at))
	if err != nil {
		return 0, err
	}
	if id, err = res.LastInsertId(); err != nil {
		return 0, err
	}
	rec := &VersionRecord{EntryID: id, Kind: kind, Company: company, Version: 1, ChangeKind: ChangeInitial,
		CreatedBy: by, CreatedAt: fmtTime(at), Data: data, dataHash: dataHash}
	if publishedAt != nil {
		rec.CreatedAt = fmtTime(*publishedAt)
	}
	if err := w.insertVersion(ctx, rec, publishedAt != nil); err != nil {
		return 0, err
	}
	return id, nil
}

// insertVersion stores a version; a published one is also appended to the ledger and the change sequence.
func (w *entryWriter) insertVersion(ctx context.Context, rec *VersionRecord, published bool) error {
	pub := 0
	if published {
		pub = 1
	}
	if _, err := w.insVersion.ExecContext(ctx, rec.EntryID, rec.Version, rec.ChangeKind, rec.Reason, rec.AnnexDate,
		rec.CreatedBy, rec.CreatedAt, pub, string(rec.Data)); err != nil {
		return err
	}
	if published {
		return w.published(ctx, rec)
	}
	return nil
}

// publishDraft marks the stored draft version as published and records it.
func (w *entryWriter) publishDraft(ctx context.Context, rec *VersionRecord) error {
	if _, err := w.pubVersion.ExecContext(ctx, rec.EntryID, rec.Version); err != nil {
		return err
	}
	return w.published(ctx, rec)
}

func (w *entryWriter) published(ctx context.Context, rec *VersionRecord) error {
	dataHash := rec.dataHash
	if dataHash == "" {
		var err error
		if dataHash, err = RecordHash(rec); err != nil {
			return err
		}
	}
	l := &LedgerLink{EntryID: rec.EntryID, Version: rec.Version, DataHash: dataHash, CreatedAt: rec.CreatedAt, LinkKind: LinkVersion}
	if err := w.appendLink(ctx, l); err != nil {
		return err
	}
	return w.changed(ctx, rec.EntryID, rec.Kind)
}

// appendLink appends l (its Seq, PrevHash and Hash are filled in) after the head, which is
// read once per transaction.
func (w *entryWriter) appendLink(ctx context.Context, l *LedgerLink) error {
	if !w.headLoaded {
		h, err := readLedgerHead(ctx, w.tx)
		if err != nil {
			return err
		}
		w.head, w.headLoaded = h, true
	}
	l.Seq, l.PrevHash = w.head.seq+1, w.head.hash
	l.Hash = LinkHashOf(l)
	if _, err := w.insLedger.ExecContext(ctx, l.Seq, l.EntryID, l.Version, l.DataHash, l.PrevHash, l.Hash, l.CreatedAt, l.LinkKind, l.RefID); err != nil {
		return err
	}
	w.head.seq, w.head.hash = l.Seq, l.Hash
	return nil
}

// changed appends to the change sequence (the search index re-reads the entry).
func (w *entryWriter) changed(ctx context.Context, entryID int64, kind string) error {
	_, err := w.insChange.ExecContext(ctx, entryID, kind)
	return err
}

// findEntryMeta loads an entry's metadata inside a transaction.
func findEntryMeta(ctx context.Context, q queryer, id int64, kind string) (*EntryMeta, error) {
	m := &EntryMeta{}
	err := q.QueryRowContext(ctx, `SELECT `+entryColumns+` FROM entries e JOIN companies co ON co.id = e.company_id WHERE e.id = ? AND e.kind = ?`, id, kind).
		Scan(scanEntryMeta(m)...)
	if err == sql.ErrNoRows {
		return nil, Errorf(ENOTFOUND, "Nie znaleziono wpisu nr %d.", id)
	} else if err != nil {
		return nil, err
	}
	return m, nil
}

// currentData returns the stored content of the entry's current version.
func currentData(ctx context.Context, q queryer, m *EntryMeta) ([]byte, error) {
	var data string
	err := q.QueryRowContext(ctx, `SELECT data FROM entry_versions WHERE entry_id = ? AND version = ?`, m.ID, m.Version).Scan(&data)
	return []byte(data), err
}

// queryer is satisfied by *sql.DB and *sql.Tx.
type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// decodeData unmarshals stored content.
func decodeData(b []byte, v any) error { return json.Unmarshal(b, v) }
