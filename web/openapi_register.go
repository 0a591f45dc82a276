package web

// Parameters shared by several routes.
var (
	paramPage    = apiParam{Name: "page", In: "query", Type: "integer", DescPL: "Numer strony, od 1.", DescEN: "Page number, from 1."}
	paramPerPage = apiParam{Name: "per_page", In: "query", Type: "integer", DescPL: "Liczba wyników na stronie (domyślnie 50, najwyżej 1000).", DescEN: "Results per page (default 50, at most 1000)."}
	paramID      = apiParam{Name: "id", In: "path", Type: "integer", DescPL: "Identyfikator wpisu.", DescEN: "Entry id."}
	paramCompany = apiParam{Name: "company", In: "query", Type: "string", Repeated: true, DescPL: "Skrót spółki (np. mpk); można podać kilka.", DescEN: "Company slug (e.g. mpk); may repeat."}
	paramYear    = apiParam{Name: "year", In: "query", Type: "integer", Repeated: true, DescPL: "Rok zawarcia umowy.", DescEN: "Year the contract was signed."}
	paramMode    = apiParam{Name: "mode", In: "query", Type: "string", Repeated: true, DescPL: "Tryb udzielenia zamówienia (kod, np. open_tender).", DescEN: "Procurement mode code (e.g. open_tender)."}
)

// apiAreaRegister describes the read API of the registers: search, companies, contracts
// and their CSV/JSON exports.
func apiAreaRegister() apiArea {
	return apiArea{
		Tag: "registers", NamePL: "Rejestry",
		DescPL: "Wyszukiwanie, spółki i umowy — to samo, co na stronach serwisu.",
		DescEN: "Search, companies and contracts — what the public pages show.",
		Routes: []apiRoute{
			{Method: "GET", Path: "/search", SummaryPL: "Wyszukiwanie pełnotekstowe", SummaryEN: "Full-text search",
				DescPL: "Wyszukiwanie po polsku (także bez polskich znaków i w odmianie), z fasetami i fragmentami z zaznaczonymi słowami.",
				DescEN: "Polish full-text search (diacritics optional, inflections matched) with facets and highlighted snippets.",
				Params: []apiParam{
					{Name: "q", In: "query", Type: "string", DescPL: "Zapytanie: słowa, „fraza”, -wykluczenie, początek słowa z gwiazdką.", DescEN: "Query: words, \"phrase\", -exclusion, prefix*."},
					{Name: "kind", In: "query", Type: "string", Repeated: true, DescPL: "Rejestr (contract, …).", DescEN: "Register kind (contract, …)."},
					paramCompany, paramYear, paramMode,
					{Name: "band", In: "query", Type: "string", Repeated: true, DescPL: "Przedział kwoty w złotych (lt10k, 10k-50k, 50k-130k, 130k-1m, gt1m): umowy netto, wydatki i reklamy brutto; kwoty w innych walutach nie należą do żadnego.", DescEN: "Amount band in złoty (lt10k, 10k-50k, 50k-130k, 130k-1m, gt1m): contracts net, expenses and ads gross; amounts in other currencies fall into none."},
					{Name: "sort", In: "query", Type: "string", DescPL: "relevance, date, date_asc, value, value_asc.", DescEN: "relevance, date, date_asc, value, value_asc."},
					paramPage, {Name: "per_page", In: "query", Type: "integer", DescPL: "Liczba wyników na stronie.", DescEN: "Results per page."},
				},
				Response: apiResponse{DescPL: "Wyniki (value_net w groszach lub setnych częściach waluty currency), łączna liczba i fasety.", DescEN: "Hits (value_net in minor units of currency), total and facets."}, Errors: []int{400}},
			{Method: "GET", Path: "/companies", SummaryPL: "Spółki", SummaryEN: "Companies",
				DescPL: "Wszystkie spółki miasta w polskim porządku alfabetycznym.", DescEN: "Every company of the city, in Polish alphabetical order.",
				Response: apiResponse{DescPL: "Lista spółek.", DescEN: "The companies."}},
			{Method: "GET", Path: "/companies/:slug", SummaryPL: "Spółka", SummaryEN: "A company",
				DescPL: "Spółka z sumami opublikowanych umów, łącznie i w podziale na lata.", DescEN: "A company with the totals of its public contracts, overall and per year.",
				Params:   []apiParam{{Name: "slug", In: "path", Type: "string", DescPL: "Skrót spółki.", DescEN: "Company slug."}},
				Response: apiResponse{DescPL: "Spółka i sumy.", DescEN: "The company and its totals."}, Errors: []int{404}},
			{Method: "GET", Path: "/contracts", SummaryPL: "Umowy", SummaryEN: "Contracts",
				DescPL: "Opublikowane i wycofane umowy, od najnowszych.", DescEN: "Published and withdrawn contracts, newest first.",
				Params: []apiParam{
					{Name: "company", In: "query", Type: "string", DescPL: "Skrót spółki.", DescEN: "Company slug."},
					{Name: "year", In: "query", Type: "integer", DescPL: "Rok zawarcia.", DescEN: "Year signed."},
					{Name: "mode", In: "query", Type: "string", DescPL: "Tryb udzielenia zamówienia.", DescEN: "Procurement mode."},
					{Name: "nip", In: "query", Type: "string", DescPL: "NIP kontrahenta.", DescEN: "Counterparty's NIP (Polish tax id)."},
					paramPage, paramPerPage,
				},
				Response: apiResponse{DescPL: "Strona umów i ich łączna liczba.", DescEN: "A page of contracts and the total."}, Errors: []int{400}},
			{Method: "GET", Path: "/contracts/:id", SummaryPL: "Umowa", SummaryEN: "A contract",
				DescPL: "Umowa z opublikowanymi wersjami (i zmianami między nimi) oraz aneksami.", DescEN: "A contract with its published versions (and the changes between them) and annexes.",
				Params:   []apiParam{paramID},
				Response: apiResponse{DescPL: "Umowa.", DescEN: "The contract."}, Errors: []int{404}},
			{Method: "GET", Path: "/export/contracts.csv", SummaryPL: "Eksport umów (CSV)", SummaryEN: "Contracts export (CSV)",
				DescPL: "Wszystkie jawne umowy w CSV dla Excela (UTF-8 z BOM, średnik).", DescEN: "Every public contract as CSV for Excel (UTF-8 with BOM, semicolons).",
				Response: apiResponse{ContentType: "text/csv", DescPL: "Plik CSV.", DescEN: "The CSV file.", Schema: map[string]any{"type": "string"}}},
			{Method: "GET", Path: "/export/contracts.json", SummaryPL: "Eksport umów (JSON)", SummaryEN: "Contracts export (JSON)",
				DescPL: "Wszystkie jawne umowy jako jedna tablica JSON.", DescEN: "Every public contract as one JSON array.",
				Response: apiResponse{DescPL: "Tablica umów.", DescEN: "The array of contracts.", Schema: map[string]any{"type": "array", "items": map[string]any{"type": "object"}}}},
		},
	}
}
