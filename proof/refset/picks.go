package refset

import (
	"fmt"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"ikplan/proof/testapp"

	"ikplan/internal/model"
)

// Picks are the records the benchmarks open, chosen from the data so that
// they are among the heaviest of their kind: the latest year's plan of the
// board with the most actions in it, and that plan's busiest control.
type Picks struct {
	Board, BoardName string // the board of the plan
	Other            string // another board, with no part in the other picks
	Plan, PlanTitle  string // the board's plan of the latest year
	Control          string // the plan's control with the most actions, then results
	ControlTitle     string
	Result           string // a result of the control
	Action           string // an action of the control
	Risk, RiskTitle  string // a risk of the board
	Owner            string // e-mail of the owner with the most controls in the plan
}

// describe reads the set's clock and picks from a copy of it (opening
// the folder itself would write to it).
func describe(dir string) (*Set, error) {
	app, err := testapp.NewApp(dir)
	if err != nil {
		return nil, fmt.Errorf("failed to copy the reference set: %w", err)
	}
	defer app.Cleanup()
	s := &Set{Dir: dir}
	first, err := app.FindRecordsByFilter(model.Boards, "", "created", 1, 0)
	if err != nil || len(first) == 0 {
		return nil, fmt.Errorf("the reference set in %s has no boards: %v", dir, err)
	}
	// gen stamps the data with the moment it ran; the set's clock stands
	// there, so what gen made overdue or due soon is so on the pages
	s.Now = first[0].GetDateTime("created").Time().UTC()
	s.Year = s.Now.Year()
	return s, pick(app, s)
}

// pickRow is what a pick's query selects.
type pickRow struct {
	Id, Board, Title, Other, Email string
}

func pick(app core.App, s *Set) error {
	var row pickRow
	one := func(what, sql string, params dbx.Params) error {
		row = pickRow{}
		if err := app.DB().NewQuery(sql).Bind(params).One(&row); err != nil {
			return fmt.Errorf("failed to pick %s from the reference set: %w", what, err)
		}
		return nil
	}
	if err := one("the plan", `SELECT p.id AS id, p.board AS board, p.title AS title
		FROM plans p LEFT JOIN actions a ON a.plan = p.id
		WHERE p.year = {:y} GROUP BY p.id ORDER BY COUNT(a.id) DESC, p.id LIMIT 1`, dbx.Params{"y": s.Year}); err != nil {
		return err
	}
	s.Plan, s.Board, s.PlanTitle = row.Id, row.Board, row.Title
	if err := one("the board", `SELECT b.name AS title, (SELECT o.id FROM boards o WHERE o.id != b.id ORDER BY o.created, o.id LIMIT 1) AS other
		FROM boards b WHERE b.id = {:b}`, dbx.Params{"b": s.Board}); err != nil {
		return err
	}
	s.BoardName, s.Other = row.Title, row.Other
	if err := one("the control", `SELECT c.id AS id, c.title AS title FROM controls c
		WHERE c.plan = {:p} AND c.confidential = FALSE
		ORDER BY (SELECT COUNT(*) FROM actions a WHERE a.control = c.id) DESC,
			(SELECT COUNT(*) FROM results r WHERE r.control = c.id) DESC, c.position LIMIT 1`, dbx.Params{"p": s.Plan}); err != nil {
		return err
	}
	s.Control, s.ControlTitle = row.Id, row.Title
	if err := one("a result", `SELECT id FROM results WHERE control = {:c} ORDER BY period, id LIMIT 1`, dbx.Params{"c": s.Control}); err != nil {
		return err
	}
	s.Result = row.Id
	if err := one("an action", `SELECT id FROM actions WHERE control = {:c} ORDER BY created, id LIMIT 1`, dbx.Params{"c": s.Control}); err != nil {
		return err
	}
	s.Action = row.Id
	if err := one("a risk", `SELECT id, title FROM risks WHERE board = {:b} ORDER BY title, id LIMIT 1`, dbx.Params{"b": s.Board}); err != nil {
		return err
	}
	s.Risk, s.RiskTitle = row.Id, row.Title
	if err := one("an owner", `SELECT u.email AS email FROM controls c JOIN users u ON u.id = c.owner
		WHERE c.plan = {:p} AND u.role = 'owner' GROUP BY u.id ORDER BY COUNT(*) DESC, u.email LIMIT 1`, dbx.Params{"p": s.Plan}); err != nil {
		return err
	}
	s.Owner = row.Email
	return nil
}
