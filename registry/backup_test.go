package registry_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"jawnosc/registry"
)

func TestBackupIsCompleteAndRotates(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	co := MustCreateCompany(t, s, "mpk")
	if _, err := s.CreateContract(ctx, system, co.ID, SampleContract("Dostawa autobusów"), true); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "kopia.db")
	if err := s.Backup(ctx, file); err != nil {
		t.Fatal(err)
	}
	if err := s.Backup(ctx, file); registry.ErrorCode(err) != registry.ECONFLICT {
		t.Fatalf("second backup over the first: %v", err)
	}
	copyStore, err := registry.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer copyStore.Close()
	rep, err := copyStore.VerifyLedger(ctx, nil)
	if err != nil || rep.BrokenAt != 0 || rep.Links != 1 {
		t.Fatalf("verify copy: %+v %v", rep, err)
	}
	if cs, n, err := copyStore.FindContracts(ctx, registry.ContractFilter{}); err != nil || n != 1 || cs[0].Subject != "Dostawa autobusów" {
		t.Fatalf("copy's contracts: %d %v", n, err)
	}

	nightly := filepath.Join(dir, "backups")
	day := time.Date(2026, 3, 1, 2, 30, 0, 0, time.UTC)
	for i := range 9 {
		if _, err := s.RotateBackup(ctx, nightly, day.AddDate(0, 0, i), 7); err != nil {
			t.Fatal(err)
		}
	}
	names, err := registry.ListBackups(nightly)
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != 7 || names[0] != "jawnosc-20260303T023000Z.db" || names[6] != "jawnosc-20260309T023000Z.db" {
		t.Fatalf("kept: %v", names)
	}
	if leftovers, _ := filepath.Glob(filepath.Join(nightly, "*.partial")); len(leftovers) != 0 {
		t.Fatalf("partial files left: %v", leftovers)
	}
	if _, err := os.Stat(filepath.Join(nightly, names[0])); err != nil {
		t.Fatal(err)
	}
}
