package registry

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// FileRef is a stored file that a row of the database names: its recorded SHA-256 and size
// and, in Polish, what it is ("oryginał załącznika nr 3 wpisu 12").
type FileRef struct {
	SHA256 string
	Size   int64
	What   string
}

// FilesReport is the outcome of Files.Verify.
type FilesReport struct {
	Files   int    `json:"files"` // distinct stored files read
	Bytes   int64  `json:"bytes"`
	Problem string `json:"problem,omitempty"` // the first missing or changed file, in Polish
}

// OK reports whether every file was found with its recorded content.
func (r *FilesReport) OK() bool { return r.Problem == "" }

// Verify reads every file refs name (each content once) and checks its bytes against the
// recorded SHA-256 and size; it stops at the first missing or changed file. progress (may
// be nil) is called with the files checked so far and the total.
func (f Files) Verify(ctx context.Context, refs []FileRef, progress func(done, total int)) (*FilesReport, error) {
	rep := &FilesReport{}
	checked := make(map[string]int64, len(refs)) // sha → size found
	buf := make([]byte, 256<<10)
	for i, r := range refs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if progress != nil && i%100 == 0 {
			progress(i, len(refs))
		}
		size, seen := checked[r.SHA256]
		if !seen {
			if !validSHA256(r.SHA256) {
				rep.Problem = fmt.Sprintf("%s: zapisany skrót %q nie jest poprawnym SHA-256", r.What, r.SHA256)
				return rep, nil
			}
			p := f.path(r.SHA256)
			fh, err := os.Open(p)
			if errors.Is(err, fs.ErrNotExist) {
				rep.Problem = fmt.Sprintf("brak pliku: %s (SHA-256 %s, oczekiwany w %s)", r.What, r.SHA256, p)
				return rep, nil
			} else if err != nil {
				return nil, err
			}
			h := sha256.New()
			n, err := io.CopyBuffer(h, fh, buf)
			fh.Close()
			if err != nil {
				return nil, fmt.Errorf("read %s: %w", p, err)
			}
			if got := hex.EncodeToString(h.Sum(nil)); got != r.SHA256 {
				rep.Problem = fmt.Sprintf("plik zmieniony: %s (%s) ma SHA-256 %s, a zapisano %s", r.What, p, got, r.SHA256)
				return rep, nil
			}
			size, checked[r.SHA256] = n, n
			rep.Files, rep.Bytes = rep.Files+1, rep.Bytes+n
		}
		if size != r.Size {
			rep.Problem = fmt.Sprintf("%s: plik ma %d bajtów, a zapisano %d", r.What, size, r.Size)
			return rep, nil
		}
	}
	if progress != nil {
		progress(len(refs), len(refs))
	}
	return rep, nil
}

// StoredFiles lists every file the attachments name: each original and each redacted copy,
// in the order they were attached.
func (s *Store) StoredFiles(ctx context.Context) ([]FileRef, error) {
	ats, err := queryAttachments(ctx, s.read, attachmentSelect+` ORDER BY a.id`)
	if err != nil {
		return nil, formatError(err)
	}
	var out []FileRef
	for _, at := range ats {
		out = append(out, FileRef{SHA256: at.SHA256, Size: at.Size, What: fmt.Sprintf("oryginał załącznika nr %d wpisu %d", at.ID, at.EntryID)})
		if at.Redacted() {
			out = append(out, FileRef{SHA256: at.RedactedSHA256, Size: at.RedactedSize, What: fmt.Sprintf("kopia z wyłączeniami załącznika nr %d wpisu %d", at.ID, at.EntryID)})
		}
	}
	return out, nil
}
