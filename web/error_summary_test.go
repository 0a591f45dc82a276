package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestErrorSummaryMarkup checks, without a browser, the markup every form sent with mistakes
// shares: the title starts with "Błąd: ", the summary follows the h1 and links to each invalid
// field, which carries aria-invalid and is described by its own message.
func TestErrorSummaryMarkup(t *testing.T) {
	e := mustOpenEnv(t, false)
	e.mustCreateUser(t, "ola", "officer", "mpk")
	anon := e.anonymous(t)
	cases := []struct {
		name, path string
		form       url.Values
		status     int
		want       []string
	}{
		{"login", "/logowanie", url.Values{"login": {"ola"}, "password": {"zle"}}, http.StatusUnauthorized, []string{
			"<title>Błąd: Logowanie", "<h1>Logowanie</h1>\n\n<div class=\"error-summary\" id=\"bledy\" role=\"alert\"",
			`<a href="#login">Nieprawidłowy login lub hasło.</a>`,
			`aria-invalid="true" aria-describedby="login-error"`, `<p class="error" id="login-error">`}},
		{"request", "/wnioski/nowy", url.Values{"company": {""}, "subject": {""}, "text": {""}, "email": {"nie-adres"}}, http.StatusUnprocessableEntity, []string{
			"<title>Błąd: Nowy wniosek", `<h2 id="bledy-tytul">Formularz zawiera 4 błędy</h2>`,
			`<a href="#company">Spółka: `, `<a href="#subject">Czego dotyczy wniosek: `, `<a href="#text">Treść wniosku: `, `<a href="#email">Adres e-mail: `,
			`id="subject" name="subject" type="text" value="" maxlength="200" required aria-invalid="true" aria-describedby="e-subject"`,
			`<p class="error" id="e-subject">`}},
	}
	for _, tc := range cases {
		resp, body := anon.send(t, e, "POST", tc.path, tc.form)
		if resp.StatusCode != tc.status {
			t.Errorf("%s: HTTP %d, want %d", tc.name, resp.StatusCode, tc.status)
		}
		for _, w := range tc.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s: the page lacks %s", tc.name, w)
			}
		}
		if strings.Count(body, `role="alert"`) != 1 {
			t.Errorf("%s: %d alerts, want the summary alone", tc.name, strings.Count(body, `role="alert"`))
		}
	}
	// A page without errors has neither the summary nor the prefix.
	if _, body := anon.send(t, e, "GET", "/wnioski/nowy", nil); strings.Contains(body, "error-summary") || strings.Contains(body, "<title>Błąd") {
		t.Error("the empty request form shows an error summary")
	}
}
