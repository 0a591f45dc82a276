package registry_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"jawnosc/registry"
)

// auditActions returns the actions of the audit log, oldest first, as "action kind id login".
func auditActions(tb testing.TB, s *registry.Store, f registry.AuditFilter) []string {
	tb.Helper()
	f.Limit = 500
	es, _, err := s.FindAuditLog(context.Background(), system, f)
	if err != nil {
		tb.Fatal(err)
	}
	out := make([]string, 0, len(es))
	for i := len(es) - 1; i >= 0; i-- {
		e := es[i]
		out = append(out, e.Action+" "+e.ObjectKind+" "+e.Login+"/"+e.Role+" "+e.Company)
	}
	return out
}

func TestAuditLogRecordsEveryWrite(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	s.PasswordParams = registry.PasswordParams{Memory: 1024, Time: 1, Threads: 1}
	co := MustCreateCompany(t, s, "mpk")
	admin := registry.Actor{Login: "root", Role: registry.RoleAdmin}
	if _, err := s.CreateUser(ctx, admin, registry.NewUser{Login: "jan", Role: registry.RoleOfficer, Companies: []string{"mpk"}, Password: "bardzo-tajne-hasło-1"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateToken(ctx, admin, "jan", "ERP"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Authenticate(ctx, "jan", "złe-hasło-złe-hasło"); err == nil {
		t.Fatal("a wrong password signed in")
	}
	if _, err := s.Authenticate(ctx, "ktoś-nieznany-haslo123", "x"); err == nil {
		t.Fatal("an unknown login signed in")
	}
	officer, err := s.Authenticate(ctx, "jan", "bardzo-tajne-hasło-1")
	if err != nil {
		t.Fatal(err)
	}
	c, err := s.CreateContract(ctx, officer, co.ID, SampleContract("Dostawa autobusów"), false)
	if err != nil {
		t.Fatal(err)
	}
	d := c.ContractData
	d.Subject = "Dostawa autobusów elektrycznych"
	if _, err := s.UpdateContractDraft(ctx, officer, c.ID, d); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PublishContract(ctx, officer, c.ID); err != nil {
		t.Fatal(err)
	}
	d.ValueNet, d.ValueGross = 20_000_00, 24_600_00
	if _, err := s.AmendContract(ctx, officer, c.ID, d, "2026-03-09", "Aneks nr 1"); err != nil {
		t.Fatal(err)
	}
	d.Number = "UM/2/2026"
	if _, err := s.CorrectContract(ctx, officer, c.ID, d, "Zły numer"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.WithdrawContract(ctx, officer, c.ID, "Omyłka"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateContract(ctx, officer, co.ID, SampleContract("Od razu"), true); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportContracts(ctx, officer, co.ID, []registry.ContractData{SampleContract("Import")}); err != nil {
		t.Fatal(err)
	}
	if err := s.DisableUser(ctx, admin, "jan"); err != nil {
		t.Fatal(err)
	}
	// A refused write leaves no record.
	if _, err := s.CreateContract(ctx, registry.Actor{Login: "obcy", Role: registry.RoleOfficer, Companies: []int64{999}}, co.ID, SampleContract("Obca"), true); registry.ErrorCode(err) != registry.EFORBIDDEN {
		t.Fatalf("foreign officer: %v", err)
	}

	got := strings.Join(auditActions(t, s, registry.AuditFilter{}), "\n")
	want := strings.Join([]string{
		"company.create company test/system mpk",
		"user.create user root/admin ",
		"token.create api_token root/admin ",
		"session.sign_in_failed user jan/officer ",
		"session.sign_in_failed user /public ",
		"session.sign_in user jan/officer ",
		"entry.create contract jan/officer mpk",
		"entry.update_draft contract jan/officer mpk",
		"entry.publish contract jan/officer mpk",
		"entry.amend contract jan/officer mpk",
		"entry.correct contract jan/officer mpk",
		"entry.withdraw contract jan/officer mpk",
		"entry.create contract jan/officer mpk",
		"entry.publish contract jan/officer mpk",
		"entry.import contract jan/officer mpk",
		"user.disable user root/admin ",
	}, "\n")
	if got != want {
		t.Fatalf("audit log:\n%s\nwant:\n%s", got, want)
	}

	// No password and no token is ever written to the log.
	var details string
	if err := s.ReadDB().QueryRow(`SELECT group_concat(actor_login || ' ' || detail, '|') FROM audit_log`).Scan(&details); err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"bardzo-tajne", "złe-hasło", "jaw_", "ktoś-nieznany"} {
		if strings.Contains(details, secret) {
			t.Fatalf("audit log holds %q: %s", secret, details)
		}
	}

	// Filters.
	if got := auditActions(t, s, registry.AuditFilter{Action: ptr(registry.AuditEntryPublish)}); len(got) != 2 {
		t.Fatalf("filter by action: %v", got)
	}
	if got := auditActions(t, s, registry.AuditFilter{Login: ptr("root")}); len(got) != 3 {
		t.Fatalf("filter by actor: %v", got)
	}
	if got := auditActions(t, s, registry.AuditFilter{CompanyID: &co.ID}); len(got) != 10 {
		t.Fatalf("filter by company: %v", got)
	}
	es, total, err := s.FindAuditLog(ctx, system, registry.AuditFilter{Limit: 3, Offset: 3})
	if err != nil || total != 16 || len(es) != 3 || es[0].Action != registry.AuditEntryCreate {
		t.Fatalf("page 2: %d %v %v", total, es, err)
	}

	// Only supervisors and admins read it.
	for _, a := range []registry.Actor{registry.PublicActor, officer, {Login: "a", Role: registry.RoleAuditor}} {
		if _, _, err := s.FindAuditLog(ctx, a, registry.AuditFilter{}); err == nil {
			t.Fatalf("%s read the audit log", a.Role)
		}
	}
	if _, _, err := s.FindAuditLog(ctx, registry.Actor{Login: "ewa", Role: registry.RoleSupervisor}, registry.AuditFilter{}); err != nil {
		t.Fatal(err)
	}
}

func TestRecordAuditInTheCallersTransaction(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	co := MustCreateCompany(t, s, "mpo")
	officer := registry.Actor{Login: "ola", Role: registry.RoleOfficer, Companies: []int64{co.ID}}
	// Rolled back: the record goes with the write.
	tx, err := s.DB().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := registry.RecordAudit(ctx, tx, s.Now(), officer, registry.AuditAttachmentAdd, registry.AuditKindAttachment, 5, co.ID, "umowa.pdf\n  sha256 abc"); err != nil {
		t.Fatal(err)
	}
	tx.Rollback()
	if got := auditActions(t, s, registry.AuditFilter{Action: ptr(registry.AuditAttachmentAdd)}); len(got) != 0 {
		t.Fatalf("a rolled-back record stayed: %v", got)
	}
	commit(t, s, func(tx *sql.Tx) error {
		return registry.RecordAudit(ctx, tx, s.Now(), officer, registry.AuditAttachmentAdd, registry.AuditKindAttachment, 5, co.ID, "umowa.pdf\n  sha256 abc")
	})
	es, _, err := s.FindAuditLog(ctx, system, registry.AuditFilter{Action: ptr(registry.AuditAttachmentAdd)})
	if err != nil || len(es) != 1 || es[0].Detail != "umowa.pdf sha256 abc" || es[0].Company != "mpo" || es[0].ObjectID != 5 {
		t.Fatalf("recorded: %+v %v", es, err)
	}
	// The log is append-only.
	if _, err := s.DB().Exec(`UPDATE audit_log SET actor_login = 'ktoś'`); err == nil {
		t.Fatal("the audit log was rewritten")
	}
	if _, err := s.DB().Exec(`DELETE FROM audit_log`); err == nil {
		t.Fatal("the audit log was deleted")
	}
}

func commit(tb testing.TB, s *registry.Store, fn func(tx *sql.Tx) error) {
	tb.Helper()
	tx, err := s.DB().BeginTx(context.Background(), nil)
	if err != nil {
		tb.Fatal(err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		tb.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
}
