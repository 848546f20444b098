package hooks

import (
	"context"
	"slices"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// commonKey marks the writes bindCommon makes itself: a common control's
// copies added to, changed in and removed from the boards' plans.
type commonKey struct{}

func withCommon(ctx context.Context) context.Context {
	return context.WithValue(ctx, commonKey{}, true)
}

// byCommon reports whether a write is one of bindCommon's own.
func byCommon(ctx context.Context) bool { return ctx != nil && ctx.Value(commonKey{}) != nil }

// commonOf is the common control a control is a copy of, or nil.
func commonOf(app core.App, r *core.Record) *core.Record {
	return find(app, model.CommonControls, model.AsControl(r).CommonControl())
}

// bindCommon holds the rules of kommungemensamma kontroller (common
// controls):
//
//   - kommunstyrelsen is the board marked executive, which only a superuser
//     (or the command line) marks, and only one board is;
//   - a common control is added, with its own section and numbering, to
//     every plan of its year that is a draft or adopted — when it is
//     defined, and when a plan of the year is created later, by any path
//     (web, REST, carry-over, import, demo); a plan whose year changes
//     trades the old year's copies for the new year's. A reported or
//     archived plan is left as it was reported (nothing under it changes);
//   - on a copy, the fields kommunstyrelsen decided (model.CommonFields) and
//     the link itself change only with the definition; the board sets the
//     owner, the due date (once, in an adopted plan), unit, risk and number;
//     the copy is removed only with its definition or its plan;
//   - a definition changes, or is deleted, only while no copy has a result
//     or a sample (the boards' results were measured against it); its copies
//     in draft and adopted plans follow the change, and go with it.
func bindCommon(app core.App) {
	bindExecutive(app)

	app.OnRecordValidate(model.CommonControls).BindFunc(func(e *core.RecordEvent) error {
		return check(e, func(e *core.RecordEvent, errs fieldErrors) {
			immutable(e, errs, model.FieldCommonControlYear)
			checkTarget(e.Record, errs)
		})
	})
	app.OnRecordCreateExecute(model.CommonControls).BindFunc(func(e *core.RecordEvent) error {
		return inTx(e, func(tx core.App) error {
			plans, err := tx.FindAllRecords(model.Plans, dbx.HashExp{model.FieldPlanYear: model.AsCommonControl(e.Record).Year()},
				dbx.In(model.FieldPlanStatus, model.PlanDraft, model.PlanAdopted))
			if err != nil {
				return err
			}
			for _, plan := range plans {
				if err := addCopy(tx, e.Context, plan, e.Record); err != nil {
					return err
				}
			}
			return nil
		})
	})
	app.OnRecordUpdate(model.CommonControls).BindFunc(func(e *core.RecordEvent) error {
		if n := usedCopies(e.App, e.Record.Id); n > 0 && len(model.CommonMismatch(e.Record.GetString, e.Record.Original().GetString)) > 0 {
			return refuse("ikplan.common.used_change", "count", n)
		}
		return e.Next()
	})
	app.OnRecordUpdateExecute(model.CommonControls).BindFunc(func(e *core.RecordEvent) error {
		return inTx(e, func(tx core.App) error {
			for _, c := range openCopies(tx, e.Record.Id) {
				if len(model.CommonMismatch(c.GetString, e.Record.GetString)) == 0 {
					continue
				}
				for _, f := range model.CommonFields {
					c.Set(f, e.Record.Get(f))
				}
				if err := tx.SaveWithContext(withCommon(e.Context), c); err != nil {
					return err
				}
			}
			return nil
		})
	})
	app.OnRecordDelete(model.CommonControls).BindFunc(func(e *core.RecordEvent) error {
		if n := usedCopies(e.App, e.Record.Id); n > 0 {
			return refuse("ikplan.common.used_delete", "count", n)
		}
		orig := e.App
		defer func() { e.App = orig }()
		return orig.RunInTransaction(func(tx core.App) error {
			e.App = tx
			copies, err := tx.FindAllRecords(model.Controls, dbx.HashExp{model.FieldControlCommonControl: e.Record.Id})
			if err != nil {
				return err
			}
			for _, c := range copies {
				if err := tx.DeleteWithContext(withCommon(e.Context), c); err != nil {
					return err
				}
			}
			return e.Next()
		})
	})

	// a plan of the year gets the year's common controls, however it is made
	app.OnRecordCreateExecute(model.Plans).BindFunc(func(e *core.RecordEvent) error {
		return inTx(e, func(tx core.App) error { return syncPlan(tx, e.Context, e.Record) })
	})
	app.OnRecordUpdateExecute(model.Plans).BindFunc(func(e *core.RecordEvent) error {
		if model.AsPlan(e.Record).Year() == model.AsPlan(e.Record.Original()).Year() {
			return e.Next()
		}
		return inTx(e, func(tx core.App) error { return syncPlan(tx, e.Context, e.Record) })
	})

	app.OnRecordCreate(model.Controls).BindFunc(func(e *core.RecordEvent) error {
		if model.AsControl(e.Record).CommonControl() == "" {
			return e.Next()
		}
		if errs := checkCopy(e.App, e.Record); len(errs) > 0 {
			return errs.err()
		}
		return e.Next()
	})
	app.OnRecordUpdate(model.Controls).BindFunc(func(e *core.RecordEvent) error {
		r, orig := e.Record, e.Record.Original()
		was, is := model.AsControl(orig).CommonControl(), model.AsControl(r).CommonControl()
		// the link changes only by bindCommon's own writes, or when
		// PocketBase clears it because the definition is gone
		if was != is && !byCommon(e.Context) && !(is == "" && find(e.App, model.CommonControls, was) == nil) {
			return fieldErrors{model.FieldControlCommonControl: i18n.M("ikplan.common.link")}.err()
		}
		common := commonOf(e.App, r)
		if common == nil {
			return e.Next()
		}
		errs := fieldErrors{}
		for _, f := range model.CommonFields {
			if v := r.GetString(f); v != orig.GetString(f) && v != common.GetString(f) {
				errs.add(f, "ikplan.common.locked", "field", fieldKey(f))
			}
		}
		if len(errs) > 0 {
			return errs.err()
		}
		return e.Next()
	})
	app.OnRecordDelete(model.Controls).BindFunc(func(e *core.RecordEvent) error {
		// with its plan (a draft's cascade) or its definition it goes
		if commonOf(e.App, e.Record) != nil && !byCommon(e.Context) && find(e.App, model.Plans, model.AsControl(e.Record).Plan()) != nil {
			return refuse("ikplan.common.delete_copy")
		}
		return e.Next()
	})
}

// bindExecutive: only a superuser (or the command line) marks the board
// that is kommunstyrelsen, and only one board is marked.
func bindExecutive(app core.App) {
	mark := func(e *core.RecordEvent) error {
		r := model.AsBoard(e.Record)
		on := r.Executive()
		changed := on
		if !r.IsNew() {
			changed = on != model.AsBoard(r.Original()).Executive()
		}
		if !changed {
			return e.Next()
		}
		if model.ActorOf(e.App).Kind == model.ActorUser {
			return fieldErrors{model.FieldBoardExecutive: i18n.M("ikplan.board.executive_admin")}.err()
		}
		if on {
			var other []struct {
				Name string `db:"name"`
			}
			err := e.App.RecordQuery(model.Boards).Select(model.FieldBoardName).
				AndWhere(dbx.HashExp{model.FieldBoardExecutive: true}).
				AndWhere(dbx.Not(dbx.HashExp{model.FieldId: r.Id})).Limit(1).All(&other)
			failLookup(model.Boards, "", err)
			if len(other) > 0 {
				return fieldErrors{model.FieldBoardExecutive: i18n.M("ikplan.board.executive_one", "name", other[0].Name)}.err()
			}
		}
		return e.Next()
	}
	app.OnRecordCreate(model.Boards).BindFunc(mark)
	app.OnRecordUpdate(model.Boards).BindFunc(mark)
}

// inTx runs the write of e and then more, in one transaction: nothing is
// half-saved.
func inTx(e *core.RecordEvent, more func(tx core.App) error) error {
	orig := e.App
	defer func() { e.App = orig }()
	return orig.RunInTransaction(func(tx core.App) error {
		e.App = tx
		if err := e.Next(); err != nil {
			return err
		}
		return more(tx)
	})
}

// syncPlan gives a draft or adopted plan exactly the common controls of
// its year: the copies of another year's go, the missing ones are added.
func syncPlan(tx core.App, ctx context.Context, plan *core.Record) error {
	p := model.AsPlan(plan)
	if s := p.Status(); s != model.PlanDraft && s != model.PlanAdopted {
		return nil
	}
	commons, err := tx.FindAllRecords(model.CommonControls, dbx.HashExp{model.FieldCommonControlYear: p.Year()})
	if err != nil {
		return err
	}
	copies, err := tx.FindAllRecords(model.Controls, dbx.HashExp{model.FieldControlPlan: plan.Id}, dbx.Not(dbx.HashExp{model.FieldControlCommonControl: ""}))
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, c := range copies {
		id := model.AsControl(c).CommonControl()
		if slices.ContainsFunc(commons, func(k *core.Record) bool { return k.Id == id }) {
			have[id] = true
			continue
		}
		if err := tx.DeleteWithContext(withCommon(ctx), c); err != nil {
			return err
		}
	}
	for _, k := range commons {
		if !have[k.Id] {
			if err := addCopy(tx, ctx, plan, k); err != nil {
				return err
			}
		}
	}
	return nil
}

// addCopy adds a common control's copy to a plan, last in the plan's part
// for the common controls.
func addCopy(tx core.App, ctx context.Context, plan, common *core.Record) error {
	col, err := tx.FindCachedCollectionByNameOrId(model.Controls)
	if err != nil {
		return err
	}
	var max struct{ N int }
	err = tx.RecordQuery(model.Controls).Select("COALESCE(MAX(number), 0) AS n").
		AndWhere(dbx.HashExp{model.FieldControlPlan: plan.Id, model.FieldControlSection: model.CommonSection}).One(&max)
	failLookup(model.Controls, "", err)
	rec := core.NewRecord(col)
	c := model.AsControl(rec)
	c.SetPlan(plan.Id)
	c.SetSection(model.CommonSection)
	c.SetNumber(max.N + 1)
	c.SetCommonControl(common.Id)
	for _, f := range model.CommonFields {
		c.Set(f, common.Get(f))
	}
	return tx.SaveWithContext(withCommon(ctx), rec)
}

// checkCopy: a new control linked to a common control is a faithful copy
// of it, in a plan of its year that has none yet.
func checkCopy(app core.App, r *core.Record) fieldErrors {
	errs := fieldErrors{}
	c := model.AsControl(r)
	common := model.AsCommonControl(commonOf(app, r))
	if common == nil {
		errs.add(model.FieldControlCommonControl, "ikplan.common.unknown")
		return errs
	}
	if plan := model.AsPlan(find(app, model.Plans, c.Plan())); plan != nil && plan.Year() != common.Year() {
		errs.add(model.FieldControlCommonControl, "ikplan.common.year", "year", common.Year())
	}
	n, err := app.CountRecords(model.Controls, dbx.HashExp{model.FieldControlPlan: c.Plan(), model.FieldControlCommonControl: common.Id})
	failLookup(model.Controls, "", err)
	if n > 0 {
		errs.add(model.FieldControlCommonControl, "ikplan.common.twice")
	}
	for _, f := range model.CommonMismatch(r.GetString, common.GetString) {
		errs.add(f, "ikplan.common.locked", "field", fieldKey(f))
	}
	return errs
}

// openCopies are a common control's copies in draft and adopted plans.
func openCopies(app core.App, commonId string) []*core.Record {
	var out []*core.Record
	err := app.RecordQuery(model.Controls).
		InnerJoin("plans", dbx.NewExp("plans.id = controls.plan")).
		AndWhere(dbx.HashExp{"controls." + model.FieldControlCommonControl: commonId}).
		AndWhere(dbx.In("plans.status", model.PlanDraft, model.PlanAdopted)).
		All(&out)
	failLookup(model.Controls, "", err)
	return out
}

// usedCopies counts a common control's copies that have a result or a
// sample.
func usedCopies(app core.App, commonId string) int {
	var n struct{ N int }
	err := app.DB().NewQuery("SELECT COUNT(*) AS n FROM controls WHERE common_control = {:k} AND " +
		"(EXISTS (SELECT 1 FROM results WHERE results.control = controls.id) OR " +
		"EXISTS (SELECT 1 FROM samples WHERE samples.control = controls.id))").
		Bind(dbx.Params{"k": commonId}).One(&n)
	failLookup(model.Controls, "", err)
	return n.N
}
