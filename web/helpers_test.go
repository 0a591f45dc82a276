package web_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"jawnosc/appeals"
	"jawnosc/audits"
	"jawnosc/registry"
	"jawnosc/search"
	"jawnosc/web"
)

var system = registry.SystemActor("test")

// testEnv is a real store, a real index caught up with it, and the real Fiber app.
type testEnv struct {
	app   *fiber.App
	store *registry.Store
	index *search.Index
	logs  *logBuffer
	cfg   web.Config // the app's configuration (mustOpenEnv)
	// ids of the fixture's notable contracts
	bus, script, redacted, amended, withdrawn, late, draft int64
	mpk, wod                                               *registry.Company
}

// logBuffer collects what the app logs.
type logBuffer struct {
	mu    sync.Mutex
	lines []string
}

func (l *logBuffer) logf(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lines = append(l.lines, fmt.Sprintf(format, args...))
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines, "\n")
}

// counterpartyNIP is the NIP shared by contracts of both companies.
const counterpartyNIP = "6762467343"

// sample returns valid contract content.
func sample(subject string, signed registry.Date, net registry.Money) registry.ContractData {
	return registry.ContractData{
		Number: "UM/1/2026", SignedOn: signed, Subject: subject, Description: "Opis umowy " + subject + ".",
		Counterparty: registry.Counterparty{Name: "Firma Testowa sp. z o.o.", NIP: counterpartyNIP, Country: "PL", Town: "Łódź"},
		ValueNet:     net, ValueGross: net * 123 / 100, Currency: "PLN",
		ProcurementMode: registry.ModeOpenTender,
	}
}

// mustCreateContract files and publishes a contract.
func mustCreateContract(tb testing.TB, s *registry.Store, companyID int64, d registry.ContractData) *registry.Contract {
	tb.Helper()
	c, err := s.CreateContract(context.Background(), system, companyID, d, true)
	if err != nil {
		tb.Fatalf("create contract %q: %v %v", d.Subject, err, registry.ErrorFields(err))
	}
	return c
}

// mustOpenEnv builds the fixture: two companies, 30 contracts (one with <script> in its
// subject, one redacted, one amended, one withdrawn, one published late) and the app.
func mustOpenEnv(tb testing.TB, demo bool) *testEnv {
	tb.Helper()
	ctx := context.Background()
	dir := tb.TempDir()
	s, err := registry.Open(filepath.Join(dir, "jawnosc.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	now := time.Date(2026, 3, 10, 9, 0, 0, 0, time.UTC)
	s.Now = func() time.Time { now = now.Add(time.Minute); return now }

	e := &testEnv{store: s, logs: &logBuffer{}}
	e.mpk = &registry.Company{Slug: "mpk", Name: "Miejskie Przedsiębiorstwo Komunikacyjne S.A.", ShortName: "MPK", NIP: "6750002236", City: "Kraków"}
	e.wod = &registry.Company{Slug: "wodociagi", Name: "Wodociągi Miasta Krakowa S.A.", ShortName: "Wodociągi", City: "Kraków"}
	for _, co := range []*registry.Company{e.mpk, e.wod} {
		if err := s.CreateCompany(ctx, system, co); err != nil {
			tb.Fatal(err)
		}
	}
	for i := 1; i <= 24; i++ {
		d := sample(fmt.Sprintf("Przegląd techniczny pojazdu nr %d", i), "2026-02-01", registry.Money(1000_00*int64(i)))
		d.Number = fmt.Sprintf("UM/%d/2026", i)
		mustCreateContract(tb, s, e.mpk.ID, d)
	}
	e.bus = mustCreateContract(tb, s, e.mpk.ID, sample("Dostawa autobusów elektrycznych", "2026-03-05", 1_234_567_89)).ID
	e.script = mustCreateContract(tb, s, e.mpk.ID, sample(`<script>alert("x")</script> Remont torowiska`, "2026-03-06", 50_000_00)).ID

	red := sample("Usługi doradcze w zakresie taryf", "2026-03-04", 200_000_00)
	red.Redactions = []registry.Redaction{{Field: "description", Ground: "trade_secret", Justification: "Wykonawca zastrzegł kalkulację ceny."}}
	e.redacted = mustCreateContract(tb, s, e.wod.ID, red).ID

	am := sample("Budowa kanalizacji w Łodzi", "2026-03-03", 100_000_00)
	am.Counterparty = registry.Counterparty{Name: "Kanalizacje Polskie S.A.", NIP: "5260250274", Country: "PL", Town: "Warszawa"}
	e.amended = mustCreateContract(tb, s, e.wod.ID, am).ID
	am.ValueNet, am.ValueGross = 160_000_00, 196_800_00
	if _, err := s.AmendContract(ctx, system, e.amended, am, "2026-03-09", "Roboty dodatkowe na ul. Kamiennej"); err != nil {
		tb.Fatal(err)
	}

	e.withdrawn = mustCreateContract(tb, s, e.wod.ID, sample("Dzierżawa koparki", "2026-03-02", 9_000_00)).ID
	if _, err := s.WithdrawContract(ctx, system, e.withdrawn, "Umowa wpisana do rejestru omyłkowo"); err != nil {
		tb.Fatal(err)
	}
	e.late = mustCreateContract(tb, s, e.wod.ID, sample("Zakup odczynników chemicznych", "2026-01-05", 30_000_00)).ID

	dr, err := s.CreateContract(ctx, system, e.wod.ID, sample("Tajny szkic umowy", "2026-03-07", 5_000_00), false)
	if err != nil {
		tb.Fatal(err)
	}
	e.draft = dr.ID

	ix, err := search.Open(filepath.Join(dir, "index"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	if _, err := search.NewIndexer(ix, search.StoreSource{Store: s}, nil).CatchUp(ctx); err != nil {
		tb.Fatal(err)
	}
	e.index = ix
	e.cfg = web.Config{Store: s, Index: ix, Demo: demo, City: "Kraków", Logf: e.logs.logf, AttachmentsDir: filepath.Join(dir, "attachments")}
	e.app, err = newApp(e.cfg)
	if err != nil {
		tb.Fatal(err)
	}
	return e
}

// mustOpenEnvEmpty opens the app over an empty store and index.
func mustOpenEnvEmpty(tb testing.TB) *testEnv {
	tb.Helper()
	dir := tb.TempDir()
	s, err := registry.Open(filepath.Join(dir, "jawnosc.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	ix, err := search.Open(filepath.Join(dir, "index"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	e := &testEnv{store: s, index: ix, logs: &logBuffer{}}
	if e.app, err = newApp(web.Config{Store: s, Index: ix, City: "Kraków", Logf: e.logs.logf, AttachmentsDir: filepath.Join(dir, "attachments")}); err != nil {
		tb.Fatal(err)
	}
	return e
}

// do sends a request through the app and returns the response and its body.
func (e *testEnv) do(tb testing.TB, method, target string) (*http.Response, string) {
	tb.Helper()
	req := httptest.NewRequest(method, target, nil)
	resp, err := e.app.Test(req, -1)
	if err != nil {
		tb.Fatalf("%s %s: %v", method, target, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		tb.Fatalf("%s %s: reading body: %v", method, target, err)
	}
	return resp, string(b)
}

// newApp builds the real app like main does: it opens the information requests and audit
// stores on cfg.Store (beside its database) when the test gives none.
func newApp(cfg web.Config) (*fiber.App, error) {
	ctx := context.Background()
	if cfg.Appeals == nil {
		svc, err := appeals.Open(ctx, cfg.Store)
		if err != nil {
			return nil, err
		}
		cfg.Appeals = svc
	}
	if cfg.Audits == nil {
		au, err := audits.Open(ctx, cfg.Store, filepath.Dir(cfg.Store.Path))
		if err != nil {
			return nil, err
		}
		cfg.Audits = au
	}
	return web.New(cfg)
}
