package search

import (
	"strconv"
	"strings"

	"jawnosc/registry"
)

// Doc is one register entry as the index sees it. ID is "<kind>:<entry id>", e.g. "contract:42".
type Doc struct {
	ID          string `json:"id"`
	Kind        string `json:"kind"`
	EntryID     int64  `json:"entry_id"`
	Company     string `json:"company"`      // company slug
	CompanyName string `json:"company_name"` // short name
	Title       string `json:"title"`        // subject / title: boosted
	Body        string `json:"body"`         // description and other text
	// Counterparty is the counterparty's name; NIP its tax number (exact-match searchable).
	Counterparty string `json:"counterparty"`
	NIP          string `json:"nip"`
	Number       string `json:"number"` // the company's own number (exact-match searchable)
	Date         string `json:"date"`   // "2023-05-17", the entry's date (signed_on for contracts)
	Mode         string `json:"mode"`   // procurement mode code ("" for non-contracts)
	ValueNet     int64  `json:"value_net"`
	// Currency is the ISO 4217 code of ValueNet; "" (documents indexed before it was kept) means PLN.
	Currency string `json:"currency,omitempty"`
	Status   string `json:"status"` // published / withdrawn
	URL      string `json:"url"`    // "/umowy/42"
}

// DocID returns the index id of an entry: "<kind>:<entry id>".
func DocID(kind string, entryID int64) string {
	return kind + ":" + strconv.FormatInt(entryID, 10)
}

// DocFromContract maps the public view of a contract (registry.Contract.Public: redacted
// fields blanked, so no redacted value is indexed, found or shown in a snippet) to its
// index document: URL "/umowy/{id}", Title its display title, Body the description and
// the counterparty's town.
func DocFromContract(c *registry.Contract) Doc {
	c = c.Public()
	body := c.Description
	if t := strings.TrimSpace(c.Counterparty.Town); t != "" {
		if body != "" {
			body += " "
		}
		body += t
	}
	return Doc{
		ID:           DocID(registry.KindContract, c.ID),
		Kind:         registry.KindContract,
		EntryID:      c.ID,
		Company:      c.Company,
		CompanyName:  c.CompanyName,
		Title:        c.DisplayTitle(),
		Body:         body,
		Counterparty: c.Counterparty.Name,
		NIP:          c.Counterparty.NIP,
		Number:       c.Number,
		Date:         string(c.SignedOn),
		Mode:         c.ProcurementMode,
		ValueNet:     int64(c.ValueNet),
		Currency:     c.Currency,
		Status:       c.Status,
		URL:          "/umowy/" + strconv.FormatInt(c.ID, 10),
	}
}
