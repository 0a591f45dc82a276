package web

// writeContractSchema is the JSON Schema of a contract body of the write API: the keys of
// GET /api/v1/contracts/{id} that an officer files.
var writeContractSchema = map[string]any{
	"type": "object",
	"properties": map[string]any{
		"number": map[string]any{"type": "string"}, "signed_on": map[string]any{"type": "string", "format": "date"},
		"subject": map[string]any{"type": "string"}, "description": map[string]any{"type": "string"},
		"counterparty": map[string]any{"type": "object", "properties": map[string]any{
			"name": map[string]any{"type": "string"}, "nip": map[string]any{"type": "string"}, "regon": map[string]any{"type": "string"},
			"krs": map[string]any{"type": "string"}, "country": map[string]any{"type": "string"}, "town": map[string]any{"type": "string"},
			"natural_person": map[string]any{"type": "boolean"}}, "additionalProperties": false},
		"value_net": map[string]any{"type": "integer", "description": "grosze"}, "value_gross": map[string]any{"type": "integer", "description": "grosze"},
		"currency": map[string]any{"type": "string"}, "procurement_mode": map[string]any{"type": "string"},
		"cpv": map[string]any{"type": "string"}, "start_on": map[string]any{"type": "string", "format": "date"},
		"end_on": map[string]any{"type": "string", "format": "date"}, "eu_funded": map[string]any{"type": "boolean"},
		"redactions": map[string]any{"type": "array", "items": map[string]any{"type": "object", "properties": map[string]any{
			"field": map[string]any{"type": "string"}, "ground": map[string]any{"type": "string"}, "justification": map[string]any{"type": "string"}}}},
	},
}

// withKeys returns the contract schema with further keys.
func withKeys(keys map[string]any) map[string]any {
	props := map[string]any{}
	for k, v := range writeContractSchema["properties"].(map[string]any) {
		props[k] = v
	}
	for k, v := range keys {
		props[k] = v
	}
	return map[string]any{"type": "object", "properties": props}
}

// apiAreaWrite describes the write API and the audit log.
func apiAreaWrite() apiArea {
	text := map[string]any{"type": "string"}
	date := map[string]any{"type": "string", "format": "date"}
	errs := []int{400, 401, 403, 404, 409, 413, 415, 422}
	contract := apiResponse{DescPL: "Umowa, jak w GET /api/v1/contracts/{id}.", DescEN: "The contract, as GET /api/v1/contracts/{id} shows it."}
	return apiArea{
		Tag: "write", NamePL: "Zapis (dla spółek)",
		DescPL: "Wpisywanie i zmiany umów przez pracowników spółek: nagłówek Authorization: Bearer <token> (token z `jawnosc token create`) albo sesja z nagłówkiem X-CSRF-Token. Te same zasady co w panelu; każdy zapis trafia do dziennika zmian.",
		DescEN: "Filing and changing contracts by company officers: Authorization: Bearer <token> (from `jawnosc token create`) or the session cookie with X-CSRF-Token. The panel's rules; every write is in the audit log.",
		Routes: []apiRoute{
			{Method: "POST", Path: "/contracts", SummaryPL: "Nowa umowa", SummaryEN: "File a contract",
				DescPL: "Szkic albo od razu publikacja (\"publish\": true). Klucze jak w GET /api/v1/contracts/{id} oraz company (skrót spółki). Nieznane klucze są błędem 422; klucze wyliczane przez serwer (id, status, version, …) są pomijane.",
				DescEN: "A draft, or published at once (\"publish\": true). Keys as in GET /api/v1/contracts/{id} plus company (slug). Unknown keys are a 422; server-computed keys (id, status, version, …) are ignored.",
				Body: &apiBody{ContentType: "application/json", DescPL: "Treść umowy.", DescEN: "The contract.",
					Schema: withKeys(map[string]any{"company": text, "publish": map[string]any{"type": "boolean"}})},
				Response: apiResponse{Status: 201, DescPL: "Utworzona umowa; nagłówek Location.", DescEN: "The contract filed; a Location header."}, Errors: errs},
			{Method: "POST", Path: "/contracts/:id/publish", SummaryPL: "Publikacja szkicu", SummaryEN: "Publish a draft",
				DescPL: "Bez treści albo {}. 409, gdy umowa jest już opublikowana.", DescEN: "No body, or {}. 409 when already published.",
				Params: []apiParam{paramID}, Response: contract, Errors: errs},
			{Method: "POST", Path: "/contracts/:id/amendments", SummaryPL: "Aneks", SummaryEN: "Amendment (annex)",
				DescPL:   "Nowa wersja: zmieniła się sama umowa. Wymagane reason i annex_date; pozostałe klucze zmieniają tylko podane pola. 409 dla szkicu i wycofanej umowy.",
				DescEN:   "A new version: the contract itself changed. reason and annex_date required; other keys change only the fields sent. 409 for drafts and withdrawn contracts.",
				Params:   []apiParam{paramID},
				Body:     &apiBody{ContentType: "application/json", DescPL: "Zmienione pola i powód.", DescEN: "Changed fields and the reason.", Schema: withKeys(map[string]any{"reason": text, "annex_date": date})},
				Response: contract, Errors: errs},
			{Method: "POST", Path: "/contracts/:id/corrections", SummaryPL: "Korekta", SummaryEN: "Correction",
				DescPL:   "Nowa wersja: rejestr był błędny. Wymagane reason; pozostałe klucze zmieniają tylko podane pola.",
				DescEN:   "A new version: the register was wrong. reason required; other keys change only the fields sent.",
				Params:   []apiParam{paramID},
				Body:     &apiBody{ContentType: "application/json", DescPL: "Poprawione pola i powód.", DescEN: "Corrected fields and the reason.", Schema: withKeys(map[string]any{"reason": text})},
				Response: contract, Errors: errs},
			{Method: "POST", Path: "/contracts/:id/withdrawal", SummaryPL: "Wycofanie", SummaryEN: "Withdrawal",
				DescPL: "Umowa pozostaje widoczna jako wycofana, z powodem.", DescEN: "The contract stays visible as withdrawn, with the reason.",
				Params:   []apiParam{paramID},
				Body:     &apiBody{ContentType: "application/json", DescPL: "Powód.", DescEN: "The reason.", Schema: map[string]any{"type": "object", "properties": map[string]any{"reason": text}, "required": []string{"reason"}}},
				Response: contract, Errors: errs},
			{Method: "GET", Path: "/audit-log", SummaryPL: "Dziennik zmian", SummaryEN: "Audit log",
				DescPL: "Każdy zapis: kto, rola, czynność, obiekt, spółka, kiedy; od najnowszych. Tylko nadzór właścicielski i administratorzy.",
				DescEN: "Every write: who, role, action, object, company, when; newest first. Supervisors and admins only.",
				Params: []apiParam{
					{Name: "company", In: "query", Type: "string", DescPL: "Skrót spółki.", DescEN: "Company slug."},
					{Name: "actor", In: "query", Type: "string", DescPL: "Login osoby.", DescEN: "Login of the actor."},
					{Name: "action", In: "query", Type: "string", DescPL: "Czynność, np. entry.publish.", DescEN: "Action, e.g. entry.publish."},
					paramPage, {Name: "per_page", In: "query", Type: "integer", DescPL: "Liczba wpisów na stronie (najwyżej 500).", DescEN: "Records per page (at most 500)."},
				},
				Response: apiResponse{DescPL: "Strona dziennika i łączna liczba wpisów.", DescEN: "A page of the log and the total."}, Errors: []int{400, 401, 403}},
		},
	}
}
