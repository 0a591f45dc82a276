-- Accounts of the people who file and supervise: officers (bound to companies), the mayor's
-- office (supervisor), the city's auditors and operators (admin). Residents have no account.
CREATE TABLE users (
    id             INTEGER PRIMARY KEY,
    login          TEXT NOT NULL UNIQUE,
    name           TEXT NOT NULL DEFAULT '',
    role           TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'auditor', 'admin')),
    password_hash  TEXT NOT NULL,               -- argon2id, PHC string format
    disabled       INTEGER NOT NULL DEFAULT 0,
    failed_logins  INTEGER NOT NULL DEFAULT 0,  -- consecutive failures since the last success
    locked_until   TEXT NOT NULL DEFAULT '',    -- back-off after repeated failures
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);

-- The companies an officer files for.
CREATE TABLE user_companies (
    user_id    INTEGER NOT NULL REFERENCES users(id),
    company_id INTEGER NOT NULL REFERENCES companies(id),
    PRIMARY KEY (user_id, company_id)
) WITHOUT ROWID;

-- Signed-in browser sessions, stored server-side so they can be revoked. Only the SHA-256 of
-- the cookie's token is kept; csrf is the session's anti-forgery token for its forms.
CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users(id),
    csrf         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at   TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_user ON sessions(user_id);

-- API tokens for the write API (Authorization: Bearer). Only the SHA-256 is kept; the token
-- itself is printed once when created.
CREATE TABLE api_tokens (
    id           INTEGER PRIMARY KEY,
    token_hash   TEXT NOT NULL UNIQUE,
    user_id      INTEGER NOT NULL REFERENCES users(id),
    label        TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    last_used_at TEXT NOT NULL DEFAULT '',
    revoked_at   TEXT NOT NULL DEFAULT ''
);
