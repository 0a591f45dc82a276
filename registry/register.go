package registry

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
)

// The registers besides contracts (expenses, ads, recruitments) share one typed layer over
// the generic entry machinery (store_entry.go, store_version.go): a Register[D] files,
// versions, publishes, finds and diffs entries whose content is D. Each register supplies its
// content type (Normalize, Validate, Fields), its projection row and its filters.

// EntryData is the versioned content of a register entry.
type EntryData interface {
	// Normalize cleans what an officer or an import sent (trims, canonical identifiers).
	Normalize()
	// Validate returns nil or EINVALID with a Polish message per field (JSON names).
	Validate() error
	// Fields lists the content for display and for version diffs, in display order.
	Fields() []Field
	// LinkedContract is the id of the contract the entry refers to (0: none).
	LinkedContract() int64
}

// dataPtr is the pointer type of a register's content.
type dataPtr[D any] interface {
	*D
	EntryData
}

// Field is one field of an entry as shown to residents: its JSON name, Polish label and
// display value ("" when not given); Href links the value when set.
type Field struct {
	Name  string `json:"field"`
	Label string `json:"label"`
	Value string `json:"value"`
	Href  string `json:"-"`
}

// Entry is a register entry in its current state: metadata and content. Its JSON puts the
// content's keys beside the metadata's (like a contract's).
type Entry[D any] struct {
	EntryMeta
	Data D
}

// MarshalJSON writes the metadata and the content as one object.
func (e Entry[D]) MarshalJSON() ([]byte, error) {
	meta, err := json.Marshal(e.EntryMeta)
	if err != nil {
		return nil, err
	}
	data, err := json.Marshal(e.Data)
	if err != nil {
		return nil, err
	}
	if len(data) <= 2 {
		return meta, nil
	}
	out := make([]byte, 0, len(meta)+len(data))
	out = append(out, meta[:len(meta)-1]...)
	out = append(out, ',')
	return append(out, data[1:]...), nil
}

// EntryVersion is a published version of an entry with the fields changed since the previous one.
type EntryVersion[D any] struct {
	Version
	Content D             `json:"-"`
	Changes []FieldChange `json:"changes"`
}

// Register is the typed access to one register's entries. Get one from Store.Expenses,
// Store.Ads or Store.Recruitments.
type Register[D any, P dataPtr[D]] struct {
	s      *Store
	kind   string
	table  string // projection table
	what   string // genitive for messages: "wydatku"
	upsert string // INSERT … ON CONFLICT of the projection row
	row    func(m *EntryMeta, public int, d *D) []any
	// CSV: the columns (export and import), import-only columns (Field lists the fields
	// they fill, comma-separated) and the columns every import must have.
	cols     []Column[D]
	extra    []Column[D]
	required []string
}

// Kind returns the register's kind (KindExpense, KindAd, KindRecruitment).
func (r *Register[D, P]) Kind() string { return r.kind }

// prepare normalizes and validates d and returns its canonical JSON.
func (r *Register[D, P]) prepare(d *D) ([]byte, error) {
	P(d).Normalize()
	if err := P(d).Validate(); err != nil {
		return nil, err
	}
	b, err := CanonicalJSON(d)
	if err != nil {
		return nil, Internal(err)
	}
	return b, nil
}

// project writes the projection row of an entry; it also checks, inside the write
// transaction, that a linked contract belongs to the entry's company.
func (r *Register[D, P]) project(ctx context.Context, q queryer, m *EntryMeta, data []byte) error {
	var d D
	if err := decodeData(data, &d); err != nil {
		return err
	}
	if id := P(&d).LinkedContract(); id != 0 {
		var co int64
		err := q.QueryRowContext(ctx, `SELECT company_id FROM contracts WHERE entry_id = ?`, id).Scan(&co)
		if err == sql.ErrNoRows || (err == nil && co != m.CompanyID) {
			return &Error{Code: EINVALID, Message: MsgFixFields, Fields: map[string]string{
				"contract_id": fmt.Sprintf("W rejestrze tej spółki nie ma umowy nr %d.", id)}}
		} else if err != nil {
			return err
		}
	}
	public := 0
	if m.Status != StatusDraft {
		public = 1
	}
	_, err := q.ExecContext(ctx, r.upsert, r.row(m, public, &d)...)
	return err
}

// Create files a new entry for a company, as a draft or published at once.
// Returns EINVALID (with Fields), EUNAUTHORIZED, EFORBIDDEN, ENOTFOUND (company).
func (r *Register[D, P]) Create(ctx context.Context, a Actor, companyID int64, d D, publish bool) (*Entry[D], error) {
	if err := a.RequireCompanyWrite(companyID); err != nil {
		return nil, err
	}
	data, err := r.prepare(&d)
	if err != nil {
		return nil, err
	}
	id, err := r.s.createEntry(ctx, a, r.kind, companyID, data, publish, r.project)
	if err != nil {
		return nil, err
	}
	return r.FindByID(ctx, a, id)
}

// UpdateDraft replaces the content of an entry that is still a draft.
// Returns ECONFLICT once published, EINVALID, EFORBIDDEN, ENOTFOUND.
func (r *Register[D, P]) UpdateDraft(ctx context.Context, a Actor, id int64, d D) (*Entry[D], error) {
	data, err := r.prepare(&d)
	if err != nil {
		return nil, err
	}
	if err := r.s.updateDraft(ctx, a, r.kind, id, data, r.project); err != nil {
		return nil, err
	}
	return r.FindByID(ctx, a, id)
}

// Publish publishes a draft: it enters the ledger and the search index. ECONFLICT when published.
func (r *Register[D, P]) Publish(ctx context.Context, a Actor, id int64) (*Entry[D], error) {
	if err := r.s.publishEntry(ctx, a, r.kind, id, r.project); err != nil {
		return nil, err
	}
	return r.FindByID(ctx, a, id)
}

// Amend records that the thing itself changed (an annex, a changed order); d is the full
// content after the change. Returns EINVALID (reason, annex date, nothing changed), ECONFLICT.
func (r *Register[D, P]) Amend(ctx context.Context, a Actor, id int64, d D, annexDate Date, reason string) (*Entry[D], error) {
	return r.change(ctx, a, id, &d, VersionInput{ChangeKind: ChangeAmendment, AnnexDate: annexDate, Reason: reason})
}

// Correct fixes what the register got wrong; d is the full corrected content.
func (r *Register[D, P]) Correct(ctx context.Context, a Actor, id int64, d D, reason string) (*Entry[D], error) {
	return r.change(ctx, a, id, &d, VersionInput{ChangeKind: ChangeCorrection, Reason: reason})
}

// Withdraw marks a published entry as withdrawn; it stays visible with the reason.
func (r *Register[D, P]) Withdraw(ctx context.Context, a Actor, id int64, reason string) (*Entry[D], error) {
	return r.change(ctx, a, id, nil, VersionInput{ChangeKind: ChangeWithdrawal, Reason: reason})
}

func (r *Register[D, P]) change(ctx context.Context, a Actor, id int64, d *D, in VersionInput) (*Entry[D], error) {
	var data []byte
	if d != nil {
		var err error
		if data, err = r.prepare(d); err != nil {
			return nil, err
		}
	}
	if err := r.s.addVersion(ctx, a, r.kind, id, in, data, r.project); err != nil {
		return nil, err
	}
	return r.FindByID(ctx, a, id)
}

// selectSQL selects entries of the register with their current content.
func (r *Register[D, P]) selectSQL() string {
	return `SELECT ` + entryColumns + `, v.data FROM ` + r.table + ` p
	JOIN entries e ON e.id = p.entry_id
	JOIN companies co ON co.id = p.company_id
	JOIN entry_versions v ON v.entry_id = e.id AND v.version = e.version`
}

func (r *Register[D, P]) scan(row interface{ Scan(...any) error }) (*Entry[D], error) {
	e := &Entry[D]{}
	var data string
	if err := row.Scan(scanEntryMeta(&e.EntryMeta, &data)...); err != nil {
		return nil, err
	}
	if err := decodeData([]byte(data), &e.Data); err != nil {
		return nil, err
	}
	return e, nil
}

// FindByID returns an entry. Drafts are visible only to those who may write for the
// company; everyone else gets ENOTFOUND.
func (r *Register[D, P]) FindByID(ctx context.Context, a Actor, id int64) (*Entry[D], error) {
	e, err := r.scan(r.s.read.QueryRowContext(ctx, r.selectSQL()+` WHERE p.entry_id = ?`, id))
	if err == sql.ErrNoRows || (err == nil && e.Status == StatusDraft && !a.CanWriteCompany(e.CompanyID)) {
		return nil, Errorf(ENOTFOUND, "Nie znaleziono %s nr %d.", r.what, id)
	} else if err != nil {
		return nil, formatError(err)
	}
	return e, nil
}

// find returns a page of entries matching w, ordered by order, and the total count.
// Limit defaults to 20 and is capped at 1000.
func (r *Register[D, P]) find(ctx context.Context, w *where, order string, offset, limit int) ([]*Entry[D], int, error) {
	if limit <= 0 {
		limit = 20
	} else if limit > 1000 {
		limit = 1000
	}
	clause, args := w.sql()
	var total int
	if err := r.s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+r.table+` p JOIN entries e ON e.id = p.entry_id JOIN companies co ON co.id = p.company_id`+clause, args...).Scan(&total); err != nil {
		return nil, 0, formatError(err)
	}
	out, err := r.query(ctx, r.selectSQL()+clause+" ORDER BY "+order+" LIMIT ? OFFSET ?", append(args, limit, offset)...)
	return out, total, err
}

func (r *Register[D, P]) query(ctx context.Context, q string, args ...any) ([]*Entry[D], error) {
	rows, err := r.s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	var out []*Entry[D]
	for rows.Next() {
		e, err := r.scan(rows)
		if err != nil {
			return nil, formatError(err)
		}
		out = append(out, e)
	}
	return out, formatError(rows.Err())
}

// FindByIDs returns the public entries among ids (drafts are left out), in id order.
func (r *Register[D, P]) FindByIDs(ctx context.Context, ids []int64) ([]*Entry[D], error) {
	var out []*Entry[D]
	for start := 0; start < len(ids); start += 500 {
		end := min(start+500, len(ids))
		ph := strings.Repeat("?,", end-start)
		args := make([]any, 0, end-start)
		for _, id := range ids[start:end] {
			args = append(args, id)
		}
		es, err := r.query(ctx, r.selectSQL()+` WHERE p.public = 1 AND p.entry_id IN (`+ph[:len(ph)-1]+`) ORDER BY p.entry_id`, args...)
		if err != nil {
			return nil, err
		}
		out = append(out, es...)
	}
	return out, nil
}

// Scan calls fn for every public entry in id order, reading in chunks. An error from fn
// stops the scan and is returned.
func (r *Register[D, P]) Scan(ctx context.Context, fn func(*Entry[D]) error) error {
	var after int64
	for {
		batch, err := r.query(ctx, r.selectSQL()+` WHERE +p.public = 1 AND p.entry_id > ? ORDER BY p.entry_id LIMIT 2000`, after)
		if err != nil {
			return err
		}
		for _, e := range batch {
			if err := fn(e); err != nil {
				return err
			}
		}
		if len(batch) < 2000 {
			return nil
		}
		after = batch[len(batch)-1].ID
	}
}

// CountPublic returns the number of published and withdrawn entries.
func (r *Register[D, P]) CountPublic(ctx context.Context) (int, error) {
	var n int
	err := r.s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+r.table+` WHERE public = 1`).Scan(&n)
	return n, formatError(err)
}

// History returns the published versions of an entry, oldest first, each with its ledger
// hash and the fields changed since the previous version.
func (r *Register[D, P]) History(ctx context.Context, id int64) ([]*EntryVersion[D], error) {
	var out []*EntryVersion[D]
	err := r.s.scanVersions(ctx, id, r.kind, func(v Version) error {
		ev := &EntryVersion[D]{Version: v}
		if err := decodeData(v.Data, &ev.Content); err != nil {
			return err
		}
		if n := len(out); n > 0 {
			ev.Changes = DiffFields(P(&out[n-1].Content).Fields(), P(&ev.Content).Fields())
		}
		out = append(out, ev)
		return nil
	})
	return out, err
}

// scanVersions calls fn with every published version of an entry of kind, oldest first,
// with its ledger link hash.
func (s *Store) scanVersions(ctx context.Context, id int64, kind string, fn func(Version) error) error {
	rows, err := s.read.QueryContext(ctx, `SELECT v.version, v.change_kind, v.reason, v.annex_date, v.created_by, v.created_at, v.data, COALESCE(l.hash, '')
		FROM entry_versions v JOIN entries e ON e.id = v.entry_id
		LEFT JOIN ledger l ON l.entry_id = v.entry_id AND l.version = v.version AND l.link_kind = 'version'
		WHERE v.entry_id = ? AND e.kind = ? AND v.published = 1 ORDER BY v.version`, id, kind)
	if err != nil {
		return formatError(err)
	}
	defer rows.Close()
	for rows.Next() {
		v := Version{EntryID: id}
		var data, annex string
		if err := rows.Scan(&v.Version, &v.ChangeKind, &v.Reason, &annex, &v.CreatedBy, (*timeCol)(&v.CreatedAt), &data, &v.Hash); err != nil {
			return formatError(err)
		}
		v.AnnexDate, v.Data = Date(annex), []byte(data)
		if err := fn(v); err != nil {
			return formatError(err)
		}
	}
	return formatError(rows.Err())
}

// DiffFields lists the fields whose display value differs between two versions.
func DiffFields(old, new []Field) []FieldChange {
	prev := make(map[string]Field, len(old))
	for _, f := range old {
		prev[f.Name] = f
	}
	var out []FieldChange
	seen := map[string]bool{}
	for _, f := range new {
		seen[f.Name] = true
		if p := prev[f.Name]; p.Value != f.Value {
			out = append(out, FieldChange{Field: f.Name, Label: f.Label, Old: p.Value, New: f.Value})
		}
	}
	for _, f := range old {
		if !seen[f.Name] && f.Value != "" {
			out = append(out, FieldChange{Field: f.Name, Label: f.Label, Old: f.Value})
		}
	}
	return out
}

// where builds a WHERE clause from conditions with their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) sql() (string, []any) {
	if len(w.conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(w.conds, " AND "), w.args
}

// EntryFilter is what every register's filter has: company, status and page.
type EntryFilter struct {
	CompanyID   *int64
	CompanyIDs  []int64 // when not nil: only these companies (an officer's own; empty: none)
	CompanySlug *string
	Status      []string // default: published and withdrawn (what the public sees)
	Offset      int
	Limit       int
}

// base adds the company and status conditions.
func (f EntryFilter) base() *where {
	w := &where{}
	if len(f.Status) == 0 {
		w.add("p.public = 1")
	} else {
		ph := strings.TrimSuffix(strings.Repeat("?,", len(f.Status)), ",")
		args := make([]any, len(f.Status))
		for i, s := range f.Status {
			args[i] = s
		}
		w.add("e.status IN ("+ph+")", args...)
	}
	if f.CompanyID != nil {
		w.add("p.company_id = ?", *f.CompanyID)
	}
	if f.CompanySlug != nil {
		w.add("co.slug = ?", *f.CompanySlug)
	}
	if f.CompanyIDs != nil {
		if len(f.CompanyIDs) == 0 {
			w.add("0 = 1")
		} else {
			args := make([]any, len(f.CompanyIDs))
			for i, id := range f.CompanyIDs {
				args[i] = id
			}
			w.add("p.company_id IN ("+strings.TrimSuffix(strings.Repeat("?,", len(args)), ",")+")", args...)
		}
	}
	return w
}

// yearRange adds col within the calendar year y.
func (w *where) yearRange(col string, y *int) {
	if y != nil {
		w.add(col+" >= ? AND "+col+" < ?", fmt.Sprintf("%04d-01-01", *y), fmt.Sprintf("%04d-01-01", *y+1))
	}
}

// like adds a case-insensitive substring match of col.
func (w *where) like(col string, s *string) {
	if s != nil && strings.TrimSpace(*s) != "" {
		w.add(col+" LIKE ? ESCAPE '\\'", "%"+escapeLike(strings.TrimSpace(*s))+"%")
	}
}

// eq adds col = value when value is given.
func (w *where) eq(col string, v *string) {
	if v != nil {
		w.add(col+" = ?", *v)
	}
}
