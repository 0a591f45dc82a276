package audits

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"jawnosc/registry"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Store keeps audit reports and signals in the registry's database: writes go through
// the registry's write pool in one transaction per call, reads through its read pool.
type Store struct {
	Reg   *registry.Store
	db    *sql.DB
	read  *sql.DB
	Files Attachments
	// Now returns the current time; tests pin it. Dates are taken in Europe/Warsaw.
	Now func() time.Time

	recompute sync.Mutex // serializes RecomputeCompany
}

// Open migrates the audits tables (namespace "audits") and returns the store; attachments
// are kept under dataDir/attachments.
func Open(ctx context.Context, reg *registry.Store, dataDir string) (*Store, error) {
	if err := registry.Migrate(ctx, reg.DB(), migrationFS, "migrations", "audits"); err != nil {
		return nil, fmt.Errorf("audits: migrate: %w", err)
	}
	s := &Store{Reg: reg, db: reg.DB(), read: reg.ReadDB(),
		Files: Attachments{Dir: filepath.Join(dataDir, "attachments")}, Now: time.Now}
	if err := s.backfillLedger(ctx); err != nil {
		return nil, fmt.Errorf("audits: ledger: %w", err)
	}
	return s, nil
}

// now returns the current time.
func (s *Store) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// Today returns today's date in Europe/Warsaw by the store's clock.
func (s *Store) Today() registry.Date { return registry.DateOf(s.now(), registry.Warsaw()) }

// Timestamps are stored as the registry stores them (UTC, sortable, with milliseconds).
var (
	fmtTime   = registry.FormatTime
	parseTime = registry.ParseTime
)

// inTx runs fn in one write transaction and commits it; driver errors are translated.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return formatError(err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return formatError(err)
	}
	return formatError(tx.Commit())
}

// formatError translates driver errors the one way the registry does (registry.FormatError).
var formatError = registry.FormatError

// Actions of audit reports in the registry's audit log.
const (
	AuditCreate   = "audit.create"
	AuditStatus   = "audit.recommendation_status"
	AuditResponse = "audit.response"
	AuditEvidence = "audit.evidence"
	AuditCouncil  = "audit.council"
	AuditPDF      = "audit.pdf"
)

// written records a write of a report in the registry's audit log (who, role, what, when)
// and in the change sequence, inside the write's own transaction.
func written(ctx context.Context, tx *sql.Tx, at time.Time, a registry.Actor, action string, reportID int64, detail string) error {
	var companyID int64
	if err := tx.QueryRowContext(ctx, `SELECT company_id FROM audit_reports WHERE id = ?`, reportID).Scan(&companyID); err != nil {
		return err
	}
	if err := registry.RecordAudit(ctx, tx, at, a, action, KindAudit, reportID, companyID, detail); err != nil {
		return err
	}
	return changed(ctx, tx, reportID)
}

// changed appends the report to the registry's change sequence, so the search index re-reads it.
func changed(ctx context.Context, tx *sql.Tx, reportID int64) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO changes (entry_id, kind) VALUES (?, ?)`, reportID, KindAudit)
	return err
}

// requireAuditor lets auditors (and the operator's tools) file and change audits:
// EUNAUTHORIZED for the public, EFORBIDDEN for other roles.
func requireAuditor(a registry.Actor) error {
	switch a.Role {
	case registry.RoleAuditor, registry.RoleSystem:
		return nil
	case registry.RolePublic, "":
		return registry.Errorf(registry.EUNAUTHORIZED, "Zaloguj się, aby wykonać tę operację.")
	}
	return registry.Errorf(registry.EFORBIDDEN, "Raporty z audytów i statusy zaleceń zmieniają tylko audytorzy.")
}

// requireCompanyOfficer lets officers of the company (and the operator's tools) post the
// company's responses: EUNAUTHORIZED for the public, EFORBIDDEN otherwise.
func requireCompanyOfficer(a registry.Actor, companyID int64) error {
	switch a.Role {
	case registry.RoleSystem:
		return nil
	case registry.RolePublic, "":
		return registry.Errorf(registry.EUNAUTHORIZED, "Zaloguj się, aby wykonać tę operację.")
	case registry.RoleOfficer:
		if a.CanWriteCompany(companyID) {
			return nil
		}
	}
	return registry.Errorf(registry.EFORBIDDEN, "Odpowiedź spółki mogą dodać tylko pracownicy tej spółki.")
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// CanFile returns nil when the actor may file audit reports and change recommendation
// statuses (auditors), EUNAUTHORIZED for the public and EFORBIDDEN for other roles.
func CanFile(a registry.Actor) error { return requireAuditor(a) }

// ReportOfRecommendation returns the id of the report a recommendation belongs to. Errors: ENOTFOUND.
func (s *Store) ReportOfRecommendation(ctx context.Context, recID int64) (int64, error) {
	var id int64
	err := s.read.QueryRowContext(ctx, `SELECT report_id FROM audit_recommendations WHERE id = ?`, recID).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, registry.Errorf(registry.ENOTFOUND, "Nie znaleziono zalecenia nr %d.", recID)
	}
	return id, formatError(err)
}
