package web

// ledgerLinkSchema is the JSON Schema of a ledger link.
var ledgerLinkSchema = map[string]any{"type": "object", "properties": map[string]any{
	"seq":       map[string]any{"type": "integer"},
	"entry_id":  map[string]any{"type": "integer", "description": "The register entry; 0 when the link names none (audit PDFs, request events)"},
	"kind":      map[string]any{"type": "string", "description": "The entry's register (contract, expense …); empty when the link names no entry"},
	"version":   map[string]any{"type": "integer", "description": "The entry's version; 0 for links that are not versions"},
	"data_hash": map[string]any{"type": "string", "description": "SHA-256 of the canonical JSON of the linked record (the version, or the published file's description)"},
	"prev_hash": map[string]any{"type": "string"},
	"hash": map[string]any{"type": "string", "description": "SHA-256 of \"seq|entry_id|version|data_hash|prev_hash\" for version links; " +
		"of \"seq|entry_id|version|data_hash|prev_hash|link_kind|ref_id\" for every other kind"},
	"created_at": map[string]any{"type": "string", "format": "date-time"},
	"link_kind": map[string]any{"type": "string", "enum": []string{"version", "attachment", "audit_filing", "audit_report", "audit_response", "audit_status", "request_event"},
		"description": "What the link commits to: a published version of an entry, a contract attachment that became public, an audit report as filed (description, findings, recommendations), an audit report's PDF, a company's response or evidence ({response_id, report_id, recommendation_id, kind, text, posted_at, sha256, size}; sha256 empty without a PDF), " +
			"a status change of an audit recommendation ({status_change_id, recommendation_id, report_id, from_status, status, on, reason, changed_by, created_at}), " +
			"an event of an information request (its public view: {request_id, ref, company, event} with event as in GET /api/v1/requests/{id}, attached documents' sha256 and size included)"},
	"ref_id": map[string]any{"type": "integer", "description": "The attachment's, report's, response's, recommendation status change's or request event's id; 0 for version links"},
}}

// apiAreaOpenData describes the open-data routes: OCDS, the ledger and this document.
func apiAreaOpenData() apiArea {
	return apiArea{
		Tag: "open-data", NamePL: "Otwarte dane",
		DescPL: "Standard OCDS, łańcuch skrótów (rejestr zmian) i opis API. Zobacz też /otwarte-dane.",
		DescEN: "OCDS, the hash-chained ledger and this description. See also /otwarte-dane.",
		Routes: []apiRoute{
			{Method: "GET", Path: "/export/ocds.json", SummaryPL: "Umowy w standardzie OCDS 1.1", SummaryEN: "Contracts as OCDS 1.1",
				DescPL: "Pakiet wydań (release package) całego rejestru umów: jedno wydanie na każdą opublikowaną wersję umowy. Pola utajnione są pominięte. Obsługuje ETag i If-Modified-Since.",
				DescEN: "A release package of the whole contract register: one release per published version. Redacted fields are left out. Supports ETag and If-Modified-Since.",
				Response: apiResponse{DescPL: "Pakiet wydań OCDS.", DescEN: "The OCDS release package.",
					Schema: map[string]any{"$ref": "https://standard.open-contracting.org/schema/1__1__5/release-package-schema.json"}}, Errors: []int{304}},
			{Method: "GET", Path: "/contracts/:id/ocds.json", SummaryPL: "Umowa w standardzie OCDS 1.1", SummaryEN: "A contract as OCDS 1.1",
				DescPL:   "Pakiet rekordów (record package) z jednym rekordem: wszystkie wydania umowy i wydanie skompilowane.",
				DescEN:   "A record package with one record: every release of the contract and the compiled release.",
				Params:   []apiParam{paramID},
				Response: apiResponse{DescPL: "Pakiet rekordów OCDS.", DescEN: "The OCDS record package."}, Errors: []int{304, 404}},
			{Method: "GET", Path: "/ledger", SummaryPL: "Łańcuch skrótów (strona)", SummaryEN: "Ledger (a page)",
				DescPL: "Ogniwa łańcucha o numerach większych niż after, po kolei. Pole next wskazuje następną stronę.",
				DescEN: "Links of the hash chain with seq greater than after, in order. The next field points at the next page.",
				Params: []apiParam{
					{Name: "after", In: "query", Type: "integer", DescPL: "Numer ostatniego znanego ogniwa (domyślnie 0).", DescEN: "The last link already known (default 0)."},
					{Name: "per_page", In: "query", Type: "integer", DescPL: "Liczba ogniw (domyślnie i najwyżej 1000).", DescEN: "Links per page (default and at most 1000)."},
				},
				Response: apiResponse{DescPL: "Strona ogniw.", DescEN: "A page of links.", Schema: map[string]any{"type": "object", "properties": map[string]any{
					"after": map[string]any{"type": "integer"}, "links": map[string]any{"type": "array", "items": ledgerLinkSchema},
					"next": map[string]any{"type": "string"}}}},
				Errors: []int{304, 400}},
			{Method: "GET", Path: "/ledger/head", SummaryPL: "Ostatnie ogniwo łańcucha", SummaryEN: "Ledger head",
				DescPL:   "Ostatnie ogniwo; zapisz jego skrót, by później sprawdzić, że nic nie zmieniono.",
				DescEN:   "The last link; keep its hash to check later that nothing was changed.",
				Response: apiResponse{DescPL: "Ogniwo.", DescEN: "The link.", Schema: ledgerLinkSchema}, Errors: []int{304}},
			{Method: "GET", Path: "/openapi.json", SummaryPL: "Ten opis API (OpenAPI 3.1)", SummaryEN: "This API description (OpenAPI 3.1)",
				DescPL:   "Dokument OpenAPI 3.1; czytelna wersja po polsku i angielsku jest pod /api.",
				DescEN:   "The OpenAPI 3.1 document; a readable version in Polish and English is at /api.",
				Response: apiResponse{DescPL: "Dokument OpenAPI.", DescEN: "The OpenAPI document."}},
		},
	}
}
