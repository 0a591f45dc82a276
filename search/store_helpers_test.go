package search

import (
	"context"
	"path/filepath"
	"testing"

	"jawnosc/registry"
)

// mustOpenStoreMPK opens a real SQLite store in a temporary directory with one company, MPK,
// and closes it when the test ends.
func mustOpenStoreMPK(t *testing.T) (*registry.Store, *registry.Company) {
	t.Helper()
	st, err := registry.Open(filepath.Join(t.TempDir(), "jawnosc.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	co := &registry.Company{Slug: "mpk", Name: "Miejskie Przedsiębiorstwo Komunikacyjne S.A.", ShortName: "MPK", LegalForm: "S.A.", City: "Kraków"}
	if err := st.CreateCompany(context.Background(), registry.SystemActor("test"), co); err != nil {
		t.Fatal(err)
	}
	return st, co
}
