package web

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
)

// validator is what a conditional response is checked against: an entity tag and the
// time of the last change.
type validator struct {
	ETag         string
	LastModified time.Time
}

// registerValidator builds the validator of a response derived from the public register:
// the change sequence (bumped by every public change) names the state, key the resource.
func (s *server) registerValidator(ctx context.Context, key string) (validator, error) {
	seq, err := s.cfg.Store.LastChangeSeq(ctx)
	if err != nil {
		return validator{}, err
	}
	mod, err := s.cfg.Store.PublicLastModified(ctx)
	if err != nil {
		return validator{}, err
	}
	return validator{ETag: fmt.Sprintf(`W/"%s-%d"`, key, seq), LastModified: mod}, nil
}

// notModified sets ETag and Last-Modified and reports whether the request's
// If-None-Match (or, without it, If-Modified-Since) shows that the client's copy is
// current; the caller then answers 304 with no body (RFC 9110 §13).
func notModified(c *fiber.Ctx, v validator) bool {
	c.Set(fiber.HeaderETag, v.ETag)
	if !v.LastModified.IsZero() {
		c.Set(fiber.HeaderLastModified, v.LastModified.UTC().Format(http.TimeFormat))
	}
	if inm := c.Get(fiber.HeaderIfNoneMatch); inm != "" {
		return etagMatches(inm, v.ETag)
	}
	if ims := c.Get(fiber.HeaderIfModifiedSince); ims != "" && !v.LastModified.IsZero() {
		t, err := http.ParseTime(ims)
		return err == nil && !v.LastModified.Truncate(time.Second).After(t)
	}
	return false
}

// etagMatches applies the weak comparison of If-None-Match to one entity tag.
func etagMatches(header, etag string) bool {
	want := strings.TrimPrefix(etag, "W/")
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == want {
			return true
		}
	}
	return false
}

// conditional sets the validators of a register-derived response and answers 304 when
// the client's copy is current. It returns true when the response is complete.
func (s *server) conditional(c *fiber.Ctx, key string) (bool, error) {
	v, err := s.registerValidator(c.UserContext(), key)
	if err != nil {
		return false, err
	}
	return answerNotModified(c, v), nil
}

// answerNotModified answers 304 with no body when the client's copy is current under v
// (see notModified) and reports whether it did.
func answerNotModified(c *fiber.Ctx, v validator) bool {
	if !notModified(c, v) {
		return false
	}
	c.Status(fiber.StatusNotModified)
	c.Response().ResetBody()
	return true
}
