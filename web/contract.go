package web

import (
	"context"

	"github.com/gofiber/fiber/v2"

	"jawnosc/audits"
	"jawnosc/registry"
)

// publicationDeadlineDays is how soon after signing a contract should be published; a
// longer delay is pointed out on the contract page (SPEC.md "Signals").
const publicationDeadlineDays = 7

// contractView is the data of a contract page.
type contractView struct {
	C           *registry.Contract
	Versions    []*registry.ContractVersion
	Amendments  []registry.Amendment
	Attachments []*registry.Attachment // the public gets each one's redacted copy when there is one
	Late        bool                   // published more than publicationDeadlineDays after signing
	Deadline    int
	Signals     []*audits.Signal // signals resting on this contract
}

// loadContract returns the public view of a contract visible to the actor, with its
// published versions and annexes (also public views). Errors: ENOTFOUND.
func (s *server) loadContract(c *fiber.Ctx) (*contractView, error) {
	id, err := parseID(c, "umowy")
	if err != nil {
		return nil, err
	}
	return s.contractByID(c.UserContext(), s.actor(c), id)
}

// contractByID is loadContract for a known id.
func (s *server) contractByID(ctx context.Context, a registry.Actor, id int64) (*contractView, error) {
	ct, err := s.cfg.Store.FindContractByID(ctx, a, id)
	if err != nil {
		return nil, err
	}
	ct = ct.Public() // the public site and API show what the public may see, to everyone
	versions, err := s.cfg.Store.FindContractHistory(ctx, id)
	if err != nil {
		return nil, err
	}
	if versions == nil {
		versions = []*registry.ContractVersion{}
	}
	v := &contractView{C: ct, Versions: versions, Amendments: registry.Amendments(versions), Deadline: publicationDeadlineDays}
	if v.Attachments, err = s.cfg.Store.FindAttachments(ctx, a, id); err != nil {
		return nil, err
	}
	v.Late = ct.PublicationDelayDays != nil && *ct.PublicationDelayDays > publicationDeadlineDays
	if v.Signals, err = s.entrySignals(ctx, id); err != nil {
		return nil, err
	}
	return v, nil
}

// handleContract serves GET /umowy/{id}: every field of the contract, its redactions,
// publication delay, annexes, version history with the changes between versions, and
// the withdrawn state. Unknown id or a draft: 404.
func (s *server) handleContract(c *fiber.Ctx) error {
	v, err := s.loadContract(c)
	if err != nil {
		return err
	}
	p := s.page(c, v.C.DisplayTitle())
	p.Nav = "umowy"
	p.Data = v
	return s.render(c, fiber.StatusOK, "contract", p)
}
