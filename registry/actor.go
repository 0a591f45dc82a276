package registry

import "slices"

// Roles of the product (SPEC.md "Users and roles").
const (
	RolePublic     = "public"
	RoleOfficer    = "officer"
	RoleSupervisor = "supervisor"
	RoleAuditor    = "auditor"
	RoleAdmin      = "admin"
	RoleSystem     = "system" // command-line tools run by the operator (import, demo)
)

// Actor is who performs an operation. Every write in the domain takes one and checks it.
type Actor struct {
	UserID    int64   // 0 for public and system
	Login     string  // shown in version history as "filed by"
	Role      string  // one of the Role* constants
	Companies []int64 // companies an officer is bound to
}

// PublicActor is an anonymous resident.
var PublicActor = Actor{Role: RolePublic, Login: "public"}

// SystemActor is the operator running a command-line tool.
func SystemActor(login string) Actor { return Actor{Role: RoleSystem, Login: login} }

// CanWriteCompany reports whether the actor may file, publish and amend entries of the company.
func (a Actor) CanWriteCompany(companyID int64) bool {
	switch a.Role {
	case RoleSystem, RoleAdmin:
		return true
	case RoleOfficer:
		return slices.Contains(a.Companies, companyID)
	}
	return false
}

// RequireCompanyWrite returns EUNAUTHORIZED for the public, EFORBIDDEN for actors
// who may not write for the company, nil otherwise.
func (a Actor) RequireCompanyWrite(companyID int64) error {
	if a.Role == RolePublic || a.Role == "" {
		return Errorf(EUNAUTHORIZED, "Zaloguj się, aby wykonać tę operację.")
	}
	if !a.CanWriteCompany(companyID) {
		return Errorf(EFORBIDDEN, "Nie masz uprawnień do wpisów tej spółki.")
	}
	return nil
}
