package search

import (
	"encoding/json"
	"fmt"

	index "github.com/blevesearch/bleve_index_api"
)

// loadHits reads the stored documents of the page's hits.
func loadHits(s *snapshot, page []ranked) ([]Hit, []Doc, error) {
	hits := make([]Hit, 0, len(page))
	docs := make([]Doc, 0, len(page))
	var buf []byte
	for _, r := range page {
		buf = index.NewIndexInternalID(buf, uint64(r.doc))
		id, err := s.reader.ExternalID(buf)
		if err != nil {
			return nil, nil, err
		}
		d, err := loadDoc(s.reader, id)
		if err != nil {
			return nil, nil, err
		}
		docs = append(docs, d)
		hits = append(hits, Hit{
			ID: d.ID, Kind: d.Kind, EntryID: d.EntryID, Company: d.Company, CompanyName: d.CompanyName,
			Title: d.Title, Date: d.Date, ValueNet: d.ValueNet, Currency: d.currency(), Mode: d.Mode, Status: d.Status,
			URL: d.URL, Score: float64(r.a),
		})
	}
	return hits, docs, nil
}

// loadDoc returns the stored Doc with index id.
func loadDoc(reader index.IndexReader, id string) (Doc, error) {
	var d Doc
	doc, err := reader.Document(id)
	if err != nil {
		return d, err
	}
	if doc == nil {
		return d, fmt.Errorf("search: document %q vanished", id)
	}
	var raw []byte
	doc.VisitFields(func(f index.Field) {
		if f.Name() == fStored {
			raw = f.Value()
		}
	})
	if raw == nil {
		return d, fmt.Errorf("search: document %q has no stored data", id)
	}
	err = json.Unmarshal(raw, &d)
	return d, err
}
