package registry

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// BulkContract is a contract with its history, loaded as is by LoadContracts
// (demo data, benchmarks, migrations from another register).
type BulkContract struct {
	Data        ContractData
	CreatedBy   string
	PublishedAt time.Time     // first publication
	Versions    []BulkVersion // later versions, in order
}

// BulkVersion is a later version of a bulk-loaded contract.
type BulkVersion struct {
	ChangeKind string       // ChangeAmendment, ChangeCorrection or ChangeWithdrawal
	Data       ContractData // the full content after the change (ignored for a withdrawal)
	AnnexDate  Date
	Reason     string
	At         time.Time
}

// LoadContracts loads published contracts of one company with their histories and given
// timestamps in one transaction: all or nothing. Only the system actor (the operator's
// command-line tools) may set historical timestamps. Returns EFORBIDDEN, EINVALID (naming
// the item), ENOTFOUND.
func (s *Store) LoadContracts(ctx context.Context, a Actor, companyID int64, items []BulkContract) error {
	return s.BulkLoadContracts(ctx, a, len(items), func(add func(int64, BulkContract) error) error {
		for i := range items {
			if err := add(companyID, items[i]); err != nil {
				return err
			}
		}
		return nil
	})
}

// BulkLoadContracts loads published contracts of any companies, with their histories and
// given timestamps, in one transaction: all or nothing. fill hands the contracts to add in
// order and returns; add answers an error once the load has failed, and fill should then
// return it. expected is how many contracts fill will hand over (a hint): when the load is
// at least as large as the contracts already stored, the secondary indexes of the entries,
// contracts and ledger tables are dropped for the load and built again before the commit, inside the same
// transaction, which is much faster than updating them row by row. Crash safety is that of
// any transaction. Only the system actor may set historical timestamps.
// Returns EFORBIDDEN, EINVALID (naming the item by its position), ENOTFOUND (company), or
// fill's own error.
func (s *Store) BulkLoadContracts(ctx context.Context, a Actor, expected int, fill func(add func(companyID int64, c BulkContract) error) error) error {
	if a.Role != RoleSystem {
		return Errorf(EFORBIDDEN, "Wczytywanie danych z historią jest dostępne tylko z wiersza poleceń.")
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return formatError(err)
	}
	defer tx.Rollback()
	slugs, err := companySlugs(ctx, tx)
	if err != nil {
		return formatError(err)
	}
	var maxID, stored int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(id), 0) FROM entries`).Scan(&maxID); err != nil {
		return formatError(err)
	}
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM contracts`).Scan(&stored); err != nil {
		return formatError(err)
	}
	var deferred []string
	if expected > 0 && int64(expected) >= stored {
		for _, table := range []string{"entries", "contracts", "ledger"} {
			ddl, err := dropIndexes(ctx, tx, table)
			if err != nil {
				return formatError(err)
			}
			deferred = append(deferred, ddl...)
		}
	}
	bw, err := newBulkWriter(ctx, tx)
	if err != nil {
		return formatError(err)
	}
	// Three stages run at once: fill (the caller's goroutine) hands items over, a second
	// goroutine validates, encodes and hashes them (ids are assigned in order: this
	// transaction holds the write lock, so every hash is known before its row is written),
	// and a third writes the rows.
	pctx, cancel := context.WithCancel(ctx)
	defer cancel()
	in := make(chan bulkItem, 512)
	prepared := make(chan bulkPrepared, 512)
	go prepareBulk(pctx, in, maxID, a.Login, prepared)
	written := make(chan error, 1)
	go func() {
		err := bw.write(pctx, prepared)
		if err != nil {
			cancel()
		}
		written <- err
	}()
	added := 0
	add := func(companyID int64, c BulkContract) error {
		slug, ok := slugs[companyID]
		if !ok {
			return Errorf(ENOTFOUND, "Nie znaleziono spółki nr %d.", companyID)
		}
		select {
		case in <- bulkItem{companyID: companyID, company: slug, c: c}:
			added++
			return nil
		case <-pctx.Done():
			return errBulkStopped
		}
	}
	ferr := fill(add)
	if ferr != nil {
		cancel()
	}
	close(in)
	werr := <-written
	switch {
	case werr != nil && !errors.Is(werr, context.Canceled):
		return werr
	case ferr != nil && !errors.Is(ferr, errBulkStopped):
		return ferr
	case werr != nil:
		return werr
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	for _, ddl := range deferred {
		if _, err := tx.ExecContext(ctx, ddl); err != nil {
			return formatError(err)
		}
	}
	if err := s.audit(ctx, tx, a, AuditEntryBulkLoad, KindContract, 0, 0, fmt.Sprintf("%d umów", added)); err != nil {
		return err
	}
	return formatError(tx.Commit())
}

// errBulkStopped is what add answers once a bulk load has failed; the load's own error is
// returned by BulkLoadContracts.
var errBulkStopped = errors.New("bulk load stopped")

// companySlugs maps every company's id to its slug.
func companySlugs(ctx context.Context, q queryer) (map[int64]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, slug FROM companies`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var slug string
		if err := rows.Scan(&id, &slug); err != nil {
			return nil, err
		}
		out[id] = slug
	}
	return out, rows.Err()
}

// dropIndexes drops the secondary indexes of table (those created by CREATE INDEX) inside
// the transaction and returns the statements that create them again.
func dropIndexes(ctx context.Context, tx *sql.Tx, table string) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name`, table)
	if err != nil {
		return nil, err
	}
	var names, ddl []string
	for rows.Next() {
		var name, sql string
		if err := rows.Scan(&name, &sql); err != nil {
			rows.Close()
			return nil, err
		}
		names, ddl = append(names, name), append(ddl, sql)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, name := range names {
		if _, err := tx.ExecContext(ctx, `DROP INDEX "`+strings.ReplaceAll(name, `"`, `""`)+`"`); err != nil {
			return nil, err
		}
	}
	return ddl, nil
}

// bulkWriter writes prepared bulk contracts inside one transaction.
type bulkWriter struct {
	w         *entryWriter
	proj, upd *sql.Stmt
}

func newBulkWriter(ctx context.Context, tx *sql.Tx) (*bulkWriter, error) {
	w, err := newEntryWriter(ctx, tx)
	if err != nil {
		return nil, err
	}
	bw := &bulkWriter{w: w}
	if bw.proj, err = tx.PrepareContext(ctx, contractUpsert); err != nil {
		return nil, err
	}
	if bw.upd, err = tx.PrepareContext(ctx, `UPDATE entries SET version = ?, status = ?, withdrawn_reason = ?, updated_at = ? WHERE id = ?`); err != nil {
		return nil, err
	}
	return bw, nil
}

// write stores every prepared contract until prepared is closed; it stops at the first
// invalid item or error, or when ctx ends. The statements run without ctx's cancellation
// (checked between contracts instead): the driver runs every statement given a cancellable
// context in a goroutine of its own, which costs more than the insert itself.
func (bw *bulkWriter) write(cctx context.Context, prepared <-chan bulkPrepared) error {
	ctx := context.WithoutCancel(cctx)
	for p := range prepared {
		if p.err != nil {
			return p.err
		}
		if err := cctx.Err(); err != nil {
			return err
		}
		first := p.recs[0]
		pub := parseTime(first.CreatedAt)
		if _, err := bw.w.createEntryID(ctx, first.EntryID, KindContract, p.companyID, first.Company, first.Data, first.CreatedBy, pub, &pub, first.dataHash); err != nil {
			return formatError(err)
		}
		for _, rec := range p.recs[1:] {
			if err := bw.w.insertVersion(ctx, rec, true); err != nil {
				return formatError(err)
			}
		}
		if len(p.recs) > 1 {
			last := p.recs[len(p.recs)-1]
			if _, err := bw.upd.ExecContext(ctx, last.Version, p.status, p.wreason, last.CreatedAt, first.EntryID); err != nil {
				return formatError(err)
			}
		}
		m := &EntryMeta{ID: first.EntryID, CompanyID: p.companyID, Status: p.status}
		if _, err := bw.proj.ExecContext(ctx, contractRowArgs(m, &p.final)...); err != nil {
			return formatError(err)
		}
	}
	return ctx.Err()
}

func itemError(i int, err error) error {
	e := &Error{Code: EINVALID, Message: fmt.Sprintf("Pozycja %d: %s", i+1, ErrorMessage(err)), Fields: map[string]string{}}
	for k, v := range ErrorFields(err) {
		e.Fields[fmt.Sprintf("%d.%s", i+1, k)] = v
	}
	return e
}

// ImportContracts publishes many contracts of one company in one transaction: all or
// nothing. Every item is validated first; on any invalid item nothing is written and the
// error names each bad item's fields as "N.field". Returns the number imported.
func (s *Store) ImportContracts(ctx context.Context, a Actor, companyID int64, items []ContractData) (int, error) {
	return s.importEntries(ctx, a, KindContract, companyID, len(items), func(i int) ([]byte, error) { return prepareContract(&items[i]) }, projectContract)
}

// bulkItem is one contract handed to a bulk load, with its company.
type bulkItem struct {
	companyID int64
	company   string
	c         BulkContract
}

// bulkPrepared is one validated bulk contract: its version records with their hashes, the
// final content (for the projection) and the final status.
type bulkPrepared struct {
	companyID       int64
	recs            []*VersionRecord
	final           ContractData
	status, wreason string
	err             error
}

// prepareBulk validates and encodes the items of in, in order, assigning ids after maxID,
// and sends them on out; it stops at the first invalid item (sent with err), when in is
// closed or when ctx ends.
func prepareBulk(ctx context.Context, in <-chan bulkItem, maxID int64, login string, out chan<- bulkPrepared) {
	defer close(out)
	send := func(p bulkPrepared) bool {
		select {
		case out <- p:
			return p.err == nil
		case <-ctx.Done():
			return false
		}
	}
	i := -1
	for item := range in {
		i++
		it, company := &item.c, item.company
		data, err := prepareContract(&it.Data)
		if err != nil {
			send(bulkPrepared{err: itemError(i, err)})
			return
		}
		by := it.CreatedBy
		if by == "" {
			by = login
		}
		id := maxID + int64(i) + 1
		p := bulkPrepared{companyID: item.companyID, final: it.Data, status: StatusPublished}
		p.recs = append(p.recs, &VersionRecord{EntryID: id, Kind: KindContract, Company: company, Version: 1,
			ChangeKind: ChangeInitial, CreatedBy: by, CreatedAt: fmtTime(it.PublishedAt), Data: data})
		for _, v := range it.Versions {
			if v.ChangeKind != ChangeWithdrawal {
				p.final = v.Data
				if data, err = prepareContract(&p.final); err != nil {
					send(bulkPrepared{err: itemError(i, err)})
					return
				}
			} else {
				p.status, p.wreason = StatusWithdrawn, v.Reason
			}
			p.recs = append(p.recs, &VersionRecord{EntryID: id, Kind: KindContract, Company: company, Version: len(p.recs) + 1,
				ChangeKind: v.ChangeKind, Reason: v.Reason, AnnexDate: string(v.AnnexDate), CreatedBy: by, CreatedAt: fmtTime(v.At), Data: data})
		}
		for _, r := range p.recs {
			if r.dataHash, err = RecordHash(r); err != nil {
				send(bulkPrepared{err: Internal(err)})
				return
			}
		}
		if !send(p) {
			return
		}
	}
}
