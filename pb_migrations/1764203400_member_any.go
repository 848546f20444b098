package pb_migrations

import (
	"strings"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

func init() {
	m.Register(memberAny, memberText)
}

// The rules said "the user belongs to the record's board" as
// `@request.auth.boards ~ plan.board`: the board's id found in the JSON
// text of the user's boards, sound only because ids are letters and
// digits. They now say what they mean, `@request.auth.boards.id ?=
// plan.board`: some board of the user's is the record's board. PocketBase
// resolves that by joining the user's boards into every query; the rule
// engine (internal/access, bindMembers) binds the user's list and keeps
// the lookup it made of the old form, so no page is slower.
// The users' rule (some board of theirs is one of the user's) first: the
// general form would take its new form back to the wrong old one. It
// says that they have a board: PocketBase's ?= finds two empty lists equal
// (each side's missing row reads as ""), and two people of no board at all
// do not see each other.
var memberForms = [][2]string{
	{`@request.auth.boards ?~ boards.id`, `boards:length > 0 && @request.auth.boards.id ?= boards.id`},
	{`@request.auth.boards ~ `, `@request.auth.boards.id ?= `},
}

func memberAny(app core.App) error { return rewriteRules(app, 0, 1) }

func memberText(app core.App) error { return rewriteRules(app, 1, 0) }

// rewriteRules writes every collection's rules with each form from of
// memberForms as its form to.
func rewriteRules(app core.App, from, to int) error {
	cols, err := app.FindAllCollections()
	if err != nil {
		return err
	}
	for _, col := range cols {
		changed := false
		for _, rule := range []**string{&col.ListRule, &col.ViewRule, &col.CreateRule, &col.UpdateRule, &col.DeleteRule} {
			if *rule == nil {
				continue
			}
			text := **rule
			for _, f := range memberForms {
				text = strings.ReplaceAll(text, f[from], f[to])
			}
			if text != **rule {
				*rule = &text
				changed = true
			}
		}
		if changed {
			if err := app.Save(col); err != nil {
				return err
			}
		}
	}
	return nil
}
