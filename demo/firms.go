package demo

import (
	"math/rand/v2"
	"strconv"
	"strings"

	"jawnosc/registry"
)

// sector is a line of business; every template buys from one.
type sector int

const (
	secBuild sector = iota
	secRoad
	secWaterEng
	secHeatEng
	secElectric
	secVehicle
	secParts
	secWasteEq
	secWasteSvc
	secChem
	secIT
	secLegal
	secClean
	secSecurity
	secInsurance
	secFuel
	secPrint
	secConsult
	secAdvert
	secEvents
	secGreen
	secOffice
	secMedical
	secTraining
	secEnergy
	secTelecom
	secWorkwear
	secDesign
	secFinance
	secCatering
	numSectors
)

// sectorNames holds, per sector, the descriptive words of firm names and the
// suffixes of brand names ("Krak" + "bud").
var sectorNames = [numSectors]struct {
	desc   []string
	suffix []string
	firms  int
}{
	secBuild:     {[]string{"Przedsiębiorstwo Budowlane", "Budownictwo", "Zakład Remontowo-Budowlany", "Usługi Budowlane", "Generalne Wykonawstwo"}, []string{"Bud", "Budex", "Dom"}, 18},
	secRoad:      {[]string{"Przedsiębiorstwo Robót Drogowych", "Przedsiębiorstwo Robót Torowych", "Infrastruktura Drogowa", "Budowa Dróg i Mostów"}, []string{"Drog", "Tor", "Most"}, 14},
	secWaterEng:  {[]string{"Przedsiębiorstwo Robót Inżynieryjnych", "Instalacje Sanitarne", "Hydrotechnika", "Sieci Wodno-Kanalizacyjne"}, []string{"Hydro", "Kan", "Aqua"}, 16},
	secHeatEng:   {[]string{"Ciepłownictwo", "Instalacje Grzewcze", "Przedsiębiorstwo Instalacyjne", "Technika Grzewcza"}, []string{"Term", "Therm", "Ciep"}, 14},
	secElectric:  {[]string{"Elektromontaż", "Instalacje Elektryczne", "Zakład Elektrotechniczny", "Automatyka i Pomiary"}, []string{"Elektro", "Energo", "Volt"}, 14},
	secVehicle:   {[]string{"Pojazdy Szynowe", "Autobusy", "Pojazdy Specjalne", "Motoryzacja"}, []string{"Bus", "Tram", "Trans"}, 10},
	secParts:     {[]string{"Części Samochodowe", "Hurtownia Motoryzacyjna", "Ogumienie", "Serwis Pojazdów"}, []string{"Moto", "Opon", "Car"}, 12},
	secWasteEq:   {[]string{"Systemy Ekologiczne", "Technika Komunalna", "Pojemniki i Kontenery"}, []string{"Eko", "Kontener", "Plast"}, 10},
	secWasteSvc:  {[]string{"Gospodarka Odpadami", "Recykling", "Usługi Komunalne", "Odzysk Surowców"}, []string{"Recykling", "Eko", "Odzysk"}, 12},
	secChem:      {[]string{"Chemia Przemysłowa", "Odczynniki Chemiczne", "Zakłady Chemiczne"}, []string{"Chem", "Chemia", "Lab"}, 8},
	secIT:        {[]string{"Systemy Informatyczne", "Software", "Integrator Sieci", "Usługi Informatyczne"}, []string{"Soft", "Net", "Data", "IT"}, 16},
	secLegal:     {[]string{"Kancelaria Prawna", "Kancelaria Radców Prawnych", "Kancelaria Adwokacka", "Kancelaria Prawnicza"}, nil, 12},
	secClean:     {[]string{"Usługi Porządkowe", "Serwis Sprzątający", "Czystość", "Utrzymanie Czystości"}, []string{"Clean", "Lux", "Blask"}, 12},
	secSecurity:  {[]string{"Agencja Ochrony", "Ochrona Osób i Mienia", "Monitoring i Ochrona"}, []string{"Guard", "Straż", "Protect"}, 10},
	secInsurance: {[]string{"Towarzystwo Ubezpieczeń", "Towarzystwo Ubezpieczeń Wzajemnych", "Broker Ubezpieczeniowy"}, []string{"Ubezpieczenia", "Asekuracja"}, 8},
	secFuel:      {[]string{"Paliwa", "Handel Paliwami", "Stacje Paliw"}, []string{"Petrol", "Oil", "Fuel"}, 8},
	secPrint:     {[]string{"Drukarnia", "Poligrafia", "Zakład Poligraficzny"}, []string{"Print", "Druk", "Graf"}, 10},
	secConsult:   {[]string{"Doradztwo Gospodarcze", "Consulting", "Biuro Biegłych Rewidentów", "Doradcy Podatkowi", "Zarządzanie Nieruchomościami"}, []string{"Consulting", "Audyt", "Finanse"}, 16},
	secAdvert:    {[]string{"Agencja Reklamowa", "Dom Mediowy", "Studio Graficzne", "Agencja Public Relations"}, []string{"Media", "Art", "Reklama"}, 14},
	secEvents:    {[]string{"Agencja Eventowa", "Technika Estradowa", "Organizacja Imprez", "Scena i Nagłośnienie"}, []string{"Show", "Event", "Scena"}, 10},
	secGreen:     {[]string{"Usługi Ogrodnicze", "Pielęgnacja Zieleni", "Architektura Krajobrazu", "Zieleń i Utrzymanie Terenów"}, []string{"Flora", "Ogród", "Green"}, 10},
	secOffice:    {[]string{"Artykuły Biurowe", "Zaopatrzenie Biur", "Hurtownia Papiernicza", "Meble Biurowe"}, []string{"Biuro", "Papier", "Office"}, 10},
	secMedical:   {[]string{"Centrum Medyczne", "Przychodnia Medycyny Pracy", "Usługi Medyczne"}, []string{"Med", "Medica", "Zdrowie"}, 8},
	secTraining:  {[]string{"Ośrodek Szkoleniowy", "Centrum Szkoleń", "Akademia Kompetencji", "Szkoła Językowa"}, []string{"Edu", "Szkolenia", "Akademia"}, 10},
	secEnergy:    {[]string{"Obrót Energią", "Energia", "Sprzedaż Energii"}, []string{"Energia", "Power", "Prąd"}, 8},
	secTelecom:   {[]string{"Telekomunikacja", "Sieci Światłowodowe", "Usługi Telekomunikacyjne"}, []string{"Net", "Tel", "Com"}, 8},
	secWorkwear:  {[]string{"Odzież Robocza", "Zakład Krawiecki", "Sprzęt BHP"}, []string{"Tex", "Odzież", "BHP"}, 8},
	secDesign:    {[]string{"Biuro Projektów", "Pracownia Architektoniczna", "Projektowanie Inżynierskie", "Biuro Inżynierskie"}, []string{"Projekt", "Inżynieria", "Plan"}, 14},
	secFinance:   {[]string{"Leasing", "Finanse", "Wynajem Pojazdów"}, []string{"Leasing", "Finanse", "Kapitał"}, 8},
	secCatering:  {[]string{"Catering", "Usługi Gastronomiczne", "Restauracja"}, []string{"Smak", "Gastro", "Kuchnia"}, 8},
}

var brandStems = []string{
	"Krak", "Wawel", "Pol", "Inter", "Multi", "Pro", "Euro", "Tatry", "Beskid", "Jura", "Wisła", "Raba",
	"Orion", "Delta", "Alfa", "Sigma", "Astra", "Hetman", "Lajkonik", "Smok", "Kopiec", "Granit",
	"Bursztyn", "Sokół", "Orzeł", "Karpaty", "Podhale", "Nida", "Dunajec", "Sudety", "Polan", "Max",
	"Nova", "Atlas", "Merkury", "Fenix", "Vector", "Optima", "Prima", "Żuraw", "Dąb", "Jodła",
}

var surnames = []string{
	"Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński",
	"Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Kwiatkowski", "Krawczyk",
	"Piotrowski", "Grabowski", "Pawłowski", "Michalski", "Nowicki", "Adamczyk", "Dudek", "Zając",
	"Wieczorek", "Jabłoński", "Król", "Majewski", "Olszewski", "Jaworski", "Wróbel", "Malinowski",
	"Pawlak", "Witkowski", "Walczak", "Stępień", "Górski", "Rutkowski", "Michalak", "Sikora",
	"Ostrowski", "Baran", "Duda", "Szewczyk", "Tomaszewski", "Pietrzak", "Marciniak", "Zalewski",
	"Jakubowski", "Jasiński", "Zawadzki", "Sadowski", "Bąk", "Chmielewski", "Włodarczyk", "Borkowski",
	"Czarnecki", "Sawicki", "Sokołowski", "Kubiak", "Szczepański", "Kucharski", "Wilk", "Lis",
	"Wysocki", "Kaźmierczak", "Głowacki", "Kołodziej", "Krajewski", "Gołębiowski", "Łukasik", "Żak",
}

var firstNames = []struct {
	name   string
	female bool
}{
	{"Anna", true}, {"Maria", true}, {"Katarzyna", true}, {"Małgorzata", true}, {"Agnieszka", true},
	{"Barbara", true}, {"Ewa", true}, {"Joanna", true}, {"Magdalena", true}, {"Zofia", true},
	{"Piotr", false}, {"Krzysztof", false}, {"Andrzej", false}, {"Tomasz", false}, {"Paweł", false},
	{"Michał", false}, {"Marcin", false}, {"Łukasz", false}, {"Grzegorz", false}, {"Jakub", false},
}

// legalForms and their weights among Polish counterparties.
var legalForms = []struct {
	form   string
	weight int
	krs    bool
	people bool // named after partners
}{
	{"sp. z o.o.", 55, true, false}, {"S.A.", 12, true, false}, {"sp.j.", 12, true, true},
	{"s.c.", 12, false, true}, {"sp.k.", 9, true, true},
}

// foreignFirms are a few (fictional) suppliers from abroad; they have no Polish identifiers.
var foreignFirms = []struct {
	sec                 sector
	name, country, town string
}{
	{secVehicle, "Stadtbahn Fahrzeugtechnik GmbH", "DE", "Berlin"},
	{secVehicle, "Ibérica de Tranvías S.L.", "ES", "Saragossa"},
	{secParts, "Dopravní Technika Ostrava s.r.o.", "CZ", "Ostrawa"},
	{secElectric, "Alpen Elektrotechnik GmbH", "AT", "Wiedeń"},
	{secIT, "Nordic Ticketing Systems AB", "SE", "Sztokholm"},
	{secParts, "Považie Rail Service s.r.o.", "SK", "Żylina"},
}

// pool is the fixed set of counterparties: firms by sector and natural persons. It is
// built from its own constant seed, so a firm has the same name, town and identifiers
// in every data set and wherever it appears.
type pool struct {
	firms   [numSectors][]registry.Counterparty
	persons []registry.Counterparty
}

const poolSeed = 0x4a61776e6f73 // "Jawnos"

func newPool() *pool {
	r := rand.New(rand.NewPCG(poolSeed, 1))
	p := &pool{}
	seen := make(map[string]bool)
	townTotal := 0
	for _, t := range towns {
		townTotal += t.weight
	}
	formTotal := 0
	for _, f := range legalForms {
		formTotal += f.weight
	}
	for s := sector(0); s < numSectors; s++ {
		for len(p.firms[s]) < sectorNames[s].firms {
			c := newFirm(r, s, townTotal, formTotal)
			if seen[c.Name] {
				continue
			}
			seen[c.Name] = true
			p.firms[s] = append(p.firms[s], c)
		}
	}
	for _, f := range foreignFirms {
		p.firms[f.sec] = append(p.firms[f.sec], registry.Counterparty{Name: f.name, Country: f.country, Town: f.town})
	}
	for len(p.persons) < 30 {
		fn := firstNames[r.IntN(len(firstNames))]
		name := fn.name + " " + personSurname(surnames[r.IntN(len(surnames))], fn.female)
		if seen[name] {
			continue
		}
		seen[name] = true
		p.persons = append(p.persons, registry.Counterparty{Name: name, Country: "PL", Person: true})
	}
	return p
}

// newFirm makes one Polish firm of sector s with valid NIP and REGON.
func newFirm(r *rand.Rand, s sector, townTotal, formTotal int) registry.Counterparty {
	sn := sectorNames[s]
	f := legalForms[0]
	switch s {
	case secInsurance:
		f = legalForms[1]
	case secEnergy, secFinance, secTelecom, secVehicle, secFuel:
		if r.IntN(4) == 0 {
			f = legalForms[1]
		}
	case secLegal:
		f = legalForms[[]int{2, 4, 4}[r.IntN(3)]]
	default:
		k := r.IntN(formTotal)
		for _, lf := range legalForms {
			if k -= lf.weight; k < 0 {
				f = lf
				break
			}
		}
	}
	desc := sn.desc[r.IntN(len(sn.desc))]
	var name string
	switch {
	case f.people && f.form == "sp.k.":
		name = desc + " " + surnames[r.IntN(len(surnames))] + " i Wspólnicy"
	case f.people:
		a, b := surnames[r.IntN(len(surnames))], surnames[r.IntN(len(surnames))]
		if a == b || r.IntN(3) == 0 {
			name = desc + " " + a + " i Synowie"
		} else {
			name = desc + " " + a + ", " + b
		}
	case r.IntN(2) == 0 || s == secInsurance:
		name = desc + " „" + brand(r, sn.suffix) + "”"
	default:
		name = brand(r, sn.suffix) + " " + desc
	}
	name += " " + f.form
	k := r.IntN(townTotal)
	tw := towns[0].name
	for _, t := range towns {
		if k -= t.weight; k < 0 {
			tw = t.name
			break
		}
	}
	c := registry.Counterparty{Name: name, Country: "PL", Town: tw, NIP: registry.RandomValidNIP(r), REGON: registry.RandomValidREGON(r)}
	if f.krs {
		c.KRS = "0000" + strconv.Itoa(100000+r.IntN(900000))
	}
	return c
}

// brand joins a stem and a sector suffix: "Krakbud", "Wawel-Hydro", or just a stem.
func brand(r *rand.Rand, suffixes []string) string {
	stem := brandStems[r.IntN(len(brandStems))]
	if len(suffixes) == 0 || r.IntN(4) == 0 {
		return stem
	}
	suf := suffixes[r.IntN(len(suffixes))]
	if len([]rune(stem)) <= 4 && suf != "IT" {
		return stem + strings.ToLower(suf)
	}
	return stem + "-" + suf
}

// personSurname gives the feminine form of adjectival surnames (Kowalski → Kowalska).
func personSurname(s string, female bool) string {
	if !female {
		return s
	}
	if strings.HasSuffix(s, "ski") || strings.HasSuffix(s, "cki") || strings.HasSuffix(s, "dzki") {
		return strings.TrimSuffix(s, "i") + "a"
	}
	return s
}

// pick returns a firm of sector s, favouring the first ones (some firms win often).
func (p *pool) pick(r *rand.Rand, s sector) registry.Counterparty {
	fs := p.firms[s]
	u := r.Float64()
	return fs[int(u*u*float64(len(fs)))]
}

// fixed returns the firm of sector s chosen by key (a sole supplier of something).
func (p *pool) fixed(s sector, key int) registry.Counterparty {
	fs := p.firms[s]
	return fs[key%len(fs)]
}
