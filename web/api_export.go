package web

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/gofiber/fiber/v2"

	"jawnosc/registry"
)

// exportChunk is how many contracts an export formats and flushes at once, so a million
// rows never sit in memory.
const exportChunk = 500

// exportBase returns the base of absolute links in exports: Config.BaseURL, else the
// request's own scheme and host.
func (s *server) exportBase(c *fiber.Ctx) string {
	if s.cfg.BaseURL != "" {
		return strings.TrimRight(s.cfg.BaseURL, "/")
	}
	return c.BaseURL()
}

// apiExportCSV serves GET /api/v1/export/contracts.csv: every public contract as CSV for
// Excel (UTF-8 with BOM, ";" delimiter; registry.WriteContractsCSV), streamed in chunks.
func (s *server) apiExportCSV(c *fiber.Ctx) error {
	base := s.exportBase(c)
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="umowy.csv"`)
	s.stream(c, "contracts.csv", func(ctx context.Context, w *bufio.Writer) error {
		return streamContractsCSV(ctx, s.cfg.Store, w, base)
	})
	return nil
}

// apiExportJSON serves GET /api/v1/export/contracts.json: every public contract as one
// JSON array (the objects of /api/v1/contracts), streamed in chunks.
func (s *server) apiExportJSON(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="umowy.json"`)
	s.stream(c, "contracts.json", func(ctx context.Context, w *bufio.Writer) error {
		return streamContractsJSON(ctx, s.cfg.Store, w)
	})
	return nil
}

// stream sends the response body from write after the handler returns. The status is
// already sent by then, so a failure can only be logged (the body ends early).
func (s *server) stream(c *fiber.Ctx, name string, write func(context.Context, *bufio.Writer) error) {
	logf := s.logf
	c.Context().SetBodyStreamWriter(func(w *bufio.Writer) {
		err := write(context.Background(), w)
		if err == nil {
			err = w.Flush()
		}
		if err != nil {
			logf("web: export %s stopped: %v", name, err)
		}
	})
}

// streamContractsCSV writes the header, then every public contract in chunks; each chunk
// is formatted by registry.WriteContractsCSV and its repeated BOM and header are dropped.
func streamContractsCSV(ctx context.Context, st *registry.Store, w *bufio.Writer, base string) error {
	if err := registry.WriteContractsCSV(w, nil, base); err != nil {
		return err
	}
	var buf bytes.Buffer
	flush := func(batch []*registry.Contract) error {
		buf.Reset()
		if err := registry.WriteContractsCSV(&buf, batch, base); err != nil {
			return err
		}
		b := buf.Bytes()
		i := bytes.Index(b, []byte("\r\n"))
		if i < 0 {
			return fmt.Errorf("web: CSV chunk without a header line")
		}
		if _, err := w.Write(b[i+2:]); err != nil {
			return err
		}
		return w.Flush()
	}
	return scanChunks(ctx, st, flush)
}

// streamContractsJSON writes every public contract as one JSON array.
func streamContractsJSON(ctx context.Context, st *registry.Store, w *bufio.Writer) error {
	return writeJSONArray(w, func(emit func(any) error) error {
		return scanChunks(ctx, st, func(batch []*registry.Contract) error {
			for _, ct := range batch {
				if err := emit(ct); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

// scanChunks calls flush with every exportChunk public contracts, in id order.
func scanChunks(ctx context.Context, st *registry.Store, flush func([]*registry.Contract) error) error {
	batch := make([]*registry.Contract, 0, exportChunk)
	err := st.ScanContracts(ctx, func(ct *registry.Contract) error {
		batch = append(batch, ct)
		if len(batch) < exportChunk {
			return nil
		}
		err := flush(batch)
		batch = batch[:0]
		return err
	})
	if err != nil || len(batch) == 0 {
		return err
	}
	return flush(batch)
}
