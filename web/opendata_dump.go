package web

import (
	"bufio"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"jawnosc/registry"
)

// DefaultDumpKeep is how many daily dumps stay on disk.
const DefaultDumpKeep = 7

// dumpManifestName is the file, in the dumps directory, that names the latest dump.
const dumpManifestName = "latest.json"

// DumpJob writes the nightly bulk downloads: a full dump of every register (CSV and JSON,
// gzip; contracts also as OCDS) and of the ledger, into Dir/YYYY-MM-DD/, then points
// Dir/latest.json at it and removes dumps older than the Keep newest. It is a plain
// function of its inputs; main runs it from the scheduler.
type DumpJob struct {
	Store    *registry.Store
	Dir      string           // data/dumps
	Now      func() time.Time // the clock (tests pin it)
	BaseURL  string           // absolute base of links inside the files, may be ""
	City     string           // for the OCDS publisher name
	OpenData OpenDataConfig
	Keep     int // dumps kept; DefaultDumpKeep when 0
}

// DumpFile is one file of a dump, as listed on /otwarte-dane.
type DumpFile struct {
	Name     string `json:"name"`     // e.g. "umowy.csv.gz"
	Register string `json:"register"` // register kind, or "ledger"
	Format   string `json:"format"`   // CSV, JSON, OCDS
	Title    string `json:"title"`    // Polish description
	Size     int64  `json:"size"`     // bytes (compressed)
	SHA256   string `json:"sha256"`   // of the file as served
}

// DumpManifest describes one dump.
type DumpManifest struct {
	Date        string     `json:"date"` // YYYY-MM-DD, Europe/Warsaw
	GeneratedAt time.Time  `json:"generated_at"`
	LedgerHead  string     `json:"ledger_head"` // the chain's head when the dump was written
	LedgerSeq   int64      `json:"ledger_seq"`
	Files       []DumpFile `json:"files"`
}

// dumpSpec is one file of every dump and how to write it.
type dumpSpec struct {
	DumpFile
	write func(ctx context.Context, j *DumpJob, w *bufio.Writer) error
}

// contractDumpSpecs are the contract register's files.
var contractDumpSpecs = []dumpSpec{
	{DumpFile{Name: "umowy.csv.gz", Register: registry.KindContract, Format: "CSV", Title: "Rejestr umów — CSV (UTF-8, średnik, jak eksport dla Excela)"},
		func(ctx context.Context, j *DumpJob, w *bufio.Writer) error {
			return streamContractsCSV(ctx, j.Store, w, j.BaseURL)
		}},
	{DumpFile{Name: "umowy.json.gz", Register: registry.KindContract, Format: "JSON", Title: "Rejestr umów — JSON (obiekty jak w /api/v1/contracts)"},
		func(ctx context.Context, j *DumpJob, w *bufio.Writer) error {
			return streamContractsJSON(ctx, j.Store, w)
		}},
	{DumpFile{Name: "umowy-ocds.json.gz", Register: registry.KindContract, Format: "OCDS", Title: "Rejestr umów — OCDS 1.1 (pakiet wydań)"},
		writeOCDSDump},
}

// ledgerDumpSpecs are the ledger's files.
var ledgerDumpSpecs = []dumpSpec{
	{DumpFile{Name: "lancuch.csv.gz", Register: "ledger", Format: "CSV", Title: "Łańcuch skrótów (rejestr publikacji) — CSV"},
		writeLedgerCSV},
	{DumpFile{Name: "lancuch.json.gz", Register: "ledger", Format: "JSON", Title: "Łańcuch skrótów (rejestr publikacji) — JSON"},
		writeLedgerJSON},
}

// dumpSpecs lists the files of a dump: contracts, the entry registers, the ledger.
func dumpSpecs() []dumpSpec {
	out := append([]dumpSpec{}, contractDumpSpecs...)
	out = append(out, registerDumpSpecs()...)
	return append(out, ledgerDumpSpecs...)
}

// registerDumpSpecs are the CSV and JSON dumps of the entry registers (expenses, ads,
// recruitments), written by the same code as their exports.
func registerDumpSpecs() []dumpSpec {
	var out []dumpSpec
	for _, d := range registerDefs {
		out = append(out,
			dumpSpec{DumpFile{Name: d.Tab + ".csv.gz", Register: d.Kind, Format: "CSV", Title: d.Title + " — CSV (UTF-8, średnik)"},
				func(ctx context.Context, j *DumpJob, w *bufio.Writer) error {
					return d.exportCSV(ctx, j.server(), w, j.BaseURL)
				}},
			dumpSpec{DumpFile{Name: d.Tab + ".json.gz", Register: d.Kind, Format: "JSON", Title: d.Title + " — JSON"},
				func(ctx context.Context, j *DumpJob, w *bufio.Writer) error {
					return writeJSONArray(w, func(emit func(any) error) error { return d.exportJSON(ctx, j.server(), emit) })
				}})
	}
	return out
}

// server is the minimal server the register exporters read the store from.
func (j *DumpJob) server() *server { return &server{cfg: Config{Store: j.Store, City: j.City}} }

// Run writes today's dump and returns its manifest. A second run on the same day replaces
// that day's dump. Errors: the store's or the file system's; a failed run leaves the
// previous dump listed.
func (j *DumpJob) Run(ctx context.Context) (*DumpManifest, error) {
	now := j.Now()
	m := &DumpManifest{Date: now.In(registry.Warsaw()).Format("2006-01-02"), GeneratedAt: now.UTC().Truncate(time.Second)}
	head, err := j.Store.LedgerHead(ctx)
	if err != nil {
		return nil, err
	}
	m.LedgerHead, m.LedgerSeq = head.Hash, head.Seq
	if err := os.MkdirAll(j.Dir, 0o750); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(j.Dir, ".tmp-"+m.Date+"-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	for _, sp := range dumpSpecs() {
		f, err := writeDumpFile(ctx, j, filepath.Join(tmp, sp.Name), sp)
		if err != nil {
			return nil, fmt.Errorf("dump %s: %w", sp.Name, err)
		}
		m.Files = append(m.Files, f)
	}
	if err := writeJSONFile(filepath.Join(tmp, "manifest.json"), m); err != nil {
		return nil, err
	}
	final := filepath.Join(j.Dir, m.Date)
	if err := os.RemoveAll(final); err != nil {
		return nil, err
	}
	if err := os.Rename(tmp, final); err != nil {
		return nil, err
	}
	if err := writeJSONFile(filepath.Join(j.Dir, dumpManifestName), m); err != nil {
		return nil, err
	}
	return m, j.prune()
}

// writeDumpFile writes one gzip file and returns its size and SHA-256.
func writeDumpFile(ctx context.Context, j *DumpJob, path string, sp dumpSpec) (DumpFile, error) {
	out := sp.DumpFile
	f, err := os.Create(path)
	if err != nil {
		return out, err
	}
	defer f.Close()
	h := sha256.New()
	cw := &countingWriter{w: io.MultiWriter(f, h)}
	zw, err := gzip.NewWriterLevel(cw, gzip.DefaultCompression)
	if err != nil {
		return out, err
	}
	zw.Name = strings.TrimSuffix(sp.Name, ".gz") // no ModTime: the same data gives the same file
	bw := bufio.NewWriterSize(zw, 64<<10)
	if err := sp.write(ctx, j, bw); err != nil {
		return out, err
	}
	if err := bw.Flush(); err != nil {
		return out, err
	}
	if err := zw.Close(); err != nil {
		return out, err
	}
	if err := f.Sync(); err != nil {
		return out, err
	}
	out.Size, out.SHA256 = cw.n, hex.EncodeToString(h.Sum(nil))
	return out, f.Close()
}

// countingWriter counts the bytes written through it.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// writeJSONFile writes v as indented JSON through a temporary file and a rename.
func writeJSONFile(path string, v any) error {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, append(b, '\n'), 0o640); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// prune removes all but the Keep newest dated dumps.
func (j *DumpJob) prune() error {
	keep := j.Keep
	if keep <= 0 {
		keep = DefaultDumpKeep
	}
	ents, err := os.ReadDir(j.Dir)
	if err != nil {
		return err
	}
	var dates []string
	for _, e := range ents {
		if _, err := time.Parse("2006-01-02", e.Name()); err == nil && e.IsDir() {
			dates = append(dates, e.Name())
		}
	}
	sort.Sort(sort.Reverse(sort.StringSlice(dates)))
	for i := keep; i < len(dates); i++ {
		if err := os.RemoveAll(filepath.Join(j.Dir, dates[i])); err != nil {
			return err
		}
	}
	return nil
}

// writeOCDSDump writes the OCDS release package of the whole register.
func writeOCDSDump(ctx context.Context, j *DumpJob, w *bufio.Writer) error {
	cos, err := j.Store.CompaniesBySlug(ctx)
	if err != nil {
		return err
	}
	base := strings.TrimRight(j.BaseURL, "/")
	cfg := registry.OCDSConfig{Prefix: j.OpenData.OCDSPrefix, PublisherName: "Jawność — " + j.City, BaseURL: base, License: j.OpenData.licenceURL()}
	uri := "urn:jawnosc:dump:" + j.Now().In(registry.Warsaw()).Format("2006-01-02") + ":umowy-ocds"
	if base != "" {
		uri = base + "/otwarte-dane/pobierz/umowy-ocds.json.gz"
	}
	head := registry.OCDSPackageHead(cfg, uri, j.Now().UTC().Format(time.RFC3339))
	return j.Store.WriteOCDSReleasePackage(ctx, cfg, cos, head, w)
}

// scanLedger calls fn with every link of the chain, in order.
func scanLedger(ctx context.Context, st *registry.Store, fn func(*registry.LedgerLink) error) error {
	var after int64
	for {
		links, err := st.FindLedger(ctx, after, 1000)
		if err != nil {
			return err
		}
		for _, l := range links {
			if err := fn(l); err != nil {
				return err
			}
			after = l.Seq
		}
		if len(links) < 1000 {
			return nil
		}
	}
}

// writeLedgerJSON writes the chain as one JSON array of the links of /api/v1/ledger.
func writeLedgerJSON(ctx context.Context, j *DumpJob, w *bufio.Writer) error {
	return writeJSONArray(w, func(emit func(any) error) error {
		return scanLedger(ctx, j.Store, func(l *registry.LedgerLink) error { return emit(l) })
	})
}

// ledgerCSVColumns are the columns of the ledger CSV (the JSON field names).
var ledgerCSVColumns = []string{"seq", "entry_id", "kind", "version", "data_hash", "prev_hash", "hash", "created_at", "link_kind", "ref_id"}

// writeLedgerCSV writes the chain as CSV (comma, no quoting needed: every value is a
// number, a code or a hex hash).
func writeLedgerCSV(ctx context.Context, j *DumpJob, w *bufio.Writer) error {
	w.WriteString(strings.Join(ledgerCSVColumns, ",") + "\r\n")
	return scanLedger(ctx, j.Store, func(l *registry.LedgerLink) error {
		_, err := fmt.Fprintf(w, "%d,%d,%s,%d,%s,%s,%s,%s,%s,%d\r\n", l.Seq, l.EntryID, l.Kind, l.Version, l.DataHash, l.PrevHash, l.Hash, l.CreatedAt, l.LinkKind, l.RefID)
		return err
	})
}

// ReadDumpManifest returns the latest dump's manifest in dir, or nil when there is none.
func ReadDumpManifest(dir string) (*DumpManifest, error) {
	if dir == "" {
		return nil, nil
	}
	b, err := os.ReadFile(filepath.Join(dir, dumpManifestName))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var m DumpManifest
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, fmt.Errorf("%s: %w", dumpManifestName, err)
	}
	return &m, nil
}

// SizeText is the file size for people: "812 B", "1,4 kB", "23,5 MB".
func (f DumpFile) SizeText() string {
	units := []string{"B", "kB", "MB", "GB"}
	v, i := float64(f.Size), 0
	for v >= 1000 && i < len(units)-1 {
		v, i = v/1000, i+1
	}
	if i == 0 {
		return fmt.Sprintf("%d B", f.Size)
	}
	return strings.Replace(fmt.Sprintf("%.1f %s", v, units[i]), ".", ",", 1)
}
