package web

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/internal/report"
	"ikplan/templates"
)

// maxUpload is the largest import request: the file's 5 MB and the form
// around it.
const maxUpload = report.MaxImportBytes + 64<<10

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

func (s *server) bindExcelRoutes(g *groupRouter) {
	g.GET("/plans/{id}/export.xlsx", s.planExport)
	g.GET("/plans/{id}/import", s.planImportForm)
	// the handler sets its own limit, so a too large file gets a Swedish
	// page, and it has a gate of its own (gate.go)
	g.POST("/plans/{id}/import", s.planImport).Unbind(apis.DefaultBodyLimitMiddlewareId, pageGateId)
}

// planExport handles "GET /plans/{id}/export.xlsx": the plan as Excel, with
// the controls the user may see, in the UI's language (headers, lists).
func (s *server) planExport(e *core.RequestEvent) error {
	plan, err := view(e.App, e.Auth, model.Plans, e.Request.PathValue("id"))
	if err != nil {
		return err
	}
	controls, err := list(e.App, e.Auth, model.Controls, "plan = {:p}", "position,section,number", 0, dbx.Params{"p": plan.Id})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := report.ExportControlsIn(e.App, plan, controls, lang(e), &buf); err != nil {
		return err
	}
	board := ""
	if b, err := e.App.FindRecordById(model.Boards, model.AsPlan(plan).Board()); err == nil {
		board = model.AsBoard(b).ShortName()
		if board == "" {
			board = model.AsBoard(b).Name()
		}
	}
	name := fmt.Sprintf("plan-%s-%d.xlsx", board, model.AsPlan(plan).Year())
	disposition := mime.FormatMediaType("attachment", map[string]string{"filename": name})
	if disposition == "" {
		disposition = fmt.Sprintf("attachment; filename=plan-%d.xlsx", model.AsPlan(plan).Year())
	}
	h := e.Response.Header()
	h.Set("Content-Type", xlsxType)
	h.Set("Content-Disposition", disposition)
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	h.Set("Cache-Control", "no-store")
	e.Response.WriteHeader(http.StatusOK)
	_, err = e.Response.Write(buf.Bytes())
	return err
}

// importPlan loads the plan of the URL for an import: 404 when the user
// may not see it, 403 when the plan's update rule does not let them change it.
func (s *server) importPlan(e *core.RequestEvent) (*core.Record, templates.PlanImportView, error) {
	plan, err := view(e.App, e.Auth, model.Plans, e.Request.PathValue("id"))
	if err != nil {
		return nil, templates.PlanImportView{}, err
	}
	if !may(e.App, e.Auth, plan, plan.Collection().UpdateRule) {
		return nil, templates.PlanImportView{}, errForbidden
	}
	v := templates.PlanImportView{Plan: plan, Draft: model.AsPlan(plan).Status() == model.PlanDraft, MaxMB: report.MaxImportBytes >> 20}
	if b, err := e.App.FindRecordById(model.Boards, model.AsPlan(plan).Board()); err == nil {
		v.Board = model.AsBoard(b).Name()
	}
	return plan, v, nil
}

// importPage renders the import page with status.
func (s *server) importPage(e *core.RequestEvent, status int, v templates.PlanImportView) error {
	p := s.page(e, "", "plans")
	p.Title = p.T("excel.import_title")
	p.Error = len(v.Errors) > 0 || len(v.Rows) > 0
	return s.render(e, status, p, templates.PlanImport(p, v), nil)
}

// planImportForm handles "GET /plans/{id}/import".
func (s *server) planImportForm(e *core.RequestEvent) error {
	_, v, err := s.importPlan(e)
	if err != nil {
		return err
	}
	return s.importPage(e, http.StatusOK, v)
}

// planImport handles "POST /plans/{id}/import": the file's controls go into
// the draft plan, all rows or none; the row errors come back in a table.
// What refuses an import whatever its file is settled before a byte of the
// upload is read: who may import (importPlan), that the plan is a draft,
// the size the request states, and a free place in the import gate.
func (s *server) planImport(e *core.RequestEvent) error {
	plan, v, err := s.importPlan(e)
	if err != nil {
		return err
	}
	if !v.Draft {
		return s.importPage(e, http.StatusUnprocessableEntity, v) // the page says why
	}
	refuse := func(status int, key string, args ...any) error {
		v.Errors = templates.Errors{{Field: "file", Message: i18nT(e, key, args...)}}
		return s.importPage(e, status, v)
	}
	if e.Request.ContentLength > maxUpload {
		return refuse(http.StatusRequestEntityTooLarge, "excel.too_large", v.MaxMB)
	}
	release, ok := s.tryImport()
	if !ok {
		e.Response.Header().Set("Retry-After", importRetry)
		return refuse(http.StatusServiceUnavailable, "excel.busy")
	}
	defer release()
	file, dryRun, err := readImportForm(e)
	v.DryRun = dryRun
	switch {
	case errors.Is(err, errUploadTooLarge):
		return refuse(http.StatusRequestEntityTooLarge, "excel.too_large", v.MaxMB)
	case err != nil:
		return refuse(http.StatusUnprocessableEntity, "excel.no_file")
	}
	res, err := report.ImportPlan(e.App, model.ActorFromAuth(e.Auth), plan.Id, bytes.NewReader(file), v.DryRun)
	if err != nil {
		return err
	}
	if !res.OK() {
		for _, re := range res.Errors {
			if re.Row == 0 {
				v.Errors = append(v.Errors, templates.FieldError{Field: "file", Message: re.Text(lang(e))})
				continue
			}
			v.Rows = append(v.Rows, templates.ImportError{Row: re.Row, Column: re.Column, Message: re.Text(lang(e))})
		}
		if len(v.Rows) > 0 {
			v.Errors = append(v.Errors, templates.FieldError{Field: "import-errors", Message: i18nT(e, "excel.errors_summary", len(v.Rows))})
		}
		return s.importPage(e, http.StatusUnprocessableEntity, v)
	}
	if v.DryRun {
		v.Checked = i18nT(e, "excel.checked", res.Rows, res.Created, res.Updated, res.Unchanged)
		return s.importPage(e, http.StatusOK, v)
	}
	return done(e, "/plans/"+plan.Id, i18n.MN("flash.imported", res.Rows, "count", res.Rows))
}

// errUploadTooLarge is an import upload over its limits.
var errUploadTooLarge = errors.New("upload too large")

// errNoFile is an import form without a file.
var errNoFile = errors.New("no file in the form")

// readImportForm reads the import form (multipart) as a stream: the file,
// at most report.MaxImportBytes of it, and the dry-run box. Nothing else
// of the request is kept, and nothing goes to a temporary file.
func readImportForm(e *core.RequestEvent) (file []byte, dryRun bool, err error) {
	e.Request.Body = http.MaxBytesReader(e.Response, e.Request.Body, maxUpload)
	mr, err := e.Request.MultipartReader()
	if err != nil {
		return nil, false, err
	}
	tooLarge := func(err error) error {
		if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
			return errUploadTooLarge
		}
		return err
	}
	found := false
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, false, tooLarge(err)
		}
		switch name := part.FormName(); {
		case name == "file" && part.FileName() != "": // a file input left empty sends no name
			if file, err = io.ReadAll(io.LimitReader(part, report.MaxImportBytes+1)); err != nil {
				return nil, false, tooLarge(err)
			}
			if len(file) > report.MaxImportBytes {
				return nil, false, errUploadTooLarge
			}
			found = true
		case name == "dry_run":
			b, err := io.ReadAll(io.LimitReader(part, 16))
			if err != nil {
				return nil, false, tooLarge(err)
			}
			dryRun = string(b) == "true"
		default:
			if _, err := io.Copy(io.Discard, part); err != nil {
				return nil, false, tooLarge(err)
			}
		}
	}
	if !found {
		return nil, dryRun, errNoFile
	}
	return file, dryRun, nil
}
