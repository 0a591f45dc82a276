-- Files attached to register entries (contract PDFs). The bytes live under the data directory
-- as attachments/ab/cdef… named by their SHA-256 (deduplicated); this table links them to an
-- entry and to the version that was current when they were attached. An optional redacted copy
-- is what the public gets when there is one; the original then stays with the company.
CREATE TABLE attachments (
    id                 INTEGER PRIMARY KEY,
    entry_id           INTEGER NOT NULL REFERENCES entries(id),
    version            INTEGER NOT NULL,
    title              TEXT NOT NULL,
    file_name          TEXT NOT NULL,
    sha256             TEXT NOT NULL,
    size               INTEGER NOT NULL,
    redacted_file_name TEXT NOT NULL DEFAULT '',
    redacted_sha256    TEXT NOT NULL DEFAULT '',
    redacted_size      INTEGER NOT NULL DEFAULT 0,
    created_by         TEXT NOT NULL,
    created_at         TEXT NOT NULL
);
CREATE INDEX attachments_entry ON attachments(entry_id, id);

CREATE TRIGGER attachments_append_only_delete
BEFORE DELETE ON attachments
BEGIN SELECT RAISE(ABORT, 'attachments are never deleted'); END;
