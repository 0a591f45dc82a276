package registry

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"sort"
	"strings"
	"time"

	sqlite3 "github.com/mattn/go-sqlite3"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Store is the SQLite source of truth: one connection for writes, a pool for reads.
type Store struct {
	Path  string
	write *sql.DB
	read  *sql.DB
	// Now returns the current time; tests pin it.
	Now func() time.Time
	// PasswordParams are the argon2id costs of new password hashes; zero means
	// DefaultPasswordParams (tests lower them to keep the suite fast).
	PasswordParams PasswordParams
	counts         countCache // totals of public contract listings (contract_count.go)
}

// timeFormat is how timestamps are stored: UTC, sortable, with milliseconds.
const timeFormat = "2006-01-02T15:04:05.000Z"

func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Set("_foreign_keys", "on")
	q.Set("_journal_mode", "WAL")
	q.Set("_busy_timeout", "10000")
	q.Set("_synchronous", "NORMAL")
	q.Set("_cache_size", "-65536")
	if readOnly {
		q.Set("mode", "ro")
	} else {
		q.Set("_txlock", "immediate")
	}
	return "file:" + path + "?" + q.Encode()
}

// Open opens (creating if needed) the database at path and applies pending migrations.
func Open(path string) (*Store, error) {
	w, err := sql.Open("sqlite3", dsn(path, false))
	if err != nil {
		return nil, err
	}
	w.SetMaxOpenConns(1)
	w.SetConnMaxIdleTime(0)
	s := &Store{Path: path, write: w, Now: time.Now}
	if err := s.migrate(context.Background()); err != nil {
		w.Close()
		return nil, fmt.Errorf("migrate %s: %w", path, err)
	}
	r, err := sql.Open("sqlite3", dsn(path, true))
	if err != nil {
		w.Close()
		return nil, err
	}
	r.SetMaxOpenConns(8)
	s.read = r
	return s, nil
}

// Close closes both pools, checkpointing the WAL.
func (s *Store) Close() error {
	var errs []error
	if s.read != nil {
		errs = append(errs, s.read.Close())
	}
	if s.write != nil {
		_, _ = s.write.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		errs = append(errs, s.write.Close())
	}
	return errors.Join(errs...)
}

// DB returns the write pool for packages that keep their own tables in this database
// (appeals, audits). They must use transactions from BeginTx.
func (s *Store) DB() *sql.DB { return s.write }

// ReadDB returns the read-only pool.
func (s *Store) ReadDB() *sql.DB { return s.read }

// migrate applies every embedded migration not yet recorded, each in its own transaction.
func (s *Store) migrate(ctx context.Context) error {
	if err := Migrate(ctx, s.write, migrationFS, "migrations", "registry"); err != nil {
		return err
	}
	return s.backfillAttachmentLinks(ctx)
}

// Migrate applies the *.sql files of dir in fsys, in name order, that are not yet
// recorded under the given namespace in the migrations table. Other packages
// (appeals, audits) call it with their own embedded migrations and namespace.
func Migrate(ctx context.Context, db *sql.DB, fsys fs.FS, dir, namespace string) error {
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (namespace TEXT NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (namespace, name))`); err != nil {
		return err
	}
	names, err := fs.Glob(fsys, dir+"/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		base := name[strings.LastIndex(name, "/")+1:]
		if err := migrateFile(ctx, db, fsys, name, namespace, base); err != nil {
			return fmt.Errorf("%s/%s: %w", namespace, base, err)
		}
	}
	return nil
}

func migrateFile(ctx context.Context, db *sql.DB, fsys fs.FS, path, namespace, name string) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM migrations WHERE namespace = ? AND name = ?`, namespace, name).Scan(&n); err != nil {
		return err
	} else if n > 0 {
		return nil
	}
	buf, err := fs.ReadFile(fsys, path)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(buf)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO migrations (namespace, name, applied_at) VALUES (?, ?, ?)`, namespace, name, time.Now().UTC().Format(timeFormat)); err != nil {
		return err
	}
	return tx.Commit()
}

// formatError translates driver errors: UNIQUE → EconFLICT, no rows → ENOTFOUND.
func formatError(err error) error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	if errors.Is(err, sql.ErrNoRows) {
		return Errorf(ENOTFOUND, "Nie znaleziono.")
	}
	var se sqlite3.Error
	if errors.As(err, &se) && se.Code == sqlite3.ErrConstraint {
		if se.ExtendedCode == sqlite3.ErrConstraintUnique || se.ExtendedCode == sqlite3.ErrConstraintPrimaryKey {
			return &Error{Code: ECONFLICT, Message: "Taki wpis już istnieje.", Err: err}
		}
		return &Error{Code: ECONFLICT, Message: "Operacja narusza spójność danych.", Err: err}
	}
	return Internal(err)
}

func (s *Store) now() time.Time {
	if s.Now != nil {
		return s.Now().UTC()
	}
	return time.Now().UTC()
}

func fmtTime(t time.Time) string { return t.UTC().Format(timeFormat) }

func parseTime(s string) time.Time {
	t, _ := time.Parse(timeFormat, s)
	return t
}

// FormatTime formats a timestamp as every package stores it in the database: UTC, sortable,
// with milliseconds (appeals and audits keep their tables beside the registry's).
func FormatTime(t time.Time) string { return fmtTime(t) }

// ParseTime reads a timestamp written by FormatTime (the zero time when malformed).
func ParseTime(s string) time.Time { return parseTime(s) }

// FormatError translates database driver errors for every package that keeps tables in this
// database: an *Error passes unchanged, no rows → ENOTFOUND, UNIQUE and other constraints →
// ECONFLICT, anything else → EINTERNAL.
func FormatError(err error) error { return formatError(err) }
