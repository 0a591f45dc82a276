package registry

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// User is an account of someone who files or supervises. Residents have none.
type User struct {
	ID        int64     `json:"-"`
	Login     string    `json:"login"`
	Name      string    `json:"name"`
	Role      string    `json:"role"`
	Companies []string  `json:"companies"` // slugs of the companies an officer files for
	Disabled  bool      `json:"disabled"`
	CreatedAt time.Time `json:"created_at"`
}

// NewUser is what creating an account takes. Password is the plain text; only its argon2id
// hash is stored.
type NewUser struct {
	Login     string
	Name      string
	Role      string
	Companies []string // slugs; required for officers, refused for other roles
	Password  string
}

// AccountRoles are the roles an account can have, with Polish labels.
var AccountRoles = []Label{
	{RoleOfficer, "pracownik spółki"},
	{RoleSupervisor, "nadzór właścicielski (urząd miasta)"},
	{RoleAuditor, "audytor"},
	{RoleAdmin, "administrator"},
}

// RoleLabel returns the Polish name of a role.
func RoleLabel(role string) string {
	for _, l := range AccountRoles {
		if l.Code == role {
			return l.Label
		}
	}
	if role == RolePublic {
		return "mieszkaniec"
	}
	return role
}

var loginPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{2,63}$`)

// Normalize trims the fields and lowercases the login.
func (u *NewUser) Normalize() {
	u.Login = strings.ToLower(strings.TrimSpace(u.Login))
	u.Name = strings.TrimSpace(u.Name)
	u.Role = strings.TrimSpace(u.Role)
	for i, c := range u.Companies {
		u.Companies[i] = strings.TrimSpace(c)
	}
}

// Validate checks the account's fields with a Polish message per field (EINVALID).
func (u *NewUser) Validate() error {
	var v Validator
	if v.Text("login", u.Login, true, 64) {
		v.Check(loginPattern.MatchString(u.Login), "login", "Login: 3–64 znaki, małe litery bez polskich znaków, cyfry, kropka, minus lub podkreślenie.")
	}
	v.Text("name", u.Name, false, 200)
	v.OneOf("role", u.Role, AccountRoles, true)
	if u.Role == RoleOfficer && len(u.Companies) == 0 {
		v.Add("companies", "Pracownik spółki musi mieć przypisaną co najmniej jedną spółkę.")
	}
	if u.Role != RoleOfficer && len(u.Companies) > 0 {
		v.Add("companies", "Spółki przypisuje się tylko pracownikom spółek.")
	}
	n := utf8.RuneCountInString(u.Password)
	switch {
	case !utf8.ValidString(u.Password):
		v.Add("password", msgBadUTF8)
	case n < MinPasswordLen:
		v.Add("password", "Hasło musi mieć co najmniej 12 znaków.")
	case n > MaxPasswordLen:
		v.Add("password", "Hasło może mieć najwyżej 256 znaków.")
	case u.Login != "" && strings.Contains(strings.ToLower(u.Password), u.Login):
		v.Add("password", "Hasło nie może zawierać loginu.")
	}
	return v.Err()
}

// RequireAdmin returns nil for admins and the system (command-line tools), EUNAUTHORIZED for
// the public and EFORBIDDEN for everyone else.
func (a Actor) RequireAdmin() error {
	switch a.Role {
	case RoleAdmin, RoleSystem:
		return nil
	case RolePublic, "":
		return Errorf(EUNAUTHORIZED, "Zaloguj się, aby wykonać tę operację.")
	}
	return Errorf(EFORBIDDEN, "Tę operację może wykonać tylko administrator.")
}

// RequireRole returns nil when the actor has one of roles (the system always passes),
// EUNAUTHORIZED for the public and EFORBIDDEN otherwise.
func (a Actor) RequireRole(roles ...string) error {
	if a.Role == RoleSystem || slices.Contains(roles, a.Role) {
		return nil
	}
	if a.Role == RolePublic || a.Role == "" {
		return Errorf(EUNAUTHORIZED, "Zaloguj się, aby wykonać tę operację.")
	}
	return Errorf(EFORBIDDEN, "Nie masz uprawnień do tej operacji.")
}

// Authenticated reports whether the actor signed in (or is the operator's system actor).
func (a Actor) Authenticated() bool { return a.Role != RolePublic && a.Role != "" }
