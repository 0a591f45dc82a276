package demo

// Template flags.
const (
	fInvest    = 1 << iota // an investment: may be EU-funded
	fFramework             // often bought as a call-off under a framework agreement
	fExempt                // usually exempt from the Public Procurement Law (legal representation, loans, airtime, exchange energy)
	fSole                  // one supplier (manufacturer, software owner): direct awards repeat
)

// tmpl is a contract template. Subject and desc may hold placeholders (see fill):
// {ul} {ul2} street, {ulnh} Nowa Huta street, {dz} district in the locative with its
// preposition, {dzg} district in the genitive, {os} estate, {n} count, {rok} year
// signed, {rok1} next year, {rok5} five years on, {petla} tram loop, {zajezdnia}
// depot, {zuw} water plant, {etap} stage.
type tmpl struct {
	subject  string
	desc     string // first sentence of the description ("" → "Przedmiotem umowy jest …")
	sec      sector
	cpv      string
	min, max int64 // net value range, zł
	vat      int   // VAT rate, percent
	flags    int
	months   int    // longest duration
	supplier string // slug of the municipal company that supplies it (in-house, tariffs)
	mode     string // mode when supplied by a municipal company
}

// companyTemplates are what each kind of company buys besides generic things.
var companyTemplates = map[string][]tmpl{
	"transport": {
		{"Dostawa {n} autobusów elektrycznych", "Umowa obejmuje dostawę fabrycznie nowych autobusów elektrycznych wraz z ładowarkami zajezdniowymi i szkoleniem kierowców.", secVehicle, "34144910-0", 20_000_000, 120_000_000, 23, fInvest, 30, "", ""},
		{"Dostawa {n} autobusów niskopodłogowych przegubowych z napędem hybrydowym", "Autobusy zostaną skierowane na linie obsługiwane z {zajezdnia}.", secVehicle, "34121400-5", 15_000_000, 90_000_000, 23, fInvest, 24, "", ""},
		{"Dostawa {n} tramwajów niskopodłogowych", "Umowa przewiduje dostawę tramwajów wraz z pakietem części zamiennych i wieloletnim serwisem.", secVehicle, "34600000-3", 60_000_000, 400_000_000, 23, fInvest, 48, "", ""},
		{"Modernizacja torowiska tramwajowego w {ul}", "Zakres robót obejmuje wymianę szyn, podkładów i sieci trakcyjnej na odcinku w {ul} wraz z przebudową przystanków.", secRoad, "45234121-0", 2_000_000, 60_000_000, 23, fInvest, 18, "", ""},
		{"Remont rozjazdów tramwajowych w {ul}", "Prace prowadzone będą nocą, z czasowym wyłączeniem ruchu tramwajów w {ul}.", secRoad, "45234121-0", 300_000, 6_000_000, 23, 0, 6, "", ""},
		{"Modernizacja pętli tramwajowej {petla}", "Umowa obejmuje przebudowę układu torowego pętli {petla}, peronów i poczekalni dla pasażerów.", secRoad, "45234121-0", 1_000_000, 20_000_000, 23, fInvest, 14, "", ""},
		{"Budowa linii tramwajowej do {dzg}", "Nowa linia tramwajowa połączy centrum z osiedlami {dzg}; umowa obejmuje też przebudowę układu drogowego.", secRoad, "45234121-0", 50_000_000, 400_000_000, 23, fInvest, 36, "", ""},
		{"Przebudowa sieci trakcyjnej w {ul}", "", secElectric, "45234000-6", 500_000, 15_000_000, 23, fInvest, 12, "", ""},
		{"Odśnieżanie przystanków komunikacji miejskiej {dz}", "Wykonawca odśnieża i posypuje perony przystanków w sezonie zimowym, w ciągu 4 godzin od wezwania.", secGreen, "90620000-9", 30_000, 900_000, 23, 0, 6, "", ""},
		{"Remont hali obsługowej {zajezdnia}", "", secBuild, "45453000-7", 200_000, 8_000_000, 23, 0, 10, "", ""},
		{"Dostawa części zamiennych do autobusów", "Części dostarczane są sukcesywnie na podstawie zamówień składanych przez {zajezdnia}.", secParts, "34300000-0", 20_000, 3_000_000, 23, fFramework | fSole, 24, "", ""},
		{"Dostawa opon do autobusów komunikacji miejskiej", "", secParts, "34350000-5", 100_000, 2_000_000, 23, fFramework, 24, "", ""},
		{"Naprawa główna wózków tramwajowych", "Naprawy wykonuje się w warsztatach {zajezdnia} zgodnie z dokumentacją producenta.", secVehicle, "50222000-7", 300_000, 10_000_000, 23, fSole, 24, "", ""},
		{"Dostawa i montaż wiat przystankowych {dz}", "", secBuild, "34928400-2", 50_000, 2_000_000, 23, 0, 6, "", ""},
		{"Dostawa biletomatów stacjonarnych z obsługą płatności zbliżeniowych", "", secIT, "30144400-4", 500_000, 8_000_000, 23, fInvest, 12, "", ""},
		{"Serwis systemu dynamicznej informacji pasażerskiej", "Umowa obejmuje utrzymanie tablic informacji pasażerskiej na przystankach i aktualizację oprogramowania.", secIT, "72267000-4", 100_000, 2_000_000, 23, fSole, 36, "", ""},
		{"Mycie pojazdów komunikacji miejskiej", "", secClean, "50112300-6", 50_000, 1_000_000, 23, 0, 12, "", ""},
		{"Dostawa energii elektrycznej trakcyjnej na {rok1} r.", "", secEnergy, "09310000-5", 5_000_000, 80_000_000, 23, fExempt, 12, "", ""},
	},
	"water": {
		{"Przebudowa kanalizacji ogólnospławnej w {ul}", "Zakres umowy obejmuje wymianę kanału ogólnospławnego wraz z przykanalikami i odtworzeniem nawierzchni w {ul}.", secWaterEng, "45232400-6", 500_000, 25_000_000, 23, fInvest, 18, "", ""},
		{"Budowa sieci wodociągowej {dz}", "Nowa sieć wodociągowa zapewni dostawę wody mieszkańcom {dzg}.", secWaterEng, "45232150-8", 300_000, 15_000_000, 23, fInvest, 14, "", ""},
		{"Renowacja kanału ściekowego metodą bezwykopową w {ul}", "Renowację kanalizacji wykonuje się rękawem utwardzanym światłem UV, bez rozkopywania jezdni.", secWaterEng, "45232410-9", 300_000, 10_000_000, 23, 0, 10, "", ""},
		{"Budowa kanalizacji deszczowej {dz}", "Kanalizacja deszczowa ograniczy podtopienia ulic {dzg} podczas nawalnych opadów.", secWaterEng, "45232130-2", 500_000, 20_000_000, 23, fInvest, 16, "", ""},
		{"Dostawa koagulantu dla {zuw}", "Koagulant dostarczany jest cysternami sukcesywnie, zgodnie z harmonogramem uzdatniania wody.", secChem, "24962000-5", 200_000, 4_000_000, 23, fFramework, 24, "", ""},
		{"Modernizacja {zuw}", "Umowa obejmuje modernizację ciągu technologicznego uzdatniania wody i automatykę zakładu.", secWaterEng, "45252126-7", 3_000_000, 80_000_000, 23, fInvest, 30, "", ""},
		{"Modernizacja części osadowej Oczyszczalni Ścieków Płaszów", "", secWaterEng, "45252127-4", 5_000_000, 100_000_000, 23, fInvest, 36, "", ""},
		{"Dostawa wodomierzy z modułami radiowymi", "Wodomierze umożliwią zdalny odczyt zużycia wody u odbiorców.", secWaterEng, "38421100-3", 200_000, 5_000_000, 23, fFramework, 24, "", ""},
		{"Dostawa rur i kształtek PE do budowy sieci wodociągowej", "", secWaterEng, "44163000-0", 100_000, 3_000_000, 23, fFramework, 12, "", ""},
		{"Odbiór i zagospodarowanie osadów ściekowych", "", secWasteSvc, "90513000-6", 1_000_000, 15_000_000, 8, 0, 24, "", ""},
		{"Usuwanie awarii sieci wodociągowej i kanalizacyjnej {dz}", "Wykonawca podejmuje naprawę awarii w ciągu 2 godzin od zgłoszenia.", secWaterEng, "45232150-8", 100_000, 3_000_000, 23, 0, 12, "", ""},
	},
	"waste": {
		{"Dostawa pojemników na odpady", "Umowa obejmuje dostawę pojemników do selektywnej zbiórki odpadów komunalnych wraz z oznakowaniem.", secWasteEq, "44613800-8", 100_000, 4_000_000, 23, fFramework, 12, "", ""},
		{"Dostawa {n} pojazdów do odbioru odpadów komunalnych", "Śmieciarki z zabudową bezpylną zostaną wyposażone w system ważenia pojemników.", secVehicle, "34144512-0", 5_000_000, 40_000_000, 23, fInvest, 18, "", ""},
		{"Zimowe utrzymanie chodników {dz}", "", secGreen, "90620000-9", 200_000, 3_000_000, 8, 0, 6, "", ""},
		{"Mechaniczne oczyszczanie ulic {dz}", "", secClean, "90610000-6", 200_000, 4_000_000, 8, 0, 12, "", ""},
		{"Zagospodarowanie odpadów wielkogabarytowych", "", secWasteSvc, "90513000-6", 500_000, 10_000_000, 8, 0, 12, "", ""},
		{"Obsługa Punktu Selektywnej Zbiórki Odpadów Komunalnych przy {ul}", "Punkt selektywnej zbiórki przyjmuje od mieszkańców odpady problemowe, elektroodpady i gruz.", secWasteSvc, "90511000-2", 200_000, 2_000_000, 8, 0, 24, "", ""},
		{"Rekultywacja składowiska odpadów Barycz", "Umowa obejmuje uszczelnienie kwater, odgazowanie i nasadzenia na zamkniętym składowisku.", secBuild, "90722000-4", 2_000_000, 30_000_000, 23, fInvest, 24, "", ""},
		{"Dostawa worków do selektywnej zbiórki odpadów", "", secWasteEq, "19640000-4", 50_000, 900_000, 23, fFramework, 12, "", ""},
		{"Naprawa i serwis pojazdów specjalistycznych", "", secParts, "50110000-9", 100_000, 2_000_000, 23, fSole, 24, "", ""},
	},
	"holding": {
		{"Dostawa reagentów do oczyszczania spalin w Zakładzie Termicznego Przekształcania Odpadów", "Reagenty dostarczane są sukcesywnie; umowa określa parametry jakościowe wapna hydratyzowanego i węgla aktywnego.", secChem, "24000000-4", 500_000, 8_000_000, 23, fFramework, 24, "", ""},
		{"Odbiór i zagospodarowanie żużli i popiołów z instalacji termicznego przekształcania odpadów", "", secWasteSvc, "90513000-6", 1_000_000, 15_000_000, 23, 0, 24, "", ""},
		{"Remont kotła w Zakładzie Termicznego Przekształcania Odpadów", "Remont przeprowadza się podczas planowego postoju instalacji.", secHeatEng, "45259000-7", 1_000_000, 12_000_000, 23, 0, 6, "", ""},
		{"Serwis systemu ciągłego monitoringu emisji spalin", "", secElectric, "50411000-9", 100_000, 1_000_000, 23, fSole, 36, "", ""},
		{"Usługi doradcze w zakresie nadzoru właścicielskiego nad spółkami grupy", "", secConsult, "79411000-8", 50_000, 900_000, 23, 0, 12, "", ""},
		{"Zakup energii elektrycznej dla spółek grupy KHK na {rok1} r.", "Zakup grupowy obejmuje punkty poboru energii spółek komunalnych.", secEnergy, "09310000-5", 5_000_000, 60_000_000, 23, fExempt, 12, "", ""},
		{"Badanie skonsolidowanego sprawozdania finansowego grupy kapitałowej za {rok} r.", "", secConsult, "79212100-4", 60_000, 300_000, 23, 0, 6, "", ""},
	},
	"heat": {
		{"Wymiana sieci ciepłowniczej w {ul}", "Umowa obejmuje wymianę sieci kanałowej na preizolowaną wraz z odtworzeniem nawierzchni w {ul}.", secHeatEng, "45232140-5", 500_000, 20_000_000, 23, fInvest, 12, "", ""},
		{"Przebudowa węzłów cieplnych na {os}", "Nowe węzły cieplne z automatyką pogodową zmniejszą straty ciepła w budynkach na {os}.", secHeatEng, "45331100-7", 200_000, 5_000_000, 23, fInvest, 10, "", ""},
		{"Budowa przyłącza ciepłowniczego do budynku przy {ul}", "", secHeatEng, "45232140-5", 50_000, 1_500_000, 23, 0, 6, "", ""},
		{"Dostawa rur preizolowanych do sieci ciepłowniczych", "", secHeatEng, "44163000-0", 500_000, 10_000_000, 23, fFramework, 12, "", ""},
		{"Podłączenie budynków {dz} do miejskiej sieci ciepłowniczej w ramach likwidacji niskiej emisji", "", secHeatEng, "45232140-5", 500_000, 12_000_000, 23, fInvest, 14, "", ""},
		{"Modernizacja komory ciepłowniczej w {ul}", "", secHeatEng, "45232140-5", 100_000, 2_000_000, 23, 0, 6, "", ""},
		{"Dostawa gazu ziemnego do kotłowni lokalnych", "", secEnergy, "09123000-7", 500_000, 8_000_000, 23, fExempt, 12, "", ""},
		{"Serwis ciepłomierzy z odczytem radiowym", "", secElectric, "50411000-9", 100_000, 2_000_000, 23, fSole, 24, "", ""},
		{"Diagnostyka sieci ciepłowniczej z użyciem termowizji", "Badanie termowizyjne z drona wskaże miejsca wycieków i ubytków izolacji sieci {dz}.", secDesign, "71600000-4", 50_000, 600_000, 23, 0, 6, "", ""},
	},
	"development": {
		{"Rewitalizacja kamienicy przy {ul}", "Umowa obejmuje remont konserwatorski elewacji, wymianę stropów i instalacji w zabytkowej kamienicy.", secBuild, "45262690-4", 1_000_000, 15_000_000, 23, fInvest, 18, "", ""},
		{"Rewitalizacja terenów poprzemysłowych {dz}", "", secBuild, "45262690-4", 2_000_000, 40_000_000, 23, fInvest, 24, "", ""},
		{"Obsługa techniczna hali widowiskowo-sportowej TAURON Arena Kraków", "Wykonawca zapewnia całodobową obsługę instalacji elektrycznych, wentylacji i klimatyzacji hali.", secElectric, "50700000-2", 200_000, 3_000_000, 23, 0, 24, "", ""},
		{"Ochrona imprez masowych w hali TAURON Arena Kraków", "", secSecurity, "79713000-5", 100_000, 2_000_000, 23, 0, 12, "", ""},
		{"Przygotowanie terenu pod budownictwo mieszkaniowe {dz}", "", secBuild, "45111200-0", 500_000, 10_000_000, 23, 0, 10, "", ""},
		{"Opracowanie koncepcji zagospodarowania terenu {dz}", "", secDesign, "71220000-6", 50_000, 800_000, 23, 0, 8, "", ""},
		{"Budowa parkingu wielopoziomowego przy {ul}", "", secBuild, "45223300-9", 5_000_000, 40_000_000, 23, fInvest, 20, "", ""},
		{"Organizacja wydarzeń sportowych w hali TAURON Arena Kraków", "", secEvents, "79952000-2", 100_000, 5_000_000, 23, 0, 6, "", ""},
	},
	"events": {
		{"Organizacja koncertu plenerowego na Rynku Głównym", "Umowa obejmuje scenę, nagłośnienie, oświetlenie, ochronę i obsługę medyczną wydarzenia.", secEvents, "79952100-3", 100_000, 3_000_000, 23, 0, 3, "", ""},
		{"Wynajem sceny mobilnej wraz z nagłośnieniem i oświetleniem", "", secEvents, "79952000-2", 30_000, 600_000, 23, 0, 3, "", ""},
		{"Obsługa promocyjna wydarzeń kulturalnych w {rok} r.", "", secAdvert, "79342000-3", 30_000, 500_000, 23, 0, 12, "", ""},
		{"Badanie sprawozdania finansowego spółki w likwidacji", "", secConsult, "79212100-4", 10_000, 60_000, 23, 0, 3, "", ""},
		{"Wycena majątku spółki na potrzeby likwidacji", "", secConsult, "79419000-4", 10_000, 80_000, 23, 0, 3, "", ""},
		{"Ochrona imprez plenerowych", "", secSecurity, "79713000-5", 30_000, 500_000, 23, 0, 3, "", ""},
	},
	"parking": {
		{"Dostawa i montaż parkomatów w Strefie Płatnego Parkowania", "Parkomaty przyjmują płatności kartą i aplikacją mobilną; umowa obejmuje 36 miesięcy serwisu.", secElectric, "38730000-1", 300_000, 6_000_000, 23, 0, 12, "", ""},
		{"Budowa parkingu Park & Ride przy {ul}", "Parking typu Park & Ride ułatwi przesiadkę z samochodu do tramwaju.", secBuild, "45223300-9", 3_000_000, 40_000_000, 23, fInvest, 20, "", ""},
		{"Utrzymanie czystości parkingów Park & Ride", "", secClean, "90910000-9", 50_000, 800_000, 23, 0, 12, "", ""},
		{"Serwis systemu poboru opłat w Strefie Płatnego Parkowania", "", secIT, "72267000-4", 100_000, 2_000_000, 23, fSole, 36, "", ""},
		{"Modernizacja oświetlenia w {ul} z zastosowaniem opraw LED", "", secElectric, "45316110-9", 200_000, 5_000_000, 23, fInvest, 8, "", ""},
		{"Budowa stacji ładowania pojazdów elektrycznych {dz}", "", secElectric, "45310000-3", 300_000, 4_000_000, 23, fInvest, 10, "", ""},
		{"Remont toalet publicznych przy {ul}", "", secBuild, "45453000-7", 80_000, 900_000, 23, 0, 6, "", ""},
		{"Utrzymanie zieleni przy parkingach {dz}", "", secGreen, "77310000-6", 30_000, 400_000, 8, 0, 12, "", ""},
	},
	"nowahuta": {
		{"Przygotowanie terenów inwestycyjnych w rejonie {ulnh}", "Umowa obejmuje niwelację terenu, rozbiórki i usunięcie kolizji z sieciami.", secBuild, "45111200-0", 1_000_000, 20_000_000, 23, fInvest, 12, "", ""},
		{"Budowa drogi dojazdowej do terenów inwestycyjnych przy {ulnh}", "", secRoad, "45233140-2", 2_000_000, 30_000_000, 23, fInvest, 18, "", ""},
		{"Rekultywacja terenów po dawnym kombinacie metalurgicznym", "", secWasteSvc, "90722000-4", 1_000_000, 20_000_000, 23, fInvest, 18, "", ""},
		{"Wykonanie badań geotechnicznych gruntów w rejonie {ulnh}", "", secDesign, "71332000-4", 50_000, 600_000, 23, 0, 4, "", ""},
		{"Opracowanie dokumentacji projektowej uzbrojenia terenu w rejonie {ulnh}", "", secDesign, "71320000-7", 100_000, 2_000_000, 23, 0, 10, "", ""},
		{"Kampania promocyjna terenów inwestycyjnych Nowej Huty", "", secAdvert, "79341400-0", 50_000, 800_000, 23, 0, 8, "", ""},
		{"Doradztwo w zakresie pozyskiwania inwestorów dla obszaru Nowej Huty", "", secConsult, "79400000-8", 50_000, 900_000, 23, 0, 12, "", ""},
	},
	"housing": {
		{"Budowa budynku mieszkalnego wielorodzinnego przy {ul}", "Budynek z mieszkaniami na wynajem powstanie wraz z garażem podziemnym i zagospodarowaniem terenu.", secBuild, "45211000-9", 8_000_000, 60_000_000, 8, fInvest, 26, "", ""},
		{"Termomodernizacja budynków mieszkalnych {dz}", "Zakres obejmuje docieplenie ścian i stropodachów oraz wymianę stolarki okiennej.", secBuild, "45321000-3", 500_000, 8_000_000, 8, fInvest, 10, "", ""},
		{"Remont elewacji budynku przy {ul}", "", secBuild, "45443000-4", 200_000, 3_000_000, 8, 0, 8, "", ""},
		{"Wymiana dźwigów osobowych w budynkach {dz}", "", secElectric, "42416100-6", 300_000, 3_000_000, 23, 0, 10, "", ""},
		{"Konserwacja dźwigów osobowych", "", secElectric, "50750000-7", 30_000, 400_000, 23, 0, 24, "", ""},
		{"Administrowanie zasobem mieszkaniowym spółki {dz}", "", secConsult, "70330000-3", 100_000, 1_500_000, 23, 0, 36, "", ""},
		{"Dostawa i montaż instalacji fotowoltaicznej na budynkach spółki", "", secElectric, "09331200-0", 200_000, 3_000_000, 8, fInvest, 8, "", ""},
	},
}

// genericTemplates are bought by every company.
var genericTemplates = []tmpl{
	{"Dostawa {n} komputerów przenośnych", "", secIT, "30213100-6", 30_000, 900_000, 23, fFramework, 3, "", ""},
	{"Świadczenie usług wsparcia i rozwoju systemu ERP", "Umowa obejmuje utrzymanie, aktualizacje prawne i rozwój systemu klasy ERP.", secIT, "72267000-4", 100_000, 3_000_000, 23, fSole, 36, "", ""},
	{"Dostawa licencji oprogramowania biurowego", "", secIT, "48000000-8", 50_000, 1_500_000, 23, 0, 36, "", ""},
	{"Wdrożenie systemu elektronicznego obiegu dokumentów", "", secIT, "72000000-5", 200_000, 3_000_000, 23, 0, 12, "", ""},
	{"Usługi utrzymania infrastruktury serwerowej", "", secIT, "72000000-5", 100_000, 2_000_000, 23, 0, 24, "", ""},
	{"Audyt bezpieczeństwa systemów informatycznych", "", secIT, "72000000-5", 30_000, 300_000, 23, 0, 4, "", ""},
	{"Obsługa prawna spółki", "Kancelaria zapewnia stałe doradztwo prawne zarządowi i reprezentację w sprawach bieżących.", secLegal, "79110000-8", 50_000, 900_000, 23, 0, 24, "", ""},
	{"Reprezentacja procesowa spółki w sprawie z powództwa wykonawcy", "", secLegal, "79110000-8", 20_000, 500_000, 23, fExempt, 24, "", ""},
	{"Doradztwo prawne w zakresie zamówień publicznych", "", secLegal, "79111000-5", 20_000, 400_000, 23, 0, 12, "", ""},
	{"Sprzątanie pomieszczeń biurowych siedziby spółki", "", secClean, "90911200-8", 50_000, 1_200_000, 23, 0, 24, "", ""},
	{"Mycie okien i przeszkleń budynku przy {ul}", "", secClean, "90911300-9", 10_000, 150_000, 23, 0, 12, "", ""},
	{"Ochrona fizyczna obiektów spółki", "Ochrona obejmuje całodobowe posterunki, patrole interwencyjne i obsługę monitoringu.", secSecurity, "79713000-5", 200_000, 4_000_000, 23, 0, 24, "", ""},
	{"Monitoring elektroniczny obiektów i konwojowanie wartości pieniężnych", "", secSecurity, "79711000-1", 50_000, 900_000, 23, 0, 24, "", ""},
	{"Ubezpieczenie mienia i odpowiedzialności cywilnej spółki na {rok1} r.", "", secInsurance, "66510000-8", 100_000, 3_000_000, 0, 0, 12, "", ""},
	{"Ubezpieczenie floty pojazdów spółki", "", secInsurance, "66514110-0", 200_000, 6_000_000, 0, 0, 12, "", ""},
	{"Dostawa oleju napędowego", "Olej napędowy dostarczany jest autocysternami do zbiorników spółki.", secFuel, "09134200-9", 500_000, 30_000_000, 23, fFramework, 12, "", ""},
	{"Zakup paliw do samochodów służbowych w systemie kart flotowych", "", secFuel, "09132000-3", 30_000, 800_000, 23, fFramework, 24, "", ""},
	{"Druk materiałów informacyjnych dla mieszkańców", "", secPrint, "79810000-5", 10_000, 300_000, 23, 0, 6, "", ""},
	{"Druk raportu rocznego spółki za {rok} r.", "", secPrint, "79810000-5", 10_000, 120_000, 23, 0, 3, "", ""},
	{"Badanie sprawozdania finansowego spółki za {rok} r.", "", secConsult, "79212100-4", 30_000, 200_000, 23, 0, 6, "", ""},
	{"Doradztwo podatkowe", "", secConsult, "79221000-9", 20_000, 400_000, 23, 0, 12, "", ""},
	{"Opracowanie strategii rozwoju spółki na lata {rok1}–{rok5}", "", secConsult, "79411000-8", 80_000, 900_000, 23, 0, 8, "", ""},
	{"Przeprowadzenie audytu energetycznego obiektów spółki", "", secConsult, "71314300-5", 20_000, 300_000, 23, 0, 4, "", ""},
	{"Kampania informacyjna w mediach lokalnych", "Kampania informuje mieszkańców o inwestycjach spółki i utrudnieniach w ruchu.", secAdvert, "79341400-0", 30_000, 900_000, 23, 0, 6, "", ""},
	{"Emisja spotów reklamowych w radiu", "", secAdvert, "79341000-6", 20_000, 500_000, 23, fExempt, 6, "", ""},
	{"Publikacja ogłoszeń prasowych", "", secAdvert, "79341000-6", 5_000, 150_000, 23, 0, 12, "", ""},
	{"Prowadzenie profili spółki w mediach społecznościowych", "", secAdvert, "79342000-3", 20_000, 300_000, 23, 0, 12, "", ""},
	{"Szkolenia z zakresu bezpieczeństwa i higieny pracy", "", secTraining, "80500000-9", 10_000, 200_000, 0, 0, 12, "", ""},
	{"Szkolenia językowe dla pracowników", "", secTraining, "80500000-9", 20_000, 300_000, 0, 0, 12, "", ""},
	{"Dostawa energii elektrycznej do obiektów spółki w {rok1} r.", "", secEnergy, "09310000-5", 300_000, 20_000_000, 23, fExempt, 12, "", ""},
	{"Świadczenie usług telefonii komórkowej", "", secTelecom, "64212000-5", 50_000, 900_000, 23, 0, 24, "", ""},
	{"Dzierżawa łączy światłowodowych", "", secTelecom, "64200000-8", 30_000, 600_000, 23, 0, 36, "", ""},
	{"Dostawa materiałów biurowych", "", secOffice, "30192000-1", 10_000, 300_000, 23, fFramework, 12, "", ""},
	{"Dostawa mebli biurowych", "", secOffice, "39130000-2", 20_000, 600_000, 23, 0, 3, "", ""},
	{"Profilaktyczne badania lekarskie pracowników", "", secMedical, "85147000-1", 30_000, 900_000, 0, 0, 24, "", ""},
	{"Dostawa odzieży roboczej i ochronnej", "", secWorkwear, "18110000-3", 50_000, 2_000_000, 23, fFramework, 12, "", ""},
	{"Leasing samochodów osobowych", "", secFinance, "66114000-2", 200_000, 3_000_000, 23, 0, 36, "", ""},
	{"Kredyt obrotowy w rachunku bieżącym", "", secFinance, "66113000-5", 1_000_000, 50_000_000, 0, fExempt, 24, "", ""},
	{"Utrzymanie zieleni na terenach spółki", "", secGreen, "77310000-6", 20_000, 500_000, 8, 0, 12, "", ""},
	{"Remont pomieszczeń biurowych siedziby spółki", "", secBuild, "45453000-7", 30_000, 900_000, 23, 0, 4, "", ""},
	{"Wymiana instalacji klimatyzacji w budynku przy {ul}", "", secHeatEng, "45331220-4", 30_000, 800_000, 23, 0, 4, "", ""},
	{"Opracowanie dokumentacji projektowej przebudowy budynku przy {ul}", "", secDesign, "71320000-7", 30_000, 900_000, 23, 0, 8, "", ""},
	{"Pełnienie funkcji inspektora nadzoru inwestorskiego", "", secDesign, "71520000-9", 50_000, 1_500_000, 23, 0, 24, "", ""},
	{"Usługi cateringowe podczas spotkań i konferencji", "", secCatering, "55520000-1", 5_000, 120_000, 8, 0, 12, "", ""},
	{"Odbiór i zagospodarowanie odpadów komunalnych z obiektów spółki", "", secWasteSvc, "90511000-2", 20_000, 600_000, 8, 0, 24, "mpo", "in_house"},
	{"Dostawa wody i odprowadzanie ścieków z obiektów spółki", "Rozliczenie według taryfy zatwierdzonej przez regulatora.", secWaterEng, "", 10_000, 2_000_000, 8, 0, 36, "wodociagi", "other"},
	{"Dostawa ciepła do budynków spółki", "Rozliczenie według taryfy dla ciepła.", secHeatEng, "09323000-9", 50_000, 3_000_000, 23, 0, 36, "mpec", "other"},
}

// personTemplates are small contracts with natural persons (no VAT, name only).
var personTemplates = []tmpl{
	{"Umowa o dzieło: opracowanie projektu graficznego materiałów promocyjnych", "", 0, "", 1_000, 30_000, 0, 0, 2, "", ""},
	{"Umowa zlecenia: przeprowadzenie szkolenia z ochrony danych osobowych", "", 0, "", 1_000, 15_000, 0, 0, 2, "", ""},
	{"Wykonanie dokumentacji fotograficznej inwestycji {dz}", "", 0, "", 1_500, 20_000, 0, 0, 6, "", ""},
	{"Tłumaczenie dokumentacji technicznej na język angielski", "", 0, "", 1_000, 25_000, 0, 0, 2, "", ""},
	{"Sporządzenie operatu szacunkowego nieruchomości przy {ul}", "", 0, "", 2_000, 18_000, 0, 0, 2, "", ""},
	{"Prowadzenie warsztatów edukacyjnych dla dzieci", "", 0, "", 1_000, 12_000, 0, 0, 4, "", ""},
}
