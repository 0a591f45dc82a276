-- Audit reports of the city's companies (SPEC.md "Registers": audit report).
CREATE TABLE audit_reports (
    id              INTEGER PRIMARY KEY,
    company_id      INTEGER NOT NULL REFERENCES companies(id),
    title           TEXT NOT NULL,
    auditor_kind    TEXT NOT NULL,             -- city_audit_centre, external_firm, regional_audit_chamber, nik
    auditor_name    TEXT NOT NULL DEFAULT '',  -- e.g. the external firm's name
    kind            TEXT NOT NULL,             -- compliance, financial, performance, it, thematic, follow_up, other
    period_from     TEXT NOT NULL,
    period_to       TEXT NOT NULL,
    started_on      TEXT NOT NULL,
    completed_on    TEXT NOT NULL,
    published_on    TEXT NOT NULL,
    summary         TEXT NOT NULL,
    pdf_sha256      TEXT NOT NULL DEFAULT '',  -- the report PDF under attachments/
    pdf_size        INTEGER NOT NULL DEFAULT 0,
    council_session TEXT NOT NULL DEFAULT '',  -- City Council session that discussed it
    council_date    TEXT NOT NULL DEFAULT '',
    filed_by        TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX audit_reports_company ON audit_reports(company_id, published_on DESC);
CREATE INDEX audit_reports_published ON audit_reports(published_on DESC);

CREATE TABLE audit_findings (
    id          INTEGER PRIMARY KEY,
    report_id   INTEGER NOT NULL REFERENCES audit_reports(id),
    position    INTEGER NOT NULL,
    title       TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    severity    TEXT NOT NULL,                 -- low, medium, high, critical
    UNIQUE (report_id, position)
);

CREATE TABLE audit_recommendations (
    id          INTEGER PRIMARY KEY,
    report_id   INTEGER NOT NULL REFERENCES audit_reports(id),
    finding_id  INTEGER REFERENCES audit_findings(id),
    position    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    responsible TEXT NOT NULL,
    due_on      TEXT NOT NULL,
    status      TEXT NOT NULL,                 -- open, in_progress, implemented, not_implemented, rejected
    status_on   TEXT NOT NULL,                 -- date of the last status change
    UNIQUE (report_id, position)
);
CREATE INDEX audit_recommendations_status ON audit_recommendations(status, due_on);

-- Every status change of a recommendation, dated and explained. Append-only.
CREATE TABLE audit_status_changes (
    id                INTEGER PRIMARY KEY,
    recommendation_id INTEGER NOT NULL REFERENCES audit_recommendations(id),
    from_status       TEXT NOT NULL,
    to_status         TEXT NOT NULL,
    changed_on        TEXT NOT NULL,
    reason            TEXT NOT NULL,
    changed_by        TEXT NOT NULL,
    created_at        TEXT NOT NULL
);
CREATE INDEX audit_status_changes_rec ON audit_status_changes(recommendation_id, id);

-- The company's response to a report and implementation evidence for a recommendation,
-- posted by the company's officers. Append-only.
CREATE TABLE audit_responses (
    id                INTEGER PRIMARY KEY,
    report_id         INTEGER NOT NULL REFERENCES audit_reports(id),
    recommendation_id INTEGER REFERENCES audit_recommendations(id), -- NULL: response to the whole report
    kind              TEXT NOT NULL,           -- response, evidence
    text              TEXT NOT NULL,
    pdf_sha256        TEXT NOT NULL DEFAULT '',
    pdf_size          INTEGER NOT NULL DEFAULT 0,
    posted_by         TEXT NOT NULL,
    posted_at         TEXT NOT NULL
);
CREATE INDEX audit_responses_report ON audit_responses(report_id, id);

-- Notices to companies about overdue recommendations, one per recommendation and due date.
CREATE TABLE audit_overdue_notices (
    recommendation_id INTEGER NOT NULL REFERENCES audit_recommendations(id),
    due_on            TEXT NOT NULL,
    company_id        INTEGER NOT NULL REFERENCES companies(id),
    noticed_on        TEXT NOT NULL,
    PRIMARY KEY (recommendation_id, due_on)
);

CREATE TRIGGER audit_status_changes_append_only_update BEFORE UPDATE ON audit_status_changes
BEGIN SELECT RAISE(ABORT, 'status history is append-only'); END;
CREATE TRIGGER audit_status_changes_append_only_delete BEFORE DELETE ON audit_status_changes
BEGIN SELECT RAISE(ABORT, 'status history is append-only'); END;
CREATE TRIGGER audit_responses_append_only_update BEFORE UPDATE ON audit_responses
BEGIN SELECT RAISE(ABORT, 'responses are append-only'); END;
CREATE TRIGGER audit_responses_append_only_delete BEFORE DELETE ON audit_responses
BEGIN SELECT RAISE(ABORT, 'responses are append-only'); END;
CREATE TRIGGER audit_reports_nodelete BEFORE DELETE ON audit_reports
BEGIN SELECT RAISE(ABORT, 'audit reports are never deleted'); END;

-- Procurement thresholds in force from a date (net, grosze): dated configuration.
CREATE TABLE signal_thresholds (
    valid_from TEXT PRIMARY KEY,
    net        INTEGER NOT NULL
);
INSERT INTO signal_thresholds (valid_from, net) VALUES ('2021-01-01', 13000000);

-- Computed signals (red flags), replaced when the entries they rest on change.
CREATE TABLE signals (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE,           -- rule + the entries involved: stable across recomputations
    rule       TEXT NOT NULL,
    company_id INTEGER NOT NULL REFERENCES companies(id),
    reason     TEXT NOT NULL,                  -- why it fired, in Polish
    total      INTEGER NOT NULL DEFAULT 0,     -- the amount the rule looked at (grosze), 0 when none
    on_date    TEXT NOT NULL,                  -- the date the signal refers to (e.g. the last contract signed)
    first_seen TEXT NOT NULL
);
CREATE INDEX signals_company_rule ON signals(company_id, rule);
CREATE INDEX signals_rule_date ON signals(rule, on_date DESC);

CREATE TABLE signal_entries (
    signal_id INTEGER NOT NULL REFERENCES signals(id) ON DELETE CASCADE,
    entry_id  INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    label     TEXT NOT NULL,
    on_date   TEXT NOT NULL,
    amount    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (signal_id, entry_id)
) WITHOUT ROWID;
CREATE INDEX signal_entries_entry ON signal_entries(entry_id);

-- How far the signal engine has followed the registry's change sequence.
-- gen counts configuration changes (thresholds); done_gen is the one the signals were last
-- fully computed for: when they differ, every company is judged again.
CREATE TABLE signal_state (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq INTEGER NOT NULL,
    gen      INTEGER NOT NULL,
    done_gen INTEGER NOT NULL
);
INSERT INTO signal_state (id, last_seq, gen, done_gen) VALUES (1, 0, 1, 0);

-- Per company figures kept with the signals (recomputed when entries change): how promptly
-- contracts reach the register.
CREATE TABLE company_supervision (
    company_id   INTEGER PRIMARY KEY REFERENCES companies(id),
    contracts    INTEGER NOT NULL,             -- public contracts with a publication date
    on_time      INTEGER NOT NULL,             -- of them, published within 7 days of signing
    median_delay INTEGER NOT NULL,             -- days from signing to publication (median)
    max_delay    INTEGER NOT NULL,
    computed_at  TEXT NOT NULL
);
