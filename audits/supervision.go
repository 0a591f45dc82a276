package audits

import (
	"context"

	"jawnosc/registry"
)

// RequireSupervision lets the mayor's office, auditors and admins see the supervisor's
// dashboard: EUNAUTHORIZED for the public, EFORBIDDEN for officers.
func RequireSupervision(a registry.Actor) error {
	switch a.Role {
	case registry.RoleSupervisor, registry.RoleAuditor, registry.RoleAdmin, registry.RoleSystem:
		return nil
	case registry.RolePublic, "":
		return registry.Errorf(registry.EUNAUTHORIZED, "Zaloguj się, aby wykonać tę operację.")
	}
	return registry.Errorf(registry.EFORBIDDEN, "Pulpit nadzoru jest dla urzędu miasta i audytorów.")
}

// ModeTotal is the public contracts of one procurement mode: count and PLN net sum.
type ModeTotal struct {
	Mode     string         `json:"mode"`
	Count    int            `json:"count"`
	ValueNet registry.Money `json:"value_net"`
}

// SpendingByMode returns public contract totals per procurement mode, largest sum first,
// for one company or (nil) every company.
func (s *Store) SpendingByMode(ctx context.Context, companyID *int64) ([]ModeTotal, error) {
	q := `SELECT procurement_mode, COUNT(*), COALESCE(SUM(CASE WHEN currency = 'PLN' THEN value_net ELSE 0 END), 0) FROM contracts WHERE public = 1`
	var args []any
	if companyID != nil {
		q += ` AND company_id = ?`
		args = append(args, *companyID)
	}
	rows, err := s.read.QueryContext(ctx, q+` GROUP BY procurement_mode ORDER BY 3 DESC, 1`, args...)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	out := []ModeTotal{}
	for rows.Next() {
		var m ModeTotal
		if err := rows.Scan(&m.Mode, &m.Count, &m.ValueNet); err != nil {
			return nil, formatError(err)
		}
		out = append(out, m)
	}
	return out, formatError(rows.Err())
}
