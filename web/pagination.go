package web

import (
	"net/url"
	"strconv"
)

// pager is the pagination of a list, ready for the "pagination" partial.
type pager struct {
	Page, PerPage, Total, Pages int
	From, To                    int    // 1-based range of the items shown (0, 0 when none)
	Prev, Next                  string // URLs, "" when none
	Links                       []pageLink
	Beyond                      bool   // the page asked for is after the last one
	Label                       string // aria-label of the nav
}

// pageLink is one item of the page list: a number or a gap ("…").
type pageLink struct {
	Num     int
	URL     string
	Current bool
	Gap     bool
}

// newPager computes the pagination of total items for page (1-based) of perPage items;
// URLs keep the other query parameters q and point at path.
func newPager(path string, q url.Values, page, perPage, total int) pager {
	p := pager{Page: page, PerPage: perPage, Total: total, Label: "Strony wyników"}
	if perPage > 0 {
		p.Pages = (total + perPage - 1) / perPage
	}
	if p.Pages == 0 {
		p.Pages = 1
	}
	if page > p.Pages {
		p.Beyond = true
	} else if total > 0 {
		p.From = (page-1)*perPage + 1
		p.To = min(page*perPage, total)
	}
	link := func(n int) string {
		v := url.Values{}
		for k, vs := range q {
			v[k] = vs
		}
		v.Del("page")
		if n > 1 {
			v.Set("page", strconv.Itoa(n))
		}
		if e := v.Encode(); e != "" {
			return path + "?" + e
		}
		return path
	}
	if page > 1 {
		p.Prev = link(min(page-1, p.Pages))
	}
	if page < p.Pages {
		p.Next = link(page + 1)
	}
	if p.Pages <= 1 {
		return p
	}
	nums := []int{1}
	for n := max(2, page-2); n <= min(p.Pages-1, page+2); n++ {
		nums = append(nums, n)
	}
	nums = append(nums, p.Pages)
	for i, n := range nums {
		if i > 0 && n > nums[i-1]+1 {
			p.Links = append(p.Links, pageLink{Gap: true})
		}
		p.Links = append(p.Links, pageLink{Num: n, URL: link(n), Current: n == page})
	}
	return p
}
