package audits

import (
	"bytes"

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

// Attachments keeps the PDFs of audit reports in the same store as every other upload
// (registry.Files: Dir/ab/cdef…, one copy per content).
type Attachments struct{ Dir string }

// Path returns where a file with the hex SHA-256 sum is kept; ENOTFOUND for a malformed sum.
func (a Attachments) Path(sum string) (string, error) {
	return registry.Files{Dir: a.Dir}.Path(sum)
}

// SavePDF checks b with CheckPDF and stores it (once: the same content is kept once). It
// returns the attachment. Errors: EINVALID, ETOOLARGE, EINTERNAL.
func (a Attachments) SavePDF(b []byte) (*Attachment, error) {
	if err := CheckPDF(b); err != nil {
		return nil, err
	}
	sf, err := registry.Files{Dir: a.Dir}.PutPDF(bytes.NewReader(b), MaxPDF, "pdf")
	if err != nil {
		return nil, err
	}
	return &Attachment{SHA256: sf.SHA256, Size: sf.Size}, nil
}
