package cli

import (
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/report"
)

// findBoard finds a board by its name or short name, in any case, for the
// commands' --board flag.
func findBoard(app core.App, name string) (*core.Record, error) {
	return report.BoardByName(app, name)
}
