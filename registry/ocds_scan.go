package registry

import (
	"context"
	"database/sql"
	"time"
)

// historyChunk is how many contracts ScanContractHistories reads versions for at once.
const historyChunk = 500

// ScanContractHistories calls fn for every public contract in id order with its published
// versions as the public sees them (oldest first, redactions applied as in
// FindContractHistory, without ledger hashes), reading versions for a chunk
// of contracts per query, so the whole register streams in bounded memory.
func (s *Store) ScanContractHistories(ctx context.Context, fn func(*Contract, []*ContractVersion) error) error {
	batch := make([]*Contract, 0, historyChunk)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		hist, err := s.versionsBetween(ctx, batch[0].ID, batch[len(batch)-1].ID)
		if err != nil {
			return err
		}
		for _, ct := range batch {
			if err := publicHistory(hist[ct.ID]); err != nil {
				return formatError(err)
			}
			if err := fn(ct, hist[ct.ID]); err != nil {
				return err
			}
		}
		batch = batch[:0]
		return nil
	}
	err := s.ScanContracts(ctx, func(ct *Contract) error {
		batch = append(batch, ct)
		if len(batch) < historyChunk {
			return nil
		}
		return flush()
	})
	if err != nil {
		return err
	}
	return flush()
}

// versionsBetween returns the published contract versions of entries lo..hi by entry id.
func (s *Store) versionsBetween(ctx context.Context, lo, hi int64) (map[int64][]*ContractVersion, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT v.entry_id, v.version, v.change_kind, v.reason, v.annex_date, v.created_by, v.created_at, v.data
		FROM entry_versions v WHERE v.entry_id BETWEEN ? AND ? AND v.published = 1 ORDER BY v.entry_id, v.version`, lo, hi)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	out := make(map[int64][]*ContractVersion)
	for rows.Next() {
		cv := &ContractVersion{}
		var data, annex string
		if err := rows.Scan(&cv.EntryID, &cv.Version.Version, &cv.ChangeKind, &cv.Reason, &annex, &cv.CreatedBy, (*timeCol)(&cv.CreatedAt), &data); err != nil {
			return nil, formatError(err)
		}
		cv.AnnexDate, cv.Data = Date(annex), []byte(data)
		if err := decodeData(cv.Data, &cv.Contract); err != nil {
			return nil, formatError(err)
		}
		out[cv.EntryID] = append(out[cv.EntryID], cv)
	}
	return out, formatError(rows.Err())
}

// PublicLastModified returns when the public registers last changed: the time of the last
// ledger link (every publication, amendment, correction and withdrawal adds one), or the
// zero time when nothing is published. One index lookup; exports, feeds and entry pages send
// it as Last-Modified.
func (s *Store) PublicLastModified(ctx context.Context) (time.Time, error) {
	var v string
	err := s.read.QueryRowContext(ctx, `SELECT created_at FROM ledger ORDER BY seq DESC LIMIT 1`).Scan(&v)
	if err == sql.ErrNoRows {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, formatError(err)
	}
	return parseTime(v), nil
}
