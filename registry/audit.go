package registry

import (
	"context"
	"database/sql"
	"strings"
	"time"
	"unicode/utf8"
)

// Actions of the audit log. Other packages (appeals, audits, attachments) may record their
// own actions under their own prefix ("appeal.decide"); LabelOf falls back to the code.
const (
	AuditEntryCreate      = "entry.create"       // a register entry filed (draft or published at once)
	AuditEntryUpdateDraft = "entry.update_draft" // a draft's content replaced
	AuditEntryPublish     = "entry.publish"      // a draft published (or filed published)
	AuditEntryAmend       = "entry.amend"        // an amendment (annex) version
	AuditEntryCorrect     = "entry.correct"      // a correction version
	AuditEntryWithdraw    = "entry.withdraw"     // a withdrawal version
	AuditEntryImport      = "entry.import"       // an entry published by a bulk import
	AuditEntryBulkLoad    = "entry.bulk_load"    // entries with history loaded by a command-line tool
	AuditAttachmentAdd    = "attachment.add"     // a file attached to an entry
	AuditAttachmentRemove = "attachment.remove"  // a draft's attachment removed
	AuditUserCreate       = "user.create"
	AuditUserDisable      = "user.disable"
	AuditTokenCreate      = "token.create"
	AuditSignIn           = "session.sign_in"
	AuditSignInFailed     = "session.sign_in_failed"
	AuditCompanyCreate    = "company.create"
)

// AuditActions lists the registry's audit actions with Polish labels, in display order.
var AuditActions = []Label{
	{AuditEntryCreate, "dodanie wpisu"},
	{AuditEntryUpdateDraft, "zmiana szkicu"},
	{AuditEntryPublish, "publikacja"},
	{AuditEntryAmend, "aneks"},
	{AuditEntryCorrect, "korekta"},
	{AuditEntryWithdraw, "wycofanie"},
	{AuditEntryImport, "import z pliku"},
	{AuditEntryBulkLoad, "wczytanie danych z historią"},
	{AuditAttachmentAdd, "dodanie załącznika"},
	{AuditAttachmentRemove, "usunięcie załącznika"},
	{AuditUserCreate, "utworzenie konta"},
	{AuditUserDisable, "wyłączenie konta"},
	{AuditTokenCreate, "utworzenie tokenu API"},
	{AuditSignIn, "logowanie"},
	{AuditSignInFailed, "nieudane logowanie"},
	{AuditCompanyCreate, "dodanie spółki"},
	// Recorded by the audits package (audit reports).
	{"audit.create", "dodanie raportu z audytu"},
	{"audit.recommendation_status", "zmiana statusu zalecenia"},
	{"audit.response", "odpowiedź spółki na audyt"},
	{"audit.evidence", "dowód wykonania zalecenia"},
	{"audit.council", "omówienie audytu na sesji rady"},
	{"audit.pdf", "dodanie PDF raportu"},
	// Recorded by the appeals package (information requests), one per event.
	{"request.submitted", "złożenie wniosku"},
	{"request.clarification_requested", "prośba o doprecyzowanie wniosku"},
	{"request.clarified", "doprecyzowanie wniosku"},
	{"request.fee_notified", "zawiadomienie o opłacie"},
	{"request.fee_accepted", "akceptacja opłaty"},
	{"request.delay_notified", "zawiadomienie o przedłużeniu terminu"},
	{"request.answered", "odpowiedź na wniosek"},
	{"request.refused", "odmowa udostępnienia"},
	{"request.reconsideration_requested", "wniosek o ponowne rozpatrzenie"},
	{"request.reconsideration_decided", "ponowne rozpatrzenie"},
	{"request.appealed", "odwołanie do urzędu miasta"},
	{"request.appeal_decided", "rozstrzygnięcie odwołania"},
	{"request.complied", "wykonanie rozstrzygnięcia"},
	{"request.overdue", "przekroczenie terminu"},
}

// Object kinds of audit records besides the register kinds (KindContract, …).
const (
	AuditKindUser       = "user"
	AuditKindToken      = "api_token"
	AuditKindCompany    = "company"
	AuditKindAttachment = "attachment"
)

// maxAuditDetail is the longest detail kept (runes); longer ones are cut.
const maxAuditDetail = 500

// AuditEntry is one record of the audit log.
type AuditEntry struct {
	ID         int64     `json:"id"`
	At         time.Time `json:"at"`
	Login      string    `json:"actor"`
	Role       string    `json:"role"`
	Action     string    `json:"action"`
	ObjectKind string    `json:"object_kind"`
	ObjectID   int64     `json:"object_id"`
	Company    string    `json:"company"` // slug, "" when none
	Detail     string    `json:"detail"`
}

// AuditFilter selects audit records. Nil pointers mean "not given".
type AuditFilter struct {
	CompanyID *int64
	Login     *string
	Action    *string
	Offset    int
	Limit     int // default 50, at most 500
}

// RecordAudit appends a record of a write to the audit log inside tx, the transaction of
// the write itself, so that the write and its record commit or roll back together. a is
// who writes (its login and role are kept), action one of the Audit* constants (or a
// package's own "prefix.verb"), kind and id the object written (id 0: none), companyID the
// company concerned (0: none), detail a short note that must hold no passwords, tokens or
// personal data of requesters. at is when the write happened, by the writing package's
// clock (the registry's own writes use the store's).
func RecordAudit(ctx context.Context, tx *sql.Tx, at time.Time, a Actor, action, kind string, id, companyID int64, detail string) error {
	return recordAuditAt(ctx, tx, at, a, action, kind, id, companyID, detail)
}

// audit is RecordAudit with the store's clock.
func (s *Store) audit(ctx context.Context, tx *sql.Tx, a Actor, action, kind string, id, companyID int64, detail string) error {
	return recordAuditAt(ctx, tx, s.now(), a, action, kind, id, companyID, detail)
}

func recordAuditAt(ctx context.Context, tx *sql.Tx, at time.Time, a Actor, action, kind string, id, companyID int64, detail string) error {
	detail = strings.Join(strings.Fields(strings.ToValidUTF8(detail, "")), " ")
	if utf8.RuneCountInString(detail) > maxAuditDetail {
		detail = string([]rune(detail)[:maxAuditDetail-1]) + "…"
	}
	role := a.Role
	if role == "" {
		role = RolePublic
	}
	var company any
	if companyID != 0 {
		company = companyID
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO audit_log (at, actor_login, actor_role, action, object_kind, object_id, company_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		fmtTime(at), a.Login, role, action, kind, id, company, detail)
	return formatError(err)
}

// changeAction is the audit action of a new version's change kind.
func changeAction(changeKind string) string {
	switch changeKind {
	case ChangeAmendment:
		return AuditEntryAmend
	case ChangeCorrection:
		return AuditEntryCorrect
	case ChangeWithdrawal:
		return AuditEntryWithdraw
	}
	return AuditEntryPublish
}

// FindAuditLog returns a page of the audit log, newest first, and the total count. Only
// supervisors, admins and the system may read it. Returns EUNAUTHORIZED, EFORBIDDEN.
func (s *Store) FindAuditLog(ctx context.Context, a Actor, f AuditFilter) ([]*AuditEntry, int, error) {
	if err := a.RequireRole(RoleSupervisor, RoleAdmin); err != nil {
		return nil, 0, err
	}
	where, args := []string{"1 = 1"}, []any{}
	if f.CompanyID != nil {
		where, args = append(where, "l.company_id = ?"), append(args, *f.CompanyID)
	}
	if f.Login != nil {
		where, args = append(where, "l.actor_login = ?"), append(args, strings.ToLower(strings.TrimSpace(*f.Login)))
	}
	if f.Action != nil {
		where, args = append(where, "l.action = ?"), append(args, *f.Action)
	}
	clause := " WHERE " + strings.Join(where, " AND ")
	if f.Limit <= 0 {
		f.Limit = 50
	} else if f.Limit > 500 {
		f.Limit = 500
	}
	var total int
	if err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM audit_log l`+clause, args...).Scan(&total); err != nil {
		return nil, 0, formatError(err)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT l.id, l.at, l.actor_login, l.actor_role, l.action, l.object_kind, l.object_id, COALESCE(co.slug, ''), l.detail
		FROM audit_log l LEFT JOIN companies co ON co.id = l.company_id`+clause+` ORDER BY l.id DESC LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, 0, formatError(err)
	}
	defer rows.Close()
	out := []*AuditEntry{}
	for rows.Next() {
		e := &AuditEntry{}
		if err := rows.Scan(&e.ID, (*timeCol)(&e.At), &e.Login, &e.Role, &e.Action, &e.ObjectKind, &e.ObjectID, &e.Company, &e.Detail); err != nil {
			return nil, 0, formatError(err)
		}
		out = append(out, e)
	}
	return out, total, formatError(rows.Err())
}
