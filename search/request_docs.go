package search

import (
	"context"
	"strconv"
	"strings"

	"jawnosc/appeals"
)

// DocFromRequest maps the public view of an information request (the requester's identity
// removed, the resident's texts only when allowed) to its index document: URL
// "/wnioski/{id}", Title the reference and subject, Body the texts of the timeline, Date the
// day of submission.
func DocFromRequest(v *appeals.View) Doc {
	var b strings.Builder
	b.WriteString(v.Text)
	for _, e := range v.Events {
		if e.Data.Text != "" {
			b.WriteString(" " + e.Data.Text)
		}
		if e.Data.Holder != "" {
			b.WriteString(" " + e.Data.Holder)
		}
	}
	return Doc{
		ID:          DocID(appeals.KindRequest, v.ID),
		Kind:        appeals.KindRequest,
		EntryID:     v.ID,
		Company:     v.Company.Slug,
		CompanyName: v.Company.ShortName,
		Title:       v.Subject,
		Body:        strings.TrimSpace(b.String()),
		Number:      v.Ref,
		Date:        string(appeals.DayOf(v.SubmittedAt)),
		Status:      "published",
		URL:         "/wnioski/" + strconv.FormatInt(v.ID, 10),
	}
}

// requestDocs loads the public documents of the changed requests (every request is public).
func (s StoreSource) requestDocs(ctx context.Context, ids []int64) ([]Doc, error) {
	var docs []Doc
	today := s.Appeals.Today()
	for _, id := range ids {
		r, err := s.Appeals.FindRequest(ctx, id)
		if err != nil {
			if isNotFound(err) {
				continue
			}
			return nil, err
		}
		docs = append(docs, DocFromRequest(r.View(appeals.ViewPublic, today)))
	}
	return docs, nil
}

// scanRequests streams every request's public document.
func (s StoreSource) scanRequests(ctx context.Context, fn func(Doc) error) (int, error) {
	if s.Appeals == nil {
		return 0, nil
	}
	return scanByPages(ctx, fn, s.requestDocs, func(offset, limit int) ([]int64, error) {
		list, _, err := s.Appeals.FindRequests(ctx, appeals.RequestFilter{Offset: offset, Limit: limit})
		ids := make([]int64, len(list))
		for i, m := range list {
			ids[i] = m.ID
		}
		return ids, err
	})
}

// scanPage is how many entries scanByPages lists at a time.
const scanPage = 200

// scanByPages streams documents page by page: page lists the ids of one page, load turns them
// into documents; it stops after a short page. It returns how many documents it passed on.
func scanByPages(ctx context.Context, fn func(Doc) error, load func(context.Context, []int64) ([]Doc, error), page func(offset, limit int) ([]int64, error)) (int, error) {
	n := 0
	for offset := 0; ; offset += scanPage {
		ids, err := page(offset, scanPage)
		if err != nil {
			return n, err
		}
		docs, err := load(ctx, ids)
		if err != nil {
			return n, err
		}
		for _, d := range docs {
			n++
			if err := fn(d); err != nil {
				return n, err
			}
		}
		if len(ids) < scanPage {
			return n, nil
		}
	}
}

// countRequests returns the number of requests (0 when they are not indexed).
func (s StoreSource) countRequests(ctx context.Context) (int, error) {
	if s.Appeals == nil {
		return 0, nil
	}
	_, n, err := s.Appeals.FindRequests(ctx, appeals.RequestFilter{Limit: 1})
	return n, err
}
