// Package pb_public embeds ikplan's static files (CSS, the pinned htmx), so
// the binary needs nothing beside it.
package pb_public

import "embed"

// FS holds css/ and js/.
//
//go:embed css js
var FS embed.FS
