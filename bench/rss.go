package bench

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"time"
)

// memory is a process's resident memory as /proc/self/status reports it, in bytes:
// anonymous pages (the Go heap, stacks, SQLite's caches) and file-backed pages (the search
// index's segment files, which bleve maps into memory; they are the kernel's page cache,
// shared and dropped under pressure, but count in RSS while mapped).
type memory struct {
	Anon, File int64
}

func (m memory) total() int64 { return m.Anon + m.File }

func (m memory) String() string {
	return fmt.Sprintf("%.0f MiB (anonymous %.0f MiB + file-backed %.0f MiB)", mib(m.total()), mib(m.Anon), mib(m.File))
}

func mib(n int64) float64 { return float64(n) / (1 << 20) }

// readMemory reads RssAnon and RssFile (+ RssShmem, counted as file) of this process.
func readMemory() (memory, bool) {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return memory{}, false
	}
	var m memory
	found := false
	for _, line := range strings.Split(string(b), "\n") {
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		var kb int64
		fmt.Sscanf(strings.TrimSpace(value), "%d", &kb)
		switch name {
		case "RssAnon":
			m.Anon, found = kb<<10, true
		case "RssFile", "RssShmem":
			m.File += kb << 10
		}
	}
	return m, found
}

// rssSampler samples the process's memory every few milliseconds and keeps, per phase, the
// sample with the largest total, so a report can say where a peak comes from. VmHWM (the
// kernel's exact peak of the total) is reported beside it; a sample can miss a short spike.
type rssSampler struct {
	mu    sync.Mutex
	phase string
	peaks map[string]memory
	order []string
	stop  chan struct{}
	done  chan struct{}
}

func startRSSSampler(every time.Duration) *rssSampler {
	s := &rssSampler{peaks: map[string]memory{}, stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(s.done)
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			s.sample()
			select {
			case <-s.stop:
				return
			case <-t.C:
			}
		}
	}()
	return s
}

// enter starts a phase: later samples count towards it.
func (s *rssSampler) enter(phase string) {
	s.sample()
	s.mu.Lock()
	s.phase = phase
	if _, ok := s.peaks[phase]; !ok {
		s.order = append(s.order, phase)
		s.peaks[phase] = memory{}
	}
	s.mu.Unlock()
	s.sample()
}

func (s *rssSampler) sample() {
	m, ok := readMemory()
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.phase == "" {
		return
	}
	if m.total() > s.peaks[s.phase].total() {
		s.peaks[s.phase] = m
	}
}

// Stop ends sampling and returns the phases in order with their peaks.
func (s *rssSampler) Stop() ([]string, map[string]memory) {
	s.sample()
	close(s.stop)
	<-s.done
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.order, s.peaks
}
