package demo

import (
	"strconv"
	"strings"

	"jawnosc/registry"
)

// description writes 1–3 sentences: what the contract is, how it was awarded, and
// one more fact (EU funding, term, guarantee, penalties …).
func (g *generator) description(co *coState, t *tmpl, d *registry.ContractData, b *binds, year int, person bool) string {
	r, sb := g.r, &g.sb
	sb.Reset()
	if t.desc != "" {
		fill(sb, r, t.desc, b)
	} else {
		sb.WriteString("Przedmiot umowy: ")
		sb.WriteString(lowerFirst(d.Subject))
		if !strings.HasSuffix(d.Subject, ".") {
			sb.WriteByte('.')
		}
	}
	if r.IntN(100) < 60 {
		sb.WriteByte(' ')
		g.modeSentence(co, t, d.ProcurementMode, d.ValueNet, year)
	}
	switch {
	case d.EUFunded:
		i := 0
		if year >= 2023 {
			i = 1
		}
		p := euProgrammes[i]
		sb.WriteString(" Zamówienie współfinansowane ze środków Unii Europejskiej w ramach ")
		sb.WriteString(p[r.IntN(len(p))])
		sb.WriteByte('.')
	case r.IntN(100) < 45:
		s := extraSentences[r.IntN(len(extraSentences))]
		if !person && guaranteed[t.sec] && r.IntN(3) == 0 {
			s = guaranteeSentences[r.IntN(len(guaranteeSentences))]
		}
		sb.WriteByte(' ')
		if i := strings.Index(s, "{end}"); i >= 0 {
			sb.WriteString(s[:i])
			sb.WriteString(polishDate(string(d.EndOn)))
			sb.WriteString(s[i+5:])
		} else {
			sb.WriteString(s)
		}
	}
	return sb.String()
}

// modeSentence says how the contract was awarded.
func (g *generator) modeSentence(co *coState, t *tmpl, mode string, net registry.Money, year int) {
	sb := &g.sb
	switch mode {
	case registry.ModeOpenTender:
		sb.WriteString("Umowę zawarto w wyniku przetargu nieograniczonego.")
	case registry.ModeRestrictedTender:
		sb.WriteString("Umowę zawarto w wyniku przetargu ograniczonego.")
	case registry.ModeNegotiated:
		sb.WriteString("Umowę zawarto po negocjacjach z ogłoszeniem.")
	case registry.ModeQuotationBelowThreshold:
		sb.WriteString("Wykonawcę wybrano w drodze zapytania ofertowego spośród ")
		sb.WriteString(strconv.Itoa(2 + g.r.IntN(6)))
		sb.WriteString(" ofert.")
	case registry.ModeDirectAward:
		sb.WriteString("Zamówienia udzielono z wolnej ręki.")
	case registry.ModeInHouse:
		sb.WriteString("Zamówienie wykonuje spółka komunalna miasta w ramach zamówienia wewnętrznego (in-house).")
	case registry.ModeFrameworkCallOff:
		sb.WriteString("Umowa wykonawcza do umowy ramowej nr ")
		sb.WriteString(co.prefix + "/UR/" + strconv.Itoa(year-g.r.IntN(2)) + "/" + strconv.Itoa(1+g.r.IntN(12)))
		sb.WriteByte('.')
	case registry.ModeExempt:
		sb.WriteString("Zamówienie wyłączone ze stosowania ustawy Prawo zamówień publicznych.")
	default:
		switch {
		case t.supplier != "":
			sb.WriteString("Umowa zawarta na warunkach taryfowych.")
		case co.sectoral && net >= Threshold:
			sb.WriteString("Zamówienie sektorowe o wartości poniżej progów unijnych, udzielone na podstawie regulaminu spółki.")
		default:
			sb.WriteString("Zamówienie udzielone na podstawie wewnętrznego regulaminu spółki.")
		}
	}
}
