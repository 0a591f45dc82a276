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
	Name    string `json:"name"`
	NIP     string `json:"nip"`
	REGON   string `json:"regon"`
	KRS     string `json:"krs"`
	Country string `json:"country"` // ISO 3166-1 alpha-2, "PL" default
	Town    string `json:"town"`
	Person  bool   `json:"natural_person,omitempty"`
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
	Number          string       `json:"number"`
	SignedOn        Date         `json:"signed_on"`
	Subject         string       `json:"subject"`
	Description     string       `json:"description"`
	Counterparty    Counterparty `json:"counterparty"`
	ValueNet        Money        `json:"value_net"`
	ValueGross      Money        `json:"value_gross"`
	Currency        string       `json:"currency"`
	ProcurementMode string       `json:"procurement_mode"`
	CPV             string       `json:"cpv"`
	StartOn         Date         `json:"start_on"`
	EndOn           Date         `json:"end_on"`
	EUFunded        bool         `json:"eu_funded"`
	Redactions      []Redaction  `json:"redactions"`
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
	Offset       int
	Limit        int
}
