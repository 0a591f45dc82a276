package registry

// blankRedacted returns d with every redacted field emptied, so that exports built from it
// show the fact of a redaction (d.Redactions stays) but never the withheld value.
func blankRedacted(d ContractData) ContractData {
	for _, r := range d.Redactions {
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
	}
	return d
}

// isRedacted reports whether field is among d's redactions.
func isRedacted(d *ContractData, field string) bool {
	for _, r := range d.Redactions {
		if r.Field == field {
			return true
		}
	}
	return false
}
