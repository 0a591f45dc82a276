package appeals

import (
	"encoding/xml"
	"fmt"
	"time"

	"jawnosc/registry"
)

// atomFeed is the subset of RFC 4287 the tracking feed uses.
type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Link    []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Link    atomLink `xml:"link"`
	Content atomText `xml:"content"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Text string `xml:",chardata"`
}

// Feed renders a request's view as an Atom feed, one entry per event, newest first.
// pageURL is the page the entries link to and selfURL the feed's own address (for the
// private feed both carry the token, so the feed is as private as the link).
func Feed(v *View, pageURL, selfURL string) ([]byte, error) {
	f := atomFeed{
		ID:     fmt.Sprintf("tag:jawnosc,%s:wniosek/%d", v.SubmittedAt.Format("2006-01-02"), v.ID),
		Title:  "Wniosek " + v.Ref + ": " + v.Subject,
		Link:   []atomLink{{Rel: "self", Href: selfURL}, {Rel: "alternate", Href: pageURL}},
		Author: atomAuthor{Name: "Jawność"},
	}
	updated := v.SubmittedAt
	for i := len(v.Events) - 1; i >= 0; i-- {
		e := v.Events[i]
		if e.At.After(updated) {
			updated = e.At
		}
		text := e.Data.Text
		if e.Type == EvOverdue {
			text = fmt.Sprintf("Termin (%s) minął %s.", registry.LabelOf(Terms, e.Data.Term), e.Data.Due.Polish())
		}
		f.Entries = append(f.Entries, atomEntry{
			ID:      fmt.Sprintf("%s/zdarzenie/%d", f.ID, e.ID),
			Title:   TypeLabel(e.Type),
			Updated: e.At.UTC().Format(time.RFC3339),
			Link:    atomLink{Href: pageURL},
			Content: atomText{Type: "text", Text: text},
		})
	}
	f.Updated = updated.UTC().Format(time.RFC3339)
	out, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		return nil, err
	}
	return append([]byte(xml.Header), out...), nil
}
