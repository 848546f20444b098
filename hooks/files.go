package hooks

import (
	"github.com/pocketbase/pocketbase/core"
)

// bindFiles keeps a protected file (evidence) out of every cache but the
// requester's own, and out of that one too once used: PocketBase serves
// files with "max-age=2592000" and no "private", so a shared proxy or the
// browser of a shared computer would keep a confidential file for a month
// after the person's access ended. PocketBase sets its header only when
// none is set. (The web UI's own evidence download sets the same.)
func bindFiles(app core.App) {
	app.OnFileDownloadRequest().BindFunc(func(e *core.FileDownloadRequestEvent) error {
		if e.FileField != nil && e.FileField.Protected {
			e.Response.Header().Set("Cache-Control", "private, no-store")
		}
		return e.Next()
	})
}
