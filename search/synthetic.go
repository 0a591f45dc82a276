package search

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"

	"jawnosc/registry"
)

// Synthetic corpus vocabulary: Polish contract subjects with inflected forms and diacritics.
var (
	synCompanies = [][2]string{
		{"mpk", "MPK"}, {"wodociagi", "Wodociągi Miasta Krakowa"}, {"mpo", "MPO"}, {"khk", "KHK"},
		{"mpec", "MPEC"}, {"arm", "ARM"}, {"krakow5020", "Kraków5020"}, {"mi", "Miejska Infrastruktura"},
		{"zbk", "ZBK"}, {"tauron-cieplo", "Ciepłownia Miejska"}, {"kpt", "Krakowski Park Technologiczny"},
		{"targi", "Targi w Krakowie"}, {"zielen", "Zarząd Zieleni"}, {"parkingi", "Parkingi Miejskie"},
		{"arena", "Arena Kraków"},
	}
	synActions = []string{
		"Dostawa", "Dostawy", "Zakup", "Świadczenie usług", "Wykonanie", "Remont", "Modernizacja",
		"Budowa", "Przebudowa", "Naprawa", "Odśnieżanie", "Konserwacja", "Utrzymanie", "Serwis",
		"Opracowanie dokumentacji projektowej", "Usługa", "Najem", "Dzierżawa", "Ubezpieczenie",
		"Przegląd", "Czyszczenie", "Wymiana", "Montaż", "Pełnienie nadzoru inwestorskiego nad",
	}
	synObjects = []string{
		"sieci kanalizacyjnej", "kanalizacji deszczowej", "autobusów niskopodłogowych", "tramwajów",
		"oleju napędowego", "energii elektrycznej", "paliw płynnych", "torowiska", "chodników",
		"oprogramowania księgowego", "sprzętu komputerowego", "odzieży roboczej", "części zamiennych do autobusów",
		"przystanków komunikacji miejskiej", "oświetlenia ulicznego", "wodociągu", "stacji uzdatniania wody",
		"dróg osiedlowych", "zieleni miejskiej", "ulic i placów", "systemu monitoringu", "instalacji fotowoltaicznej",
		"kotłowni gazowej", "sieci ciepłowniczej", "pojemników na odpady", "śmieciarek", "myjni autobusowej",
		"zajezdni tramwajowej", "biletomatów", "usług pocztowych", "materiałów biurowych", "środków czystości",
		"usług prawnych", "usług doradczych", "kampanii informacyjnej", "wydarzenia promocyjnego",
		"parkingu wielopoziomowego", "hali widowiskowej", "żółwi błotnych w ogrodzie", "umowy serwisowej",
	}
	synPlaces = []string{
		"Krakowie", "Łodzi", "Wieliczce", "Skawinie", "Niepołomicach", "Myślenicach", "Zabierzowie",
		"Nowej Hucie", "Podgórzu", "Bronowicach", "Czyżynach", "Prądniku Białym", "Łagiewnikach",
	}
	synStreets = []string{
		"Kamieńskiego", "Wielicka", "Zakopiańska", "Grzegórzecka", "Łokietka", "Mogilska", "Półłanki",
		"Żabiniec", "Śliczna", "Bieżanowska", "Dąbska", "Ćwiklińskiej",
	}
	synTowns = []string{"Kraków", "Łódź", "Warszawa", "Wieliczka", "Tarnów", "Nowy Sącz", "Katowice", "Gdańsk"}
	synNames = []string{
		"Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Szymański",
		"Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Kwiatkowski", "Krawczyk", "Żółwiński",
		"Łukasiewicz", "Gąsienica", "Pietrzyk", "Ślusarczyk",
	}
	synFirms  = []string{"Przedsiębiorstwo Usługowe", "Zakład Budowlany", "Firma Handlowa", "Spółdzielnia Pracy", "Biuro Projektowe", "Przedsiębiorstwo Robót Drogowych"}
	synSuffix = []string{"sp. z o.o.", "S.A.", "sp.j.", "s.c.", ""}
	synModes  = []string{
		registry.ModeOpenTender, registry.ModeRestrictedTender, registry.ModeNegotiated,
		registry.ModeQuotationBelowThreshold, registry.ModeDirectAward, registry.ModeInHouse,
		registry.ModeFrameworkCallOff, registry.ModeExempt, registry.ModeOther,
	}
	synModeWeights = []int{20, 3, 4, 30, 15, 5, 8, 10, 5}
	// synRare are words that appear in about one entry in three thousand.
	synRare = []string{
		"defibrylatorów", "hulajnóg", "ekranów akustycznych", "dźwigu", "pantografów", "szczepionek",
		"kolektorów słonecznych", "sygnalizacji świetlnej", "wiat rowerowych", "ławek parkowych",
		"fontanny", "iluminacji świątecznej", "drona", "tachografów", "radiotelefonów", "kasetonów",
		"żurawia wieżowego", "koparki", "transformatora", "rozdzielni", "hydrantów", "zasuw",
		"odwodnienia", "przepompowni", "rurociągu", "gazomierzy", "wodomierzy", "ciepłomierzy",
	}
)

// SyntheticDocs calls fn with n deterministic synthetic contract documents (ids 1…n) for
// search-only benchmarks and tests: ~15 companies, 9 procurement modes, dates 2015–2026,
// log-normal values, Polish subjects with inflections and diacritics.
func SyntheticDocs(seed int64, n int, fn func(Doc) error) error {
	r := rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))
	start := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	days := int(time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC).Sub(start).Hours() / 24)
	pick := func(l []string) string { return l[r.IntN(len(l))] }
	totalW := 0
	for _, w := range synModeWeights {
		totalW += w
	}
	for i := 1; i <= n; i++ {
		comp := synCompanies[r.IntN(len(synCompanies))]
		date := start.AddDate(0, 0, r.IntN(days+1))
		obj := pick(synObjects)
		if r.IntN(3000) < len(synRare) {
			obj = synRare[r.IntN(len(synRare))]
		}
		title := pick(synActions) + " " + obj
		if r.IntN(3) == 0 {
			title += " przy ul. " + pick(synStreets)
		}
		body := fmt.Sprintf("Umowa na %s w %s. Zadanie nr %d/%d realizowane w ramach planu %s.",
			strings.ToLower(title[:1])+title[1:], pick(synPlaces), r.IntN(400)+1, date.Year(), pick([]string{"inwestycyjnego", "remontów", "zakupów", "utrzymania"}))
		if r.IntN(4) == 0 {
			body += " Termin realizacji: " + pick([]string{"30 dni", "12 miesięcy", "do końca roku", "dwa tygodnie"}) + "."
		}
		w := r.IntN(totalW)
		mode := synModes[0]
		for j, mw := range synModeWeights {
			if w < mw {
				mode = synModes[j]
				break
			}
			w -= mw
		}
		value := int64(math.Exp(r.NormFloat64()*1.6+math.Log(40_000)) * 100)
		person := pick(synNames)
		cp := pick(synFirms) + " " + person + " " + pick(synSuffix)
		d := Doc{
			ID: DocID(registry.KindContract, int64(i)), Kind: registry.KindContract, EntryID: int64(i),
			Company: comp[0], CompanyName: comp[1], Title: title, Body: body + " " + pick(synTowns),
			Counterparty: strings.TrimSpace(cp), NIP: fmt.Sprintf("%010d", 5_000_000_000+r.Int64N(4_000_000_000)),
			Number: fmt.Sprintf("ZP/%d/%d", i, date.Year()), Date: date.Format(time.DateOnly), Mode: mode,
			ValueNet: value, Status: registry.StatusPublished, URL: fmt.Sprintf("/umowy/%d", i),
		}
		if r.IntN(50) == 0 {
			d.Status = registry.StatusWithdrawn
		}
		if err := fn(d); err != nil {
			return err
		}
	}
	return nil
}
