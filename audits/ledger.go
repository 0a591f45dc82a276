package audits

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"jawnosc/registry"
)

// Ledger link kinds of audits (registry.AppendLedgerLink): the PDF of a report, and the PDF
// of a company's response or implementation evidence. Both are public once filed.
const (
	LinkReportPDF   = "audit_report"   // ref_id: the report
	LinkResponsePDF = "audit_response" // ref_id: the response
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

// ResponsePDFRecord is what the ledger hashes for the PDF of a response or evidence.
type ResponsePDFRecord struct {
	ResponseID       int64  `json:"response_id"`
	ReportID         int64  `json:"report_id"`
	RecommendationID int64  `json:"recommendation_id"` // 0: a response to the whole report
	Kind             string `json:"kind"`
	SHA256           string `json:"sha256"`
	Size             int64  `json:"size"`
}

// queryer is satisfied by *sql.DB and *sql.Tx.
type queryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// recordHash is the SHA-256 of a record's canonical JSON.
func recordHash(v any) (string, error) {
	b, err := registry.CanonicalJSON(v)
	if err != nil {
		return "", err
	}
	return registry.SHA256Hex(b), nil
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

// responsePDFRecord reads a response's record; nil when the response has no PDF.
func responsePDFRecord(ctx context.Context, q queryer, id int64) (*ResponsePDFRecord, error) {
	r := &ResponsePDFRecord{}
	err := q.QueryRowContext(ctx, `SELECT id, report_id, COALESCE(recommendation_id, 0), kind, pdf_sha256, pdf_size
		FROM audit_responses WHERE id = ?`, id).Scan(&r.ResponseID, &r.ReportID, &r.RecommendationID, &r.Kind, &r.SHA256, &r.Size)
	if err == sql.ErrNoRows || (err == nil && r.SHA256 == "") {
		return nil, nil
	}
	return r, err
}

// linkReportPDF appends the link of a report's PDF inside tx (the report must have one).
func linkReportPDF(ctx context.Context, tx *sql.Tx, id int64, at time.Time) error {
	r, err := reportPDFRecord(ctx, tx, id)
	if err != nil || r == nil {
		return err
	}
	h, err := recordHash(r)
	if err != nil {
		return err
	}
	_, err = registry.AppendLedgerLink(ctx, tx, LinkReportPDF, 0, id, h, at)
	return err
}

// linkResponsePDF appends the link of a response's PDF inside tx (when it has one).
func linkResponsePDF(ctx context.Context, tx *sql.Tx, id int64, at time.Time) error {
	r, err := responsePDFRecord(ctx, tx, id)
	if err != nil || r == nil {
		return err
	}
	h, err := recordHash(r)
	if err != nil {
		return err
	}
	_, err = registry.AppendLedgerLink(ctx, tx, LinkResponsePDF, 0, id, h, at)
	return err
}

// Rows whose PDF is public and has no link.
const (
	unlinkedReports   = `SELECT r.id FROM audit_reports r WHERE r.pdf_sha256 != '' AND NOT EXISTS (SELECT 1 FROM ledger l WHERE l.link_kind = 'audit_report' AND l.ref_id = r.id) ORDER BY r.id`
	unlinkedResponses = `SELECT x.id FROM audit_responses x WHERE x.pdf_sha256 != '' AND NOT EXISTS (SELECT 1 FROM ledger l WHERE l.link_kind = 'audit_response' AND l.ref_id = x.id) ORDER BY x.id`
)

// LedgerCheckers lets registry.Store.VerifyLedger check the links of audit PDFs.
func (s *Store) LedgerCheckers() []registry.LinkChecker {
	return []registry.LinkChecker{
		{Kind: LinkReportPDF,
			Record: func(ctx context.Context, id int64) (int64, string, string, error) {
				r, err := reportPDFRecord(ctx, s.read, id)
				if err != nil || r == nil {
					return 0, "", fmt.Sprintf("brak raportu z audytu nr %d z plikiem PDF", id), formatError(err)
				}
				h, err := recordHash(r)
				return 0, h, "", err
			},
			Unlinked: func(ctx context.Context) (string, error) {
				return s.firstUnlinked(ctx, unlinkedReports, "plik PDF raportu z audytu nr %d jest publiczny, ale nie ma ogniwa w łańcuchu")
			}},
		{Kind: LinkResponsePDF,
			Record: func(ctx context.Context, id int64) (int64, string, string, error) {
				r, err := responsePDFRecord(ctx, s.read, id)
				if err != nil || r == nil {
					return 0, "", fmt.Sprintf("brak odpowiedzi spółki nr %d z plikiem PDF", id), formatError(err)
				}
				h, err := recordHash(r)
				return 0, h, "", err
			},
			Unlinked: func(ctx context.Context) (string, error) {
				return s.firstUnlinked(ctx, unlinkedResponses, "plik PDF odpowiedzi spółki nr %d jest publiczny, ale nie ma ogniwa w łańcuchu")
			}},
	}
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

// backfillLedger appends the links of the PDFs that were public before they entered the
// ledger (migration 002 asks for it once through a meta row, removed in the same transaction).
func (s *Store) backfillLedger(ctx context.Context) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var pending string
		if err := tx.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'ledger_backfill_audits'`).Scan(&pending); err == sql.ErrNoRows {
			return nil
		} else if err != nil {
			return err
		}
		for _, k := range []struct {
			query string
			link  func(context.Context, *sql.Tx, int64, time.Time) error
		}{{unlinkedReports, linkReportPDF}, {unlinkedResponses, linkResponsePDF}} {
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
		_, err := tx.ExecContext(ctx, `DELETE FROM meta WHERE key = 'ledger_backfill_audits'`)
		return err
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
