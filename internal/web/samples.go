package web

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"ikplan/internal/access"
	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/internal/sample"
	"ikplan/templates"
)

// Sampling (stickprov) in the web UI, scope "sample": a sampled control's
// page links each period to its sample page, where the owner or a
// coordinator draws the sample from a population (a file or pasted rows)
// and assesses each drawn item. Every rule is the hooks' (hooks/samples.go).

// maxSampleUpload is the largest draw request: the population and the form.
const maxSampleUpload = sample.MaxBytes + 64<<10

func (s *server) bindSampleRoutes(g *groupRouter) {
	g.GET("/controls/{id}/sample", s.samplePage)
	g.POST("/controls/{id}/sample", s.sampleDraw).Unbind(apis.DefaultBodyLimitMiddlewareId)
	g.GET("/samples/{id}/population", s.samplePopulation)
	g.POST("/samples/{id}/delete", s.sampleDelete)
	g.POST("/samples/{id}/items/{item}", s.sampleAssess)
	g.POST("/samples/{id}/items/{item}/deviation", s.sampleDeviation)
	g.GET("/samples/{id}/items/{item}/evidence/{file}", s.sampleEvidence)
}

// sampleLinks are the sample pages of a sampled control's periods, with
// the findings of those drawn.
func sampleLinks(e *core.RequestEvent, c, plan *core.Record) []templates.SampleLink {
	ctl, pl := model.AsControl(c), model.AsPlan(plan)
	if ctl.Method() != "stickprov" || pl.Status() == model.PlanDraft {
		return nil
	}
	drawn := map[string]*core.Record{}
	if recs, err := list(e.App, e.Auth, model.Samples, "control = {:c}", "period", 0, dbx.Params{"c": c.Id}); err == nil {
		for _, r := range recs {
			drawn[model.AsSample(r).Period()] = r
		}
	}
	var out []templates.SampleLink
	for _, per := range model.PeriodsFor(ctl.Frequency(), pl.Year()) {
		l := templates.SampleLink{Period: per, Href: "/controls/" + c.Id + "/sample?period=" + per}
		if r, ok := drawn[per]; ok {
			l.Drawn = true
			if f := model.FindingsOf(e.App, r.Id); f.Assessed > 0 {
				l.Findings = f.Text().In(lang(e))
			}
		}
		out = append(out, l)
	}
	return out
}

// sampleView gathers the sample page of the control's period.
func (s *server) sampleView(e *core.RequestEvent, c *core.Record, period string) (templates.SampleView, error) {
	v := templates.SampleView{Control: c, Period: period, MaxMB: sample.MaxBytes >> 20}
	ctl := model.AsControl(c)
	rec, err := view(e.App, e.Auth, model.Plans, ctl.Plan())
	if err != nil {
		return v, err
	}
	plan := model.AsPlan(rec)
	v.Periods = model.PeriodsFor(ctl.Frequency(), plan.Year())
	if v.Period == "" || !slices.Contains(v.Periods, v.Period) {
		v.Period = v.Periods[0]
	}
	adopted := plan.Status() == model.PlanAdopted
	recs, err := list(e.App, e.Auth, model.Samples, "control = {:c} && period = {:p}", "", 1, dbx.Params{"c": c.Id, "p": v.Period})
	if err != nil {
		return v, err
	}
	if len(recs) == 0 {
		col, err := e.App.FindCachedCollectionByNameOrId(model.Samples)
		if err != nil {
			return v, err
		}
		probe := model.AsSample(core.NewRecord(col))
		probe.SetControl(c.Id)
		v.CanDraw = adopted && ctl.Method() == "stickprov" && access.MayCreate(e.App, e.Auth, probe.Record)
		return v, nil
	}
	v.Sample = recs[0]
	smp := model.AsSample(v.Sample)
	v.Header = model.JSONStrings(smp.Header())
	items, err := list(e.App, e.Auth, model.SampleItems, "sample = {:s}", "position", 0, dbx.Params{"s": v.Sample.Id})
	if err != nil {
		return v, err
	}
	for _, it := range items {
		item := model.AsSampleItem(it)
		v.Items = append(v.Items, templates.SampleItemView{Item: it, Data: model.JSONStrings(item.Data()), Evidence: item.Evidence()})
	}
	f := model.FindingsOf(e.App, v.Sample.Id)
	v.Findings = f.Text().In(lang(e))
	v.Assessed = i18nT(e, "sample.assessed", f.Assessed, f.Size)
	v.Assess = adopted && len(items) > 0 && may(e.App, e.Auth, items[0], items[0].Collection().UpdateRule)
	v.CanRedo = v.Assess && f.Assessed == 0 && may(e.App, e.Auth, v.Sample, v.Sample.Collection().DeleteRule)
	if res, err := e.App.FindFirstRecordByFilter(model.Results, "control = {:c} && period = {:p}", dbx.Params{"c": c.Id, "p": v.Period}); err == nil {
		v.Result = res
	}
	name := "populationen.csv"
	if files := smp.Population(); len(files) > 0 {
		name = files[0]
	}
	v.Verify = fmt.Sprintf("ikplan sample verify %s --seed %s --size %d --method %s", shellWord(name), smp.Seed(), smp.Size(), smp.Method())
	if col := smp.Column(); col != "" {
		v.Verify += " --column " + shellWord(col)
	}
	return v, nil
}

// samplePageRender draws the sample page with status.
func (s *server) samplePageRender(e *core.RequestEvent, status int, v templates.SampleView) error {
	p := s.controlMeta(e, v.Control)
	p.Title = p.T("sample.title", v.Period) + " – " + p.Title
	p.Error = len(v.Errors) > 0
	return s.render(e, status, p, templates.SamplePage(p, v), nil)
}

// samplePage handles "GET /controls/{id}/sample?period=P".
func (s *server) samplePage(e *core.RequestEvent) error {
	c, err := view(e.App, e.Auth, model.Controls, e.Request.PathValue("id"))
	if err != nil {
		return err
	}
	v, err := s.sampleView(e, c, e.Request.URL.Query().Get("period"))
	if err != nil {
		return err
	}
	return s.samplePageRender(e, http.StatusOK, v)
}

// sampleDraw handles "POST /controls/{id}/sample": the population as a file
// or pasted rows, and the size; the server draws (hooks/samples.go).
func (s *server) sampleDraw(e *core.RequestEvent) error {
	c, err := view(e.App, e.Auth, model.Controls, e.Request.PathValue("id"))
	if err != nil {
		return err
	}
	// who may draw is settled before a byte of the upload is read
	col, err := e.App.FindCachedCollectionByNameOrId(model.Samples)
	if err != nil {
		return err
	}
	probe := model.AsSample(core.NewRecord(col))
	probe.SetControl(c.Id)
	if !access.MayCreate(e.App, e.Auth, probe.Record) {
		return errForbidden
	}
	if e.Request.ContentLength > maxSampleUpload {
		v, verr := s.sampleView(e, c, "")
		if verr != nil {
			return verr
		}
		v.Errors = templates.Errors{{Field: "population", Message: i18n.M("sample.file.too_large", "mb", sample.MaxBytes>>20).In(lang(e))}}
		return s.samplePageRender(e, http.StatusRequestEntityTooLarge, v)
	}
	e.Request.Body = http.MaxBytesReader(e.Response, e.Request.Body, maxSampleUpload)
	if err := e.Request.ParseMultipartForm(1 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		v, verr := s.sampleView(e, c, "")
		if verr != nil {
			return verr
		}
		v.Errors = templates.Errors{{Field: "population", Message: i18n.M("sample.file.too_large", "mb", sample.MaxBytes>>20).In(lang(e))}}
		return s.samplePageRender(e, http.StatusRequestEntityTooLarge, v)
	}
	period := strings.TrimSpace(e.Request.FormValue("period"))
	v, err := s.sampleView(e, c, period)
	if err != nil {
		return err
	}
	v.Period, v.Size, v.Paste = period, strings.TrimSpace(e.Request.FormValue("size")), e.Request.FormValue("paste")
	v.Method, v.Column = e.Request.FormValue("method"), strings.TrimSpace(e.Request.FormValue("column"))
	if v.Method == "" {
		v.Method = sample.MethodSRS
	}
	var data []byte
	name := "populationen.csv"
	if f, h, ferr := e.Request.FormFile("population"); ferr == nil {
		data, err = io.ReadAll(io.LimitReader(f, sample.MaxBytes+1))
		f.Close()
		if err != nil {
			return err
		}
		name = h.Filename
	} else if strings.TrimSpace(v.Paste) != "" {
		data = []byte(v.Paste)
	}
	r := model.AsSample(core.NewRecord(col))
	r.SetControl(c.Id)
	r.SetPeriod(period)
	size, _ := strconv.Atoi(v.Size)
	r.SetSize(size)
	r.SetMethod(v.Method)
	if sample.NeedsColumn(v.Method) {
		r.SetColumn(v.Column) // the one field serves both methods; srs draws by none
	}
	if data != nil {
		file, err := filesystem.NewFileFromBytes(data, name)
		if err != nil {
			return err
		}
		r.Set(model.FieldSamplePopulation, file) // an upload: SetPopulation takes the stored names
	}
	if err := save(e.App, e.Auth, r.Record); err != nil {
		errs, ok := formErrors(lang(e), err, model.FieldSamplePeriod, model.FieldSamplePopulation, model.FieldSampleMethod,
			model.FieldSampleColumn, model.FieldSampleSize, model.FieldSampleControl)
		if !ok {
			return err
		}
		// the columns of a population that could be read, to choose from
		if p, perr := sample.Read(data); perr == nil {
			v.Columns = p.Header
		}
		if f := errs.For(model.FieldSampleControl); f != "" {
			errs = append(templates.Errors{{Field: "period", Message: f}}, errs...)
		}
		v.Errors = errs
		return s.samplePageRender(e, http.StatusUnprocessableEntity, v)
	}
	return done(e, "/controls/"+c.Id+"/sample?period="+period, i18n.M("flash.sample_drawn", "size", size, "period", period))
}

// sampleOfPath loads the sample of the URL and its control, as the user
// may view them.
func sampleOfPath(e *core.RequestEvent) (smp, control *core.Record, err error) {
	smp, err = view(e.App, e.Auth, model.Samples, e.Request.PathValue("id"))
	if err != nil {
		return nil, nil, err
	}
	control, err = view(e.App, e.Auth, model.Controls, model.AsSample(smp).Control())
	return smp, control, err
}

// samplePopulation handles "GET /samples/{id}/population": the population
// file the sample was drawn from, as uploaded, for `ikplan sample verify`.
func (s *server) samplePopulation(e *core.RequestEvent) error {
	smp, _, err := sampleOfPath(e)
	if err != nil {
		return err
	}
	files := model.AsSample(smp).Population()
	if len(files) == 0 {
		return errNotFound
	}
	fsys, err := e.App.NewFilesystem()
	if err != nil {
		return err
	}
	defer fsys.Close()
	h := e.Response.Header()
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": files[0]}))
	h.Set("Cache-Control", "private, no-store")
	if err := fsys.Serve(e.Response, e.Request, smp.BaseFilesPath()+"/"+files[0], files[0]); err != nil {
		h.Del("Content-Disposition")
		return errNotFound
	}
	return nil
}

// sampleEvidence handles "GET /samples/{id}/items/{item}/evidence/{file}":
// one evidence file of a drawn item, for whoever may read the item — the
// same rule as the REST API's file (a reader of a confidential control
// gets 404, as for the item itself).
func (s *server) sampleEvidence(e *core.RequestEvent) error {
	smp, _, err := sampleOfPath(e)
	if err != nil {
		return err
	}
	it, err := itemOfPath(e, smp)
	if err != nil {
		return err
	}
	name := e.Request.PathValue("file")
	if !slices.Contains(model.AsSampleItem(it).Evidence(), name) {
		return errNotFound
	}
	fsys, err := e.App.NewFilesystem()
	if err != nil {
		return err
	}
	defer fsys.Close()
	h := e.Response.Header()
	h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	h.Set("Cache-Control", "private, no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	if err := fsys.Serve(e.Response, e.Request, it.BaseFilesPath()+"/"+name, name); err != nil {
		h.Del("Content-Disposition")
		return errNotFound
	}
	return nil
}

// shellWord is a word of a command line as a shell reads it: quoted when
// it holds anything but letters, digits and . _ - / (a column "Belopp
// inkl. moms", a file name with spaces).
func shellWord(w string) string {
	for _, r := range w {
		if !(r == '.' || r == '_' || r == '-' || r == '/' || r >= '0' && r <= '9' || unicode.IsLetter(r)) {
			return "'" + strings.ReplaceAll(w, "'", `'\''`) + "'"
		}
	}
	return w
}

// sampleDelete handles "POST /samples/{id}/delete": the sample goes, to be
// drawn again, while none of its items is assessed (the hooks say so).
func (s *server) sampleDelete(e *core.RequestEvent) error {
	smp, c, err := sampleOfPath(e)
	if err != nil {
		return err
	}
	if !may(e.App, e.Auth, smp, smp.Collection().DeleteRule) {
		return errForbidden
	}
	period := model.AsSample(smp).Period()
	err = model.RunAs(e.App, model.ActorFromAuth(e.Auth), func(tx core.App) error { return tx.Delete(smp) })
	if err != nil {
		v, verr := s.sampleView(e, c, period)
		if verr != nil {
			return verr
		}
		errs, ok := formErrors(lang(e), err)
		if !ok {
			return err
		}
		v.Errors = errs
		return s.samplePageRender(e, http.StatusUnprocessableEntity, v)
	}
	return done(e, "/controls/"+c.Id+"/sample?period="+period, i18n.M("flash.sample_deleted", "period", period))
}

// itemOfPath loads the item of the URL under its sample.
func itemOfPath(e *core.RequestEvent, smp *core.Record) (*core.Record, error) {
	it, err := view(e.App, e.Auth, model.SampleItems, e.Request.PathValue("item"))
	if err != nil {
		return nil, err
	}
	if model.AsSampleItem(it).Sample() != smp.Id {
		return nil, errNotFound
	}
	return it, nil
}

// sampleAssess handles "POST /samples/{id}/items/{item}": an item's
// assessment, note and evidence.
func (s *server) sampleAssess(e *core.RequestEvent) error {
	smp, c, err := sampleOfPath(e)
	if err != nil {
		return err
	}
	it, err := itemOfPath(e, smp)
	if err != nil {
		return err
	}
	if err := e.Request.ParseMultipartForm(1 << 20); err != nil && !errors.Is(err, http.ErrNotMultipart) {
		return err
	}
	period, item := model.AsSample(smp).Period(), model.AsSampleItem(it)
	item.SetStatus(e.Request.FormValue("status"))
	item.SetNote(strings.TrimSpace(e.Request.FormValue("note")))
	if files, err := e.FindUploadedFiles(model.FieldSampleItemEvidence); err == nil {
		item.Set(model.FieldSampleItemEvidence+"+", files) // appended uploads: SetEvidence replaces the stored names
	}
	if err := save(e.App, e.Auth, it); err != nil {
		errs, ok := formErrors(lang(e), err, model.FieldSampleItemStatus, model.FieldSampleItemNote,
			model.FieldSampleItemEvidence, model.FieldSampleItemSample)
		if !ok {
			return err
		}
		for i := range errs {
			errs[i].Field = "item-" + it.Id + "-" + errs[i].Field
		}
		v, verr := s.sampleView(e, c, period)
		if verr != nil {
			return verr
		}
		v.Errors = errs
		return s.samplePageRender(e, http.StatusUnprocessableEntity, v)
	}
	return done(e, "/controls/"+c.Id+"/sample?period="+period+"#item-"+it.Id,
		i18n.M("flash.sample_item_saved", "position", item.Position()))
}

// sampleDeviation handles "POST /samples/{id}/items/{item}/deviation": a
// deviating item becomes a deviation of the period's result, described by
// the item, and the item links it.
func (s *server) sampleDeviation(e *core.RequestEvent) error {
	smp, c, err := sampleOfPath(e)
	if err != nil {
		return err
	}
	it, err := itemOfPath(e, smp)
	if err != nil {
		return err
	}
	period, item := model.AsSample(smp).Period(), model.AsSampleItem(it)
	res, err := e.App.FindFirstRecordByFilter(model.Results, "control = {:c} && period = {:p}", dbx.Params{"c": c.Id, "p": period})
	if err != nil || item.Status() != model.ItemDeviation || item.Deviation() != "" {
		return errNotFound
	}
	col, err := e.App.FindCachedCollectionByNameOrId(model.Deviations)
	if err != nil {
		return err
	}
	dev := model.AsDeviation(core.NewRecord(col))
	dev.SetResult(res.Id)
	dev.SetDescription(i18n.M("sample.deviation_text", "position", item.Position(), "row", item.Row(),
		"values", strings.Join(model.JSONStrings(item.Data()), " · "), "note", item.Note()).In(i18n.Sv))
	err = model.RunAs(e.App, model.ActorFromAuth(e.Auth), func(tx core.App) error {
		if err := save(tx, e.Auth, dev.Record); err != nil {
			return err
		}
		item.SetDeviation(dev.Id)
		return save(tx, e.Auth, it)
	})
	if err != nil {
		v, verr := s.sampleView(e, c, period)
		if verr != nil {
			return verr
		}
		errs, ok := formErrors(lang(e), err, model.FieldSampleItemStatus, model.FieldDeviationDescription,
			model.FieldDeviationResult, model.FieldSampleItemDeviation)
		if !ok {
			return err
		}
		v.Errors = errs
		return s.samplePageRender(e, http.StatusUnprocessableEntity, v)
	}
	return done(e, "/controls/"+c.Id+"#deviation-"+dev.Id, i18n.M("flash.sample_deviation", "position", item.Position()))
}
