package registry_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"jawnosc/registry"
)

// cheapPasswords keeps argon2id real but fast in tests.
var cheapPasswords = registry.PasswordParams{Memory: 1024, Time: 1, Threads: 1}

// MustCreateUser adds an account with the password "hasło-testowe-123".
func MustCreateUser(tb testing.TB, s *registry.Store, login, role string, companies ...string) *registry.User {
	tb.Helper()
	s.PasswordParams = cheapPasswords
	u, err := s.CreateUser(context.Background(), system, registry.NewUser{Login: login, Role: role, Companies: companies, Password: "hasło-testowe-123"})
	if err != nil {
		tb.Fatalf("create user %s: %v %v", login, err, registry.ErrorFields(err))
	}
	return u
}

func TestPasswordHash(t *testing.T) {
	h, err := registry.HashPassword("zażółć gęślą jaźń", cheapPasswords)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=1024,t=1,p=1$") {
		t.Fatalf("hash format: %s", h)
	}
	if !registry.CheckPassword(h, "zażółć gęślą jaźń") || registry.CheckPassword(h, "zazolc gesla jazn") {
		t.Fatal("check password")
	}
	h2, _ := registry.HashPassword("zażółć gęślą jaźń", cheapPasswords)
	if h == h2 {
		t.Fatal("two hashes of one password must differ (salt)")
	}
	for _, bad := range []string{"", "$argon2id$", "$argon2i$v=19$m=1024,t=1,p=1$AAAA$AAAA", "$argon2id$v=19$m=99999999,t=1,p=1$AAAA$AAAA"} {
		if registry.CheckPassword(bad, "x") {
			t.Errorf("malformed hash %q accepted", bad)
		}
	}
}

func TestCreateUserValidation(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	s.PasswordParams = cheapPasswords
	MustCreateCompany(t, s, "mpk")
	cases := []struct {
		in    registry.NewUser
		field string
	}{
		{registry.NewUser{Login: "ab", Role: "admin", Password: "dlugie-haslo-123"}, "login"},
		{registry.NewUser{Login: "Łukasz", Role: "admin", Password: "dlugie-haslo-123"}, "login"},
		{registry.NewUser{Login: "jan", Role: "king", Password: "dlugie-haslo-123"}, "role"},
		{registry.NewUser{Login: "jan", Role: "officer", Password: "dlugie-haslo-123"}, "companies"},
		{registry.NewUser{Login: "jan", Role: "auditor", Companies: []string{"mpk"}, Password: "dlugie-haslo-123"}, "companies"},
		{registry.NewUser{Login: "jan", Role: "officer", Companies: []string{"nie-ma"}, Password: "dlugie-haslo-123"}, "companies"},
		{registry.NewUser{Login: "jan", Role: "admin", Password: "krótkie"}, "password"},
		{registry.NewUser{Login: "jan", Role: "admin", Password: "mojejan-haslo-123"}, "password"},
		{registry.NewUser{Login: "jan", Role: "admin", Password: strings.Repeat("x", 257)}, "password"},
	}
	for _, c := range cases {
		_, err := s.CreateUser(ctx, system, c.in)
		if registry.ErrorCode(err) != registry.EINVALID || registry.ErrorFields(err)[c.field] == "" {
			t.Errorf("%+v: want EINVALID on %s, got %v %v", c.in, c.field, err, registry.ErrorFields(err))
		}
	}
	u := MustCreateUser(t, s, "Jan.Kowalski", registry.RoleOfficer, "mpk")
	if u.Login != "jan.kowalski" || len(u.Companies) != 1 || u.Companies[0] != "mpk" {
		t.Fatalf("created: %+v", u)
	}
	if _, err := s.CreateUser(ctx, system, registry.NewUser{Login: "jan.kowalski", Role: "admin", Password: "dlugie-haslo-123"}); registry.ErrorCode(err) != registry.ECONFLICT {
		t.Fatalf("duplicate login: %v", err)
	}
	officer := registry.Actor{UserID: u.ID, Role: registry.RoleOfficer}
	if _, err := s.CreateUser(ctx, officer, registry.NewUser{Login: "ewa", Role: "admin", Password: "dlugie-haslo-123"}); registry.ErrorCode(err) != registry.EFORBIDDEN {
		t.Fatalf("officer creating a user: %v", err)
	}
	if _, err := s.CreateUser(ctx, registry.PublicActor, registry.NewUser{Login: "ewa", Role: "admin", Password: "dlugie-haslo-123"}); registry.ErrorCode(err) != registry.EUNAUTHORIZED {
		t.Fatalf("public creating a user: %v", err)
	}
}

func TestAuthenticateAndLockout(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return now }
	co := MustCreateCompany(t, s, "mpk")
	MustCreateUser(t, s, "jan", registry.RoleOfficer, "mpk")

	a, err := s.Authenticate(ctx, "JAN ", "hasło-testowe-123")
	if err != nil || a.Login != "jan" || a.Role != registry.RoleOfficer || len(a.Companies) != 1 || a.Companies[0] != co.ID {
		t.Fatalf("authenticate: %+v %v", a, err)
	}
	if _, err := s.Authenticate(ctx, "nikt", "hasło-testowe-123"); registry.ErrorCode(err) != registry.EUNAUTHORIZED {
		t.Fatalf("unknown login: %v", err)
	}
	for i := 0; i < 5; i++ {
		if _, err := s.Authenticate(ctx, "jan", "złe hasło"); registry.ErrorCode(err) != registry.EUNAUTHORIZED {
			t.Fatalf("failure %d: %v", i, err)
		}
	}
	// Locked now, even with the right password.
	if _, err := s.Authenticate(ctx, "jan", "hasło-testowe-123"); registry.ErrorCode(err) != registry.ERATELIMIT {
		t.Fatalf("after 5 failures: want ERATELIMIT, got %v", err)
	}
	now = now.Add(61 * time.Second)
	if _, err := s.Authenticate(ctx, "jan", "hasło-testowe-123"); err != nil {
		t.Fatalf("after the lock ends: %v", err)
	}
	// The counter was reset by the success.
	if _, err := s.Authenticate(ctx, "jan", "złe hasło"); registry.ErrorCode(err) != registry.EUNAUTHORIZED {
		t.Fatalf("one failure after success: %v", err)
	}
}

func TestSessionsAndTokens(t *testing.T) {
	ctx := context.Background()
	s := MustOpenStore(t)
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { return now }
	MustCreateCompany(t, s, "mpk")
	MustCreateUser(t, s, "jan", registry.RoleOfficer, "mpk")
	a, err := s.Authenticate(ctx, "jan", "hasło-testowe-123")
	if err != nil {
		t.Fatal(err)
	}
	token, sess, err := s.CreateSession(ctx, a)
	if err != nil || token == "" || sess.CSRF == "" {
		t.Fatalf("create session: %v", err)
	}
	got, err := s.FindSession(ctx, token)
	if err != nil || got.Actor.Login != "jan" || got.CSRF != sess.CSRF {
		t.Fatalf("find session: %+v %v", got, err)
	}
	if _, err := s.FindSession(ctx, token+"x"); registry.ErrorCode(err) != registry.EUNAUTHORIZED {
		t.Fatalf("wrong token: %v", err)
	}
	// Activity keeps it alive up to the absolute limit.
	for i := 0; i < 11; i++ {
		now = now.Add(time.Hour)
		if _, err := s.FindSession(ctx, token); err != nil {
			t.Fatalf("hour %d: %v", i+1, err)
		}
	}
	now = now.Add(time.Hour + time.Second)
	if _, err := s.FindSession(ctx, token); registry.ErrorCode(err) != registry.EUNAUTHORIZED {
		t.Fatalf("past 12 h: %v", err)
	}
	if n, err := s.DeleteExpiredSessions(ctx); err != nil || n != 1 {
		t.Fatalf("delete expired: %d %v", n, err)
	}
	// Idle expiry and revocation.
	token2, _, _ := s.CreateSession(ctx, a)
	now = now.Add(2*time.Hour + time.Second)
	if _, err := s.FindSession(ctx, token2); registry.ErrorCode(err) != registry.EUNAUTHORIZED {
		t.Fatalf("idle 2 h: %v", err)
	}
	token3, _, _ := s.CreateSession(ctx, a)
	if err := s.RevokeSession(ctx, token3); err != nil {
		t.Fatal(err)
	}
	if _, err := s.FindSession(ctx, token3); registry.ErrorCode(err) != registry.EUNAUTHORIZED {
		t.Fatalf("revoked: %v", err)
	}

	api, err := s.CreateToken(ctx, system, "jan", "system księgowy")
	if err != nil || !strings.HasPrefix(api, "jaw_") {
		t.Fatalf("create token: %q %v", api, err)
	}
	if ta, err := s.FindActorByToken(ctx, api); err != nil || ta.Login != "jan" {
		t.Fatalf("token actor: %+v %v", ta, err)
	}
	if _, err := s.CreateToken(ctx, a, "jan", ""); registry.ErrorCode(err) != registry.EFORBIDDEN {
		t.Fatalf("officer creating a token: %v", err)
	}
	// Disabling revokes sessions and tokens.
	token4, _, _ := s.CreateSession(ctx, a)
	if err := s.DisableUser(ctx, system, "jan"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.FindSession(ctx, token4); registry.ErrorCode(err) != registry.EUNAUTHORIZED {
		t.Fatalf("session of a disabled user: %v", err)
	}
	if _, err := s.FindActorByToken(ctx, api); registry.ErrorCode(err) != registry.EUNAUTHORIZED {
		t.Fatalf("token of a disabled user: %v", err)
	}
	if _, err := s.Authenticate(ctx, "jan", "hasło-testowe-123"); registry.ErrorCode(err) != registry.EUNAUTHORIZED {
		t.Fatalf("disabled user signs in: %v", err)
	}
}

// TestUnknownLoginCostsLikeAKnownOne: the stand-in hash an unknown login is checked
// against has the store's own argon2id costs, so refusing an unknown login takes the time
// and memory of refusing a known one whatever the deployment sets.
func TestUnknownLoginCostsLikeAKnownOne(t *testing.T) {
	s := MustOpenStore(t)
	s.PasswordParams = cheapPasswords
	params := func(hash string) string {
		parts := strings.Split(hash, "$")
		if len(parts) != 6 {
			t.Fatalf("hash %q", hash)
		}
		return parts[3]
	}
	if got := params(registry.DummyHash(s)); got != "m=1024,t=1,p=1" {
		t.Errorf("stand-in hash costs %s, want the store's m=1024,t=1,p=1", got)
	}
	if _, err := s.Authenticate(context.Background(), "ktos.nieznany", "hasło-testowe-123"); err == nil {
		t.Error("an unknown login signed in")
	}
}
