package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"jawnosc/registry"
)

// TestUserAndTokenCommands runs `jawnosc user add|list|disable` and `token create` on a real
// data directory: the password comes from standard input (or JAWNOSC_PASSWORD), bad input
// names the field, and a disabled account's token stops working.
func TestUserAndTokenCommands(t *testing.T) {
	ctx := context.Background()
	data := t.TempDir()
	store, err := openStore(data)
	if err != nil {
		t.Fatal(err)
	}
	if err := store.CreateCompany(ctx, registry.SystemActor("test"), &registry.Company{Slug: "mpk", Name: "MPK S.A.", ShortName: "MPK"}); err != nil {
		t.Fatal(err)
	}
	store.Close()

	var out bytes.Buffer
	err = runUser(ctx, []string{"add", "--data", data, "--login", "anna.nowak", "--role", "officer", "--company", "mpk"}, strings.NewReader("bardzo-tajne-hasło\n"), &out)
	if err != nil || !strings.Contains(out.String(), "created anna.nowak") {
		t.Fatalf("user add: %v %s", err, out.String())
	}
	err = runUser(ctx, []string{"add", "--data", data, "--login", "x", "--role", "officer"}, strings.NewReader("krótkie\n"), &out)
	for _, want := range []string{"login:", "companies:", "password:"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("bad user add: want %q in %v", want, err)
		}
	}
	if err := runUser(ctx, []string{"add", "--data", data, "--login", "y", "--role", "admin"}, strings.NewReader(""), &out); err == nil || !strings.Contains(err.Error(), "no password") {
		t.Errorf("user add without a password: %v", err)
	}
	t.Setenv("JAWNOSC_PASSWORD", "hasło-z-otoczenia-1")
	if err := runUser(ctx, []string{"add", "--data", data, "--login", "ewa", "--role", "supervisor"}, strings.NewReader(""), &out); err != nil {
		t.Fatalf("user add with JAWNOSC_PASSWORD: %v", err)
	}
	out.Reset()
	if err := runUser(ctx, []string{"list", "--data", data}, nil, &out); err != nil || !strings.Contains(out.String(), "anna.nowak\tofficer\tmpk") || !strings.Contains(out.String(), "ewa\tsupervisor") {
		t.Fatalf("user list: %v\n%s", err, out.String())
	}
	out.Reset()
	if err := runToken(ctx, []string{"create", "--data", data, "--login", "anna.nowak", "--label", "ERP"}, &out); err != nil {
		t.Fatal(err)
	}
	token := strings.TrimSpace(out.String())
	store, err = openStore(data)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if a, err := store.FindActorByToken(ctx, token); err != nil || a.Login != "anna.nowak" {
		t.Fatalf("token from the command: %+v %v", a, err)
	}
	if a, err := store.Authenticate(ctx, "anna.nowak", "bardzo-tajne-hasło"); err != nil || a.Role != registry.RoleOfficer {
		t.Fatalf("sign in with the stdin password: %v", err)
	}
	out.Reset()
	if err := runUser(ctx, []string{"disable", "--data", data, "--login", "anna.nowak"}, nil, &out); err != nil {
		t.Fatal(err)
	}
	if _, err := store.FindActorByToken(ctx, token); registry.ErrorCode(err) != registry.EUNAUTHORIZED {
		t.Fatalf("token of a disabled account: %v", err)
	}
}

// TestScheduledJobs checks that every job's spec parses, names are unique, and that the
// sessions job runs against a real database.
func TestScheduledJobs(t *testing.T) {
	store, err := openStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	jobs := scheduledJobs(jobDeps{Store: store, DataDir: t.TempDir()})
	c, err := startScheduler(context.Background(), jobs)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Entries()) != len(jobs) {
		t.Fatalf("%d entries for %d jobs", len(c.Entries()), len(jobs))
	}
	stopScheduler(c)
	for _, j := range jobs {
		if j.Name == "sessions-cleanup" {
			if err := j.Run(context.Background()); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := startScheduler(context.Background(), []job{{Name: "a", Spec: "nie-cron", Run: nil}}); err == nil {
		t.Fatal("a bad spec was accepted")
	}
	if _, err := startScheduler(context.Background(), []job{{Name: "a", Spec: "@daily"}, {Name: "a", Spec: "@daily"}}); err == nil {
		t.Fatal("a duplicate job name was accepted")
	}
}
