package web

import (
	"context"
	"encoding/json"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// The write API of expenses, ads and recruitments: the same five routes as contracts
// (routesWriteRegister), filled from each typed register.

// entryReadOnly are the keys of an entry's GET answer that the server computes; a write
// ignores them, so a GET answer can be edited and sent back.
var entryReadOnly = []string{"id", "kind", "company_name", "status", "version", "created_at", "published_at",
	"updated_at", "withdrawn_reason", "versions"}

// registerWritable adapts a typed register to the write API.
func registerWritable[D any, P interface {
	*D
	registry.EntryData
}](s *server, d *registerDef, reg func(*registry.Store) *registry.Register[D, P]) writableRegister[D] {
	r := func() *registry.Register[D, P] { return reg(s.cfg.Store) }
	return writableRegister[D]{
		path: d.API, what: d.One, readOnly: entryReadOnly,
		current: func(ctx context.Context, a registry.Actor, id int64) (D, *registry.Company, error) {
			e, err := r().FindByID(ctx, a, id)
			if err != nil {
				var zero D
				return zero, nil, err
			}
			return e.Data, &registry.Company{ID: e.CompanyID, Slug: e.Company}, nil
		},
		create: func(ctx context.Context, a registry.Actor, companyID int64, data D, publish bool) (int64, error) {
			e, err := r().Create(ctx, a, companyID, data, publish)
			if err != nil {
				return 0, err
			}
			return e.ID, nil
		},
		publish: func(ctx context.Context, a registry.Actor, id int64) error {
			_, err := r().Publish(ctx, a, id)
			return err
		},
		amend: func(ctx context.Context, a registry.Actor, id int64, data D, annex registry.Date, reason string) error {
			_, err := r().Amend(ctx, a, id, data, annex, reason)
			return err
		},
		correct: func(ctx context.Context, a registry.Actor, id int64, data D, reason string) error {
			_, err := r().Correct(ctx, a, id, data, reason)
			return err
		},
		withdraw: func(ctx context.Context, a registry.Actor, id int64, reason string) error {
			_, err := r().Withdraw(ctx, a, id, reason)
			return err
		},
		show: func(ctx context.Context, a registry.Actor, id int64) (any, error) {
			v, err := d.entry(ctx, s, a, id)
			if err != nil {
				return nil, err
			}
			return json.RawMessage(v.JSON), nil
		},
	}
}

// routesRegisterWrites registers the write API of expenses, ads and recruitments.
func (s *server) routesRegisterWrites(app fiber.Router) {
	routesWriteRegister(s, app, registerWritable(s, expenseDef, (*registry.Store).Expenses))
	routesWriteRegister(s, app, registerWritable(s, adDef, (*registry.Store).Ads))
	routesWriteRegister(s, app, registerWritable(s, recruitmentDef, (*registry.Store).Recruitments))
}
