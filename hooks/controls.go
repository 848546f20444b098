package hooks

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// bindControls holds the rules of a plan's controls: unique numbers, a
// well-formed target and a due date in the plan's year; bindFrozen keeps
// the fields the board decided once the plan is adopted.
func bindControls(app core.App, h *rules) {
	onSave(app, model.Controls, func(e *core.RecordEvent) {
		r := e.Record
		if r.IsNew() && r.GetString("frequency") == "" {
			r.Set("frequency", model.FreqYearly)
		}
		if r.IsNew() && r.GetInt("position") == 0 && r.GetString("plan") != "" {
			var max struct{ N int }
			_ = e.App.RecordQuery(model.Controls).Select("COALESCE(MAX(position), 0) AS n").
				AndWhere(dbx.HashExp{"plan": r.GetString("plan")}).One(&max)
			r.Set("position", max.N+1)
		}
		canonicalNumber(r, "target_value")
	})
	app.OnRecordValidate(model.Controls).BindFunc(func(e *core.RecordEvent) error {
		return check(e, h.validateControl)
	})
	app.OnRecordCreate(model.Controls).BindFunc(func(e *core.RecordEvent) error {
		if plan := find(e.App, model.Plans, e.Record.GetString("plan")); plan != nil && plan.GetString("status") != model.PlanDraft {
			return fieldErrors{"plan": "Planen är " + model.PlanStatusSv(plan.GetString("status")) + "; kontrollpunkter kan bara läggas till medan planen är ett utkast."}.err()
		}
		return e.Next()
	})
	app.OnRecordDelete(model.Controls).BindFunc(func(e *core.RecordEvent) error {
		if plan := find(e.App, model.Plans, e.Record.GetString("plan")); plan != nil && plan.GetString("status") != model.PlanDraft {
			return refuse("Planen är " + model.PlanStatusSv(plan.GetString("status")) + "; kontrollpunkter kan bara tas bort medan planen är ett utkast.")
		}
		return e.Next()
	})
}

// canonicalNumber stores a decimal field written as "8,1" as "8.1"; a value
// that is not a number is left for validation to refuse.
func canonicalNumber(r *core.Record, field string) {
	s := strings.TrimSpace(r.GetString(field))
	if s == "" {
		r.Set(field, "")
		return
	}
	if f, err := model.ParseDecimal(s); err == nil {
		r.Set(field, model.CanonicalDecimal(f))
	}
}

func (h *rules) validateControl(e *core.RecordEvent, errs fieldErrors) {
	r := e.Record
	immutable(e, errs, "plan")
	plan := find(e.App, model.Plans, r.GetString("plan"))
	if plan == nil {
		return
	}
	board := plan.GetString("board")

	// a number is unique within its part (section) of the plan
	var other []struct{ Id string }
	_ = e.App.RecordQuery(model.Controls).Select("id").
		AndWhere(dbx.HashExp{"plan": plan.Id, "section": r.GetString("section"), "number": r.GetInt("number")}).
		AndWhere(dbx.Not(dbx.HashExp{"id": r.Id})).Limit(1).All(&other)
	if len(other) > 0 {
		errs.add("number", fmt.Sprintf("Planen har redan en kontrollpunkt nummer %d i den här delen.", r.GetInt("number")))
	}

	if u := find(e.App, model.Units, r.GetString("unit")); u != nil && u.GetString("board") != board {
		errs.add("unit", "Förvaltningen hör till en annan nämnd än planen.")
	}
	// a link made while the risk was the board's holds after the risk moved
	// to the board's successor in a reorganisation
	if k := find(e.App, model.Risks, r.GetString("risk")); k != nil && k.GetString("board") != board && linkChanged(r, "risk") {
		errs.add("risk", "Risken hör till en annan nämnds riskportfölj.")
	}
	if o := r.GetString("owner"); o != "" {
		if msg := ownerProblem(e.App, o, board); msg != "" {
			errs.add("owner", msg)
		}
	}

	// a target is an operator and a number, with an optional metric and unit
	op, value := r.GetString("target_operator"), r.GetString("target_value")
	anyTarget := op != "" || value != "" || r.GetString("target_metric") != "" || r.GetString("target_unit") != ""
	if anyTarget {
		if op == "" {
			errs.add("target_operator", "Ange hur målet jämförs (<, ≤, =, ≥ eller >).")
		}
		if value == "" {
			errs.add("target_value", "Ange målvärdet, t.ex. 10.")
		} else if _, err := model.ParseDecimal(value); err != nil {
			errs.add("target_value", "Målvärdet måste vara ett tal, t.ex. 10 eller 8,1.")
		}
		if r.GetString("target_metric") == "" {
			errs.add("target_metric", "Ange vad som mäts, t.ex. \"Medel responstid\".")
		}
	}

	// the due date lies in the plan's year (what was decided before stays
	// as it was: bindFrozen keeps an adopted plan's due dates)
	if due := r.GetDateTime("due"); !due.IsZero() && linkChanged(r, "due") {
		if y := plan.GetInt("year"); due.Time().Year() != y {
			errs.add("due", fmt.Sprintf("Datumet måste ligga i planens år %d, t.ex. %d-12-31.", y, y))
		}
	}
}

// ownerProblem says why a user cannot own a control or action of a board,
// or "": an owner belongs to the board and is a coordinator or an owner —
// readers and auditors write nothing, so they cannot be responsible.
func ownerProblem(app core.App, userId, boardId string) string {
	u := find(app, model.Users, userId)
	if !memberOf(u, boardId) {
		return "Den ansvariga måste vara användare i planens nämnd."
	}
	if role := u.GetString("role"); role == model.RoleReader || role == model.RoleAuditor {
		return "En läsare eller revisor kan inte vara ansvarig; välj en kontrollansvarig eller IK-samordnare."
	}
	return ""
}

// linkChanged reports whether a new record has the field or an existing one
// changes it.
func linkChanged(r *core.Record, field string) bool {
	return r.IsNew() || r.GetString(field) != r.Original().GetString(field)
}

// isMember reports whether a user belongs to a board.
func isMember(app core.App, userId, boardId string) bool {
	return memberOf(find(app, model.Users, userId), boardId)
}

// memberOf reports whether a user (nil for none) belongs to a board.
func memberOf(u *core.Record, boardId string) bool {
	return u != nil && slices.Contains(u.GetStringSlice("boards"), boardId)
}
