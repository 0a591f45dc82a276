// Package registry holds the city companies and their public registers: entries,
// their versions, the change sequence that feeds the search index, the ledger,
// validation of everything a user or an import can send, and the SQLite store.
package registry

import (
	"errors"
	"fmt"
)

// Error codes shared by every domain package. The HTTP layer maps each to one status.
const (
	ECONFLICT     = "conflict"     // 409: the state does not allow it (e.g. publishing twice)
	EINTERNAL     = "internal"     // 500: our fault, logged with detail
	EINVALID      = "invalid"      // 400/422: the input is wrong; Fields says where
	ENOTFOUND     = "not_found"    // 404
	EUNAUTHORIZED = "unauthorized" // 401: who are you?
	EFORBIDDEN    = "forbidden"    // 403: you may not
	ETOOLARGE     = "too_large"    // 413
	ERATELIMIT    = "rate_limited" // 429
)

// Error is the one error type of the domain. Message is Polish and safe to show;
// Fields maps a field name (as in the JSON API / form) to a Polish message.
type Error struct {
	Code    string
	Message string
	Fields  map[string]string
	Err     error // underlying cause, never shown to users
}

// Error implements error.
func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Message, e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns an *Error with the given code and a formatted Polish message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Internal wraps an unexpected error as EINTERNAL with a generic Polish message.
func Internal(err error) *Error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Code: EINTERNAL, Message: "Wystąpił błąd wewnętrzny. Spróbuj ponownie później.", Err: err}
}

// ErrorCode returns the code of err, EINTERNAL for foreign errors and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-facing Polish message of err.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) && e.Code != EINTERNAL {
		return e.Message
	}
	return "Wystąpił błąd wewnętrzny. Spróbuj ponownie później."
}

// ErrorFields returns the per-field messages of err, or nil.
func ErrorFields(err error) map[string]string {
	var e *Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}
