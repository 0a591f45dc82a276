package search

import (
	"context"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func polishIndex(t *testing.T) *Index {
	ix, _ := mustOpen(t)
	docs := []Doc{
		contract(1, "Zakup żółwia do ogrodu", "Żółw błotny dla ogrodu zoologicznego w Łódź."),
		contract(2, "Umowa na odśnieżanie chodników", "Odśnieżanie i utrzymanie ulic w Łodzi, umowa roczna."),
		contract(3, "Budowa kanalizacji deszczowej", "Roboty w Krakowie przy ul. Wielickiej."),
		contract(4, "Dostawa sprzętu <script>alert(1)</script>", "Zakup <b>komputerów</b> & drukarek."),
		contract(5, "Dostawa oleju napędowego", "Paliwo dla autobusów."),
	}
	docs[3].NIP = "123-456-32-18"
	docs[3].Number = "ZP/17/2023"
	if err := ix.Apply(context.Background(), docs, nil, 1); err != nil {
		t.Fatal(err)
	}
	return ix
}

func TestPolishMatching(t *testing.T) {
	ix := polishIndex(t)
	tests := []struct {
		q        string
		want     []string // must be among the hits
		mustNot  []string // must not be among the hits
		wantOnly bool
	}{
		{q: "lodz", want: []string{"contract:1", "contract:2"}, mustNot: []string{"contract:3"}},
		{q: "Łódź", want: []string{"contract:1", "contract:2"}},
		{q: "zolw", want: []string{"contract:1"}, mustNot: []string{"contract:2"}},
		{q: "umowy", want: []string{"contract:2"}, mustNot: []string{"contract:1", "contract:5"}},
		{q: "umowie", want: []string{"contract:2"}},
		{q: "umową", want: []string{"contract:2"}},
		{q: "odsniezanie", want: []string{"contract:2"}, wantOnly: true},
		{q: "odśnieżania", want: []string{"contract:2"}, wantOnly: true},
		{q: "odsn", want: []string{"contract:2"}, wantOnly: true},
		{q: "kana", want: []string{"contract:3"}, wantOnly: true},
		{q: "kan*", want: []string{"contract:3"}, wantOnly: true},
		{q: "kanalizacja", want: []string{"contract:3"}, wantOnly: true},
		{q: "krakow", want: []string{"contract:3"}, wantOnly: true},
		{q: "1234563218", want: []string{"contract:4"}, wantOnly: true},
		{q: "123-456-32-18", want: []string{"contract:4"}, wantOnly: true},
		{q: "ZP/17/2023", want: []string{"contract:4"}, wantOnly: true},
		{q: "zp/17/2023", want: []string{"contract:4"}, wantOnly: true},
		{q: "ZP/17/2024", wantOnly: true},
		{q: `"odśnieżanie chodników"`, want: []string{"contract:2"}, wantOnly: true},
		{q: `"odsniezanie chodnikow"`, want: []string{"contract:2"}, wantOnly: true},
		{q: `"chodników odśnieżanie"`, wantOnly: true},
		{q: "dostawa", want: []string{"contract:4", "contract:5"}, wantOnly: true},
		{q: "dostawa -sprzętu", want: []string{"contract:5"}, wantOnly: true},
		{q: `dostawa -"oleju napędowego"`, want: []string{"contract:4"}, wantOnly: true},
		{q: "dostawa paliwo", want: []string{"contract:5"}, wantOnly: true},
		{q: "autobusy", want: []string{"contract:5"}, wantOnly: true},
		{q: "autobusom", want: []string{"contract:5"}, wantOnly: true},
		{q: "dostawę", want: []string{"contract:4", "contract:5"}, wantOnly: true},
		{q: "dostaw", want: []string{"contract:4", "contract:5"}, wantOnly: true},
		{q: "krakowa", want: []string{"contract:3"}, wantOnly: true},
		{q: "-dostawa", want: []string{"contract:1", "contract:2", "contract:3"}, wantOnly: true},
	}
	for _, tt := range tests {
		res := mustSearch(t, ix, Query{Q: tt.q})
		got := hitIDs(res)
		for _, w := range tt.want {
			if !slices.Contains(got, w) {
				t.Errorf("%q: want %s among %v", tt.q, w, got)
			}
		}
		for _, w := range tt.mustNot {
			if slices.Contains(got, w) {
				t.Errorf("%q: %s must not match (%v)", tt.q, w, got)
			}
		}
		if tt.wantOnly && len(got) != len(tt.want) {
			t.Errorf("%q: got %v, want exactly %v", tt.q, got, tt.want)
		}
		if res.Total != len(got) {
			t.Errorf("%q: total %d, hits %d", tt.q, res.Total, len(got))
		}
	}
}

func TestHighlight(t *testing.T) {
	ix := polishIndex(t)
	res := mustSearch(t, ix, Query{Q: "lodz", Highlight: true})
	snip := map[string]string{}
	for _, h := range res.Hits {
		snip[h.ID] = h.Snippet
	}
	if !strings.Contains(snip["contract:2"], "<mark>Łodzi</mark>") {
		t.Errorf("snippet of 2: %q", snip["contract:2"])
	}
	if !strings.Contains(snip["contract:1"], "<mark>Łódź</mark>") {
		t.Errorf("snippet of 1: %q", snip["contract:1"])
	}

	res = mustSearch(t, ix, Query{Q: "umowy odsniezanie", Highlight: true})
	if len(res.Hits) != 1 {
		t.Fatalf("hits: %v", hitIDs(res))
	}
	h := res.Hits[0]
	for _, w := range []string{"<mark>Odśnieżanie</mark>", "<mark>umowa</mark>"} {
		if !strings.Contains(h.Snippet, w) {
			t.Errorf("snippet %q lacks %q", h.Snippet, w)
		}
	}
	var marked []string
	for _, p := range h.TitleParts {
		if p.Mark {
			marked = append(marked, p.Text)
		}
	}
	if !slices.Equal(marked, []string{"Umowa", "odśnieżanie"}) {
		t.Errorf("title marks %v", marked)
	}
	var joined strings.Builder
	for _, p := range h.SnippetParts {
		joined.WriteString(p.Text)
	}
	if !strings.Contains(joined.String(), "Odśnieżanie i utrzymanie ulic w Łodzi") {
		t.Errorf("parts do not rebuild the text: %q", joined.String())
	}

	res = mustSearch(t, ix, Query{Q: "zakup komputerów", Highlight: true})
	if len(res.Hits) != 1 {
		t.Fatalf("hits: %v", hitIDs(res))
	}
	s := res.Hits[0].Snippet
	if strings.Contains(s, "<b>") || !strings.Contains(s, "&lt;b&gt;") || !strings.Contains(s, "&amp;") {
		t.Errorf("snippet not escaped: %q", s)
	}
	if !strings.Contains(s, "<mark>komputerów</mark>") {
		t.Errorf("snippet %q", s)
	}
	if res.Hits[0].Title != "Dostawa sprzętu <script>alert(1)</script>" {
		t.Errorf("title %q", res.Hits[0].Title)
	}

	res = mustSearch(t, ix, Query{Q: "dostawa"})
	if res.Hits[0].Snippet != "" || res.Hits[0].SnippetParts != nil {
		t.Error("snippet without Highlight")
	}
}

func TestLongSnippetWindow(t *testing.T) {
	ix, _ := mustOpen(t)
	body := strings.Repeat("Początek opisu umowy bez znaczenia. ", 20) + "Tu jest żółw w Łodzi. " + strings.Repeat("Dalszy ciąg opisu. ", 20)
	if err := ix.Apply(context.Background(), []Doc{contract(1, "Długi opis", body)}, nil, 1); err != nil {
		t.Fatal(err)
	}
	res := mustSearch(t, ix, Query{Q: "zolw", Highlight: true})
	s := res.Hits[0].Snippet
	if !strings.HasPrefix(s, "…") || !strings.HasSuffix(s, "…") || !strings.Contains(s, "<mark>żółw</mark>") || len(s) > 400 {
		t.Errorf("snippet %q", s)
	}
}

func TestMalformedQueries(t *testing.T) {
	ix := polishIndex(t)
	for _, q := range []string{
		`"unclosed`, `+-:(`, `i w na`, strings.Repeat("x!@#$%^&()", 100), `*`, `"`, `-`, `--`, `""`, `-""`,
		`a*`, `ab*`, `***`, `"a" "b" -`, `(umowa OR żółw) AND NOT`, `title:umowa`, `umowa~2`, `^^`, "\x00\xff",
		strings.Repeat("umowa ", 13), strings.Repeat("ą", 501), `\`, `/`, `.*`,
	} {
		res, err := ix.Search(context.Background(), Query{Q: q})
		if err != nil && !isInvalid(err) {
			t.Errorf("%q: %v", q, err)
		}
		if err == nil && res == nil {
			t.Errorf("%q: nil result", q)
		}
	}
	if _, err := ix.Search(context.Background(), Query{Q: `+-:(`}); !isInvalid(err) {
		t.Errorf("junk: %v", err)
	}
	if res := mustSearch(t, ix, Query{Q: "*"}); res.Total != 5 {
		t.Errorf("lone star: %d", res.Total)
	}
	if res := mustSearch(t, ix, Query{Q: `"unclosed odśnieżanie`}); res.Total != 0 {
		t.Errorf("unclosed phrase: %d", res.Total)
	}
	if res := mustSearch(t, ix, Query{Q: `"odśnieżanie chodników`}); res.Total != 1 {
		t.Errorf("unclosed phrase: %d", res.Total)
	}
	if _, err := ix.Search(context.Background(), Query{Q: "ka*"}); !isInvalid(err) {
		t.Errorf("short prefix: %v", err)
	}
	if _, err := ix.Search(context.Background(), Query{Q: "umowa", Sort: "name"}); !isInvalid(err) {
		t.Errorf("bad sort: %v", err)
	}
	if _, err := ix.Search(context.Background(), Query{Q: "umowa", Page: 1000, PerPage: 100}); !isInvalid(err) {
		t.Errorf("deep page: %v", err)
	}
}

func FuzzParseQuery(f *testing.F) {
	m, err := newMapping()
	if err != nil {
		f.Fatal(err)
	}
	an := m.AnalyzerNamed(anFold)
	for _, s := range []string{`umowa "odśnieżanie chodników" -żółw kana*`, `"unclosed`, `+-:(`, `*`, `ZP/17/2023`, "\xff\xfe", `-"a b" c*`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := parseQuery(s, an)
		if err != nil {
			if !isInvalid(err) {
				t.Fatalf("%q: %v", s, err)
			}
			return
		}
		if len(p.must)+len(p.not) > MaxQueryTerms {
			t.Fatalf("%q: %d clauses", s, len(p.must)+len(p.not))
		}
		for _, c := range append(p.must, p.not...) {
			if len(c.tokens) == 0 {
				t.Fatalf("%q: clause without tokens", s)
			}
			if c.prefix && (c.phrase || utf8.RuneCountInString(c.tokens[0]) < starMin) {
				t.Fatalf("%q: bad prefix clause %+v", s, c)
			}
		}
	})
}

// TestStemInflections checks that the inflected forms of nouns common in contract subjects
// share one stem (as folded, lowercased tokens reach the stemmer), and that different
// words keep different stems.
func TestStemInflections(t *testing.T) {
	groups := [][]string{
		{"autobus", "autobusy", "autobusu", "autobusów", "autobusom", "autobusami", "autobusach", "autobusie"},
		{"dostawa", "dostawy", "dostaw", "dostawę", "dostawą", "dostawie", "dostawom", "dostawami", "dostawach"},
		{"remont", "remontu", "remonty", "remontów", "remontom", "remontami", "remontach", "remontowi"},
		{"usługa", "usługi", "usług", "usługę", "usługą", "usługom", "usługami", "usługach"},
		{"naprawa", "naprawy", "napraw", "naprawę", "naprawą", "naprawie", "naprawami", "naprawach"},
		{"umowa", "umowy", "umów", "umowę", "umową", "umowie", "umowom", "umowami", "umowach"},
		{"tramwaj", "tramwaje", "tramwajów", "tramwajom", "tramwajami", "tramwajach", "tramwaju"},
		{"pojemnik", "pojemniki", "pojemników", "pojemnikom", "pojemnikami", "pojemnikach", "pojemnika"},
		{"budowa", "budowy", "budów", "budowę", "budowie", "budowami"},
		{"Kraków", "Krakowa", "Krakowie", "Krakowowi"},
		{"samochód", "samochodu", "samochody", "samochodów", "samochodami"},
		{"przegląd", "przeglądu", "przeglądy", "przeglądów", "przeglądach"},
		{"materiał", "materiały", "materiałów", "materiałami", "materiałach"},
		{"odśnieżanie", "odśnieżania", "odśnieżaniu", "odsniezanie"},
	}
	stems := map[string]string{} // stem → group's first word
	for _, g := range groups {
		want := stem(fold(strings.ToLower(g[0])))
		for _, w := range g[1:] {
			if got := stem(fold(strings.ToLower(w))); got != want {
				t.Errorf("%q stems to %q, %q to %q", w, got, g[0], want)
			}
		}
		if other, ok := stems[want]; ok {
			t.Errorf("%q and %q share the stem %q", g[0], other, want)
		}
		stems[want] = g[0]
	}
}
