package web

import (
	"fmt"

	"jawnosc/registry"
)

// feedRegister is a register that has Atom feeds: its kind, its path segment under
// /feeds/ and its Polish name.
type feedRegister struct {
	Kind  string
	Path  string
	Title string
}

// feedRegisters lists the registers with feeds. A register plugs in with one line here
// and one case in feedEntry.
var feedRegisters = []feedRegister{
	{Kind: registry.KindContract, Path: "umowy", Title: "Umowy"},
	{Kind: registry.KindExpense, Path: "wydatki", Title: "Wydatki"},
	{Kind: registry.KindAd, Path: "reklamy", Title: "Reklamy i media"},
	{Kind: registry.KindRecruitment, Path: "rekrutacje", Title: "Rekrutacje"},
}

// feedRegisterByPath returns the register whose path segment is p.
func feedRegisterByPath(p string) (feedRegister, bool) {
	for _, r := range feedRegisters {
		if r.Path == p {
			return r, true
		}
	}
	return feedRegister{}, false
}

// feedRegisterByKind returns the register of kind.
func feedRegisterByKind(kind string) (feedRegister, bool) {
	for _, r := range feedRegisters {
		if r.Kind == kind {
			return r, true
		}
	}
	return feedRegister{}, false
}

// feedEntry maps a published version to an Atom entry; ok is false for a register that
// has no feed yet. Redacted fields never appear.
func feedEntry(base string, v *registry.PublishedVersion, co *registry.Company) (e atomEntry, ok bool, err error) {
	switch v.Kind {
	case registry.KindContract:
		e, err = contractFeedEntry(base, v, co)
	case registry.KindExpense:
		e, err = expenseFeedEntry(base, v, co)
	case registry.KindAd:
		e, err = adFeedEntry(base, v, co)
	case registry.KindRecruitment:
		e, err = recruitmentFeedEntry(base, v, co)
	default:
		return atomEntry{}, false, nil
	}
	return e, true, err
}

// changeTitles prefixes the title of a later version with what happened to the entry.
var changeTitles = map[string]string{
	registry.ChangeAmendment:  "Aneks: ",
	registry.ChangeCorrection: "Korekta: ",
	registry.ChangeWithdrawal: "Wycofano: ",
}

// baseFeedEntry fills what every register's entries share: the stable id (entry and
// version), the time of the version, the link to the entry page and the categories.
func baseFeedEntry(base, path string, v *registry.PublishedVersion, title, registerTitle string) atomEntry {
	return atomEntry{
		ID:      fmt.Sprintf("urn:jawnosc:%s:%d:v%d", v.Kind, v.EntryID, v.Version),
		Title:   changeTitles[v.ChangeKind] + title,
		Updated: atomTime(v.CreatedAt), updated: v.CreatedAt,
		Links: []atomLink{{Rel: "alternate", Type: "text/html", Href: fmt.Sprintf("%s/%s/%d", base, path, v.EntryID)}},
		Categories: []atomCategory{{Term: v.Kind, Label: registerTitle},
			{Term: v.ChangeKind, Label: changeLabel(v.ChangeKind)}},
	}
}

// contractFeedEntry is a contract version: company, subject, counterparty, value, mode
// and the reason of the change.
func contractFeedEntry(base string, v *registry.PublishedVersion, co *registry.Company) (atomEntry, error) {
	d, err := v.PublicContractVersion()
	if err != nil {
		return atomEntry{}, err
	}
	subject := d.Subject
	if subject == "" {
		subject = "[przedmiot wyłączony z jawności]"
	}
	e := baseFeedEntry(base, "umowy", v, co.ShortName+": "+subject, "Umowy")
	cp := d.Counterparty.Name
	if cp == "" {
		cp = "[kontrahent wyłączony z jawności]"
	}
	value := "[wartość wyłączona z jawności]"
	if redactionOf(d.Redactions, "value_net") == nil {
		value = moneyIn(d.ValueNet, d.Currency) + " netto"
	}
	e.Summary = feedSummary(v, fmt.Sprintf("%s. Kontrahent: %s. Wartość: %s. Tryb: %s. Data zawarcia: %s.", co.Name, cp, value,
		registry.LabelOf(registry.ProcurementModes, d.ProcurementMode), d.SignedOn.Polish()))
	return e, nil
}
