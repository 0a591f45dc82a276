-- Current state of expenses, advertising orders and board recruitments, for listing,
-- filtering and aggregates (derived from each entry's current version, like contracts).
CREATE TABLE expenses (
    entry_id       INTEGER PRIMARY KEY REFERENCES entries(id),
    company_id     INTEGER NOT NULL REFERENCES companies(id),
    spent_on       TEXT NOT NULL,
    category       TEXT NOT NULL,
    recipient_name TEXT NOT NULL,
    recipient_nip  TEXT NOT NULL DEFAULT '',
    amount_gross   INTEGER NOT NULL,
    currency       TEXT NOT NULL,
    contract_id    INTEGER,                     -- the contract the expense is paid under, if any
    public         INTEGER NOT NULL DEFAULT 0   -- published or withdrawn
);
CREATE INDEX expenses_public_date ON expenses(public, spent_on DESC);
CREATE INDEX expenses_company_date ON expenses(company_id, spent_on DESC);
CREATE INDEX expenses_nip ON expenses(recipient_nip) WHERE recipient_nip <> '';

CREATE TABLE ads (
    entry_id      INTEGER PRIMARY KEY REFERENCES entries(id),
    company_id    INTEGER NOT NULL REFERENCES companies(id),
    outlet_name   TEXT NOT NULL,
    outlet_kind   TEXT NOT NULL,
    publisher     TEXT NOT NULL DEFAULT '',
    publisher_nip TEXT NOT NULL DEFAULT '',
    campaign      TEXT NOT NULL,
    content_kind  TEXT NOT NULL,
    period_start  TEXT NOT NULL,
    period_end    TEXT NOT NULL,
    quarter       TEXT NOT NULL,                -- "2012-Q3", of period_start
    amount_gross  INTEGER NOT NULL,
    currency      TEXT NOT NULL,
    procedure     TEXT NOT NULL,
    contract_id   INTEGER,
    public        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX ads_public_start ON ads(public, period_start DESC);
CREATE INDEX ads_company_start ON ads(company_id, period_start DESC);
CREATE INDEX ads_outlet ON ads(company_id, outlet_name);

CREATE TABLE recruitments (
    entry_id       INTEGER PRIMARY KEY REFERENCES entries(id),
    company_id     INTEGER NOT NULL REFERENCES companies(id),
    body           TEXT NOT NULL,               -- management_board, supervisory_board
    position       TEXT NOT NULL,
    procedure      TEXT NOT NULL,               -- open_competition, without_procedure
    announced_on   TEXT NOT NULL DEFAULT '',
    outcome        TEXT NOT NULL,
    appointed_name TEXT NOT NULL DEFAULT '',
    decided_on     TEXT NOT NULL DEFAULT '',    -- appointment resolution date, else announcement
    term_start     TEXT NOT NULL DEFAULT '',
    term_end       TEXT NOT NULL DEFAULT '',
    public         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX recruitments_public_date ON recruitments(public, decided_on DESC);
CREATE INDEX recruitments_company ON recruitments(company_id, decided_on DESC);
