package report

import (
	"errors"
	"fmt"
	"io"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// RowError is one reason an import was refused. Its message is a
// catalogue key with its parameters (import.*, or the hooks' ikplan.*), so
// the web UI shows it in the UI's language and the command line in Swedish.
type RowError struct {
	Row    int          // the sheet's row number; 0 for the file as a whole
	Column string       // the column's letter and header, e.g. "C (Rubrik)"; "" for the whole row
	Msg    i18n.Message // why
}

// Text is the error's message in lang, without its row and column.
func (e RowError) Text(lang string) string { return e.Msg.In(lang) }

// In is the error in lang with its row and column before it, as the
// command line prints it: "rad 5, kolumn C (Rubrik): Skriv en rubrik för
// kontrollpunkten." (the sheet's headers stay as the sheet has them).
func (e RowError) In(lang string) string {
	switch {
	case e.Row == 0:
		return e.Text(lang)
	case e.Column == "":
		return i18n.M("import.at_row", "row", e.Row, "message", e.Msg).In(lang)
	}
	return i18n.M("import.at_cell", "row", e.Row, "column", e.Column, "message", e.Msg).In(lang)
}

// String is the error in Swedish, as the command line prints it.
func (e RowError) String() string { return e.In(i18n.Sv) }

// Result is the outcome of an import. Created, Updated and Unchanged count
// the controls written (or, in a dry run, that would be written); they are
// 0 when the import is refused.
type Result struct {
	Rows      int // the sheet's rows with a control
	Created   int
	Updated   int
	Unchanged int
	DryRun    bool
	Errors    []RowError // every reason for refusing; none when the import went through
}

// OK reports whether the import went through (or, in a dry run, would).
func (r Result) OK() bool { return len(r.Errors) == 0 }

// errRollback ends the import's transaction without writing anything.
var errRollback = errors.New("import rolled back")

// ImportPlan reads a sheet with the plan document's columns (as ExportPlan
// writes them) into the plan's controls, on behalf of actor.
//
// Every row is saved with app.Save inside one transaction (a batch, see
// model.RunBatch), so the same rules as any other write (the hooks) check
// it, and its history row is written in the same transaction. Every row's
// errors are collected, each with its row, column and a Swedish reason; if
// any row is wrong, or dryRun is set, the transaction is rolled back and
// nothing is imported. Only a draft plan takes an import: any other is
// refused before a byte of r is read.
//
// A row whose Del and Nr match a control of the plan updates that control,
// so a sheet can be exported, edited and imported again; controls of the
// plan that the sheet does not list are left as they are. Riskvärde is not
// read: it comes from the risk's assessment. An empty Frekvens is Årligen.
//
// The returned error is for failures of the server itself; a refused file
// is a Result with Errors.
func ImportPlan(app core.App, actor model.Actor, planId string, r io.Reader, dryRun bool) (Result, error) {
	res := Result{DryRun: dryRun}
	if app.IsTransactional() {
		// a nested transaction would not roll back on its own
		return res, errors.New("ImportPlan must run outside a transaction")
	}
	// the plan's state first: a plan that takes no import does not read the file
	plan, err := app.FindRecordById(model.Plans, planId)
	if err != nil {
		return res, fmt.Errorf("failed to load plan %q: %w", planId, err)
	}
	if status := model.AsPlan(plan).Status(); status != model.PlanDraft {
		res.Errors = []RowError{notDraft(status)}
		return res, nil
	}
	s, err := readSheet(r)
	var ref *refusal
	if errors.As(err, &ref) {
		res.Errors = []RowError{{Row: ref.Row, Msg: ref.Msg}}
		return res, nil
	}
	if err != nil {
		return res, err
	}
	res.Rows = len(s.Rows)
	// as a batch: the hooks check every row against the same plan, units,
	// risks and owners, read once, and the history rows are written together
	err = model.RunBatch(app, actor, func(tx core.App) error {
		im, err := newImporter(tx, planId, s)
		if err != nil {
			return err
		}
		if status := im.plan.Status(); status != model.PlanDraft { // adopted while the file was read
			res.Errors = append(res.Errors, notDraft(status))
			return errRollback
		}
		for _, row := range s.Rows {
			if err := im.importRow(row, &res); err != nil {
				return err
			}
		}
		if len(res.Errors) > 0 || dryRun {
			return errRollback
		}
		return nil
	})
	if err != nil && !errors.Is(err, errRollback) {
		return Result{DryRun: dryRun, Rows: res.Rows}, err
	}
	if len(res.Errors) > 0 {
		res.Created, res.Updated, res.Unchanged = 0, 0, 0
	}
	return res, nil
}

// notDraft refuses an import into a plan whose status is not draft.
func notDraft(status string) RowError {
	return RowError{Msg: i18n.M("import.not_draft", "status", "ikplan.plan_status."+status)}
}

// controlKey is a control's place in a plan: its part (section) and number.
type controlKey struct {
	section string
	number  int
}

// importer carries what the rows of one import share.
type importer struct {
	app      core.App
	plan     *model.Plan
	sheet    *sheet
	col      *core.Collection
	units    map[string]string   // folded name → id
	risks    map[string][]string // folded title → ids
	owners   map[string]string   // folded email → id ("" for none)
	existing map[controlKey]*model.Control
	seen     map[controlKey]int // → the row that had it first
	position int                // the last position given to a control of the plan
}

func newImporter(app core.App, planId string, s *sheet) (*importer, error) {
	rec, err := app.FindRecordById(model.Plans, planId)
	if err != nil {
		return nil, fmt.Errorf("failed to load plan %q: %w", planId, err)
	}
	plan := model.AsPlan(rec)
	col, err := app.FindCachedCollectionByNameOrId(model.Controls)
	if err != nil {
		return nil, err
	}
	im := &importer{app: app, plan: plan, sheet: s, col: col, units: map[string]string{}, risks: map[string][]string{},
		owners: map[string]string{}, existing: map[controlKey]*model.Control{}, seen: map[controlKey]int{}}
	board := dbx.Params{"b": plan.Board()}
	units, err := app.FindRecordsByFilter(model.Units, "board = {:b}", "name", 0, 0, board)
	if err != nil {
		return nil, fmt.Errorf("failed to load the board's units: %w", err)
	}
	for _, u := range model.AsUnits(units) {
		im.units[fold(u.Name())] = u.Id
	}
	model.RememberLookups(app, rec)
	model.RememberLookups(app, units...)
	risks, err := app.FindRecordsByFilter(model.Risks, "board = {:b}", "", 0, 0, board)
	if err != nil {
		return nil, fmt.Errorf("failed to load the board's risks: %w", err)
	}
	for _, k := range model.AsRisks(risks) {
		t := fold(k.Title())
		im.risks[t] = append(im.risks[t], k.Id)
	}
	model.RememberLookups(app, risks...)
	controls, err := app.FindRecordsByFilter(model.Controls, "plan = {:p}", "", 0, 0, dbx.Params{"p": plan.Id})
	if err != nil {
		return nil, fmt.Errorf("failed to load the plan's controls: %w", err)
	}
	for _, c := range model.AsControls(controls) {
		im.existing[controlKey{c.Section(), c.Number()}] = c
		im.position = max(im.position, c.Position())
	}
	return im, nil
}
