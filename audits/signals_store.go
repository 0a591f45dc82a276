package audits

import (
	"context"
	"database/sql"
	"sort"
	"strconv"
	"strings"
)

// storedSignal is what a recomputation compares a fresh signal with.
type storedSignal struct {
	id     int64
	digest string
}

// digest sums up what a signal shows (reason, total, date, entries) to tell whether a
// recomputation changed it. Entries are taken in (date, id) order.
func digest(reason string, total int64, date string, entries []SignalEntry) string {
	es := append([]SignalEntry(nil), entries...)
	sort.Slice(es, func(i, j int) bool {
		if es[i].Date != es[j].Date {
			return es[i].Date < es[j].Date
		}
		return es[i].EntryID < es[j].EntryID
	})
	var b strings.Builder
	b.WriteString(reason)
	b.WriteString("\x00" + strconv.FormatInt(total, 10) + "\x00" + date)
	for _, e := range es {
		b.WriteString("\x00" + strconv.FormatInt(e.EntryID, 10) + "|" + e.Kind + "|" + e.Label + "|" + strconv.FormatInt(int64(e.Amount), 10) + "|" + string(e.Date))
	}
	return b.String()
}

// storedSignals reads a company's stored signals by key with their digests.
func storedSignals(ctx context.Context, tx *sql.Tx, companyID int64) (map[string]*storedSignal, error) {
	rows, err := tx.QueryContext(ctx, `SELECT s.id, s.key, s.reason, s.total, s.on_date FROM signals s WHERE s.company_id = ?`, companyID)
	if err != nil {
		return nil, err
	}
	type head struct {
		key, reason, date string
		total             int64
	}
	heads := map[int64]head{}
	for rows.Next() {
		var id int64
		var h head
		if err := rows.Scan(&id, &h.key, &h.reason, &h.total, &h.date); err != nil {
			rows.Close()
			return nil, err
		}
		heads[id] = h
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	entries := map[int64][]SignalEntry{}
	erows, err := tx.QueryContext(ctx, `SELECT se.signal_id, se.entry_id, se.kind, se.label, se.amount, se.on_date
		FROM signal_entries se JOIN signals s ON s.id = se.signal_id WHERE s.company_id = ?`, companyID)
	if err != nil {
		return nil, err
	}
	defer erows.Close()
	for erows.Next() {
		var id int64
		var e SignalEntry
		if err := erows.Scan(&id, &e.EntryID, &e.Kind, &e.Label, &e.Amount, &e.Date); err != nil {
			return nil, err
		}
		entries[id] = append(entries[id], e)
	}
	if err := erows.Err(); err != nil {
		return nil, err
	}
	out := make(map[string]*storedSignal, len(heads))
	for id, h := range heads {
		out[h.key] = &storedSignal{id: id, digest: digest(h.reason, h.total, h.date, entries[id])}
	}
	return out, nil
}

// signalWriter holds the prepared statements of one recomputation.
type signalWriter struct {
	ins, upd, delEntries, del, insEntry *sql.Stmt
}

func newSignalWriter(ctx context.Context, tx *sql.Tx) (*signalWriter, error) {
	w := &signalWriter{}
	for _, p := range []struct {
		st **sql.Stmt
		q  string
	}{
		{&w.ins, `INSERT INTO signals (key, rule, company_id, reason, total, on_date, first_seen) VALUES (?, ?, ?, ?, ?, ?, ?)`},
		{&w.upd, `UPDATE signals SET reason = ?, total = ?, on_date = ? WHERE id = ?`},
		{&w.delEntries, `DELETE FROM signal_entries WHERE signal_id = ?`},
		{&w.del, `DELETE FROM signals WHERE id = ?`},
		{&w.insEntry, `INSERT OR IGNORE INTO signal_entries (signal_id, entry_id, kind, label, on_date, amount) VALUES (?, ?, ?, ?, ?, ?)`},
	} {
		st, err := tx.PrepareContext(ctx, p.q)
		if err != nil {
			w.close()
			return nil, err
		}
		*p.st = st
	}
	return w, nil
}

func (w *signalWriter) close() {
	for _, st := range []*sql.Stmt{w.ins, w.upd, w.delEntries, w.del, w.insEntry} {
		if st != nil {
			st.Close()
		}
	}
}

// save writes one freshly computed signal unless it is stored unchanged; the stored one it
// matches (by key) is taken off old.
func (w *signalWriter) save(ctx context.Context, companyID int64, sg *Signal, old map[string]*storedSignal, now string) error {
	key := signalKey(sg.Rule, sg.Entries)
	st, kept := old[key]
	var id int64
	if kept {
		delete(old, key)
		if st.digest == digest(sg.Reason, int64(sg.Total), string(sg.Date), sg.Entries) {
			return nil
		}
		id = st.id
		if _, err := w.upd.ExecContext(ctx, sg.Reason, sg.Total, sg.Date, id); err != nil {
			return err
		}
		if _, err := w.delEntries.ExecContext(ctx, id); err != nil {
			return err
		}
	} else {
		res, err := w.ins.ExecContext(ctx, key, sg.Rule, companyID, sg.Reason, sg.Total, sg.Date, now)
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
	}
	for _, e := range sg.Entries {
		if _, err := w.insEntry.ExecContext(ctx, id, e.EntryID, e.Kind, e.Label, e.Date, e.Amount); err != nil {
			return err
		}
	}
	return nil
}

// remove deletes a signal that no longer fires, with its entries.
func (w *signalWriter) remove(ctx context.Context, id int64) error {
	if _, err := w.delEntries.ExecContext(ctx, id); err != nil {
		return err
	}
	_, err := w.del.ExecContext(ctx, id)
	return err
}
