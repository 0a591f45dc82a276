package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"mime/multipart"
	"net/textproto"
	"net/url"
	"regexp"
	"strings"
)

// The hostile values of the sweep. Path and query values are raw (as they appear in the
// request line): some are invalid percent-encodings on purpose.

// longJunk is an oversized value (a path segment, a query value, a field).
var longJunk = strings.Repeat("x", 1500)

// pathJunk replaces one path parameter at a time.
var pathJunk = []string{
	"0", "-1", "99999999999999999999", "9223372036854775807", "-9223372036854775808", "1.5", "1e3", "0x1f", "abc",
	"%00", "%C3%28", "%FF%FE", "%E2%80%AE", "%zz", "%", "%25", "%20", "1%0A2", "%2E%2E", "..%2F..%2Fetc%2Fpasswd",
	"..%252F..%252Fetc%252Fpasswd", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "'%20OR%201=1--",
	"za%C5%BC%C3%B3%C5%82%C4%87-g%C4%99%C5%9Bl%C4%85-ja%C5%BA%C5%84", "%C5%81%C3%B3d%C5%BA.pdf", "%F0%9F%98%80", longJunk,
}

// pathSuffixes are appended to the path of every route (by the role that sweeps it in full):
// trailing parts, traversal, doubled slashes.
var pathSuffixes = []string{"/", "//", "/../etc/passwd", "/..%2F..%2Fetc%2Fpasswd", "%00", "/%C3%28", ".json", "/x/y/z"}

// queryNames are the query parameters the sweep attacks on every route, besides those the
// route's own filter forms and the OpenAPI document name.
var queryNames = []string{
	"page", "per_page", "sort", "dir", "order", "year", "company", "spolka", "mode", "kind", "band", "value", "q",
	"from", "to", "od", "do", "status", "token", "next", "rule", "quarter", "outcome", "group", "currency",
	"counterparty", "auditor", "after", "actor", "action", "name", "nip", "overdue", "zapisano", "zaimportowano",
	"ok", "limit", "format", "register", "category", "recipient", "outlet", "body", "result", "stage", "id",
}

// queryJunk are the values every query parameter gets, one request each.
var queryJunk = []string{"-1", "99999999999999999999", "abc%C3%28%00", longJunk}

// queryAllJunk are the values all query parameters get at once.
var queryAllJunk = []string{"0", "1e9", "%zz", "%FF", "%F0%9F%98%80%F0%9D%95%8F", "2026-02-30", "31.02.2026", "%3Cscript%3E", "za%C5%BC%C3%B3%C5%82%C4%87", "..%2F..%2Fetc%2Fpasswd", "1,2,,-3,abc"}

// searchJunk is malformed search syntax for q.
var searchJunk = []string{
	"(", ")", "%22", "%22unterminated", "a:b:c", "*", "?", "~", "~~~2", "%2B-", "/[/", "/(/", "field:", ":", "^", "%5C", "%5C%5C%5C",
	"a^99999999999", "a~99999999999", "%2Bsubject:x%20-company:%22", "subject:/.*/", "*%3A*", "value_net:%3E-1", "signed_on:%3E%3D2026",
	"%7B%7D", "[1%20TO]", "AND%20OR%20NOT", "NOT", "%26%26%7C%7C", strings.Repeat("(", 500), strings.Repeat("a%20", 600), "%E2%80%AE%C5%82%C3%B3d%C5%BA", "%F0%9F%98%80~2", "%F0%9D%95%8F*",
}

// rawQueries are whole malformed query strings.
var rawQueries = []string{"%&&&=x", "page", "page[]=1&a[b]=c", "page=1&page=abc;page=2", "q=a&q=b&q=(&%C3%28=%C3%28"}

// jsonRaw are bodies that are not a JSON object (or not JSON at all).
var jsonRaw = []string{
	"", " ", "{", `{"a":`, "[]", "null", `"x"`, "123", "true", `{"":{}}`, "\xef\xbb\xbf{}", `{"subject":"\xff\xfe"}`,
	`{"a":1,"a":2}`, strings.Repeat("[", 10000) + strings.Repeat("]", 10000), strings.Repeat(`{"a":`, 5000) + "1" + strings.Repeat("}", 5000),
	`{"value_net":1e400}`, `{"value_net":-0}`, "{}garbage", "\x00",
}

// wrongTypes are values of the wrong type, given to every property at once.
var wrongTypes = []any{"abc", json.Number("99999999999999999999"), -1, 1.5, []any{}, map[string]any{}, nil, true}

// hostileStrings are values of string properties and form fields.
var hostileStrings = []string{
	"", "   ", "\x00", "abc\u0000def", "-1", "0", "99999999999999999999", "1e400", "2026-02-30", "31.02.2026", "9999-99-99", "NaN",
	"<script>alert(1)</script>", "../../etc/passwd", "Zażółć gęślą jaźń ŁÓDŹ", "\u202e\u0141\u00f3d\u017a", "\xff\xfe\xc3\x28",
	"129 999,99 zł", "-129 999,99 zł", "999999999999999999,99", strings.Repeat("ż", 3000), exotic,
}

// exotic is text a field should accept and every page, feed, export and PDF show: letters
// beyond the Basic Multilingual Plane (emoji, mathematical letters), other scripts, markup
// and SQL.
const exotic = "Zażółć 😀 𝕏 🧑‍💻 ﷽ ᚠ ゆ 가 ا <b>x</b> '; DROP TABLE contracts; --"

// fieldJunk are the values each field gets alone, the rest of the form valid.
var fieldJunk = []string{exotic, "", "\xc3\x28\x00<x>", "99999999999999999999", strings.Repeat("ł", 5000)}

// hostileValues returns, for a property of a JSON schema, type-correct values that are
// hostile, and values of another type.
func hostileValues(prop map[string]any) []any {
	switch prop["type"] {
	case "integer", "number":
		return []any{json.Number("99999999999999999999"), json.Number("9223372036854775807"), json.Number("1000000000000001"), -1, 1.5, "12", nil}
	case "boolean":
		return []any{"tak", 1, nil}
	case "array":
		item, _ := prop["items"].(map[string]any)
		many := make([]any, 1000)
		for i := range many {
			many[i] = hostileObject(item, "x")
		}
		return []any{"x", []any{nil}, []any{hostileObject(item, "")}, []any{hostileObject(item, strings.Repeat("ż", 5000))}, many}
	case "object":
		return []any{[]any{}, "x", hostileObject(prop, ""), hostileObject(prop, "\xc3\x28\x00")}
	}
	out := []any{exotic, "", "\xc3\x28\x00<x>", "2026-02-30", json.Number("12"), []any{"x"}, strings.Repeat("ł", 20000)}
	if prop["format"] == "date" {
		out = append(out, "0001-01-01", "9999-12-31", "2026-02-29T00:00:00Z")
	}
	return out
}

// hostileObject is an object whose every property (from the schema, recursively) is s, or
// the most hostile value of its type.
func hostileObject(schema map[string]any, s string) any {
	if schema == nil {
		return s
	}
	switch schema["type"] {
	case "integer", "number":
		return json.Number("99999999999999999999")
	case "boolean":
		return true
	case "array":
		item, _ := schema["items"].(map[string]any)
		return []any{hostileObject(item, s), hostileObject(item, s)}
	case "object":
		out := map[string]any{}
		for k, p := range schemaProps(schema) {
			out[k] = hostileObject(p, s)
		}
		return out
	}
	return s
}

// mustJSON encodes v; an invalid UTF-8 string stays as its bytes (json.Marshal would
// replace them), so that the server sees them.
func mustJSON(v any) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		panic(err)
	}
	b := bytes.TrimSpace(buf.Bytes())
	return bytes.ReplaceAll(b, []byte(`\ufffd`), []byte("\xff"))
}

// junkFiles are the files the sweep uploads in place of a PDF.
var junkFiles = []struct {
	name, contentType string
	data              []byte
}{
	{"umowa.pdf", "application/pdf", []byte("to nie jest PDF")},
	{"obraz.png", "image/png", pngBytes},
	{"pusty.pdf", "application/pdf", nil},
	{"ucięty.pdf", "application/pdf", []byte("%PDF-1.4\n1 0 obj\n<<")},
	{"strona.pdf", "application/pdf", []byte("<html><script>alert(1)</script></html>")},
	{"../../etc/passwd", "application/octet-stream", []byte("root:x:0:0")},
	{"\x00.pdf", "text/plain", []byte("a;b;c\r\n1;2;3\r\n")},
	{strings.Repeat("ż", 300) + ".pdf", "application/pdf", []byte("%PDF-")},
	{"umowy.csv", "text/csv", []byte(importCSV)},
	{"umowy.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00garbage")},
	{"umowy.csv", "text/csv", []byte("\xef\xbb\xbfnumber;\"signed_on;subject\r\n\"X;\xff\xfe;" + strings.Repeat(";", 5000) + "\r\n")},
	{"umowy.csv", "text/csv", []byte("number;signed_on;subject;counterparty_name;value_net;value_gross;procurement_mode\r\n" +
		"X/1;0001-01-01;\u202e;;92233720368547758,08;-0,01;open_tender\r\nX/2;9999-12-31;a;b;1e308;NaN;zzz\r\n")},
}

// typedJunk are values for fields whose name says what they hold: dates at the ends of the
// calendar, amounts beyond int64, counts beyond int32.
var typedJunk = []struct {
	pattern *regexp.Regexp
	values  []string
}{
	{regexp.MustCompile(`(_on|date|deadline|due|_by|from|to|^od|^do|until|since)$`), []string{"0001-01-01", "9999-12-31", "29.02.2025", "2026-13-01"}},
	{regexp.MustCompile(`(value|amount|fee|gross|net|remuneration|cap|price|sum)`), []string{"92233720368547758,08", "-0,01", "1e308", "10 000 000 000 000,01"}},
	{regexp.MustCompile(`(count|rows|position|finding|year|term|_id$|^id$)`), []string{"-1", "2147483648", "1.5"}},
}

// typedValues are the typedJunk values for a field name.
func typedValues(name string) []string {
	var out []string
	for _, t := range typedJunk {
		if t.pattern.MatchString(name) {
			out = append(out, t.values...)
		}
	}
	return out
}

// multipartBody encodes fields and one file per file field; it returns the body and its
// Content-Type.
func multipartBody(fields url.Values, fileFields []string, name, contentType string, data []byte) ([]byte, string) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, k := range sortedKeys(fields) {
		for _, v := range fields[k] {
			w.WriteField(k, v)
		}
	}
	for _, f := range fileFields {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name=%q; filename=%q`, f, name))
		h.Set("Content-Type", contentType)
		part, err := w.CreatePart(h)
		if err != nil {
			panic(err)
		}
		part.Write(data)
	}
	w.Close()
	return buf.Bytes(), w.FormDataContentType()
}

// encodeForm encodes a form in a fixed order.
func encodeForm(v url.Values) []byte { return []byte(v.Encode()) }
