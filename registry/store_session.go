package registry

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"strings"
	"time"
)

// Session lifetimes: a session ends after SessionIdle without a request, and in any case
// SessionMax after sign-in.
const (
	SessionIdle = 2 * time.Hour
	SessionMax  = 12 * time.Hour
)

// Session is a signed-in browser session.
type Session struct {
	Actor     Actor
	CSRF      string // the session's anti-forgery token, sent with every form
	ExpiresAt time.Time
}

// hashToken is how session and API tokens are stored: only their SHA-256.
func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// CreateSession starts a session for a signed-in actor and returns the cookie's token
// (shown to nobody else and stored only as a hash) with the session.
func (s *Store) CreateSession(ctx context.Context, a Actor) (string, *Session, error) {
	if a.UserID == 0 {
		return "", nil, Errorf(EUNAUTHORIZED, "Zaloguj się, aby wykonać tę operację.")
	}
	token, err := randomToken(32)
	if err != nil {
		return "", nil, Internal(err)
	}
	csrf, err := randomToken(32)
	if err != nil {
		return "", nil, Internal(err)
	}
	now := s.now()
	exp := now.Add(SessionIdle)
	if _, err := s.write.ExecContext(ctx, `INSERT INTO sessions (token_hash, user_id, csrf, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)`,
		hashToken(token), a.UserID, csrf, fmtTime(now), fmtTime(now), fmtTime(exp)); err != nil {
		return "", nil, formatError(err)
	}
	return token, &Session{Actor: a, CSRF: csrf, ExpiresAt: exp}, nil
}

// FindSession returns the live session of a cookie token and extends its idle deadline
// (at most once a minute, up to SessionMax after sign-in). Returns EUNAUTHORIZED when the
// token is unknown, expired, revoked or its account disabled.
func (s *Store) FindSession(ctx context.Context, token string) (*Session, error) {
	gone := Errorf(EUNAUTHORIZED, "Sesja wygasła. Zaloguj się ponownie.")
	if token == "" || len(token) > 100 {
		return nil, gone
	}
	h := hashToken(token)
	var (
		userID                   int64
		csrf, created, last, exp string
	)
	err := s.read.QueryRowContext(ctx, `SELECT user_id, csrf, created_at, last_seen_at, expires_at FROM sessions WHERE token_hash = ?`, h).
		Scan(&userID, &csrf, &created, &last, &exp)
	if err == sql.ErrNoRows {
		return nil, gone
	} else if err != nil {
		return nil, formatError(err)
	}
	now := s.now()
	if !now.Before(parseTime(exp)) {
		return nil, gone
	}
	a, err := s.actorOf(ctx, userID)
	if err != nil {
		if ErrorCode(err) == EUNAUTHORIZED {
			return nil, gone
		}
		return nil, err
	}
	sess := &Session{Actor: a, CSRF: csrf, ExpiresAt: parseTime(exp)}
	if now.Sub(parseTime(last)) >= time.Minute {
		newExp := now.Add(SessionIdle)
		if hard := parseTime(created).Add(SessionMax); newExp.After(hard) {
			newExp = hard
		}
		if _, err := s.write.ExecContext(ctx, `UPDATE sessions SET last_seen_at = ?, expires_at = ? WHERE token_hash = ?`, fmtTime(now), fmtTime(newExp), h); err != nil {
			return nil, formatError(err)
		}
		sess.ExpiresAt = newExp
	}
	return sess, nil
}

// RevokeSession ends a session (sign-out). Unknown tokens are ignored.
func (s *Store) RevokeSession(ctx context.Context, token string) error {
	_, err := s.write.ExecContext(ctx, `DELETE FROM sessions WHERE token_hash = ?`, hashToken(token))
	return formatError(err)
}

// DeleteExpiredSessions removes sessions past their deadline and returns how many; the
// scheduler runs it hourly.
func (s *Store) DeleteExpiredSessions(ctx context.Context) (int64, error) {
	res, err := s.write.ExecContext(ctx, `DELETE FROM sessions WHERE expires_at <= ?`, fmtTime(s.now()))
	if err != nil {
		return 0, formatError(err)
	}
	return res.RowsAffected()
}

// apiTokenPrefix marks Jawność API tokens, so a leaked one is recognisable.
const apiTokenPrefix = "jaw_"

// CreateToken creates an API token for an account and returns it; it is shown once and only
// its hash is stored. Only admins and the system may. Returns EFORBIDDEN, ENOTFOUND,
// EINVALID (label).
func (s *Store) CreateToken(ctx context.Context, a Actor, login, label string) (string, error) {
	if err := a.RequireAdmin(); err != nil {
		return "", err
	}
	label = strings.TrimSpace(label)
	var v Validator
	v.Text("label", label, false, 100)
	if err := v.Err(); err != nil {
		return "", err
	}
	u, err := s.FindUserByLogin(ctx, login)
	if err != nil {
		return "", err
	}
	if u.Disabled {
		return "", Errorf(ECONFLICT, "To konto jest wyłączone.")
	}
	raw, err := randomToken(32)
	if err != nil {
		return "", Internal(err)
	}
	token := apiTokenPrefix + raw
	err = s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO api_tokens (token_hash, user_id, label, created_at) VALUES (?, ?, ?, ?)`,
			hashToken(token), u.ID, label, fmtTime(s.now()))
		if err != nil {
			return err
		}
		tid, err := res.LastInsertId()
		if err != nil {
			return err
		}
		detail := "konto " + u.Login
		if label != "" {
			detail += ", etykieta „" + label + "”"
		}
		return s.audit(ctx, tx, a, AuditTokenCreate, AuditKindToken, tid, 0, detail)
	})
	if err != nil {
		return "", err
	}
	return token, nil
}

// FindActorByToken returns the actor of a live API token. Returns EUNAUTHORIZED when the
// token is unknown, revoked or its account disabled.
func (s *Store) FindActorByToken(ctx context.Context, token string) (Actor, error) {
	bad := Errorf(EUNAUTHORIZED, "Nieprawidłowy lub unieważniony token API.")
	if !strings.HasPrefix(token, apiTokenPrefix) || len(token) > 100 {
		return PublicActor, bad
	}
	var (
		id, userID int64
		revoked    string
	)
	err := s.read.QueryRowContext(ctx, `SELECT id, user_id, revoked_at FROM api_tokens WHERE token_hash = ?`, hashToken(token)).Scan(&id, &userID, &revoked)
	if err == sql.ErrNoRows || (err == nil && revoked != "") {
		return PublicActor, bad
	} else if err != nil {
		return PublicActor, formatError(err)
	}
	a, err := s.actorOf(ctx, userID)
	if err != nil {
		if ErrorCode(err) == EUNAUTHORIZED {
			return PublicActor, bad
		}
		return PublicActor, err
	}
	now := s.now()
	_, _ = s.write.ExecContext(ctx, `UPDATE api_tokens SET last_used_at = ? WHERE id = ? AND last_used_at < ?`, fmtTime(now), id, fmtTime(now.Add(-time.Minute)))
	return a, nil
}
