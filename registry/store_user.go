package registry

import (
	"context"
	"database/sql"
	"strings"
	"sync"
	"time"
)

// Login back-off: after loginFreeFailures consecutive failures an account is locked for a
// period that doubles with each further failure, up to loginMaxLock.
const (
	loginFreeFailures = 5
	loginFirstLock    = time.Minute
	loginMaxLock      = time.Hour
)

// dummyHashes holds, per cost setting, the hash checked against when a login does not
// exist, so that unknown and known logins take the same time (and memory) to refuse. Made
// on first use with the store's own costs: a deployment that changes them keeps unknown
// and known logins alike, and commands that never sign anyone in pay nothing.
var dummyHashes sync.Map // PasswordParams → string

// dummyHash returns the timing stand-in hash for the store's password costs.
func (s *Store) dummyHash() string {
	p := s.passwordParams()
	if h, ok := dummyHashes.Load(p); ok {
		return h.(string)
	}
	h, err := HashPassword("not-a-real-password-for-timing", p)
	if err != nil {
		return ""
	}
	h2, _ := dummyHashes.LoadOrStore(p, h)
	return h2.(string)
}

// passwordParams returns the costs of new hashes (tests lower them).
func (s *Store) passwordParams() PasswordParams {
	if s.PasswordParams.Memory == 0 {
		return DefaultPasswordParams
	}
	return s.PasswordParams
}

// CreateUser adds an account. Only admins and the system may. Returns EINVALID (fields
// login, name, role, companies, password), EFORBIDDEN, EUNAUTHORIZED, ECONFLICT (login taken),
// ENOTFOUND-as-EINVALID for an unknown company slug.
func (s *Store) CreateUser(ctx context.Context, a Actor, in NewUser) (*User, error) {
	if err := a.RequireAdmin(); err != nil {
		return nil, err
	}
	in.Normalize()
	if err := in.Validate(); err != nil {
		return nil, err
	}
	hash, err := HashPassword(in.Password, s.passwordParams())
	if err != nil {
		return nil, Internal(err)
	}
	now := s.now()
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return nil, formatError(err)
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `INSERT INTO users (login, name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
		in.Login, in.Name, in.Role, hash, fmtTime(now), fmtTime(now))
	if err != nil {
		if ErrorCode(formatError(err)) == ECONFLICT {
			return nil, &Error{Code: ECONFLICT, Message: "Konto o tym loginie już istnieje.", Fields: map[string]string{"login": "Ten login jest już zajęty."}}
		}
		return nil, formatError(err)
	}
	id, _ := res.LastInsertId()
	for _, slug := range in.Companies {
		var cid int64
		if err := tx.QueryRowContext(ctx, `SELECT id FROM companies WHERE slug = ?`, slug).Scan(&cid); err != nil {
			if err == sql.ErrNoRows {
				return nil, &Error{Code: EINVALID, Message: MsgFixFields, Fields: map[string]string{"companies": "Nie ma spółki o identyfikatorze „" + slug + "”."}}
			}
			return nil, formatError(err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO user_companies (user_id, company_id) VALUES (?, ?)`, id, cid); err != nil {
			return nil, formatError(err)
		}
	}
	detail := "konto " + in.Login + ", rola " + in.Role
	if len(in.Companies) > 0 {
		detail += ", spółki " + strings.Join(in.Companies, ", ")
	}
	if err := s.audit(ctx, tx, a, AuditUserCreate, AuditKindUser, id, 0, detail); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, formatError(err)
	}
	return s.FindUserByLogin(ctx, in.Login)
}

// FindUserByLogin returns an account with its companies. Returns ENOTFOUND.
func (s *Store) FindUserByLogin(ctx context.Context, login string) (*User, error) {
	u := &User{}
	err := s.read.QueryRowContext(ctx, `SELECT id, login, name, role, disabled, created_at FROM users WHERE login = ?`, strings.ToLower(login)).
		Scan(&u.ID, &u.Login, &u.Name, &u.Role, &u.Disabled, (*timeCol)(&u.CreatedAt))
	if err != nil {
		if err == sql.ErrNoRows {
			return nil, Errorf(ENOTFOUND, "Nie ma konta o tym loginie.")
		}
		return nil, formatError(err)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT c.slug FROM user_companies uc JOIN companies c ON c.id = uc.company_id WHERE uc.user_id = ? ORDER BY c.slug`, u.ID)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	u.Companies = []string{}
	for rows.Next() {
		var slug string
		if err := rows.Scan(&slug); err != nil {
			return nil, formatError(err)
		}
		u.Companies = append(u.Companies, slug)
	}
	return u, formatError(rows.Err())
}

// FindUsers lists every account, by login. Only admins, supervisors and the system may.
func (s *Store) FindUsers(ctx context.Context, a Actor) ([]*User, error) {
	if err := a.RequireRole(RoleAdmin, RoleSupervisor); err != nil {
		return nil, err
	}
	rows, err := s.read.QueryContext(ctx, `SELECT login FROM users ORDER BY login`)
	if err != nil {
		return nil, formatError(err)
	}
	var logins []string
	for rows.Next() {
		var l string
		if err := rows.Scan(&l); err != nil {
			rows.Close()
			return nil, formatError(err)
		}
		logins = append(logins, l)
	}
	rows.Close()
	users := make([]*User, 0, len(logins))
	for _, l := range logins {
		u, err := s.FindUserByLogin(ctx, l)
		if err != nil {
			return nil, err
		}
		users = append(users, u)
	}
	return users, nil
}

// DisableUser disables an account and revokes its sessions and API tokens at once. Only
// admins and the system may. Returns EFORBIDDEN, ENOTFOUND.
func (s *Store) DisableUser(ctx context.Context, a Actor, login string) error {
	if err := a.RequireAdmin(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var id int64
		if err := tx.QueryRowContext(ctx, `SELECT id FROM users WHERE login = ?`, strings.ToLower(login)).Scan(&id); err != nil {
			if err == sql.ErrNoRows {
				return Errorf(ENOTFOUND, "Nie ma konta o tym loginie.")
			}
			return err
		}
		now := fmtTime(s.now())
		if _, err := tx.ExecContext(ctx, `UPDATE users SET disabled = 1, updated_at = ? WHERE id = ?`, now, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = ?`, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at = ''`, now, id); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, AuditUserDisable, AuditKindUser, id, 0, "konto "+strings.ToLower(login))
	})
}

// Authenticate checks a login and password and returns the account's actor. Repeated
// failures lock the account for a growing period. Returns EUNAUTHORIZED (wrong login or
// password, or a disabled account — the same message for all, so logins cannot be probed)
// and ERATELIMIT while locked.
func (s *Store) Authenticate(ctx context.Context, login, password string) (Actor, error) {
	refused := Errorf(EUNAUTHORIZED, "Nieprawidłowy login lub hasło.")
	login = strings.ToLower(strings.TrimSpace(login))
	if login == "" || len(password) > 4*MaxPasswordLen {
		return PublicActor, refused
	}
	var (
		id                      int64
		hash, lockedUntil, role string
		disabled                bool
		failed                  int
	)
	err := s.read.QueryRowContext(ctx, `SELECT id, password_hash, role, disabled, failed_logins, locked_until FROM users WHERE login = ?`, login).
		Scan(&id, &hash, &role, &disabled, &failed, &lockedUntil)
	if err == sql.ErrNoRows {
		CheckPassword(s.dummyHash(), password)
		// What was typed as a login is not kept: it may be a mistyped password.
		if err := s.inTx(ctx, func(tx *sql.Tx) error {
			return s.audit(ctx, tx, Actor{Role: RolePublic}, AuditSignInFailed, AuditKindUser, 0, 0, "nieznany login")
		}); err != nil {
			return PublicActor, err
		}
		return PublicActor, refused
	} else if err != nil {
		return PublicActor, formatError(err)
	}
	who := Actor{UserID: id, Login: login, Role: role}
	now := s.now()
	if lockedUntil != "" {
		if until := parseTime(lockedUntil); now.Before(until) {
			if err := s.inTx(ctx, func(tx *sql.Tx) error {
				return s.audit(ctx, tx, who, AuditSignInFailed, AuditKindUser, id, 0, "konto wstrzymane po nieudanych próbach")
			}); err != nil {
				return PublicActor, err
			}
			mins := int(until.Sub(now).Minutes()) + 1
			return PublicActor, Errorf(ERATELIMIT, "Po kilku nieudanych próbach logowanie na to konto jest wstrzymane. Spróbuj ponownie za %d min.", mins)
		}
	}
	if !CheckPassword(hash, password) || disabled {
		failed++
		locked := ""
		if failed >= loginFreeFailures {
			lock := loginFirstLock << min(failed-loginFreeFailures, 10)
			locked = fmtTime(now.Add(min(lock, loginMaxLock)))
		}
		detail := "błędne hasło"
		if disabled {
			detail = "konto wyłączone"
		}
		if err := s.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, `UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?`, failed, locked, id); err != nil {
				return err
			}
			return s.audit(ctx, tx, who, AuditSignInFailed, AuditKindUser, id, 0, detail)
		}); err != nil {
			return PublicActor, err
		}
		return PublicActor, refused
	}
	if err := s.inTx(ctx, func(tx *sql.Tx) error {
		if failed > 0 || lockedUntil != "" {
			if _, err := tx.ExecContext(ctx, `UPDATE users SET failed_logins = 0, locked_until = '' WHERE id = ?`, id); err != nil {
				return err
			}
		}
		return s.audit(ctx, tx, who, AuditSignIn, AuditKindUser, id, 0, "")
	}); err != nil {
		return PublicActor, err
	}
	return s.actorOf(ctx, id)
}

// actorOf builds the actor of an enabled account.
func (s *Store) actorOf(ctx context.Context, userID int64) (Actor, error) {
	a := Actor{UserID: userID}
	var disabled bool
	if err := s.read.QueryRowContext(ctx, `SELECT login, role, disabled FROM users WHERE id = ?`, userID).Scan(&a.Login, &a.Role, &disabled); err != nil {
		return PublicActor, formatError(err)
	}
	if disabled {
		return PublicActor, Errorf(EUNAUTHORIZED, "To konto jest wyłączone.")
	}
	rows, err := s.read.QueryContext(ctx, `SELECT company_id FROM user_companies WHERE user_id = ? ORDER BY company_id`, userID)
	if err != nil {
		return PublicActor, formatError(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return PublicActor, formatError(err)
		}
		a.Companies = append(a.Companies, id)
	}
	return a, formatError(rows.Err())
}

// inTx runs fn in one write transaction, committing when it returns nil.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return formatError(err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return formatError(err)
	}
	return formatError(tx.Commit())
}
