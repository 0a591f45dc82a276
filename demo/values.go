package demo

import (
	"math"
	"math/rand/v2"
	"strconv"
	"time"

	"jawnosc/registry"
)

// mode chooses the procurement mode from the template and the net value.
func (g *generator) mode(co *coState, t *tmpl, net registry.Money, person bool) string {
	r := g.r
	u := r.IntN(100)
	switch {
	case person:
		if u < 50 {
			return registry.ModeDirectAward
		}
		return registry.ModeOther
	case t.flags&fExempt != 0 && u < 70:
		return registry.ModeExempt
	case t.flags&fFramework != 0 && u < 35:
		return registry.ModeFrameworkCallOff
	case net < Threshold:
		switch v := r.IntN(100); {
		case v < 62:
			return registry.ModeQuotationBelowThreshold
		case v < 88:
			return registry.ModeDirectAward
		default:
			return registry.ModeOther
		}
	case t.flags&fSole != 0 && u < 60:
		return registry.ModeDirectAward
	case co.sectoral && net < 2_500_000_00 && r.IntN(100) < 30:
		return registry.ModeOther
	}
	switch v := r.IntN(100); {
	case v < 78:
		return registry.ModeOpenTender
	case v < 86:
		return registry.ModeRestrictedTender
	case v < 95:
		return registry.ModeNegotiated
	case v < 98:
		return registry.ModeDirectAward
	default:
		return registry.ModeOther
	}
}

// logValue draws a net value in [min, max] zł on a log scale, skewed towards min,
// often rounded.
func logValue(r *rand.Rand, min, max int64) registry.Money {
	lo, hi := math.Log(float64(min)), math.Log(float64(max))
	u := r.Float64()
	gr := int64(math.Exp(lo+u*u*u*(hi-lo)) * 100) // skewed towards small values, as real registers are
	switch u := r.IntN(10); {
	case u < 4:
		gr -= gr % 100 // full złoty
	case u < 6 && gr > 100_000_00:
		gr -= gr % 100_00 // full hundreds
	}
	if gr < 100 {
		gr = 100
	}
	return registry.Money(gr)
}

// gross adds VAT at rate percent, rounding to the grosz.
func gross(net registry.Money, rate int) registry.Money {
	return (net*registry.Money(100+rate) + 50) / 100
}

// publicationDelay is how many days after signing a contract is published.
func publicationDelay(r *rand.Rand) int {
	switch u := r.IntN(100); {
	case u < 55:
		return r.IntN(2)
	case u < 88:
		return 2 + r.IntN(4)
	case u < 93:
		return 6 + r.IntN(2)
	default:
		return 8 + r.IntN(53)
	}
}

// at is a moment of working hours on day d (UTC).
func (g *generator) at(d int) time.Time {
	sec := 7*3600 + g.r.IntN(9*3600)
	return epoch.Add(time.Duration(d)*24*time.Hour + time.Duration(sec)*time.Second)
}

func pad5(n int) string {
	s := strconv.Itoa(n)
	if len(s) < 5 {
		s = "00000"[:5-len(s)] + s
	}
	return s
}
