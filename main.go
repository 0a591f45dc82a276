// Command jawnosc is the Jawność server and its operator tools: a public register of the
// contracts, expenses, advertising, board recruitments and audits of a city's companies.
//
// Usage: jawnosc <command> [flags]; see `jawnosc help`.
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
	_ "time/tzdata" // deadlines and dates are computed in Europe/Warsaw on any machine

	"jawnosc/appeals"
	"jawnosc/audits"
	"jawnosc/bench"
	"jawnosc/demo"
	"jawnosc/registry"
	"jawnosc/search"
	"jawnosc/web"
)

const usage = `jawnosc — rejestr jawności spółek miejskich

Usage: jawnosc <command> [flags]

Commands:
  serve    [--addr 127.0.0.1:8080] [--demo]   run the server (--demo fills an empty database with demo data)
  demo     [--contracts N]                    fill an empty database with the demo data set
  import   --company SLUG contracts FILE      import contracts from CSV or XLSX (all or nothing)
  import   --company SLUG ocds FILE.json      import the contracts of an OCDS release package (all or nothing)
  import   --company SLUG [--map 'their=ours,…'] [--set 'ours=value,…'] expenses|ads|recruitments FILE
                                              import another register, with a column mapping
  reindex                                     rebuild the search index from the database
  verify   [--no-files]                       recompute the ledger's hash chain and check the stored files' and documents' bytes
  backup   FILE                               write a consistent copy of the database while it runs
  user     add --login L --role R [--company SLUG]... [--name N]
                                              create an account (password from JAWNOSC_PASSWORD or stdin)
  user     disable --login L | list           disable an account (revokes its sessions and tokens) / list
  token    create --login L [--label TEXT]    create an API token for an account (printed once)
  bench    [--contracts N]                    build a fresh database and index of N synthetic contracts and measure

Every command takes --data DIR (env JAWNOSC_DATA, default ./data).
`

func main() {
	log.SetFlags(0)
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var err error
	switch cmd, args := os.Args[1], os.Args[2:]; cmd {
	case "serve":
		err = runServe(ctx, args)
	case "demo":
		err = runDemo(ctx, args)
	case "import":
		err = runImport(ctx, args, os.Stdout, os.Stderr)
	case "reindex":
		err = runReindex(ctx, args)
	case "verify":
		err = runVerify(ctx, args, os.Stdout)
	case "bench":
		err = runBench(ctx, args)
	case "backup":
		err = runBackup(ctx, args, os.Stdout)
	case "user":
		err = runUser(ctx, args, os.Stdin, os.Stdout)
	case "token":
		err = runToken(ctx, args, os.Stdout)
	case "help", "-h", "--help":
		fmt.Print(usage)
	default:
		fmt.Fprintf(os.Stderr, "unknown command %q\n\n%s", cmd, usage)
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "jawnosc:", errorText(err))
		os.Exit(1)
	}
}

// errorText renders an error for the terminal: the Polish message and, for the operator,
// the underlying cause of internal errors.
func errorText(err error) string {
	var e *registry.Error
	if errors.As(err, &e) {
		if e.Code == registry.EINTERNAL && e.Err != nil {
			return e.Message + " (" + e.Err.Error() + ")"
		}
		return e.Message
	}
	return err.Error()
}

// env returns the environment variable or def.
func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

// flags returns a flag set with the common --data flag.
func flags(name string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ExitOnError)
	data := fs.String("data", env("JAWNOSC_DATA", "./data"), "data directory (env JAWNOSC_DATA)")
	return fs, data
}

// openStore opens (creating) the data directory and its database.
func openStore(dataDir string) (*registry.Store, error) {
	if err := os.MkdirAll(dataDir, 0o750); err != nil {
		return nil, err
	}
	return registry.Open(filepath.Join(dataDir, "jawnosc.db"))
}

func indexDir(dataDir string) string { return filepath.Join(dataDir, "index") }

// attachmentsDir is where uploaded PDFs are kept, by SHA-256.
func attachmentsDir(dataDir string) string { return filepath.Join(dataDir, "attachments") }

// maxUploadBytes reads JAWNOSC_MAX_UPLOAD_MB (whole megabytes, 1–1024; default 25).
func maxUploadBytes() (int64, error) {
	v := os.Getenv("JAWNOSC_MAX_UPLOAD_MB")
	if v == "" {
		return registry.DefaultMaxUpload, nil
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil || n < 1 || n > 1024 {
		return 0, fmt.Errorf("JAWNOSC_MAX_UPLOAD_MB=%q: give whole megabytes from 1 to 1024", v)
	}
	return n << 20, nil
}

func runServe(ctx context.Context, args []string) error {
	fs, dataDir := flags("serve")
	addr := fs.String("addr", env("JAWNOSC_ADDR", "127.0.0.1:8080"), "listen address (env JAWNOSC_ADDR)")
	withDemo := fs.Bool("demo", false, "fill an empty database with the demo data set")
	fs.Parse(args)

	store, err := openStore(*dataDir)
	if err != nil {
		return err
	}
	defer store.Close()
	auditStore, err := audits.Open(ctx, store, *dataDir)
	if err != nil {
		return err
	}
	if *withDemo {
		if err := loadDemoIfEmpty(ctx, store, auditStore, demo.DefaultCount); err != nil {
			return err
		}
	}
	ix, err := search.Open(indexDir(*dataDir))
	if err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	defer ix.Close()
	requests, mailer, err := openAppeals(ctx, store, *addr)
	if err != nil {
		return err
	}
	indexer := search.NewIndexer(ix, search.StoreSource{Store: store, Audits: auditStore, Appeals: requests}, log.Printf)
	started := time.Now()
	if n, err := indexer.CatchUp(ctx); err != nil {
		return fmt.Errorf("search index catch-up: %w", err)
	} else if n > 0 {
		log.Printf("search index: applied %d changes in %s", n, time.Since(started).Round(time.Millisecond))
	}
	isDemo, err := store.IsDemo(ctx)
	if err != nil {
		return err
	}
	maxUpload, err := maxUploadBytes()
	if err != nil {
		return err
	}
	app, err := web.New(web.Config{Store: store, Audits: auditStore, Index: ix, Indexer: indexer, Demo: isDemo, City: "Kraków", Logf: log.Printf,
		BaseURL: os.Getenv("JAWNOSC_BASE_URL"), OpenData: openDataConfig(*dataDir), AttachmentsDir: attachmentsDir(*dataDir),
		MaxUploadBytes: maxUpload, Appeals: requests})
	if err != nil {
		return err
	}
	jobCtx, stopJobs := context.WithCancel(context.Background())
	defer stopJobs()
	sched, err := startScheduler(jobCtx, scheduledJobs(jobDeps{Store: store, Audits: auditStore, DataDir: *dataDir, Now: time.Now, Appeals: requests, Mailer: mailer}))
	if err != nil {
		return err
	}
	// Deferred after the store and the index, so it runs before they close.
	defer stopScheduler(sched)
	idxCtx, stopIndexer := context.WithCancel(context.Background())
	indexerDone := make(chan struct{})
	go func() { indexer.Run(idxCtx, 2*time.Second); close(indexerDone) }()
	signalsDone := make(chan struct{})
	go func() { auditStore.RunSignals(idxCtx, 5*time.Second, nil, log.Printf); close(signalsDone) }()

	serveErr := make(chan error, 1)
	go func() { serveErr <- app.Listen(*addr) }()
	log.Printf("Jawność: http://%s (data: %s)", *addr, *dataDir)
	select {
	case err = <-serveErr:
	case <-ctx.Done():
		log.Printf("shutting down")
		shutCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err = app.ShutdownWithContext(shutCtx)
		cancel()
	}
	// Stop in reverse order of start: HTTP, indexer, then (deferred) scheduled jobs, the
	// index and the database.
	stopIndexer()
	<-indexerDone
	<-signalsDone
	return err
}

// loadDemoIfEmpty fills an empty database with the demo data set; a database that
// already has companies is left as it is.
func loadDemoIfEmpty(ctx context.Context, store *registry.Store, au *audits.Store, n int) error {
	cos, err := store.FindCompanies(ctx)
	if err != nil {
		return err
	}
	if len(cos) > 0 {
		return nil
	}
	started := time.Now()
	if err := demo.Load(ctx, store, n, progressBar("demo", os.Stderr)); err != nil {
		return err
	}
	if err := demo.LoadAudits(ctx, au, au.Today()); err != nil {
		return err
	}
	log.Printf("demo data: %d contracts in %s", n, time.Since(started).Round(time.Millisecond))
	return nil
}

func runDemo(ctx context.Context, args []string) error {
	fs, dataDir := flags("demo")
	n := fs.Int("contracts", demo.DefaultCount, "number of demo contracts")
	fs.Parse(args)
	store, err := openStore(*dataDir)
	if err != nil {
		return err
	}
	defer store.Close()
	au, err := audits.Open(ctx, store, *dataDir)
	if err != nil {
		return err
	}
	started := time.Now()
	if err := demo.Load(ctx, store, *n, progressBar("demo", os.Stderr)); err != nil {
		return err
	}
	if err := demo.LoadAudits(ctx, au, au.Today()); err != nil {
		return err
	}
	log.Printf("demo data: %d contracts in %s; the index catches up when the server starts", *n, time.Since(started).Round(time.Millisecond))
	return nil
}

// runImport imports a register file; the report goes to out, every bad row to errOut.
func runImport(ctx context.Context, args []string, out, errOut io.Writer) error {
	fs, dataDir := flags("import")
	company := fs.String("company", "", "slug of the company the entries belong to")
	mapping := fs.String("map", "", "expenses, ads, recruitments: the file's columns onto ours, e.g. 'medium=outlet_name,EURO=amount_gross'")
	set := fs.String("set", "", "expenses, ads, recruitments: one value for every row, e.g. 'currency=EUR,outlet_kind=press'")
	fs.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: jawnosc import --company SLUG [--map 'their=ours,…'] [--set 'ours=value,…'] contracts|expenses|ads|recruitments FILE.csv|FILE.xlsx | ocds FILE.json")
	}
	rest := parseInterspersed(fs, args)
	if *company == "" || len(rest) != 2 {
		fs.Usage()
		return errors.New("missing --company, register or file")
	}
	register, path := rest[0], rest[1]
	contracts := register == "contracts" || register == "ocds"
	var data []byte
	if contracts {
		if *mapping != "" || *set != "" {
			return errors.New("--map and --set are for expenses, ads and recruitments; a contracts file uses our column names")
		}
		var err error
		if data, err = readImportFile(path); err != nil {
			return err
		}
	}
	store, err := openStore(*dataDir)
	if err != nil {
		return err
	}
	defer store.Close()
	co, err := store.FindCompanyBySlug(ctx, *company)
	if err != nil {
		return err
	}
	if !contracts {
		return importRegister(ctx, store, co, register, path, *mapping, *set, out, errOut)
	}
	if register == "ocds" {
		return importOCDS(ctx, store, co, bytes.NewReader(data), path, out, errOut)
	}
	items, err := parseContractsFile(data)
	if err != nil {
		var ie *registry.ImportError
		if errors.As(err, &ie) {
			fmt.Fprintln(errOut, ie.Error())
			return fmt.Errorf("%s: %d errors, nothing imported", path, len(ie.Rows)+ie.Omitted)
		}
		return err
	}
	n, err := store.ImportContracts(ctx, registry.SystemActor("import"), co.ID, items)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "imported %d contracts into %s; a running server indexes them within seconds\n", n, co.Slug)
	return nil
}

func runReindex(ctx context.Context, args []string) error {
	fs, dataDir := flags("reindex")
	fs.Parse(args)
	store, err := openStore(*dataDir)
	if err != nil {
		return err
	}
	defer store.Close()
	requests, err := appeals.Open(ctx, store)
	if err != nil {
		return err
	}
	auditStore, err := audits.Open(ctx, store, *dataDir)
	if err != nil {
		return err
	}
	started := time.Now()
	if err := search.Rebuild(ctx, indexDir(*dataDir), search.StoreSource{Store: store, Appeals: requests, Audits: auditStore}, progressBar("reindex", os.Stderr)); err != nil {
		return err
	}
	log.Printf("reindex: done in %s", time.Since(started).Round(time.Millisecond))
	return nil
}

// runVerify serves `jawnosc verify [--no-files]`: it recomputes the ledger from the database
// (every published version, attachment, audit PDF and request event) and, unless --no-files,
// reads every stored file the database names and every document of information requests (kept
// in the database) and checks its bytes against the recorded SHA-256. The
// first problem is printed and the command fails.
func runVerify(ctx context.Context, args []string, out io.Writer) error {
	fs, dataDir := flags("verify")
	noFiles := fs.Bool("no-files", false, "skip reading the stored files (check the ledger only)")
	fs.Parse(args)
	store, err := openStore(*dataDir)
	if err != nil {
		return err
	}
	defer store.Close()
	auditStore, err := audits.Open(ctx, store, *dataDir)
	if err != nil {
		return err
	}
	requests, err := appeals.Open(ctx, store)
	if err != nil {
		return err
	}
	bar := progressBar("verify", os.Stderr)
	rep, err := store.VerifyLedger(ctx, func(done, total int64) { bar(int(done), int(total)) },
		append(auditStore.LedgerCheckers(), requests.LedgerCheckers()...)...)
	if err != nil {
		return err
	}
	if rep.BrokenAt != 0 {
		fmt.Fprintf(out, "ledger BROKEN at link %d: %s\n", rep.BrokenAt, rep.Problem)
		return fmt.Errorf("ledger verification failed at link %d", rep.BrokenAt)
	}
	if !rep.OK() {
		fmt.Fprintf(out, "ledger INCOMPLETE: %s\n", rep.Problem)
		return errors.New("ledger verification failed: a public record is not in the ledger")
	}
	fmt.Fprintf(out, "ledger OK: %d links, head %s\n", rep.Links, rep.Head)
	if *noFiles {
		fmt.Fprintln(out, "files: not checked (--no-files)")
		return nil
	}
	refs, err := store.StoredFiles(ctx)
	if err != nil {
		return err
	}
	more, err := auditStore.StoredFiles(ctx)
	if err != nil {
		return err
	}
	refs = append(refs, more...)
	frep, err := registry.Files{Dir: attachmentsDir(*dataDir)}.Verify(ctx, refs, progressBar("files", os.Stderr))
	if err != nil {
		return err
	}
	if !frep.OK() {
		fmt.Fprintf(out, "files BROKEN: %s\n", frep.Problem)
		return errors.New("file verification failed: a stored file is missing or changed")
	}
	fmt.Fprintf(out, "files OK: %d files (%s) match their SHA-256\n", frep.Files, formatBytes(frep.Bytes))
	drep, err := requests.VerifyDocuments(ctx, progressBar("docs", os.Stderr))
	if err != nil {
		return err
	}
	if !drep.OK() {
		fmt.Fprintf(out, "documents BROKEN: %s\n", drep.Problem)
		return errors.New("document verification failed: a request's document is missing or changed")
	}
	fmt.Fprintf(out, "documents OK: %d documents of information requests (%s) match their SHA-256\n", drep.Documents, formatBytes(drep.Bytes))
	return nil
}

// formatBytes writes a byte count for people: "0 B", "12.3 MB".
func formatBytes(n int64) string {
	if n < 1<<10 {
		return strconv.FormatInt(n, 10) + " B"
	}
	f, units := float64(n), []string{"KB", "MB", "GB", "TB"}
	i := -1
	for f >= 1<<10 && i < len(units)-1 {
		f /= 1 << 10
		i++
	}
	return strconv.FormatFloat(f, 'f', 1, 64) + " " + units[i]
}

// runBackup serves `jawnosc backup FILE`: a consistent copy of the database, taken while
// a server may be running (see README "Backups and restore").
func runBackup(ctx context.Context, args []string, out io.Writer) error {
	fs, dataDir := flags("backup")
	fs.Parse(args)
	if fs.NArg() != 1 {
		return errors.New("usage: jawnosc backup [--data DIR] FILE")
	}
	store, err := openStore(*dataDir)
	if err != nil {
		return err
	}
	defer store.Close()
	if _, err := audits.Open(ctx, store, *dataDir); err != nil { // the copy carries every table
		return err
	}
	started := time.Now()
	if err := store.Backup(ctx, fs.Arg(0)); err != nil {
		return err
	}
	fmt.Fprintf(out, "backup: %s written in %s\n", fs.Arg(0), time.Since(started).Round(time.Millisecond))
	return nil
}

func runBench(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("bench", flag.ExitOnError)
	n := fs.Int("contracts", 100000, "number of synthetic contracts")
	queries := fs.Int("queries", 2000, "measured requests per query class")
	keep := fs.String("keep", "", "keep the built data in this directory instead of a temporary one")
	fs.Parse(args)
	return bench.Run(ctx, bench.Options{Contracts: *n, Queries: *queries, Dir: *keep, Out: os.Stdout, Progress: progressBar})
}

// progressBar returns a progress callback that redraws one line on w (a terminal) at most
// ten times a second, and prints the final state.
func progressBar(label string, w io.Writer) func(done, total int) {
	var last time.Time
	start := time.Now()
	return func(done, total int) {
		if done < total && time.Since(last) < 100*time.Millisecond {
			return
		}
		last = time.Now()
		pct := 100.0
		if total > 0 {
			pct = float64(done) * 100 / float64(total)
		}
		width := 30
		filled := int(pct / 100 * float64(width))
		fmt.Fprintf(w, "\r%-8s [%s%s] %5.1f%% %d/%d %s", label, strings.Repeat("#", filled), strings.Repeat(".", width-filled), pct, done, total, time.Since(start).Round(time.Second))
		if done >= total {
			fmt.Fprintln(w)
		}
	}
}
