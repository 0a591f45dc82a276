package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"jawnosc/registry"
)

// importRegister imports a CSV or XLSX file into expenses, ads or recruitments, with an optional
// column mapping ("their=ours,…") and fixed values ("ours=value,…"): all or nothing. With
// a mapping the file's other columns that are not ours are ignored (and listed on out).
func importRegister(ctx context.Context, store *registry.Store, co *registry.Company, register, path, mapping, set string, out, errOut io.Writer) error {
	imp := store.Importer(register)
	if imp == nil {
		return fmt.Errorf("unknown register %q (known: contracts, ocds, expenses, ads, recruitments)", register)
	}
	var m registry.Mapping
	var err error
	if mapping != "" {
		if m.Columns, err = registry.ParseMapping(mapping); err != nil {
			return err
		}
		m.IgnoreOthers = true
	}
	if set != "" {
		if m.Set, err = registry.ParseMapping(set); err != nil {
			return err
		}
	}
	data, err := readImportFile(path)
	if err != nil {
		return err
	}
	t, _, err := registry.ReadTableFile(data, 0)
	if err != nil {
		return err
	}
	n, err := imp.ImportTable(ctx, registry.SystemActor("import"), co.ID, t, m)
	if err != nil {
		var ie *registry.ImportError
		if errors.As(err, &ie) {
			fmt.Fprintln(errOut, ie.Error())
			return fmt.Errorf("%s: %d bad rows, nothing imported", path, len(ie.Rows)+ie.Omitted)
		}
		return err
	}
	if m.IgnoreOthers {
		var ignored []string
		ours := imp.ColumnNames()
		for _, h := range t.Header {
			if _, mapped := m.Columns[h]; !mapped && h != "" && !slices.Contains(ours, strings.ToLower(h)) {
				ignored = append(ignored, h)
			}
		}
		if len(ignored) > 0 {
			fmt.Fprintf(out, "ignored columns: %s\n", strings.Join(ignored, ", "))
		}
	}
	fmt.Fprintf(out, "imported %d %s into %s (%s, delimiter %q); a running server indexes them within seconds\n", n, register, co.Slug, t.Encoding, t.Delimiter)
	return nil
}

// parseInterspersed parses flags given before, between or after the positional arguments
// (`import --company x ads FILE.csv --map '…'`) and returns the positional ones.
func parseInterspersed(fs *flag.FlagSet, args []string) []string {
	var pos []string
	for {
		fs.Parse(args)
		args = fs.Args()
		if len(args) == 0 {
			return pos
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}
