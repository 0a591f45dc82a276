package search

import "jawnosc/registry"

// Value bands (net value in zł) used as a search facet and filter.
const (
	BandLT10K   = "lt10k"    // below 10 000 zł
	Band10K50K  = "10k-50k"  // 10 000 – 49 999,99 zł
	Band50K130K = "50k-130k" // 50 000 – 129 999,99 zł (below the procurement threshold)
	Band130K1M  = "130k-1m"  // 130 000 – 999 999,99 zł
	BandGT1M    = "gt1m"     // 1 000 000 zł and more
	groszePerZl = 100
	bandCount   = 5
)

// Bands lists the value bands in ascending order with their Polish labels.
var Bands = []registry.Label{
	{Code: BandLT10K, Label: "poniżej 10 tys. zł"},
	{Code: Band10K50K, Label: "10–50 tys. zł"},
	{Code: Band50K130K, Label: "50–130 tys. zł"},
	{Code: Band130K1M, Label: "130 tys. – 1 mln zł"},
	{Code: BandGT1M, Label: "powyżej 1 mln zł"},
}

// BandOf returns the band code of a net value v in grosze.
func BandOf(v int64) string {
	switch {
	case v < 10_000*groszePerZl:
		return BandLT10K
	case v < 50_000*groszePerZl:
		return Band10K50K
	case v < 130_000*groszePerZl:
		return Band50K130K
	case v < 1_000_000*groszePerZl:
		return Band130K1M
	default:
		return BandGT1M
	}
}

// hasBand tells whether d falls into a value band: contracts, expenses and advertising in
// złoty. Other kinds carry no amount to compare (a request) or a different one (a board
// member's monthly pay), and the bands' limits are in złoty.
func (d Doc) hasBand() bool {
	switch d.Kind {
	case registry.KindContract, registry.KindExpense, registry.KindAd:
		return d.currency() == "PLN"
	}
	return false
}

// currency is the ISO 4217 code of d's amount, PLN unless recorded otherwise.
func (d Doc) currency() string {
	if d.Currency == "" {
		return "PLN"
	}
	return d.Currency
}

// bandIndex returns the position of code in Bands, or -1.
func bandIndex(code string) int {
	for i, b := range Bands {
		if b.Code == code {
			return i
		}
	}
	return -1
}
