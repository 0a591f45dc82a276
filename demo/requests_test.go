package demo_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"jawnosc/appeals"
	"jawnosc/demo"
	"jawnosc/registry"
)

// demoRequests loads the demo companies and requests into a fresh database and describes
// every request (reference, stage, outcome, events).
func demoRequests(t *testing.T) ([]string, map[string]bool) {
	t.Helper()
	ctx := context.Background()
	s, err := registry.Open(filepath.Join(t.TempDir(), "jawnosc.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := demo.Load(ctx, s, 50, nil); err != nil {
		t.Fatal(err)
	}
	svc, err := appeals.Open(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	list, total, err := svc.FindRequests(ctx, appeals.RequestFilter{Limit: 200})
	if err != nil || total != demo.RequestCount {
		t.Fatalf("%d demo requests (%v), want %d", total, err, demo.RequestCount)
	}
	var out []string
	seen := map[string]bool{}
	for _, m := range list {
		r, err := svc.FindRequest(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		seen["stage:"+r.State.Stage] = true
		seen["outcome:"+r.State.Outcome] = true
		for _, a := range r.State.Appeals {
			seen["appeal:"+a.Result] = true
		}
		for _, e := range r.Events {
			seen["event:"+e.Type] = true
		}
		out = append(out, fmt.Sprintf("%s %s %s %d %s", r.Ref, r.State.Stage, r.State.Outcome, len(r.Events), r.SubmittedAt.Format("2006-01-02T15:04")))
	}
	return out, seen
}

// TestDemoRequests: the demo requests are the same on every load and show every stage,
// outcome, kind of step and appeal result.
func TestDemoRequests(t *testing.T) {
	a, seen := demoRequests(t)
	b, _ := demoRequests(t)
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Fatalf("two loads differ:\n%v\n%v", a, b)
	}
	want := []string{"stage:answered", "stage:closed", "stage:compliance", "stage:awaiting_answer",
		"outcome:disclosed", "outcome:partial", "outcome:refused", "outcome:not_public", "outcome:not_held",
		"appeal:upheld", "appeal:instructed", "appeal:partly", "appeal:rejected_scope",
		"event:clarified", "event:fee_accepted", "event:delay_notified", "event:reconsideration_decided", "event:complied"}
	for _, w := range want {
		if !seen[w] {
			t.Errorf("the demo requests never show %s", w)
		}
	}
}
