// Package templates holds the html/template files of the public site, embedded in the
// binary: layout.html (the page frame), partials/*.html (shared pieces) and pages/*.html
// (one per page, each defining "title" and "content"). The web package parses them once.
package templates

import "embed"

// FS holds layout.html, partials/*.html and pages/*.html.
//
//go:embed layout.html partials/*.html pages/*.html
var FS embed.FS
