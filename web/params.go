package web

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// maxPage bounds the page parameter so offsets never overflow.
const maxPage = 100_000

// pageParam reads ?page=: absent means 1; anything but a whole number from 1 to maxPage
// is EINVALID (400).
func pageParam(c *fiber.Ctx) (int, error) {
	v := strings.TrimSpace(c.Query("page"))
	if v == "" {
		return 1, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, invalidParam("Numer strony musi być liczbą całkowitą większą od zera.")
	}
	if n > maxPage {
		return 0, invalidParam("Numer strony jest zbyt duży.")
	}
	return n, nil
}

// queryValues returns a copy of the request's query string as url.Values.
func queryValues(c *fiber.Ctx) url.Values {
	v, err := url.ParseQuery(string(c.Request().URI().QueryString()))
	if err != nil {
		return url.Values{}
	}
	return v
}

// queryList returns every non-empty value of a repeated parameter (?company=a&company=b).
// Values separated by commas count as several.
func queryList(c *fiber.Ctx, key string) []string {
	var out []string
	for _, b := range c.Context().QueryArgs().PeekMulti(key) {
		for _, v := range strings.Split(string(b), ",") {
			if v = strings.TrimSpace(v); v != "" {
				out = append(out, v)
			}
		}
	}
	return out
}

// yearList parses repeated ?year= values. Errors: EINVALID (400).
func yearList(c *fiber.Ctx) ([]int, error) {
	var out []int
	for _, v := range queryList(c, "year") {
		y, err := parseYear(v)
		if err != nil {
			return nil, err
		}
		out = append(out, y)
	}
	return out, nil
}

// parseYear accepts a year from 1990 to 2100. Errors: EINVALID (400).
func parseYear(v string) (int, error) {
	y, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || y < 1990 || y > 2100 {
		return 0, invalidParam("Rok musi być liczbą od 1990 do 2100.")
	}
	return y, nil
}

// parseID reads a positive entry id from a path parameter; anything else is ENOTFOUND,
// because no such entry exists.
func parseID(c *fiber.Ctx, what string) (int64, error) {
	v := c.Params("id")
	id, err := strconv.ParseInt(v, 10, 64)
	if err != nil || id < 1 {
		return 0, notFound("Nie znaleziono %s „%s”.", what, v)
	}
	return id, nil
}

// optString returns a pointer to the trimmed parameter, or nil when empty.
func optString(c *fiber.Ctx, key string) *string {
	v := strings.TrimSpace(c.Query(key))
	if v == "" {
		return nil
	}
	return &v
}
