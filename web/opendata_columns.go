package web

// csvColumn describes one column of a CSV dump in Polish.
type csvColumn struct {
	Name, Desc string
}

// contractCSVColumnDocs describes every column of the contracts CSV (export and dump).
var contractCSVColumnDocs = []csvColumn{
	{"id", "Identyfikator wpisu w rejestrze (stały; adres strony: /umowy/{id})."},
	{"company", "Skrót spółki (np. mpk), jak w adresie /spolki/{skrót}."},
	{"status", "Stan wpisu: published (opublikowana) albo withdrawn (wycofana, widoczna z powodem)."},
	{"version", "Numer bieżącej wersji wpisu (1 = pierwsza publikacja; każdy aneks, korekta i wycofanie dodaje wersję)."},
	{"published_at", "Chwila pierwszej publikacji (UTC, ISO 8601)."},
	{"number", "Numer umowy nadany przez spółkę."},
	{"signed_on", "Data zawarcia umowy (RRRR-MM-DD)."},
	{"subject", "Przedmiot umowy."},
	{"description", "Opis umowy (może mieć wiele wierszy)."},
	{"counterparty_name", "Kontrahent: nazwa firmy albo imię i nazwisko osoby fizycznej."},
	{"counterparty_nip", "NIP kontrahenta (10 cyfr, sprawdzona suma kontrolna); pusty dla osób fizycznych."},
	{"counterparty_regon", "REGON kontrahenta (9 albo 14 cyfr)."},
	{"counterparty_krs", "Numer KRS kontrahenta (10 cyfr)."},
	{"counterparty_country", "Kraj kontrahenta, kod ISO 3166 (PL, DE, …)."},
	{"counterparty_town", "Miejscowość kontrahenta (dla osób fizycznych pusta)."},
	{"value_net", "Wartość netto, z przecinkiem dziesiętnym (np. 129999,99), w walucie z kolumny currency."},
	{"value_gross", "Wartość brutto, jak wyżej."},
	{"currency", "Waluta, kod ISO 4217 (zwykle PLN)."},
	{"procurement_mode", "Tryb udzielenia zamówienia, kod: open_tender, restricted_tender, negotiated, quotation_below_threshold, direct_award, in_house, framework_call_off, exempt, other."},
	{"cpv", "Kod CPV (Wspólny Słownik Zamówień), np. 34631000-9."},
	{"start_on", "Początek obowiązywania umowy (RRRR-MM-DD)."},
	{"end_on", "Koniec obowiązywania umowy (RRRR-MM-DD)."},
	{"eu_funded", "Czy umowa jest finansowana ze środków UE: true albo false."},
	{"publication_delay_days", "Ile dni po zawarciu umowę opublikowano."},
	{"url", "Adres strony umowy w serwisie."},
	{"counterparty_natural_person", "true, gdy kontrahent jest osobą fizyczną (wtedy podaje się tylko imię i nazwisko)."},
	{"redacted_fields", "Pola wyłączone z jawności (np. description, value_net), rozdzielone przecinkami; powód jest na stronie umowy."},
}

// ledgerCSVColumnDocs describes the columns of the ledger CSV.
var ledgerCSVColumnDocs = []csvColumn{
	{"seq", "Numer ogniwa: 1, 2, 3, … bez przerw."},
	{"entry_id", "Identyfikator wpisu, którego wersję (albo załącznik) opublikowano; 0 przy plikach PDF audytów i zdarzeniach wniosków."},
	{"kind", "Rejestr: contract (umowy) i kolejne rejestry; puste, gdy ogniwo nie dotyczy wpisu."},
	{"version", "Numer opublikowanej wersji wpisu; 0 w ogniwach plików."},
	{"data_hash", "SHA-256 kanonicznego JSON-u wersji (treść i metadane) albo opisu pliku (nazwa, rozmiar, SHA-256)."},
	{"prev_hash", "Skrót poprzedniego ogniwa (dla pierwszego: 64 zera)."},
	{"hash", "SHA-256 tekstu „seq|entry_id|version|data_hash|prev_hash”; w ogniwach innych niż version na końcu dochodzi „|link_kind|ref_id”."},
	{"created_at", "Chwila dopisania ogniwa (UTC)."},
	{"link_kind", "Czego dotyczy ogniwo: version (wersja wpisu), attachment (załącznik umowy), audit_filing (raport z audytu w chwili złożenia: opis, ustalenia, zalecenia), audit_report (PDF raportu z audytu), audit_response (odpowiedź spółki albo dowód wdrożenia zalecenia: treść, chwila, PDF), audit_status (zmiana statusu zalecenia z audytu), request_event (zdarzenie wniosku o informację publiczną: odpowiedź, odmowa, rozstrzygnięcie … z dokumentami)."},
	{"ref_id", "Numer załącznika, raportu, odpowiedzi, zmiany statusu zalecenia albo zdarzenia wniosku; 0 przy wersjach."},
}

// metaCSVColumnDocs describes the columns every entry register's CSV starts with.
var metaCSVColumnDocs = []csvColumn{
	{"id", "Identyfikator wpisu w rejestrze (stały)."},
	{"company", "Skrót spółki (np. mpk)."},
	{"status", "Stan wpisu: published (opublikowany) albo withdrawn (wycofany, widoczny z powodem)."},
	{"version", "Numer bieżącej wersji wpisu."},
	{"published_at", "Chwila pierwszej publikacji (UTC, ISO 8601)."},
	{"withdrawn_reason", "Powód wycofania (dla wpisów wycofanych)."},
	{"url", "Adres strony wpisu w serwisie."},
}

// expenseCSVColumnDocs describes the expenses CSV.
var expenseCSVColumnDocs = append(append([]csvColumn{}, metaCSVColumnDocs...), []csvColumn{
	{"spent_on", "Data wydatku (RRRR-MM-DD)."},
	{"category", "Kategoria (kod): sponsoring, darowizna, doradztwo, promocja, wydarzenia i inne."},
	{"recipient_name", "Odbiorca: nazwa."},
	{"recipient_nip", "NIP odbiorcy."},
	{"amount_gross", "Kwota brutto, z przecinkiem dziesiętnym."},
	{"currency", "Waluta, kod ISO 4217."},
	{"purpose", "Cel wydatku."},
	{"contract_id", "Identyfikator umowy, na podstawie której zapłacono (jeśli jest)."},
}...)

// adCSVColumnDocs describes the advertising CSV.
var adCSVColumnDocs = append(append([]csvColumn{}, metaCSVColumnDocs...), []csvColumn{
	{"outlet_name", "Medium: nazwa (gazeta, stacja, portal, …)."},
	{"outlet_kind", "Rodzaj medium (kod): prasa, telewizja, radio, portal, media społecznościowe, reklama zewnętrzna, kino, inne."},
	{"outlet_publisher", "Wydawca medium."},
	{"outlet_nip", "NIP wydawcy."},
	{"campaign", "Tytuł kampanii."},
	{"content_kind", "Rodzaj treści (kod): reklama, artykuł sponsorowany, ogłoszenie urzędowe, sponsoring programu."},
	{"description", "Opis."},
	{"period_start", "Początek okresu emisji (RRRR-MM-DD)."},
	{"period_end", "Koniec okresu emisji (RRRR-MM-DD)."},
	{"quarter", "Kwartał, do którego wydatek się liczy (np. 2026-Q1)."},
	{"amount_gross", "Kwota brutto, z przecinkiem dziesiętnym."},
	{"currency", "Waluta, kod ISO 4217."},
	{"procedure", "Tryb zamówienia (kod jak procurement_mode umów)."},
	{"contract_id", "Identyfikator umowy (jeśli jest)."},
}...)

// recruitmentCSVColumnDocs describes the board recruitments CSV.
var recruitmentCSVColumnDocs = append(append([]csvColumn{}, metaCSVColumnDocs...), []csvColumn{
	{"body", "Organ (kod): zarząd albo rada nadzorcza."},
	{"position", "Stanowisko."},
	{"legal_basis", "Podstawa prawna."},
	{"procedure", "Tryb wyboru (kod): otwarty konkurs albo powołanie bez otwartej procedury."},
	{"announced_on", "Data ogłoszenia (RRRR-MM-DD)."},
	{"announcement_place", "Gdzie ogłoszono."},
	{"application_deadline", "Termin zgłoszeń (RRRR-MM-DD)."},
	{"requirements", "Wymagania."},
	{"selection_criteria", "Kryteria wyboru."},
	{"commission", "Skład komisji."},
	{"applicants_count", "Liczba kandydatów."},
	{"admitted_count", "Liczba dopuszczonych."},
	{"interviewed_count", "Liczba kandydatów na rozmowach."},
	{"outcome", "Wynik (kod): powołano, unieważniono, brak kandydata."},
	{"appointee_name", "Powołana osoba: imię i nazwisko (jawne z mocy prawa)."},
	{"appointee_function", "Powołana osoba: funkcja."},
	{"appointee_qualifications", "Powołana osoba: kwalifikacje (streszczenie)."},
	{"appointee_resolution_number", "Numer uchwały o powołaniu."},
	{"appointee_resolution_date", "Data uchwały (RRRR-MM-DD)."},
	{"appointee_term_start", "Początek kadencji (RRRR-MM-DD)."},
	{"appointee_term_end", "Koniec kadencji (RRRR-MM-DD)."},
	{"eligibility", "Zadeklarowane warunki (np. brak zakazu pełnienia funkcji), rozdzielone przecinkami."},
	{"remuneration_fixed_monthly", "Wynagrodzenie stałe miesięczne, z przecinkiem dziesiętnym."},
	{"remuneration_variable_cap_percent", "Górna granica części zmiennej, w procentach wynagrodzenia stałego."},
}...)

// csvTable is one CSV file's columns, as described on /otwarte-dane.
type csvTable struct {
	ID, Caption string
	Columns     []csvColumn
}

// csvTables are every CSV of the dumps, in the order of the page.
var csvTables = []csvTable{
	{"kolumny-umowy", "Umowy: umowy.csv", contractCSVColumnDocs},
	{"kolumny-wydatki", "Wydatki: wydatki.csv", expenseCSVColumnDocs},
	{"kolumny-reklamy", "Reklamy i media: reklamy.csv", adCSVColumnDocs},
	{"kolumny-rekrutacje", "Rekrutacje: rekrutacje.csv", recruitmentCSVColumnDocs},
	{"kolumny-lancuch", "Łańcuch skrótów: lancuch.csv (przecinek jako separator)", ledgerCSVColumnDocs},
}
