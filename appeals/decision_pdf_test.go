package appeals_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"jawnosc/appeals"
	"jawnosc/registry"
)

// pdfText extracts a PDF's text with poppler's pdftotext (installed by `make tools`).
func pdfText(tb testing.TB, doc []byte) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, doc, 0o600); err != nil {
		tb.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		tb.Fatalf("pdftotext (run `make tools`): %v", err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

func TestDecisionPDFs(t *testing.T) {
	e := mustOpen(t, "2026-03-02")
	r, tok := e.submit(t, true)
	e.on("2026-03-09")
	r = ok(t)(e.svc.Refuse(ctx, e.officer, r.ID, appeals.EventData{Text: "Umowa zawiera kalkulację ceny wykonawcy; Pani Anna Kowalska otrzyma wyciąg.",
		Ground: "trade_secret", Holder: "Agencja Reklamowa Źródło sp. z o.o.", Officials: officials}))
	refusal := r.Events[len(r.Events)-1].ID
	e.on("2026-03-11")
	r = ok(t)(e.svc.Appeal(ctx, r.ID, tok, "Kwota ze środków publicznych nie jest tajemnicą."))
	e.on("2026-03-18")
	r = ok(t)(e.svc.DecideAppeal(ctx, e.office, r.State.CurrentAppeal().ID, appeals.EventData{Text: "Wysokość wynagrodzenia wypłaconego przez spółkę miejską jest informacją publiczną; tajemnica przedsiębiorcy nie obejmuje kwoty.",
		Result: appeals.ResultInstructed, ComplyBy: "2026-03-28", Officials: []appeals.Official{{Name: "Żaneta Łęcka", Function: "dyrektor Wydziału Nadzoru Właścicielskiego"}}}))
	decision := r.Events[len(r.Events)-1].ID
	today := e.svc.Today()

	pub, err := appeals.DecisionPDF(r.View(appeals.ViewPublic, today), refusal)
	if err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, pub)
	for _, want := range []string{"Decyzja o odmowie udostępnienia informacji publicznej", "MPK/UDIP/2026/1", "Miejskie Przedsiębiorstwo Komunikacyjne S.A.",
		"02.03.2026", "09.03.2026", "tajemnica przedsiębiorcy", "art. 11 ust. 2 ustawy z dnia 16 kwietnia 1993 r. o zwalczaniu nieuczciwej konkurencji",
		"Agencja Reklamowa Źródło sp. z o.o.", "Jan Nowak", "Prezes Zarządu", "wojewódzkiego sądu administracyjnego", "30 dni", "do 08.04.2026",
		"ponowne rozpatrzenie", "do 23.03.2026", "kalkulację ceny"} {
		if !strings.Contains(text, want) {
			t.Errorf("the refusal PDF lacks %q:\n%s", want, text)
		}
	}
	for _, leak := range []string{"Kowalsk", "Anna", "example.pl"} {
		if strings.Contains(text, leak) {
			t.Errorf("the public refusal PDF leaks %q", leak)
		}
	}
	priv, err := appeals.DecisionPDF(r.View(appeals.ViewResident, today), refusal)
	if err != nil {
		t.Fatal(err)
	}
	if text := pdfText(t, priv); !strings.Contains(text, "Anna Kowalska") {
		t.Errorf("the resident's copy is not addressed to them:\n%s", text)
	}

	office, err := appeals.DecisionPDF(r.View(appeals.ViewPublic, today), decision)
	if err != nil {
		t.Fatal(err)
	}
	text = pdfText(t, office)
	for _, want := range []string{"Rozstrzygnięcie odwołania", "MPK/UDIP/2026/1/ODW/", "polecenie udostępnienia informacji", "11.03.2026", "18.03.2026",
		"30.03.2026", "Żaneta Łęcka", "Wydziału Nadzoru Właścicielskiego", "wojewódzkiego sądu administracyjnego", "w każdym czasie", "nie jest decyzją administracyjną"} {
		if !strings.Contains(text, want) {
			t.Errorf("the office's PDF lacks %q:\n%s", want, text)
		}
	}
	if _, err := appeals.DecisionPDF(r.View(appeals.ViewPublic, today), r.Events[0].ID); registry.ErrorCode(err) != registry.ENOTFOUND {
		t.Errorf("a submission rendered as a decision: %v", err)
	}
}
