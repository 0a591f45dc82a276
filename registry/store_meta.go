package registry

import (
	"context"
	"database/sql"
)

// SetMeta stores a setting (e.g. "demo" = "1").
func (s *Store) SetMeta(ctx context.Context, key, value string) error {
	_, err := s.write.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value)
	return formatError(err)
}

// Meta returns a setting, "" when absent.
func (s *Store) Meta(ctx context.Context, key string) (string, error) {
	var v string
	err := s.read.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return v, formatError(err)
}

// IsDemo reports whether the database holds the demo data set.
func (s *Store) IsDemo(ctx context.Context) (bool, error) {
	v, err := s.Meta(ctx, "demo")
	return v == "1", err
}

// LastChangeSeq returns the newest change sequence number (0 when none).
func (s *Store) LastChangeSeq(ctx context.Context) (int64, error) {
	var seq sql.NullInt64
	err := s.read.QueryRowContext(ctx, `SELECT MAX(seq) FROM changes`).Scan(&seq)
	return seq.Int64, formatError(err)
}

// ChangesAfter returns up to limit changes with seq > after, oldest first.
func (s *Store) ChangesAfter(ctx context.Context, after int64, limit int) ([]Change, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT seq, entry_id, kind FROM changes WHERE seq > ? ORDER BY seq LIMIT ?`, after, limit)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	var out []Change
	for rows.Next() {
		var c Change
		if err := rows.Scan(&c.Seq, &c.EntryID, &c.Kind); err != nil {
			return nil, formatError(err)
		}
		out = append(out, c)
	}
	return out, formatError(rows.Err())
}
