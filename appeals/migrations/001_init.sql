-- Information requests (UDIP) and appeals to the mayor's office.
-- ir_events is the append-only source of truth; ir_requests (besides the private identity
-- and the token hash) and ir_appeals are projections rebuilt from it on every event.
CREATE TABLE ir_requests (
    id              INTEGER PRIMARY KEY,
    ref             TEXT NOT NULL UNIQUE,          -- e.g. MPK/UDIP/2026/7
    company_id      INTEGER NOT NULL REFERENCES companies(id),
    token_hash      TEXT NOT NULL UNIQUE,          -- SHA-256 of the tracking token; the token is never stored
    requester_name  TEXT NOT NULL DEFAULT '',      -- private
    requester_email TEXT NOT NULL DEFAULT '',      -- private
    public_text     INTEGER NOT NULL DEFAULT 0,    -- the requester allowed showing the text
    subject         TEXT NOT NULL,
    submitted_at    TEXT NOT NULL,
    year            INTEGER NOT NULL,
    -- projection of the log
    stage           TEXT NOT NULL,
    outcome         TEXT NOT NULL DEFAULT '',
    due_on          TEXT NOT NULL DEFAULT '',
    due_term        TEXT NOT NULL DEFAULT '',
    paused          INTEGER NOT NULL DEFAULT 0,
    first_answer_on TEXT NOT NULL DEFAULT '',
    answered_late   INTEGER NOT NULL DEFAULT 0,
    first_outcome   TEXT NOT NULL DEFAULT '',
    updated_at      TEXT NOT NULL
);
CREATE INDEX ir_requests_company ON ir_requests(company_id, submitted_at DESC);
CREATE INDEX ir_requests_due ON ir_requests(due_term, due_on) WHERE due_term <> '';

CREATE TABLE ir_events (
    id         INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES ir_requests(id),
    type       TEXT NOT NULL,
    actor      TEXT NOT NULL,
    role       TEXT NOT NULL,
    at         TEXT NOT NULL,
    data       TEXT NOT NULL                       -- JSON of EventData
);
CREATE INDEX ir_events_request ON ir_events(request_id, id);
CREATE TRIGGER ir_events_no_update BEFORE UPDATE ON ir_events
BEGIN SELECT RAISE(ABORT, 'ir_events is append-only'); END;
CREATE TRIGGER ir_events_no_delete BEFORE DELETE ON ir_events
BEGIN SELECT RAISE(ABORT, 'ir_events is append-only'); END;

CREATE TABLE ir_appeals (
    id          INTEGER PRIMARY KEY,               -- the id of the 'appealed' event
    request_id  INTEGER NOT NULL REFERENCES ir_requests(id),
    company_id  INTEGER NOT NULL REFERENCES companies(id),
    filed_on    TEXT NOT NULL,
    against     TEXT NOT NULL,
    late        INTEGER NOT NULL DEFAULT 0,
    due_on      TEXT NOT NULL,
    result      TEXT NOT NULL DEFAULT '',
    decided_on  TEXT NOT NULL DEFAULT '',
    comply_by   TEXT NOT NULL DEFAULT '',
    complied_on TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ir_appeals_request ON ir_appeals(request_id);

-- Documents attached to answers (PDF), stored once by their SHA-256.
CREATE TABLE ir_documents (
    sha256     TEXT PRIMARY KEY,
    size       INTEGER NOT NULL,
    content    BLOB NOT NULL,
    created_at TEXT NOT NULL
) WITHOUT ROWID;

-- Notifications to send (e-mail when SMTP is configured; always visible in the panel).
CREATE TABLE ir_outbox (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES ir_requests(id),
    company_id  INTEGER NOT NULL REFERENCES companies(id),
    kind        TEXT NOT NULL,                     -- reminder, overdue_notice, tracking_link
    audience    TEXT NOT NULL,                     -- company, resident
    to_addr     TEXT NOT NULL DEFAULT '',
    subject     TEXT NOT NULL,
    body        TEXT NOT NULL,
    dedup_key   TEXT NOT NULL UNIQUE,
    created_at  TEXT NOT NULL,
    sent_at     TEXT NOT NULL DEFAULT '',
    error       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ir_outbox_unsent ON ir_outbox(sent_at) WHERE sent_at = '';
