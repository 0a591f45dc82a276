package registry

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// DefaultMaxUpload is the largest attachment accepted unless configured otherwise (25 MiB).
const DefaultMaxUpload = 25 << 20

// Files keeps uploaded files under Dir (the data directory's attachments/), each named by the
// SHA-256 of its content: Dir/ab/cdef… (the first two hex digits are a folder). The same
// content is stored once, however often it is attached.
type Files struct {
	Dir string
}

// StoredFile is a file kept in Files.
type StoredFile struct {
	SHA256 string
	Size   int64
}

// TooLargeError returns the ETOOLARGE error of a file over max bytes, with the Polish
// message on field.
func TooLargeError(field string, max int64) error {
	msg := fmt.Sprintf("Plik jest za duży: może mieć najwyżej %s.", FormatMB(max))
	return &Error{Code: ETOOLARGE, Message: msg, Fields: map[string]string{field: msg}}
}

// FormatMB formats a byte limit in whole mebibytes, rounded up, as Poles write it ("25 MB").
func FormatMB(n int64) string {
	return fmt.Sprintf("%d MB", (n+(1<<20)-1)>>20)
}

// PutPDF stores what r holds when it is a PDF (CheckPDF) of at most max bytes: it is copied
// to a temporary file in Dir while hashed, checked, then renamed to its place (or dropped
// when that content is already stored). Errors: ETOOLARGE or EINVALID with the Polish
// message on field; EINTERNAL when the disk fails.
func (f Files) PutPDF(r io.Reader, max int64, field string) (StoredFile, error) {
	if f.Dir == "" {
		return StoredFile{}, Internal(errors.New("registry: Files.Dir not set"))
	}
	if err := os.MkdirAll(f.Dir, 0o750); err != nil {
		return StoredFile{}, Internal(err)
	}
	tmp, err := os.CreateTemp(f.Dir, ".upload-*")
	if err != nil {
		return StoredFile{}, Internal(err)
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(tmp, h), io.LimitReader(r, max+1))
	if err != nil {
		return StoredFile{}, Internal(err)
	}
	if n > max {
		return StoredFile{}, TooLargeError(field, max)
	}
	if err := CheckPDF(tmp, n, field); err != nil {
		return StoredFile{}, err
	}
	if err := tmp.Sync(); err != nil {
		return StoredFile{}, Internal(err)
	}
	if err := tmp.Close(); err != nil {
		return StoredFile{}, Internal(err)
	}
	sf := StoredFile{SHA256: hex.EncodeToString(h.Sum(nil)), Size: n}
	dst := f.path(sf.SHA256)
	if err := os.MkdirAll(filepath.Dir(dst), 0o750); err != nil {
		return StoredFile{}, Internal(err)
	}
	if st, err := os.Stat(dst); err == nil && st.Size() == n {
		os.Remove(tmp.Name()) // the same content is already stored
	} else if err := os.Rename(tmp.Name(), dst); err != nil {
		return StoredFile{}, Internal(err)
	}
	done = true
	return sf, nil
}

// Open opens the stored file with the given SHA-256. Errors: ENOTFOUND.
func (f Files) Open(sha string) (*os.File, error) {
	if !validSHA256(sha) {
		return nil, Errorf(ENOTFOUND, "Nie ma takiego pliku.")
	}
	fh, err := os.Open(f.path(sha))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, Errorf(ENOTFOUND, "Nie ma takiego pliku.")
	} else if err != nil {
		return nil, Internal(err)
	}
	return fh, nil
}

// Path returns where the content with the given SHA-256 is kept (for sending the file).
// Errors: ENOTFOUND for anything but 64 lower-case hex digits.
func (f Files) Path(sha string) (string, error) {
	if !validSHA256(sha) {
		return "", Errorf(ENOTFOUND, "Nie ma takiego pliku.")
	}
	return f.path(sha), nil
}

// path is where content with the given SHA-256 (64 lower-case hex digits) is kept.
func (f Files) path(sha string) string {
	return filepath.Join(f.Dir, sha[:2], sha[2:])
}

// validSHA256 reports whether s is 64 lower-case hex digits.
func validSHA256(s string) bool {
	if len(s) != 64 {
		return false
	}
	for _, c := range s {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}
