package registry

import (
	"encoding/json"
	"strconv"
)

// OCDSVersion is the version of the Open Contracting Data Standard written and read.
const OCDSVersion = "1.1"

// DefaultOCDSPrefix is the ocid prefix used when none is configured. A deployment should
// register its own prefix with the Open Contracting Partnership and set it (env
// JAWNOSC_OCDS_PREFIX), so that its ocids are unique in the world.
const DefaultOCDSPrefix = "ocds-jawnosc"

// OCDSConfig is what the OCDS mapping needs besides the data.
type OCDSConfig struct {
	Prefix        string // ocid prefix, e.g. "ocds-213czf"; DefaultOCDSPrefix when empty
	PublisherName string // e.g. "Jawność — Kraków"
	BaseURL       string // absolute base of links, e.g. "https://jawnosc.krakow.pl"
	License       string // URL of the data licence, may be ""
}

// OCIDPrefix returns the configured ocid prefix or DefaultOCDSPrefix.
func (cfg OCDSConfig) OCIDPrefix() string {
	if cfg.Prefix == "" {
		return DefaultOCDSPrefix
	}
	return cfg.Prefix
}

// OCID returns the ocid of the contract with the given entry id: "{prefix}-{id}".
func (cfg OCDSConfig) OCID(id int64) string {
	return cfg.OCIDPrefix() + "-" + strconv.FormatInt(id, 10)
}

// OCDSPublisher is the publisher of a package.
type OCDSPublisher struct {
	Name string `json:"name"`
	URI  string `json:"uri,omitempty"`
}

// OCDSReleasePackage is an OCDS 1.1 release package.
type OCDSReleasePackage struct {
	URI               string         `json:"uri"`
	Version           string         `json:"version"`
	PublishedDate     string         `json:"publishedDate"`
	Publisher         OCDSPublisher  `json:"publisher"`
	License           string         `json:"license,omitempty"`
	PublicationPolicy string         `json:"publicationPolicy,omitempty"`
	Releases          []*OCDSRelease `json:"releases"`
}

// OCDSRecordPackage is an OCDS 1.1 record package.
type OCDSRecordPackage struct {
	URI               string        `json:"uri"`
	Version           string        `json:"version"`
	PublishedDate     string        `json:"publishedDate"`
	Publisher         OCDSPublisher `json:"publisher"`
	License           string        `json:"license,omitempty"`
	PublicationPolicy string        `json:"publicationPolicy,omitempty"`
	Records           []*OCDSRecord `json:"records"`
}

// OCDSRecord is every release of one contracting process plus the compiled release.
type OCDSRecord struct {
	OCID            string         `json:"ocid"`
	Releases        []*OCDSRelease `json:"releases"`
	CompiledRelease *OCDSRelease   `json:"compiledRelease,omitempty"`
}

// OCDSRelease is one OCDS release: here, one published version of a contract.
type OCDSRelease struct {
	OCID           string         `json:"ocid"`
	ID             string         `json:"id"`
	Date           string         `json:"date"`
	Tag            []string       `json:"tag"`
	InitiationType string         `json:"initiationType"`
	Language       string         `json:"language,omitempty"`
	Parties        []OCDSParty    `json:"parties,omitempty"`
	Buyer          *OCDSOrgRef    `json:"buyer,omitempty"`
	Tender         *OCDSTender    `json:"tender,omitempty"`
	Awards         []OCDSAward    `json:"awards,omitempty"`
	Contracts      []OCDSContract `json:"contracts,omitempty"`
}

// OCDSOrgRef names a party of the release by its id.
type OCDSOrgRef struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
}

// OCDSParty is an organization (or a natural person, name only) in a release.
type OCDSParty struct {
	ID                    string           `json:"id"`
	Name                  string           `json:"name,omitempty"`
	Identifier            *OCDSIdentifier  `json:"identifier,omitempty"`
	AdditionalIdentifiers []OCDSIdentifier `json:"additionalIdentifiers,omitempty"`
	Address               *OCDSAddress     `json:"address,omitempty"`
	Roles                 []string         `json:"roles"`
}

// OCDSIdentifier is an organization identifier: scheme PL-KRS, PL-REGON or PL-NIP.
type OCDSIdentifier struct {
	Scheme    string `json:"scheme,omitempty"`
	ID        any    `json:"id,omitempty"` // string (or a number in others' data)
	LegalName string `json:"legalName,omitempty"`
}

// OCDSAddress is the part of an address the register keeps.
type OCDSAddress struct {
	Locality    string `json:"locality,omitempty"`
	CountryName string `json:"countryName,omitempty"`
}

// OCDSTender carries the procurement method.
type OCDSTender struct {
	ID                       string `json:"id"`
	Title                    string `json:"title,omitempty"`
	ProcurementMethod        string `json:"procurementMethod,omitempty"`
	ProcurementMethodDetails string `json:"procurementMethodDetails,omitempty"`
}

// OCDSValue is an amount with its currency; Amount is written exactly (no float rounding).
type OCDSValue struct {
	Amount   json.Number `json:"amount"`
	Currency string      `json:"currency"`
}

// OCDSPeriod is a span of time (RFC 3339 date-times).
type OCDSPeriod struct {
	StartDate string `json:"startDate,omitempty"`
	EndDate   string `json:"endDate,omitempty"`
}

// OCDSAward is the award that the contract implements: its supplier and value.
type OCDSAward struct {
	ID        string       `json:"id"`
	Status    string       `json:"status,omitempty"`
	Date      string       `json:"date,omitempty"`
	Value     *OCDSValue   `json:"value,omitempty"`
	Suppliers []OCDSOrgRef `json:"suppliers,omitempty"`
}

// OCDSClassification is a CPV code of an item.
type OCDSClassification struct {
	Scheme      string `json:"scheme,omitempty"`
	ID          any    `json:"id,omitempty"`
	Description string `json:"description,omitempty"`
}

// OCDSItem is what is bought, classified by CPV.
type OCDSItem struct {
	ID                        any                  `json:"id"`
	Description               string               `json:"description,omitempty"`
	Classification            *OCDSClassification  `json:"classification,omitempty"`
	AdditionalClassifications []OCDSClassification `json:"additionalClassifications,omitempty"`
}

// OCDSAmendment is an annex to the contract, with its rationale.
type OCDSAmendment struct {
	ID              string `json:"id"`
	Date            string `json:"date,omitempty"`
	Rationale       string `json:"rationale,omitempty"`
	Description     string `json:"description,omitempty"`
	AmendsReleaseID string `json:"amendsReleaseID,omitempty"`
	ReleaseID       string `json:"releaseID,omitempty"`
}

// OCDSContract is the signed contract.
type OCDSContract struct {
	ID      any `json:"id"`
	AwardID any `json:"awardID"`
	// Number is the company's contract number: an additional field (OCDS 1.1 has none),
	// left out when redacted; the id stays stable across versions.
	Number      string          `json:"contractNumber,omitempty"`
	Title       string          `json:"title,omitempty"`
	Description string          `json:"description,omitempty"`
	Status      string          `json:"status,omitempty"`
	Period      *OCDSPeriod     `json:"period,omitempty"`
	Value       *OCDSValue      `json:"value,omitempty"`
	DateSigned  string          `json:"dateSigned,omitempty"`
	Items       []OCDSItem      `json:"items,omitempty"`
	Amendments  []OCDSAmendment `json:"amendments,omitempty"`
}
