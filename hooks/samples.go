package hooks

import (
	"context"
	"crypto/sha256"
	"errors"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/internal/sample"
)

// drawKey marks the saves of a draw's items (the one way items are made).
type drawKey struct{}

// drawn holds the population a sample being created was drawn from,
// between its create hook and the write that adds its items.
var drawn sync.Map // *core.Record → draw

// bindSamples holds the rules of sampling (stickprov):
//
//   - A sample is drawn by the server: the population file is read
//     (sample.Read, bounded), the seed is 32 bytes from crypto/rand that
//     nobody may give, and the drawn items are written with the sample in
//     one transaction, each with its row number and values.
//   - A sample belongs to a control whose method is stickprov, of an
//     adopted plan, for one of the control's periods that has no result yet.
//   - A drawn sample never changes: it may be deleted (and drawn again)
//     only while none of its items is assessed. Its items' row and values
//     never change, and they go only with their sample.
//   - An item is assessed OK or Avvikelse (with a note saying what
//     deviated), and stays assessed. Once every item is assessed, the
//     period's result follows from them: outcome deviation when one
//     deviates, measured value the share deviating in percent; a result
//     that says otherwise is refused.
//
// Under a reported plan nothing of it is written (bindFrozen).
func bindSamples(app core.App, h *rules) {
	app.OnRecordCreate(model.Samples).BindFunc(func(e *core.RecordEvent) error {
		defer drawn.Delete(e.Record)
		if err := frozenFirst(e.App, e.Record, nil); err != nil {
			return err
		}
		if errs := h.prepareSample(e.Record); len(errs) > 0 {
			return errs.err()
		}
		return e.Next()
	})
	app.OnRecordValidate(model.Samples).BindFunc(func(e *core.RecordEvent) error {
		return check(e, h.validateSample)
	})
	app.OnRecordCreateExecute(model.Samples).BindFunc(func(e *core.RecordEvent) error {
		orig := e.App
		defer func() { e.App = orig }()
		return orig.RunInTransaction(func(tx core.App) error {
			e.App = tx
			if err := e.Next(); err != nil {
				return err
			}
			return drawItems(tx, e.Context, e.Record)
		})
	})
	app.OnRecordUpdate(model.Samples).BindFunc(func(e *core.RecordEvent) error {
		if err := frozenFirst(e.App, e.Record, e.Record.Original()); err != nil {
			return err
		}
		return e.Next()
	})
	// validateSample names each changed field; this holds for the writes
	// that skip validation too
	app.OnRecordUpdateExecute(model.Samples).BindFunc(func(e *core.RecordEvent) error {
		if len(changedFields(e.Record)) > 0 {
			return refuse("ikplan.sample.fixed")
		}
		return e.Next()
	})
	app.OnRecordDelete(model.Samples).BindFunc(func(e *core.RecordEvent) error {
		if err := frozenFirst(e.App, e.Record, nil); err != nil {
			return err
		}
		// with its control (a draft's), the sample goes whatever it holds
		if find(e.App, model.Controls, e.Record.GetString("control")) != nil {
			n, _ := e.App.CountRecords(model.SampleItems, dbx.HashExp{"sample": e.Record.Id}, dbx.Not(dbx.HashExp{"status": ""}))
			if n > 0 {
				return refuse("ikplan.sample.recorded")
			}
		}
		return e.Next()
	})

	app.OnRecordCreate(model.SampleItems).BindFunc(func(e *core.RecordEvent) error {
		if err := frozenFirst(e.App, e.Record, nil); err != nil {
			return err
		}
		// (without a sample the field's own required message refuses it)
		if (e.Context == nil || e.Context.Value(drawKey{}) == nil) && e.Record.GetString("sample") != "" {
			return fieldErrors{"sample": i18n.M("ikplan.sample_item.drawn")}.err()
		}
		return e.Next()
	})
	app.OnRecordValidate(model.SampleItems).BindFunc(func(e *core.RecordEvent) error {
		return check(e, validateItem)
	})
	app.OnRecordUpdateExecute(model.SampleItems).BindFunc(func(e *core.RecordEvent) error {
		orig := e.App
		defer func() { e.App = orig }()
		return orig.RunInTransaction(func(tx core.App) error {
			e.App = tx
			if err := e.Next(); err != nil {
				return err
			}
			return followResult(tx, e.Context, e.Record.GetString("sample"))
		})
	})
	app.OnRecordDelete(model.SampleItems).BindFunc(func(e *core.RecordEvent) error {
		if err := frozenFirst(e.App, e.Record, nil); err != nil {
			return err
		}
		// only with its sample: the cascade deletes the sample first
		if find(e.App, model.Samples, e.Record.GetString("sample")) != nil {
			return refuse("ikplan.sample_item.delete")
		}
		return e.Next()
	})
}

// frozenFirst is the refusal of a write under a reported or archived
// plan (bindFrozen's, which would come after this file's own refusals),
// or nil.
func frozenFirst(app core.App, r, stored *core.Record) error {
	if msg := frozenUnder(app, r, stored); msg.Key != "" {
		return fieldErrors{linkField[r.Collection().Name]: msg}.err()
	}
	return nil
}

// ItemId is the id of a sample's item at a position in the draw: fixed by
// the two, so that the same draw gives the same records.
func ItemId(sampleId string, position int) string {
	sum := sha256.Sum256([]byte(sampleId + "/" + strconv.Itoa(position)))
	const digits = "abcdefghijklmnopqrstuvwxyz0123456789"
	id := make([]byte, 15)
	for i := range id {
		id[i] = digits[int(sum[i])%len(digits)]
	}
	return string(id)
}

// prepareSample reads the population of a new sample, fills in what the
// server decides — the seed, the checksums, the row count, the header and
// the column as the header writes it — and draws, so that a draw the
// population cannot give (a column not there, an amount that is none) is
// refused naming its field before anything is written.
func (h *rules) prepareSample(r *core.Record) fieldErrors {
	errs := fieldErrors{}
	if r.GetString("seed") != "" {
		errs.add("seed", "ikplan.sample.seed")
	}
	if r.GetString("method") == "" {
		r.Set("method", sample.MethodSRS)
	}
	files := r.GetUnsavedFiles("population")
	if len(files) != 1 {
		return errs // the field is required: its own message says so
	}
	data, err := readUpload(files[0].Reader)
	if err != nil {
		errs.add("population", "ikplan.sample.population")
		return errs
	}
	p, err := sample.Read(data)
	var se *sample.Error
	if errors.As(err, &se) {
		errs.put("population", se.Message())
		return errs
	}
	if err != nil {
		errs.add("population", "ikplan.sample.population")
		return errs
	}
	method := r.GetString("method")
	if sample.NeedsColumn(method) {
		if i, err := p.Column(r.GetString("column")); err == nil {
			r.Set("column", p.Header[i]) // as the header writes it
		}
	}
	r.Set("seed", sample.NewSeed())
	r.Set("population_sha256", p.SHA256)
	r.Set("canonical_sha256", p.Canonical)
	r.Set("population_rows", len(p.Rows))
	r.Set("header", p.Header)
	seed, _ := sample.ParseSeed(r.GetString("seed"))
	picked, err := sample.Draw(p, seed, r.GetInt("size"), method, r.GetString("column"))
	if errors.As(err, &se) {
		errs.put(drawField(se.Msg.Key), se.Message())
		return errs
	}
	if err != nil {
		errs.add("population", "ikplan.sample.population")
		return errs
	}
	drawn.Store(r, draw{p, picked})
	return errs
}

// draw is a sample's population and the indexes of its drawn rows.
type draw struct {
	p      *sample.Population
	picked []int
}

// drawField is the field of a sample that a refusal of the draw is about.
func drawField(key string) string {
	switch {
	case strings.HasPrefix(key, "sample.column."), strings.HasPrefix(key, "sample.strata."):
		return "column"
	case strings.HasPrefix(key, "sample.size."):
		return "size"
	case strings.HasPrefix(key, "sample.method."):
		return "method"
	}
	return "population"
}

// readUpload reads an uploaded file, no more than a population may be.
func readUpload(f interface {
	Open() (io.ReadSeekCloser, error)
}) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, sample.MaxBytes+1))
}

// changedFields lists the fields of a record that differ from its stored
// version (none for a new record), the server's timestamps left out.
func changedFields(r *core.Record) []string {
	if r.IsNew() {
		return nil
	}
	var out []string
	for _, f := range r.Collection().Fields {
		if f.Type() == core.FieldTypeAutodate {
			continue
		}
		if !reflect.DeepEqual(plain(r.Get(f.GetName())), plain(r.Original().Get(f.GetName()))) {
			out = append(out, f.GetName())
		}
	}
	return out
}

func (h *rules) validateSample(e *core.RecordEvent, errs fieldErrors) {
	r := e.Record
	if !r.IsNew() {
		for _, f := range changedFields(r) {
			errs.add(f, "ikplan.sample.fixed")
		}
		return
	}
	control := find(e.App, model.Controls, r.GetString("control"))
	if control == nil {
		return
	}
	plan := find(e.App, model.Plans, control.GetString("plan"))
	if plan == nil {
		return
	}
	switch {
	case plan.GetString("status") == model.PlanDraft:
		errs.add("control", "ikplan.sample.draft")
	case control.GetString("method") != "stickprov":
		errs.add("control", "ikplan.sample.method")
	}
	period := r.GetString("period")
	if period == "" {
		return
	}
	checkPeriod(control, plan.GetInt("year"), period, false, errs)
	n, _ := e.App.CountRecords(model.Samples, dbx.HashExp{"control": control.Id, "period": period}, dbx.Not(dbx.HashExp{"id": r.Id}))
	if n > 0 {
		errs.add("period", "ikplan.sample.taken", "period", period)
	}
	if n, _ := e.App.CountRecords(model.Results, dbx.HashExp{"control": control.Id, "period": period}); n > 0 {
		errs.add("period", "ikplan.sample.result_exists", "period", period)
	}
}

// drawItems writes the drawn items of a sample just saved.
func drawItems(app core.App, ctx context.Context, r *core.Record) error {
	v, ok := drawn.Load(r)
	if !ok {
		return errors.New("sample drawn without its population")
	}
	d := v.(draw)
	p, picked := d.p, d.picked
	col, err := app.FindCachedCollectionByNameOrId(model.SampleItems)
	if err != nil {
		return err
	}
	ctx = context.WithValue(ctx, drawKey{}, true)
	for i, idx := range picked {
		item := core.NewRecord(col)
		item.Id = ItemId(r.Id, i+1)
		item.Set("sample", r.Id)
		item.Set("position", i+1)
		item.Set("row", p.Rows[idx].Number)
		item.Set("data", p.Rows[idx].Cells)
		if err := app.SaveWithContext(ctx, item); err != nil {
			return err
		}
	}
	return nil
}

func validateItem(e *core.RecordEvent, errs fieldErrors) {
	r := e.Record
	if !r.IsNew() {
		orig := r.Original()
		for _, f := range []string{"sample", "position", "row", "data"} {
			if !reflect.DeepEqual(plain(r.Get(f)), plain(orig.Get(f))) {
				errs.add(f, "ikplan.sample_item.fixed")
			}
		}
		if orig.GetString("status") != "" && r.GetString("status") == "" {
			errs.add("status", "ikplan.sample_item.unrecorded")
		}
	}
	status := r.GetString("status")
	if status == model.ItemDeviation && model.Blank(r.GetString("note")) {
		errs.add("note", "ikplan.sample_item.note")
	}
	dev := r.GetString("deviation")
	if dev == "" {
		return
	}
	if status != model.ItemDeviation {
		errs.add("status", "ikplan.sample_item.has_deviation")
		return
	}
	if r.IsNew() || dev != r.Original().GetString("deviation") {
		s := find(e.App, model.Samples, r.GetString("sample"))
		d := find(e.App, model.Deviations, dev)
		if s == nil || d == nil {
			return
		}
		res := find(e.App, model.Results, d.GetString("result"))
		if res == nil || res.GetString("control") != s.GetString("control") || res.GetString("period") != s.GetString("period") {
			errs.add("deviation", "ikplan.sample_item.deviation")
		}
	}
}

// sampleOf is the sample of a control's period, or nil.
func sampleOf(app core.App, control, period string) *core.Record {
	s, err := app.FindFirstRecordByFilter(model.Samples, "control = {:c} && period = {:p}", dbx.Params{"c": control, "p": period})
	if err != nil {
		return nil
	}
	return s
}

// followResult writes the result of a sample's period once every item is
// assessed: created the first time, its outcome and measured value
// brought in line afterwards.
func followResult(app core.App, ctx context.Context, sampleId string) error {
	s := find(app, model.Samples, sampleId)
	if s == nil {
		return nil
	}
	f := model.FindingsOf(app, s.Id)
	if !f.Complete() {
		return nil
	}
	value := model.CanonicalDecimal(f.Percent())
	res, err := app.FindFirstRecordByFilter(model.Results, "control = {:c} && period = {:p}",
		dbx.Params{"c": s.GetString("control"), "p": s.GetString("period")})
	if err != nil {
		col, err := app.FindCachedCollectionByNameOrId(model.Results)
		if err != nil {
			return err
		}
		res = core.NewRecord(col)
		res.Set("control", s.GetString("control"))
		res.Set("period", s.GetString("period"))
		res.Set("account", i18n.M("ikplan.result.sample_account", "size", f.Size, "rows", s.GetInt("population_rows"),
			"deviating", f.Deviating, "percent", model.FormatDecimalSv(f.Percent())).In(i18n.Sv))
	} else if res.GetString("outcome") == f.Outcome() && res.GetString("measured_value") == value {
		return nil
	}
	res.Set("outcome", f.Outcome())
	res.Set("measured_value", value)
	return app.SaveWithContext(ctx, res)
}

// checkSampled: a result of a period drawn as a sample says what the
// sample's items say, and exists only once they are all assessed.
func checkSampled(app core.App, r *core.Record, errs fieldErrors) {
	s := sampleOf(app, r.GetString("control"), r.GetString("period"))
	if s == nil {
		return
	}
	f := model.FindingsOf(app, s.Id)
	if !f.Complete() {
		errs.add("outcome", "ikplan.result.sample_open", "size", f.Size)
		return
	}
	if r.GetString("outcome") != f.Outcome() {
		errs.add("outcome", "ikplan.result.sample_outcome", "deviating", f.Deviating, "size", f.Size)
	}
	if got, err := model.ParseDecimal(r.GetString("measured_value")); err != nil || got != f.Percent() {
		errs.add("measured_value", "ikplan.result.sample_value", "value", model.FormatDecimalSv(f.Percent()))
	}
}
