package demo

// Real Kraków places, with the inflected forms the subjects need.

// street is a Kraków street: the prefix ("ul.", "al.") and its name in the genitive/
// locative ("Krakowskiej"; names of persons stay as they are: "Józefa Dietla").
type street struct{ prefix, obl string }

var streets = []street{
	{"ul.", "Krakowskiej"}, {"ul.", "Józefa Dietla"}, {"ul.", "Karmelickiej"}, {"ul.", "Długiej"},
	{"ul.", "Grodzkiej"}, {"ul.", "Starowiślnej"}, {"ul.", "Kalwaryjskiej"}, {"ul.", "Wielickiej"},
	{"ul.", "Zakopiańskiej"}, {"ul.", "Henryka Kamieńskiego"}, {"ul.", "Opolskiej"}, {"ul.", "Kocmyrzowskiej"},
	{"ul.", "Mogilskiej"}, {"ul.", "Lubicz"}, {"ul.", "Pawiej"}, {"ul.", "Basztowej"},
	{"ul.", "Królewskiej"}, {"ul.", "Czarnowiejskiej"}, {"ul.", "Armii Krajowej"}, {"ul.", "Tadeusza Kościuszki"},
	{"ul.", "Konopnickiej"}, {"ul.", "Jasnogórskiej"}, {"ul.", "Igołomskiej"}, {"ul.", "Bulwarowej"},
	{"ul.", "Nowohuckiej"}, {"ul.", "Lipskiej"}, {"ul.", "Saskiej"}, {"ul.", "Bolesława Limanowskiego"},
	{"ul.", "Wadowickiej"}, {"ul.", "Kamiennej"}, {"ul.", "Prądnickiej"}, {"ul.", "Bronowickiej"},
	{"ul.", "Balickiej"}, {"ul.", "Nowosądeckiej"}, {"ul.", "Bieżanowskiej"}, {"ul.", "Centralnej"},
	{"ul.", "Wincentego Witosa"}, {"ul.", "Stefana Grota-Roweckiego"}, {"ul.", "Josepha Conrada"}, {"ul.", "Zabłocie"},
	{"ul.", "Łokietka"}, {"ul.", "Pachońskiego"}, {"ul.", "Radzikowskiego"}, {"ul.", "Juliusza Lea"},
	{"ul.", "Mikołajskiej"}, {"ul.", "Szlak"}, {"ul.", "Dobrego Pasterza"}, {"ul.", "Meissnera"},
	{"ul.", "Bora-Komorowskiego"}, {"ul.", "Ptaszyckiego"}, {"ul.", "Półłanki"}, {"ul.", "Christo Botewa"},
	{"ul.", "Brożka"}, {"ul.", "Kapelanka"}, {"ul.", "Rydla"},
	{"al.", "Jana Pawła II"}, {"al.", "Adama Mickiewicza"}, {"al.", "Juliusza Słowackiego"}, {"al.", "Zygmunta Krasińskiego"},
	{"al.", "29 Listopada"}, {"al.", "Pokoju"},
}

// nowaHutaStreets are streets of the Nowa Huta area (the city's development zone).
var nowaHutaStreets = []street{
	{"ul.", "Igołomskiej"}, {"ul.", "Tadeusza Ptaszyckiego"}, {"ul.", "Kocmyrzowskiej"},
	{"ul.", "Bulwarowej"}, {"ul.", "Ujastek"}, {"ul.", "Klasztornej"},
}

// district is a part of Kraków: with its preposition in the locative ("w Nowej Hucie",
// "na Kurdwanowie") and in the genitive ("Nowej Huty").
type district struct{ loc, gen string }

var districts = []district{
	{"w Nowej Hucie", "Nowej Huty"}, {"w Podgórzu", "Podgórza"}, {"na Krowodrzy", "Krowodrzy"},
	{"w Bronowicach", "Bronowic"}, {"na Prądniku Białym", "Prądnika Białego"}, {"na Prądniku Czerwonym", "Prądnika Czerwonego"},
	{"w Czyżynach", "Czyżyn"}, {"w Bieżanowie", "Bieżanowa"}, {"w Prokocimiu", "Prokocimia"},
	{"w Dębnikach", "Dębnik"}, {"w Łagiewnikach", "Łagiewnik"}, {"w Swoszowicach", "Swoszowic"},
	{"na Zwierzyńcu", "Zwierzyńca"}, {"w Grzegórzkach", "Grzegórzek"}, {"na Starym Mieście", "Starego Miasta"},
	{"w Mistrzejowicach", "Mistrzejowic"}, {"w Bieńczycach", "Bieńczyc"}, {"na Kazimierzu", "Kazimierza"},
	{"na Kurdwanowie", "Kurdwanowa"}, {"na Ruczaju", "Ruczaju"}, {"w Łęgu", "Łęgu"},
	{"na Woli Justowskiej", "Woli Justowskiej"}, {"na Azorach", "Azorów"}, {"w Płaszowie", "Płaszowa"},
	{"na Zabłociu", "Zabłocia"}, {"w Tyńcu", "Tyńca"}, {"na Olszy", "Olszy"}, {"we Wzgórzach Krzesławickich", "Wzgórz Krzesławickich"},
}

// estates are housing estates of Nowa Huta and others, invariant after "os.".
var estates = []string{
	"os. Centrum A", "os. Centrum C", "os. Hutnicze", "os. Szklane Domy", "os. Kolorowe", "os. Teatralne",
	"os. Złotej Jesieni", "os. Piastów", "os. Tysiąclecia", "os. Oświecenia", "os. Dywizjonu 303",
	"os. Bohaterów Września", "os. Kalinowe", "os. Na Skarpie", "os. Handlowe", "os. Zgody",
}

// tramLoops are MPK's tram terminus names.
var tramLoops = []string{
	"Krowodrza Górka", "Czerwone Maki", "Nowy Bieżanów", "Kurdwanów", "Bronowice Małe", "Mistrzejowice",
	"Os. Piastów", "Walcownia", "Wzgórza Krzesławickie", "Cichy Kącik", "Salwator", "Borek Fałęcki", "Górka Narodowa",
}

// depots are MPK's depots, in the genitive.
var depots = []string{
	"zajezdni tramwajowej Podgórze", "zajezdni tramwajowej Nowa Huta", "zajezdni autobusowej Płaszów",
	"zajezdni autobusowej Wola Duchacka", "zajezdni autobusowej Bieńczyce",
}

// waterPlants are the water treatment plants of Kraków, in the genitive.
var waterPlants = []string{
	"Zakładu Uzdatniania Wody Raba", "Zakładu Uzdatniania Wody Rudawa", "Zakładu Uzdatniania Wody Dłubnia",
	"Zakładu Uzdatniania Wody Bielany",
}

// town is a Polish town with its weight among the counterparties' seats.
type town struct {
	name   string
	weight int
}

var towns = []town{
	{"Kraków", 30}, {"Wieliczka", 4}, {"Skawina", 3}, {"Niepołomice", 2}, {"Zabierzów", 2}, {"Myślenice", 2},
	{"Bochnia", 2}, {"Tarnów", 3}, {"Nowy Sącz", 3}, {"Oświęcim", 2}, {"Chrzanów", 2}, {"Zakopane", 1},
	{"Nowy Targ", 1}, {"Katowice", 4}, {"Gliwice", 2}, {"Sosnowiec", 1}, {"Bielsko-Biała", 3}, {"Częstochowa", 1},
	{"Warszawa", 8}, {"Łódź", 4}, {"Wrocław", 4}, {"Poznań", 3}, {"Gdańsk", 3}, {"Gdynia", 1},
	{"Szczecin", 1}, {"Świnoujście", 1}, {"Zielona Góra", 1}, {"Rzeszów", 2}, {"Kielce", 2}, {"Lublin", 2},
	{"Białystok", 1}, {"Olsztyn", 1}, {"Bydgoszcz", 1}, {"Toruń", 1}, {"Opole", 1}, {"Radom", 1},
	{"Dąbrowa Górnicza", 1}, {"Jaworzno", 1}, {"Żywiec", 1}, {"Mielec", 1}, {"Gorlice", 1}, {"Piła", 1},
}

// Polish month names in the genitive, for dates written out ("31 grudnia 2024 r.").
var monthsGen = [...]string{"stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca",
	"sierpnia", "września", "października", "listopada", "grudnia"}

// counts are numbers of items followed by a noun in the genitive plural ("20 autobusów").
var counts = []string{"5", "6", "8", "10", "12", "15", "16", "18", "20", "25", "30", "35", "40", "45", "50", "60"}

// stages are Roman numerals for stages and parts.
var stages = []string{"I", "II", "III", "IV", "V"}
