package registry

import (
	"context"
	"fmt"
	"strings"
)

// FieldChange is one field that differs between two versions, for display.
type FieldChange struct {
	Field string `json:"field"`
	Label string `json:"label"` // Polish
	Old   string `json:"old"`
	New   string `json:"new"`
}

// ContractVersion is a published version of a contract with what changed since the previous one.
type ContractVersion struct {
	Version
	Contract ContractData  `json:"-"`
	Changes  []FieldChange `json:"changes"`
}

// Amendment is an annex to a contract, derived from the amendment versions.
type Amendment struct {
	Version   int           `json:"version"`
	AnnexDate Date          `json:"annex_date"`
	Reason    string        `json:"reason"`
	FiledBy   string        `json:"filed_by"`
	FiledAt   string        `json:"filed_at"`
	Changes   []FieldChange `json:"changes"`
}

// FindContractHistory returns the published versions of a contract, oldest first, each
// with its ledger hash and the fields changed since the previous version, as the public
// sees them: fields redacted now or in that version are blanked (publicHistory).
func (s *Store) FindContractHistory(ctx context.Context, id int64) ([]*ContractVersion, error) {
	var out []*ContractVersion
	err := s.scanVersions(ctx, id, KindContract, func(v Version) error {
		cv := &ContractVersion{Version: v}
		if err := decodeData(cv.Data, &cv.Contract); err != nil {
			return err
		}
		if n := len(out); n > 0 {
			cv.Changes = DiffContractData(&out[n-1].Contract, &cv.Contract)
		}
		out = append(out, cv)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := publicHistory(out); err != nil {
		return nil, Internal(err)
	}
	return out, nil
}

// Amendments returns the annexes among versions.
func Amendments(versions []*ContractVersion) []Amendment {
	out := []Amendment{}
	for _, v := range versions {
		if v.ChangeKind == ChangeAmendment {
			out = append(out, Amendment{Version: v.Version.Version, AnnexDate: v.AnnexDate, Reason: v.Reason,
				FiledBy: v.CreatedBy, FiledAt: fmtTime(v.CreatedAt), Changes: v.Changes})
		}
	}
	return out
}

// DiffContractData lists the fields that differ between a and b, with Polish labels and display values.
func DiffContractData(a, b *ContractData) []FieldChange {
	var out []FieldChange
	add := func(field, label, old, new string) {
		if old != new {
			out = append(out, FieldChange{Field: field, Label: label, Old: old, New: new})
		}
	}
	add("number", "Numer umowy", a.Number, b.Number)
	add("signed_on", "Data zawarcia", a.SignedOn.Polish(), b.SignedOn.Polish())
	add("subject", "Przedmiot", a.Subject, b.Subject)
	add("description", "Opis", a.Description, b.Description)
	add("counterparty.name", "Kontrahent", a.Counterparty.Name, b.Counterparty.Name)
	add("counterparty.nip", "NIP kontrahenta", a.Counterparty.NIP, b.Counterparty.NIP)
	add("counterparty.regon", "REGON kontrahenta", a.Counterparty.REGON, b.Counterparty.REGON)
	add("counterparty.krs", "KRS kontrahenta", a.Counterparty.KRS, b.Counterparty.KRS)
	add("counterparty.country", "Kraj kontrahenta", a.Counterparty.Country, b.Counterparty.Country)
	add("counterparty.town", "Miejscowość kontrahenta", a.Counterparty.Town, b.Counterparty.Town)
	add("value_net", "Wartość netto", moneyIn(a.ValueNet, a.Currency), moneyIn(b.ValueNet, b.Currency))
	add("value_gross", "Wartość brutto", moneyIn(a.ValueGross, a.Currency), moneyIn(b.ValueGross, b.Currency))
	add("procurement_mode", "Tryb udzielenia zamówienia", LabelOf(ProcurementModes, a.ProcurementMode), LabelOf(ProcurementModes, b.ProcurementMode))
	add("cpv", "Kod CPV", a.CPV, b.CPV)
	add("start_on", "Początek obowiązywania", a.StartOn.Polish(), b.StartOn.Polish())
	add("end_on", "Koniec obowiązywania", a.EndOn.Polish(), b.EndOn.Polish())
	add("eu_funded", "Finansowanie z UE", yesNo(a.EUFunded), yesNo(b.EUFunded))
	add("redactions", "Wyłączenia jawności", redactionsText(a.Redactions), redactionsText(b.Redactions))
	return out
}

// moneyIn formats an amount in its currency ("1 234,56 zł" for PLN, "1 234,56 EUR" otherwise).
func moneyIn(m Money, currency string) string {
	s := m.String()
	if currency != "" && currency != "PLN" {
		s = strings.TrimSuffix(s, "zł") + currency
	}
	return s
}

func yesNo(b bool) string {
	if b {
		return "tak"
	}
	return "nie"
}

func redactionsText(rs []Redaction) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = fmt.Sprintf("%s (%s)", r.Field, LabelOf(RedactionGrounds, r.Ground))
	}
	return strings.Join(parts, "; ")
}
