package web

// apiAreaAudits describes the API of audit reports and signals.
func apiAreaAudits() apiArea {
	jsonBody := func(pl, en string) *apiBody {
		return &apiBody{ContentType: "application/json", DescPL: pl, DescEN: en}
	}
	paramRule := apiParam{Name: "rule", In: "query", Type: "string", DescPL: "Reguła sygnału (np. order_splitting).", DescEN: "Signal rule (e.g. order_splitting)."}
	paramOneCompany := apiParam{Name: "company", In: "query", Type: "string", DescPL: "Skrót spółki.", DescEN: "Company slug."}
	return apiArea{
		Tag: "audits", NamePL: "Audyty i sygnały",
		DescPL: "Raporty z audytów z ustaleniami i zaleceniami (z historią statusów) oraz sygnały do sprawdzenia.",
		DescEN: "Audit reports with findings and recommendations (with status history), and signals (red flags).",
		Routes: []apiRoute{
			{Method: "GET", Path: "/audits", SummaryPL: "Raporty z audytów", SummaryEN: "Audit reports",
				DescPL: "Raporty od najnowszych, z liczbą zaleceń otwartych i po terminie.", DescEN: "Reports, newest first, with their open and overdue recommendation counts.",
				Params: []apiParam{paramOneCompany,
					{Name: "auditor", In: "query", Type: "string", DescPL: "Rodzaj audytora: city_audit_centre, external_firm, regional_audit_chamber, nik.", DescEN: "Auditor kind."},
					{Name: "year", In: "query", Type: "integer", DescPL: "Rok publikacji.", DescEN: "Year published."},
					{Name: "overdue", In: "query", Type: "integer", DescPL: "1: tylko raporty z zaleceniami po terminie.", DescEN: "1: only reports with overdue recommendations."},
					paramPage, paramPerPage},
				Response: apiResponse{DescPL: "Strona raportów i ich łączna liczba.", DescEN: "A page of reports and the total."}, Errors: []int{400}},
			{Method: "GET", Path: "/audits/:id", SummaryPL: "Raport z audytu", SummaryEN: "An audit report",
				DescPL: "Raport z ustaleniami, zaleceniami (historia statusów, dowody, stan „po terminie”), odpowiedzią spółki i omówieniem na sesji Rady.",
				DescEN: "The report with findings, recommendations (status history, evidence, overdue state), the company's response and the council discussion.",
				Params: []apiParam{paramID}, Response: apiResponse{DescPL: "Raport.", DescEN: "The report."}, Errors: []int{404}},
			{Method: "POST", Path: "/audits", SummaryPL: "Złożenie raportu (audytor)", SummaryEN: "File a report (auditor)",
				DescPL: "Audytor publikuje raport; PDF raportu w polu pdf_base64.", DescEN: "An auditor publishes a report; the PDF goes in pdf_base64.",
				Body:     jsonBody("Pola raportu, ustalenia i zalecenia.", "The report's fields, findings and recommendations."),
				Response: apiResponse{Status: 201, DescPL: "Opublikowany raport.", DescEN: "The published report."}, Errors: []int{400, 401, 403, 413, 422}},
			{Method: "POST", Path: "/audits/:id/responses", SummaryPL: "Odpowiedź spółki", SummaryEN: "The company's response",
				DescPL: "Pracownik spółki dodaje odpowiedź na raport ({\"text\", \"pdf_base64\"}).", DescEN: "An officer of the company adds a response ({\"text\", \"pdf_base64\"}).",
				Params: []apiParam{paramID}, Body: jsonBody("Treść i opcjonalny PDF.", "Text and an optional PDF."),
				Response: apiResponse{Status: 201, DescPL: "Odpowiedź.", DescEN: "The response."}, Errors: []int{400, 401, 403, 404, 422}},
			{Method: "POST", Path: "/audits/:id/council", SummaryPL: "Omówienie na sesji Rady Miasta", SummaryEN: "City Council discussion",
				DescPL: "Audytor zapisuje sesję i datę ({\"session\", \"date\"}).", DescEN: "An auditor records the session and date ({\"session\", \"date\"}).",
				Params: []apiParam{paramID}, Body: jsonBody("Sesja i data.", "Session and date."),
				Response: apiResponse{DescPL: "Raport.", DescEN: "The report."}, Errors: []int{400, 401, 403, 404, 422}},
			{Method: "POST", Path: "/recommendations/:id/status", SummaryPL: "Zmiana statusu zalecenia (audytor)", SummaryEN: "Change a recommendation's status (auditor)",
				DescPL: "{\"status\", \"on\", \"reason\"}; zmiana trafia do historii.", DescEN: "{\"status\", \"on\", \"reason\"}; the change is kept in the history.",
				Params: []apiParam{paramID}, Body: jsonBody("Status, data i uzasadnienie.", "Status, date and reason."),
				Response: apiResponse{DescPL: "Zalecenie z historią.", DescEN: "The recommendation with its history."}, Errors: []int{400, 401, 403, 404, 422}},
			{Method: "POST", Path: "/recommendations/:id/evidence", SummaryPL: "Dowód wdrożenia zalecenia", SummaryEN: "Implementation evidence",
				DescPL: "Pracownik spółki przekazuje dowód ({\"text\", \"pdf_base64\"}).", DescEN: "An officer of the company posts evidence ({\"text\", \"pdf_base64\"}).",
				Params: []apiParam{paramID}, Body: jsonBody("Treść i opcjonalny PDF.", "Text and an optional PDF."),
				Response: apiResponse{Status: 201, DescPL: "Dowód.", DescEN: "The evidence."}, Errors: []int{400, 401, 403, 404, 422}},
			{Method: "GET", Path: "/signals", SummaryPL: "Sygnały do sprawdzenia", SummaryEN: "Signals",
				DescPL: "Sygnały z regułą, powodem i wpisami, których dotyczą; przeliczane przy zmianie wpisów.", DescEN: "Signals with their rule, reason and entries; recomputed when entries change.",
				Params:   []apiParam{paramOneCompany, paramRule, paramPage, paramPerPage},
				Response: apiResponse{DescPL: "Strona sygnałów i ich łączna liczba.", DescEN: "A page of signals and the total."}, Errors: []int{400}},
			{Method: "GET", Path: "/signals/thresholds", SummaryPL: "Progi zamówień", SummaryEN: "Procurement thresholds",
				DescPL: "Progi netto obowiązujące od kolejnych dat.", DescEN: "Net thresholds in force from each date.",
				Response: apiResponse{DescPL: "Progi.", DescEN: "The thresholds."}},
		},
	}
}
