package web

import (
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// ledgerPerPage is the default and largest page of GET /api/v1/ledger.
const (
	ledgerPerPage    = 1000
	ledgerMaxPerPage = 1000
)

// apiLedgerPage is the answer of GET /api/v1/ledger.
type apiLedgerPage struct {
	After int64                  `json:"after"`
	Links []*registry.LedgerLink `json:"links"`
	Next  string                 `json:"next,omitempty"` // the next page, when this one is full
}

// apiLedger serves GET /api/v1/ledger?after=SEQ&per_page=N: up to N (default and at most
// 1000) links of the hash chain with seq > SEQ, in order. Errors: 400 for a bad after or per_page.
func (s *server) apiLedger(c *fiber.Ctx) error {
	var after int64
	if v := strings.TrimSpace(c.Query("after")); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 {
			return invalidParam("Parametr after musi być numerem ogniwa (liczbą całkowitą nieujemną).")
		}
		after = n
	}
	perPage, err := perPageParam(c, ledgerMaxPerPage, ledgerPerPage)
	if err != nil {
		return err
	}
	if done, err := s.ledgerConditional(c, "ledger-"+strconv.FormatInt(after, 10)+"-"+strconv.Itoa(perPage)); done || err != nil {
		return err
	}
	links, err := s.cfg.Store.FindLedger(c.UserContext(), after, perPage)
	if err != nil {
		return err
	}
	out := apiLedgerPage{After: after, Links: links}
	if len(links) == perPage {
		out.Next = "/api/v1/ledger?after=" + strconv.FormatInt(links[len(links)-1].Seq, 10) + "&per_page=" + strconv.Itoa(perPage)
	}
	return c.JSON(out)
}

// apiLedgerHead serves GET /api/v1/ledger/head: the last link of the chain (seq 0 and the
// genesis hash when the ledger is empty).
func (s *server) apiLedgerHead(c *fiber.Ctx) error {
	if done, err := s.ledgerConditional(c, "ledger-head"); done || err != nil {
		return err
	}
	h, err := s.cfg.Store.LedgerHead(c.UserContext())
	if err != nil {
		return err
	}
	return c.JSON(h)
}

// ledgerConditional answers 304 when the client's copy of a ledger response is current. The
// entity tag names the ledger's head link, not the register's change sequence: links are
// appended without a register change too (files, request events, the backfills of an upgrade).
func (s *server) ledgerConditional(c *fiber.Ctx, key string) (bool, error) {
	head, err := s.cfg.Store.LedgerHead(c.UserContext())
	if err != nil {
		return false, err
	}
	v := validator{ETag: `W/"` + key + "-" + strconv.FormatInt(head.Seq, 10) + `"`, LastModified: linkTime(head.CreatedAt)}
	return answerNotModified(c, v), nil
}

// linkTime parses a link's created_at (RFC 3339, UTC); zero when empty or malformed.
func linkTime(v string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return time.Time{}
	}
	return t
}
