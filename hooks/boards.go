package hooks

import (
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// bindBoards holds the rules of boards and units.
func bindBoards(app core.App, h *rules) {
	onSave(app, model.Boards, nameInText)
	app.OnRecordValidate(model.Boards).BindFunc(func(e *core.RecordEvent) error {
		return check(e, func(e *core.RecordEvent, errs fieldErrors) {
			r := e.Record
			if s := r.GetString("successor"); s != "" && s == r.Id {
				errs.add("successor", "ikplan.board.own_successor")
			}
			from, to := r.GetDateTime("active_from"), r.GetDateTime("active_to")
			if !from.IsZero() && !to.IsZero() && to.Before(from) {
				errs.add("active_to", "ikplan.board.active_to")
			}
		})
	})
	app.OnRecordValidate(model.Units).BindFunc(func(e *core.RecordEvent) error {
		return check(e, func(e *core.RecordEvent, errs fieldErrors) {
			immutable(e, errs, "board")
		})
	})
}

// bindSettings keeps exactly one settings record, and gives users,
// superusers and settings Swedish field messages like every other
// collection.
func bindSettings(app core.App, h *rules) {
	app.OnRecordValidate(model.Users, core.CollectionNameSuperusers).BindFunc(func(e *core.RecordEvent) error {
		return check(e, func(e *core.RecordEvent, errs fieldErrors) {})
	})
	app.OnRecordValidate(model.Settings).BindFunc(func(e *core.RecordEvent) error {
		return check(e, func(e *core.RecordEvent, errs fieldErrors) {
			scale := model.RiskScale(e.Record.GetInt("risk_scale"))
			if !model.CheckRiskWords([]byte(e.Record.GetString("risk_words")), scale) {
				errs.add("risk_words", "ikplan.settings.risk_words", "scale", scale, "max", model.RiskWordMax)
			}
		})
	})
	app.OnRecordCreate(model.Settings).BindFunc(func(e *core.RecordEvent) error {
		n, err := e.App.CountRecords(model.Settings)
		if err != nil {
			return err
		}
		if n > 0 {
			return refuse("ikplan.settings.exists")
		}
		return e.Next()
	})
	app.OnRecordDelete(model.Settings).BindFunc(func(e *core.RecordEvent) error {
		return refuse("ikplan.settings.delete")
	})
}

// riskScale is the largest probability and consequence a risk may be given (4 or 5).
func riskScale(app core.App) int {
	recs, err := app.FindRecordsByFilter(model.Settings, "", "", 1, 0)
	if err != nil || len(recs) == 0 {
		return 5
	}
	if n := recs[0].GetInt("risk_scale"); n == 4 || n == 5 {
		return n
	}
	return 5
}

// movedToSuccessor keeps a risk's board fixed, except that it may move to
// the old board's successor in a reorganisation (its unit, which belongs to
// the old board, must then be cleared or be one of the successor's).
func movedToSuccessor(e *core.RecordEvent, errs fieldErrors) {
	if e.Record.IsNew() {
		return
	}
	old, now := e.Record.Original().GetString("board"), e.Record.GetString("board")
	if old == now {
		return
	}
	if b := find(e.App, model.Boards, old); b == nil || b.GetString("successor") == "" || b.GetString("successor") != now {
		errs.add("board", "ikplan.risk.move_successor")
		return
	}
	// the rules let a coordinator of the giving board write the risk; moving it
	// also takes belonging to the receiving board
	if a := model.ActorOf(e.App); a.Kind == model.ActorUser && !isMember(e.App, a.Id, now) {
		errs.add("board", "ikplan.risk.move_member")
	}
}

// bindRisks holds the rules of risks and their yearly assessments.
func bindRisks(app core.App, h *rules) {
	onSave(app, model.Risks, func(e *core.RecordEvent) {
		if e.Record.GetString("status") == "" {
			e.Record.Set("status", "active")
		}
	})
	app.OnRecordValidate(model.Risks).BindFunc(func(e *core.RecordEvent) error {
		return check(e, func(e *core.RecordEvent, errs fieldErrors) {
			movedToSuccessor(e, errs)
			if u := find(e.App, model.Units, e.Record.GetString("unit")); u != nil && u.GetString("board") != e.Record.GetString("board") {
				errs.add("unit", "ikplan.risk.unit_board")
			}
		})
	})
	onSave(app, model.RiskAssessments, func(e *core.RecordEvent) {
		r := e.Record
		r.Set("value", model.RiskValue(r.GetInt("probability"), r.GetInt("consequence")))
	})
	app.OnRecordValidate(model.RiskAssessments).BindFunc(func(e *core.RecordEvent) error {
		return check(e, func(e *core.RecordEvent, errs fieldErrors) {
			immutable(e, errs, "risk")
			n := riskScale(e.App)
			for _, f := range []string{"probability", "consequence"} {
				if v := e.Record.GetInt(f); v > n {
					errs.add(f, "ikplan.risk.scale", "max", n, "field", fieldKey(f))
				}
			}
		})
	})
}

// nameInText keeps a board's name for running text (model.NameInTextField)
// filled: a board saved without one gets the default rule's
// (model.DefaultNameInText: "Kommunstyrelsen" → "kommunstyrelsen"), which
// the administrator corrects in the dashboard where it is wrong ("Västra
// Mälardalens överförmyndarnämnd"). A renamed board whose name for running
// text was the old name's default follows the new name; one written by
// hand stays as written.
func nameInText(e *core.RecordEvent) {
	r := e.Record
	text := strings.TrimSpace(r.GetString(model.NameInTextField))
	if !r.IsNew() && r.GetString("name") != r.Original().GetString("name") &&
		text == model.DefaultNameInText(r.Original().GetString("name")) {
		text = ""
	}
	if model.Blank(text) {
		text = model.DefaultNameInText(r.GetString("name"))
	}
	r.Set(model.NameInTextField, text)
}
