package auditpkg

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/internal/report"
)

// tree is a plan with the records under it that the maker may read.
type tree struct {
	plan, board *core.Record
	controls    []*core.Record
	results     []*core.Record
	deviations  []*core.Record
	actions     []*core.Record
	samples     []*core.Record
	items       []*core.Record
	byId        map[string]*core.Record // every record above, by id
}

// loadTree reads a plan's records as the maker may read them.
func loadTree(a access, plan *core.Record) (*tree, error) {
	t := &tree{plan: plan, byId: map[string]*core.Record{plan.Id: plan}}
	board, err := a.app.FindRecordById(model.Boards, model.AsPlan(plan).Board())
	if err != nil {
		return nil, fmt.Errorf("failed to load the board of plan %q: %w", plan.Id, err)
	}
	t.board = board
	under := func(collection, field, sort string, parents []*core.Record) ([]*core.Record, error) {
		var out []*core.Record
		for _, p := range parents {
			rs, err := a.list(collection, field+" = {:p}", sort, dbx.Params{"p": p.Id})
			if err != nil {
				return nil, fmt.Errorf("failed to load the %s of %q: %w", collection, p.Id, err)
			}
			out = append(out, rs...)
		}
		for _, r := range out {
			t.byId[r.Id] = r
		}
		return out, nil
	}
	if t.controls, err = under(model.Controls, "plan", "position,section,number", []*core.Record{plan}); err != nil {
		return nil, err
	}
	if t.results, err = under(model.Results, "control", "period", t.controls); err != nil {
		return nil, err
	}
	if t.deviations, err = under(model.Deviations, "result", "created", t.results); err != nil {
		return nil, err
	}
	if t.actions, err = under(model.Actions, "plan", "created", []*core.Record{plan}); err != nil {
		return nil, err
	}
	if t.samples, err = under(model.Samples, "control", "period", t.controls); err != nil {
		return nil, err
	}
	if t.items, err = under(model.SampleItems, "sample", "position", t.samples); err != nil {
		return nil, err
	}
	return t, nil
}

// controlOf is the control a result, sample, deviation, action or item
// belongs to, or nil.
func (t *tree) controlOf(r *core.Record) *core.Record {
	for r != nil {
		switch r.Collection().Name {
		case model.Controls:
			return r
		case model.Results:
			r = t.byId[model.AsResult(r).Control()]
		case model.Samples:
			r = t.byId[model.AsSample(r).Control()]
		case model.Deviations:
			r = t.byId[model.AsDeviation(r).Result()]
		case model.SampleItems:
			r = t.byId[model.AsSampleItem(r).Sample()]
		case model.Actions:
			a := model.AsAction(r)
			if c := a.Control(); c != "" {
				return t.byId[c]
			}
			r = t.byId[a.Deviation()]
		default:
			return nil
		}
	}
	return nil
}

// writePlan adds a plan's documents, sheets and files under the board's
// folder.
func (p *Package) writePlan(pk *packer, a access, plan *core.Record) error {
	t, err := loadTree(a, plan)
	if err != nil {
		return err
	}
	all, err := a.app.CountRecords(model.Controls, dbx.HashExp{"plan": plan.Id})
	if err != nil {
		return err
	}
	public := int64(len(t.controls)) != all
	boardName := model.AsBoard(t.board).Name()
	if public {
		pk.m.Public = append(pk.m.Public, boardName)
	}
	year := model.AsPlan(plan).Year()
	dir := report.Slug(boardName) + "/"
	name := report.Slug(boardName) + "-" + strconv.Itoa(year)
	if public {
		name += "-offentlig"
	}
	doc, err := report.PlanDocIn(a.app, model.Version{User: a.user, Public: public}, t.board.Id, year)
	if err != nil {
		return fmt.Errorf("failed to make the plan document of %q: %w", plan.Id, err)
	}
	if err := writeDoc(pk, dir+"internkontrollplan-"+name, doc); err != nil {
		return err
	}
	if err := pk.add(dir+"internkontrollplan-"+name+".xlsx", func(w io.Writer) error {
		return report.ExportControlsIn(a.app, plan, t.controls, p.req.Lang, w)
	}); err != nil {
		return err
	}
	doc, err = report.FollowUpIn(a.app, model.Version{User: a.user, Public: public}, t.board.Id, year)
	switch {
	case errors.Is(err, report.ErrNoResults):
		// no follow-up before the first result
	case err != nil:
		return fmt.Errorf("failed to make the follow-up of %q: %w", plan.Id, err)
	default:
		if err := writeDoc(pk, dir+"uppfoljning-"+name, doc); err != nil {
			return err
		}
	}
	tx := newTexts(p.req.Lang, a.app, t)
	for _, book := range []struct {
		file   string
		sheets func() []sheet
	}{
		{"resultat-" + name + ".xlsx", tx.resultSheets},
		{"avvikelser-och-atgarder-" + name + ".xlsx", tx.deviationSheets},
	} {
		var buf bytes.Buffer
		if err := writeBook(&buf, book.sheets()); err != nil {
			return fmt.Errorf("failed to write %s: %w", book.file, err)
		}
		if err := pk.addBytes(dir+book.file, buf.Bytes()); err != nil {
			return err
		}
	}
	hist, err := p.history(a, t)
	if err != nil {
		return err
	}
	if len(hist) > 0 {
		var buf bytes.Buffer
		if err := writeBook(&buf, []sheet{tx.historySheet(hist)}); err != nil {
			return fmt.Errorf("failed to write the history: %w", err)
		}
		if err := pk.addBytes(dir+"andringshistorik-"+name+".xlsx", buf.Bytes()); err != nil {
			return err
		}
	}
	return writeFiles(pk, a.app, dir, t)
}
