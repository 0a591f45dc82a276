-- The public text of audits joins the ledger: every report as filed gets a link of kind
-- 'audit_filing' (ref_id the report: its description, findings and recommendations), every
-- response and evidence of a company an 'audit_response' link (with or without a PDF; the
-- record now holds its text and time), and every status change of a recommendation a link of
-- kind 'audit_status' (ref_id the row of audit_status_changes). Responses and the status
-- history are already append-only (triggers of 001); what the filing record holds never
-- changes after filing.
CREATE TRIGGER audit_reports_filed_immutable
BEFORE UPDATE OF id, company_id, title, auditor_kind, auditor_name, kind, period_from, period_to,
    started_on, completed_on, published_on, summary ON audit_reports
BEGIN SELECT RAISE(ABORT, 'a filed report is immutable'); END;
CREATE TRIGGER audit_findings_immutable_update BEFORE UPDATE ON audit_findings
BEGIN SELECT RAISE(ABORT, 'findings are immutable'); END;
CREATE TRIGGER audit_findings_immutable_delete BEFORE DELETE ON audit_findings
BEGIN SELECT RAISE(ABORT, 'findings are immutable'); END;
CREATE TRIGGER audit_recommendations_filed_immutable
BEFORE UPDATE OF id, report_id, finding_id, position, text, responsible, due_on ON audit_recommendations
BEGIN SELECT RAISE(ABORT, 'a filed recommendation is immutable (only its status changes)'); END;
CREATE TRIGGER audit_recommendations_nodelete BEFORE DELETE ON audit_recommendations
BEGIN SELECT RAISE(ABORT, 'recommendations are never deleted'); END;

-- What 002 did not link (reports as filed, responses without a PDF, status changes) gets its
-- links when the store next opens; this row asks for it and is removed in the same transaction.
INSERT INTO meta (key, value) VALUES ('ledger_backfill_audits_003', '1');
