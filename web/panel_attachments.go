package web

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"jawnosc/registry"
)

// files is the attachment storage under the data directory.
func (s *server) files() registry.Files { return registry.Files{Dir: s.cfg.AttachmentsDir} }

// receivePDF stores the PDF sent in the multipart field (checked by content, at most
// MaxUploadBytes) and returns it with the name it was sent under; nil when the field holds no
// file and required is false. Errors: EINVALID (no file, not a PDF) or ETOOLARGE, with the
// Polish message on field.
func (s *server) receivePDF(c *fiber.Ctx, field string, required bool) (*registry.StoredFile, string, error) {
	fh, err := c.FormFile(field)
	if errors.Is(err, fasthttp.ErrMissingFile) || errors.Is(err, http.ErrMissingFile) {
		if !required {
			return nil, "", nil
		}
		msg := "Wybierz plik PDF do załączenia."
		return nil, "", &registry.Error{Code: registry.EINVALID, Message: msg, Fields: map[string]string{field: msg}}
	} else if err != nil {
		return nil, "", registry.Errorf(registry.EINVALID, "Formularz z plikiem musi być wysłany jako multipart/form-data.")
	}
	if fh.Size > s.cfg.MaxUploadBytes {
		return nil, "", registry.TooLargeError(field, s.cfg.MaxUploadBytes)
	}
	f, err := fh.Open()
	if err != nil {
		return nil, "", registry.Internal(err)
	}
	defer f.Close()
	sf, err := s.files().PutPDF(f, s.cfg.MaxUploadBytes, field)
	if err != nil {
		return nil, "", err
	}
	return &sf, fh.Filename, nil
}

// handleUploadAttachment serves POST /panel/umowy/{id}/zalaczniki (multipart: title, file and
// optionally redacted, the redacted copy the public gets instead). Only PDFs, judged by content;
// at most MaxUploadBytes each. Not a PDF or a missing title: 422 with the page and the message
// beside the field; too large: 413 likewise; another company's entry: 403 (before any byte is
// stored).
func (s *server) handleUploadAttachment(c *fiber.Ctx) error {
	v, err := s.panelContract(c)
	if err != nil {
		return err
	}
	ct := v.C
	v.Upload.Values["title"] = c.FormValue("title")
	fail := func(err error) error {
		fields := registry.ErrorFields(err)
		if len(fields) == 0 {
			return err
		}
		for k, m := range fields {
			v.Upload.Errors[k] = m
		}
		status := fiber.StatusUnprocessableEntity
		if registry.ErrorCode(err) == registry.ETOOLARGE {
			status = fiber.StatusRequestEntityTooLarge
		}
		return s.renderPanelContract(c, status, v)
	}
	if strings.TrimSpace(v.Upload.Values["title"]) == "" {
		// Nothing is stored until the form is right (a browser sends the files again anyway).
		v.Upload.Errors["title"] = "Podaj nazwę załącznika, np. „Treść umowy” albo „Aneks nr 1”."
		return s.renderPanelContract(c, fiber.StatusUnprocessableEntity, v)
	}
	orig, origName, err := s.receivePDF(c, "file", true)
	if err != nil {
		return fail(err)
	}
	red, redName, err := s.receivePDF(c, "redacted", false)
	if err != nil {
		return fail(err)
	}
	in := registry.NewAttachment{Title: v.Upload.Values["title"], FileName: origName, File: *orig, RedactedFileName: redName, Redacted: red}
	if _, err := s.cfg.Store.AddAttachment(c.UserContext(), s.actor(c), registry.KindContract, ct.ID, in); err != nil {
		return fail(err)
	}
	return savedRedirect(c, ct.ID, "zalacznik")
}

// handleAttachment serves GET /zalaczniki/{id}: the PDF the public gets — the redacted copy
// when there is one, the original otherwise. Attachments of drafts only for their company
// (404 for everyone else).
func (s *server) handleAttachment(c *fiber.Ctx) error {
	id, err := parseID(c, "załącznika")
	if err != nil {
		return err
	}
	at, err := s.cfg.Store.FindAttachment(c.UserContext(), s.actor(c), id)
	if err != nil {
		return err
	}
	name, sha, size := at.PublicFile()
	return s.sendPDF(c, name, sha, size, at.EntryStatus != registry.StatusDraft)
}

// handleAttachmentOriginal serves GET /panel/zalaczniki/{id}/oryginal: the original file of an
// attachment, for those who may write for its company (403 for everyone else signed in).
func (s *server) handleAttachmentOriginal(c *fiber.Ctx) error {
	id, err := parseID(c, "załącznika")
	if err != nil {
		return err
	}
	at, err := s.cfg.Store.FindAttachmentOriginal(c.UserContext(), s.actor(c), id)
	if err != nil {
		return err
	}
	return s.sendPDF(c, at.FileName, at.SHA256, at.Size, false)
}

// sendPDF streams a stored PDF as a download: Content-Type application/pdf, Content-Disposition
// attachment with the file name (RFC 6266, UTF-8 name in filename*), X-Content-Type-Options
// nosniff, the SHA-256 as ETag; cached when public (content never changes under its hash).
func (s *server) sendPDF(c *fiber.Ctx, name, sha string, size int64, public bool) error {
	f, err := s.files().Open(sha)
	if err != nil {
		if registry.ErrorCode(err) == registry.ENOTFOUND {
			return registry.Internal(fmt.Errorf("attachment file %s is missing from %s", sha, s.cfg.AttachmentsDir))
		}
		return err
	}
	c.Set(fiber.HeaderContentType, "application/pdf")
	c.Set(fiber.HeaderContentDisposition, contentDisposition(name))
	c.Set(fiber.HeaderXContentTypeOptions, "nosniff")
	c.Set(fiber.HeaderETag, `"`+sha+`"`)
	if public {
		c.Set(fiber.HeaderCacheControl, "public, max-age=86400")
	} else {
		c.Set(fiber.HeaderCacheControl, "private, no-store")
	}
	return c.SendStream(f, int(size))
}

// contentDisposition builds an "attachment" Content-Disposition with the file name twice
// (RFC 6266): an ASCII stand-in in filename= for old clients, and the exact UTF-8 name
// percent-encoded in filename* (RFC 5987).
func contentDisposition(name string) string {
	var ascii, enc strings.Builder
	for _, r := range name {
		if r >= 0x20 && r < 0x7f && r != '"' && r != '\\' {
			ascii.WriteRune(r)
		} else {
			ascii.WriteByte('_')
		}
	}
	for _, b := range []byte(name) {
		if b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || strings.IndexByte(".-_~", b) >= 0 {
			enc.WriteByte(b)
		} else {
			fmt.Fprintf(&enc, "%%%02X", b)
		}
	}
	return `attachment; filename="` + ascii.String() + `"; filename*=UTF-8''` + enc.String()
}
