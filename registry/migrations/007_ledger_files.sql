-- Published files join the ledger. A link now has a kind: 'version' (a published version of
-- an entry, as before: every existing link keeps its kind and its hash formula), 'attachment'
-- (a file that became public with an entry; ref_id is the attachment's id) and the kinds other
-- packages add (audit report PDFs). A non-version link has version 0, so it never matches an
-- entry version, and its hash also covers link_kind and ref_id.
--
-- SQLite cannot drop the old UNIQUE (entry_id, version) (an entry has many attachments), so
-- the table is rebuilt with the same rows; the append-only triggers are created again.
CREATE TABLE ledger_new (
    seq        INTEGER PRIMARY KEY,
    entry_id   INTEGER NOT NULL,                -- 0 when the link names no register entry
    version    INTEGER NOT NULL,                -- 0 for non-version links
    data_hash  TEXT NOT NULL,                   -- SHA-256 of the linked record's canonical JSON
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL,                   -- version: SHA-256 of seq|entry|version|data_hash|prev_hash;
                                                -- others: the same followed by |link_kind|ref_id
    created_at TEXT NOT NULL,
    link_kind  TEXT NOT NULL DEFAULT 'version',
    ref_id     INTEGER NOT NULL DEFAULT 0       -- the attachment's (report's …) id; 0 for versions
);
INSERT INTO ledger_new (seq, entry_id, version, data_hash, prev_hash, hash, created_at)
    SELECT seq, entry_id, version, data_hash, prev_hash, hash, created_at FROM ledger ORDER BY seq;
DROP TABLE ledger;
ALTER TABLE ledger_new RENAME TO ledger;
CREATE UNIQUE INDEX ledger_entry_version ON ledger(entry_id, version, link_kind, ref_id);
CREATE INDEX ledger_ref ON ledger(link_kind, ref_id);

CREATE TRIGGER ledger_append_only_update
BEFORE UPDATE ON ledger
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;

CREATE TRIGGER ledger_append_only_delete
BEFORE DELETE ON ledger
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;

-- A redacted attachment's original is not public: the ledger commits to it only through a
-- salted hash (original_salt stays in the database), so nobody can confirm a guess of the
-- hidden content from the published ledger.
ALTER TABLE attachments ADD COLUMN original_salt TEXT NOT NULL DEFAULT '';
UPDATE attachments SET original_salt = lower(hex(randomblob(16))) WHERE redacted_sha256 != '';

-- Attachment rows never change once they exist (they were already never deleted).
CREATE TRIGGER attachments_immutable
BEFORE UPDATE ON attachments
BEGIN SELECT RAISE(ABORT, 'attachments are immutable'); END;

-- The attachments that are already public get their links when the store next opens (the
-- hashes are computed in Go); this row asks for it and is removed in the same transaction.
INSERT INTO meta (key, value) VALUES ('ledger_backfill_attachments', '1');
