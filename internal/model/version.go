package model

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
)

// PublicControls is the filter of the controls anyone may read: the
// public version of a plan leaves out the confidential controls (and, with
// them, everything under them). It is the guard the controls' API rule
// puts on a reader (pb_migrations: readGuarded), so a reader's version and
// the public version are the same controls — TestDocumentsShowWhatPagesShow
// holds the two to it.
const PublicControls = "confidential != true"

// Version is whose view of a plan a page or a document shows: a person's,
// the controls the API rules let User read (ListAs, as every page reads
// them), or the system's when User is nil (the command line, which reads
// everything). Public narrows either to PublicControls. A document reads
// its controls through Version only, so that it shows what the same
// person's pages show, whatever the rules come to say.
type Version struct {
	User   *core.Record
	Public bool
}

// Controls are the plan's controls in the version, in the plan's order.
func (v Version) Controls(app core.App, planId string) ([]*core.Record, error) {
	filter := "plan = {:p}"
	if v.Public {
		filter += " && " + PublicControls
	}
	const order = "position,section,number"
	params := dbx.Params{"p": planId}
	if v.User == nil {
		return app.FindRecordsByFilter(Controls, filter, order, 0, 0, params)
	}
	return access.ListAs(app, v.User, Controls, filter, order, 0, params)
}
