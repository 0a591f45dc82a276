// Package ocdstest validates OCDS documents against the OCDS 1.1 JSON schemas kept in the
// shared data folder beside the project (../shared/data/ocds-schema-1.1 from the module
// root; CI clones the project beside a copy of shared/). Tests only.
package ocdstest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// Published URLs of the schemas; $ref in the package schema names the release schema by it.
const (
	ReleaseSchemaURL        = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json"
	ReleasePackageSchemaURL = "https://standard.open-contracting.org/schema/1__1__5/release-package-schema.json"
)

// SharedDir returns the shared data folder: "shared" beside the module root, or the
// folder named by JAWNOSC_SHARED (for work trees that do not sit beside shared/). It fails
// the test when neither exists.
func SharedDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("ocdstest: no go.mod above the working directory")
		}
		dir = parent
	}
	candidates := []string{filepath.Join(filepath.Dir(dir), "shared")}
	if v := os.Getenv("JAWNOSC_SHARED"); v != "" {
		candidates = append(candidates, v)
	}
	for _, c := range candidates {
		if st, err := os.Stat(filepath.Join(c, "data")); err == nil && st.IsDir() {
			return c
		}
	}
	tb.Fatalf("ocdstest: shared data not found in %s (set JAWNOSC_SHARED to the shared folder)", strings.Join(candidates, ", "))
	return ""
}

var (
	compileOnce sync.Once
	schemas     [2]*jsonschema.Schema
	compileErr  error
)

// compile loads both schemas once (draft-04, formats asserted), mapping their published
// URLs to the local files.
func compile(tb testing.TB) (release, pkg *jsonschema.Schema) {
	tb.Helper()
	dir := filepath.Join(SharedDir(tb), "data", "ocds-schema-1.1")
	compileOnce.Do(func() {
		c := jsonschema.NewCompiler()
		c.DefaultDraft(jsonschema.Draft4)
		c.AssertFormat()
		for url, file := range map[string]string{ReleaseSchemaURL: "release-schema.json", ReleasePackageSchemaURL: "release-package-schema.json"} {
			f, err := os.Open(filepath.Join(dir, file))
			if err != nil {
				compileErr = err
				return
			}
			doc, err := jsonschema.UnmarshalJSON(f)
			f.Close()
			if err != nil {
				compileErr = fmt.Errorf("%s: %w", file, err)
				return
			}
			if err := c.AddResource(url, doc); err != nil {
				compileErr = err
				return
			}
		}
		if schemas[0], compileErr = c.Compile(ReleaseSchemaURL); compileErr != nil {
			return
		}
		schemas[1], compileErr = c.Compile(ReleasePackageSchemaURL)
	})
	if compileErr != nil {
		tb.Fatalf("ocdstest: compiling the OCDS schemas: %v", compileErr)
	}
	return schemas[0], schemas[1]
}

// ValidateReleasePackage fails the test when doc is not a valid OCDS 1.1 release package.
// It returns the number of releases.
func ValidateReleasePackage(tb testing.TB, doc []byte) int {
	tb.Helper()
	_, pkg := compile(tb)
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	if err != nil {
		tb.Fatalf("release package is not JSON: %v", err)
	}
	if err := pkg.Validate(inst); err != nil {
		tb.Fatalf("release package does not validate against the OCDS 1.1 schema:\n%v", err)
	}
	m, _ := inst.(map[string]any)
	rs, _ := m["releases"].([]any)
	return len(rs)
}

// ValidateRecordPackage checks an OCDS 1.1 record package. The shared folder holds no
// record-package schema, so the package's required fields (uri, publisher, publishedDate,
// records, version; each record's ocid and releases) are checked here and every embedded
// release and compiled release is validated against the release schema. It returns the
// records.
func ValidateRecordPackage(tb testing.TB, doc []byte) []map[string]any {
	tb.Helper()
	rel, _ := compile(tb)
	var pkg map[string]any
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	if err := dec.Decode(&pkg); err != nil {
		tb.Fatalf("record package is not JSON: %v", err)
	}
	for _, k := range []string{"uri", "publisher", "publishedDate", "records", "version"} {
		if _, ok := pkg[k]; !ok {
			tb.Fatalf("record package lacks %q", k)
		}
	}
	if pkg["version"] != "1.1" {
		tb.Fatalf("record package version %v, want 1.1", pkg["version"])
	}
	recs, _ := pkg["records"].([]any)
	var out []map[string]any
	for i, r := range recs {
		rec, _ := r.(map[string]any)
		ocid, _ := rec["ocid"].(string)
		rs, _ := rec["releases"].([]any)
		if ocid == "" || len(rs) == 0 {
			tb.Fatalf("record %d: needs an ocid and releases", i)
		}
		all := append([]any{}, rs...)
		if c, ok := rec["compiledRelease"]; ok {
			all = append(all, c)
		}
		for j, x := range all {
			b, _ := json.Marshal(x)
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
			if err != nil {
				tb.Fatal(err)
			}
			if err := rel.Validate(inst); err != nil {
				tb.Fatalf("record %s release %d does not validate against the OCDS 1.1 release schema:\n%v", ocid, j, err)
			}
			if xo, _ := x.(map[string]any); xo["ocid"] != ocid {
				tb.Fatalf("record %s release %d has ocid %v", ocid, j, xo["ocid"])
			}
		}
		out = append(out, rec)
	}
	return out
}
