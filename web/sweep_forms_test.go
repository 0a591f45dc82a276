package web_test

import (
	"encoding/json"
	"html"
	"net/url"
	"regexp"
	"sort"
	"strings"
)

// What the sweep learns from the app itself: the forms its pages render (so that hostile
// forms carry the real field names, hidden values and file inputs) and the OpenAPI
// document (the JSON bodies and query parameters of the API).

// htmlForm is a form found on a page: where it is sent and its fields with the values the
// page filled in.
type htmlForm struct {
	method, action, enctype string
	fields                  []formField
}

// formField is one named control of a form.
type formField struct {
	name, value, kind string // kind: the input type, "select" or "textarea"
}

var (
	formTag     = regexp.MustCompile(`(?is)<form\b([^>]*)>(.*?)</form>`)
	controlTag  = regexp.MustCompile(`(?is)<(input|select|textarea)\b([^>]*)>`)
	attrPattern = regexp.MustCompile(`(?is)([a-z_:-]+)\s*=\s*"([^"]*)"`)
	optionTag   = regexp.MustCompile(`(?is)<option\b([^>]*)>`)
	textareaEnd = regexp.MustCompile(`(?is)^(.*?)</textarea>`)
	selectEnd   = regexp.MustCompile(`(?is)^(.*?)</select>`)
)

// attrs returns the quoted attributes of a tag (unescaped) and whether a bare attribute
// (checked, selected, multiple) is present.
func attrs(s string) map[string]string {
	out := map[string]string{}
	for _, m := range attrPattern.FindAllStringSubmatch(s, -1) {
		out[strings.ToLower(m[1])] = html.UnescapeString(m[2])
	}
	rest := attrPattern.ReplaceAllString(s, " ")
	for _, w := range strings.Fields(strings.ToLower(rest)) {
		w = strings.TrimSuffix(w, "/")
		if w == "checked" || w == "selected" || w == "multiple" {
			out[w] = w
		}
	}
	return out
}

// parseForms returns the forms of a page.
func parseForms(page string) []htmlForm {
	var out []htmlForm
	for _, fm := range formTag.FindAllStringSubmatch(page, -1) {
		a := attrs(fm[1])
		f := htmlForm{method: strings.ToUpper(a["method"]), action: a["action"], enctype: a["enctype"]}
		if f.method == "" {
			f.method = "GET"
		}
		body := fm[2]
		for _, loc := range controlTag.FindAllStringSubmatchIndex(body, -1) {
			tag := strings.ToLower(body[loc[2]:loc[3]])
			ca := attrs(body[loc[4]:loc[5]])
			name := ca["name"]
			if name == "" {
				continue
			}
			ff := formField{name: name, value: ca["value"], kind: tag}
			switch tag {
			case "input":
				ff.kind = strings.ToLower(ca["type"])
				if ff.kind == "" {
					ff.kind = "text"
				}
				if (ff.kind == "checkbox" || ff.kind == "radio") && ca["checked"] == "" {
					continue
				}
				if ff.kind == "submit" || ff.kind == "button" {
					continue
				}
			case "textarea":
				if m := textareaEnd.FindStringSubmatch(body[loc[1]:]); m != nil {
					ff.value = html.UnescapeString(m[1])
				}
			case "select":
				ff.value = ""
				if m := selectEnd.FindStringSubmatch(body[loc[1]:]); m != nil {
					for i, om := range optionTag.FindAllStringSubmatch(m[1], -1) {
						oa := attrs(om[1])
						if i == 0 || oa["selected"] != "" {
							ff.value = oa["value"]
						}
					}
				}
			}
			f.fields = append(f.fields, ff)
		}
		out = append(out, f)
	}
	return out
}

// actionPath is a form's action without its query string.
func actionPath(action string) string {
	p, _, _ := strings.Cut(action, "?")
	return p
}

// values returns the form's fields as a form body (file inputs left out) and the names of
// its file inputs.
func (f htmlForm) values() (url.Values, []string) {
	v := url.Values{}
	var files []string
	for _, ff := range f.fields {
		if ff.kind == "file" {
			files = append(files, ff.name)
			continue
		}
		v.Add(ff.name, ff.value)
	}
	return v, files
}

// apiDoc is what the sweep reads from /api/v1/openapi.json: per "METHOD /path" (Fiber's
// ":param" form) the JSON body schema, the type of a body that is not JSON (an upload), and
// the query parameters.
type apiDoc struct {
	bodies map[string]map[string]any
	raw    map[string]string
	query  map[string][]string
}

var openapiParam = regexp.MustCompile(`\{([a-z_]+)\}`)

func parseAPIDoc(body string) (apiDoc, error) {
	var doc struct {
		Paths map[string]map[string]struct {
			Parameters []struct {
				Name string `json:"name"`
				In   string `json:"in"`
			} `json:"parameters"`
			RequestBody struct {
				Content map[string]struct {
					Schema map[string]any `json:"schema"`
				} `json:"content"`
			} `json:"requestBody"`
		} `json:"paths"`
	}
	out := apiDoc{bodies: map[string]map[string]any{}, raw: map[string]string{}, query: map[string][]string{}}
	if err := json.Unmarshal([]byte(body), &doc); err != nil {
		return out, err
	}
	for p, ops := range doc.Paths {
		route := openapiParam.ReplaceAllString(p, ":$1")
		for method, op := range ops {
			key := strings.ToUpper(method) + " " + route
			for _, prm := range op.Parameters {
				if prm.In == "query" {
					out.query[key] = append(out.query[key], prm.Name)
				}
			}
			for ct, c := range op.RequestBody.Content {
				if ct == "application/json" {
					out.bodies[key] = c.Schema
				} else {
					out.raw[key] = ct
				}
			}
		}
	}
	return out, nil
}

// schemaProps returns the properties of an object schema.
func schemaProps(schema map[string]any) map[string]map[string]any {
	out := map[string]map[string]any{}
	props, _ := schema["properties"].(map[string]any)
	for k, v := range props {
		if m, ok := v.(map[string]any); ok {
			out[k] = m
		}
	}
	return out
}

// sortedKeys returns the keys of a set in order, for a deterministic sweep.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }

// count is how many lines the app has logged.
func (l *logBuffer) count() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.lines)
}

// since returns the lines logged after the first n.
func (l *logBuffer) since(n int) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return strings.Join(l.lines[min(n, len(l.lines)):], "\n")
}
