// Package static holds the site's CSS and icons, embedded in the binary. The web package
// serves every file under a content-hashed name with a long cache lifetime.
package static

import "embed"

// FS holds every static file (style.css, favicon.svg) at its root.
//
//go:embed *.css *.svg
var FS embed.FS
