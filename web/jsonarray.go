package web

import (
	"bufio"
	"encoding/json"
)

// writeJSONArray writes the values each emits as one JSON array, one value a line, and
// flushes w every exportChunk values, so a streamed export reaches the client as it is
// read. Every JSON export (contracts, the other registers, the nightly dumps) writes
// through it.
func writeJSONArray(w *bufio.Writer, each func(emit func(any) error) error) error {
	if _, err := w.WriteString("["); err != nil {
		return err
	}
	sep, n := "\n", 0
	err := each(func(v any) error {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		if _, err := w.WriteString(sep); err != nil {
			return err
		}
		sep = ",\n"
		if _, err := w.Write(b); err != nil {
			return err
		}
		if n++; n%exportChunk == 0 {
			return w.Flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	_, err = w.WriteString("\n]\n")
	return err
}
