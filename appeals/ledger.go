package appeals

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sync"
	"time"

	"jawnosc/registry"
)

// LinkRequestEvent is the ledger link kind of a request's event (registry.AppendLedgerLink):
// every event is public from the moment it is written (the public timeline shows them all),
// so each gets its link in the transaction that writes it. ref_id: the event, entry_id 0.
const LinkRequestEvent = "request_event"

// EventRecord is what the ledger hashes for an event: the event exactly as the public sees it
// in GET /api/v1/requests/{id} ("events"), with the request's id, reference and company. The
// requester's name and e-mail are already replaced there, and a text the requester did not
// allow to be shown is empty, so the hash commits to nothing private; each attached document
// is in it with its SHA-256 and size. Anyone can recompute it from the public API.
//
// The public view of an event never changes: events are append-only, and the request's
// identity, reference, company and public-text choice are fixed at submission (a trigger of
// migration 002 refuses to change them). A change of the redaction rules that would show an
// already written event differently would make verification report that event: such a change
// must come with a migration that deals with the old links (TestEventRecordStable pins it).
type EventRecord struct {
	RequestID int64  `json:"request_id"`
	Ref       string `json:"ref"`
	Company   string `json:"company"`
	Event     Event  `json:"event"`
}

// eventSubject is what the public view of a request's events depends on besides the events.
type eventSubject struct {
	id          int64
	ref, slug   string
	publicText  bool
	name, email string
}

// record returns the ledger record of ev, an event of the request as it is stored.
func (r eventSubject) record(ev Event) EventRecord {
	return r.recordWith(ev, NewRedactor(r.name, r.email))
}

// recordWith is record with the request's redactor made already.
func (r eventSubject) recordWith(ev Event, red *Redactor) EventRecord {
	return EventRecord{RequestID: r.id, Ref: r.ref, Company: r.slug, Event: viewEvent(ev, red, !r.publicText)}
}

// redactorCache keeps the redactor of the last request seen: verification reads a request's
// events one after another, and a redactor compiles several patterns.
type redactorCache struct {
	mu          sync.Mutex
	name, email string
	red         *Redactor
}

func (c *redactorCache) get(name, email string) *Redactor {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.red == nil || c.name != name || c.email != email {
		c.name, c.email, c.red = name, email, NewRedactor(name, email)
	}
	return c.red
}

// storedEvent returns ev as it reads back from ir_events (time to the millisecond, data
// through its JSON), so the record hashed when it is written is the one verification reads.
func storedEvent(ev Event, data []byte) (Event, error) {
	out := Event{ID: ev.ID, RequestID: ev.RequestID, Type: ev.Type, Actor: ev.Actor, Role: ev.Role, At: parseTime(fmtTime(ev.At))}
	if err := json.Unmarshal(data, &out.Data); err != nil {
		return Event{}, err
	}
	return out, nil
}

// linkEvent appends the link of ev (just written, data its stored JSON) inside tx.
func linkEvent(ctx context.Context, tx *sql.Tx, r *Request, ev Event, data []byte, at time.Time) error {
	stored, err := storedEvent(ev, data)
	if err != nil {
		return registry.Internal(err)
	}
	subj := eventSubject{id: r.ID, ref: r.Ref, slug: r.Company.Slug, publicText: r.PublicText, name: r.Name, email: r.Email}
	h, err := registry.CanonicalHash(subj.record(stored))
	if err != nil {
		return registry.Internal(err)
	}
	_, err = registry.AppendLedgerLink(ctx, tx, LinkRequestEvent, 0, ev.ID, h, at)
	return err
}

// readEvent reads one stored event with what its public view depends on. ok is false when
// there is no such event.
func readEvent(ctx context.Context, q queryer, id int64) (subj eventSubject, ev Event, ok bool, err error) {
	var at, data string
	err = q.QueryRowContext(ctx, `SELECT e.id, e.request_id, e.type, e.actor, e.role, e.at, e.data,
		r.ref, c.slug, r.public_text, r.requester_name, r.requester_email
		FROM ir_events e JOIN ir_requests r ON r.id = e.request_id JOIN companies c ON c.id = r.company_id WHERE e.id = ?`, id).
		Scan(&ev.ID, &ev.RequestID, &ev.Type, &ev.Actor, &ev.Role, &at, &data, &subj.ref, &subj.slug, &subj.publicText, &subj.name, &subj.email)
	if err == sql.ErrNoRows {
		return subj, ev, false, nil
	} else if err != nil {
		return subj, ev, false, err
	}
	subj.id, ev.At = ev.RequestID, parseTime(at)
	if err := json.Unmarshal([]byte(data), &ev.Data); err != nil {
		return subj, ev, false, fmt.Errorf("appeals: event %d: %w", id, err)
	}
	return subj, ev, true, nil
}

// LedgerRecord returns the canonical JSON of the ledger record of an event (what its link's
// data_hash is the SHA-256 of). Returns ENOTFOUND.
func (s *Service) LedgerRecord(ctx context.Context, eventID int64) ([]byte, error) {
	subj, ev, ok, err := readEvent(ctx, s.read, eventID)
	if err != nil {
		return nil, formatError(err)
	}
	if !ok {
		return nil, registry.Errorf(registry.ENOTFOUND, "Nie ma zdarzenia nr %d.", eventID)
	}
	return registry.CanonicalJSON(subj.record(ev))
}

// unlinkedEvents selects the events that have no ledger link.
const unlinkedEvents = `SELECT e.id FROM ir_events e WHERE NOT EXISTS (SELECT 1 FROM ledger l WHERE l.link_kind = 'request_event' AND l.ref_id = e.id) ORDER BY e.id`

// LedgerCheckers lets registry.Store.VerifyLedger check the links of requests' events: it
// recomputes each record from the stored event and request, and names the first event (with
// its documents) that is public but has no link.
func (s *Service) LedgerCheckers() []registry.LinkChecker {
	reds := &redactorCache{}
	return []registry.LinkChecker{{Kind: LinkRequestEvent,
		Record: func(ctx context.Context, id int64) (int64, string, string, error) {
			subj, ev, ok, err := readEvent(ctx, s.read, id)
			if err != nil {
				return 0, "", "", formatError(err)
			}
			if !ok {
				return 0, "", fmt.Sprintf("brak zdarzenia nr %d wniosku", id), nil
			}
			h, err := registry.CanonicalHash(subj.recordWith(ev, reds.get(subj.name, subj.email)))
			return 0, h, "", err
		},
		Unlinked: func(ctx context.Context) (string, error) {
			var id int64
			err := s.read.QueryRowContext(ctx, unlinkedEvents+` LIMIT 1`).Scan(&id)
			if err == sql.ErrNoRows {
				return "", nil
			} else if err != nil {
				return "", formatError(err)
			}
			subj, ev, _, err := readEvent(ctx, s.read, id)
			if err != nil {
				return "", formatError(err)
			}
			what := fmt.Sprintf("zdarzenie nr %d wniosku %s", id, subj.ref)
			for _, d := range ev.Data.Documents {
				what += fmt.Sprintf(" (z dokumentem SHA-256 %s)", d.SHA256)
			}
			return what + " jest publiczne, ale nie ma ogniwa w łańcuchu", nil
		}}}
}

// backfillLedger appends the links of the events written before events entered the ledger
// (migration 002 asks for it once through a meta row, removed in the same transaction).
func (s *Service) backfillLedger(ctx context.Context) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return formatError(err)
	}
	defer tx.Rollback()
	if pending, err := registry.TakeBackfillRequest(ctx, tx, "ledger_backfill_requests"); err != nil || !pending {
		return formatError(err)
	}
	rows, err := tx.QueryContext(ctx, unlinkedEvents)
	if err != nil {
		return formatError(err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return formatError(err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return formatError(err)
	}
	now := s.now()
	for _, id := range ids {
		subj, ev, _, err := readEvent(ctx, tx, id)
		if err != nil {
			return formatError(err)
		}
		h, err := registry.CanonicalHash(subj.record(ev))
		if err != nil {
			return registry.Internal(err)
		}
		if _, err := registry.AppendLedgerLink(ctx, tx, LinkRequestEvent, 0, id, h, now); err != nil {
			return formatError(err)
		}
	}
	return formatError(tx.Commit())
}

// DocumentsReport is the outcome of VerifyDocuments.
type DocumentsReport struct {
	Documents int    `json:"documents"` // documents read
	Bytes     int64  `json:"bytes"`
	Problem   string `json:"problem,omitempty"` // the first missing or changed document, in Polish
}

// OK reports whether every document was found with its recorded content.
func (r *DocumentsReport) OK() bool { return r.Problem == "" }

// VerifyDocuments reads every stored document and checks its bytes against the SHA-256 it
// is kept under and its recorded size, and that every document an event names is stored with
// the size the event records; it stops at the first problem, naming the request and event.
// progress (may be nil) is called with the documents checked so far and the total.
func (s *Service) VerifyDocuments(ctx context.Context, progress func(done, total int)) (*DocumentsReport, error) {
	// Which event names each document, for the messages, and the sizes the events record.
	type use struct {
		event int64
		ref   string
		size  int64
	}
	uses := map[string]use{}
	var order []string
	rows, err := s.read.QueryContext(ctx, `SELECT e.id, r.ref, e.data FROM ir_events e JOIN ir_requests r ON r.id = e.request_id
		WHERE e.data LIKE '%"documents"%' ORDER BY e.id`)
	if err != nil {
		return nil, formatError(err)
	}
	for rows.Next() {
		var id int64
		var ref, data string
		if err := rows.Scan(&id, &ref, &data); err != nil {
			rows.Close()
			return nil, formatError(err)
		}
		var d EventData
		if err := json.Unmarshal([]byte(data), &d); err != nil {
			rows.Close()
			return nil, registry.Internal(fmt.Errorf("appeals: event %d: %w", id, err))
		}
		for _, doc := range d.Documents {
			if _, seen := uses[doc.SHA256]; !seen {
				uses[doc.SHA256] = use{event: id, ref: ref, size: doc.Size}
				order = append(order, doc.SHA256)
			}
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, formatError(err)
	}
	what := func(sha string) string {
		if u, ok := uses[sha]; ok {
			return fmt.Sprintf("dokument %s zdarzenia nr %d wniosku %s", sha, u.event, u.ref)
		}
		return fmt.Sprintf("dokument %s (jeszcze nie dołączony do odpowiedzi)", sha)
	}
	var total int
	if err := s.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM ir_documents`).Scan(&total); err != nil {
		return nil, formatError(err)
	}
	rep := &DocumentsReport{}
	found := map[string]bool{}
	// One document at a time: a BLOB is read whole, and they are at most MaxDocumentSize.
	var key string
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if progress != nil && rep.Documents%100 == 0 && rep.Documents < total {
			progress(rep.Documents, total)
		}
		var size int64
		var content []byte
		err := s.read.QueryRowContext(ctx, `SELECT sha256, size, content FROM ir_documents WHERE sha256 > ? ORDER BY sha256 LIMIT 1`, key).Scan(&key, &size, &content)
		if err == sql.ErrNoRows {
			break
		} else if err != nil {
			return nil, formatError(err)
		}
		sum := sha256.Sum256(content)
		if got := hex.EncodeToString(sum[:]); got != key {
			rep.Problem = fmt.Sprintf("dokument zmieniony: %s ma SHA-256 %s", what(key), got)
			return rep, nil
		}
		if int64(len(content)) != size {
			rep.Problem = fmt.Sprintf("%s: dokument ma %d bajtów, a zapisano %d", what(key), len(content), size)
			return rep, nil
		}
		if u, ok := uses[key]; ok && u.size != size {
			rep.Problem = fmt.Sprintf("%s: dokument ma %d bajtów, a zdarzenie podaje %d", what(key), size, u.size)
			return rep, nil
		}
		found[key] = true
		rep.Documents, rep.Bytes = rep.Documents+1, rep.Bytes+size
	}
	for _, sha := range order {
		if !found[sha] {
			rep.Problem = "brak dokumentu: " + what(sha)
			return rep, nil
		}
	}
	if progress != nil {
		progress(rep.Documents, total)
	}
	return rep, nil
}
