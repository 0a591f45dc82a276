package web

import (
	"context"
	"encoding/json"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// registerReadOnly are the keys of GET /api/v1/{expenses|ads|recruitments}/{id} that the server
// computes; a write ignores them.
var registerReadOnly = []string{"id", "kind", "company_name", "status", "version", "created_at", "published_at",
	"updated_at", "withdrawn_reason", "versions"}

// routesWriteRegisters makes the expense, ad and recruitment registers writable through the
// same routes as contracts (POST /api/v1/expenses, …/{id}/publish, /amendments, /corrections,
// /withdrawal).
func (s *server) routesWriteRegisters(r fiber.Router) {
	st := s.cfg.Store
	routesWriteRegister(s, r, registerWritable(s, expenseDef, st.Expenses()))
	routesWriteRegister(s, r, registerWritable(s, adDef, st.Ads()))
	routesWriteRegister(s, r, registerWritable(s, recruitmentDef, st.Recruitments()))
}

// registerWritable is a registry.Register as the write API needs it; its entries are shown as
// the register's GET route shows them.
func registerWritable[D any, P interface {
	*D
	registry.EntryData
}](s *server, def *registerDef, reg *registry.Register[D, P]) writableRegister[D] {
	return writableRegister[D]{
		path: def.API, what: def.One, readOnly: registerReadOnly,
		current: func(ctx context.Context, a registry.Actor, id int64) (D, *registry.Company, error) {
			e, err := reg.FindByID(ctx, a, id)
			if err != nil {
				var zero D
				return zero, nil, err
			}
			return e.Data, &registry.Company{ID: e.CompanyID, Slug: e.Company}, nil
		},
		create: func(ctx context.Context, a registry.Actor, companyID int64, d D, publish bool) (int64, error) {
			e, err := reg.Create(ctx, a, companyID, d, publish)
			if err != nil {
				return 0, err
			}
			return e.ID, nil
		},
		publish: func(ctx context.Context, a registry.Actor, id int64) error {
			_, err := reg.Publish(ctx, a, id)
			return err
		},
		amend: func(ctx context.Context, a registry.Actor, id int64, d D, annex registry.Date, reason string) error {
			_, err := reg.Amend(ctx, a, id, d, annex, reason)
			return err
		},
		correct: func(ctx context.Context, a registry.Actor, id int64, d D, reason string) error {
			_, err := reg.Correct(ctx, a, id, d, reason)
			return err
		},
		withdraw: func(ctx context.Context, a registry.Actor, id int64, reason string) error {
			_, err := reg.Withdraw(ctx, a, id, reason)
			return err
		},
		show: func(ctx context.Context, a registry.Actor, id int64) (any, error) {
			v, err := def.entry(ctx, s, a, id)
			if err != nil {
				return nil, err
			}
			return json.RawMessage(v.JSON), nil
		},
	}
}
