-- The events of information requests join the registry's ledger (registry migration 007):
-- link kind 'request_event', ref_id the event's id, entry_id 0. The record is the event's
-- public view (appeals.EventRecord), with the SHA-256 and size of each attached document.

-- A document, once stored, never changes and is never removed: events name it by SHA-256.
CREATE TRIGGER ir_documents_no_update BEFORE UPDATE ON ir_documents
BEGIN SELECT RAISE(ABORT, 'ir_documents are immutable'); END;
CREATE TRIGGER ir_documents_no_delete BEFORE DELETE ON ir_documents
BEGIN SELECT RAISE(ABORT, 'ir_documents are immutable'); END;

-- What the public view of every event depends on besides the event itself is fixed at
-- submission: the reference, the company, the requester's name and e-mail (they decide what
-- is redacted) and the choice to show the text. Changing any of them would change what the
-- public saw; an erasure of a requester's identity would have to keep the texts redacted and
-- deal with the events' links in its own migration.
CREATE TRIGGER ir_requests_identity_immutable
BEFORE UPDATE OF ref, company_id, requester_name, requester_email, public_text, submitted_at ON ir_requests
BEGIN SELECT RAISE(ABORT, 'a request''s identity and public-text choice are immutable'); END;
CREATE TRIGGER ir_requests_no_delete BEFORE DELETE ON ir_requests
BEGIN SELECT RAISE(ABORT, 'requests are never deleted'); END;

-- The events that are already public get their links when the service next opens (the hashes
-- are computed in Go); this row asks for it and is removed in the same transaction.
INSERT INTO meta (key, value) VALUES ('ledger_backfill_requests', '1');
