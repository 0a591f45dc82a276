package appeals

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/mail"
	"net/smtp"
	"net/url"
	"strings"
	"time"

	"jawnosc/registry"
)

// Mailer sends notifications over SMTP (net/smtp: STARTTLS when the server offers it,
// PLAIN authentication when the URL has a user).
type Mailer struct {
	Addr string // host:port
	From string
	auth smtp.Auth
}

// ParseSMTPURL reads JAWNOSC_SMTP_URL: smtp://[user:password@]host[:port]?from=address
// (port 25 by default). Returns EINVALID for a malformed URL.
func ParseSMTPURL(raw string) (*Mailer, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "smtp" || u.Hostname() == "" {
		return nil, registry.Errorf(registry.EINVALID, "JAWNOSC_SMTP_URL musi mieć postać smtp://użytkownik:hasło@serwer:port?from=adres.")
	}
	from := u.Query().Get("from")
	if a, err := mail.ParseAddress(from); err != nil || a.Address != from {
		return nil, registry.Errorf(registry.EINVALID, "JAWNOSC_SMTP_URL: podaj adres nadawcy jako ?from=adres@domena.")
	}
	port := u.Port()
	if port == "" {
		port = "25"
	}
	m := &Mailer{Addr: net.JoinHostPort(u.Hostname(), port), From: from}
	if u.User != nil {
		pw, _ := u.User.Password()
		m.auth = smtp.PlainAuth("", u.User.Username(), pw, u.Hostname())
	}
	return m, nil
}

// Send sends one plain-text UTF-8 message.
func (m *Mailer) Send(to, subject, body string) error {
	if strings.ContainsAny(to, "\r\n") || strings.ContainsAny(subject, "\r\n") {
		return fmt.Errorf("appeals: header injection refused")
	}
	msg := "From: " + m.From + "\r\n" +
		"To: " + to + "\r\n" +
		"Subject: " + mime.QEncoding.Encode("utf-8", subject) + "\r\n" +
		"Date: " + time.Now().Format(time.RFC1123Z) + "\r\n" +
		"MIME-Version: 1.0\r\n" +
		"Content-Type: text/plain; charset=utf-8\r\n" +
		"Content-Transfer-Encoding: 8bit\r\n\r\n" +
		strings.ReplaceAll(strings.ReplaceAll(body, "\r\n", "\n"), "\n", "\r\n") + "\r\n"
	return smtp.SendMail(m.Addr, m.auth, m.From, []string{to}, []byte(msg))
}

// SendOutbox sends every queued notification that has an address and was not sent yet,
// recording each result; it returns how many were sent. A failed message stays queued with
// its error and is tried again next time.
func (s *Service) SendOutbox(ctx context.Context, m *Mailer) (int, error) {
	list, err := s.unsent(ctx, 500)
	if err != nil {
		return 0, err
	}
	sent := 0
	var firstErr error
	for _, n := range list {
		if err := ctx.Err(); err != nil {
			return sent, err
		}
		sendErr := scrubAddress(m.Send(n.To, n.Subject, n.Body), n.To)
		if err := s.markSent(ctx, n.ID, sendErr); err != nil {
			return sent, err
		}
		if sendErr == nil {
			sent++
		} else if firstErr == nil {
			firstErr = fmt.Errorf("appeals: sending notification %d: %w", n.ID, sendErr)
		}
	}
	return sent, firstErr
}

// scrubAddress returns err with the recipient's address replaced by Redacted: SMTP servers
// quote the address when they refuse it ("550 <jan@example.pl>: user unknown"), and the
// error is stored in the outbox and logged by the job that sends it.
func scrubAddress(err error, to string) error {
	if err == nil || to == "" {
		return err
	}
	if msg := NewRedactor("", to).Text(err.Error()); msg != err.Error() {
		return errors.New(msg)
	}
	return err
}
