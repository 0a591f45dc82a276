package main

import (
	"context"
	"log"
	"os"
	"time"

	"jawnosc/appeals"
	"jawnosc/registry"
)

// openAppeals opens the information requests on the store and, when JAWNOSC_SMTP_URL is
// set, the mailer for their notifications (otherwise they stay visible in the panel).
// JAWNOSC_BASE_URL (default http://ADDR) prefixes the links in e-mails.
func openAppeals(ctx context.Context, store *registry.Store, addr string) (*appeals.Service, *appeals.Mailer, error) {
	svc, err := appeals.Open(ctx, store)
	if err != nil {
		return nil, nil, err
	}
	svc.BaseURL = env("JAWNOSC_BASE_URL", "http://"+addr)
	raw := os.Getenv("JAWNOSC_SMTP_URL")
	if raw == "" {
		return svc, nil, nil
	}
	m, err := appeals.ParseSMTPURL(raw)
	if err != nil {
		return nil, nil, err
	}
	svc.TrackingMail = true
	log.Printf("notifications: e-mail through %s", m.Addr)
	return svc, m, nil
}

// requestsDaily is the daily job of the information requests: overdue events, reminders,
// notices, then the outbox by e-mail when configured.
func requestsDaily(d jobDeps) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		if d.Appeals == nil {
			return nil
		}
		now := time.Now
		if d.Now != nil {
			now = d.Now
		}
		rep, err := d.Appeals.RunDaily(ctx, now(), d.Mailer)
		if rep != nil && (rep.Overdue+rep.Reminders+rep.Notices+rep.Sent) > 0 {
			log.Printf("job requests-daily: %d overdue recorded, %d reminders and %d notices queued, %d e-mails sent", rep.Overdue, rep.Reminders, rep.Notices, rep.Sent)
		}
		return err
	}
}

// requestsOutbox sends queued notifications (the tracking link right after submission)
// when SMTP is configured.
func requestsOutbox(d jobDeps) func(ctx context.Context) error {
	return func(ctx context.Context) error {
		if d.Appeals == nil || d.Mailer == nil {
			return nil
		}
		_, err := d.Appeals.SendOutbox(ctx, d.Mailer)
		return err
	}
}
