package demo

import (
	"strconv"
	"strings"

	"jawnosc/registry"
)

// history adds later versions to about 6 % of contracts: amendments (annexes raising
// the value, some by more than half, or extending the term), corrections of the
// register, and withdrawals. pub is the day of first publication.
func (g *generator) history(bc *registry.BulkContract, vat, pub, start, end int, person bool) {
	r := g.r
	switch u := r.IntN(1000); {
	case u < 50 && !person:
		g.amend(bc, vat, pub, start, end)
	case u < 60:
		g.correct(bc, vat, pub)
	case u < 64:
		if day := pub + 1 + r.IntN(60); day <= lastDay {
			bc.Versions = append(bc.Versions, registry.BulkVersion{ChangeKind: registry.ChangeWithdrawal,
				Data: bc.Data, Reason: withdrawReasons[r.IntN(len(withdrawReasons))], At: g.at(day)})
		}
	}
}

// amend adds one or two annexes, each dated within the contract's term.
func (g *generator) amend(bc *registry.BulkContract, vat, pub, start, end int) {
	r := g.r
	cur, last := bc.Data, pub
	k := 1
	if r.IntN(5) == 0 {
		k = 2
	}
	for i := 1; i <= k; i++ {
		annex := start + (end-start)*(3+r.IntN(6))/10
		if annex <= last {
			annex = last + 1
		}
		at := annex + r.IntN(8)
		if at > lastDay {
			return
		}
		var reason string
		switch r.IntN(3) {
		case 0, 1: // value
			pct := int64(5 + r.IntN(26))
			if r.IntN(4) == 0 {
				pct = int64(50 + r.IntN(31))
			}
			cur.ValueNet += cur.ValueNet * registry.Money(pct) / 100
			cur.ValueGross = gross(cur.ValueNet, vat)
			reason = valueReasons[r.IntN(len(valueReasons))]
		default: // term
			e := end + 30 + r.IntN(180)
			if e >= len(g.days) {
				e = len(g.days) - 1
			}
			end = e
			cur.EndOn = registry.Date(g.days[e])
			reason = termReasons[r.IntN(len(termReasons))]
		}
		bc.Versions = append(bc.Versions, registry.BulkVersion{ChangeKind: registry.ChangeAmendment, Data: cur,
			AnnexDate: registry.Date(g.days[annex]), Reason: strings.Replace(reason, "{n}", strconv.Itoa(i), 1), At: g.at(at)})
		last = at
	}
}

// correct makes the first published version wrong in one way and adds the correction.
func (g *generator) correct(bc *registry.BulkContract, vat, pub int) {
	r := g.r
	day := pub + 1 + r.IntN(30)
	if day > lastDay {
		return
	}
	right := bc.Data
	var reason string
	switch {
	case vat == 23 && r.IntN(2) == 0:
		bc.Data.ValueGross = gross(right.ValueNet, 8)
		reason = "Korekta wartości brutto: przy publikacji zastosowano omyłkowo stawkę VAT 8% zamiast 23%."
	case right.CPV != "" && r.IntN(2) == 0:
		bc.Data.CPV = ""
		reason = "Uzupełnienie kodu CPV pominiętego przy publikacji umowy."
	default:
		y, _ := strconv.Atoi(string(right.EndOn[:4]))
		wrong := strconv.Itoa(y+1) + string(right.EndOn[4:])
		if string(right.EndOn[5:]) == "02-29" {
			wrong = strconv.Itoa(y+1) + "-02-28"
		}
		bc.Data.EndOn = registry.Date(wrong)
		reason = "Korekta omyłkowo wpisanej daty zakończenia umowy."
	}
	bc.Versions = append(bc.Versions, registry.BulkVersion{ChangeKind: registry.ChangeCorrection, Data: right, Reason: reason, At: g.at(day)})
}
