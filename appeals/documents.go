package appeals

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"

	"jawnosc/registry"
)

// MaxDocumentSize is the largest PDF an officer may attach (8 MiB; a whole form stays under the 10 MiB body limit).
const MaxDocumentSize = 8 << 20

// StoreDocument keeps a PDF attached to an answer, by its SHA-256 (the same file twice is
// kept once). Only officers (and the system) may. The type is checked by content, not by
// name. Returns EUNAUTHORIZED, EFORBIDDEN, EINVALID, ETOOLARGE.
func (s *Service) StoreDocument(ctx context.Context, a registry.Actor, name string, content []byte) (Document, error) {
	switch a.Role {
	case registry.RoleOfficer, registry.RoleSystem:
	case registry.RolePublic, "":
		return Document{}, registry.Errorf(registry.EUNAUTHORIZED, "Zaloguj się jako pracownik spółki, aby dodać dokument.")
	default:
		return Document{}, registry.Errorf(registry.EFORBIDDEN, "Dokumenty do odpowiedzi dodają pracownicy spółek.")
	}
	if len(content) > MaxDocumentSize {
		return Document{}, &registry.Error{Code: registry.ETOOLARGE, Message: "Plik jest zbyt duży (najwyżej 8 MB).", Fields: map[string]string{"documents": "Plik jest zbyt duży (najwyżej 8 MB)."}}
	}
	if !IsPDF(content) {
		return Document{}, invalid("documents", "Dołącz plik PDF (sprawdzamy zawartość pliku, nie jego nazwę).")
	}
	var v registry.Validator
	v.Text("documents", name, false, MaxName)
	if err := v.Err(); err != nil {
		return Document{}, err
	}
	sum := sha256.Sum256(content)
	doc := Document{SHA256: hex.EncodeToString(sum[:]), Name: name, Size: int64(len(content))}
	if _, err := s.db.ExecContext(ctx, `INSERT OR IGNORE INTO ir_documents (sha256, size, content, created_at) VALUES (?, ?, ?, ?)`,
		doc.SHA256, doc.Size, content, fmtTime(s.now())); err != nil {
		return Document{}, formatError(err)
	}
	return doc, nil
}

// IsPDF reports whether content is a PDF, judged by content as every upload of the product is
// (registry.IsPDF: the header and the cross-reference structure a reader needs).
func IsPDF(content []byte) bool {
	return registry.IsPDF(content)
}

// FindDocument returns a document of a request: it must be attached to one of the
// request's events. Returns ENOTFOUND.
func (s *Service) FindDocument(ctx context.Context, r *Request, sha string) (Document, []byte, error) {
	for _, e := range r.Events {
		for _, d := range e.Data.Documents {
			if d.SHA256 != sha {
				continue
			}
			var content []byte
			err := s.read.QueryRowContext(ctx, `SELECT content FROM ir_documents WHERE sha256 = ?`, sha).Scan(&content)
			if err == sql.ErrNoRows {
				break
			} else if err != nil {
				return Document{}, nil, formatError(err)
			}
			return d, content, nil
		}
	}
	return Document{}, nil, registry.Errorf(registry.ENOTFOUND, "Nie ma takiego dokumentu przy tym wniosku.")
}
