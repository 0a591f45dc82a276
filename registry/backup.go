package registry

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Backup writes a consistent copy of the whole database (every package's tables) to path
// while the server keeps running, with SQLite's VACUUM INTO on the read pool, so writers
// are not blocked. The copy is written beside path and renamed into place, so path is
// either absent or complete. An existing path is ECONFLICT; other failures EINTERNAL.
func (s *Store) Backup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return Errorf(ECONFLICT, "Plik %s już istnieje; wskaż nowy plik kopii.", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return Internal(err)
	}
	tmp := path + ".partial"
	_ = os.Remove(tmp)
	if _, err := s.read.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		_ = os.Remove(tmp)
		return Internal(fmt.Errorf("backup: %w", err))
	}
	if err := os.Rename(tmp, path); err != nil {
		_ = os.Remove(tmp)
		return Internal(fmt.Errorf("backup: %w", err))
	}
	return nil
}

// backupPrefix and backupSuffix frame the names of rotated backups:
// jawnosc-20260302T031500Z.db (UTC, so names sort by time).
const (
	backupPrefix = "jawnosc-"
	backupSuffix = ".db"
)

// RotateBackup writes a backup named for now into dir and then deletes the oldest rotated
// backups so that keep remain. It returns the new file's path. Errors: EINTERNAL.
func (s *Store) RotateBackup(ctx context.Context, dir string, now time.Time, keep int) (string, error) {
	path := filepath.Join(dir, backupPrefix+now.UTC().Format("20060102T150405Z")+backupSuffix)
	if err := s.Backup(ctx, path); err != nil {
		return "", err
	}
	names, err := ListBackups(dir)
	if err != nil {
		return path, err
	}
	for len(names) > keep && keep > 0 {
		if err := os.Remove(filepath.Join(dir, names[0])); err != nil {
			return path, Internal(err)
		}
		names = names[1:]
	}
	return path, nil
}

// ListBackups returns the names of the rotated backups in dir, oldest first.
func ListBackups(dir string) ([]string, error) {
	des, err := os.ReadDir(dir)
	if err != nil {
		if os.IsNotExist(err) {
			return nil, nil
		}
		return nil, Internal(err)
	}
	var names []string
	for _, de := range des {
		n := de.Name()
		if de.Type().IsRegular() && strings.HasPrefix(n, backupPrefix) && strings.HasSuffix(n, backupSuffix) {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names, nil
}
