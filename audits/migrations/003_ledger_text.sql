-- The public text of audits joins the ledger: every response and evidence of a company gets
-- an 'audit_response' link (with or without a PDF; the record now holds its text and time),
-- and every status change of a recommendation gets a link of kind 'audit_status' (ref_id the
-- row of audit_status_changes). Both tables are already append-only (triggers of 001).
-- What 002 did not link (responses without a PDF, status changes) gets its links when the
-- store next opens; this row asks for it and is removed in the same transaction.
INSERT INTO meta (key, value) VALUES ('ledger_backfill_audits_003', '1');
