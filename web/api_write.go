package web

import (
	"context"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// writableRegister is what the write API needs of one register whose content is D: the
// domain's transitions (each checks the actor itself and records the audit log) and how to
// show an entry as its GET answer. Contracts fill it from Store.*Contract; the other
// registers fill it from their registry.Register the same way and get the same five routes.
type writableRegister[D any] struct {
	path     string   // "contracts": routes under /api/v1/contracts
	what     string   // genitive for messages: "umowy"
	readOnly []string // keys of the GET answer computed by the server, ignored on input
	// current returns an entry's content and company, for updates field by field.
	current  func(ctx context.Context, a registry.Actor, id int64) (D, *registry.Company, error)
	create   func(ctx context.Context, a registry.Actor, companyID int64, d D, publish bool) (int64, error)
	publish  func(ctx context.Context, a registry.Actor, id int64) error
	amend    func(ctx context.Context, a registry.Actor, id int64, d D, annex registry.Date, reason string) error
	correct  func(ctx context.Context, a registry.Actor, id int64, d D, reason string) error
	withdraw func(ctx context.Context, a registry.Actor, id int64, reason string) error
	// show returns the entry as GET /api/v1/{path}/{id} does.
	show func(ctx context.Context, a registry.Actor, id int64) (any, error)
}

// createMeta are the keys of a create body besides the entry's content.
type createMeta struct {
	Company string `json:"company"` // slug
	Publish bool   `json:"publish"`
}

// amendMeta are the keys of an amendment body besides the changed content.
type amendMeta struct {
	Company   string        `json:"company"` // must stay the entry's own
	Reason    string        `json:"reason"`
	AnnexDate registry.Date `json:"annex_date"`
}

// correctMeta are the keys of a correction body besides the changed content.
type correctMeta struct {
	Company string `json:"company"`
	Reason  string `json:"reason"`
}

// withdrawMeta is the body of a withdrawal.
type withdrawMeta struct {
	Reason string `json:"reason"`
}

// routesWriteAPI registers the write API: the routes of every writable register behind
// sign-in (a Bearer token, or the session cookie with X-CSRF-Token) and a JSON body limit.
func (s *server) routesWriteAPI(app *fiber.App) {
	routesWriteRegister(s, app, s.contractsWritable())
}

// writeGuards run before every write route of the API (per route: a Group's handlers
// would apply to the public reads under the same prefix too).
func (s *server) writeGuards(h fiber.Handler) []fiber.Handler {
	return []fiber.Handler{s.requireSignedIn, bodyLimit(writeBodyLimit), noStore, h}
}

// routesWriteRegister registers, for one register:
//
//	POST /{path}                   create (a draft, or published with "publish": true) → 201
//	POST /{path}/{id}/publish      publish a draft → 200
//	POST /{path}/{id}/amendments   a new version: the thing itself changed (annex) → 200
//	POST /{path}/{id}/corrections  a new version: the register was wrong → 200
//	POST /{path}/{id}/withdrawal   a new version showing the entry as withdrawn → 200
//
// Each answers with the entry as its GET route does. Errors: 400 (malformed JSON), 401,
// 403, 404, 409 (the state does not allow it), 413, 415, 422 (fields).
func routesWriteRegister[D any](s *server, r fiber.Router, reg writableRegister[D]) {
	base := "/api/v1/" + reg.path
	r.Post(base, s.writeGuards(func(c *fiber.Ctx) error {
		var d D
		var meta createMeta
		if err := decodeJSONBody(c, false, reg.readOnly, &d, &meta); err != nil {
			return err
		}
		ctx, a := c.UserContext(), s.actor(c)
		co, err := s.companyField(ctx, meta.Company)
		if err != nil {
			return err
		}
		id, err := reg.create(ctx, a, co.ID, d, meta.Publish)
		if err != nil {
			return err
		}
		c.Location(base + "/" + strconv.FormatInt(id, 10))
		return respondEntry(s, c, fiber.StatusCreated, reg, a, id)
	})...)
	r.Post(base+"/:id/publish", s.writeGuards(func(c *fiber.Ctx) error {
		id, err := parseID(c, reg.what)
		if err != nil {
			return err
		}
		if err := decodeJSONBody(c, true, nil); err != nil {
			return err
		}
		if err := reg.publish(c.UserContext(), s.actor(c), id); err != nil {
			return err
		}
		return respondEntry(s, c, fiber.StatusOK, reg, s.actor(c), id)
	})...)
	r.Post(base+"/:id/amendments", s.writeGuards(func(c *fiber.Ctx) error {
		var meta amendMeta
		return changeEntry(s, c, reg, &meta, &meta.Company, func(ctx context.Context, a registry.Actor, id int64, d D) error {
			return reg.amend(ctx, a, id, d, meta.AnnexDate, meta.Reason)
		})
	})...)
	r.Post(base+"/:id/corrections", s.writeGuards(func(c *fiber.Ctx) error {
		var meta correctMeta
		return changeEntry(s, c, reg, &meta, &meta.Company, func(ctx context.Context, a registry.Actor, id int64, d D) error {
			return reg.correct(ctx, a, id, d, meta.Reason)
		})
	})...)
	r.Post(base+"/:id/withdrawal", s.writeGuards(func(c *fiber.Ctx) error {
		id, err := parseID(c, reg.what)
		if err != nil {
			return err
		}
		ctx, a := c.UserContext(), s.actor(c)
		_, co, err := reg.current(ctx, a, id)
		if err != nil {
			return err
		}
		if err := a.RequireCompanyWrite(co.ID); err != nil {
			return err
		}
		var meta withdrawMeta
		if err := decodeJSONBody(c, false, nil, &meta); err != nil {
			return err
		}
		if err := reg.withdraw(c.UserContext(), s.actor(c), id, meta.Reason); err != nil {
			return err
		}
		return respondEntry(s, c, fiber.StatusOK, reg, s.actor(c), id)
	})...)
}

// changeEntry runs an amendment or a correction: the body's keys replace those of the
// entry's current content (keys not sent keep their values), meta takes the change's own
// keys, and a company key, when sent, must be the entry's own.
func changeEntry[D any](s *server, c *fiber.Ctx, reg writableRegister[D], meta any, company *string, apply func(context.Context, registry.Actor, int64, D) error) error {
	id, err := parseID(c, reg.what)
	if err != nil {
		return err
	}
	ctx, a := c.UserContext(), s.actor(c)
	d, co, err := reg.current(ctx, a, id)
	if err != nil {
		return err
	}
	// The domain refuses it too; checked first so that a stranger learns nothing from
	// validation messages.
	if err := a.RequireCompanyWrite(co.ID); err != nil {
		return err
	}
	slug := co.Slug
	*company = slug
	if err := decodeJSONBody(c, false, reg.readOnly, &d, meta); err != nil {
		return err
	}
	if *company != slug {
		return &registry.Error{Code: registry.EINVALID, Message: registry.MsgFixFields, Fields: map[string]string{"company": "Wpisu nie można przenieść do innej spółki."}}
	}
	if err := apply(ctx, a, id, d); err != nil {
		return err
	}
	return respondEntry(s, c, fiber.StatusOK, reg, a, id)
}

// companyField resolves the "company" key of a body. Errors: EINVALID 422 naming it.
func (s *server) companyField(ctx context.Context, slug string) (*registry.Company, error) {
	if slug == "" {
		return nil, &registry.Error{Code: registry.EINVALID, Message: registry.MsgFixFields, Fields: map[string]string{"company": "Podaj identyfikator spółki (np. mpk)."}}
	}
	co, err := s.cfg.Store.FindCompanyBySlug(ctx, slug)
	if registry.ErrorCode(err) == registry.ENOTFOUND {
		return nil, &registry.Error{Code: registry.EINVALID, Message: registry.MsgFixFields, Fields: map[string]string{"company": registry.ErrorMessage(err)}}
	}
	return co, err
}

// respondEntry tells the search index to catch up and answers with the entry as its GET
// route shows it.
func respondEntry[D any](s *server, c *fiber.Ctx, status int, reg writableRegister[D], a registry.Actor, id int64) error {
	if s.cfg.Indexer != nil {
		s.cfg.Indexer.Notify()
	}
	v, err := reg.show(c.UserContext(), a, id)
	if err != nil {
		return err
	}
	return c.Status(status).JSON(v)
}
