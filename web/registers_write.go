package web

import (
	"context"
	"encoding/json"
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// The write API of expenses, ads and recruitments (the contracts write API's shape):
//
//	POST /api/v1/{register}                      {"company": "mpk", "publish": false, …content}  → 201
//	PUT  /api/v1/{register}/{id}                 {…content}                 draft edit           → 200
//	POST /api/v1/{register}/{id}/publish                                                        → 200
//	POST /api/v1/{register}/{id}/corrections     {"reason": "…", …content}                      → 200
//	POST /api/v1/{register}/{id}/amendments      {"annex_date": "…", "reason": "…", …content}   → 200
//	POST /api/v1/{register}/{id}/withdrawal      {"reason": "…"}                                → 200
//
// A session (with X-CSRF-Token) or Authorization: Bearer names the actor; the domain checks
// it: none → 401, another company → 403; bad content → 422 with a Polish message per field.

// writeControl are the body's keys that are not content.
type writeControl struct {
	Company   string        `json:"company"`
	Publish   bool          `json:"publish"`
	Reason    string        `json:"reason"`
	AnnexDate registry.Date `json:"annex_date"`
}

// registerWriter is a register's write operations on a decoded body.
type registerWriter struct {
	create   func(ctx context.Context, s *server, a registry.Actor, companyID int64, body []byte, publish bool) (any, error)
	update   func(ctx context.Context, s *server, a registry.Actor, id int64, body []byte) (any, error)
	publish  func(ctx context.Context, s *server, a registry.Actor, id int64) (any, error)
	correct  func(ctx context.Context, s *server, a registry.Actor, id int64, body []byte, reason string) (any, error)
	amend    func(ctx context.Context, s *server, a registry.Actor, id int64, body []byte, annex registry.Date, reason string) (any, error)
	withdraw func(ctx context.Context, s *server, a registry.Actor, id int64, reason string) (any, error)
}

// newRegisterWriter builds the write operations of a typed register.
func newRegisterWriter[D any, P interface {
	*D
	registry.EntryData
}](reg func(*registry.Store) *registry.Register[D, P]) *registerWriter {
	return &registerWriter{
		create: func(ctx context.Context, s *server, a registry.Actor, companyID int64, body []byte, publish bool) (any, error) {
			d, err := decodeContent[D](body)
			if err != nil {
				return nil, err
			}
			return reg(s.cfg.Store).Create(ctx, a, companyID, d, publish)
		},
		update: func(ctx context.Context, s *server, a registry.Actor, id int64, body []byte) (any, error) {
			d, err := decodeContent[D](body)
			if err != nil {
				return nil, err
			}
			return reg(s.cfg.Store).UpdateDraft(ctx, a, id, d)
		},
		publish: func(ctx context.Context, s *server, a registry.Actor, id int64) (any, error) {
			return reg(s.cfg.Store).Publish(ctx, a, id)
		},
		correct: func(ctx context.Context, s *server, a registry.Actor, id int64, body []byte, reason string) (any, error) {
			d, err := decodeContent[D](body)
			if err != nil {
				return nil, err
			}
			return reg(s.cfg.Store).Correct(ctx, a, id, d, reason)
		},
		amend: func(ctx context.Context, s *server, a registry.Actor, id int64, body []byte, annex registry.Date, reason string) (any, error) {
			d, err := decodeContent[D](body)
			if err != nil {
				return nil, err
			}
			return reg(s.cfg.Store).Amend(ctx, a, id, d, annex, reason)
		},
		withdraw: func(ctx context.Context, s *server, a registry.Actor, id int64, reason string) (any, error) {
			return reg(s.cfg.Store).Withdraw(ctx, a, id, reason)
		},
	}
}

// decodeContent reads a register's content from a JSON body; a value of the wrong type is
// EINVALID naming the field, malformed JSON EINVALID without fields.
func decodeContent[D any](body []byte) (D, error) {
	var d D
	if err := json.Unmarshal(body, &d); err != nil {
		var e *registry.Error
		if errors.As(err, &e) && len(e.Fields) == 0 { // a date that does not parse: name it
			if f := badDateField(body); f != "" {
				return d, &registry.Error{Code: registry.EINVALID, Message: registry.MsgFixFields, Fields: map[string]string{f: e.Message}}
			}
		}
		return d, jsonError(err)
	}
	return d, nil
}

// dateKeys are the JSON keys of dates in every register's content.
var dateKeys = map[string]bool{"spent_on": true, "period_start": true, "period_end": true, "announced_on": true,
	"application_deadline": true, "resolution_date": true, "term_start": true, "term_end": true, "annex_date": true}

// badDateField finds the first date in a JSON body that does not parse ("appointee.term_end").
func badDateField(body []byte) string {
	var doc map[string]any
	if json.Unmarshal(body, &doc) != nil {
		return ""
	}
	var walk func(prefix string, m map[string]any) string
	walk = func(prefix string, m map[string]any) string {
		for k, v := range m {
			switch x := v.(type) {
			case string:
				if _, err := registry.ParseDate(x); dateKeys[k] && x != "" && err != nil {
					return prefix + k
				}
			case map[string]any:
				if f := walk(prefix+k+".", x); f != "" {
					return f
				}
			}
		}
		return ""
	}
	return walk("", doc)
}

// jsonError turns a JSON decoding error into a Polish EINVALID.
func jsonError(err error) error {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) && te.Field != "" {
		return &registry.Error{Code: registry.EINVALID, Message: registry.MsgFixFields, Err: err,
			Fields: map[string]string{te.Field: "Nieprawidłowy typ wartości (oczekiwano: " + jsonKind(te.Type.Kind().String()) + ")."}}
	}
	var e *registry.Error
	if errors.As(err, &e) { // e.g. a date or amount that does not parse
		return e
	}
	return &registry.Error{Code: registry.EINVALID, Message: "Treść żądania nie jest poprawnym dokumentem JSON.", Err: err}
}

func jsonKind(k string) string {
	switch {
	case strings.HasPrefix(k, "int"), strings.HasPrefix(k, "float"):
		return "liczba"
	case k == "string":
		return "tekst"
	case k == "bool":
		return "true albo false"
	case k == "slice":
		return "lista"
	}
	return "obiekt"
}

// routesRegisterWrites registers the write API of every register with a writer.
func (s *server) routesRegisterWrites(app *fiber.App) {
	for _, d := range registerDefs {
		d := d
		base := "/api/v1/" + d.API
		app.Post(base, apiHeaders, func(c *fiber.Ctx) error { return s.apiRegisterCreate(c, d) })
		app.Put(base+"/:id", apiHeaders, func(c *fiber.Ctx) error { return s.apiRegisterChange(c, d, "update") })
		for _, op := range []string{"publish", "corrections", "amendments", "withdrawal"} {
			op := op
			app.Post(base+"/:id/"+op, apiHeaders, func(c *fiber.Ctx) error { return s.apiRegisterChange(c, d, op) })
		}
	}
}

// apiRegisterCreate serves POST /api/v1/{register}: files an entry for the body's company,
// as a draft or published at once. 201 with the entry. Errors: 401, 403, 404 (company),
// 422 (fields), 400 (malformed JSON).
func (s *server) apiRegisterCreate(c *fiber.Ctx, d *registerDef) error {
	a := s.actor(c)
	if err := a.RequireCompanyWrite(0); registry.ErrorCode(err) == registry.EUNAUTHORIZED {
		return err
	}
	body := c.Body()
	var ctl writeControl
	if err := json.Unmarshal(body, &ctl); err != nil {
		return jsonError(err)
	}
	if strings.TrimSpace(ctl.Company) == "" {
		return &registry.Error{Code: registry.EINVALID, Message: registry.MsgFixFields, Fields: map[string]string{"company": "Podaj spółkę (jej identyfikator, np. mpk)."}}
	}
	ctx := c.UserContext()
	co, err := s.cfg.Store.FindCompanyBySlug(ctx, strings.TrimSpace(ctl.Company))
	if err != nil {
		return err
	}
	e, err := d.writer.create(ctx, s, a, co.ID, body, ctl.Publish)
	if err != nil {
		return err
	}
	s.notifyIndexer()
	return c.Status(fiber.StatusCreated).JSON(e)
}

// apiRegisterChange serves PUT /api/v1/{register}/{id} (draft edit) and POST
// /api/v1/{register}/{id}/publish|corrections|amendments|withdrawal. Corrections and
// amendments carry the full content after the change and a reason (amendments also
// annex_date); a withdrawal only a reason. Errors: 401, 403, 404, 409 (state), 422, 400.
func (s *server) apiRegisterChange(c *fiber.Ctx, d *registerDef, op string) error {
	a := s.actor(c)
	if err := a.RequireCompanyWrite(0); registry.ErrorCode(err) == registry.EUNAUTHORIZED {
		return err
	}
	id, err := parseID(c, d.One)
	if err != nil {
		return err
	}
	body := c.Body()
	var ctl writeControl
	if op != "publish" {
		if err := json.Unmarshal(body, &ctl); err != nil {
			return jsonError(err)
		}
	}
	ctx, w := c.UserContext(), d.writer
	var e any
	switch op {
	case "update":
		e, err = w.update(ctx, s, a, id, body)
	case "publish":
		e, err = w.publish(ctx, s, a, id)
	case "corrections":
		e, err = w.correct(ctx, s, a, id, body, ctl.Reason)
	case "amendments":
		e, err = w.amend(ctx, s, a, id, body, ctl.AnnexDate, ctl.Reason)
	default:
		e, err = w.withdraw(ctx, s, a, id, ctl.Reason)
	}
	if err != nil {
		return err
	}
	s.notifyIndexer()
	return c.JSON(e)
}

// notifyIndexer tells the indexer (when running) that the change sequence grew.
func (s *server) notifyIndexer() {
	if s.cfg.Indexer != nil {
		s.cfg.Indexer.Notify()
	}
}

func init() {
	expenseDef.writer = newRegisterWriter((*registry.Store).Expenses)
	adDef.writer = newRegisterWriter((*registry.Store).Ads)
	recruitmentDef.writer = newRegisterWriter((*registry.Store).Recruitments)
}
