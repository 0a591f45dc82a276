package web

// registerAPIDoc is what the description of one of the entry registers (expenses, ads,
// recruitments) says beyond what they share.
type registerAPIDoc struct {
	API              string // path segment, e.g. "expenses"
	NamePL, NameEN   string
	Filters          []apiParam
	EntryPL, EntryEN string
}

// Filters shared by the entry registers.
var (
	paramRegisterCompany = apiParam{Name: "company", In: "query", Type: "string", DescPL: "Skrót spółki.", DescEN: "Company slug."}
	paramRegisterSort    = apiParam{Name: "sort", In: "query", Type: "string", DescPL: "amount: od największej kwoty (domyślnie od najnowszych).", DescEN: "amount: largest first (default: newest first)."}
)

// registerAPIDocs describe the expenses, ads and recruitments registers.
var registerAPIDocs = []registerAPIDoc{
	{API: "expenses", NamePL: "Wydatki", NameEN: "Expenses", EntryPL: "wydatek", EntryEN: "expense",
		Filters: []apiParam{paramRegisterCompany,
			{Name: "year", In: "query", Type: "integer", DescPL: "Rok wydatku.", DescEN: "Year of the expense."},
			{Name: "category", In: "query", Type: "string", DescPL: "Kategoria (kod).", DescEN: "Category code."},
			{Name: "recipient", In: "query", Type: "string", DescPL: "Odbiorca (fragment nazwy).", DescEN: "Recipient (part of the name)."},
			paramRegisterSort}},
	{API: "ads", NamePL: "Reklamy i media", NameEN: "Advertising and media", EntryPL: "wydatek na reklamę", EntryEN: "advertising expense",
		Filters: []apiParam{paramRegisterCompany,
			{Name: "year", In: "query", Type: "integer", DescPL: "Rok początku okresu.", DescEN: "Year the period starts."},
			{Name: "outlet_kind", In: "query", Type: "string", DescPL: "Rodzaj medium (kod).", DescEN: "Outlet kind code."},
			{Name: "content_kind", In: "query", Type: "string", DescPL: "Rodzaj treści (kod).", DescEN: "Content kind code."},
			{Name: "outlet", In: "query", Type: "string", DescPL: "Medium (dokładna nazwa).", DescEN: "Outlet (exact name)."},
			paramRegisterSort}},
	{API: "recruitments", NamePL: "Rekrutacje do zarządów i rad", NameEN: "Board recruitments", EntryPL: "rekrutacja", EntryEN: "recruitment",
		Filters: []apiParam{paramRegisterCompany,
			{Name: "year", In: "query", Type: "integer", DescPL: "Rok powołania lub ogłoszenia.", DescEN: "Year of appointment or announcement."},
			{Name: "body", In: "query", Type: "string", DescPL: "Organ: zarząd albo rada nadzorcza (kod).", DescEN: "Body: management or supervisory board (code)."},
			{Name: "procedure", In: "query", Type: "string", DescPL: "Tryb wyboru (kod).", DescEN: "Selection procedure code."},
			{Name: "outcome", In: "query", Type: "string", DescPL: "Wynik (kod).", DescEN: "Outcome code."}}},
}

// apiAreaEntryRegisters describes the read API of expenses, ads and recruitments: a list
// with filters, one entry with its versions, CSV and JSON exports, and the ad summaries.
func apiAreaEntryRegisters() apiArea {
	a := apiArea{Tag: "entry-registers", NamePL: "Wydatki, reklamy, rekrutacje",
		DescPL: "Pozostałe rejestry: te same filtry co na ich stronach, kwoty w groszach.",
		DescEN: "The other registers: the filters of their pages, money in grosze."}
	for _, d := range registerAPIDocs {
		a.Routes = append(a.Routes,
			apiRoute{Method: "GET", Path: "/" + d.API, SummaryPL: d.NamePL, SummaryEN: d.NameEN,
				DescPL: "Opublikowane wpisy, od najnowszych, z filtrami jak na stronie rejestru.", DescEN: "Published entries, newest first, with the filters of the register's page.",
				Params:   append(append([]apiParam{}, d.Filters...), paramPage, paramPerPage),
				Response: apiResponse{DescPL: "Strona wpisów i ich łączna liczba.", DescEN: "A page of entries and the total."}, Errors: []int{400}},
			apiRoute{Method: "GET", Path: "/" + d.API + "/:id", SummaryPL: d.NamePL + ": jeden wpis", SummaryEN: d.NameEN + ": one entry",
				DescPL: "Wpis (" + d.EntryPL + ") z opublikowanymi wersjami i zmianami między nimi.", DescEN: "The " + d.EntryEN + " with its published versions and the changes between them.",
				Params: []apiParam{paramID}, Response: apiResponse{DescPL: "Wpis.", DescEN: "The entry."}, Errors: []int{304, 404}},
			apiRoute{Method: "GET", Path: "/export/" + d.API + ".csv", SummaryPL: d.NamePL + ": eksport CSV", SummaryEN: d.NameEN + ": CSV export",
				DescPL: "Wszystkie jawne wpisy w CSV dla Excela.", DescEN: "Every public entry as CSV for Excel.",
				Response: apiResponse{ContentType: "text/csv", DescPL: "Plik CSV.", DescEN: "The CSV file.", Schema: map[string]any{"type": "string"}}},
			apiRoute{Method: "GET", Path: "/export/" + d.API + ".json", SummaryPL: d.NamePL + ": eksport JSON", SummaryEN: d.NameEN + ": JSON export",
				DescPL: "Wszystkie jawne wpisy jako tablica JSON.", DescEN: "Every public entry as a JSON array.",
				Response: apiResponse{DescPL: "Tablica wpisów.", DescEN: "The array of entries.", Schema: map[string]any{"type": "array", "items": map[string]any{"type": "object"}}}},
		)
	}
	a.Routes = append(a.Routes, apiRoute{Method: "GET", Path: "/ads/summary", SummaryPL: "Reklamy: zestawienia", SummaryEN: "Advertising: summaries",
		DescPL: "Sumy wydatków na reklamę według grupy (medium, kwartał, rodzaj treści, rodzaj medium, spółka) i koncentracja w każdej spółce (udział największego medium, wskaźnik HHI).",
		DescEN: "Advertising spend summed by group (outlet, quarter, content kind, outlet kind, company) and each company's concentration (top share, HHI).",
		Params: append([]apiParam{{Name: "group", In: "query", Type: "string", DescPL: "outlet, outlet_quarter, quarter, content_kind, outlet_kind, company.", DescEN: "outlet, outlet_quarter, quarter, content_kind, outlet_kind, company."}},
			registerAPIDocs[1].Filters[:5]...),
		Response: apiResponse{DescPL: "Zestawienie.", DescEN: "The summary."}, Errors: []int{400}})
	return a
}
