package audits

import (
	"context"
	"database/sql"
	"time"

	"jawnosc/registry"
)

// registerKinds are the change-sequence kinds whose changes can change signals.
const registerKinds = `'contract', 'expense', 'ad', 'recruitment'`

// companyRule computes one family of signals of a company inside the recomputation's
// transaction. Each register adds one.
type companyRule func(ctx context.Context, tx *sql.Tx, companyID int64, ts Thresholds) ([]*Signal, error)

// companyRules are every rule family, in order.
var companyRules = []companyRule{
	func(ctx context.Context, tx *sql.Tx, companyID int64, ts Thresholds) ([]*Signal, error) {
		cs, err := loadContractFacts(ctx, tx, companyID)
		if err != nil {
			return nil, err
		}
		return contractSignals(cs, ts), nil
	},
	recruitmentSignals,
	adSignals,
}

// CatchUp follows the registry's change sequence from the last sequence number it
// applied: it recomputes the signals of every company with a changed entry (all of them
// on the first run and after a threshold change), each company in one transaction, then
// remembers the newest sequence number. Interrupted, it redoes the same work next time.
// It returns how many companies it recomputed. Errors: EINTERNAL.
func (s *Store) CatchUp(ctx context.Context) (int, error) {
	var last, gen, doneGen int64
	if err := s.read.QueryRowContext(ctx, `SELECT last_seq, gen, done_gen FROM signal_state WHERE id = 1`).Scan(&last, &gen, &doneGen); err != nil {
		return 0, formatError(err)
	}
	head, err := s.Reg.LastChangeSeq(ctx)
	if err != nil {
		return 0, err
	}
	full := gen != doneGen
	if head <= last && !full {
		return 0, nil
	}
	var q string
	args := []any{}
	if full {
		q = `SELECT id FROM companies ORDER BY id`
	} else {
		q = `SELECT DISTINCT e.company_id FROM changes c JOIN entries e ON e.id = c.entry_id
			WHERE c.seq > ? AND c.seq <= ? AND c.kind IN (` + registerKinds + `) ORDER BY e.company_id`
		args = append(args, last, head)
	}
	ids, err := s.int64s(ctx, q, args...)
	if err != nil {
		return 0, err
	}
	for _, id := range ids {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		if err := s.RecomputeCompany(ctx, id); err != nil {
			return 0, err
		}
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE signal_state SET last_seq = ?, done_gen = ? WHERE id = 1`, head, gen); err != nil {
		return 0, formatError(err)
	}
	return len(ids), nil
}

// SignalsSeq returns the last change sequence number the signals were computed from.
func (s *Store) SignalsSeq(ctx context.Context) (int64, error) {
	var last int64
	err := s.read.QueryRowContext(ctx, `SELECT last_seq FROM signal_state WHERE id = 1`).Scan(&last)
	return last, formatError(err)
}

func (s *Store) int64s(ctx context.Context, q string, args ...any) ([]int64, error) {
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, formatError(err)
		}
		out = append(out, id)
	}
	return out, formatError(rows.Err())
}

// RecomputeCompany computes every signal of one company and brings its stored signals up to
// date in one transaction: signals that still fire unchanged are left alone (keeping their
// id and first-seen time), changed ones are rewritten, new ones added, and those that no
// longer fire removed. Errors: EINTERNAL.
func (s *Store) RecomputeCompany(ctx context.Context, companyID int64) error {
	s.recompute.Lock() // one recomputation at a time: it compares with what it read
	defer s.recompute.Unlock()
	now := fmtTime(s.now())
	// Read and compute on the read pool, so writers wait only for the changes themselves.
	rtx, err := s.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return formatError(err)
	}
	defer rtx.Rollback()
	ts, err := findThresholds(ctx, rtx)
	if err != nil {
		return err
	}
	var fresh []*Signal
	for _, rule := range companyRules {
		sigs, err := rule(ctx, rtx, companyID, ts)
		if err != nil {
			return formatError(err)
		}
		fresh = append(fresh, sigs...)
	}
	old, err := storedSignals(ctx, rtx, companyID)
	if err != nil {
		return formatError(err)
	}
	filing, err := computeTimeliness(ctx, rtx, companyID)
	if err != nil {
		return formatError(err)
	}
	rtx.Rollback()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		w, err := newSignalWriter(ctx, tx)
		if err != nil {
			return err
		}
		defer w.close()
		for _, sg := range fresh {
			if err := w.save(ctx, companyID, sg, old, now); err != nil {
				return err
			}
		}
		for _, st := range old {
			if err := w.remove(ctx, st.id); err != nil {
				return err
			}
		}
		return storeTimeliness(ctx, tx, companyID, filing, now)
	})
}

// RunSignals calls CatchUp every interval and whenever wake receives, until ctx ends;
// failures go to logf.
func (s *Store) RunSignals(ctx context.Context, every time.Duration, wake <-chan struct{}, logf func(string, ...any)) {
	if every <= 0 {
		every = 5 * time.Second
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		if _, err := s.CatchUp(ctx); err != nil && ctx.Err() == nil && logf != nil {
			logf("signals: catch-up: %s", registry.ErrorMessage(err)+": "+err.Error())
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		case <-wake:
		}
	}
}
