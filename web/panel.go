package web

import (
	"fmt"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// routesPanel registers the officers' filing pages under /panel (the group already requires a
// signed-in account; the domain checks the role and the company of every read and write).
func (s *server) routesPanel(panel fiber.Router) {
	panel.Get("/umowy", s.handlePanelContracts)
	panel.Get("/umowy/nowa", s.handleNewContractForm)
	panel.Post("/umowy", s.handleCreateContract)
	panel.Get("/umowy/:id", s.handlePanelContract)
	panel.Post("/umowy/:id", s.handleUpdateDraft)
	panel.Get("/umowy/:id/edycja", s.handleEditDraftForm)
	panel.Post("/umowy/:id/publikacja", s.handlePublishDraft)
	panel.Get("/umowy/:id/aneks", s.handleAmendForm)
	panel.Post("/umowy/:id/aneks", s.handleAmend)
	panel.Get("/umowy/:id/korekta", s.handleCorrectForm)
	panel.Post("/umowy/:id/korekta", s.handleCorrect)
	panel.Get("/umowy/:id/wycofanie", s.handleWithdrawForm)
	panel.Post("/umowy/:id/wycofanie", s.handleWithdraw)
	panel.Post("/umowy/:id/zalaczniki", s.handleUploadAttachment)
	panel.Get("/zalaczniki/:id/oryginal", s.handleAttachmentOriginal)
}

// routesAttachments registers the public download of attachments.
func (s *server) routesAttachments(app *fiber.App) {
	app.Get("/zalaczniki/:id", s.handleAttachment)
}

// savedMessages are the notices shown on the panel's entry page after a write (?zapisano=).
var savedMessages = map[string]string{
	"szkic":      "Zapisano szkic. Nie jest jeszcze widoczny publicznie.",
	"publikacja": "Opublikowano umowę. Jest już widoczna w publicznym rejestrze.",
	"aneks":      "Dodano aneks: powstała nowa wersja wpisu.",
	"korekta":    "Zapisano korektę: powstała nowa wersja wpisu.",
	"wycofanie":  "Wycofano wpis. Pozostaje widoczny publicznie z podanym powodem.",
	"zalacznik":  "Dodano załącznik.",
}

// savedRedirect sends the browser to the panel's entry page with a notice (303 See Other).
func savedRedirect(c *fiber.Ctx, id int64, what string) error {
	return c.Redirect(fmt.Sprintf("/panel/umowy/%d?zapisano=%s", id, what), fiber.StatusSeeOther)
}

// notifyIndex wakes the search indexer after a write that changed public content.
func (s *server) notifyIndex() {
	if s.cfg.Indexer != nil {
		s.cfg.Indexer.Notify()
	}
}

// filerContract loads the contract of the route's :id for the panel: the domain refuses the
// public (401), roles that do not file (403) and officers of another company (403).
func (s *server) filerContract(c *fiber.Ctx) (*registry.Contract, error) {
	id, err := parseID(c, "umowy")
	if err != nil {
		return nil, err
	}
	return s.cfg.Store.FindFilerContract(c.UserContext(), s.actor(c), id)
}

// companyChoice returns the companies the actor files for, and the one chosen by slug (nil
// when the slug names none of them; the domain then decides about a foreign company).
func (s *server) companyChoice(c *fiber.Ctx, slug string) ([]*registry.Company, *registry.Company, error) {
	cos, err := s.cfg.Store.FindFilerCompanies(c.UserContext(), s.actor(c))
	if err != nil {
		return nil, nil, err
	}
	for _, co := range cos {
		if co.Slug == slug {
			return cos, co, nil
		}
	}
	return cos, nil, nil
}

// idPath returns "/panel/umowy/{id}" followed by suffix.
func idPath(id int64, suffix string) string {
	return "/panel/umowy/" + strconv.FormatInt(id, 10) + suffix
}
