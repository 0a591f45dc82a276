// Package demo builds the deterministic demo data set of Jawność: Kraków's municipal
// companies and a stream of realistic, reproducible contracts (same seed, same bytes),
// used by `serve --demo` and by the `bench` command. Everything it makes is shown
// under a "dane demonstracyjne" banner: the companies are real, the contracts are not.
package demo

import (
	"fmt"

	"jawnosc/registry"
)

// Companies returns Kraków's municipal companies with their real names, in a fixed
// order, each with demo identifiers (demoIDs): valid by checksum, so that contracts
// between city companies (in-house) carry the supplier's NIP, but plainly made up.
func Companies() []registry.Company {
	cs := companies()
	for i := range cs {
		cs[i].NIP, cs[i].REGON, cs[i].KRS = demoIDs(i + 1)
	}
	return cs
}

// demoIDs returns the identifiers of the i-th demo company (from 1): NIP 99900…, REGON
// 9990…, KRS 99900…, with correct check digits. Real numbers never start 999-00, so
// nobody can take them for a real firm's; the same i always gives the same numbers.
func demoIDs(i int) (nip, regon, krs string) {
	for k := i * 10; ; k++ { // one k in eleven has no NIP check digit; ten tries per i
		first9 := fmt.Sprintf("99900%04d", k)
		if c, ok := registry.NIPCheckDigit(first9); ok {
			nip = fmt.Sprintf("%s%d", first9, c)
			break
		}
	}
	first8 := fmt.Sprintf("9990%04d", i)
	c, _ := registry.REGONCheckDigit(first8)
	return nip, fmt.Sprintf("%s%d", first8, c), fmt.Sprintf("99900%05d", i)
}

// companies returns the companies without identifiers.
func companies() []registry.Company {
	return []registry.Company{
		{Slug: "mpk", Name: "Miejskie Przedsiębiorstwo Komunikacyjne S.A. w Krakowie", ShortName: "MPK", LegalForm: "spółka akcyjna", City: "Kraków"},
		{Slug: "wodociagi", Name: "Wodociągi Miasta Krakowa S.A.", ShortName: "Wodociągi Miasta Krakowa", LegalForm: "spółka akcyjna", City: "Kraków"},
		{Slug: "mpo", Name: "Miejskie Przedsiębiorstwo Oczyszczania sp. z o.o. w Krakowie", ShortName: "MPO", LegalForm: "spółka z ograniczoną odpowiedzialnością", City: "Kraków"},
		{Slug: "khk", Name: "Krakowski Holding Komunalny S.A. w Krakowie", ShortName: "KHK", LegalForm: "spółka akcyjna", City: "Kraków"},
		{Slug: "mpec", Name: "Miejskie Przedsiębiorstwo Energetyki Cieplnej S.A. w Krakowie", ShortName: "MPEC", LegalForm: "spółka akcyjna", City: "Kraków"},
		{Slug: "arm", Name: "Agencja Rozwoju Miasta S.A. w Krakowie", ShortName: "ARM", LegalForm: "spółka akcyjna", City: "Kraków"},
		{Slug: "krakow5020", Name: "Kraków5020 sp. z o.o. w likwidacji", ShortName: "Kraków5020", LegalForm: "spółka z ograniczoną odpowiedzialnością", Status: "w likwidacji", City: "Kraków"},
		{Slug: "miejska-infrastruktura", Name: "Miejska Infrastruktura sp. z o.o.", ShortName: "Miejska Infrastruktura", LegalForm: "spółka z ograniczoną odpowiedzialnością", City: "Kraków"},
		{Slug: "nowa-huta-przyszlosci", Name: "Kraków Nowa Huta Przyszłości S.A.", ShortName: "Nowa Huta Przyszłości", LegalForm: "spółka akcyjna", City: "Kraków"},
		{Slug: "ktbs", Name: "Krakowskie Towarzystwo Budownictwa Społecznego sp. z o.o.", ShortName: "KTBS", LegalForm: "spółka z ograniczoną odpowiedzialnością", City: "Kraków"},
	}
}

// profile describes how a company buys: which templates, how many contracts
// relative to the others, the prefix of its contract numbers and whether it is a
// sectoral contracting entity (utilities buy under internal rules below EU thresholds).
type profile struct {
	kind     string // key of companyTemplates
	weight   int
	prefix   string
	sectoral bool
}

// profiles by company slug; a company not listed buys only generic things.
var profiles = map[string]profile{
	"mpk":                    {"transport", 30, "MPK", true},
	"wodociagi":              {"water", 18, "WMK", true},
	"mpo":                    {"waste", 13, "MPO", false},
	"khk":                    {"holding", 7, "KHK", false},
	"mpec":                   {"heat", 14, "MPEC", true},
	"arm":                    {"development", 6, "ARM", false},
	"krakow5020":             {"events", 1, "K5020", false},
	"miejska-infrastruktura": {"parking", 5, "MI", false},
	"nowa-huta-przyszlosci":  {"nowahuta", 2, "KNHP", false},
	"ktbs":                   {"housing", 4, "KTBS", false},
}
