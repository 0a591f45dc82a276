package web

import (
	"github.com/gofiber/fiber/v2"

	"jawnosc/audits"
	"jawnosc/registry"
)

// handleAuditSummaryPDF serves GET /audyty/{id}/podsumowanie.pdf: the audit summary as a
// PDF (fields, findings, recommendations with their history, the company's response).
func (s *server) handleAuditSummaryPDF(c *fiber.Ctx) error {
	v, err := s.loadAudit(c)
	if err != nil {
		return err
	}
	doc, err := v.R.SummaryPDF(s.cfg.Audits.Now())
	if err != nil {
		return registry.Internal(err)
	}
	return sendPDF(c, doc, "audyt-"+idStr(v.R.ID)+".pdf", false)
}

// handleCompanyExtractPDF serves GET /spolki/{slug}/wyciag.pdf?from=&to=: the company's
// register extract for the period (default: the current year so far) — its contracts with
// totals, audit reports and signals. A bad period: 400 with the message.
func (s *server) handleCompanyExtractPDF(c *fiber.Ctx) error {
	ctx := c.UserContext()
	co, err := s.cfg.Store.FindCompanyBySlug(ctx, c.Params("slug"))
	if err != nil {
		return err
	}
	now := s.cfg.Audits.Now()
	today := registry.DateOf(now, registry.Warsaw())
	from, to := formDate(c.Query("from", string(today[:4])+"-01-01")), formDate(c.Query("to", string(today)))
	if err := audits.ValidatePeriod(from, to); err != nil {
		return invalidParam("Nieprawidłowy okres wyciągu: %s", periodMessage(err))
	}
	ex, err := s.cfg.Audits.CompanyExtract(ctx, co, from, to)
	if err != nil {
		return err
	}
	doc, err := ex.PDF(now)
	if err != nil {
		return registry.Internal(err)
	}
	return sendPDF(c, doc, "wyciag-"+co.Slug+"-"+string(from)+"-"+string(to)+".pdf", false)
}

// periodMessage joins the field messages of a period error ("from" first).
func periodMessage(err error) string {
	f := registry.ErrorFields(err)
	msg := ""
	for _, k := range []string{"from", "to"} {
		if m := f[k]; m != "" {
			if msg != "" {
				msg += " "
			}
			msg += map[string]string{"from": "początek: ", "to": "koniec: "}[k] + m
		}
	}
	return msg
}
