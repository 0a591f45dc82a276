package main

import (
	"context"
	"testing"
	"time"

	"jawnosc/appeals"
	"jawnosc/registry"
)

// TestRequestsDailyJob runs the scheduler's requests-daily entry with a pinned clock over a
// real database: the overdue request gets its overdue event; a second run adds nothing.
func TestRequestsDailyJob(t *testing.T) {
	ctx := context.Background()
	store, err := openStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if err := store.CreateCompany(ctx, registry.SystemActor("test"), &registry.Company{Slug: "mpk", Name: "MPK S.A.", ShortName: "MPK"}); err != nil {
		t.Fatal(err)
	}
	t.Setenv("JAWNOSC_SMTP_URL", "")
	svc, mailer, err := openAppeals(ctx, store, "127.0.0.1:0")
	if err != nil || mailer != nil {
		t.Fatalf("openAppeals: %v %v", mailer, err)
	}
	submitted := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	svc.Now = func() time.Time { return submitted }
	r, _, err := svc.Submit(ctx, registry.PublicActor, appeals.Submission{Company: "mpk", Subject: "Umowy", Text: "Proszę o umowy."})
	if err != nil {
		t.Fatal(err)
	}
	pinned := time.Date(2026, 3, 17, 6, 5, 0, 0, time.UTC)
	var run func(context.Context) error
	for _, j := range scheduledJobs(jobDeps{Store: store, Appeals: svc, Now: func() time.Time { return pinned }}) {
		if j.Name == "requests-daily" {
			run = j.Run
		}
	}
	if run == nil {
		t.Fatal("no requests-daily job in the scheduler")
	}
	for i := 0; i < 2; i++ {
		if err := run(ctx); err != nil {
			t.Fatal(err)
		}
	}
	got, err := svc.FindRequest(ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range got.Events {
		if e.Type == appeals.EvOverdue {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d overdue events after two runs, want 1", n)
	}
	t.Setenv("JAWNOSC_SMTP_URL", "http://nie-smtp")
	if _, _, err := openAppeals(ctx, store, "127.0.0.1:0"); registry.ErrorCode(err) != registry.EINVALID {
		t.Fatalf("a bad SMTP URL: %v", err)
	}
}
