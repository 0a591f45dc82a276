package web

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// csvChunkWriter is where an export streams its rows.
type csvChunkWriter = *bufio.Writer

// apiRegisterList serves GET /api/v1/{expenses|ads|recruitments}?page=&per_page= and the
// register's filters (as on its list page): public entries, newest first, money in grosze,
// ISO dates. Errors: 400 for a bad page or filter.
func (s *server) apiRegisterList(c *fiber.Ctx, d *registerDef) error {
	page, err := pageParam(c)
	if err != nil {
		return err
	}
	perPage, err := perPageParam(c, apiMaxPerPage, apiPerPage)
	if err != nil {
		return err
	}
	items, total, err := d.api(c.UserContext(), s, c, (page-1)*perPage, perPage)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"total": total, "page": page, "per_page": perPage, d.API: items})
}

// apiRegisterEntry serves GET /api/v1/{expenses|ads|recruitments}/{id}: the entry with its
// published versions (each with the fields changed since the previous one and its ledger
// hash). Unknown id or a draft: 404.
func (s *server) apiRegisterEntry(c *fiber.Ctx, d *registerDef) error {
	id, err := parseID(c, d.One)
	if err != nil {
		return err
	}
	v, err := d.entry(c.UserContext(), s, s.actor(c), id)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
	return c.Send(v.JSON)
}

// withVersions writes an entry's JSON object with a "versions" key added.
func withVersions(entry any, versions any) ([]byte, error) {
	e, err := json.Marshal(entry)
	if err != nil {
		return nil, err
	}
	vs, err := json.Marshal(versions)
	if err != nil {
		return nil, err
	}
	out := bytes.TrimSuffix(e, []byte("}"))
	out = append(out, `,"versions":`...)
	out = append(out, vs...)
	return append(out, '}'), nil
}

// apiRegisterExportCSV serves GET /api/v1/export/{expenses|ads|recruitments}.csv: every
// public entry as CSV for Excel (UTF-8 with BOM, ";"; registry.Register.WriteCSV), streamed.
func (s *server) apiRegisterExportCSV(c *fiber.Ctx, d *registerDef) error {
	base := s.exportBase(c)
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+d.Tab+`.csv"`)
	s.stream(c, d.API+".csv", func(ctx context.Context, w *bufio.Writer) error { return d.exportCSV(ctx, s, w, base) })
	return nil
}

// apiRegisterExportJSON serves GET /api/v1/export/{expenses|ads|recruitments}.json: every
// public entry as one JSON array (the objects of the register's list API), streamed.
func (s *server) apiRegisterExportJSON(c *fiber.Ctx, d *registerDef) error {
	c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+d.Tab+`.json"`)
	s.stream(c, d.API+".json", func(ctx context.Context, w *bufio.Writer) error {
		return writeJSONArray(w, func(emit func(any) error) error { return d.exportJSON(ctx, s, emit) })
	})
	return nil
}

// exportCSV writes a register's header, then every public entry in chunks of exportChunk.
func exportCSV[D any, P interface {
	*D
	registry.EntryData
}](ctx context.Context, reg *registry.Register[D, P], w *bufio.Writer, base, path string) error {
	if err := reg.WriteCSV(w, nil, base, path, true); err != nil {
		return err
	}
	batch := make([]*registry.Entry[D], 0, exportChunk)
	flush := func() error {
		if err := reg.WriteCSV(w, batch, base, path, false); err != nil {
			return err
		}
		batch = batch[:0]
		return w.Flush()
	}
	err := reg.Scan(ctx, func(e *registry.Entry[D]) error {
		if batch = append(batch, e); len(batch) == exportChunk {
			return flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	return flush()
}
