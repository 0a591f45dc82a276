package web

import (
	"context"
	"encoding/base64"

	"github.com/gofiber/fiber/v2"

	"jawnosc/audits"
	"jawnosc/registry"
)

// apiAudits serves GET /api/v1/audits?company=&auditor=&year=&overdue=1&page=&per_page=:
// reports without findings and recommendations, newest first. Bad filters: 400.
func (s *server) apiAudits(c *fiber.Ctx) error {
	page, perPage, err := apiPaging(c)
	if err != nil {
		return err
	}
	f, err := s.auditFilter(c)
	if err != nil {
		return err
	}
	f.Offset, f.Limit = (page-1)*perPage, perPage
	list, total, err := s.cfg.Audits.FindReports(c.UserContext(), f)
	if err != nil {
		return err
	}
	for _, r := range list {
		r.Findings, r.Recommendations, r.Responses = []audits.Finding{}, []*audits.Recommendation{}, []audits.Response{}
	}
	return c.JSON(fiber.Map{"total": total, "page": page, "per_page": perPage, "audits": list})
}

// apiAudit serves GET /api/v1/audits/{id}: the whole report (findings, recommendations with
// status history, evidence and computed overdue state, responses, council). Errors: 404.
func (s *server) apiAudit(c *fiber.Ctx) error {
	v, err := s.loadAudit(c)
	if err != nil {
		return err
	}
	return c.JSON(v.R)
}

// decodePDF decodes an optional base64 PDF of a JSON body; bad base64 is EINVALID on field.
func decodePDF(b64, field string) ([]byte, error) {
	if b64 == "" {
		return nil, nil
	}
	b, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		return nil, &registry.Error{Code: registry.EINVALID, Message: registry.MsgFixFields,
			Fields: map[string]string{field: "Plik musi być zakodowany w base64."}}
	}
	return b, nil
}

// apiReportInput is the JSON body of POST /api/v1/audits: the report and its PDF in base64.
type apiReportInput struct {
	audits.ReportInput
	PDF string `json:"pdf_base64"`
}

// apiCreateAudit serves POST /api/v1/audits (auditors): files a report. 201 with the report;
// 401, 403, 422 with the fields, 413.
func (s *server) apiCreateAudit(c *fiber.Ctx) error {
	var in apiReportInput
	if err := decodeJSONBody(c, false, nil, &in); err != nil {
		return err
	}
	if err := audits.CanFile(s.actor(c)); err != nil {
		return err
	}
	var err error
	if in.ReportInput.PDF, err = decodePDF(in.PDF, "pdf_base64"); err != nil {
		return err
	}
	r, err := s.cfg.Audits.CreateReport(c.UserContext(), s.actor(c), in.ReportInput)
	if err != nil {
		return err
	}
	s.notifyIndexer()
	return c.Status(fiber.StatusCreated).JSON(r)
}

// apiResponseInput is the JSON body of responses and evidence.
type apiResponseInput struct {
	Text string `json:"text"`
	PDF  string `json:"pdf_base64"`
}

func (in apiResponseInput) domain() (audits.ResponseInput, error) {
	b, err := decodePDF(in.PDF, "pdf_base64")
	return audits.ResponseInput{Text: in.Text, PDF: b}, err
}

// poster is PostResponse or PostEvidence of the audits store.
type poster func(ctx context.Context, a registry.Actor, id int64, in audits.ResponseInput) (*audits.Response, error)

// apiPostResponse decodes {"text", "pdf_base64"} and posts it with post for the :id of the
// route; 201 with the response.
func (s *server) apiPostResponse(c *fiber.Ctx, what string, post poster) error {
	id, err := parseID(c, what)
	if err != nil {
		return err
	}
	var body apiResponseInput
	if err := decodeJSONBody(c, false, nil, &body); err != nil {
		return err
	}
	in, err := body.domain()
	if err != nil {
		return err
	}
	resp, err := post(c.UserContext(), s.actor(c), id, in)
	if err != nil {
		return err
	}
	s.notifyIndexer()
	return c.Status(fiber.StatusCreated).JSON(resp)
}

// apiAuditResponse serves POST /api/v1/audits/{id}/responses (officers of the company):
// {"text", "pdf_base64"}. 201; 401, 403, 404, 422.
func (s *server) apiAuditResponse(c *fiber.Ctx) error {
	return s.apiPostResponse(c, "audyty", s.cfg.Audits.PostResponse)
}

// apiRecommendationEvidence serves POST /api/v1/recommendations/{id}/evidence (officers of
// the company): {"text", "pdf_base64"}. 201; 401, 403, 404, 422.
func (s *server) apiRecommendationEvidence(c *fiber.Ctx) error {
	return s.apiPostResponse(c, "zalecenia", s.cfg.Audits.PostEvidence)
}

// apiRecommendationStatus serves POST /api/v1/recommendations/{id}/status (auditors):
// {"status", "on", "reason"}. 200 with the recommendation and its history; 401, 403, 404, 422.
func (s *server) apiRecommendationStatus(c *fiber.Ctx) error {
	id, err := parseID(c, "zalecenia")
	if err != nil {
		return err
	}
	var in audits.StatusInput
	if err := decodeJSONBody(c, false, nil, &in); err != nil {
		return err
	}
	rec, err := s.cfg.Audits.ChangeStatus(c.UserContext(), s.actor(c), id, in)
	if err != nil {
		return err
	}
	s.notifyIndexer()
	return c.JSON(rec)
}

// apiAuditCouncil serves POST /api/v1/audits/{id}/council (auditors): {"session", "date"}.
// 200 with the report; 401, 403, 404, 422.
func (s *server) apiAuditCouncil(c *fiber.Ctx) error {
	id, err := parseID(c, "audyty")
	if err != nil {
		return err
	}
	var in audits.Council
	if err := decodeJSONBody(c, false, nil, &in); err != nil {
		return err
	}
	r, err := s.cfg.Audits.SetCouncil(c.UserContext(), s.actor(c), id, in)
	if err != nil {
		return err
	}
	return c.JSON(r)
}

// apiPaging reads ?page= and ?per_page= of a list in the API. Errors: EINVALID (400).
func apiPaging(c *fiber.Ctx) (page, perPage int, err error) {
	if page, err = pageParam(c); err != nil {
		return 0, 0, err
	}
	perPage, err = perPageParam(c, apiMaxPerPage, apiPerPage)
	return page, perPage, err
}
