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
			b := model.AsBoard(e.Record)
			if s := b.Successor(); s != "" && s == b.Id {
				errs.add(model.FieldBoardSuccessor, "ikplan.board.own_successor")
			}
			from, to := b.ActiveFrom(), b.ActiveTo()
			if !from.IsZero() && !to.IsZero() && to.Before(from) {
				errs.add(model.FieldBoardActiveTo, "ikplan.board.active_to")
			}
		})
	})
	app.OnRecordValidate(model.Units).BindFunc(func(e *core.RecordEvent) error {
		return check(e, func(e *core.RecordEvent, errs fieldErrors) {
			immutable(e, errs, model.FieldUnitBoard)
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
			s := model.AsSetup(e.Record)
			scale := model.RiskScale(s.RiskScale())
			if !model.CheckRiskWords([]byte(s.RiskWords()), scale) {
				errs.add(model.FieldSetupRiskWords, "ikplan.settings.risk_words", "scale", scale, "max", model.RiskWordMax)
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
	if n := model.AsSetup(recs[0]).RiskScale(); n == 4 || n == 5 {
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
	old, now := model.AsRisk(e.Record.Original()).Board(), model.AsRisk(e.Record).Board()
	if old == now {
		return
	}
	if b := model.AsBoard(find(e.App, model.Boards, old)); b == nil || b.Successor() == "" || b.Successor() != now {
		errs.add(model.FieldRiskBoard, "ikplan.risk.move_successor")
		return
	}
	// the rules let a coordinator of the giving board write the risk; moving it
	// also takes belonging to the receiving board
	if a := model.ActorOf(e.App); a.Kind == model.ActorUser && !isMember(e.App, a.Id, now) {
		errs.add(model.FieldRiskBoard, "ikplan.risk.move_member")
	}
}

// bindRisks holds the rules of risks and their yearly assessments.
func bindRisks(app core.App, h *rules) {
	onSave(app, model.Risks, func(e *core.RecordEvent) {
		if k := model.AsRisk(e.Record); k.Status() == "" {
			k.SetStatus("active")
		}
	})
	app.OnRecordValidate(model.Risks).BindFunc(func(e *core.RecordEvent) error {
		return check(e, func(e *core.RecordEvent, errs fieldErrors) {
			movedToSuccessor(e, errs)
			k := model.AsRisk(e.Record)
			if u := model.AsUnit(find(e.App, model.Units, k.Unit())); u != nil && u.Board() != k.Board() {
				errs.add(model.FieldRiskUnit, "ikplan.risk.unit_board")
			}
		})
	})
	onSave(app, model.RiskAssessments, func(e *core.RecordEvent) {
		a := model.AsRiskAssessment(e.Record)
		a.SetValue(model.RiskValue(a.Probability(), a.Consequence()))
	})
	app.OnRecordValidate(model.RiskAssessments).BindFunc(func(e *core.RecordEvent) error {
		return check(e, func(e *core.RecordEvent, errs fieldErrors) {
			immutable(e, errs, model.FieldRiskAssessmentRisk)
			n := riskScale(e.App)
			for _, f := range []string{model.FieldRiskAssessmentProbability, model.FieldRiskAssessmentConsequence} {
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
	b := model.AsBoard(e.Record)
	text := strings.TrimSpace(b.NameInText())
	if !b.IsNew() {
		was := model.AsBoard(b.Original()).Name()
		if b.Name() != was && text == model.DefaultNameInText(was) {
			text = ""
		}
	}
	if model.Blank(text) {
		text = model.DefaultNameInText(b.Name())
	}
	b.SetNameInText(text)
}
