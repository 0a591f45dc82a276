package demo_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"jawnosc/appeals"
	"jawnosc/demo"
	"jawnosc/registry"
)

// streamHash returns the SHA-256 of the JSON of every generated contract, in order.
func streamHash(t testing.TB, seed uint64, n int) string {
	t.Helper()
	h := sha256.New()
	enc := json.NewEncoder(h)
	err := demo.Contracts(seed, demo.Companies(), n, func(slug string, c registry.BulkContract) error {
		h.Write([]byte(slug))
		return enc.Encode(c)
	})
	if err != nil {
		t.Fatal(err)
	}
	return hex.EncodeToString(h.Sum(nil))
}

func TestContractsDeterministic(t *testing.T) {
	a, b := streamHash(t, demo.DefaultSeed, 5000), streamHash(t, demo.DefaultSeed, 5000)
	if a != b {
		t.Fatalf("same seed, different streams: %s vs %s", a, b)
	}
	if c := streamHash(t, demo.DefaultSeed+1, 5000); c == a {
		t.Fatal("different seeds gave the same stream")
	}
}

func TestCompanies(t *testing.T) {
	cs := demo.Companies()
	if len(cs) < 8 || len(cs) > 12 {
		t.Fatalf("%d companies, want 8–12", len(cs))
	}
	slugs := map[string]registry.Company{}
	seen := map[string]bool{}
	for _, c := range cs {
		c := c
		c.Normalize()
		if err := registry.ValidateCompany(&c); err != nil {
			t.Errorf("%s: %v", c.Slug, err)
		}
		if !strings.HasPrefix(c.NIP, "99900") || !strings.HasPrefix(c.REGON, "9990") || !strings.HasPrefix(c.KRS, "99900") {
			t.Errorf("%s: identifiers %q %q %q are not the plainly made-up demo ones", c.Slug, c.NIP, c.REGON, c.KRS)
		}
		for _, id := range []string{c.NIP, c.REGON, c.KRS} {
			if seen[id] {
				t.Errorf("%s: identifier %s used twice", c.Slug, id)
			}
			seen[id] = true
		}
		slugs[c.Slug] = c
	}
	for _, s := range []string{"mpk", "wodociagi", "mpo", "khk", "mpec", "arm", "krakow5020", "miejska-infrastruktura"} {
		if _, ok := slugs[s]; !ok {
			t.Errorf("missing company %q", s)
		}
	}
	if slugs["krakow5020"].Status != "w likwidacji" {
		t.Errorf("Kraków5020 status = %q", slugs["krakow5020"].Status)
	}
}

// stats summarises a generated stream.
type stats struct {
	n, persons, underThreshold, amendments, bigAmendments, corrections, withdrawals int
	eu, late, redacted, cpv, eur, inHouse                                           int
	modes                                                                           map[string]int
	towns                                                                           map[string]bool
	text                                                                            strings.Builder
	firmCompanies                                                                   map[string]map[string]bool
	below                                                                           map[string][]registry.ContractData // company|nip → contracts below the threshold
	firms                                                                           map[string]registry.Counterparty
}

func collect(t *testing.T, n int) *stats {
	t.Helper()
	st := &stats{modes: map[string]int{}, towns: map[string]bool{}, firmCompanies: map[string]map[string]bool{},
		below: map[string][]registry.ContractData{}, firms: map[string]registry.Counterparty{}}
	cityNIPs := map[string]bool{}
	for _, co := range demo.Companies() {
		cityNIPs[co.NIP] = true
	}
	err := demo.Contracts(demo.DefaultSeed, demo.Companies(), n, func(slug string, c registry.BulkContract) error {
		st.n++
		d := c.Data
		check := d
		check.Normalize()
		if err := check.Validate(); err != nil {
			t.Fatalf("contract %s invalid: %v %v", d.Number, err, registry.ErrorFields(err))
		}
		if check.Counterparty != d.Counterparty || check.CPV != d.CPV || check.SignedOn != d.SignedOn {
			t.Fatalf("contract %s not in canonical form: %+v", d.Number, d.Counterparty)
		}
		st.modes[d.ProcurementMode]++
		cp := d.Counterparty
		st.towns[cp.Town] = true
		if cp.Person {
			st.persons++
			if cp.NIP != "" || cp.Town != "" {
				t.Fatalf("natural person with NIP or town: %+v", cp)
			}
		}
		if cp.NIP != "" {
			if _, err := registry.NormalizeNIP(cp.NIP); err != nil {
				t.Fatalf("invalid NIP %q of %s", cp.NIP, cp.Name)
			}
			if _, err := registry.NormalizeREGON(cp.REGON); err != nil {
				t.Fatalf("invalid REGON %q of %s", cp.REGON, cp.Name)
			}
			if prev, ok := st.firms[cp.NIP]; ok && prev != cp {
				t.Fatalf("firm data differs: %+v vs %+v", prev, cp)
			}
			st.firms[cp.NIP] = cp
			if st.firmCompanies[cp.NIP] == nil {
				st.firmCompanies[cp.NIP] = map[string]bool{}
			}
			st.firmCompanies[cp.NIP][slug] = true
		} else if !cp.Person && cp.Country == "PL" {
			t.Fatalf("Polish firm without NIP: %+v", cp)
		}
		if d.ValueNet >= 125_000_00 && d.ValueNet < demo.Threshold {
			st.underThreshold++
		}
		if d.ValueNet < demo.Threshold && cp.NIP != "" {
			k := slug + "|" + cp.NIP
			st.below[k] = append(st.below[k], d)
		}
		if d.EUFunded {
			st.eu++
		}
		if d.CPV != "" {
			st.cpv++
		}
		if d.Currency == "EUR" {
			st.eur++
		}
		if d.ProcurementMode == registry.ModeInHouse {
			st.inHouse++
			if !cityNIPs[cp.NIP] {
				t.Fatalf("in-house contract %s without a city company's NIP: %+v", d.Number, cp)
			}
		}
		if len(d.Redactions) > 0 {
			st.redacted++
		}
		if c.PublishedAt.Sub(d.SignedOn.Time()) > 8*24*time.Hour {
			st.late++
		}
		if c.PublishedAt.Before(d.SignedOn.Time()) {
			t.Fatalf("%s published before signed", d.Number)
		}
		prev, prevAt := d, c.PublishedAt
		for _, v := range c.Versions {
			if !v.At.After(prevAt) {
				t.Fatalf("%s: version at %v not after %v", d.Number, v.At, prevAt)
			}
			switch v.ChangeKind {
			case registry.ChangeAmendment:
				st.amendments++
				if v.AnnexDate == "" || v.Reason == "" {
					t.Fatalf("%s: amendment without annex date or reason", d.Number)
				}
				if v.Data.ValueNet*2 > prev.ValueNet*3 {
					st.bigAmendments++
				}
			case registry.ChangeCorrection:
				st.corrections++
			case registry.ChangeWithdrawal:
				st.withdrawals++
			}
			if v.ChangeKind != registry.ChangeWithdrawal {
				vd := v.Data
				vd.Normalize()
				if err := vd.Validate(); err != nil {
					t.Fatalf("%s version invalid: %v", d.Number, err)
				}
				prev = v.Data
			}
			prevAt = v.At
		}
		st.text.WriteString(d.Subject + " " + d.Description + "\n")
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

func TestContractsRealism(t *testing.T) {
	const n = 20000
	st := collect(t, n)
	if st.n != n {
		t.Fatalf("got %d contracts, want %d", st.n, n)
	}
	for _, m := range registry.ProcurementModes {
		if st.modes[m.Code] < n/500 {
			t.Errorf("mode %s: only %d contracts", m.Code, st.modes[m.Code])
		}
	}
	for _, town := range []string{"Łódź", "Kraków", "Wrocław", "Gdańsk", "Bielsko-Biała", "Zielona Góra", "Świnoujście"} {
		if !st.towns[town] {
			t.Errorf("no counterparty from %s", town)
		}
	}
	text := st.text.String()
	for _, w := range []string{"umowy", "umowie", "kanalizacji", "Kanalizacja", "ul. Krakowskiej", "Nowej Hucie", "ciepłowniczej", "autobusów elektrycznych", "Rewitalizacja", "pojemników na odpady", "Odśnieżanie"} {
		if !strings.Contains(text, w) {
			t.Errorf("no contract text mentions %q", w)
		}
	}
	min := func(name string, got, want int) {
		if got < want {
			t.Errorf("%s: %d, want at least %d", name, got, want)
		}
	}
	min("values just under the threshold", st.underThreshold, n/200)
	min("amendments", st.amendments, n*3/100)
	min("amendments raising the value by over 50%", st.bigAmendments, n/500)
	min("corrections", st.corrections, n/300)
	min("withdrawals", st.withdrawals, n/1000)
	min("EU-funded", st.eu, n/100)
	min("published over 8 days late", st.late, n/50)
	min("redacted", st.redacted, n/2000)
	min("with CPV", st.cpv, n/4)
	min("natural persons", st.persons, n/100)
	min("in EUR", st.eur, 1)
	min("in-house", st.inHouse, n/200)
	if st.late > n/5 {
		t.Errorf("%d late publications: most should be on time", st.late)
	}
	multi := 0
	for _, cos := range st.firmCompanies {
		if len(cos) >= 3 {
			multi++
		}
	}
	min("firms working for 3+ companies", multi, 50)
	min("distinct firms", len(st.firms), 200)

	// Order splitting: one company, one counterparty, 3+ contracts below the threshold
	// signed within 12 months whose sum exceeds it.
	splits := 0
	for _, ds := range st.below {
		for i := range ds {
			var sum registry.Money
			k := 0
			for j := i; j < len(ds); j++ {
				if registry.DaysBetween(ds[i].SignedOn, ds[j].SignedOn) <= 365 && ds[j].SignedOn >= ds[i].SignedOn {
					sum += ds[j].ValueNet
					k++
				}
			}
			if k >= 3 && sum > demo.Threshold {
				splits++
				break
			}
		}
	}
	min("order-splitting patterns", splits, n/500)
	t.Logf("modes %v; under threshold %d, amendments %d (>50%%: %d), corrections %d, withdrawals %d, EU %d, late %d, redacted %d, persons %d, EUR %d, firms %d, splits %d",
		st.modes, st.underThreshold, st.amendments, st.bigAmendments, st.corrections, st.withdrawals, st.eu, st.late, st.redacted, st.persons, st.eur, len(st.firms), splits)
}

func TestContractsErrors(t *testing.T) {
	stop := errors.New("stop")
	calls := 0
	err := demo.Contracts(1, demo.Companies(), 100, func(string, registry.BulkContract) error {
		calls++
		if calls == 10 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || calls != 10 {
		t.Fatalf("err = %v after %d calls, want stop after 10", err, calls)
	}
	if err := demo.Contracts(1, nil, 10, func(string, registry.BulkContract) error { return nil }); registry.ErrorCode(err) != registry.EINVALID {
		t.Fatalf("no companies: err = %v", err)
	}
	if err := demo.Contracts(1, demo.Companies(), -1, func(string, registry.BulkContract) error { return nil }); registry.ErrorCode(err) != registry.EINVALID {
		t.Fatalf("negative n: err = %v", err)
	}
}

func TestLoad(t *testing.T) {
	ctx := context.Background()
	s, err := registry.Open(filepath.Join(t.TempDir(), "jawnosc.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const n = demo.DefaultCount
	var last, calls int
	start := time.Now()
	if err := demo.Load(ctx, s, n, func(done, total int) {
		calls++
		if total != n || done < last {
			t.Errorf("progress %d/%d after %d", done, total, last)
		}
		last = done
	}); err != nil {
		t.Fatal(err)
	}
	t.Logf("loaded %d contracts in %v", n, time.Since(start))
	if last != n || calls < len(demo.Companies()) {
		t.Errorf("progress ended at %d after %d calls", last, calls)
	}
	cos, err := s.FindCompanies(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(cos) != len(demo.Companies()) {
		t.Fatalf("%d companies in the store", len(cos))
	}
	if demoFlag, err := s.IsDemo(ctx); err != nil || !demoFlag {
		t.Fatalf("IsDemo = %v, %v", demoFlag, err)
	}
	count, err := s.CountPublicContracts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if count != n {
		t.Fatalf("%d public contracts, want %d", count, n)
	}
	withdrawn, nw, err := s.FindContracts(ctx, registry.ContractFilter{Status: []string{registry.StatusWithdrawn}, Limit: 5})
	if err != nil {
		t.Fatal(err)
	}
	if nw == 0 || withdrawn[0].WithdrawnReason == "" {
		t.Fatalf("%d withdrawn contracts; first: %+v", nw, withdrawn)
	}
	slug := "krakow5020"
	liquidated, nl, err := s.FindContracts(ctx, registry.ContractFilter{CompanySlug: &slug, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if nl == 0 || liquidated[0].SignedOn > "2021-12-31" {
		t.Fatalf("company in liquidation: %d contracts, newest %+v", nl, liquidated)
	}
	requests, err := appeals.Open(ctx, s) // the demo's requests' events are in the ledger too
	if err != nil {
		t.Fatal(err)
	}
	rep, err := s.VerifyLedger(ctx, nil, requests.LedgerCheckers()...)
	if err != nil {
		t.Fatal(err)
	}
	if rep.BrokenAt != 0 || rep.Problem != "" {
		t.Fatalf("ledger broken: %+v", rep)
	}

	err = demo.Load(ctx, s, 10, nil)
	if registry.ErrorCode(err) != registry.EINVALID || !strings.Contains(registry.ErrorMessage(err), "pustej bazy") {
		t.Fatalf("second load: err = %v, want EINVALID", err)
	}
}

func BenchmarkContracts(b *testing.B) {
	cs := demo.Companies()
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	if err := demo.Contracts(demo.DefaultSeed, cs, b.N, func(string, registry.BulkContract) error { return nil }); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "contracts/s")
}
