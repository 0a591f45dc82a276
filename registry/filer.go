package registry

import (
	"context"
	"database/sql"
	"slices"
)

// The companies an actor files for, and the officer's view of their entries (drafts included).

// RequireFiler returns nil for actors who may file entries for some company (officers, admins
// and the system), EUNAUTHORIZED for the public and EFORBIDDEN for supervisors and auditors,
// who read the panel but do not file.
func (a Actor) RequireFiler() error {
	switch a.Role {
	case RoleOfficer, RoleAdmin, RoleSystem:
		return nil
	case RolePublic, "":
		return Errorf(EUNAUTHORIZED, "Zaloguj się, aby wykonać tę operację.")
	}
	return Errorf(EFORBIDDEN, "Wpisy do rejestru prowadzą pracownicy spółek; Twoja rola na to nie pozwala.")
}

// FindFilerCompanies returns the companies the actor may file for, in Polish order: an
// officer's own companies, every company for admins and the system. Errors: as RequireFiler.
func (s *Store) FindFilerCompanies(ctx context.Context, a Actor) ([]*Company, error) {
	if err := a.RequireFiler(); err != nil {
		return nil, err
	}
	all, err := s.FindCompanies(ctx)
	if err != nil {
		return nil, err
	}
	out := []*Company{}
	for _, co := range all {
		if a.CanWriteCompany(co.ID) {
			out = append(out, co)
		}
	}
	return out, nil
}

// FindFilerContracts returns a page of the contracts of the companies the actor files for —
// drafts, published and withdrawn unless f.Status narrows it — newest change first, and the
// total. f.CompanyID narrows to one company, which must be one of the actor's.
// Errors: as RequireFiler; EFORBIDDEN for a company not the actor's.
func (s *Store) FindFilerContracts(ctx context.Context, a Actor, f ContractFilter) ([]*Contract, int, error) {
	if err := a.RequireFiler(); err != nil {
		return nil, 0, err
	}
	if f.CompanyID != nil {
		if err := a.RequireCompanyWrite(*f.CompanyID); err != nil {
			return nil, 0, err
		}
	}
	if a.Role == RoleOfficer {
		f.CompanyIDs = slices.Clone(a.Companies)
		if f.CompanyIDs == nil {
			f.CompanyIDs = []int64{}
		}
	}
	if len(f.Status) == 0 {
		f.Status = []string{StatusDraft, StatusPublished, StatusWithdrawn}
	}
	f.CompanySlug = nil
	if f.Sort == "" {
		f.Sort = "updated"
	}
	return s.FindContracts(ctx, f)
}

// FindFilerContract returns a contract, draft or not, of a company the actor files for.
// Errors: ENOTFOUND; as RequireFiler; EFORBIDDEN for another company's contract.
func (s *Store) FindFilerContract(ctx context.Context, a Actor, id int64) (*Contract, error) {
	if err := a.RequireFiler(); err != nil {
		return nil, err
	}
	c, err := scanContract(s.read.QueryRowContext(ctx, contractSelect+` WHERE c.entry_id = ?`, id))
	if err == sql.ErrNoRows {
		return nil, Errorf(ENOTFOUND, "Nie znaleziono umowy nr %d.", id)
	} else if err != nil {
		return nil, formatError(err)
	}
	if err := a.RequireCompanyWrite(c.CompanyID); err != nil {
		return nil, err
	}
	return c, nil
}
