package appeals_test

import (
	"bufio"
	"context"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"jawnosc/appeals"
	"jawnosc/registry"
)

var (
	system = registry.SystemActor("test")
	ctx    = context.Background()
)

// env is a real registry store with the appeals tables and two companies.
type env struct {
	store    *registry.Store
	svc      *appeals.Service
	now      time.Time
	mpk, mpo *registry.Company
	officer  registry.Actor // officer of MPK
	other    registry.Actor // officer of MPO
	office   registry.Actor // the mayor's office
}

// mustOpen opens the store in a temporary directory with the clock pinned at start.
func mustOpen(tb testing.TB, start string) *env {
	tb.Helper()
	s, err := registry.Open(filepath.Join(tb.TempDir(), "jawnosc.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	e := &env{store: s, now: noon(start)}
	e.mpk = &registry.Company{Slug: "mpk", Name: "Miejskie Przedsiębiorstwo Komunikacyjne S.A.", ShortName: "MPK"}
	e.mpo = &registry.Company{Slug: "mpo", Name: "Miejskie Przedsiębiorstwo Oczyszczania sp. z o.o.", ShortName: "MPO"}
	for _, c := range []*registry.Company{e.mpk, e.mpo} {
		if err := s.CreateCompany(ctx, system, c); err != nil {
			tb.Fatal(err)
		}
	}
	if e.svc, err = appeals.Open(ctx, s); err != nil {
		tb.Fatal(err)
	}
	e.svc.Now = func() time.Time { return e.now }
	e.officer = registry.Actor{Role: registry.RoleOfficer, Login: "ewa.mpk", Companies: []int64{e.mpk.ID}}
	e.other = registry.Actor{Role: registry.RoleOfficer, Login: "olek.mpo", Companies: []int64{e.mpo.ID}}
	e.office = registry.Actor{Role: registry.RoleSupervisor, Login: "nadzor"}
	return e
}

// noon returns 12:00 Warsaw time on an ISO day.
func noon(d string) time.Time {
	t, err := time.ParseInLocation("2006-01-02 15:04", d+" 12:00", appeals.Warsaw)
	if err != nil {
		panic(err)
	}
	return t
}

// on moves the clock to noon of day d.
func (e *env) on(d string) { e.now = noon(d) }

// submit files a request to MPK from Anna Kowalska.
func (e *env) submit(tb testing.TB, public bool) (*appeals.Request, string) {
	tb.Helper()
	r, tok, err := e.svc.Submit(ctx, registry.PublicActor, appeals.Submission{Company: "mpk", Subject: "Umowa na reklamę w mediach",
		Text: "Proszę o kopię umowy na kampanię reklamową. Anna Kowalska", Name: "Anna Kowalska", Email: "anna.kowalska@example.pl", PublicText: public})
	if err != nil {
		tb.Fatalf("submit: %v %v", err, registry.ErrorFields(err))
	}
	return r, tok
}

// ok returns a function that fails the test on an error and returns the request:
// r = ok(t)(svc.Answer(...)).
func ok(tb testing.TB) func(*appeals.Request, error) *appeals.Request {
	return func(r *appeals.Request, err error) *appeals.Request {
		tb.Helper()
		if err != nil {
			tb.Fatalf("%v %v", err, registry.ErrorFields(err))
		}
		return r
	}
}

var officials = []appeals.Official{{Name: "Jan Nowak", Function: "Prezes Zarządu"}, {Name: "Maria Lis", Function: "radca prawny"}}

// smtpServer is a small SMTP listener on 127.0.0.1 that records the messages it receives.
type smtpServer struct {
	ln   net.Listener
	mu   sync.Mutex
	msgs []string
	rcpt []string
	// reject refuses every recipient the way real servers do, quoting the address.
	reject bool
}

func startSMTP(tb testing.TB) *smtpServer {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	s := &smtpServer{ln: ln}
	tb.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go s.serve(c)
		}
	}()
	return s
}

func (s *smtpServer) serve(c net.Conn) {
	defer c.Close()
	r := bufio.NewReader(c)
	w := func(line string) { c.Write([]byte(line + "\r\n")) }
	w("220 localhost test")
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return
		}
		cmd := strings.ToUpper(strings.TrimSpace(line))
		switch {
		case strings.HasPrefix(cmd, "EHLO"), strings.HasPrefix(cmd, "HELO"):
			w("250-localhost")
			w("250 8BITMIME")
		case strings.HasPrefix(cmd, "MAIL FROM"):
			w("250 ok")
		case strings.HasPrefix(cmd, "RCPT TO"):
			s.mu.Lock()
			to := strings.TrimSpace(line[len("RCPT TO:"):])
			s.rcpt = append(s.rcpt, to)
			reject := s.reject
			s.mu.Unlock()
			if reject {
				w("550 5.1.1 " + to + ": Recipient address rejected: User unknown in virtual mailbox table")
				continue
			}
			w("250 ok")
		case cmd == "DATA":
			w("354 go on")
			var b strings.Builder
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return
				}
				if l == ".\r\n" {
					break
				}
				b.WriteString(l)
			}
			s.mu.Lock()
			s.msgs = append(s.msgs, b.String())
			s.mu.Unlock()
			w("250 queued")
		case cmd == "QUIT":
			w("221 bye")
			return
		default:
			w("250 ok")
		}
	}
}

func (s *smtpServer) messages() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.msgs...)
}
