package web

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
	"ikplan/internal/model"
	"ikplan/templates"
)

// controlMay is what the rules let the user do on a control's page, asked
// in one query per question for all its results and deviations.
type controlMay struct {
	deviations    []string        // the deviations the page shows: those of its results
	editResult    map[string]bool // result id → the update rule lets the user change it
	editDeviation map[string]bool // deviation id → the update rule lets the user change it
	addAction     map[string]bool // deviation id → the user may add an action to it
	addDeviation  map[string]bool // result id → the user may add a deviation to it
}

// controlPermissions asks the rules about the results of a control and
// their deviations (byResult): who may change which, add an action to a
// deviation, and add a deviation to a result that reports one while the
// plan is adopted. A rule that cannot be asked says no.
func controlPermissions(e *core.RequestEvent, results []*core.Record, byResult map[string][]*core.Record, adopted bool) controlMay {
	var may controlMay
	var reporting []string // the results that report a deviation
	for _, r := range results {
		for _, d := range byResult[r.Id] {
			may.deviations = append(may.deviations, d.Id)
		}
		if adopted && model.AsResult(r).Outcome() == model.OutcomeDeviation {
			reporting = append(reporting, r.Id)
		}
	}
	may.editResult = allowed(e, model.Results, access.IDs(results), func(c *core.Collection) *string { return c.UpdateRule })
	may.editDeviation = allowed(e, model.Deviations, may.deviations, func(c *core.Collection) *string { return c.UpdateRule })
	may.addAction = map[string]bool{}
	if len(may.deviations) > 0 {
		may.addAction = access.MayCreateWith(e.App, e.Auth, probe(e.App, model.Actions, "deviation", ""), "deviation", may.deviations)
	}
	may.addDeviation = map[string]bool{}
	if len(reporting) > 0 {
		may.addDeviation = access.MayCreateWith(e.App, e.Auth, probe(e.App, model.Deviations, "result", ""), "result", reporting)
	}
	return may
}

// allowed is which of the records of collection with the given ids the
// rule (of the collection) lets the user act on; none when it cannot be
// asked.
func allowed(e *core.RequestEvent, collection string, ids []string, rule func(*core.Collection) *string) map[string]bool {
	col, err := e.App.FindCachedCollectionByNameOrId(collection)
	if err != nil || len(ids) == 0 {
		return map[string]bool{}
	}
	ok, err := access.Allowed(e.App, e.Auth, collection, rule(col), ids)
	if err != nil {
		return map[string]bool{}
	}
	return ok
}

// controlNames are the people a control's page names, and those it offers
// as an action's owner.
type controlNames struct {
	of      map[string]string  // user id → name, for the board's members
	choices []templates.Choice // the board's coordinators and owners, by name
}

// controlPeople names the owners of owned (the control, its actions) and
// who performed the results, as far as they are members of the plan's
// board and the user may see them; with choices, it lists every member
// and offers the coordinators and owners among them.
func controlPeople(e *core.RequestEvent, board string, choices bool, owned, results []*core.Record) (controlNames, error) {
	out := controlNames{of: map[string]string{}}
	params := dbx.Params{"b": board}
	if !choices {
		ids := append(field(owned, model.FieldControlOwner), field(results, model.FieldResultPerformedBy)...)
		if len(ids) == 0 {
			return out, nil
		}
		users, err := access.ListAs(e.App, e.Auth, model.Users, "boards:each ?= {:b}", "", 0, params,
			access.In{Field: "id", Values: ids}, access.Fields{"name", "email"})
		out.of = names(users)
		return out, err
	}
	// every member: one of their boards is the board. "boards.id ?="
	// joined every person's boards to the boards table for every row;
	// "boards ~" (as the users' rule reads
	// membership) binds a LIKE pattern, which SQLite prepares again on
	// every run
	users, err := access.ListAs(e.App, e.Auth, model.Users, "boards:each ?= {:b}", "name", 0, params, access.Fields{"name", "email", "role"})
	if err != nil {
		return out, err
	}
	out.of = names(users)
	for _, u := range users {
		if model.MayOwn(model.AsUser(u).Role()) {
			out.choices = append(out.choices, templates.Choice{Value: u.Id, Label: out.of[u.Id]})
		}
	}
	return out, nil
}
