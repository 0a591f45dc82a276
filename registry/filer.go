package registry

import (
	"context"
	"database/sql"
	"strings"
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
// drafts, published and withdrawn unless f.Status narrows it — newest filed first, and the
// total. Only f.CompanyID (which must be one of the actor's), f.Status, f.Offset and f.Limit
// (default 20, at most 1000) are used. Errors: as RequireFiler; EFORBIDDEN for a company not
// the actor's.
func (s *Store) FindFilerContracts(ctx context.Context, a Actor, f ContractFilter) ([]*Contract, int, error) {
	if err := a.RequireFiler(); err != nil {
		return nil, 0, err
	}
	where, args := []string{"e.kind = ?"}, []any{KindContract}
	var companies []int64
	switch {
	case f.CompanyID != nil:
		if err := a.RequireCompanyWrite(*f.CompanyID); err != nil {
			return nil, 0, err
		}
		companies = []int64{*f.CompanyID}
	case a.Role == RoleOfficer:
		companies = append([]int64{0}, a.Companies...) // 0: an officer of no company sees nothing
	}
	if companies != nil {
		where = append(where, "e.company_id IN (?"+strings.Repeat(",?", len(companies)-1)+")")
		for _, id := range companies {
			args = append(args, id)
		}
	}
	if len(f.Status) > 0 {
		where = append(where, "e.status IN (?"+strings.Repeat(",?", len(f.Status)-1)+")")
		for _, st := range f.Status {
			args = append(args, st)
		}
	}
	if f.Limit <= 0 || f.Limit > 1000 {
		f.Limit = 20
	}
	return s.findContractsNewestFirst(ctx, " WHERE "+strings.Join(where, " AND "), args, f.Offset, f.Limit)
}

// findContractsNewestFirst returns a page of the contract entries matching where (on entries
// e), newest first, and the total. The page is chosen on the entries index alone (no sort for
// one company, even of 100 000 contracts) and only its rows are read in full.
func (s *Store) findContractsNewestFirst(ctx context.Context, where string, args []any, offset, limit int) ([]*Contract, int, error) {
	var total int
	if err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM entries e`+where, args...).Scan(&total); err != nil {
		return nil, 0, formatError(err)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT e.id FROM entries e`+where+` ORDER BY e.id DESC LIMIT ? OFFSET ?`, append(args, limit, offset)...)
	if err != nil {
		return nil, 0, formatError(err)
	}
	var ids []any
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, 0, formatError(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(ids) == 0 {
		return nil, total, formatError(err)
	}
	rows, err = s.read.QueryContext(ctx, contractSelect+` WHERE c.entry_id IN (?`+strings.Repeat(",?", len(ids)-1)+`) ORDER BY c.entry_id DESC`, ids...)
	if err != nil {
		return nil, 0, formatError(err)
	}
	defer rows.Close()
	out := make([]*Contract, 0, len(ids))
	for rows.Next() {
		c, err := scanContract(rows)
		if err != nil {
			return nil, 0, formatError(err)
		}
		out = append(out, c)
	}
	return out, total, formatError(rows.Err())
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
