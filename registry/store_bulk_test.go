package registry_test

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"jawnosc/registry"
)

// indexNames lists the indexes SQLite keeps for the store's tables.
func indexNames(t *testing.T, s *registry.Store) []string {
	t.Helper()
	rows, err := s.ReadDB().QueryContext(t.Context(), `SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		out = append(out, n)
	}
	return out
}

func TestBulkLoadContractsAcrossCompanies(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	arm, mpk := MustCreateCompany(t, s, "arm"), MustCreateCompany(t, s, "mpk")
	before := indexNames(t, s)
	if !slices.Contains(before, "contracts_public_value") || !slices.Contains(before, "entries_published") || !slices.Contains(before, "ledger_entry_version") {
		t.Fatalf("indexes of migrations 002 and 007 missing: %v", before)
	}
	at := time.Date(2025, 5, 6, 10, 0, 0, 0, time.UTC)
	item := func(subject string, days int) registry.BulkContract {
		return registry.BulkContract{Data: SampleContract(subject), PublishedAt: at.AddDate(0, 0, days)}
	}
	fill := func(bad bool) func(add func(int64, registry.BulkContract) error) error {
		return func(add func(int64, registry.BulkContract) error) error {
			for i := 0; i < 300; i++ {
				co := arm.ID
				if i%3 == 0 {
					co = mpk.ID
				}
				it := item("Dostawa autobusów", i)
				if bad && i == 250 {
					it.Data.ValueNet = -1
				}
				if err := add(co, it); err != nil {
					return err
				}
			}
			return nil
		}
	}
	err := s.BulkLoadContracts(ctx, system, 300, fill(true))
	if registry.ErrorCode(err) != registry.EINVALID || registry.ErrorFields(err)["251.value_net"] == "" {
		t.Fatalf("bad item 251: %v", err)
	}
	if n, _ := s.CountPublicContracts(ctx); n != 0 {
		t.Fatalf("a failing bulk load wrote %d contracts", n)
	}
	if got := indexNames(t, s); !slices.Equal(got, before) {
		t.Fatalf("indexes after a failed load %v, want %v", got, before)
	}
	if err := s.BulkLoadContracts(ctx, system, 300, fill(false)); err != nil {
		t.Fatal(err)
	}
	if got := indexNames(t, s); !slices.Equal(got, before) {
		t.Fatalf("indexes after the load %v, want %v", got, before)
	}
	n := 0
	for _, co := range []int64{arm.ID, mpk.ID} {
		_, total, err := s.FindContracts(ctx, registry.ContractFilter{CompanyID: &co})
		if err != nil {
			t.Fatal(err)
		}
		n += total
	}
	if n != 300 {
		t.Fatalf("loaded %d contracts, want 300", n)
	}
	if rep, err := s.VerifyLedger(ctx, nil); err != nil || rep.Links != 300 || rep.BrokenAt != 0 {
		t.Fatalf("verify: %+v %v", rep, err)
	}
	var changes int
	if err := s.ReadDB().QueryRowContext(ctx, `SELECT COUNT(*) FROM changes`).Scan(&changes); err != nil || changes != 300 {
		t.Fatalf("change sequence: %d %v", changes, err)
	}
	var integrity string
	if err := s.ReadDB().QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&integrity); err != nil || integrity != "ok" {
		t.Fatalf("integrity: %s %v", integrity, err)
	}
}

func TestBulkLoadContractsStopsOnFillError(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	arm := MustCreateCompany(t, s, "arm")
	boom := errors.New("source broke")
	err := s.BulkLoadContracts(ctx, system, 10, func(add func(int64, registry.BulkContract) error) error {
		if err := add(arm.ID, registry.BulkContract{Data: SampleContract("Sprzątanie"), PublishedAt: time.Now()}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("fill error: %v", err)
	}
	err = s.BulkLoadContracts(ctx, system, 1, func(add func(int64, registry.BulkContract) error) error {
		return add(arm.ID+100, registry.BulkContract{Data: SampleContract("Sprzątanie"), PublishedAt: time.Now()})
	})
	if registry.ErrorCode(err) != registry.ENOTFOUND {
		t.Fatalf("unknown company: %v", err)
	}
	if n, _ := s.CountPublicContracts(ctx); n != 0 {
		t.Fatalf("failed loads wrote %d contracts", n)
	}
}
