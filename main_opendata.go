package main

import (
	"os"
	"path/filepath"

	"jawnosc/web"
)

// openDataConfig reads the open-data settings: JAWNOSC_OCDS_PREFIX (ocid prefix) and
// JAWNOSC_DATA_LICENCE (licence of the published data); dumps live in DATA/dumps.
func openDataConfig(dataDir string) web.OpenDataConfig {
	return web.OpenDataConfig{OCDSPrefix: os.Getenv("JAWNOSC_OCDS_PREFIX"), Licence: os.Getenv("JAWNOSC_DATA_LICENCE"),
		DumpsDir: filepath.Join(dataDir, "dumps")}
}
