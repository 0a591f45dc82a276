package web_test

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"jawnosc/registry"
)

// upload sends the import form: company, the file, and the browser's CSRF token.
func (b *browser) upload(tb testing.TB, e *testEnv, company, name string, data []byte) (*http.Response, string) {
	tb.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	mw.WriteField("_csrf", b.csrf)
	mw.WriteField("company", company)
	fw, err := mw.CreateFormFile("plik", name)
	if err != nil {
		tb.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	req := httptest.NewRequest("POST", "/panel/import", &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return b.do(tb, e, req)
}

var pendingID = regexp.MustCompile(`name="id" value="([^"]+)"`)

// importXLSX builds a workbook of contracts: a header and rows of cells.
func importXLSX(tb testing.TB, rows ...[]any) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	header := []any{"number", "signed_on", "subject", "counterparty_name", "counterparty_nip", "value_net", "value_gross", "procurement_mode", "eu_funded"}
	for i, row := range append([][]any{header}, rows...) {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &row); err != nil {
			tb.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func (e *testEnv) countContracts(tb testing.TB) int {
	tb.Helper()
	n, err := e.store.CountPublicContracts(context.Background())
	if err != nil {
		tb.Fatal(err)
	}
	return n
}

func TestPanelImportXLSXWithOneBadRowImportsNothing(t *testing.T) {
	e := mustOpenEnv(t, false)
	b := e.mustLogin(t, "anna", registry.RoleOfficer, "mpk")
	before := e.countContracts(t)
	day := time.Date(2026, 2, 10, 0, 0, 0, 0, time.UTC)
	data := importXLSX(t,
		[]any{"MPK/IMP/1", day, "Dostawa opon", "Ogumienie sp. z o.o.", 6761234565, 129999.99, 159899.99, "open_tender", false},
		[]any{"MPK/IMP/2", day, "Naprawa wiat", "Wiaty S.A.", "", "dużo", 1000, "open_tender", "nie"},
		[]any{"MPK/IMP/3", "12.02.2026", "Serwis klimatyzacji", "Chłód sp. j.", "", "12 000,00 zł", "14 760,00 zł", "direct_award", "tak"},
	)
	resp, body := b.upload(t, e, "mpk", "umowy.xlsx", data)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("upload: %d %s", resp.StatusCode, body)
	}
	for _, want := range []string{"Nie można zaimportować pliku", "Wiersz 3, kolumna <code>value_net</code>", "Nieprawidłowa kwota",
		"129 999,99 zł", "Dostawa opon", "Format XLSX", "Nic nie zostało zapisane"} {
		if !strings.Contains(body, want) {
			t.Fatalf("preview lacks %q:\n%s", want, body)
		}
	}
	if pendingID.MatchString(body) {
		t.Fatal("a file with a bad row can be confirmed")
	}
	if after := e.countContracts(t); after != before {
		t.Fatalf("contracts %d → %d", before, after)
	}
}

func TestPanelImportPreviewAndConfirm(t *testing.T) {
	e := mustOpenEnv(t, false)
	b := e.mustLogin(t, "anna", registry.RoleOfficer, "mpk")
	before := e.countContracts(t)
	day := time.Date(2026, 2, 10, 0, 0, 0, 0, time.UTC)
	data := importXLSX(t,
		[]any{"MPK/IMP/1", day, "Dostawa opon zimowych", "Ogumienie sp. z o.o.", 6761234565, 129999.99, 159899.99, "open_tender", false},
		[]any{"MPK/IMP/3", "12.02.2026", "Serwis klimatyzacji", "Chłód sp. j.", "", "12 000,00 zł", "14 760,00 zł", "direct_award", true},
	)
	resp, body := b.upload(t, e, "mpk", "umowy.xlsx", data)
	m := pendingID.FindStringSubmatch(body)
	if resp.StatusCode != 200 || m == nil || !strings.Contains(body, "10.02.2026") || !strings.Contains(body, "12 000,00 zł") {
		t.Fatalf("preview: %d %s", resp.StatusCode, body)
	}
	if after := e.countContracts(t); after != before {
		t.Fatal("the preview saved something")
	}
	// Another session of another officer of the same company cannot confirm it.
	other := e.mustLogin(t, "jan", registry.RoleOfficer, "mpk")
	if resp, _ := other.send(t, e, "POST", "/panel/import/potwierdz", url.Values{"id": {m[1]}}); resp.StatusCode != http.StatusConflict {
		t.Fatalf("confirm from another session: %d", resp.StatusCode)
	}
	resp, _ = b.send(t, e, "POST", "/panel/import/potwierdz", url.Values{"id": {m[1]}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("confirm: %d", resp.StatusCode)
	}
	if after := e.countContracts(t); after != before+2 {
		t.Fatalf("contracts %d → %d", before, after)
	}
	resp, body = b.send(t, e, "GET", resp.Header.Get("Location"), nil)
	if resp.StatusCode != 200 || !strings.Contains(body, "Zaimportowano i opublikowano 2 umowy") {
		t.Fatalf("after import: %d %s", resp.StatusCode, body)
	}
	// Confirming again imports nothing twice.
	if resp, _ := b.send(t, e, "POST", "/panel/import/potwierdz", url.Values{"id": {m[1]}}); resp.StatusCode != http.StatusConflict {
		t.Fatalf("confirm twice: %d", resp.StatusCode)
	}
	if after := e.countContracts(t); after != before+2 {
		t.Fatal("confirmed twice")
	}
	// The audit log names the officer.
	es, _, err := e.store.FindAuditLog(context.Background(), system, registry.AuditFilter{Action: ptr(registry.AuditEntryImport)})
	if err != nil || len(es) != 2 || es[0].Login != "anna" || es[0].Company != "mpk" {
		t.Fatalf("audit: %v %v", es, err)
	}
}

func TestPanelImportCSVAndRefusals(t *testing.T) {
	e := mustOpenEnv(t, false)
	b := e.mustLogin(t, "anna", registry.RoleOfficer, "mpk")
	csv := "number;signed_on;subject;counterparty_name;value_net;value_gross;procurement_mode\r\n" +
		"MPK/C/1;2026-02-11;Wymiana łożysk w wagonach;Łożyska Śląskie sp. z o.o.;1 000,00;1 230,00;open_tender\r\n"
	cp1250, err := charmap.Windows1250.NewEncoder().String(csv)
	if err != nil {
		t.Fatal(err)
	}
	resp, body := b.upload(t, e, "mpk", "umowy.csv", []byte(cp1250))
	if resp.StatusCode != 200 || !strings.Contains(body, "Windows-1250") || !strings.Contains(body, "Wymiana łożysk w wagonach") || !pendingID.MatchString(body) {
		t.Fatalf("CSV in Windows-1250: %d %s", resp.StatusCode, body)
	}
	cases := []struct {
		name, company, file string
		data                []byte
		status              int
		want                string
	}{
		{"another company", "wodociagi", "u.csv", []byte(csv), http.StatusForbidden, "Nie masz uprawnień"},
		{"no company", "", "u.csv", []byte(csv), http.StatusUnprocessableEntity, "Wybierz spółkę."},
		{"no file", "mpk", "u.csv", nil, http.StatusUnprocessableEntity, "Wybierz plik CSV lub XLSX"},
		{"a PDF named .csv", "mpk", "u.csv", []byte("%PDF-1.7\n\x00\x01\x02binary"), http.StatusUnprocessableEntity, "nie wygląda na tekstowy plik CSV"},
		{"a zip named .xlsx", "mpk", "u.xlsx", []byte("PK\x03\x04garbage"), http.StatusUnprocessableEntity, "nie jest skoroszytem XLSX"},
		{"unknown column", "mpk", "u.csv", []byte("number;kolor\r\nA;B\r\n"), http.StatusUnprocessableEntity, "Nieznana kolumna „kolor”"},
		{"too large", "mpk", "u.csv", bytes.Repeat([]byte("a"), 9<<20), http.StatusRequestEntityTooLarge, "zbyt duże"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp, body := b.upload(t, e, tc.company, tc.file, tc.data)
			if resp.StatusCode != tc.status || !strings.Contains(body, tc.want) {
				t.Fatalf("%d, want %d with %q:\n%s", resp.StatusCode, tc.status, tc.want, body)
			}
		})
	}
	// A forged form is refused; accounts that file for no company have no import.
	forged := &browser{cookies: b.cookies, csrf: "podrobiony"}
	if resp, _ := forged.upload(t, e, "mpk", "u.csv", []byte(csv)); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("forged CSRF: %d", resp.StatusCode)
	}
	sup := e.mustLogin(t, "ewa", registry.RoleSupervisor)
	if resp, _ := sup.send(t, e, "GET", "/panel/import", nil); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("supervisor: %d", resp.StatusCode)
	}
}
func ptr[T any](v T) *T { return &v }
