package web_test

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"jawnosc/pdf"
)

// contractForm returns a valid filing form for a company, with Polish amounts.
func contractForm(company, subject string) url.Values {
	return url.Values{
		"company": {company}, "number": {"MPK/ZP/7/2026"}, "signed_on": {"14.03.2026"}, "subject": {subject},
		"description":       {"Dostawa w trzech partiach."},
		"counterparty.name": {"Tramwaje Serwis sp. z o.o."}, "counterparty.nip": {"676-123-45-65"},
		"counterparty.regon": {"123456785"}, "counterparty.krs": {"0000123456"}, "counterparty.country": {"PL"},
		"counterparty.town": {"Kraków"}, "value_net": {"129 999,99 zł"}, "value_gross": {"159 899,99 zł"},
		"currency": {"PLN"}, "procurement_mode": {"quotation_below_threshold"}, "cpv": {"34631000-9"},
		"start_on": {"2026-04-01"}, "end_on": {"2026-12-31"}, "eu_funded": {"1"}, "action": {"draft"},
		"redaction_rows": {"1"},
	}
}

// with returns a copy of v with the given key/value pairs set.
func with(v url.Values, kv ...string) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out.Set(kv[i], kv[i+1])
	}
	return out
}

// savedID reads the entry id from the redirect after a panel write (/panel/umowy/{id}?zapisano=…).
func savedID(tb testing.TB, resp *http.Response, body string) int64 {
	tb.Helper()
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/panel/umowy/") {
		tb.Fatalf("want a redirect to the entry page, got %d %q %s", resp.StatusCode, loc, excerpt(body))
	}
	rest := strings.TrimPrefix(loc, "/panel/umowy/")
	id, err := strconv.ParseInt(rest[:strings.IndexAny(rest+"?", "?/")], 10, 64)
	if err != nil {
		tb.Fatalf("redirect %q: %v", loc, err)
	}
	return id
}

// mustPDF returns a real PDF document whose text is body.
func mustPDF(tb testing.TB, body string) []byte {
	tb.Helper()
	d := pdf.New(pdf.Meta{Title: "Umowa", Created: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)})
	d.Para(body)
	b, err := d.Bytes()
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// pngBytes is a tiny but real PNG image (1×1 pixel).
var pngBytes = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" +
	"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")

// upload is one file part of a multipart form.
type upload struct {
	field, name, contentType string
	data                     []byte
}

// sendMultipart posts a multipart form (the browser's CSRF token added) with the given files.
func (b *browser) sendMultipart(tb testing.TB, e *testEnv, target string, fields url.Values, files ...upload) (*http.Response, string) {
	tb.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	if _, ok := fields["_csrf"]; !ok {
		w.WriteField("_csrf", b.csrf)
	}
	for k, vs := range fields {
		for _, v := range vs {
			w.WriteField(k, v)
		}
	}
	for _, f := range files {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name=%q; filename=%q`, f.field, f.name))
		h.Set("Content-Type", f.contentType)
		part, err := w.CreatePart(h)
		if err != nil {
			tb.Fatal(err)
		}
		part.Write(f.data)
	}
	w.Close()
	req := httptest.NewRequest("POST", target, &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	return b.do(tb, e, req)
}

// mustSave sends a panel form that must succeed and returns the id of the entry it redirects to.
func (b *browser) mustSave(tb testing.TB, e *testEnv, method, target string, form url.Values) int64 {
	tb.Helper()
	resp, body := b.send(tb, e, method, target, form)
	return savedID(tb, resp, body)
}

// copyForm returns a copy of a form (nil stays nil), so that send's _csrf does not stick to it.
func copyForm(v url.Values) url.Values {
	if v == nil {
		return nil
	}
	return with(v)
}
