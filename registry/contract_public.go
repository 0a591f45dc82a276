package registry

import "strconv"

// Public returns the content as the public sees it: every field named by a redaction
// blanked (text and identifiers empty, amounts zero, dates not given). The redactions
// themselves — field, legal ground and justification — stay, since the fact of a
// redaction is public. d is not changed; without redactions the copy equals d.
func (d ContractData) Public() ContractData {
	return d.blank(d.Redactions)
}

// blank returns d with the fields named by rs blanked (d's own redactions are kept).
func (d ContractData) blank(rs []Redaction) ContractData {
	for _, r := range rs {
		switch r.Field {
		case "number":
			d.Number = ""
		case "subject":
			d.Subject = ""
		case "description":
			d.Description = ""
		case "counterparty.name":
			d.Counterparty.Name = ""
		case "counterparty.nip":
			d.Counterparty.NIP = ""
		case "counterparty.regon":
			d.Counterparty.REGON = ""
		case "counterparty.krs":
			d.Counterparty.KRS = ""
		case "counterparty.town":
			d.Counterparty.Town = ""
		case "value_net":
			d.ValueNet = 0
		case "value_gross":
			d.ValueGross = 0
		case "cpv":
			d.CPV = ""
		case "start_on":
			d.StartOn = ""
		case "end_on":
			d.EndOn = ""
		}
		// "attachments": attachments are not part of the content; their store withholds them.
	}
	if len(d.Redactions) > 0 {
		d.Redactions = append([]Redaction(nil), d.Redactions...)
	}
	return d
}

// Public returns the contract as the public sees it (ContractData.Public); c is not changed.
func (c *Contract) Public() *Contract {
	if len(c.Redactions) == 0 {
		return c
	}
	p := *c
	p.ContractData = c.ContractData.Public()
	return &p
}

// publicFor returns c in full to an actor who may write for its company, else its public view.
func (c *Contract) publicFor(a Actor) *Contract {
	if a.CanWriteCompany(c.CompanyID) {
		return c
	}
	return c.Public()
}

// publicHistory blanks, in every version, the fields redacted in that version or in the
// current (last) one, so that what is withheld now does not show in older versions nor in
// the changes between them; the changes are computed again on the blanked content and the
// raw content of a blanked version is replaced by the canonical JSON of its public copy
// (its ledger hash covers the full text, which stays in the database).
func publicHistory(versions []*ContractVersion) error {
	if len(versions) == 0 {
		return nil
	}
	current := versions[len(versions)-1].Contract.Redactions
	for i, v := range versions {
		if len(v.Contract.Redactions) > 0 || len(current) > 0 {
			v.Contract = v.Contract.blank(current).Public()
			b, err := marshalNoEscape(&v.Contract)
			if err != nil {
				return err
			}
			v.Data = b
		}
		v.Changes = nil
		if i > 0 {
			v.Changes = DiffContractData(&versions[i-1].Contract, &v.Contract)
		}
	}
	return nil
}

// DisplayTitle is how the contract is named in lists, titles and search results: its
// subject, else "Umowa nr {number}", else "Umowa #{id}"; a redacted subject is said so.
func (c *Contract) DisplayTitle() string {
	switch {
	case c.Subject != "":
		return c.Subject
	case c.Number != "":
		return "Umowa nr " + c.Number
	case hasRedaction(c.Redactions, "subject"):
		return "Umowa (przedmiot wyłączony z jawności)"
	}
	return "Umowa #" + strconv.FormatInt(c.ID, 10)
}

func hasRedaction(rs []Redaction, field string) bool {
	for _, r := range rs {
		if r.Field == field {
			return true
		}
	}
	return false
}
