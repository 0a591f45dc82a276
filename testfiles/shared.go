// Package testfiles finds the shared test data that lives beside the project (not in it):
// the project is cloned next to a copy of shared/, so a file is looked up as
// ../shared/<rel> from the module root, and from each folder above it.
package testfiles

import (
	"os"
	"path/filepath"
	"testing"
)

// Shared returns the path of shared/<rel> (e.g. "data/medientransparenz-at/mtg.csv"),
// or $JAWNOSC_SHARED/<rel> when that variable is set. A missing file fails the test: the
// data is part of the acceptance, never skipped.
func Shared(tb testing.TB, rel string) string {
	tb.Helper()
	if dir := os.Getenv("JAWNOSC_SHARED"); dir != "" {
		p := filepath.Join(dir, rel)
		if _, err := os.Stat(p); err != nil {
			tb.Fatalf("JAWNOSC_SHARED: %v", err)
		}
		return p
	}
	root, err := moduleRoot()
	if err != nil {
		tb.Fatal(err)
	}
	for dir := root; ; dir = filepath.Dir(dir) {
		p := filepath.Join(dir, "..", "shared", rel)
		if _, err := os.Stat(p); err == nil {
			return p
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	tb.Fatalf("shared test data %s not found as ../shared/%s from %s or a folder above it (set JAWNOSC_SHARED)", rel, rel, root)
	return ""
}

// moduleRoot walks up from the working directory to the folder holding go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", os.ErrNotExist
		}
		dir = parent
	}
}

// The Austrian media transparency file (shared/data/medientransparenz-at/mtg.csv): 2 134
// advertising reports of public bodies, amounts in euro, quarters like 20123. MTGMap maps
// its columns onto the ad register's (as given to `jawnosc import --map`), MTGSet the values
// it lacks (`--set`).
const (
	MTGPath = "data/medientransparenz-at/mtg.csv"
	MTGMap  = "medium=outlet_name,MEDIUM_MEDIENINHABER=outlet_publisher,bekanntgabe_description=campaign,RECHTSTRÄGER=description,QUARTAL=period_quarter,EURO=amount_gross"
	MTGSet  = "outlet_kind=other,content_kind=advertisement,procedure=other,currency=EUR"
)
