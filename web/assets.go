package web

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"path"
	"strings"

	"github.com/gofiber/fiber/v2"

	"jawnosc/static"
)

// asset is one static file served under its content-hashed name.
type asset struct {
	body        []byte
	contentType string
}

// assets maps logical names ("style.css") to hashed URLs and hashed names to contents.
type assets struct {
	urls  map[string]string // "style.css" → "/static/style.1a2b3c4d5e.css"
	files map[string]asset  // "style.1a2b3c4d5e.css" → content
}

// loadAssets reads every embedded static file and names it after its SHA-256.
func loadAssets() (*assets, error) {
	as := &assets{urls: map[string]string{}, files: map[string]asset{}}
	err := fs.WalkDir(static.FS, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(static.FS, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(body)
		ext := path.Ext(p)
		hashed := strings.TrimSuffix(p, ext) + "." + hex.EncodeToString(sum[:5]) + ext
		ct := mime.TypeByExtension(ext)
		if ct == "" {
			ct = "application/octet-stream"
		}
		if strings.HasPrefix(ct, "text/") && !strings.Contains(ct, "charset") {
			ct += "; charset=utf-8"
		}
		as.urls[p] = "/static/" + hashed
		as.files[hashed] = asset{body: body, contentType: ct}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("web: static files: %w", err)
	}
	return as, nil
}

// url returns the hashed URL of a static file; an unknown name is an error when the
// template runs (and templates are tried at start, so it fails fast).
func (as *assets) url(name string) (string, error) {
	u, ok := as.urls[name]
	if !ok {
		return "", fmt.Errorf("web: no static file %q", name)
	}
	return u, nil
}

// handleAsset serves GET /static/{name}: a hashed static file, cached for a year.
func (s *server) handleAsset(c *fiber.Ctx) error {
	a, ok := s.assets.files[c.Params("name")]
	if !ok {
		return notFound("Nie ma takiego pliku.")
	}
	c.Set(fiber.HeaderContentType, a.contentType)
	c.Set(fiber.HeaderCacheControl, "public, max-age=31536000, immutable")
	return c.Send(a.body)
}
