// Package pb_public embeds ikplan's static files (CSS, the pinned htmx, the
// icons), so the binary needs nothing beside it.
package pb_public

import "embed"

// FS holds css/, js/ and icons/.
//
//go:embed css js icons
var FS embed.FS

//go:generate go run gen_icons.go
