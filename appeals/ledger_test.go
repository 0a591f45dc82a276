package appeals_test

import (
	"encoding/json"
	"strings"
	"testing"

	"jawnosc/appeals"
	"jawnosc/registry"
)

// minimalPDF is the smallest file the product accepts as a PDF.
var minimalPDF = []byte("%PDF-1.4\n1 0 obj\n<</Type/Catalog>>\nendobj\n" +
	"xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<</Root 1 0 R/Size 2>>\nstartxref\n42\n%%EOF\n")

// TestEventLinks follows a request to a company's answer with a document and to the mayor's
// office's decision: every event gets a link whose record is its public view (document hash
// and size included, the requester's name and hidden text absent), verification recomputes
// them, and a document BLOB or an event changed with plain SQL is found and named.
func TestEventLinks(t *testing.T) {
	e := mustOpen(t, "2026-03-02")
	r, tok := e.submit(t, false)
	e.on("2026-03-05")
	r = ok(t)(e.svc.Refuse(ctx, e.officer, r.ID, appeals.EventData{Text: "Odmawiamy Pani Annie Kowalskiej.", Ground: "trade_secret",
		Holder: "Agencja sp. z o.o.", Officials: officials}))
	e.on("2026-03-06")
	r = ok(t)(e.svc.Appeal(ctx, r.ID, tok, "Kwota nie jest tajemnicą. Anna Kowalska"))
	e.on("2026-03-10")
	r = ok(t)(e.svc.DecideAppeal(ctx, e.office, r.State.CurrentAppeal().ID, appeals.EventData{Text: "Kwota jest jawna.", Result: appeals.ResultInstructed, ComplyBy: "2026-03-20"}))
	e.on("2026-03-12")
	doc, err := e.svc.StoreDocument(ctx, e.officer, "umowa dla Kowalskiej.pdf", minimalPDF)
	if err != nil {
		t.Fatal(err)
	}
	r = ok(t)(e.svc.Comply(ctx, e.officer, r.ID, appeals.EventData{Text: "Udostępniamy umowę.", Documents: []appeals.Document{doc}}))

	links, err := e.store.FindLedger(ctx, 0, 100)
	if err != nil || len(links) != len(r.Events) || len(links) != 5 {
		t.Fatalf("links %d for %d events: %v", len(links), len(r.Events), err)
	}
	public := r.View(appeals.ViewPublic, e.svc.Today())
	for i, l := range links {
		ev := r.Events[i]
		if l.LinkKind != appeals.LinkRequestEvent || l.RefID != ev.ID || l.EntryID != 0 || l.Version != 0 || l.Hash != registry.LinkHashOf(l) {
			t.Fatalf("link %d: %+v for event %d", i+1, l, ev.ID)
		}
		rec, err := e.svc.LedgerRecord(ctx, ev.ID)
		if err != nil || registry.SHA256Hex(rec) != l.DataHash {
			t.Fatalf("record of event %d: %s %v", ev.ID, rec, err)
		}
		for _, private := range []string{"Kowalsk", "anna.kowalska", "Proszę o kopię umowy", "Kwota nie jest tajemnicą"} {
			if strings.Contains(string(rec), private) {
				t.Errorf("the record of event %d (%s) holds %q: %s", ev.ID, ev.Type, private, rec)
			}
		}
		// The record is the event as GET /api/v1/requests/{id} shows it.
		pub, err := json.Marshal(map[string]any{"request_id": public.ID, "ref": public.Ref, "company": public.Company.Slug, "event": public.Events[i]})
		if err != nil {
			t.Fatal(err)
		}
		if canon, _ := registry.Canonicalize(pub); string(canon) != string(rec) {
			t.Errorf("event %d: record %s, public view %s", ev.ID, rec, canon)
		}
	}
	last, _ := e.svc.LedgerRecord(ctx, r.Events[4].ID)
	if !strings.Contains(string(last), `"sha256":"`+doc.SHA256+`"`) || !strings.Contains(string(last), `"size":`) || !strings.Contains(string(last), appeals.Redacted) {
		t.Errorf("the compliance record: %s", last)
	}
	checkers := e.svc.LedgerCheckers()
	if rep, err := e.store.VerifyLedger(ctx, nil, checkers...); err != nil || !rep.OK() || rep.Links != 5 {
		t.Fatalf("verify: %+v %v", rep, err)
	}
	if rep, err := e.svc.VerifyDocuments(ctx, nil); err != nil || !rep.OK() || rep.Documents != 1 || rep.Bytes != int64(len(minimalPDF)) {
		t.Fatalf("documents: %+v %v", rep, err)
	}

	db := e.store.DB()
	for _, q := range []string{`UPDATE ir_documents SET content = x'00'`, `DELETE FROM ir_documents`,
		`UPDATE ir_requests SET public_text = 1`, `UPDATE ir_requests SET requester_name = ''`, `DELETE FROM ir_requests`} {
		if _, err := db.Exec(q); err == nil {
			t.Errorf("%s: allowed", q)
		}
	}
	// The document's bytes swapped in place.
	if _, err := db.Exec(`DROP TRIGGER ir_documents_no_update`); err != nil {
		t.Fatal(err)
	}
	swapped := strings.Replace(string(minimalPDF), "Catalog", "Katalog", 1)
	if _, err := db.Exec(`UPDATE ir_documents SET content = ? WHERE sha256 = ?`, []byte(swapped), doc.SHA256); err != nil {
		t.Fatal(err)
	}
	want := "dokument zmieniony: dokument " + doc.SHA256 + " zdarzenia nr 5 wniosku MPK/UDIP/2026/1"
	if rep, err := e.svc.VerifyDocuments(ctx, nil); err != nil || !strings.Contains(rep.Problem, want) {
		t.Fatalf("swapped document: %+v %v", rep, err)
	}
	if _, err := db.Exec(`UPDATE ir_documents SET content = ? WHERE sha256 = ?`, minimalPDF, doc.SHA256); err != nil {
		t.Fatal(err)
	}
	// The decision rewritten in the log.
	if _, err := db.Exec(`DROP TRIGGER ir_events_no_update`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE ir_events SET data = replace(data, '"instructed"', '"upheld"') WHERE id = 4`); err != nil {
		t.Fatal(err)
	}
	if rep, err := e.store.VerifyLedger(ctx, nil, checkers...); err != nil || rep.BrokenAt != 4 || !strings.Contains(rep.Problem, "rekord request_event nr 4 został zmieniony po publikacji") {
		t.Fatalf("rewritten decision: %+v %v", rep, err)
	}
	// The event made to name another document.
	if _, err := db.Exec(`UPDATE ir_events SET data = replace(replace(data, '"upheld"', '"instructed"'), ?, ?) WHERE id IN (4, 5)`, doc.SHA256, strings.Repeat("ab", 32)); err != nil {
		t.Fatal(err)
	}
	if rep, err := e.store.VerifyLedger(ctx, nil, checkers...); err != nil || rep.BrokenAt != 5 || !strings.Contains(rep.Problem, "rekord request_event nr 5") {
		t.Fatalf("document swapped in the event: %+v %v", rep, err)
	}
}

// TestEventLinksBackfill writes events the way they were before events entered the ledger:
// verification names the first one (with its document), and the next opening of the service
// links them, after the links already there, which stay unchanged.
func TestEventLinksBackfill(t *testing.T) {
	e := mustOpen(t, "2026-03-02")
	r, _ := e.submit(t, true)
	db := e.store.DB()
	// A contract published before: its link must stay as it is.
	c, err := e.store.CreateContract(ctx, system, e.mpk.ID, registry.ContractData{Number: "MPK/1/2026", SignedOn: "2026-02-02",
		Subject: "Dostawa szyn", Counterparty: registry.Counterparty{Name: "Huta sp. z o.o.", NIP: "5260250995", Country: "PL"},
		ValueNet: 1000000, ValueGross: 1230000, Currency: "PLN", ProcurementMode: registry.ModeOpenTender}, true)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := e.svc.StoreDocument(ctx, e.officer, "odpowiedz.pdf", minimalPDF)
	if err != nil {
		t.Fatal(err)
	}
	e.on("2026-03-05")
	r = ok(t)(e.svc.Answer(ctx, e.officer, r.ID, appeals.EventData{Text: "Przekazujemy umowę.", Answer: appeals.OutcomeDisclosed, Documents: []appeals.Document{doc}}))
	before, err := e.store.FindLedger(ctx, 0, 100)
	if err != nil || len(before) != 3 {
		t.Fatalf("links: %+v %v", before, err)
	}
	// Rebuild the ledger as it was: the contract's link only (a copy of its row).
	for _, q := range []string{`DROP TRIGGER ledger_append_only_delete`, `DROP TRIGGER ledger_append_only_update`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(`DELETE FROM ledger WHERE link_kind = 'request_event'`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE ledger SET seq = 1 WHERE entry_id = ?`, c.ID); err != nil {
		t.Fatal(err)
	}
	old, _ := e.store.FindLedger(ctx, 0, 100)
	if len(old) != 1 || old[0].LinkKind != registry.LinkVersion {
		t.Fatalf("the old ledger: %+v", old)
	}
	old[0].PrevHash = registry.GenesisHash
	old[0].Hash = registry.LinkHashOf(old[0])
	if _, err := db.Exec(`UPDATE ledger SET prev_hash = ?, hash = ?`, old[0].PrevHash, old[0].Hash); err != nil {
		t.Fatal(err)
	}
	rep, err := e.store.VerifyLedger(ctx, nil, e.svc.LedgerCheckers()...)
	if err != nil || rep.BrokenAt != 0 || !strings.Contains(rep.Problem, "zdarzenie nr 1 wniosku MPK/UDIP/2026/1 jest publiczne, ale nie ma ogniwa") {
		t.Fatalf("verify with unlinked events: %+v %v", rep, err)
	}
	svc, err := appeals.Open(ctx, e.store) // no meta row: nothing is backfilled
	if err != nil {
		t.Fatal(err)
	}
	if links, _ := e.store.FindLedger(ctx, 0, 100); len(links) != 1 {
		t.Fatalf("opened without the backfill row: %d links", len(links))
	}
	if _, err := db.Exec(`INSERT INTO meta (key, value) VALUES ('ledger_backfill_requests', '1')`); err != nil {
		t.Fatal(err)
	}
	if svc, err = appeals.Open(ctx, e.store); err != nil {
		t.Fatal(err)
	}
	links, err := e.store.FindLedger(ctx, 0, 100)
	if err != nil || len(links) != 3 || links[0].Hash != old[0].Hash || links[1].RefID != r.Events[0].ID || links[2].RefID != r.Events[1].ID {
		t.Fatalf("after the backfill: %+v %v", links, err)
	}
	if rep, err := e.store.VerifyLedger(ctx, nil, svc.LedgerCheckers()...); err != nil || !rep.OK() || rep.Links != 3 {
		t.Fatalf("verify after the backfill: %+v %v", rep, err)
	}
	// An event slipped into the log behind the service's back names its document.
	if _, err := db.Exec(`INSERT INTO ir_events (id, request_id, type, actor, role, at, data) VALUES (3, ?, 'complied', 'ewa.mpk', 'officer', '2026-03-06T11:00:00.000Z', ?)`,
		r.ID, `{"text":"x","documents":[{"sha256":"`+doc.SHA256+`","name":"x.pdf","size":1,"redacted":false}]}`); err != nil {
		t.Fatal(err)
	}
	if rep, _ := e.store.VerifyLedger(ctx, nil, svc.LedgerCheckers()...); !strings.Contains(rep.Problem, "zdarzenie nr 3 wniosku MPK/UDIP/2026/1 (z dokumentem SHA-256 "+doc.SHA256+") jest publiczne, ale nie ma ogniwa") {
		t.Fatalf("an event added behind the service's back: %+v", rep)
	}
}

// TestEventRecordStable pins the ledger record of a refusal naming the requester: the record
// of an event already linked must never change (the redaction rules and the public view of
// events included), or verification would report every old event as changed. A change here
// needs a migration that deals with the existing links.
func TestEventRecordStable(t *testing.T) {
	e := mustOpen(t, "2026-03-02")
	r, _ := e.submit(t, false)
	e.on("2026-03-05")
	ok(t)(e.svc.Refuse(ctx, e.officer, r.ID, appeals.EventData{Text: "Odmawiamy Pani Annie Kowalskiej (anna.kowalska@example.pl).", Ground: "trade_secret",
		Holder: "Agencja sp. z o.o.", Officials: officials}))
	want := map[int64]string{
		1: `{"company":"mpk","event":{"actor":"wnioskodawca","at":"2026-03-02T11:00:00Z","data":{"subject":"Umowa na reklamę w mediach"},"id":1,"role":"resident","type":"submitted"},"ref":"MPK/UDIP/2026/1","request_id":1}`,
		2: `{"company":"mpk","event":{"actor":"ewa.mpk","at":"2026-03-05T11:00:00Z","data":{"ground":"trade_secret","holder":"Agencja sp. z o.o.","officials":[{"function":"Prezes Zarządu","name":"Jan Nowak"},{"function":"radca prawny","name":"Maria Lis"}],"text":"Odmawiamy Pani [dane wnioskodawcy] [dane wnioskodawcy] ([dane wnioskodawcy])."},"id":2,"role":"officer","type":"refused"},"ref":"MPK/UDIP/2026/1","request_id":1}`,
	}
	for id, w := range want {
		rec, err := e.svc.LedgerRecord(ctx, id)
		if err != nil || string(rec) != w {
			t.Errorf("record of event %d:\n got %s\nwant %s (%v)", id, rec, w, err)
		}
	}
}
