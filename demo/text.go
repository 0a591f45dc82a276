package demo

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// binds are the places and numbers chosen for one contract, so that its subject and
// description name the same street. -1 means not chosen yet.
type binds struct {
	ul, ul2, ulnh, dz, os, n, petla, zaj, zuw, etap int
	year                                            int
}

func newBinds(year int) binds {
	return binds{-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, year}
}

// choose returns *i, choosing it in [0, n) first when unset.
func choose(r *rand.Rand, i *int, n int) int {
	if *i < 0 {
		*i = r.IntN(n)
	}
	return *i
}

// fill appends pattern to sb with its placeholders replaced (see tmpl).
func fill(sb *strings.Builder, r *rand.Rand, pattern string, b *binds) {
	for {
		i := strings.IndexByte(pattern, '{')
		if i < 0 {
			sb.WriteString(pattern)
			return
		}
		sb.WriteString(pattern[:i])
		j := strings.IndexByte(pattern[i:], '}')
		key := pattern[i+1 : i+j]
		pattern = pattern[i+j+1:]
		switch key {
		case "ul":
			s := streets[choose(r, &b.ul, len(streets))]
			sb.WriteString(s.prefix + " " + s.obl)
		case "ul2":
			k := choose(r, &b.ul2, len(streets))
			if k == b.ul {
				k = (k + 1) % len(streets)
			}
			s := streets[k]
			sb.WriteString(s.prefix + " " + s.obl)
		case "ulnh":
			s := nowaHutaStreets[choose(r, &b.ulnh, len(nowaHutaStreets))]
			sb.WriteString(s.prefix + " " + s.obl)
		case "dz":
			sb.WriteString(districts[choose(r, &b.dz, len(districts))].loc)
		case "dzg":
			sb.WriteString(districts[choose(r, &b.dz, len(districts))].gen)
		case "os":
			sb.WriteString(estates[choose(r, &b.os, len(estates))])
		case "n":
			sb.WriteString(counts[choose(r, &b.n, len(counts))])
		case "petla":
			sb.WriteString(tramLoops[choose(r, &b.petla, len(tramLoops))])
		case "zajezdnia":
			sb.WriteString(depots[choose(r, &b.zaj, len(depots))])
		case "zuw":
			sb.WriteString(waterPlants[choose(r, &b.zuw, len(waterPlants))])
		case "etap":
			sb.WriteString(stages[choose(r, &b.etap, len(stages))])
		case "rok":
			sb.WriteString(strconv.Itoa(b.year))
		case "rok1":
			sb.WriteString(strconv.Itoa(b.year + 1))
		case "rok5":
			sb.WriteString(strconv.Itoa(b.year + 5))
		default:
			sb.WriteString("{" + key + "}")
		}
	}
}

// lowerFirst lower-cases the first letter of s ("Dostawa" → "dostawa").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError || unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// polishDate writes an ISO date as "31 grudnia 2024 r.".
func polishDate(iso string) string {
	m, _ := strconv.Atoi(iso[5:7])
	d, _ := strconv.Atoi(iso[8:10])
	return strconv.Itoa(d) + " " + monthsGen[m-1] + " " + iso[:4] + " r."
}

// extraSentences close a description; {end} is the end date written out ("… 2024 r.").
var extraSentences = []string{
	"W umowie przewidziano kary umowne za zwłokę w wykonaniu przedmiotu umowy.",
	"Termin realizacji umowy: do {end}",
	"Wynagrodzenie płatne jest po odbiorze końcowym, w terminie 30 dni od doręczenia faktury.",
	"Umowa przewiduje waloryzację wynagrodzenia w razie zmiany cen materiałów i kosztów pracy.",
	"Zgodnie z umową wykonawca wniósł zabezpieczenie należytego wykonania umowy.",
	"Odbiór przedmiotu umowy potwierdza protokół podpisany przez obie strony.",
}

// guaranteeSentences close descriptions of works and supplies.
var guaranteeSentences = []string{
	"Wykonawca udzielił gwarancji na okres 36 miesięcy.",
	"Wykonawca udzielił gwarancji na okres 24 miesiące.",
	"Wykonawca udzielił gwarancji na okres 60 miesięcy.",
}

// guaranteed are the sectors whose works and goods come with a guarantee.
var guaranteed = map[sector]bool{secBuild: true, secRoad: true, secWaterEng: true, secHeatEng: true, secElectric: true,
	secVehicle: true, secParts: true, secWasteEq: true, secIT: true, secOffice: true, secWorkwear: true}

// euProgrammes name the EU programmes (genitive) before and after 2023.
var euProgrammes = [2][]string{
	{"Programu Operacyjnego Infrastruktura i Środowisko 2014–2020", "Regionalnego Programu Operacyjnego Województwa Małopolskiego na lata 2014–2020"},
	{"programu Fundusze Europejskie na Infrastrukturę, Klimat, Środowisko 2021–2027", "programu Fundusze Europejskie dla Małopolski 2021–2027"},
}

// amendmentReasons: annexes raising the value and annexes extending the term ({n} = annex number).
var (
	valueReasons = []string{
		"Aneks nr {n}: zwiększenie wynagrodzenia w związku z robotami dodatkowymi nieprzewidzianymi w dokumentacji projektowej.",
		"Aneks nr {n}: waloryzacja wynagrodzenia zgodnie z art. 439 ustawy Prawo zamówień publicznych.",
		"Aneks nr {n}: rozszerzenie zakresu umowy o dodatkowe dostawy.",
		"Aneks nr {n}: zmiana wynagrodzenia w związku ze wzrostem minimalnego wynagrodzenia za pracę.",
	}
	termReasons = []string{
		"Aneks nr {n}: przedłużenie terminu realizacji z powodu niekorzystnych warunków atmosferycznych.",
		"Aneks nr {n}: przedłużenie terminu realizacji z powodu opóźnień w uzyskaniu decyzji administracyjnych.",
		"Aneks nr {n}: przedłużenie terminu na wniosek wykonawcy z powodu przerwania łańcucha dostaw.",
		"Aneks nr {n}: zmiana terminu zakończenia umowy w związku z kolizją z sieciami podziemnymi.",
	}
	withdrawReasons = []string{
		"Wpis opublikowany omyłkowo: umowa została zarejestrowana dwukrotnie.",
		"Umowa nie została zawarta: wykonawca uchylił się od jej podpisania.",
		"Umowa rozwiązana za porozumieniem stron przed rozpoczęciem realizacji; wpis wycofano na wniosek zarządu.",
		"Wpis dotyczył umowy innej spółki i został wycofany.",
	}
)

// tradeSecret is the justification of a redacted description.
const tradeSecret = "Wykonawca zastrzegł szczegółowy zakres technologiczny oferty jako tajemnicę przedsiębiorstwa (art. 11 ust. 2 ustawy o zwalczaniu nieuczciwej konkurencji) i wykazał, że informacje te mają wartość gospodarczą; zastrzeżenie zostało zbadane i uznane za skuteczne."
