-- The audit log: every write, who made it (login and role at the time), what (action, the
-- kind and id of the object, its company) and when. Written in the same transaction as the
-- write it records. Append-only. Never holds passwords, tokens or requesters' personal data.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor_login TEXT NOT NULL,
    actor_role  TEXT NOT NULL,
    action      TEXT NOT NULL,
    object_kind TEXT NOT NULL DEFAULT '',
    object_id   INTEGER NOT NULL DEFAULT 0,
    company_id  INTEGER REFERENCES companies(id),   -- NULL when the write concerns no company
    detail      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_company ON audit_log(company_id, id);
CREATE INDEX audit_log_actor ON audit_log(actor_login, id);
CREATE INDEX audit_log_action ON audit_log(action, id);

CREATE TRIGGER audit_log_append_only_update
BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

CREATE TRIGGER audit_log_append_only_delete
BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
