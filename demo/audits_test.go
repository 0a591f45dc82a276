package demo_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"jawnosc/audits"
	"jawnosc/demo"
	"jawnosc/registry"
)

// loadDemoAudits fills a fresh database with the demo companies and audit reports and
// returns every report as JSON, in order.
func loadDemoAudits(t *testing.T) ([]string, *audits.Store) {
	t.Helper()
	ctx := context.Background()
	dir := t.TempDir()
	s, err := registry.Open(filepath.Join(dir, "jawnosc.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := demo.Load(ctx, s, 0, nil); err != nil {
		t.Fatal(err)
	}
	au, err := audits.Open(ctx, s, dir)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	au.Now = func() time.Time { return now }
	if err := demo.LoadAudits(ctx, au, au.Today()); err != nil {
		t.Fatal(err)
	}
	list, _, err := au.FindReports(ctx, audits.ReportFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range list {
		full, err := au.FindReportByID(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		for i := range full.Responses {
			full.Responses[i].PostedAt = time.Time{} // filing time, not data
		}
		for _, rec := range full.Recommendations {
			for i := range rec.History {
				rec.History[i].CreatedAt = time.Time{}
			}
			for i := range rec.Evidence {
				rec.Evidence[i].PostedAt = time.Time{}
			}
		}
		full.CreatedAt, full.UpdatedAt = time.Time{}, time.Time{}
		b, _ := json.Marshal(full)
		out = append(out, string(b))
	}
	return out, au
}

func TestDemoAuditsDeterministicAndVaried(t *testing.T) {
	a, au := loadDemoAudits(t)
	b, _ := loadDemoAudits(t)
	if len(a) < 10 || len(a) != len(b) {
		t.Fatalf("reports: %d and %d", len(a), len(b))
	}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("report %d differs between two loads:\n%s\n%s", i, a[i], b[i])
		}
	}
	ctx := context.Background()
	pending, err := au.PendingRecommendations(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	overdue := 0
	for _, r := range pending {
		if r.Overdue {
			overdue++
		}
	}
	statuses := map[string]int{}
	list, _, _ := au.FindReports(ctx, audits.ReportFilter{Limit: 1000})
	council, responses := 0, 0
	for _, r := range list {
		full, _ := au.FindReportByID(ctx, r.ID)
		for _, rec := range full.Recommendations {
			statuses[rec.Status]++
		}
		if full.Council != nil {
			council++
		}
		responses += len(full.Responses)
	}
	for _, st := range audits.Statuses {
		if statuses[st.Code] == 0 {
			t.Errorf("no demo recommendation is %s (%v)", st.Code, statuses)
		}
	}
	if overdue == 0 || overdue == len(pending) || council == 0 || responses == 0 {
		t.Errorf("overdue %d of %d pending, council %d, responses %d", overdue, len(pending), council, responses)
	}
}
