package web

// paramRequestID is the id of an information request.
var paramRequestID = apiParam{Name: "id", In: "path", Type: "integer", DescPL: "Numer wniosku.", DescEN: "Request id."}

// apiAreaRequests describes the information requests (UDIP) and appeals to the mayor's office.
func apiAreaRequests() apiArea {
	obj := func(props map[string]any, required ...string) map[string]any {
		s := map[string]any{"type": "object", "properties": props}
		if len(required) > 0 {
			s["required"] = required
		}
		return s
	}
	str := map[string]any{"type": "string"}
	officials := map[string]any{"type": "array", "items": obj(map[string]any{"name": str, "function": str})}
	return apiArea{
		Tag: "requests", NamePL: "Wnioski o informację publiczną",
		DescPL: "Wnioski do spółek (ustawa o dostępie do informacji publicznej), odpowiedzi, odmowy, odwołania do urzędu miasta i ich rozstrzygnięcia. Każdy JSON wniosku ma bieżący termin („due”).",
		DescEN: "Requests to the companies under the access to public information act, answers, refusals, appeals to the mayor's office and decisions. A request's JSON always carries its current due date (\"due\").",
		Routes: []apiRoute{
			{Method: "GET", Path: "/requests", SummaryPL: "Rejestr wniosków", SummaryEN: "The register of requests",
				DescPL: "Wnioski od najnowszych, bez danych wnioskodawców.", DescEN: "Requests, newest first, without the requesters' identity.",
				Params: []apiParam{
					{Name: "company", In: "query", Type: "string", DescPL: "Skrót spółki.", DescEN: "Company slug."},
					{Name: "outcome", In: "query", Type: "string", DescPL: "disclosed, partial, refused, not_public, not_held albo pending.", DescEN: "disclosed, partial, refused, not_public, not_held or pending."},
					{Name: "year", In: "query", Type: "integer", DescPL: "Rok złożenia.", DescEN: "Year submitted."}, paramPage,
				},
				Response: apiResponse{DescPL: "Strona wniosków i ich łączna liczba (20 na stronie).", DescEN: "A page of requests and the total (20 per page)."}, Errors: []int{400}},
			{Method: "POST", Path: "/requests", SummaryPL: "Złożenie wniosku", SummaryEN: "Submit a request",
				DescPL: "Bez konta. Zwraca numer wniosku i prywatny token (pokazywany tylko raz). Limit: 5 przyjętych wniosków na 10 minut z jednego adresu.",
				DescEN: "No account needed. Returns the request's id and the private tracking token (shown once). Limit: 5 accepted requests per 10 minutes per address.",
				Body: &apiBody{ContentType: "application/json", DescPL: "Wniosek; imię, nazwisko i e-mail są nieobowiązkowe i nigdy niepubliczne.", DescEN: "The request; name and e-mail are optional and never public.",
					Schema: obj(map[string]any{"company": str, "subject": str, "text": str, "name": str, "email": str, "public_text": map[string]any{"type": "boolean"}}, "company", "subject", "text")},
				Response: apiResponse{Status: 201, DescPL: "id, ref, token, due, tracking_url i wniosek.", DescEN: "id, ref, token, due, tracking_url and the request."}, Errors: []int{400, 415, 422, 429}},
			{Method: "GET", Path: "/requests/:id", SummaryPL: "Wniosek", SummaryEN: "A request",
				DescPL:   "Widok publiczny (bez danych wnioskodawcy; treść tylko za jego zgodą); z ?token= widok prywatny wnioskodawcy.",
				DescEN:   "The public view (no identity; the text only with the requester's consent); with ?token= the requester's private view.",
				Params:   []apiParam{paramRequestID, {Name: "token", In: "query", Type: "string", DescPL: "Prywatny token wniosku.", DescEN: "The request's private token."}},
				Response: apiResponse{DescPL: "Wniosek z osią czasu, odwołaniami i drogą sądową.", DescEN: "The request with its timeline, appeals and the court route."}, Errors: []int{403, 404}},
			{Method: "POST", Path: "/requests/:id/responses", SummaryPL: "Czynność spółki", SummaryEN: "A company's step",
				DescPL: "Pracownik spółki, do której skierowano wniosek: type = answer (answer: disclosed, partial, not_public, not_held), refusal (ground, officials, holder/legal_basis), clarification, fee, delay (new_due), reconsideration (answer: upheld, disclosed, partial), compliance.",
				DescEN: "An officer of the request's company: type = answer (answer: disclosed, partial, not_public, not_held), refusal (ground, officials, holder/legal_basis), clarification, fee, delay (new_due), reconsideration (answer: upheld, disclosed, partial), compliance.",
				Params: []apiParam{paramRequestID},
				Body: &apiBody{ContentType: "application/json", DescPL: "Czynność.", DescEN: "The step.",
					Schema: obj(map[string]any{"type": str, "answer": str, "text": str, "ground": str, "legal_basis": str, "holder": str, "officials": officials,
						"documents": map[string]any{"type": "array", "items": obj(map[string]any{"sha256": str, "name": str, "redacted": map[string]any{"type": "boolean"}})},
						"fee":       str, "new_due": str}, "type", "text")},
				Response: apiResponse{Status: 201, DescPL: "Wniosek po czynności.", DescEN: "The request after the step."}, Errors: []int{400, 401, 403, 404, 409, 415, 422}},
			{Method: "POST", Path: "/requests/:id/appeals", SummaryPL: "Odwołanie do urzędu miasta", SummaryEN: "Appeal to the mayor's office",
				DescPL: "Wnioskodawca (token): po odmowie, częściowym udostępnieniu, odpowiedzi „to nie jest informacja publiczna” albo gdy spółka przekroczyła termin.",
				DescEN: "The requester (token): after a refusal, a partial disclosure, a \"not public information\" answer, or when the company is overdue.",
				Params: []apiParam{paramRequestID},
				Body: &apiBody{ContentType: "application/json", DescPL: "Token i uzasadnienie.", DescEN: "Token and grounds.",
					Schema: obj(map[string]any{"token": str, "grounds": str}, "token", "grounds")},
				Response: apiResponse{Status: 201, DescPL: "appeal_id i wniosek.", DescEN: "appeal_id and the request."}, Errors: []int{400, 403, 404, 409, 415, 422, 429}},
			{Method: "POST", Path: "/appeals/:id/decision", SummaryPL: "Rozstrzygnięcie odwołania", SummaryEN: "Decide an appeal",
				DescPL: "Urząd miasta: result = upheld, instructed, partly (z comply_by), rejected_scope, rejected_late.",
				DescEN: "The mayor's office: result = upheld, instructed, partly (with comply_by), rejected_scope, rejected_late.",
				Params: []apiParam{{Name: "id", In: "path", Type: "integer", DescPL: "Numer odwołania.", DescEN: "Appeal id."}},
				Body: &apiBody{ContentType: "application/json", DescPL: "Rozstrzygnięcie z uzasadnieniem.", DescEN: "The decision with its reasoning.",
					Schema: obj(map[string]any{"result": str, "reasoning": str, "comply_by": str, "officials": officials}, "result", "reasoning")},
				Response: apiResponse{DescPL: "Wniosek po rozstrzygnięciu.", DescEN: "The request after the decision."}, Errors: []int{400, 401, 403, 404, 409, 415, 422}},
			{Method: "POST", Path: "/documents", SummaryPL: "Dokument do odpowiedzi", SummaryEN: "A document for an answer",
				DescPL:   "Pracownik spółki przesyła PDF (sprawdzany po zawartości, najwyżej 8 MB); zwraca sha256 do pola documents.",
				DescEN:   "An officer uploads a PDF (checked by content, at most 8 MB); returns the sha256 for documents.",
				Params:   []apiParam{{Name: "name", In: "query", Type: "string", DescPL: "Nazwa pliku.", DescEN: "File name."}},
				Body:     &apiBody{ContentType: "application/pdf", DescPL: "Plik PDF.", DescEN: "The PDF file.", Schema: map[string]any{"type": "string", "format": "binary"}},
				Response: apiResponse{Status: 201, DescPL: "sha256, name, size.", DescEN: "sha256, name, size."}, Errors: []int{401, 403, 413, 422}},
			{Method: "GET", Path: "/companies/:slug/requests-stats", SummaryPL: "Statystyki wniosków spółki", SummaryEN: "A company's request statistics",
				DescPL:   "Mediana dni do odpowiedzi, odsetek odpowiedzi w terminie, odsetek odmów, odwołania i ich wyniki.",
				DescEN:   "Median days to answer, share answered on time, refusal rate, appeals and their outcomes.",
				Params:   []apiParam{{Name: "slug", In: "path", Type: "string", DescPL: "Skrót spółki.", DescEN: "Company slug."}},
				Response: apiResponse{DescPL: "Statystyki.", DescEN: "The statistics."}, Errors: []int{404}},
		},
	}
}
