package audits_test

import (
	"context"
	"testing"

	"jawnosc/audits"
	"jawnosc/registry"
)

func TestNightlyJobs(t *testing.T) {
	ctx := context.Background()
	e := mustOpen(t, warsawNoon(2026, 3, 5))
	mpk := e.company(t, "mpk")
	rep, err := e.st.CreateReport(ctx, system, sampleReport("mpk"))
	if err != nil {
		t.Fatal(err)
	}
	// 30 April is the second recommendation's due date: not overdue yet on that day.
	if ns, err := e.st.NoticeOverdue(ctx, warsawNoon(2026, 4, 30)); err != nil || len(ns) != 0 {
		t.Fatalf("on the due date: %v %v", ns, err)
	}
	ns, err := e.st.NoticeOverdue(ctx, warsawNoon(2026, 5, 1))
	if err != nil || len(ns) != 1 || ns[0].RecommendationID != rep.Recommendations[1].ID || ns[0].Company != "mpk" || ns[0].NoticedOn != "2026-05-01" {
		t.Fatalf("day after: %+v %v", ns, err)
	}
	// Once per recommendation and due date.
	if ns, err := e.st.NoticeOverdue(ctx, warsawNoon(2026, 5, 2)); err != nil || len(ns) != 0 {
		t.Fatalf("again: %v %v", ns, err)
	}
	// An implemented recommendation gets no notice.
	e.set(warsawNoon(2026, 7, 1))
	if _, err := e.st.ChangeStatus(ctx, system, rep.Recommendations[0].ID, audits.StatusInput{Status: audits.StatusImplemented, On: "2026-06-29", Reason: "Plan zamówień przyjęty uchwałą zarządu."}); err != nil {
		t.Fatal(err)
	}
	if ns, err := e.st.NoticeOverdue(ctx, warsawNoon(2026, 7, 1)); err != nil || len(ns) != 0 {
		t.Fatalf("implemented: %v %v", ns, err)
	}
	if list, err := e.st.FindOverdueNotices(ctx, mpk.ID, 10); err != nil || len(list) != 1 {
		t.Fatalf("notices: %v %v", list, err)
	}

	// The nightly recheck judges every company again.
	e.contractAt(t, mpk, "N/1", nip(t, "676246734"), "2026-06-01", zl(120000, 0), registry.ModeQuotationBelowThreshold, "2026-06-20")
	if n, err := e.st.RecheckSignals(ctx); err != nil || n != 1 {
		t.Fatalf("recheck: %d %v", n, err)
	}
	tl, err := e.st.TimelinessByCompany(ctx)
	if err != nil || tl[mpk.ID].Contracts != 1 || tl[mpk.ID].OnTime != 0 || tl[mpk.ID].MedianDelay != 19 {
		t.Fatalf("timeliness: %+v %v", tl[mpk.ID], err)
	}
}
