package registry

import (
	"bytes"
	"io"
	"regexp"
	"strconv"
)

// Polish messages about uploaded files.
const (
	msgNotPDF    = "Plik nie jest dokumentem PDF. Załącz umowę zapisaną jako PDF."
	msgBrokenPDF = "Plik PDF jest uszkodzony albo niekompletny. Zapisz go ponownie jako PDF i załącz jeszcze raz."
	msgEmptyFile = "Wybierz plik PDF do załączenia."
)

// pdfTail is how much of the end of a file is searched for startxref and %%EOF.
const pdfTail = 2048

var (
	pdfHeaderRe    = regexp.MustCompile(`^%PDF-[12]\.[0-9]`)
	pdfStartXrefRe = regexp.MustCompile(`startxref\s+([0-9]{1,15})\s+%%EOF`)
	pdfXrefAtRe    = regexp.MustCompile(`^\s*(xref|[0-9]+\s+[0-9]+\s+obj)`)
)

// CheckPDF tells whether the size bytes of r are a PDF document, judged by content only (never by
// the file name or the browser's Content-Type): the header "%PDF-1.x" or "%PDF-2.x" at the start, and
// the structure a reader needs to open it — a last "startxref <offset> %%EOF" near the end whose
// offset points inside the file at a cross-reference table ("xref") or stream ("N G obj").
// Returns nil, or EINVALID with the Polish message for field.
func CheckPDF(r io.ReaderAt, size int64, field string) error {
	fail := func(msg string) error {
		return &Error{Code: EINVALID, Message: msg, Fields: map[string]string{field: msg}}
	}
	if size == 0 {
		return fail(msgEmptyFile)
	}
	head := make([]byte, min(size, 1024))
	if _, err := r.ReadAt(head, 0); err != nil && err != io.EOF {
		return Internal(err)
	}
	if !pdfHeaderRe.Match(head) {
		return fail(msgNotPDF)
	}
	tailLen := min(size, pdfTail)
	tail := make([]byte, tailLen)
	if _, err := r.ReadAt(tail, size-tailLen); err != nil && err != io.EOF {
		return Internal(err)
	}
	eof := bytes.LastIndex(tail, []byte("%%EOF"))
	all := pdfStartXrefRe.FindAllSubmatch(tail, -1)
	if eof < 0 || !onlyPDFWhitespace(tail[eof+5:]) || len(all) == 0 {
		return fail(msgBrokenPDF)
	}
	off, err := strconv.ParseInt(string(all[len(all)-1][1]), 10, 64)
	if err != nil || off <= 0 || off >= size {
		return fail(msgBrokenPDF)
	}
	at := make([]byte, min(64, size-off))
	if _, err := r.ReadAt(at, off); err != nil && err != io.EOF {
		return Internal(err)
	}
	if !pdfXrefAtRe.Match(at) {
		return fail(msgBrokenPDF)
	}
	return nil
}

// IsPDF reports whether b is a PDF document by CheckPDF's rules (content only). Every
// package that accepts PDFs (attachments, audit reports, documents of answers to requests)
// judges them this way.
func IsPDF(b []byte) bool {
	return CheckPDF(bytes.NewReader(b), int64(len(b)), "file") == nil
}

// onlyPDFWhitespace reports whether b holds only the white space and NUL padding that some
// writers leave after the final %%EOF.
func onlyPDFWhitespace(b []byte) bool {
	for _, c := range b {
		switch c {
		case ' ', '\t', '\r', '\n', '\f', 0:
		default:
			return false
		}
	}
	return true
}
