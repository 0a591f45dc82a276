package audits

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"jawnosc/registry"
)

// Ledger link kinds of audits (registry.AppendLedgerLink): the PDF of a report, each response
// or implementation evidence of a company (its text, time and PDF), and each status change of a
// recommendation (the history the report's public page shows). All are public once written.
const (
	LinkReportPDF = "audit_report"   // ref_id: the report
	LinkResponse  = "audit_response" // ref_id: the response
	LinkStatus    = "audit_status"   // ref_id: the status change (audit_status_changes)
	LinkFiling    = "audit_filing"   // ref_id: the report (its public content as filed)
)

// ReportPDFRecord is what the ledger hashes for a report's PDF.
type ReportPDFRecord struct {
	ReportID    int64  `json:"report_id"`
	Company     string `json:"company"`
	Title       string `json:"title"`
	PublishedOn string `json:"published_on"`
	SHA256      string `json:"sha256"`
	Size        int64  `json:"size"`
}

// ResponseRecord is what the ledger hashes for a response or evidence: what the public page
// shows of it (text, time posted, the PDF if any: sha256 "" and size 0 without one). Who
// posted it is not shown publicly and is not in the record.
type ResponseRecord struct {
	ResponseID       int64  `json:"response_id"`
	ReportID         int64  `json:"report_id"`
	RecommendationID int64  `json:"recommendation_id"` // 0: a response to the whole report
	Kind             string `json:"kind"`
	Text             string `json:"text"`
	PostedAt         string `json:"posted_at"` // as stored (UTC, milliseconds)
	SHA256           string `json:"sha256"`
	Size             int64  `json:"size"`
}

// StatusRecord is what the ledger hashes for a status change of a recommendation, as stored
// in its append-only history row (the public page shows date, statuses, reason and author).
type StatusRecord struct {
	StatusChangeID   int64  `json:"status_change_id"`
	RecommendationID int64  `json:"recommendation_id"`
	ReportID         int64  `json:"report_id"`
	FromStatus       string `json:"from_status"`
	Status           string `json:"status"`
	On               string `json:"on"`
	Reason           string `json:"reason"`
	ChangedBy        string `json:"changed_by"`
	CreatedAt        string `json:"created_at"` // as stored (UTC, milliseconds)
}

// FilingRecord is what the ledger hashes for a report as filed: its public description, the
// findings and the recommendations (without their status, which changes and has its own
// links). None of it changes after filing (triggers of migration 003 refuse it).
type FilingRecord struct {
	ReportID        int64                  `json:"report_id"`
	Company         string                 `json:"company"`
	Title           string                 `json:"title"`
	AuditorKind     string                 `json:"auditor_kind"`
	AuditorName     string                 `json:"auditor_name"`
	Kind            string                 `json:"kind"`
	PeriodFrom      string                 `json:"period_from"`
	PeriodTo        string                 `json:"period_to"`
	StartedOn       string                 `json:"started_on"`
	CompletedOn     string                 `json:"completed_on"`
	PublishedOn     string                 `json:"published_on"`
	Summary         string                 `json:"summary"`
	Findings        []FilingFinding        `json:"findings"`
	Recommendations []FilingRecommendation `json:"recommendations"`
}

// FilingFinding is a finding in a FilingRecord.
type FilingFinding struct {
	FindingID   int64  `json:"finding_id"`
	Position    int    `json:"position"`
	Title       string `json:"title"`
	Description string `json:"description"`
	Severity    string `json:"severity"`
}

// FilingRecommendation is a recommendation in a FilingRecord.
type FilingRecommendation struct {
	RecommendationID int64  `json:"recommendation_id"`
	FindingID        int64  `json:"finding_id"` // 0: not tied to a finding
	Position         int    `json:"position"`
	Text             string `json:"text"`
	Responsible      string `json:"responsible"`
	DueOn            string `json:"due_on"`
}

// queryer is satisfied by *sql.DB and *sql.Tx.
type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// reportPDFRecord reads a report's record; nil when the report has no PDF.
func reportPDFRecord(ctx context.Context, q queryer, id int64) (*ReportPDFRecord, error) {
	r := &ReportPDFRecord{}
	err := q.QueryRowContext(ctx, `SELECT r.id, co.slug, r.title, r.published_on, r.pdf_sha256, r.pdf_size
		FROM audit_reports r JOIN companies co ON co.id = r.company_id WHERE r.id = ?`, id).
		Scan(&r.ReportID, &r.Company, &r.Title, &r.PublishedOn, &r.SHA256, &r.Size)
	if err == sql.ErrNoRows || (err == nil && r.SHA256 == "") {
		return nil, nil
	}
	return r, err
}

// filingRecord reads a report's record as filed; nil when there is no such report.
func filingRecord(ctx context.Context, q queryer, id int64) (*FilingRecord, error) {
	r := &FilingRecord{Findings: []FilingFinding{}, Recommendations: []FilingRecommendation{}}
	err := q.QueryRowContext(ctx, `SELECT r.id, co.slug, r.title, r.auditor_kind, r.auditor_name, r.kind, r.period_from, r.period_to,
		r.started_on, r.completed_on, r.published_on, r.summary FROM audit_reports r JOIN companies co ON co.id = r.company_id WHERE r.id = ?`, id).
		Scan(&r.ReportID, &r.Company, &r.Title, &r.AuditorKind, &r.AuditorName, &r.Kind, &r.PeriodFrom, &r.PeriodTo,
			&r.StartedOn, &r.CompletedOn, &r.PublishedOn, &r.Summary)
	if err == sql.ErrNoRows {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	rows, err := q.QueryContext(ctx, `SELECT id, position, title, description, severity FROM audit_findings WHERE report_id = ? ORDER BY position`, id)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var f FilingFinding
		if err := rows.Scan(&f.FindingID, &f.Position, &f.Title, &f.Description, &f.Severity); err != nil {
			rows.Close()
			return nil, err
		}
		r.Findings = append(r.Findings, f)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = q.QueryContext(ctx, `SELECT id, COALESCE(finding_id, 0), position, text, responsible, due_on FROM audit_recommendations WHERE report_id = ? ORDER BY position`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var x FilingRecommendation
		if err := rows.Scan(&x.RecommendationID, &x.FindingID, &x.Position, &x.Text, &x.Responsible, &x.DueOn); err != nil {
			return nil, err
		}
		r.Recommendations = append(r.Recommendations, x)
	}
	return r, rows.Err()
}

// responseRecord reads a response's record; nil when there is no such response.
func responseRecord(ctx context.Context, q queryer, id int64) (*ResponseRecord, error) {
	r := &ResponseRecord{}
	err := q.QueryRowContext(ctx, `SELECT id, report_id, COALESCE(recommendation_id, 0), kind, text, posted_at, pdf_sha256, pdf_size
		FROM audit_responses WHERE id = ?`, id).Scan(&r.ResponseID, &r.ReportID, &r.RecommendationID, &r.Kind, &r.Text, &r.PostedAt, &r.SHA256, &r.Size)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	return r, err
}

// statusRecord reads a status change's record; nil when there is no such change.
func statusRecord(ctx context.Context, q queryer, id int64) (*StatusRecord, error) {
	r := &StatusRecord{}
	err := q.QueryRowContext(ctx, `SELECT c.id, c.recommendation_id, x.report_id, c.from_status, c.to_status, c.changed_on, c.reason, c.changed_by, c.created_at
		FROM audit_status_changes c JOIN audit_recommendations x ON x.id = c.recommendation_id WHERE c.id = ?`, id).
		Scan(&r.StatusChangeID, &r.RecommendationID, &r.ReportID, &r.FromStatus, &r.Status, &r.On, &r.Reason, &r.ChangedBy, &r.CreatedAt)
	if err == sql.ErrNoRows {
		return nil, nil
	}
	return r, err
}

// appendRecord appends a link of kind for the record rec of row id inside tx (none when rec is nil).
func appendRecord[T any](ctx context.Context, tx *sql.Tx, kind string, id int64, rec *T, err error, at time.Time) error {
	if err != nil || rec == nil {
		return err
	}
	h, err := registry.CanonicalHash(rec)
	if err != nil {
		return err
	}
	_, err = registry.AppendLedgerLink(ctx, tx, kind, 0, id, h, at)
	return err
}

// linkReportPDF appends the link of a report's PDF inside tx (when it has one).
func linkReportPDF(ctx context.Context, tx *sql.Tx, id int64, at time.Time) error {
	r, err := reportPDFRecord(ctx, tx, id)
	return appendRecord(ctx, tx, LinkReportPDF, id, r, err, at)
}

// linkFiling appends the link of a report as filed inside tx.
func linkFiling(ctx context.Context, tx *sql.Tx, id int64, at time.Time) error {
	r, err := filingRecord(ctx, tx, id)
	return appendRecord(ctx, tx, LinkFiling, id, r, err, at)
}

// linkResponse appends the link of a response inside tx.
func linkResponse(ctx context.Context, tx *sql.Tx, id int64, at time.Time) error {
	r, err := responseRecord(ctx, tx, id)
	return appendRecord(ctx, tx, LinkResponse, id, r, err, at)
}

// linkStatus appends the link of a status change inside tx.
func linkStatus(ctx context.Context, tx *sql.Tx, id int64, at time.Time) error {
	r, err := statusRecord(ctx, tx, id)
	return appendRecord(ctx, tx, LinkStatus, id, r, err, at)
}

// Public rows with no link.
const (
	unlinkedReports   = `SELECT r.id FROM audit_reports r WHERE r.pdf_sha256 != '' AND NOT EXISTS (SELECT 1 FROM ledger l WHERE l.link_kind = 'audit_report' AND l.ref_id = r.id) ORDER BY r.id`
	unlinkedResponses = `SELECT x.id FROM audit_responses x WHERE NOT EXISTS (SELECT 1 FROM ledger l WHERE l.link_kind = 'audit_response' AND l.ref_id = x.id) ORDER BY x.id`
	unlinkedFilings   = `SELECT r.id FROM audit_reports r WHERE NOT EXISTS (SELECT 1 FROM ledger l WHERE l.link_kind = 'audit_filing' AND l.ref_id = r.id) ORDER BY r.id`
	unlinkedStatuses  = `SELECT c.id FROM audit_status_changes c WHERE NOT EXISTS (SELECT 1 FROM ledger l WHERE l.link_kind = 'audit_status' AND l.ref_id = c.id) ORDER BY c.id`
)

// checker is the registry.LinkChecker of kind: record reads a row's record (nil: no such row).
func checker[T any](s *Store, kind string, record func(context.Context, queryer, int64) (*T, error), missing, unlinked, format string) registry.LinkChecker {
	return registry.LinkChecker{Kind: kind,
		Record: func(ctx context.Context, id int64) (int64, string, string, error) {
			r, err := record(ctx, s.read, id)
			if err != nil || r == nil {
				return 0, "", fmt.Sprintf(missing, id), formatError(err)
			}
			h, err := registry.CanonicalHash(r)
			return 0, h, "", err
		},
		Unlinked: func(ctx context.Context) (string, error) {
			return s.firstUnlinked(ctx, unlinked, format)
		}}
}

// LedgerCheckers lets registry.Store.VerifyLedger check the links of audits.
func (s *Store) LedgerCheckers() []registry.LinkChecker {
	return []registry.LinkChecker{
		checker(s, LinkReportPDF, reportPDFRecord, "brak raportu z audytu nr %d z plikiem PDF",
			unlinkedReports, "plik PDF raportu z audytu nr %d jest publiczny, ale nie ma ogniwa w łańcuchu"),
		checker(s, LinkFiling, filingRecord, "brak raportu z audytu nr %d",
			unlinkedFilings, "raport z audytu nr %d jest publiczny, ale nie ma ogniwa w łańcuchu"),
		checker(s, LinkResponse, responseRecord, "brak odpowiedzi spółki nr %d",
			unlinkedResponses, "odpowiedź spółki nr %d jest publiczna, ale nie ma ogniwa w łańcuchu"),
		s.statusChecker(),
	}
}

// statusAstray names a recommendation whose current status or its date is not the last change
// of its history (or "open" on the publication date without one): the history is in the
// ledger, the current status is not, and the page shows both.
const statusAstray = `SELECT x.id FROM audit_recommendations x JOIN audit_reports r ON r.id = x.report_id
	LEFT JOIN audit_status_changes c ON c.id = (SELECT MAX(id) FROM audit_status_changes WHERE recommendation_id = x.id)
	WHERE x.status != COALESCE(c.to_status, 'open') OR x.status_on != COALESCE(c.changed_on, r.published_on) ORDER BY x.id`

// statusChecker checks the links of status changes, and that each recommendation's current
// status is the one its history ends with.
func (s *Store) statusChecker() registry.LinkChecker {
	c := checker(s, LinkStatus, statusRecord, "brak zmiany statusu zalecenia nr %d",
		unlinkedStatuses, "zmiana statusu zalecenia nr %d jest publiczna, ale nie ma ogniwa w łańcuchu")
	unlinked := c.Unlinked
	c.Unlinked = func(ctx context.Context) (string, error) {
		if p, err := unlinked(ctx); p != "" || err != nil {
			return p, err
		}
		return s.firstUnlinked(ctx, statusAstray, "zalecenie nr %d ma inny status lub datę statusu niż ostatnia zmiana w jego historii")
	}
	return c
}

func (s *Store) firstUnlinked(ctx context.Context, query, format string) (string, error) {
	var id int64
	err := s.read.QueryRowContext(ctx, query+` LIMIT 1`).Scan(&id)
	if err == sql.ErrNoRows {
		return "", nil
	} else if err != nil {
		return "", formatError(err)
	}
	return fmt.Sprintf(format, id), nil
}

// StoredFiles lists every PDF the audit tables name (reports, then responses and evidence).
func (s *Store) StoredFiles(ctx context.Context) ([]registry.FileRef, error) {
	var out []registry.FileRef
	for _, q := range []struct{ query, what string }{
		{`SELECT id, pdf_sha256, pdf_size FROM audit_reports WHERE pdf_sha256 != '' ORDER BY id`, "plik PDF raportu z audytu nr %d"},
		{`SELECT id, pdf_sha256, pdf_size FROM audit_responses WHERE pdf_sha256 != '' ORDER BY id`, "plik PDF odpowiedzi spółki nr %d"},
	} {
		rows, err := s.read.QueryContext(ctx, q.query)
		if err != nil {
			return nil, formatError(err)
		}
		for rows.Next() {
			var id int64
			var f registry.FileRef
			if err := rows.Scan(&id, &f.SHA256, &f.Size); err != nil {
				rows.Close()
				return nil, formatError(err)
			}
			f.What = fmt.Sprintf(q.what, id)
			out = append(out, f)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, formatError(err)
		}
	}
	return out, nil
}

// backfillKeys are the meta rows by which migrations ask for the links of what was public
// before it entered the ledger: 002 (report and response PDFs), 003 (every report as filed,
// every response, and every status change of a recommendation).
var backfillKeys = []string{"ledger_backfill_audits", "ledger_backfill_audits_003"}

// backfillLedger appends the links of the public rows that have none, once, when a migration
// asked for it through a meta row (removed in the same transaction).
func (s *Store) backfillLedger(ctx context.Context) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if pending, err := registry.TakeBackfillRequest(ctx, tx, backfillKeys...); err != nil || !pending {
			return err
		}
		for _, k := range []struct {
			query string
			link  func(context.Context, *sql.Tx, int64, time.Time) error
		}{{unlinkedReports, linkReportPDF}, {unlinkedFilings, linkFiling}, {unlinkedResponses, linkResponse}, {unlinkedStatuses, linkStatus}} {
			ids, err := queryIDs(ctx, tx, k.query)
			if err != nil {
				return err
			}
			for _, id := range ids {
				if err := k.link(ctx, tx, id, s.now()); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

func queryIDs(ctx context.Context, q queryer, query string) ([]int64, error) {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, rows.Err()
}
