package web

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/gofiber/fiber/v2"

	"jawnosc/appeals"
	"jawnosc/registry"
)

// responseInput is a company's or the mayor's office's step on a request, from the API
// (JSON) or a panel form.
type responseInput struct {
	// Type: answer, refusal, clarification, fee, delay, reconsideration, compliance; for
	// the mayor's office: decision.
	Type       string             `json:"type"`
	Answer     string             `json:"answer"` // answer: disclosed, partial, not_public, not_held; reconsideration: upheld, disclosed, partial
	Text       string             `json:"text"`
	Ground     string             `json:"ground"`
	LegalBasis string             `json:"legal_basis"`
	Holder     string             `json:"holder"`
	Officials  []appeals.Official `json:"officials"`
	Documents  []appeals.Document `json:"documents"` // sha256 (from POST /api/v1/documents), name, redacted
	Fee        string             `json:"fee"`       // "25,00 zł"
	NewDue     string             `json:"new_due"`   // delay: the new date
	Result     string             `json:"result"`    // decision
	ComplyBy   string             `json:"comply_by"` // decision
}

// responseTypes are the types a company's officer may send.
var responseTypes = map[string]bool{"answer": true, "refusal": true, "clarification": true, "fee": true, "delay": true, "reconsideration": true, "compliance": true}

// data converts the input to event data, checking money and dates (EINVALID per field).
func (in *responseInput) data() (appeals.EventData, error) {
	d := appeals.EventData{Text: in.Text, Answer: strings.TrimSpace(in.Answer), Ground: in.Ground, LegalBasis: in.LegalBasis, Holder: in.Holder,
		Officials: in.Officials, Documents: in.Documents, Result: strings.TrimSpace(in.Result)}
	var v registry.Validator
	if strings.TrimSpace(in.Fee) != "" {
		m, err := registry.ParseMoney(in.Fee)
		if !v.Merge("fee", err) {
			d.Fee = m
		}
	}
	if strings.TrimSpace(in.NewDue) != "" {
		dd, err := registry.ParseDate(in.NewDue)
		if !v.Merge("new_due", err) {
			d.RequestedDue = dd
		}
	}
	if strings.TrimSpace(in.ComplyBy) != "" {
		dd, err := registry.ParseDate(in.ComplyBy)
		if !v.Merge("comply_by", err) {
			d.ComplyBy = dd
		}
	}
	return d, v.Err()
}

// respond applies a company's step to request id as actor a.
func (s *server) respond(ctx context.Context, a registry.Actor, id int64, in responseInput) (*appeals.Request, error) {
	svc := s.cfg.Appeals
	if !responseTypes[in.Type] {
		return nil, &registry.Error{Code: registry.EINVALID, Message: registry.MsgFixFields,
			Fields: map[string]string{"type": "Wybierz jedną z wartości: answer, refusal, clarification, fee, delay, reconsideration, compliance."}}
	}
	d, err := in.data()
	if err != nil {
		return nil, err
	}
	switch in.Type {
	case "answer":
		if d.Answer == appeals.OutcomeRefused {
			return svc.Refuse(ctx, a, id, d)
		}
		return svc.Answer(ctx, a, id, d)
	case "refusal":
		return svc.Refuse(ctx, a, id, d)
	case "clarification":
		return svc.AskClarification(ctx, a, id, d.Text)
	case "fee":
		if d.Fee == 0 && strings.TrimSpace(in.Fee) == "" {
			return nil, &registry.Error{Code: registry.EINVALID, Message: registry.MsgFixFields, Fields: map[string]string{"fee": "Podaj kwotę opłaty, np. 25,00 zł."}}
		}
		return svc.NotifyFee(ctx, a, id, d.Fee, d.Text)
	case "delay":
		return svc.NotifyDelay(ctx, a, id, d.RequestedDue, d.Text)
	case "reconsideration":
		return svc.DecideReconsideration(ctx, a, id, d)
	}
	return svc.Comply(ctx, a, id, d)
}

// formOfficials reads up to three officials (official_name_N, official_function_N).
func formOfficials(c *fiber.Ctx) []appeals.Official {
	var out []appeals.Official
	for i := 1; i <= 3; i++ {
		name, fn := strings.TrimSpace(c.FormValue(fmt.Sprintf("official_name_%d", i))), strings.TrimSpace(c.FormValue(fmt.Sprintf("official_function_%d", i)))
		if name != "" || fn != "" {
			out = append(out, appeals.Official{Name: name, Function: fn})
		}
	}
	return out
}

// formDocuments stores the PDFs uploaded with a panel form (field "documents") and adds the
// ones kept from an earlier failed attempt (doc_sha / doc_name); "documents_redacted"
// marks them as redacted copies. Returns ETOOLARGE or EINVALID for a bad file.
func (s *server) formDocuments(c *fiber.Ctx, a registry.Actor) ([]appeals.Document, error) {
	redacted := c.FormValue("documents_redacted") == "1"
	var docs []appeals.Document
	if mf, err := c.MultipartForm(); err == nil {
		shas, names := mf.Value["doc_sha"], mf.Value["doc_name"]
		for i, sha := range shas {
			d := appeals.Document{SHA256: sha, Redacted: redacted}
			if i < len(names) {
				d.Name = names[i]
			}
			docs = append(docs, d)
		}
		for _, fh := range mf.File["documents"] {
			if fh.Size == 0 && fh.Filename == "" {
				continue
			}
			if fh.Size > appeals.MaxDocumentSize {
				return docs, &registry.Error{Code: registry.ETOOLARGE, Message: "Plik jest zbyt duży (najwyżej 8 MB).", Fields: map[string]string{"documents": "Plik „" + fh.Filename + "” jest zbyt duży (najwyżej 8 MB)."}}
			}
			f, err := fh.Open()
			if err != nil {
				return docs, registry.Internal(err)
			}
			content, err := io.ReadAll(io.LimitReader(f, appeals.MaxDocumentSize+1))
			f.Close()
			if err != nil {
				return docs, registry.Internal(err)
			}
			d, err := s.cfg.Appeals.StoreDocument(c.UserContext(), a, fh.Filename, content)
			if err != nil {
				return docs, err
			}
			d.Redacted = redacted
			docs = append(docs, d)
		}
	}
	return docs, nil
}
