package web

// apiAreaOtherRegisters describes the read and write API of expenses, ads and recruitments,
// built from registerDefs so that every register is described the same way.
func apiAreaOtherRegisters() apiArea {
	area := apiArea{Tag: "other-registers", NamePL: "Wydatki, reklamy, rekrutacje",
		DescPL: "Rejestry wydatków, reklam i mediów oraz rekrutacji do zarządów i rad nadzorczych: odczyt, eksport i zapis (kwoty w groszach, daty ISO 8601).",
		DescEN: "The registers of expenses, advertising and media spending, and board recruitments: reads, exports and writes (money in grosze, ISO 8601 dates)."}
	for _, d := range registerDefs {
		area.Routes = append(area.Routes, registerRoutesDoc(d)...)
	}
	area.Routes = append(area.Routes, apiRoute{Method: "GET", Path: "/ads/summary", SummaryPL: "Zestawienia wydatków na media", SummaryEN: "Advertising spending summaries",
		DescPL: "Opublikowane wpisy zsumowane według grupy (w każdej walucie osobno) i koncentracja wydatków każdej spółki: udział największego medium (0–1) i wskaźnik HHI (0–10 000).",
		DescEN: "Published ads summed by group (per currency) and each company's concentration: the largest outlet's share (0–1) and the Herfindahl–Hirschman index (0–10 000).",
		Params: append([]apiParam{{Name: "group", In: "query", Type: "string", DescPL: "outlet, outlet_quarter, quarter, content_kind, outlet_kind albo company (domyślnie outlet).",
			DescEN: "outlet, outlet_quarter, quarter, content_kind, outlet_kind or company (default outlet)."}}, registerListParams["ads"]...),
		Response: apiResponse{DescPL: "Sumy i koncentracja.", DescEN: "Sums and concentration."}, Errors: []int{400}})
	return area
}

// registerListParams are the filters of each register's list (as on its list page).
var registerListParams = map[string][]apiParam{
	"expenses": {
		{Name: "company", In: "query", Type: "string", DescPL: "Skrót spółki.", DescEN: "Company slug."},
		{Name: "year", In: "query", Type: "integer", DescPL: "Rok wydatku.", DescEN: "Year of the expense."},
		{Name: "category", In: "query", Type: "string", DescPL: "Kategoria: sponsorship, donation, consulting, legal, pr, events, travel, training, other.", DescEN: "Category code."},
		{Name: "recipient", In: "query", Type: "string", DescPL: "Fragment nazwy odbiorcy.", DescEN: "Part of the recipient's name."},
		{Name: "nip", In: "query", Type: "string", DescPL: "NIP odbiorcy.", DescEN: "Recipient's NIP."},
		{Name: "sort", In: "query", Type: "string", DescPL: "amount: od największej kwoty (domyślnie od najnowszych).", DescEN: "amount: largest first (default newest first)."},
	},
	"ads": {
		{Name: "company", In: "query", Type: "string", DescPL: "Skrót spółki.", DescEN: "Company slug."},
		{Name: "year", In: "query", Type: "integer", DescPL: "Rok początku okresu.", DescEN: "Year the period starts."},
		{Name: "quarter", In: "query", Type: "string", DescPL: "Kwartał, np. 2025-Q3 albo 20253.", DescEN: "Quarter, e.g. 2025-Q3 or 20253."},
		{Name: "outlet_kind", In: "query", Type: "string", DescPL: "Rodzaj medium: press, tv, radio, online, social, outdoor, cinema, other.", DescEN: "Outlet kind."},
		{Name: "content_kind", In: "query", Type: "string", DescPL: "Rodzaj treści: advertisement, sponsored_article, announcement, programme_sponsorship.", DescEN: "Content kind."},
		{Name: "outlet", In: "query", Type: "string", DescPL: "Dokładna nazwa medium.", DescEN: "Exact outlet name."},
		{Name: "currency", In: "query", Type: "string", DescPL: "Waluta (ISO 4217).", DescEN: "Currency (ISO 4217)."},
	},
	"recruitments": {
		{Name: "company", In: "query", Type: "string", DescPL: "Skrót spółki.", DescEN: "Company slug."},
		{Name: "year", In: "query", Type: "integer", DescPL: "Rok powołania albo ogłoszenia.", DescEN: "Year of the appointment or announcement."},
		{Name: "body", In: "query", Type: "string", DescPL: "management_board albo supervisory_board.", DescEN: "management_board or supervisory_board."},
		{Name: "procedure", In: "query", Type: "string", DescPL: "open_competition albo without_procedure.", DescEN: "open_competition or without_procedure."},
		{Name: "outcome", In: "query", Type: "string", DescPL: "in_progress, appointed, cancelled, no_candidate.", DescEN: "in_progress, appointed, cancelled, no_candidate."},
	},
}

// registerRoutesDoc describes one register's routes.
func registerRoutesDoc(d *registerDef) []apiRoute {
	base := "/" + d.API
	name := d.TabLabel()
	jsonBody := func(pl, en string) *apiBody {
		return &apiBody{ContentType: "application/json", DescPL: pl, DescEN: en, Schema: map[string]any{"type": "object"}}
	}
	writeErrors := []int{400, 401, 403, 404, 409, 413, 422}
	return []apiRoute{
		{Method: "GET", Path: base, SummaryPL: name + ": lista", SummaryEN: d.API + ": list",
			DescPL: "Opublikowane i wycofane wpisy, od najnowszych.", DescEN: "Published and withdrawn entries, newest first.",
			Params:   append(append([]apiParam{}, registerListParams[d.API]...), paramPage, paramPerPage),
			Response: apiResponse{DescPL: "Strona wpisów i ich łączna liczba.", DescEN: "A page of entries and the total."}, Errors: []int{400}},
		{Method: "GET", Path: base + "/:id", SummaryPL: name + ": wpis", SummaryEN: d.API + ": an entry",
			DescPL: "Wpis z opublikowanymi wersjami, zmianami między nimi i skrótami w łańcuchu.", DescEN: "An entry with its published versions, the changes between them and their ledger hashes.",
			Params: []apiParam{paramID}, Response: apiResponse{DescPL: "Wpis.", DescEN: "The entry."}, Errors: []int{404}},
		{Method: "GET", Path: "/export/" + d.API + ".csv", SummaryPL: name + ": eksport CSV", SummaryEN: d.API + " export (CSV)",
			DescPL: "Wszystkie jawne wpisy w CSV dla Excela (UTF-8 z BOM, średnik); plik można zaimportować z powrotem.", DescEN: "Every public entry as CSV for Excel (UTF-8 with BOM, semicolons); it imports back.",
			Response: apiResponse{ContentType: "text/csv", DescPL: "Plik CSV.", DescEN: "The CSV file.", Schema: map[string]any{"type": "string"}}},
		{Method: "GET", Path: "/export/" + d.API + ".json", SummaryPL: name + ": eksport JSON", SummaryEN: d.API + " export (JSON)",
			DescPL: "Wszystkie jawne wpisy jako jedna tablica JSON.", DescEN: "Every public entry as one JSON array.",
			Response: apiResponse{DescPL: "Tablica wpisów.", DescEN: "The array of entries.", Schema: map[string]any{"type": "array", "items": map[string]any{"type": "object"}}}},
		{Method: "POST", Path: base, SummaryPL: name + ": nowy wpis", SummaryEN: d.API + ": create",
			DescPL: "Szkic albo wpis opublikowany od razu („publish”: true) dla spółki „company”.", DescEN: "A draft, or published at once (\"publish\": true), for the company \"company\".",
			Body:     jsonBody("Treść wpisu (klucze jak w odpowiedzi GET) oraz company i publish.", "The entry's content (keys as in the GET answer) plus company and publish."),
			Response: apiResponse{Status: 201, DescPL: "Wpis.", DescEN: "The entry."}, Errors: writeErrors},
		{Method: "POST", Path: base + "/:id/publish", SummaryPL: name + ": publikacja szkicu", SummaryEN: d.API + ": publish a draft",
			DescPL: "Publikuje szkic: wpis trafia do łańcucha skrótów i wyszukiwarki.", DescEN: "Publishes a draft: it enters the ledger and the search index.",
			Params: []apiParam{paramID}, Response: apiResponse{DescPL: "Wpis.", DescEN: "The entry."}, Errors: writeErrors},
		{Method: "POST", Path: base + "/:id/amendments", SummaryPL: name + ": aneks", SummaryEN: d.API + ": amendment",
			DescPL: "Nowa wersja: zmieniło się samo zlecenie lub powołanie; annex_date i reason są wymagane.", DescEN: "A new version: the thing itself changed; annex_date and reason required.",
			Params: []apiParam{paramID}, Body: jsonBody("Zmienione pola, annex_date, reason.", "Changed fields, annex_date, reason."),
			Response: apiResponse{DescPL: "Wpis.", DescEN: "The entry."}, Errors: writeErrors},
		{Method: "POST", Path: base + "/:id/corrections", SummaryPL: name + ": korekta", SummaryEN: d.API + ": correction",
			DescPL: "Nowa wersja: rejestr się mylił; reason jest wymagany.", DescEN: "A new version: the register was wrong; reason required.",
			Params: []apiParam{paramID}, Body: jsonBody("Zmienione pola i reason.", "Changed fields and reason."),
			Response: apiResponse{DescPL: "Wpis.", DescEN: "The entry."}, Errors: writeErrors},
		{Method: "POST", Path: base + "/:id/withdrawal", SummaryPL: name + ": wycofanie", SummaryEN: d.API + ": withdrawal",
			DescPL: "Wpis zostaje widoczny jako wycofany, z powodem.", DescEN: "The entry stays visible as withdrawn, with the reason.",
			Params: []apiParam{paramID}, Body: jsonBody("reason", "reason"),
			Response: apiResponse{DescPL: "Wpis.", DescEN: "The entry."}, Errors: writeErrors},
	}
}
