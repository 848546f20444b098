package model

import "github.com/pocketbase/pocketbase/core"

// BoardActiveIn reports whether a board existed during some of the year:
// it started in the year or before (or has no start) and ended in the year
// or after (or has not ended). A board that did not exist in a year is
// not expected to have a plan for it.
func BoardActiveIn(board *core.Record, year int) bool {
	from, to := board.GetDateTime("active_from"), board.GetDateTime("active_to")
	if !from.IsZero() && from.Time().Year() > year {
		return false
	}
	return to.IsZero() || to.Time().Year() >= year
}
