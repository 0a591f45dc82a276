package search

import (
	"context"
	"strconv"
	"strings"

	"jawnosc/audits"
)

// DocFromAudit maps an audit report to its index document: URL "/audyty/{id}", Title the
// report's title, Body its summary, findings and recommendations, Date its publication.
func DocFromAudit(r *audits.Report) Doc {
	var b strings.Builder
	b.WriteString(r.Summary)
	if r.AuditorName != "" {
		b.WriteString(" " + r.AuditorName)
	}
	for _, f := range r.Findings {
		b.WriteString(" " + f.Title + " " + f.Description)
	}
	for _, rec := range r.Recommendations {
		b.WriteString(" " + rec.Text + " " + rec.Responsible)
	}
	return Doc{
		ID:          DocID(audits.KindAudit, r.ID),
		Kind:        audits.KindAudit,
		EntryID:     r.ID,
		Company:     r.Company,
		CompanyName: r.CompanyName,
		Title:       r.Title,
		Body:        b.String(),
		Date:        string(r.PublishedOn),
		Status:      "published",
		URL:         "/audyty/" + strconv.FormatInt(r.ID, 10),
	}
}

// auditDocs loads the documents of the changed audit reports (all of them are public).
func (s StoreSource) auditDocs(ctx context.Context, ids []int64) ([]Doc, error) {
	var docs []Doc
	for _, id := range ids {
		r, err := s.Audits.FindReportByID(ctx, id)
		if err != nil {
			if isNotFound(err) {
				continue
			}
			return nil, err
		}
		docs = append(docs, DocFromAudit(r))
	}
	return docs, nil
}

// scanAudits streams every audit report's document.
func (s StoreSource) scanAudits(ctx context.Context, fn func(Doc) error) (int, error) {
	if s.Audits == nil {
		return 0, nil
	}
	return scanByPages(ctx, fn, s.auditDocs, func(offset, limit int) ([]int64, error) {
		list, _, err := s.Audits.FindReports(ctx, audits.ReportFilter{Offset: offset, Limit: limit})
		return reportIDs(list), err
	})
}

func reportIDs(list []*audits.Report) []int64 {
	ids := make([]int64, len(list))
	for i, r := range list {
		ids[i] = r.ID
	}
	return ids
}
