package main

import (
	"bufio"
	"context"
	"errors"
	"maps"
	"slices"

	"fmt"
	"io"
	"os"
	"strings"

	"jawnosc/registry"
)

// stringList is a repeatable string flag (--company A --company B).
type stringList []string

func (l *stringList) String() string     { return strings.Join(*l, ",") }
func (l *stringList) Set(v string) error { *l = append(*l, v); return nil }

// runUser manages accounts: `user add`, `user disable`, `user list`. The password of a new
// account comes from JAWNOSC_PASSWORD or the first line of standard input, never a flag
// (flags end up in shell history and process lists).
func runUser(ctx context.Context, args []string, stdin io.Reader, out io.Writer) error {
	if len(args) == 0 {
		return errors.New("usage: jawnosc user add|disable|list [flags]")
	}
	sub, args := args[0], args[1:]
	fs, dataDir := flags("user " + sub)
	login := fs.String("login", "", "the account's login")
	switch sub {
	case "add":
		role := fs.String("role", "", "officer, supervisor, auditor or admin")
		name := fs.String("name", "", "full name (optional)")
		var companies stringList
		fs.Var(&companies, "company", "slug of a company an officer files for (repeatable)")
		fs.Parse(args)
		password, err := readPassword(stdin)
		if err != nil {
			return err
		}
		store, err := openStore(*dataDir)
		if err != nil {
			return err
		}
		defer store.Close()
		u, err := store.CreateUser(ctx, registry.SystemActor("user add"), registry.NewUser{Login: *login, Name: *name, Role: *role, Companies: companies, Password: password})
		if err != nil {
			return withFields(err)
		}
		fmt.Fprintf(out, "created %s (%s)", u.Login, registry.RoleLabel(u.Role))
		if len(u.Companies) > 0 {
			fmt.Fprintf(out, " for %s", strings.Join(u.Companies, ", "))
		}
		fmt.Fprintln(out)
		return nil
	case "disable":
		fs.Parse(args)
		store, err := openStore(*dataDir)
		if err != nil {
			return err
		}
		defer store.Close()
		if err := store.DisableUser(ctx, registry.SystemActor("user disable"), *login); err != nil {
			return err
		}
		fmt.Fprintf(out, "disabled %s; its sessions and API tokens are revoked\n", strings.ToLower(*login))
		return nil
	case "list":
		fs.Parse(args)
		store, err := openStore(*dataDir)
		if err != nil {
			return err
		}
		defer store.Close()
		users, err := store.FindUsers(ctx, registry.SystemActor("user list"))
		if err != nil {
			return err
		}
		for _, u := range users {
			state := ""
			if u.Disabled {
				state = " (disabled)"
			}
			fmt.Fprintf(out, "%s\t%s\t%s%s\n", u.Login, u.Role, strings.Join(u.Companies, ","), state)
		}
		return nil
	}
	return fmt.Errorf("unknown user command %q (add, disable, list)", sub)
}

// runToken creates an API token: `token create --login L [--label TEXT]`. The token is
// printed once; only its hash is stored.
func runToken(ctx context.Context, args []string, out io.Writer) error {
	if len(args) == 0 || args[0] != "create" {
		return errors.New("usage: jawnosc token create --login L [--label TEXT]")
	}
	fs, dataDir := flags("token create")
	login := fs.String("login", "", "the account the token acts as")
	label := fs.String("label", "", "what the token is for (optional)")
	fs.Parse(args[1:])
	store, err := openStore(*dataDir)
	if err != nil {
		return err
	}
	defer store.Close()
	token, err := store.CreateToken(ctx, registry.SystemActor("token create"), *login, *label)
	if err != nil {
		return withFields(err)
	}
	fmt.Fprintln(out, token)
	fmt.Fprintln(os.Stderr, "jawnosc: the token is shown only now; store it safely (send it as `Authorization: Bearer <token>`)")
	return nil
}

// readPassword takes the password from JAWNOSC_PASSWORD or the first line of stdin.
func readPassword(stdin io.Reader) (string, error) {
	if p := os.Getenv("JAWNOSC_PASSWORD"); p != "" {
		return p, nil
	}
	line, err := bufio.NewReader(stdin).ReadString('\n')
	if err != nil && !(errors.Is(err, io.EOF) && line != "") {
		return "", errors.New("no password: set JAWNOSC_PASSWORD or pass it on standard input")
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// withFields appends the per-field messages of a validation error for the terminal.
func withFields(err error) error {
	fields := registry.ErrorFields(err)
	if len(fields) == 0 {
		return err
	}
	var b strings.Builder
	b.WriteString(registry.ErrorMessage(err))
	for _, f := range slices.Sorted(maps.Keys(fields)) {
		fmt.Fprintf(&b, "\n  %s: %s", f, fields[f])
	}
	return errors.New(b.String())
}
