package web

// DefaultDataLicence is the licence of the published data when none is configured.
const DefaultDataLicence = "CC BY 4.0"

// OpenDataConfig configures the open-data outputs (main reads it from the environment).
type OpenDataConfig struct {
	OCDSPrefix string // ocid prefix (env JAWNOSC_OCDS_PREFIX); registry.DefaultOCDSPrefix when empty
	Licence    string // licence of the data, shown on /otwarte-dane (env JAWNOSC_DATA_LICENCE); DefaultDataLicence when empty
	DumpsDir   string // where the nightly dumps are (data/dumps); "" means no downloads listed
}

// licenceURL returns the URL of well-known licences (for OCDS "license"), else "".
func (o OpenDataConfig) licenceURL() string {
	switch o.licence() {
	case "CC BY 4.0":
		return "https://creativecommons.org/licenses/by/4.0/"
	case "CC0 1.0", "CC0":
		return "https://creativecommons.org/publicdomain/zero/1.0/"
	case "ODbL 1.0", "ODbL":
		return "https://opendatacommons.org/licenses/odbl/1-0/"
	case "PDDL 1.0", "PDDL":
		return "https://opendatacommons.org/licenses/pddl/1-0/"
	}
	return ""
}

// licence returns the configured licence or the default.
func (o OpenDataConfig) licence() string {
	if o.Licence == "" {
		return DefaultDataLicence
	}
	return o.Licence
}
