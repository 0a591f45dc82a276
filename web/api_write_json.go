package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"mime"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// The write API's request decoding, shared by every register: a JSON object body is read
// into one or more Go structs whose fields share the top-level keys (e.g. a register's
// content plus {"company","publish"}). Unlike encoding/json it names every problem at
// once: unknown keys (matched exactly, not case-insensitively) and values of the wrong type
// become 422 with "fields" keyed by JSON path ("counterparty.nip", "redactions.0.ground");
// malformed JSON is 400. Keys present in the body replace what the targets held before
// (so a target filled with an entry's current content is updated field by field); null
// clears a field.

// writeBodyLimit is the largest JSON body a write accepts.
const writeBodyLimit = 256 << 10

// msgFixJSON is the message of a body with unknown or mistyped fields.
const msgFixJSON = "Popraw zaznaczone pola w treści żądania."

// decodeJSONBody decodes the request's JSON object into targets (pointers to structs).
// Top-level keys listed in ignored (read-only fields of the entry's GET answer) are
// accepted and skipped. An empty body decodes as {} when allowEmpty.
// Errors: 415 (not JSON), EINVALID 400 (malformed, not UTF-8, not an object), EINVALID 422
// with Fields (unknown keys, wrong types).
func decodeJSONBody(c *fiber.Ctx, allowEmpty bool, ignored []string, targets ...any) error {
	body := bytes.TrimSpace(c.Body())
	if len(body) == 0 {
		if allowEmpty {
			return nil
		}
		return registry.Errorf(registry.EINVALID, "Brak treści żądania: wyślij obiekt JSON.")
	}
	if mt, _, err := mime.ParseMediaType(c.Get(fiber.HeaderContentType)); err != nil || mt != fiber.MIMEApplicationJSON {
		return fiber.ErrUnsupportedMediaType
	}
	return decodeJSON(body, ignored, targets...)
}

// decodeJSON is decodeJSONBody for a body already read.
func decodeJSON(body []byte, ignored []string, targets ...any) error {
	if !utf8.Valid(body) {
		return registry.Errorf(registry.EINVALID, "Treść żądania musi być zakodowana w UTF-8.")
	}
	if !json.Valid(body) {
		var v any
		err := json.Unmarshal(body, &v)
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return registry.Errorf(registry.EINVALID, "Treść żądania nie jest poprawnym JSON-em (błąd około znaku %d).", se.Offset)
		}
		return registry.Errorf(registry.EINVALID, "Treść żądania nie jest poprawnym JSON-em.")
	}
	if body[0] != '{' {
		return registry.Errorf(registry.EINVALID, "Treść żądania musi być obiektem JSON.")
	}
	vals := make([]reflect.Value, len(targets))
	for i, t := range targets {
		vals[i] = reflect.ValueOf(t).Elem()
	}
	d := &jsonDecoder{fields: map[string]string{}}
	d.object(body, vals, "", ignored)
	if len(d.fields) > 0 {
		return &registry.Error{Code: registry.EINVALID, Message: msgFixJSON, Fields: d.fields}
	}
	return nil
}

// jsonDecoder collects a Polish message per JSON path.
type jsonDecoder struct{ fields map[string]string }

func (d *jsonDecoder) fail(path, msg string) {
	if path == "" {
		path = "body"
	}
	if _, ok := d.fields[path]; !ok {
		d.fields[path] = msg
	}
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

var unmarshalerType = reflect.TypeFor[json.Unmarshaler]()

// object decodes a JSON object into the fields of targets (structs), first match wins.
func (d *jsonDecoder) object(raw []byte, targets []reflect.Value, path string, ignored []string) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		d.fail(path, "Oczekiwano obiektu JSON.")
		return
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		found := false
		for _, t := range targets {
			if idx, ok := jsonFields(t.Type())[k]; ok {
				d.value(obj[k], t.FieldByIndex(idx), joinPath(path, k))
				found = true
				break
			}
		}
		if !found && !(path == "" && slices.Contains(ignored, k)) {
			d.fail(joinPath(path, k), "Nieznane pole.")
		}
	}
}

// value decodes one JSON value into v.
func (d *jsonDecoder) value(raw json.RawMessage, v reflect.Value, path string) {
	raw = bytes.TrimSpace(raw)
	if string(raw) == "null" {
		v.SetZero()
		return
	}
	if reflect.PointerTo(v.Type()).Implements(unmarshalerType) {
		fresh := reflect.New(v.Type())
		if err := json.Unmarshal(raw, fresh.Interface()); err != nil {
			d.fail(path, typeMessage(v.Type(), err))
			return
		}
		v.Set(fresh.Elem())
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		if raw[0] != '{' {
			d.fail(path, "Oczekiwano obiektu JSON.")
			return
		}
		d.object(raw, []reflect.Value{v}, path, nil)
	case reflect.Slice:
		var elems []json.RawMessage
		if raw[0] != '[' || json.Unmarshal(raw, &elems) != nil {
			d.fail(path, "Oczekiwano listy JSON.")
			return
		}
		s := reflect.MakeSlice(v.Type(), len(elems), len(elems))
		for i, e := range elems {
			d.value(e, s.Index(i), joinPath(path, strconv.Itoa(i)))
		}
		v.Set(s)
	case reflect.Pointer:
		p := reflect.New(v.Type().Elem())
		d.value(raw, p.Elem(), path)
		v.Set(p)
	default:
		fresh := reflect.New(v.Type())
		if err := json.Unmarshal(raw, fresh.Interface()); err != nil {
			d.fail(path, typeMessage(v.Type(), err))
			return
		}
		v.Set(fresh.Elem())
	}
}

var moneyType = reflect.TypeFor[registry.Money]()

// typeMessage is the Polish message for a value that does not fit type t.
func typeMessage(t reflect.Type, err error) string {
	var re *registry.Error
	if errors.As(err, &re) {
		return re.Message
	}
	if t == moneyType {
		return "Podaj kwotę w groszach jako liczbę całkowitą (np. 12999999 dla 129 999,99 zł)."
	}
	switch t.Kind() {
	case reflect.String:
		return "Oczekiwano tekstu."
	case reflect.Bool:
		return "Oczekiwano wartości true albo false."
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "Oczekiwano liczby całkowitej."
	case reflect.Float32, reflect.Float64:
		return "Oczekiwano liczby."
	}
	return "Nieprawidłowy typ wartości."
}

// jsonFieldCache maps a struct type to its JSON keys and field indexes.
var jsonFieldCache sync.Map

// jsonFields returns the JSON keys of a struct type (as encoding/json names them, fields
// of untagged embedded structs included) with the index path of each field.
func jsonFields(t reflect.Type) map[string][]int {
	if m, ok := jsonFieldCache.Load(t); ok {
		return m.(map[string][]int)
	}
	m := map[string][]int{}
	collectJSONFields(t, nil, m)
	jsonFieldCache.Store(t, m)
	return m
}

func collectJSONFields(t reflect.Type, prefix []int, m map[string][]int) {
	for i := range t.NumField() {
		f := t.Field(i)
		idx := append(slices.Clone(prefix), i)
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" && tag == "-" {
			continue
		}
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			collectJSONFields(f.Type, idx, m)
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if _, dup := m[name]; !dup {
			m[name] = idx
		}
	}
}

// bodyLimit refuses request bodies larger than n bytes with 413 (the app's BodyLimit is
// the ceiling for uploads; JSON and small forms get far less).
func bodyLimit(n int) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if c.Request().Header.ContentLength() > n || len(c.Body()) > n {
			return registry.Errorf(registry.ETOOLARGE, "Przesłane dane są zbyt duże (najwyżej %d KiB).", n>>10)
		}
		return c.Next()
	}
}
