package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"jawnosc/registry"
	"jawnosc/web"
)

// openDataConfig reads the open-data settings: JAWNOSC_OCDS_PREFIX (ocid prefix) and
// JAWNOSC_DATA_LICENCE (licence of the published data); dumps live in DATA/dumps.
func openDataConfig(dataDir string) web.OpenDataConfig {
	return web.OpenDataConfig{OCDSPrefix: os.Getenv("JAWNOSC_OCDS_PREFIX"), Licence: os.Getenv("JAWNOSC_DATA_LICENCE"),
		DumpsDir: filepath.Join(dataDir, "dumps")}
}

// importOCDS imports the contracts of an OCDS release package into company co: every
// part of the package that has no place in the register is listed on out, every invalid
// contract on errOut (and nothing is imported).
func importOCDS(ctx context.Context, store *registry.Store, co *registry.Company, r io.Reader, path string, out, errOut io.Writer) error {
	imp, err := registry.ParseOCDSReleasePackage(r)
	if err != nil {
		if fields := registry.ErrorFields(err); len(fields) > 0 {
			keys := make([]string, 0, len(fields))
			for k := range fields {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				fmt.Fprintf(errOut, "%s: %s\n", k, fields[k])
			}
			return fmt.Errorf("%s: %d errors, nothing imported", path, len(fields))
		}
		return err
	}
	for _, n := range imp.Notes {
		fmt.Fprintln(out, "not imported / changed:", n)
	}
	n, err := store.ImportContracts(ctx, registry.SystemActor("import"), co.ID, imp.Contracts)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "imported %d contracts into %s from %s (%d notes above); a running server indexes them within seconds\n", n, co.Slug, path, len(imp.Notes))
	return nil
}
