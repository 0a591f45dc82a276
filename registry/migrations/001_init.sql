-- Companies a city owns.
CREATE TABLE companies (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    short_name  TEXT NOT NULL,
    legal_form  TEXT NOT NULL DEFAULT '',
    nip         TEXT NOT NULL DEFAULT '',
    regon       TEXT NOT NULL DEFAULT '',
    krs         TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT '',      -- e.g. "w likwidacji"
    city        TEXT NOT NULL DEFAULT '',
    website     TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);

-- Every register entry, whatever its kind. Never deleted once published.
CREATE TABLE entries (
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL,            -- contract, expense, ad, recruitment
    company_id       INTEGER NOT NULL REFERENCES companies(id),
    status           TEXT NOT NULL,            -- draft, published, withdrawn
    version          INTEGER NOT NULL,         -- current version number
    created_at       TEXT NOT NULL,
    published_at     TEXT,                     -- first publication
    updated_at       TEXT NOT NULL,
    withdrawn_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX entries_company_kind ON entries(company_id, kind);

-- Versions of an entry. Published versions are append-only (triggers below).
CREATE TABLE entry_versions (
    entry_id    INTEGER NOT NULL REFERENCES entries(id),
    version     INTEGER NOT NULL,
    change_kind TEXT NOT NULL,                 -- initial, amendment, correction, withdrawal
    reason      TEXT NOT NULL DEFAULT '',
    annex_date  TEXT NOT NULL DEFAULT '',
    created_by  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    published   INTEGER NOT NULL DEFAULT 0,
    data        TEXT NOT NULL,                 -- canonical JSON of the entry's content
    PRIMARY KEY (entry_id, version)
) WITHOUT ROWID;

-- Current state of contracts, for listing and filtering (derived from the current version).
CREATE TABLE contracts (
    entry_id          INTEGER PRIMARY KEY REFERENCES entries(id),
    company_id        INTEGER NOT NULL REFERENCES companies(id),
    number            TEXT NOT NULL,
    signed_on         TEXT NOT NULL,
    subject           TEXT NOT NULL,
    counterparty_name TEXT NOT NULL,
    counterparty_nip  TEXT NOT NULL DEFAULT '',
    value_net         INTEGER NOT NULL,
    value_gross       INTEGER NOT NULL,
    currency          TEXT NOT NULL,
    procurement_mode  TEXT NOT NULL,
    public            INTEGER NOT NULL DEFAULT 0  -- published or withdrawn
);
CREATE INDEX contracts_public_signed ON contracts(public, signed_on DESC);
CREATE INDEX contracts_company_signed ON contracts(company_id, signed_on DESC);
CREATE INDEX contracts_nip ON contracts(counterparty_nip) WHERE counterparty_nip <> '';

-- The change sequence: every change of an entry's public state. The search index
-- remembers the last seq it applied and catches up from here.
CREATE TABLE changes (
    seq      INTEGER PRIMARY KEY AUTOINCREMENT,
    entry_id INTEGER NOT NULL,
    kind     TEXT NOT NULL
);

-- Hash-chained ledger of every published version.
CREATE TABLE ledger (
    seq        INTEGER PRIMARY KEY,
    entry_id   INTEGER NOT NULL,
    version    INTEGER NOT NULL,
    data_hash  TEXT NOT NULL,                  -- SHA-256 of the version's canonical JSON
    prev_hash  TEXT NOT NULL,
    hash       TEXT NOT NULL,                  -- SHA-256 of seq|entry|version|data_hash|prev_hash
    created_at TEXT NOT NULL,
    UNIQUE (entry_id, version)
);

-- Small key/value settings (e.g. demo = 1).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TRIGGER entry_versions_published_immutable
BEFORE UPDATE ON entry_versions WHEN OLD.published = 1
BEGIN SELECT RAISE(ABORT, 'published versions are immutable'); END;

CREATE TRIGGER entry_versions_published_nodelete
BEFORE DELETE ON entry_versions WHEN OLD.published = 1
BEGIN SELECT RAISE(ABORT, 'published versions are immutable'); END;

CREATE TRIGGER ledger_append_only_update
BEFORE UPDATE ON ledger
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;

CREATE TRIGGER ledger_append_only_delete
BEFORE DELETE ON ledger
BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END;
