package registry

// Procurement modes (codes used in CSV, API and database; Polish labels on pages).
const (
	ModeOpenTender              = "open_tender"
	ModeRestrictedTender        = "restricted_tender"
	ModeNegotiated              = "negotiated"
	ModeQuotationBelowThreshold = "quotation_below_threshold"
	ModeDirectAward             = "direct_award"
	ModeInHouse                 = "in_house"
	ModeFrameworkCallOff        = "framework_call_off"
	ModeExempt                  = "exempt"
	ModeOther                   = "other"
)

// ProcurementModes lists every mode in display order with its Polish label.
var ProcurementModes = []Label{
	{ModeOpenTender, "przetarg nieograniczony"},
	{ModeRestrictedTender, "przetarg ograniczony"},
	{ModeNegotiated, "negocjacje"},
	{ModeQuotationBelowThreshold, "zapytanie ofertowe poniżej progu"},
	{ModeDirectAward, "zamówienie z wolnej ręki"},
	{ModeInHouse, "zamówienie in-house"},
	{ModeFrameworkCallOff, "zamówienie w ramach umowy ramowej"},
	{ModeExempt, "wyłączone ze stosowania Pzp"},
	{ModeOther, "inny tryb"},
}

// Redaction grounds.
var RedactionGrounds = []Label{
	{"trade_secret", "tajemnica przedsiębiorcy"},
	{"privacy", "prywatność osoby fizycznej"},
	{"classified", "informacja niejawna"},
	{"other_statute", "inna ustawa"},
}

// Label pairs a stable code with its Polish label.
type Label struct {
	Code  string `json:"code"`
	Label string `json:"label"`
}

// LabelOf returns the Polish label of code in labels, or code itself when unknown.
func LabelOf(labels []Label, code string) string {
	for _, l := range labels {
		if l.Code == code {
			return l.Label
		}
	}
	return code
}

// Counterparty is the other side of a contract. Natural persons: name only, no address.
type Counterparty struct {
	// Fields are in the alphabetical order of their JSON keys, so that encoding/json writes
	// canonical JSON directly (see prepareContract).
	Country string `json:"country"` // ISO 3166-1 alpha-2, "PL" default
	KRS     string `json:"krs"`
	Name    string `json:"name"`
	Person  bool   `json:"natural_person,omitempty"`
	NIP     string `json:"nip"`
	REGON   string `json:"regon"`
	Town    string `json:"town"`
}

// Redaction records that a field is withheld, why and on what legal ground. The fact is public.
type Redaction struct {
	Field         string `json:"field"`
	Ground        string `json:"ground"` // one of RedactionGrounds
	Justification string `json:"justification"`
}

// ContractData is the versioned content of a contract: what an officer files and the
// ledger hashes. Field names are those of the JSON API and the CSV import.
type ContractData struct {
	// Fields are in the alphabetical order of their JSON keys, so that encoding/json writes
	// canonical JSON directly (see prepareContract).
	Counterparty    Counterparty `json:"counterparty"`
	CPV             string       `json:"cpv"`
	Currency        string       `json:"currency"`
	Description     string       `json:"description"`
	EndOn           Date         `json:"end_on"`
	EUFunded        bool         `json:"eu_funded"`
	Number          string       `json:"number"`
	ProcurementMode string       `json:"procurement_mode"`
	Redactions      []Redaction  `json:"redactions"`
	SignedOn        Date         `json:"signed_on"`
	StartOn         Date         `json:"start_on"`
	Subject         string       `json:"subject"`
	ValueGross      Money        `json:"value_gross"`
	ValueNet        Money        `json:"value_net"`
}

// Contract is a contract register entry in its current state.
type Contract struct {
	EntryMeta
	ContractData
	// PublicationDelayDays is published − signed in days (nil for drafts).
	PublicationDelayDays *int `json:"publication_delay_days"`
}

// ContractFilter selects contracts. Nil pointers mean "not given".
type ContractFilter struct {
	ID           *int64
	CompanyID    *int64
	CompanySlug  *string
	Year         *int
	Mode         *string
	NIP          *string
	ValueMin     *Money   // net, inclusive
	ValueMax     *Money   // net, inclusive
	Counterparty *string  // substring of the counterparty name
	Status       []string // default: published and withdrawn (what the public sees)
	Sort         string   // "date" (default, newest first), "value", "published"
	// Viewer is who reads: contracts of the companies it may write for come in full, all
	// others as their public view. The zero value is the public.
	Viewer Actor
	Offset int
	Limit  int
}
