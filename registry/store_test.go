package registry_test

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jawnosc/registry"
)

var system = registry.SystemActor("test")

// MustOpenStore opens a real SQLite store in a temporary directory with a pinned clock.
func MustOpenStore(tb testing.TB) *registry.Store {
	tb.Helper()
	s, err := registry.Open(filepath.Join(tb.TempDir(), "jawnosc.db"))
	if err != nil {
		tb.Fatal(err)
	}
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { now = now.Add(time.Minute); return now }
	tb.Cleanup(func() { s.Close() })
	return s
}

// MustCreateCompany adds a company.
func MustCreateCompany(tb testing.TB, s *registry.Store, slug string) *registry.Company {
	tb.Helper()
	c := &registry.Company{Slug: slug, Name: "Spółka " + strings.ToUpper(slug) + " sp. z o.o.", ShortName: strings.ToUpper(slug)}
	if err := s.CreateCompany(context.Background(), system, c); err != nil {
		tb.Fatal(err)
	}
	return c
}

// SampleContract returns valid contract content.
func SampleContract(subject string) registry.ContractData {
	return registry.ContractData{
		Number: "UM/1/2026", SignedOn: "2026-03-02", Subject: subject, Description: "Opis umowy.",
		Counterparty: registry.Counterparty{Name: "Firma Testowa sp. z o.o.", NIP: "5260250995", Country: "PL", Town: "Łódź"},
		ValueNet:     registry.Money(10_000_00), ValueGross: registry.Money(12_300_00), Currency: "PLN",
		ProcurementMode: registry.ModeOpenTender,
	}
}

func TestContractLifecycle(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	co := MustCreateCompany(t, s, "mpk")
	officer := registry.Actor{UserID: 7, Login: "jan", Role: registry.RoleOfficer, Companies: []int64{co.ID}}

	c, err := s.CreateContract(ctx, officer, co.ID, SampleContract("Dostawa autobusów"), false)
	if err != nil {
		t.Fatal(err)
	}
	if c.Status != registry.StatusDraft || c.Version != 1 {
		t.Fatalf("draft: status %s version %d", c.Status, c.Version)
	}
	if _, err := s.FindContractByID(ctx, registry.PublicActor, c.ID); registry.ErrorCode(err) != registry.ENOTFOUND {
		t.Fatalf("public sees a draft: %v", err)
	}
	if seq, _ := s.LastChangeSeq(ctx); seq != 0 {
		t.Fatalf("a draft entered the change sequence: %d", seq)
	}
	if c, err = s.PublishContract(ctx, officer, c.ID); err != nil {
		t.Fatal(err)
	}
	if c.Status != registry.StatusPublished || c.PublishedAt == nil || c.PublicationDelayDays == nil || *c.PublicationDelayDays != 8 {
		t.Fatalf("published: %+v delay %v", c.EntryMeta, c.PublicationDelayDays)
	}
	if _, err := s.PublishContract(ctx, officer, c.ID); registry.ErrorCode(err) != registry.ECONFLICT {
		t.Fatalf("publishing twice: %v", err)
	}
	if _, err := s.UpdateContractDraft(ctx, officer, c.ID, SampleContract("Inna")); registry.ErrorCode(err) != registry.ECONFLICT {
		t.Fatalf("editing a published contract as a draft: %v", err)
	}

	amended := c.ContractData
	amended.ValueNet, amended.ValueGross = 16_000_00, 19_680_00
	if _, err := s.AmendContract(ctx, officer, c.ID, amended, "", "Aneks"); registry.ErrorFields(err)["annex_date"] == "" {
		t.Fatalf("amendment without annex date: %v", err)
	}
	if _, err := s.AmendContract(ctx, officer, c.ID, amended, "2026-04-01", " "); registry.ErrorFields(err)["reason"] == "" {
		t.Fatalf("amendment without reason: %v", err)
	}
	if _, err := s.AmendContract(ctx, officer, c.ID, c.ContractData, "2026-04-01", "Nic"); registry.ErrorCode(err) != registry.EINVALID {
		t.Fatalf("amendment changing nothing: %v", err)
	}
	if c, err = s.AmendContract(ctx, officer, c.ID, amended, "2026-04-01", "Aneks nr 1: dodatkowe kursy"); err != nil {
		t.Fatal(err)
	}
	corrected := c.ContractData
	corrected.Number = "UM/1/2026/K"
	if c, err = s.CorrectContract(ctx, officer, c.ID, corrected, "Błędny numer w rejestrze"); err != nil {
		t.Fatal(err)
	}
	if c, err = s.WithdrawContract(ctx, officer, c.ID, "Umowa zawarta przez pomyłkę"); err != nil {
		t.Fatal(err)
	}
	if c.Status != registry.StatusWithdrawn || c.Version != 4 || c.WithdrawnReason != "Umowa zawarta przez pomyłkę" {
		t.Fatalf("withdrawn: %+v", c.EntryMeta)
	}
	if _, err := s.CorrectContract(ctx, officer, c.ID, corrected, "x"); registry.ErrorCode(err) != registry.ECONFLICT {
		t.Fatalf("changing a withdrawn contract: %v", err)
	}
	// Still public, with every version and what changed.
	if _, err := s.FindContractByID(ctx, registry.PublicActor, c.ID); err != nil {
		t.Fatalf("withdrawn contract not visible: %v", err)
	}
	hist, err := s.FindContractHistory(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 4 {
		t.Fatalf("history has %d versions, want 4", len(hist))
	}
	if hist[1].ChangeKind != registry.ChangeAmendment || len(hist[1].Changes) != 2 || hist[1].Changes[0].Field != "value_net" ||
		hist[1].Changes[0].New != "16 000,00 zł" || hist[1].Hash == "" {
		t.Fatalf("amendment version: %+v", hist[1])
	}
	if am := registry.Amendments(hist); len(am) != 1 || am[0].AnnexDate != "2026-04-01" {
		t.Fatalf("amendments: %+v", am)
	}
	if hist[2].Changes[0].Field != "number" || hist[3].Changes != nil {
		t.Fatalf("correction/withdrawal changes: %+v / %+v", hist[2].Changes, hist[3].Changes)
	}
	if seq, _ := s.LastChangeSeq(ctx); seq != 4 {
		t.Fatalf("change sequence at %d, want 4", seq)
	}
	rep, err := s.VerifyLedger(ctx, nil)
	if err != nil || rep.BrokenAt != 0 || rep.Links != 4 {
		t.Fatalf("verify: %+v %v", rep, err)
	}
	head, _ := s.LedgerHead(ctx)
	if head.Hash != rep.Head || head.Seq != 4 {
		t.Fatalf("head %+v, verify head %s", head, rep.Head)
	}
}

func TestAuthorizationInTheDomain(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	mpk, mpo := MustCreateCompany(t, s, "mpk"), MustCreateCompany(t, s, "mpo")
	ofMPO := registry.Actor{UserID: 2, Login: "ola", Role: registry.RoleOfficer, Companies: []int64{mpo.ID}}
	c, err := s.CreateContract(ctx, system, mpk.ID, SampleContract("Dostawa"), true)
	if err != nil {
		t.Fatal(err)
	}
	for name, a := range map[string]registry.Actor{"officer of another company": ofMPO,
		"supervisor": {Login: "nadzor", Role: registry.RoleSupervisor}, "auditor": {Login: "audyt", Role: registry.RoleAuditor}} {
		if _, err := s.CreateContract(ctx, a, mpk.ID, SampleContract("X"), true); registry.ErrorCode(err) != registry.EFORBIDDEN {
			t.Errorf("%s creates: %v", name, err)
		}
		if _, err := s.CorrectContract(ctx, a, c.ID, SampleContract("Y"), "powód"); registry.ErrorCode(err) != registry.EFORBIDDEN {
			t.Errorf("%s corrects: %v", name, err)
		}
		if _, err := s.WithdrawContract(ctx, a, c.ID, "powód"); registry.ErrorCode(err) != registry.EFORBIDDEN {
			t.Errorf("%s withdraws: %v", name, err)
		}
	}
	if _, err := s.CreateContract(ctx, registry.PublicActor, mpk.ID, SampleContract("X"), true); registry.ErrorCode(err) != registry.EUNAUTHORIZED {
		t.Errorf("public creates: %v", err)
	}
	if err := s.LoadContracts(ctx, registry.Actor{Login: "adm", Role: registry.RoleAdmin}, mpk.ID, nil); registry.ErrorCode(err) != registry.EFORBIDDEN {
		t.Errorf("admin bulk-loads with history: %v", err)
	}
}

func TestImportIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	co := MustCreateCompany(t, s, "mpec")
	good, bad := SampleContract("Wymiana sieci ciepłowniczej"), SampleContract("")
	bad.Counterparty.NIP = "1234567890"
	_, err := s.ImportContracts(ctx, system, co.ID, []registry.ContractData{good, bad, good})
	f := registry.ErrorFields(err)
	if registry.ErrorCode(err) != registry.EINVALID || f["2.subject"] == "" || f["2.counterparty.nip"] == "" || len(f) != 2 {
		t.Fatalf("import with a bad item: %v %v", err, f)
	}
	if n, _ := s.CountPublicContracts(ctx); n != 0 {
		t.Fatalf("a failing import wrote %d contracts", n)
	}
	n, err := s.ImportContracts(ctx, system, co.ID, []registry.ContractData{good, good})
	if err != nil || n != 2 {
		t.Fatalf("import: %d %v", n, err)
	}
	list, total, err := s.FindContracts(ctx, registry.ContractFilter{CompanySlug: &co.Slug})
	if err != nil || total != 2 || len(list) != 2 || list[0].Counterparty.Town != "Łódź" {
		t.Fatalf("find after import: %d %v", total, err)
	}
	tot, err := s.ContractTotals(ctx, registry.ContractFilter{})
	if err != nil || tot.Count != 2 || tot.ValueNet != 20_000_00 {
		t.Fatalf("totals: %+v %v", tot, err)
	}
	ch, err := s.ChangesAfter(ctx, 0, 10)
	if err != nil || len(ch) != 2 || ch[0].Kind != registry.KindContract {
		t.Fatalf("changes: %+v %v", ch, err)
	}
}

func TestVerifyFindsTamperedVersion(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	co := MustCreateCompany(t, s, "wodociagi")
	var last int64
	for i := 0; i < 3; i++ {
		c, err := s.CreateContract(ctx, system, co.ID, SampleContract("Przebudowa kanalizacji"), true)
		if err != nil {
			t.Fatal(err)
		}
		last = c.ID
	}
	// Someone with access to the database file rewrites a published value.
	db := s.DB()
	if _, err := db.Exec(`DROP TRIGGER entry_versions_published_immutable`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE entry_versions SET data = replace(data, '"value_net":1000000', '"value_net":100') WHERE entry_id = ?`, last-1); err != nil {
		t.Fatal(err)
	}
	rep, err := s.VerifyLedger(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.BrokenAt != 2 || !strings.Contains(rep.Problem, "zmieniona po publikacji") {
		t.Fatalf("verify after tampering: %+v", rep)
	}
}

// TestVerifyFindsCutOffChain: deleting the last links leaves a chain that still chains
// correctly; verify reports the published version that lost its link.
func TestVerifyFindsCutOffChain(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	co := MustCreateCompany(t, s, "mpk")
	var last int64
	for i := 0; i < 3; i++ {
		c, err := s.CreateContract(ctx, system, co.ID, SampleContract("Dostawa szyn tramwajowych"), true)
		if err != nil {
			t.Fatal(err)
		}
		last = c.ID
	}
	db := s.DB()
	if _, err := db.Exec(`DROP TRIGGER ledger_append_only_delete`); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DELETE FROM ledger WHERE seq = (SELECT MAX(seq) FROM ledger)`); err != nil {
		t.Fatal(err)
	}
	rep, err := s.VerifyLedger(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf("wersja 1 wpisu %d jest opublikowana, ale nie ma ogniwa w łańcuchu", last)
	if rep.OK() || rep.Links != 2 || rep.Problem != want {
		t.Fatalf("verify of a cut-off chain: %+v, want problem %q", rep, want)
	}
}

func TestPublishedVersionsAreImmutable(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	co := MustCreateCompany(t, s, "mpo")
	c, err := s.CreateContract(ctx, system, co.ID, SampleContract("Dostawa pojemników"), true)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.DB().Exec(`UPDATE entry_versions SET data = '{}' WHERE entry_id = ?`, c.ID); err == nil {
		t.Fatal("a published version was rewritten")
	}
	if _, err := s.DB().Exec(`DELETE FROM ledger`); err == nil {
		t.Fatal("the ledger was deleted")
	}
}

func TestCompaniesSortPolish(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	for _, n := range []string{"Żegluga", "Zarząd", "Łaźnia", "Lotnisko", "Ćwiczenia", "Cegielnia"} {
		c := &registry.Company{Slug: strings.ToLower(registry.SHA256Hex([]byte(n))[:8]), Name: n, ShortName: n}
		if err := s.CreateCompany(ctx, system, c); err != nil {
			t.Fatal(err)
		}
	}
	cos, err := s.FindCompanies(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range cos {
		got = append(got, c.Name)
	}
	if want := "Cegielnia Ćwiczenia Lotnisko Łaźnia Zarząd Żegluga"; strings.Join(got, " ") != want {
		t.Fatalf("order %q, want %q", strings.Join(got, " "), want)
	}
	if err := s.CreateCompany(ctx, system, &registry.Company{Slug: cos[0].Slug, Name: "X", ShortName: "X"}); registry.ErrorCode(err) != registry.ECONFLICT {
		t.Fatalf("duplicate slug: %v", err)
	}
}

func TestLoadContractsIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	co := MustCreateCompany(t, s, "arm")
	at := time.Date(2025, 5, 6, 10, 0, 0, 0, time.UTC)
	good := registry.BulkContract{Data: SampleContract("Rewitalizacja Nowej Huty"), PublishedAt: at,
		Versions: []registry.BulkVersion{{ChangeKind: registry.ChangeWithdrawal, Reason: "Pomyłka", At: at.Add(time.Hour)}}}
	bad := registry.BulkContract{Data: SampleContract(""), PublishedAt: at}
	items := []registry.BulkContract{good, good, bad, good}
	err := s.LoadContracts(ctx, system, co.ID, items)
	if registry.ErrorCode(err) != registry.EINVALID || registry.ErrorFields(err)["3.subject"] == "" {
		t.Fatalf("bad item: %v", err)
	}
	if n, _ := s.CountPublicContracts(ctx); n != 0 {
		t.Fatalf("a failing bulk load wrote %d contracts", n)
	}
	if err := s.LoadContracts(ctx, system, co.ID, []registry.BulkContract{good, good}); err != nil {
		t.Fatal(err)
	}
	list, _, err := s.FindContracts(ctx, registry.ContractFilter{})
	if err != nil || len(list) != 2 || list[0].Status != registry.StatusWithdrawn || list[0].Version != 2 || list[0].WithdrawnReason != "Pomyłka" {
		t.Fatalf("loaded: %+v %v", list, err)
	}
	if rep, err := s.VerifyLedger(ctx, nil); err != nil || rep.Links != 4 || rep.BrokenAt != 0 {
		t.Fatalf("verify: %+v %v", rep, err)
	}
}
