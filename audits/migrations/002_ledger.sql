-- The PDFs of audit reports and of companies' responses and evidence join the registry's
-- ledger (registry migration 007): link kinds 'audit_report' and 'audit_response', ref_id the
-- row's id, entry_id 0. Responses were already append-only; a report's PDF, once given, and
-- what its link records with it (company, title, publication date) never change.
CREATE TRIGGER audit_reports_pdf_immutable
BEFORE UPDATE OF company_id, title, published_on, pdf_sha256, pdf_size ON audit_reports
WHEN OLD.pdf_sha256 != ''
BEGIN SELECT RAISE(ABORT, 'a report with its PDF published is immutable'); END;

-- The PDFs that are already public get their links when the store next opens (the hashes
-- are computed in Go); this row asks for it and is removed in the same transaction.
INSERT INTO meta (key, value) VALUES ('ledger_backfill_audits', '1');
