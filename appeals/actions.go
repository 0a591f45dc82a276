package appeals

import (
	"context"

	"jawnosc/registry"
)

// AskClarification asks the resident to clarify the request; the clock pauses (officer of
// the request's company). Returns EUNAUTHORIZED, EFORBIDDEN, ENOTFOUND, EINVALID, ECONFLICT.
func (s *Service) AskClarification(ctx context.Context, a registry.Actor, id int64, text string) (*Request, error) {
	return s.act(ctx, a, id, "", EvClarificationRequested, EventData{Text: text})
}

// Clarify answers the company's question; the clock runs again (the resident, by token).
func (s *Service) Clarify(ctx context.Context, id int64, token, text string) (*Request, error) {
	return s.act(ctx, registry.PublicActor, id, token, EvClarified, EventData{Text: text})
}

// NotifyFee tells the resident the cost of providing the information (UDIP art. 15); the
// clock pauses until the resident accepts it (officer).
func (s *Service) NotifyFee(ctx context.Context, a registry.Actor, id int64, fee registry.Money, text string) (*Request, error) {
	return s.act(ctx, a, id, "", EvFeeNotified, EventData{Text: text, Fee: fee})
}

// AcceptFee records that the resident accepts the fee (the resident, by token).
func (s *Service) AcceptFee(ctx context.Context, id int64, token string) (*Request, error) {
	return s.act(ctx, registry.PublicActor, id, token, EvFeeAccepted, EventData{})
}

// NotifyDelay sets a later date for the answer with reasons; the date is capped at two
// months from submission (officer).
func (s *Service) NotifyDelay(ctx context.Context, a registry.Actor, id int64, until registry.Date, reasons string) (*Request, error) {
	return s.act(ctx, a, id, "", EvDelayNotified, EventData{Text: reasons, RequestedDue: until})
}

// Answer gives the company's answer: disclosed, partial (with the ground and officials of
// the refused part), not public information or not held, with documents (officer).
func (s *Service) Answer(ctx context.Context, a registry.Actor, id int64, d EventData) (*Request, error) {
	return s.act(ctx, a, id, "", EvAnswered, d)
}

// Refuse issues a refusal decision naming its ground, legal basis, justification and the
// officials who took part (officer).
func (s *Service) Refuse(ctx context.Context, a registry.Actor, id int64, d EventData) (*Request, error) {
	return s.act(ctx, a, id, "", EvRefused, d)
}

// AskReconsideration asks the company to reconsider its decision, within 14 days of it
// (the resident, by token).
func (s *Service) AskReconsideration(ctx context.Context, id int64, token, text string) (*Request, error) {
	return s.act(ctx, registry.PublicActor, id, token, EvReconsiderationAsked, EventData{Text: text})
}

// DecideReconsideration decides a reconsideration: upheld, or a new answer (officer).
func (s *Service) DecideReconsideration(ctx context.Context, a registry.Actor, id int64, d EventData) (*Request, error) {
	return s.act(ctx, a, id, "", EvReconsiderationDecided, d)
}

// Appeal appeals to the mayor's office with grounds, when the rules allow it (the
// resident, by token). The appeal's id is the id of its event.
func (s *Service) Appeal(ctx context.Context, id int64, token, grounds string) (*Request, error) {
	return s.act(ctx, registry.PublicActor, id, token, EvAppealed, EventData{Text: grounds})
}

// DecideAppeal records the mayor's office's decision on an appeal (supervisor).
// Returns ENOTFOUND for an unknown appeal and ECONFLICT for one already decided.
func (s *Service) DecideAppeal(ctx context.Context, a registry.Actor, appealID int64, d EventData) (*Request, error) {
	r, err := s.FindRequestByAppeal(ctx, appealID)
	if err != nil {
		return nil, err
	}
	d.AppealID = appealID
	return s.act(ctx, a, r.ID, "", EvAppealDecided, d)
}

// Comply records the company's disclosure instructed by the mayor's office (officer).
func (s *Service) Comply(ctx context.Context, a registry.Actor, id int64, d EventData) (*Request, error) {
	return s.act(ctx, a, id, "", EvComplied, d)
}

// RecordOverdue records that a due date passed with nothing done (system only).
func (s *Service) RecordOverdue(ctx context.Context, a registry.Actor, id int64, term string, due registry.Date) (*Request, error) {
	return s.act(ctx, a, id, "", EvOverdue, EventData{Term: term, Due: due})
}
