package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(addListIndexes, dropListIndexes)
}

// listIndexes are the indexes the long lists read by (/actions, /search,
// /risks), so that SQLite finds a page's rows without reading every row
// of the table: collection, index name, columns.
var listIndexes = [][3]string{
	// the search lists the latest hits first: SQLite walks these backwards
	// and stops when it has found a page's worth. They hold the text
	// searched, so that SQLite compares it from the index, before it reads
	// the row and asks the rule (which, first in the query, it would
	// otherwise ask of every row walked)
	{"plans", "idx_plans_year_title", "year, title"},
	{"controls", "idx_controls_created_text", "created, title, description"},
	{"deviations", "idx_deviations_created_text", "created, description"},
	{"actions", "idx_actions_created_text", "created, description"},
	// the risk register reads one year's assessments: its first and last
	// year, and the matrix's counts a consequence at a time, from the index
	// alone (the risk for the rule included)
	{"risk_assessments", "idx_assessments_year", "year, consequence, probability, risk"},
}

// addListIndexes adds listIndexes.
func addListIndexes(app core.App) error {
	return eachListIndex(app, func(c *core.Collection, name, columns string) { c.AddIndex(name, false, columns, "") })
}

func dropListIndexes(app core.App) error {
	return eachListIndex(app, func(c *core.Collection, name, _ string) { c.RemoveIndex(name) })
}

// eachListIndex changes each collection of listIndexes by change, then
// saves it.
func eachListIndex(app core.App, change func(c *core.Collection, name, columns string)) error {
	changed := map[string]*core.Collection{}
	var order []string
	for _, ix := range listIndexes {
		c, ok := changed[ix[0]]
		if !ok {
			var err error
			if c, err = app.FindCollectionByNameOrId(ix[0]); err != nil {
				return err
			}
			changed[ix[0]], order = c, append(order, ix[0])
		}
		change(c, ix[1], ix[2])
	}
	for _, name := range order {
		if err := app.Save(changed[name]); err != nil {
			return err
		}
	}
	return nil
}
