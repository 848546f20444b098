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
		if find(e.App, model.Controls, model.AsSample(e.Record).Control()) != nil {
			n, err := e.App.CountRecords(model.SampleItems, dbx.HashExp{model.FieldSampleItemSample: e.Record.Id}, dbx.Not(dbx.HashExp{model.FieldSampleItemStatus: ""}))
			failLookup(model.SampleItems, "", err)
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
		if (e.Context == nil || e.Context.Value(drawKey{}) == nil) && model.AsSampleItem(e.Record).Sample() != "" {
			return fieldErrors{model.FieldSampleItemSample: i18n.M("ikplan.sample_item.drawn")}.err()
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
			return followResult(tx, e.Context, model.AsSampleItem(e.Record).Sample())
		})
	})
	app.OnRecordDelete(model.SampleItems).BindFunc(func(e *core.RecordEvent) error {
		if err := frozenFirst(e.App, e.Record, nil); err != nil {
			return err
		}
		// only with its sample: the cascade deletes the sample first
		if find(e.App, model.Samples, model.AsSampleItem(e.Record).Sample()) != nil {
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
	smp := model.AsSample(r)
	if smp.Seed() != "" {
		errs.add(model.FieldSampleSeed, "ikplan.sample.seed")
	}
	if smp.Method() == "" {
		smp.SetMethod(sample.MethodSRS)
	}
	files := r.GetUnsavedFiles(model.FieldSamplePopulation)
	if len(files) != 1 {
		return errs // the field is required: its own message says so
	}
	data, err := readUpload(files[0].Reader)
	if err != nil {
		errs.add(model.FieldSamplePopulation, "ikplan.sample.population")
		return errs
	}
	p, err := sample.Read(data)
	var se *sample.Error
	if errors.As(err, &se) {
		errs.put(model.FieldSamplePopulation, se.Message())
		return errs
	}
	if err != nil {
		errs.add(model.FieldSamplePopulation, "ikplan.sample.population")
		return errs
	}
	method := smp.Method()
	if sample.NeedsColumn(method) {
		if i, err := p.Column(smp.Column()); err == nil {
			smp.SetColumn(p.Header[i]) // as the header writes it
		}
	}
	smp.SetSeed(sample.NewSeed())
	smp.SetPopulationSHA256(p.SHA256)
	smp.SetCanonicalSHA256(p.Canonical)
	smp.SetPopulationRows(len(p.Rows))
	smp.SetHeader(p.Header)
	seed, _ := sample.ParseSeed(smp.Seed())
	picked, err := sample.Draw(p, seed, smp.Size(), method, smp.Column())
	if errors.As(err, &se) {
		errs.put(drawField(se.Msg.Key), se.Message())
		return errs
	}
	if err != nil {
		errs.add(model.FieldSamplePopulation, "ikplan.sample.population")
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
		return model.FieldSampleColumn
	case strings.HasPrefix(key, "sample.size."):
		return model.FieldSampleSize
	case strings.HasPrefix(key, "sample.method."):
		return model.FieldSampleMethod
	}
	return model.FieldSamplePopulation
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
	smp := model.AsSample(r)
	rec := find(e.App, model.Controls, smp.Control())
	if rec == nil {
		return
	}
	control := model.AsControl(rec)
	plan := model.AsPlan(find(e.App, model.Plans, control.Plan()))
	if plan == nil {
		return
	}
	switch {
	case plan.Status() == model.PlanDraft:
		errs.add(model.FieldSampleControl, "ikplan.sample.draft")
	case control.Method() != "stickprov":
		errs.add(model.FieldSampleControl, "ikplan.sample.method")
	}
	period := smp.Period()
	if period == "" {
		return
	}
	checkPeriod(rec, plan.Year(), period, false, errs)
	n, err := e.App.CountRecords(model.Samples, dbx.HashExp{model.FieldSampleControl: control.Id, model.FieldSamplePeriod: period}, dbx.Not(dbx.HashExp{model.FieldId: r.Id}))
	failLookup(model.Samples, "", err)
	if n > 0 {
		errs.add(model.FieldSamplePeriod, "ikplan.sample.taken", "period", period)
	}
	n, err = e.App.CountRecords(model.Results, dbx.HashExp{model.FieldResultControl: control.Id, model.FieldResultPeriod: period})
	failLookup(model.Results, "", err)
	if n > 0 {
		errs.add(model.FieldSamplePeriod, "ikplan.sample.result_exists", "period", period)
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
		rec := core.NewRecord(col)
		rec.Id = ItemId(r.Id, i+1)
		item := model.AsSampleItem(rec)
		item.SetSample(r.Id)
		item.SetPosition(i + 1)
		item.SetRow(p.Rows[idx].Number)
		item.SetData(p.Rows[idx].Cells)
		if err := app.SaveWithContext(ctx, rec); err != nil {
			return err
		}
	}
	return nil
}

func validateItem(e *core.RecordEvent, errs fieldErrors) {
	r := e.Record
	item := model.AsSampleItem(r)
	var orig *model.SampleItem
	if !r.IsNew() {
		orig = model.AsSampleItem(r.Original())
		for _, f := range []string{model.FieldSampleItemSample, model.FieldSampleItemPosition, model.FieldSampleItemRow, model.FieldSampleItemData} {
			if !reflect.DeepEqual(plain(r.Get(f)), plain(orig.Get(f))) {
				errs.add(f, "ikplan.sample_item.fixed")
			}
		}
		if orig.Status() != "" && item.Status() == "" {
			errs.add(model.FieldSampleItemStatus, "ikplan.sample_item.unrecorded")
		}
	}
	status := item.Status()
	if status == model.ItemDeviation && model.Blank(item.Note()) {
		errs.add(model.FieldSampleItemNote, "ikplan.sample_item.note")
	}
	dev := item.Deviation()
	if dev == "" {
		return
	}
	if status != model.ItemDeviation {
		errs.add(model.FieldSampleItemStatus, "ikplan.sample_item.has_deviation")
		return
	}
	if orig == nil || dev != orig.Deviation() {
		s := model.AsSample(find(e.App, model.Samples, item.Sample()))
		d := model.AsDeviation(find(e.App, model.Deviations, dev))
		if s == nil || d == nil {
			return
		}
		res := model.AsResult(find(e.App, model.Results, d.Result()))
		if res == nil || res.Control() != s.Control() || res.Period() != s.Period() {
			errs.add(model.FieldSampleItemDeviation, "ikplan.sample_item.deviation")
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
	s := model.AsSample(find(app, model.Samples, sampleId))
	if s == nil {
		return nil
	}
	f := model.FindingsOf(app, s.Id)
	if !f.Complete() {
		return nil
	}
	value := model.CanonicalDecimal(f.Percent())
	rec, err := app.FindFirstRecordByFilter(model.Results, "control = {:c} && period = {:p}",
		dbx.Params{"c": s.Control(), "p": s.Period()})
	var res *model.Result
	if err != nil {
		col, err := app.FindCachedCollectionByNameOrId(model.Results)
		if err != nil {
			return err
		}
		rec = core.NewRecord(col)
		res = model.AsResult(rec)
		res.SetControl(s.Control())
		res.SetPeriod(s.Period())
		res.SetAccount(i18n.M("ikplan.result.sample_account", "size", f.Size, "rows", s.PopulationRows(),
			"deviating", f.Deviating, "percent", model.FormatDecimalSv(f.Percent())).In(i18n.Sv))
	} else if res = model.AsResult(rec); res.Outcome() == f.Outcome() && res.MeasuredValue() == value {
		return nil
	}
	res.SetOutcome(f.Outcome())
	res.SetMeasuredValue(value)
	return app.SaveWithContext(ctx, rec)
}

// checkSampled: a result of a period drawn as a sample says what the
// sample's items say, and exists only once they are all assessed.
func checkSampled(app core.App, r *core.Record, errs fieldErrors) {
	res := model.AsResult(r)
	s := sampleOf(app, res.Control(), res.Period())
	if s == nil {
		return
	}
	f := model.FindingsOf(app, s.Id)
	if !f.Complete() {
		errs.add(model.FieldResultOutcome, "ikplan.result.sample_open", "size", f.Size)
		return
	}
	if res.Outcome() != f.Outcome() {
		errs.add(model.FieldResultOutcome, "ikplan.result.sample_outcome", "deviating", f.Deviating, "size", f.Size)
	}
	if got, err := model.ParseDecimal(res.MeasuredValue()); err != nil || got != f.Percent() {
		errs.add(model.FieldResultMeasuredValue, "ikplan.result.sample_value", "value", model.FormatDecimalSv(f.Percent()))
	}
}
