package main

import (
	"context"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/robfig/cron/v3"

	"jawnosc/appeals"
	"jawnosc/audits"
	"jawnosc/registry"
	"jawnosc/web"
)

// job is one scheduled task: a stable name (in logs), a cron spec read in Europe/Warsaw
// (minute hour day-of-month month day-of-week, or a descriptor such as @daily) and the work.
// The work is a plain function of its package, tested there with a pinned clock.
type job struct {
	Name string
	Spec string
	Run  func(ctx context.Context) error
}

// jobDeps is what the scheduled jobs need; runServe builds it.
type jobDeps struct {
	Store   *registry.Store
	Audits  *audits.Store
	DataDir string
	Appeals *appeals.Service // information requests; nil leaves their jobs idle
	Mailer  *appeals.Mailer  // nil when JAWNOSC_SMTP_URL is not set
	Now     func() time.Time
}

// backupsKept is how many nightly backups stay in data/backups.
const backupsKept = 7

// scheduledJobs lists every scheduled job with its explicit dependencies. Add a job as one
// entry here.
func scheduledJobs(d jobDeps) []job {
	return []job{
		{Name: "sessions-cleanup", Spec: "17 * * * *", Run: func(ctx context.Context) error {
			n, err := d.Store.DeleteExpiredSessions(ctx)
			if err == nil && n > 0 {
				log.Printf("job sessions-cleanup: removed %d expired sessions", n)
			}
			return err
		}},
		{Name: "requests-daily", Spec: "5 6 * * *", Run: requestsDaily(d)},
		{Name: "requests-outbox", Spec: "*/5 * * * *", Run: requestsOutbox(d)},
		{Name: "backup", Spec: "30 2 * * *", Run: func(ctx context.Context) error {
			path, err := d.Store.RotateBackup(ctx, filepath.Join(d.DataDir, "backups"), d.Now(), backupsKept)
			if err == nil {
				log.Printf("job backup: wrote %s", path)
			}
			return err
		}},
		{Name: "signals-recheck", Spec: "45 2 * * *", Run: func(ctx context.Context) error {
			n, err := d.Audits.RecheckSignals(ctx)
			if err == nil {
				log.Printf("job signals-recheck: judged %d companies again", n)
			}
			return err
		}},
		{Name: "open-data-dumps", Spec: "20 3 * * *", Run: func(ctx context.Context) error {
			od := openDataConfig(d.DataDir)
			j := &web.DumpJob{Store: d.Store, Dir: od.DumpsDir, Now: d.Now, BaseURL: os.Getenv("JAWNOSC_BASE_URL"), City: "Kraków", OpenData: od}
			m, err := j.Run(ctx)
			if err == nil {
				log.Printf("job open-data-dumps: wrote %d files for %s", len(m.Files), m.Date)
			}
			return err
		}},
		{Name: "audit-overdue-notices", Spec: "5 6 * * *", Run: func(ctx context.Context) error {
			ns, err := d.Audits.NoticeOverdue(ctx, d.Now())
			if err == nil && len(ns) > 0 {
				log.Printf("job audit-overdue-notices: %d new notices of overdue recommendations", len(ns))
			}
			return err
		}},
	}
}

// startScheduler starts the jobs; a job still running when its next turn comes is skipped,
// and a panicking job is logged, not fatal. Stop it with stopScheduler before the database
// closes.
func startScheduler(ctx context.Context, jobs []job) (*cron.Cron, error) {
	logger := cron.PrintfLogger(log.Default())
	c := cron.New(cron.WithLocation(registry.Warsaw()), cron.WithChain(cron.Recover(logger), cron.SkipIfStillRunning(logger)))
	seen := map[string]bool{}
	for _, j := range jobs {
		if seen[j.Name] {
			return nil, fmt.Errorf("scheduler: job name %q used twice", j.Name)
		}
		seen[j.Name] = true
		if _, err := c.AddFunc(j.Spec, func() { runJob(ctx, j) }); err != nil {
			return nil, fmt.Errorf("scheduler: job %s: %w", j.Name, err)
		}
	}
	c.Start()
	return c, nil
}

// runJob runs one job and logs its outcome (names and counts only: no personal data).
func runJob(ctx context.Context, j job) {
	if ctx.Err() != nil {
		return
	}
	started := time.Now()
	if err := j.Run(ctx); err != nil {
		log.Printf("job %s failed after %s: %v", j.Name, time.Since(started).Round(time.Millisecond), err)
	}
}

// stopScheduler stops starting jobs and waits for running ones to finish.
func stopScheduler(c *cron.Cron) {
	<-c.Stop().Done()
}
