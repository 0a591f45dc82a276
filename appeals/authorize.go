package appeals

import (
	"slices"

	"jawnosc/registry"
)

// roleOf returns who may add an event of type t.
func roleOf(t string) string {
	switch t {
	case EvSubmitted, EvClarified, EvFeeAccepted, EvReconsiderationAsked, EvAppealed:
		return RoleResident
	case EvAppealDecided:
		return RoleSupervisor
	case EvOverdue:
		return RoleSystem
	}
	return RoleOfficer
}

// Authorize checks that a may add an event of type t to a request of companyID.
// tokenOK says whether the request carried the right tracking token (the resident's
// only credential). Returns EUNAUTHORIZED or EFORBIDDEN with a Polish message, and the
// role and login the log records.
func Authorize(a registry.Actor, tokenOK bool, companyID int64, t string) (role, login string, err error) {
	switch need := roleOf(t); need {
	case RoleResident:
		if t != EvSubmitted && !tokenOK {
			return "", "", registry.Errorf(registry.EFORBIDDEN, "Ten krok może wykonać tylko wnioskodawca, korzystając z prywatnego linku do wniosku.")
		}
		return RoleResident, residentLogin, nil
	case RoleOfficer:
		switch {
		case a.Role == registry.RoleSystem:
			return RoleOfficer, a.Login, nil
		case a.Role == registry.RoleOfficer && slices.Contains(a.Companies, companyID):
			return RoleOfficer, a.Login, nil
		case a.Role == registry.RolePublic || a.Role == "":
			return "", "", registry.Errorf(registry.EUNAUTHORIZED, "Zaloguj się jako pracownik spółki, aby odpowiedzieć na wniosek.")
		}
		return "", "", registry.Errorf(registry.EFORBIDDEN, "Na ten wniosek może odpowiedzieć tylko pracownik spółki, do której go skierowano.")
	case RoleSupervisor:
		switch a.Role {
		case registry.RoleSupervisor, registry.RoleSystem:
			return RoleSupervisor, a.Login, nil
		case registry.RolePublic, "":
			return "", "", registry.Errorf(registry.EUNAUTHORIZED, "Zaloguj się jako pracownik urzędu miasta, aby rozstrzygnąć odwołanie.")
		}
		return "", "", registry.Errorf(registry.EFORBIDDEN, "Odwołania rozstrzyga tylko urząd miasta (nadzór właścicielski).")
	}
	if a.Role != registry.RoleSystem {
		return "", "", registry.Errorf(registry.EFORBIDDEN, "Ten krok wykonuje tylko system.")
	}
	return RoleSystem, a.Login, nil
}

// AudienceOf returns the view of r that a may have: the official one (the requester's name,
// every text) for the officers of r's company, the mayor's office and the system; the
// public one (the requester's identity removed) for anyone else, officers of other
// companies included. The resident's view needs the token (TokenMatches), never an actor.
func AudienceOf(a registry.Actor, r *Request) string {
	switch {
	case a.Role == registry.RoleSupervisor, a.Role == registry.RoleSystem:
		return ViewOfficial
	case a.Role == registry.RoleOfficer && r.Company != nil && slices.Contains(a.Companies, r.Company.ID):
		return ViewOfficial
	}
	return ViewPublic
}
