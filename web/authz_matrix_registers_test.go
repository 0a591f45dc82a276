package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"testing"
)

// panelRegisterForms are valid panel forms of the registers besides contracts, by tab, and
// the field a correction or an amendment changes.
var panelRegisterForms = map[string]struct {
	api    string
	values url.Values
	change string
	csv    string
}{
	"wydatki": {"expenses", url.Values{"company": {"mpk"}, "spent_on": {"2026-02-10"}, "category": {"sponsorship"}, "amount_gross": {"25 000,00"},
		"purpose": {"Sponsoring turnieju juniorów"}, "recipient.name": {"Klub Sportowy Wisła"}, "recipient.nip": {"5260250995"}}, "purpose",
		"spent_on;category;recipient_name;amount_gross;purpose\n2026-02-10;donation;Fundacja;100,00;Darowizna\n"},
	"reklamy": {"ads", url.Values{"company": {"mpk"}, "outlet.name": {"Gazeta Krakowska"}, "outlet.kind": {"press"}, "campaign": {"Bilet miesięczny"},
		"content_kind": {"advertisement"}, "period_start": {"2026-01-05"}, "period_end": {"2026-01-31"}, "amount_gross": {"7 000,00"},
		"procedure": {"direct_award"}}, "campaign",
		"outlet_name;outlet_kind;campaign;content_kind;period_quarter;amount_gross;procedure\nRadio;radio;Kampania;advertisement;2026-Q1;10,00;other\n"},
	"rekrutacje": {"recruitments", url.Values{"company": {"mpk"}, "body": {"management_board"}, "position": {"Prezes Zarządu"},
		"legal_basis": {"art. 10a ustawy o gospodarce komunalnej"}, "procedure": {"open_competition"}, "announced_on": {"2026-01-02"},
		"announcement_place": {"BIP spółki"}, "application_deadline": {"2026-01-20"}, "requirements": {"Wyższe wykształcenie."},
		"applicants_count": {"4"}, "admitted_count": {"3"}, "interviewed_count": {"2"}, "outcome": {"cancelled"}}, "position",
		"body;position;legal_basis;procedure;outcome;appointee_name;appointee_function;appointee_qualifications;appointee_resolution_number;appointee_resolution_date;appointee_term_start\n" +
			"supervisory_board;Członek RN;umowa spółki;without_procedure;appointed;Jan Nowak;Członek RN;Egzamin.;ZW/1;2026-03-01;2026-03-01\n"},
}

// panelRegisterWriteCases are the panel's form routes of expenses, ads and recruitments.
func panelRegisterWriteCases() []writeCase {
	regs := matrixRegisters()
	var out []writeCase
	for tab, f := range panelRegisterForms {
		tab, f := tab, f
		var file func(m *matrixEnv, publish bool) (int64, error)
		for _, r := range regs {
			if r.api == f.api {
				file = r.file
			}
		}
		fresh := func(t *testing.T, m *matrixEnv, publish bool) int64 {
			id, err := file(m, publish)
			if err != nil {
				t.Fatal(err)
			}
			return id
		}
		base := "/panel/" + tab
		form := func(suffix string, publish bool, values url.Values) writeCase {
			return writeCase{"POST", base + "/:id/" + suffix, func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
				return formRequest(c, fmt.Sprintf("%s/%d/%s", base, fresh(t, m, publish), suffix), values)
			}, roles(http.StatusSeeOther, http.StatusForbidden)}
		}
		changed := with(f.values, f.change, "Zmieniona treść wpisu")
		out = append(out,
			writeCase{"POST", base, func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
				return formRequest(c, base, with(f.values, "action", "draft"))
			}, roles(http.StatusSeeOther, http.StatusForbidden)},
			form("edycja", false, with(changed, "action", "draft")),
			form("publikacja", false, url.Values{}),
			form("korekta", true, with(changed, "reason", "Błąd w rejestrze")),
			form("aneks", true, with(changed, "annex_date", "2026-03-20", "reason", "Zmiana umowy")),
			form("wycofanie", true, url.Values{"reason": {"Omyłka"}}),
			writeCase{"POST", base + "/import", func(t *testing.T, m *matrixEnv, c *matrixClient) *http.Request {
				return multipartRequest(t, c, base+"/import", url.Values{"company": {"mpk"}}, "file", "plik.csv", []byte(f.csv))
			}, roles(http.StatusOK, http.StatusForbidden)},
		)
	}
	return out
}
