package registry

import (
	"context"
	"database/sql"
	"slices"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

const companyColumns = `id, slug, name, short_name, legal_form, nip, regon, krs, status, city, website, created_at`

func scanCompany(row interface{ Scan(...any) error }) (*Company, error) {
	c := &Company{}
	err := row.Scan(&c.ID, &c.Slug, &c.Name, &c.ShortName, &c.LegalForm, &c.NIP, &c.REGON, &c.KRS, &c.Status, &c.City, &c.Website, (*timeCol)(&c.CreatedAt))
	return c, err
}

// CreateCompany adds a company. Only admins, supervisors and the system may.
// Returns EINVALID, EFORBIDDEN, ECONFLICT (slug taken).
func (s *Store) CreateCompany(ctx context.Context, a Actor, c *Company) error {
	switch a.Role {
	case RoleAdmin, RoleSupervisor, RoleSystem:
	default:
		return Errorf(EFORBIDDEN, "Tylko nadzór właścicielski i administrator mogą dodawać spółki.")
	}
	if err := ValidateCompany(c); err != nil {
		return err
	}
	c.CreatedAt = s.now()
	return s.inTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO companies (slug, name, short_name, legal_form, nip, regon, krs, status, city, website, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.Slug, c.Name, c.ShortName, c.LegalForm, c.NIP, c.REGON, c.KRS, c.Status, c.City, c.Website, fmtTime(c.CreatedAt))
		if err != nil {
			if ErrorCode(formatError(err)) == ECONFLICT {
				return &Error{Code: ECONFLICT, Message: "Spółka o tym identyfikatorze już istnieje.", Fields: map[string]string{"slug": "Ten identyfikator jest już zajęty."}}
			}
			return err
		}
		if c.ID, err = res.LastInsertId(); err != nil {
			return err
		}
		return s.audit(ctx, tx, a, AuditCompanyCreate, AuditKindCompany, c.ID, c.ID, c.Slug)
	})
}

// FindCompanies returns every company, sorted by name in Polish collation.
func (s *Store) FindCompanies(ctx context.Context) ([]*Company, error) {
	rows, err := s.read.QueryContext(ctx, `SELECT `+companyColumns+` FROM companies`)
	if err != nil {
		return nil, formatError(err)
	}
	defer rows.Close()
	var out []*Company
	for rows.Next() {
		c, err := scanCompany(rows)
		if err != nil {
			return nil, formatError(err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, formatError(err)
	}
	SortPolish(out, func(c *Company) string { return c.Name })
	return out, nil
}

// SortPolish sorts items by key in Polish collation (ą after a, ł after l, …).
func SortPolish[T any](items []T, key func(T) string) {
	col := collate.New(language.Polish, collate.IgnoreCase)
	slices.SortStableFunc(items, func(a, b T) int { return col.CompareString(key(a), key(b)) })
}

// FindCompanyBySlug returns one company. Returns ENOTFOUND.
func (s *Store) FindCompanyBySlug(ctx context.Context, slug string) (*Company, error) {
	c, err := scanCompany(s.read.QueryRowContext(ctx, `SELECT `+companyColumns+` FROM companies WHERE slug = ?`, slug))
	if err == sql.ErrNoRows {
		return nil, Errorf(ENOTFOUND, "Nie ma spółki o identyfikatorze „%s”.", slug)
	}
	return c, formatError(err)
}

// FindCompanyByID returns one company. Returns ENOTFOUND.
func (s *Store) FindCompanyByID(ctx context.Context, id int64) (*Company, error) {
	return findCompanyByID(ctx, s.read, id)
}

func findCompanyByID(ctx context.Context, q queryer, id int64) (*Company, error) {
	c, err := scanCompany(q.QueryRowContext(ctx, `SELECT `+companyColumns+` FROM companies WHERE id = ?`, id))
	if err == sql.ErrNoRows {
		return nil, Errorf(ENOTFOUND, "Nie ma spółki nr %d.", id)
	}
	return c, formatError(err)
}
