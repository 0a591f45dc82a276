package appeals_test

import (
	"reflect"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"jawnosc/appeals"
	"jawnosc/registry"
)

// TestPublicViewRedactsEveryTypedField fills every string field of every event's data with
// the requester's name and e-mail and checks that the public view hides them in all but the
// fields that hold codes, dates and the officials' names (which validation or the law fix).
// A new free-text field of EventData fails here until View redacts it.
func TestPublicViewRedactsEveryTypedField(t *testing.T) {
	const name, email = "Zdzisława Przybylska-Ćwik", "zdzicha.pc1958@poczta.example.org"
	kept := map[string]bool{"Answer": true, "Ground": true, "Result": true, "Term": true, "NewDue": true, "RequestedDue": true,
		"ComplyBy": true, "Due": true, "Officials.Name": true, "Documents.SHA256": true}
	var d appeals.EventData
	fill(reflect.ValueOf(&d).Elem(), "Pismo Pani "+name+" ("+email+")")
	r := &appeals.Request{ID: 1, Ref: "MPK/UDIP/2026/1", Company: &registry.Company{Slug: "mpk"}, Subject: "Wniosek " + name, Text: name,
		PublicText: true, Name: name, Email: email, State: &appeals.State{},
		Events: []appeals.Event{{ID: 1, Type: appeals.EvRefused, Data: d}}}
	v := r.View(appeals.ViewPublic, "2026-03-10")
	walk(reflect.ValueOf(v.Events[0].Data), "", func(path, s string) {
		low := strings.ToLower(s)
		leaks := strings.Contains(low, "przybylsk") || strings.Contains(low, "zdzicha")
		if leaks && !kept[path] {
			t.Errorf("the public view shows %s: %q", path, s)
		}
		if !leaks && kept[path] {
			t.Errorf("%s changed in the public view: %q", path, s)
		}
	})
	if strings.Contains(v.Subject, "Przybylsk") || strings.Contains(v.Text, "Przybylsk") {
		t.Errorf("subject %q, text %q", v.Subject, v.Text)
	}
}

// fill sets every string (and slice element's string) under v to s.
func fill(v reflect.Value, s string) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			fill(v.Field(i), s)
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fill(v.Index(0), s)
	}
}

// walk calls fn with the path ("Officials.Name") and value of every string under v.
func walk(v reflect.Value, path string, fn func(path, s string)) {
	switch v.Kind() {
	case reflect.String:
		fn(path, v.String())
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			p := v.Type().Field(i).Name
			if path != "" {
				p = path + "." + p
			}
			walk(v.Field(i), p, fn)
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			walk(v.Index(i), path, fn)
		}
	}
}

// TestRedactorCanonicalForms: a name typed with combining accents (NFD, as some systems send
// it), a requester's name itself given in NFD, and a name split by a soft hyphen or a
// zero-width space are hidden like the plain one.
func TestRedactorCanonicalForms(t *testing.T) {
	const name = "Zdzisława Przybylska-Ćwik"
	for _, tc := range []struct{ requester, text string }{
		{name, norm.NFD.String("Pismo Pani " + name + ".")},
		{norm.NFD.String(name), "Pismo do Pani Zdzisławy Przybylskiej-Ćwik."},
		{name, "Pismo Pani Przy\u00adbylskiej-Ćw\u200bik."},
		{name, "Pismo Pani Zdzisła\u2060wy."},
		// left-to-right mark (copy-paste), combining grapheme joiner, invisible separator,
		// variation selector, a bidirectional override
		{name, "Pismo Pani Przybyl\u200eskiej-Ćwik."},
		{name, "Pismo Pani Przybyl\u034fskiej-Ćw\u2063ik."},
		{name, "Pismo Pani Zdzisła\ufe0fwy \u202ePrzybylskiej\u202c."},
	} {
		out := appeals.NewRedactor(tc.requester, "").Text(tc.text)
		visible := strings.Map(func(r rune) rune {
			if unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r) || unicode.Is(unicode.Variation_Selector, r) {
				return -1
			}
			return r
		}, norm.NFC.String(out))
		low := strings.ToLower(visible)
		if strings.Contains(low, "przybyl") || strings.Contains(low, "ćwik") || strings.Contains(low, "cwik") || strings.Contains(low, "zdzis") {
			t.Errorf("requester %q, text %q: %q", tc.requester, tc.text, out)
		}
	}
	// An e-mail address with an invisible character inside is hidden whole, domain included.
	if out := appeals.NewRedactor("Jan Kowalski", "jan.kowalski@example.pl").Text("Proszę pisać na jan.kowalski\u200e@example.pl."); strings.Contains(out, "example") || strings.Contains(out, "kowalski") {
		t.Errorf("e-mail with a mark inside: %q", out)
	}
}

// TestOutboxErrorHidesAddress: when the mail server refuses a resident's address and quotes
// it, neither the error the job returns (and logs) nor the one kept in the outbox holds it.
func TestOutboxErrorHidesAddress(t *testing.T) {
	e := mustOpen(t, "2026-03-02")
	smtpd := startSMTP(t)
	smtpd.reject = true
	mailer, err := appeals.ParseSMTPURL("smtp://" + smtpd.ln.Addr().String() + "?from=jawnosc@krakow.example")
	if err != nil {
		t.Fatal(err)
	}
	e.svc.TrackingMail = true
	e.submit(t, true)
	n, err := e.svc.SendOutbox(ctx, mailer)
	if n != 0 || err == nil || !strings.Contains(err.Error(), "550") {
		t.Fatalf("sent %d, error %v", n, err)
	}
	if strings.Contains(strings.ToLower(err.Error()), "kowalska") {
		t.Errorf("the error names the address: %v", err)
	}
	var stored string
	if err := e.store.ReadDB().QueryRow(`SELECT error FROM ir_outbox WHERE kind = 'tracking_link'`).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stored, "550") || strings.Contains(strings.ToLower(stored), "kowalska") {
		t.Errorf("the outbox keeps the error %q", stored)
	}
}

// TestAudienceOf: the company's officers and the mayor's office get the official view (the
// requester's name, to answer and decide), an officer of another company and the public the
// public one, without the name or the e-mail.
func TestAudienceOf(t *testing.T) {
	e := mustOpen(t, "2026-03-02")
	r, _ := e.submit(t, true)
	for _, tc := range []struct {
		who  string
		a    registry.Actor
		want string
	}{
		{"the company's officer", e.officer, appeals.ViewOfficial},
		{"the mayor's office", e.office, appeals.ViewOfficial},
		{"another company's officer", e.other, appeals.ViewPublic},
		{"the public", registry.PublicActor, appeals.ViewPublic},
		{"an auditor", registry.Actor{Role: registry.RoleAuditor, Login: "audytor"}, appeals.ViewPublic},
	} {
		aud := appeals.AudienceOf(tc.a, r)
		if aud != tc.want {
			t.Errorf("%s: %s, want %s", tc.who, aud, tc.want)
		}
		v := r.View(aud, "2026-03-03")
		named := v.Requester != nil && v.Requester.Name == "Anna Kowalska"
		if named != (tc.want == appeals.ViewOfficial) || (v.Requester != nil && v.Requester.Email != "") {
			t.Errorf("%s sees the requester %+v", tc.who, v.Requester)
		}
		if tc.want == appeals.ViewPublic && strings.Contains(v.Text+v.Events[0].Data.Text, "Kowalska") {
			t.Errorf("%s sees the name in the text: %q", tc.who, v.Text)
		}
	}
}
