package web

import (
	_ "embed"
	"os"
	"path/filepath"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// verifyScript is the ledger check anyone can run (python3, standard library only); it is
// shown on /otwarte-dane and served at /otwarte-dane/sprawdz-lancuch.py.
//
//go:embed opendata_verify.py
var verifyScript string

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
	{"entry_id", "Identyfikator wpisu, którego wersję opublikowano."},
	{"kind", "Rejestr: contract (umowy) i kolejne rejestry."},
	{"version", "Numer opublikowanej wersji wpisu."},
	{"data_hash", "SHA-256 kanonicznego JSON-u wersji (treść i metadane)."},
	{"prev_hash", "Skrót poprzedniego ogniwa (dla pierwszego: 64 zera)."},
	{"hash", "SHA-256 tekstu „seq|entry_id|version|data_hash|prev_hash”."},
	{"created_at", "Chwila dopisania ogniwa (UTC)."},
}

// openDataView is the data of /otwarte-dane.
type openDataView struct {
	Licence      string
	LicenceURL   string
	Dump         *DumpManifest
	Head         *registry.LedgerLink
	OCDSPrefix   string
	Script       string
	ContractCols []csvColumn
	LedgerCols   []csvColumn
	Feeds        []feedRegister
}

// handleOpenData serves GET /otwarte-dane: the licence, the nightly downloads with date,
// size and SHA-256, every CSV column explained, OCDS, feeds, the API, and how to verify the
// ledger with a short script.
func (s *server) handleOpenData(c *fiber.Ctx) error {
	ctx := c.UserContext()
	v := openDataView{Licence: s.cfg.OpenData.licence(), LicenceURL: s.cfg.OpenData.licenceURL(), Script: verifyScript,
		ContractCols: contractCSVColumnDocs, LedgerCols: ledgerCSVColumnDocs, Feeds: feedRegisters,
		OCDSPrefix: registry.OCDSConfig{Prefix: s.cfg.OpenData.OCDSPrefix}.OCID(0)}
	v.OCDSPrefix = v.OCDSPrefix[:len(v.OCDSPrefix)-1]
	var err error
	if v.Head, err = s.cfg.Store.LedgerHead(ctx); err != nil {
		return err
	}
	m, err := ReadDumpManifest(s.cfg.OpenData.DumpsDir)
	if err != nil {
		s.logf("web: dumps manifest: %v", err)
	}
	v.Dump = m
	p := s.page(c, "Otwarte dane")
	p.Nav = "otwarte-dane"
	p.Data = v
	return s.render(c, fiber.StatusOK, "opendata", p)
}

// handleVerifyScript serves GET /otwarte-dane/sprawdz-lancuch.py: the ledger check.
func (s *server) handleVerifyScript(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, "text/x-python; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="sprawdz-lancuch.py"`)
	return c.SendString(verifyScript)
}

// handleDumpFile serves GET /otwarte-dane/pobierz/{name}: a file of the latest dump, with
// its SHA-256 as ETag (304 on a repeated conditional request). Names not in the latest
// manifest: 404.
func (s *server) handleDumpFile(c *fiber.Ctx) error {
	m, err := ReadDumpManifest(s.cfg.OpenData.DumpsDir)
	if err != nil {
		return registry.Internal(err)
	}
	name := c.Params("name")
	if m != nil {
		for _, f := range m.Files {
			if f.Name != name {
				continue
			}
			if notModified(c, validator{ETag: `"` + f.SHA256 + `"`, LastModified: m.GeneratedAt}) {
				return c.SendStatus(fiber.StatusNotModified)
			}
			file, err := os.Open(filepath.Join(s.cfg.OpenData.DumpsDir, m.Date, f.Name))
			if err != nil {
				return registry.Internal(err)
			}
			c.Set(fiber.HeaderContentType, "application/gzip")
			c.Set(fiber.HeaderContentDisposition, `attachment; filename="jawnosc-`+m.Date+"-"+f.Name+`"`)
			c.Set(fiber.HeaderCacheControl, "public, max-age=3600")
			return c.SendStream(file, int(f.Size)) // fasthttp closes the file
		}
	}
	return registry.Errorf(registry.ENOTFOUND, "Nie ma takiego pliku do pobrania.")
}
