package web

import (
	"errors"
	"net/http"
	"net/url"
	"runtime/debug"
	"strings"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// httpError is an error as shown to a client: status, code, Polish message and field messages.
type httpError struct {
	Status  int               `json:"-"`
	Code    string            `json:"code"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields"`
}

// statusOf maps an error code to its HTTP status. EINVALID is 400, or 422 when the error
// names fields of a request body (a write); query-string mistakes stay 400.
func statusOf(code string, hasFields, isRead bool) int {
	switch code {
	case registry.EINVALID:
		if hasFields && !isRead {
			return http.StatusUnprocessableEntity
		}
		return http.StatusBadRequest
	case registry.EUNAUTHORIZED:
		return http.StatusUnauthorized
	case registry.EFORBIDDEN:
		return http.StatusForbidden
	case registry.ENOTFOUND:
		return http.StatusNotFound
	case registry.ECONFLICT:
		return http.StatusConflict
	case registry.ETOOLARGE:
		return http.StatusRequestEntityTooLarge
	case registry.ERATELIMIT:
		return http.StatusTooManyRequests
	}
	return http.StatusInternalServerError
}

// fiberErrors maps Fiber's own errors (unknown route, wrong method, body limit, …) to a code
// and a Polish message.
var fiberErrors = map[int]struct{ code, message string }{
	http.StatusBadRequest:            {registry.EINVALID, "Nieprawidłowe żądanie."},
	http.StatusNotFound:              {registry.ENOTFOUND, "Nie ma takiej strony."},
	http.StatusMethodNotAllowed:      {registry.EINVALID, "Ta metoda nie jest dozwolona pod tym adresem."},
	http.StatusRequestEntityTooLarge: {registry.ETOOLARGE, "Przesłane dane są zbyt duże."},
	http.StatusTooManyRequests:       {registry.ERATELIMIT, "Zbyt wiele żądań. Spróbuj ponownie za chwilę."},
	http.StatusRequestTimeout:        {registry.EINVALID, "Przekroczono czas oczekiwania na żądanie."},
	http.StatusUnsupportedMediaType:  {registry.EINVALID, "Wyślij dane jako JSON (nagłówek Content-Type: application/json)."},
}

// classify turns any error into what the client sees. Internal errors get the generic
// message; their detail is only logged.
func classify(err error, isRead bool) httpError {
	var fe *fiber.Error
	if errors.As(err, &fe) {
		if m, ok := fiberErrors[fe.Code]; ok {
			return httpError{Status: fe.Code, Code: m.code, Message: m.message}
		}
		if fe.Code >= 400 && fe.Code < 500 {
			return httpError{Status: fe.Code, Code: registry.EINVALID, Message: "Nieprawidłowe żądanie."}
		}
		return httpError{Status: http.StatusInternalServerError, Code: registry.EINTERNAL, Message: registry.ErrorMessage(err)}
	}
	code := registry.ErrorCode(err)
	fields := registry.ErrorFields(err)
	if code == registry.EINTERNAL {
		fields = nil
	}
	return httpError{Status: statusOf(code, len(fields) > 0, isRead), Code: code, Message: registry.ErrorMessage(err), Fields: fields}
}

// handleError is Fiber's ErrorHandler, the one error path of the app: JSON
// {"error":{"code","message","fields"}} under /api/, a Polish HTML page elsewhere.
func (s *server) handleError(c *fiber.Ctx, err error) error {
	he := classify(err, isRead(c))
	if he.Status >= 500 {
		s.logf("web: %s %s: %v", c.Method(), logTarget(c), err)
	}
	if he.Fields == nil {
		he.Fields = map[string]string{}
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	if isAPI(c) {
		return c.Status(he.Status).JSON(fiber.Map{"error": he})
	}
	p := s.page(c, errorTitle(he.Status))
	p.Data = he
	if rerr := s.render(c, he.Status, "error", p); rerr != nil {
		s.logf("web: rendering the error page: %v", rerr)
		c.Set(fiber.HeaderContentType, fiber.MIMETextPlainCharsetUTF8)
		return c.Status(he.Status).SendString(he.Message)
	}
	return nil
}

// errorTitle is the heading of the error page for a status.
func errorTitle(status int) string {
	switch status {
	case http.StatusBadRequest, http.StatusUnprocessableEntity:
		return "Nieprawidłowe zapytanie"
	case http.StatusUnauthorized:
		return "Wymagane logowanie"
	case http.StatusForbidden:
		return "Brak dostępu"
	case http.StatusNotFound:
		return "Nie znaleziono"
	case http.StatusMethodNotAllowed:
		return "Niedozwolona metoda"
	case http.StatusConflict:
		return "Konflikt"
	case http.StatusRequestEntityTooLarge:
		return "Zbyt duże dane"
	case http.StatusTooManyRequests:
		return "Zbyt wiele żądań"
	}
	return "Błąd serwera"
}

// logPanic logs a recovered panic with its stack; the client gets the generic 500.
func (s *server) logPanic(c *fiber.Ctx, e any) {
	s.logf("web: panic in %s %s: %v\n%s", c.Method(), logTarget(c), e, debug.Stack())
}

// isAPI reports whether the request is for the JSON API.
func isAPI(c *fiber.Ctx) bool {
	p := c.Path()
	return p == "/api" || strings.HasPrefix(p, "/api/")
}

// isRead reports whether the request only reads (GET or HEAD).
func isRead(c *fiber.Ctx) bool {
	m := c.Method()
	return m == fiber.MethodGet || m == fiber.MethodHead
}

// invalidParam returns an EINVALID error about one query parameter (no Fields: a URL
// mistake is a plain 400, never a 422).
func invalidParam(format string, args ...any) error {
	return registry.Errorf(registry.EINVALID, format, args...)
}

// notFound returns an ENOTFOUND error with a Polish message.
func notFound(format string, args ...any) error {
	return registry.Errorf(registry.ENOTFOUND, format, args...)
}

// logTarget is the request's path and query as the log may keep them: the value of
// ?token= (a resident's private tracking link) is replaced, so a failing request to a
// private page leaves no working link in the log.
func logTarget(c *fiber.Ctx) string {
	args := c.Request().URI().QueryArgs()
	if args.Len() == 0 {
		return c.Path()
	}
	q := url.Values{}
	args.VisitAll(func(k, v []byte) {
		val := string(v)
		if strings.EqualFold(string(k), "token") {
			val = "ukryty"
		}
		q.Add(string(k), val)
	})
	return c.Path() + "?" + q.Encode()
}
