package main

import (
	"fmt"
	"io"
	"os"

	"jawnosc/registry"
)

// readImportFile reads an import file whole, refusing one above registry.DefaultMaxTableBytes.
func readImportFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, registry.DefaultMaxTableBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > registry.DefaultMaxTableBytes {
		return nil, fmt.Errorf("%s: the file is larger than %d MiB", path, registry.DefaultMaxTableBytes>>20)
	}
	return data, nil
}

// parseContractsFile reads contracts from a CSV or XLSX file (told apart by content) with
// the same rules as the panel's import.
func parseContractsFile(data []byte) ([]registry.ContractData, error) {
	t, _, err := registry.ReadTableFile(data, 0)
	if err != nil {
		return nil, err
	}
	return registry.ParseContractsTable(t)
}
