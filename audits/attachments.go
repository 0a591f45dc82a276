package audits

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"regexp"

	"jawnosc/registry"
)

// MaxPDF is the largest PDF accepted (the report or evidence); below the web layer's request limit, so the field gets the message.
const MaxPDF = 8 << 20

// CheckPDF checks by content that b is a PDF document within MaxPDF, by the same rules as
// every other upload (registry.IsPDF: the "%PDF-1.x"/"%PDF-2.x" header and a cross-reference
// structure that a reader can open). EINVALID or ETOOLARGE.
func CheckPDF(b []byte) error {
	if len(b) > MaxPDF {
		return registry.Errorf(registry.ETOOLARGE, "Plik jest za duży: najwyżej %d MB.", MaxPDF>>20)
	}
	if registry.IsPDF(b) {
		return nil
	}
	if !(bytes.HasPrefix(b, []byte("%PDF-1.")) || bytes.HasPrefix(b, []byte("%PDF-2."))) {
		return registry.Errorf(registry.EINVALID, "To nie jest plik PDF.")
	}
	return registry.Errorf(registry.EINVALID, "Plik PDF jest uszkodzony albo niekompletny. Zapisz go ponownie jako PDF i załącz jeszcze raz.")
}

var shaPattern = regexp.MustCompile(`^[0-9a-f]{64}$`)

// Attachments stores files under dir by their SHA-256 (dir/ab/abcdef….pdf).
type Attachments struct{ Dir string }

// Path returns where a file with the hex SHA-256 sum is kept; ENOTFOUND for a malformed sum.
func (a Attachments) Path(sum string) (string, error) {
	if !shaPattern.MatchString(sum) {
		return "", registry.Errorf(registry.ENOTFOUND, "Nie ma takiego pliku.")
	}
	return filepath.Join(a.Dir, sum[:2], sum+".pdf"), nil
}

// SavePDF checks b with CheckPDF and stores it (once: an existing file with the same sum is
// kept). It returns the attachment. Errors: EINVALID, ETOOLARGE, EINTERNAL.
func (a Attachments) SavePDF(b []byte) (*Attachment, error) {
	if err := CheckPDF(b); err != nil {
		return nil, err
	}
	raw := sha256.Sum256(b)
	sum := hex.EncodeToString(raw[:])
	path, _ := a.Path(sum)
	if _, err := os.Stat(path); err == nil {
		return &Attachment{SHA256: sum, Size: int64(len(b))}, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, registry.Internal(err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".upload-*")
	if err != nil {
		return nil, registry.Internal(err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return nil, registry.Internal(err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return nil, registry.Internal(err)
	}
	if err := tmp.Close(); err != nil {
		return nil, registry.Internal(err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return nil, registry.Internal(fmt.Errorf("audits: store attachment: %w", err))
	}
	return &Attachment{SHA256: sum, Size: int64(len(b))}, nil
}
