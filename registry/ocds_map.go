package registry

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// ocdsMethods maps our procurement modes to OCDS tender.procurementMethod (closed codelist:
// open, selective, limited, direct). Modes with no honest equivalent (exempt, other) get no
// method; every release keeps our own mode in procurementMethodDetails.
var ocdsMethods = map[string]string{
	ModeOpenTender:              "open",
	ModeRestrictedTender:        "selective",
	ModeNegotiated:              "limited",
	ModeQuotationBelowThreshold: "limited",
	ModeDirectAward:             "direct",
	ModeInHouse:                 "direct",
	ModeFrameworkCallOff:        "selective",
}

// ocdsTags maps a kind of version to its release tag.
var ocdsTags = map[string]string{
	ChangeInitial:    "contract",
	ChangeAmendment:  "contractAmendment",
	ChangeCorrection: "contractUpdate",
	ChangeWithdrawal: "contractUpdate",
}

// ocdsAmount writes grosze as an exact decimal amount ("1234.56").
func ocdsAmount(m Money) json.Number {
	sign := ""
	if m < 0 {
		sign, m = "-", -m
	}
	return json.Number(fmt.Sprintf("%s%d.%02d", sign, m/100, m%100))
}

// ocdsDateTime renders a calendar date as the start of that day in Europe/Warsaw.
func ocdsDateTime(d Date) string {
	t, err := time.ParseInLocation("2006-01-02", string(d), warsaw)
	if err != nil {
		return ""
	}
	return t.Format(time.RFC3339)
}

// ocdsIdentifiers returns the main identifier (KRS, else REGON, else NIP) and the others.
func ocdsIdentifiers(legalName, krs, regon, nip string) (*OCDSIdentifier, []OCDSIdentifier) {
	var ids []OCDSIdentifier
	for _, p := range [][2]string{{"PL-KRS", krs}, {"PL-REGON", regon}, {"PL-NIP", nip}} {
		if p[1] != "" {
			ids = append(ids, OCDSIdentifier{Scheme: p[0], ID: p[1], LegalName: legalName})
		}
	}
	if len(ids) == 0 {
		return nil, nil
	}
	return &ids[0], ids[1:]
}

// partyID is "{scheme}-{id}" of the main identifier, else fallback.
func partyID(id *OCDSIdentifier, fallback string) string {
	if id == nil {
		return fallback
	}
	return fmt.Sprintf("%s-%v", id.Scheme, id.ID)
}

// buyerParty maps the company to the buyer party.
func buyerParty(co *Company) OCDSParty {
	main, more := ocdsIdentifiers(co.Name, co.KRS, co.REGON, co.NIP)
	p := OCDSParty{ID: partyID(main, "jawnosc-company-"+co.Slug), Name: co.Name, Identifier: main,
		AdditionalIdentifiers: more, Roles: []string{"buyer", "procuringEntity"}}
	if co.City != "" {
		p.Address = &OCDSAddress{Locality: co.City, CountryName: "Polska"}
	}
	return p
}

// supplierParty maps the (redaction-blanked) counterparty to the supplier party.
func supplierParty(ocid string, d *ContractData) OCDSParty {
	c := d.Counterparty
	name := c.Name
	if name == "" && hasRedaction(d.Redactions, "counterparty.name") {
		name = "[wyłączono z jawności]"
	}
	main, more := ocdsIdentifiers(c.Name, c.KRS, c.REGON, c.NIP)
	p := OCDSParty{ID: partyID(main, ocid+"-supplier"), Name: name, Identifier: main, AdditionalIdentifiers: more,
		Roles: []string{"supplier"}}
	if !c.Person && (c.Town != "" || c.Country != "") {
		p.Address = &OCDSAddress{Locality: c.Town, CountryName: c.Country}
	}
	return p
}

// ocdsValue is the contract's value: net (OCDS 1.1 has one amount per value; European
// practice reports amounts without VAT). nil when the net value is redacted.
func ocdsValue(d *ContractData) *OCDSValue {
	if hasRedaction(d.Redactions, "value_net") {
		return nil
	}
	return &OCDSValue{Amount: ocdsAmount(d.ValueNet), Currency: d.Currency}
}

// ContractReleases maps the published versions of a contract (oldest first) to OCDS
// releases, one per version. Every release leaves out the fields redacted in its version
// or in the current one (as the public history does), and the descriptions of amendments
// are computed from those public versions too.
func ContractReleases(cfg OCDSConfig, co *Company, ct *Contract, versions []*ContractVersion) []*OCDSRelease {
	ocid := cfg.OCID(ct.ID)
	out := make([]*OCDSRelease, 0, len(versions))
	var amendments []OCDSAmendment
	var prev *ContractData
	var current []Redaction
	if n := len(versions); n > 0 {
		current = versions[n-1].Contract.Redactions
	}
	for i, v := range versions {
		d := v.Contract.blank(current).Public()
		r := &OCDSRelease{OCID: ocid, ID: fmt.Sprintf("%s-v%d", ocid, v.Version.Version),
			Date: v.CreatedAt.UTC().Format(time.RFC3339), Tag: []string{ocdsTags[v.ChangeKind]},
			InitiationType: "tender", Language: "pl"}
		if r.Tag[0] == "" {
			r.Tag[0] = "contractUpdate"
		}
		buyer, supplier := buyerParty(co), supplierParty(ocid, &d)
		r.Parties = []OCDSParty{buyer, supplier}
		r.Buyer = &OCDSOrgRef{ID: buyer.ID, Name: buyer.Name}
		r.Tender = &OCDSTender{ID: ocid + "-tender", Title: d.Subject, ProcurementMethod: ocdsMethods[d.ProcurementMode],
			ProcurementMethodDetails: fmt.Sprintf("%s (%s)", LabelOf(ProcurementModes, d.ProcurementMode), d.ProcurementMode)}
		awardID := ocid + "-award"
		r.Awards = []OCDSAward{{ID: awardID, Status: "active", Date: ocdsDateTime(d.SignedOn), Value: ocdsValue(&d),
			Suppliers: []OCDSOrgRef{{ID: supplier.ID, Name: supplier.Name}}}}
		k := OCDSContract{ID: ocid + "-contract", AwardID: awardID, Number: d.Number, Title: d.Subject, Description: d.Description,
			Status: "active", Value: ocdsValue(&d), DateSigned: ocdsDateTime(d.SignedOn)}
		if v.ChangeKind == ChangeWithdrawal {
			k.Status = "cancelled"
		}
		if d.StartOn != "" || d.EndOn != "" {
			k.Period = &OCDSPeriod{StartDate: ocdsDateTime(d.StartOn), EndDate: ocdsDateTime(d.EndOn)}
		}
		if d.CPV != "" {
			k.Items = []OCDSItem{{ID: "1", Description: d.Subject, Classification: &OCDSClassification{Scheme: "CPV", ID: d.CPV}}}
		}
		if v.ChangeKind == ChangeAmendment && i > 0 && prev != nil {
			amendments = append(amendments, OCDSAmendment{ID: fmt.Sprintf("%s-amendment-%d", ocid, v.Version.Version),
				Date: ocdsDateTime(v.AnnexDate), Rationale: v.Reason, Description: changesText(DiffContractData(prev, &d)),
				AmendsReleaseID: out[i-1].ID, ReleaseID: r.ID})
		}
		k.Amendments = append([]OCDSAmendment(nil), amendments...)
		r.Contracts = []OCDSContract{k}
		out = append(out, r)
		prev = &d
	}
	return out
}

// changesText describes field changes in Polish: "Wartość netto: 1 000,00 zł → 1 600,00 zł; …".
func changesText(cs []FieldChange) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprintf("%s: %s → %s", c.Label, orDash(c.Old), orDash(c.New))
	}
	return strings.Join(parts, "; ")
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// ContractRecord builds the OCDS record of a contract: every release and the compiled
// release (the state after the last version, tagged "compiled").
func ContractRecord(cfg OCDSConfig, co *Company, ct *Contract, versions []*ContractVersion) *OCDSRecord {
	rs := ContractReleases(cfg, co, ct, versions)
	rec := &OCDSRecord{OCID: cfg.OCID(ct.ID), Releases: rs}
	if n := len(rs); n > 0 {
		c := *rs[n-1]
		c.ID = rec.OCID + "-compiled"
		c.Tag = []string{"compiled"}
		rec.CompiledRelease = &c
	}
	return rec
}
