package audits

import (
	"context"
	"database/sql"
	"time"

	"jawnosc/registry"
)

// CreateReport files an audit report with its findings and recommendations (each starting
// "open" on the publication date) and the optional PDF, which enters the ledger in the same
// transaction (a report is public once filed). Only auditors may.
// Errors: EUNAUTHORIZED, EFORBIDDEN, EINVALID (per field), ETOOLARGE (PDF), ENOTFOUND (company).
func (s *Store) CreateReport(ctx context.Context, a registry.Actor, in ReportInput) (*Report, error) {
	if err := requireAuditor(a); err != nil {
		return nil, err
	}
	if err := in.Validate(s.Today()); err != nil {
		return nil, err
	}
	co, err := s.Reg.FindCompanyBySlug(ctx, in.Company)
	if registry.ErrorCode(err) == registry.ENOTFOUND {
		return nil, &registry.Error{Code: registry.EINVALID, Message: registry.MsgFixFields,
			Fields: map[string]string{"company": "Nie ma takiej spółki."}}
	} else if err != nil {
		return nil, err
	}
	var pdf *Attachment
	if len(in.PDF) > 0 {
		if pdf, err = s.Files.SavePDF(in.PDF); err != nil {
			return nil, err
		}
	} else {
		pdf = &Attachment{}
	}
	now := fmtTime(s.now())
	var id int64
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO audit_reports (company_id, title, auditor_kind, auditor_name, kind,
			period_from, period_to, started_on, completed_on, published_on, summary, pdf_sha256, pdf_size, filed_by, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			co.ID, in.Title, in.AuditorKind, in.AuditorName, in.Kind, in.PeriodFrom, in.PeriodTo, in.StartedOn,
			in.CompletedOn, in.PublishedOn, in.Summary, pdf.SHA256, pdf.Size, a.Login, now, now)
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		findingIDs := make([]int64, len(in.Findings))
		for i, f := range in.Findings {
			res, err := tx.ExecContext(ctx, `INSERT INTO audit_findings (report_id, position, title, description, severity) VALUES (?, ?, ?, ?, ?)`,
				id, i+1, f.Title, f.Description, f.Severity)
			if err != nil {
				return err
			}
			if findingIDs[i], err = res.LastInsertId(); err != nil {
				return err
			}
		}
		for i, r := range in.Recommendations {
			var finding any
			if r.Finding > 0 {
				finding = findingIDs[r.Finding-1]
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO audit_recommendations (report_id, finding_id, position, text, responsible, due_on, status, status_on)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, id, finding, i+1, r.Text, r.Responsible, r.DueOn, StatusOpen, in.PublishedOn); err != nil {
				return err
			}
		}
		// A report is public once filed: its content, then its PDF, enter the ledger with it.
		if err := linkFiling(ctx, tx, id, s.now()); err != nil {
			return err
		}
		if err := linkReportPDF(ctx, tx, id, s.now()); err != nil {
			return err
		}
		return written(ctx, tx, s.now(), a, AuditCreate, id, "")
	})
	if err != nil {
		return nil, err
	}
	return s.FindReportByID(ctx, id)
}

// ChangeStatus changes a recommendation's status on a date with a reason; the change is
// appended to its history and enters the ledger in the same transaction. Only auditors may.
// Errors: EUNAUTHORIZED, EFORBIDDEN, ENOTFOUND, EINVALID (per field).
func (s *Store) ChangeStatus(ctx context.Context, a registry.Actor, recID int64, in StatusInput) (*Recommendation, error) {
	if err := requireAuditor(a); err != nil {
		return nil, err
	}
	var reportID int64
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		r, err := findRecommendation(ctx, tx, recID)
		if err != nil {
			return err
		}
		reportID = r.ReportID
		if err := in.Validate(r, s.Today()); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO audit_status_changes (recommendation_id, from_status, to_status, changed_on, reason, changed_by, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, recID, r.Status, in.Status, in.On, in.Reason, a.Login, fmtTime(s.now()))
		if err != nil {
			return err
		}
		// The change is public at once (the report's page shows the history): it enters the ledger with it.
		changeID, err := res.LastInsertId()
		if err != nil {
			return err
		}
		if err := linkStatus(ctx, tx, changeID, s.now()); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE audit_recommendations SET status = ?, status_on = ? WHERE id = ?`, in.Status, in.On, recID); err != nil {
			return err
		}
		if err := touchReport(ctx, tx, reportID, s.now()); err != nil {
			return err
		}
		return written(ctx, tx, s.now(), a, AuditStatus, reportID, "zalecenie nr "+itoa(recID)+": "+in.Status)
	})
	if err != nil {
		return nil, err
	}
	rep, err := s.FindReportByID(ctx, reportID)
	if err != nil {
		return nil, err
	}
	for _, r := range rep.Recommendations {
		if r.ID == recID {
			return r, nil
		}
	}
	return nil, registry.Errorf(registry.ENOTFOUND, "Nie znaleziono zalecenia.")
}

// PostResponse adds the company's response to a report; the response (text, time, PDF if any)
// enters the ledger in the same transaction.
// Only officers of the report's company may.
// Errors: EUNAUTHORIZED, EFORBIDDEN, ENOTFOUND, EINVALID, ETOOLARGE.
func (s *Store) PostResponse(ctx context.Context, a registry.Actor, reportID int64, in ResponseInput) (*Response, error) {
	return s.postResponse(ctx, a, reportID, nil, in)
}

// PostEvidence adds implementation evidence to a recommendation. Only officers of the
// report's company may. Errors: EUNAUTHORIZED, EFORBIDDEN, ENOTFOUND, EINVALID, ETOOLARGE.
func (s *Store) PostEvidence(ctx context.Context, a registry.Actor, recID int64, in ResponseInput) (*Response, error) {
	var reportID int64
	if err := s.read.QueryRowContext(ctx, `SELECT report_id FROM audit_recommendations WHERE id = ?`, recID).Scan(&reportID); err != nil {
		if err == sql.ErrNoRows {
			return nil, registry.Errorf(registry.ENOTFOUND, "Nie znaleziono zalecenia nr %d.", recID)
		}
		return nil, formatError(err)
	}
	return s.postResponse(ctx, a, reportID, &recID, in)
}

func (s *Store) postResponse(ctx context.Context, a registry.Actor, reportID int64, recID *int64, in ResponseInput) (*Response, error) {
	companyID, err := s.reportCompany(ctx, reportID)
	if err != nil {
		return nil, err
	}
	if err := requireCompanyOfficer(a, companyID); err != nil {
		return nil, err
	}
	if err := in.Validate(); err != nil {
		return nil, err
	}
	pdf := &Attachment{}
	if len(in.PDF) > 0 {
		if pdf, err = s.Files.SavePDF(in.PDF); err != nil {
			return nil, err
		}
	}
	kind := ResponseReport
	if recID != nil {
		kind = ResponseEvidence
	}
	now := s.now()
	resp := &Response{RecommendationID: recID, Kind: kind, Text: in.Text, PostedBy: a.Login, PostedAt: parseTime(fmtTime(now))}
	if pdf.SHA256 != "" {
		resp.PDF = pdf
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO audit_responses (report_id, recommendation_id, kind, text, pdf_sha256, pdf_size, posted_by, posted_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, reportID, recID, kind, in.Text, pdf.SHA256, pdf.Size, a.Login, fmtTime(now))
		if err != nil {
			return err
		}
		if resp.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		if err := linkResponse(ctx, tx, resp.ID, now); err != nil {
			return err
		}
		if err := touchReport(ctx, tx, reportID, now); err != nil {
			return err
		}
		action := AuditResponse
		if recID != nil {
			action = AuditEvidence
		}
		return written(ctx, tx, s.now(), a, action, reportID, "")
	})
	if err != nil {
		return nil, err
	}
	return resp, nil
}

// SetCouncil records the City Council's discussion of a report (session and date). Only
// auditors may. Errors: EUNAUTHORIZED, EFORBIDDEN, ENOTFOUND, EINVALID.
func (s *Store) SetCouncil(ctx context.Context, a registry.Actor, reportID int64, c Council) (*Report, error) {
	if err := requireAuditor(a); err != nil {
		return nil, err
	}
	if _, err := s.reportCompany(ctx, reportID); err != nil {
		return nil, err
	}
	if err := c.Validate(s.Today()); err != nil {
		return nil, err
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE audit_reports SET council_session = ?, council_date = ?, updated_at = ? WHERE id = ?`,
			c.Session, c.Date, fmtTime(s.now()), reportID); err != nil {
			return err
		}
		return written(ctx, tx, s.now(), a, AuditCouncil, reportID, "")
	})
	if err != nil {
		return nil, err
	}
	return s.FindReportByID(ctx, reportID)
}

// AttachReportPDF stores the report's PDF (replacing none: a report's PDF, once given, stays)
// and appends its ledger link. Only auditors may. Errors: EUNAUTHORIZED, EFORBIDDEN, ENOTFOUND, EINVALID, ETOOLARGE, ECONFLICT.
func (s *Store) AttachReportPDF(ctx context.Context, a registry.Actor, reportID int64, pdf []byte) (*Report, error) {
	if err := requireAuditor(a); err != nil {
		return nil, err
	}
	if _, err := s.reportCompany(ctx, reportID); err != nil {
		return nil, err
	}
	att, err := s.Files.SavePDF(pdf)
	if err != nil {
		return nil, &registry.Error{Code: registry.ErrorCode(err), Message: registry.MsgFixFields,
			Fields: map[string]string{"pdf": registry.ErrorMessage(err)}}
	}
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE audit_reports SET pdf_sha256 = ?, pdf_size = ?, updated_at = ? WHERE id = ? AND pdf_sha256 = ''`,
			att.SHA256, att.Size, fmtTime(s.now()), reportID)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return registry.Errorf(registry.ECONFLICT, "Raport ma już plik PDF.")
		}
		if err := linkReportPDF(ctx, tx, reportID, s.now()); err != nil {
			return err
		}
		return written(ctx, tx, s.now(), a, AuditPDF, reportID, "")
	})
	if err != nil {
		return nil, err
	}
	return s.FindReportByID(ctx, reportID)
}

// reportCompany returns the company of a report; ENOTFOUND when there is no such report.
func (s *Store) reportCompany(ctx context.Context, reportID int64) (int64, error) {
	var companyID int64
	err := s.read.QueryRowContext(ctx, `SELECT company_id FROM audit_reports WHERE id = ?`, reportID).Scan(&companyID)
	if err == sql.ErrNoRows {
		return 0, registry.Errorf(registry.ENOTFOUND, "Nie znaleziono raportu z audytu nr %d.", reportID)
	}
	return companyID, formatError(err)
}

func touchReport(ctx context.Context, tx *sql.Tx, reportID int64, now time.Time) error {
	_, err := tx.ExecContext(ctx, `UPDATE audit_reports SET updated_at = ? WHERE id = ?`, fmtTime(now.UTC()), reportID)
	return err
}
