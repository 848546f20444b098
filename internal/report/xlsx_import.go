package report

import (
	"database/sql"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/pocketbase/dbx"
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"

	"ikplan/internal/model"
)

// RowError is one reason an import was refused.
type RowError struct {
	Row     int    // the sheet's row number; 0 for the file as a whole
	Column  string // the column's letter and header, e.g. "C (Rubrik)"; "" for the whole row
	Message string // in Swedish
}

// String writes the error as the command line prints it:
// "rad 5, kolumn C (Rubrik): Fältet måste fyllas i."
func (e RowError) String() string {
	switch {
	case e.Row == 0:
		return e.Message
	case e.Column == "":
		return fmt.Sprintf("rad %d: %s", e.Row, e.Message)
	}
	return fmt.Sprintf("rad %d, kolumn %s: %s", e.Row, e.Column, e.Message)
}

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
// Every row is saved with app.Save inside one transaction, so the same
// rules as any other write (the hooks) check it. Every row's errors are
// collected, each with its row, column and a Swedish reason; if any row is
// wrong, or dryRun is set, the transaction is rolled back and nothing is
// imported. Only a draft plan takes an import.
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
	s, err := readSheet(r)
	var ref *refusal
	if errors.As(err, &ref) {
		res.Errors = []RowError{{Row: ref.Row, Message: ref.Message}}
		return res, nil
	}
	if err != nil {
		return res, err
	}
	res.Rows = len(s.Rows)
	err = model.RunAs(app, actor, func(tx core.App) error {
		im, err := newImporter(tx, planId, s)
		if err != nil {
			return err
		}
		if status := im.plan.GetString("status"); status != model.PlanDraft {
			res.Errors = append(res.Errors, RowError{Message: "Planen är " + model.PlanStatusSv(status) +
				". Kontrollpunkter kan bara importeras till en plan som är ett utkast; ingenting har importerats."})
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

// controlKey is a control's place in a plan: its part (section) and number.
type controlKey struct {
	section string
	number  int
}

// importer carries what the rows of one import share.
type importer struct {
	app      core.App
	plan     *core.Record
	sheet    *sheet
	col      *core.Collection
	units    map[string]string   // folded name → id
	risks    map[string][]string // folded title → ids
	owners   map[string]string   // folded email → id ("" for none)
	existing map[controlKey]*core.Record
	seen     map[controlKey]int // → the row that had it first
}

func newImporter(app core.App, planId string, s *sheet) (*importer, error) {
	plan, err := app.FindRecordById(model.Plans, planId)
	if err != nil {
		return nil, fmt.Errorf("failed to load plan %q: %w", planId, err)
	}
	col, err := app.FindCachedCollectionByNameOrId(model.Controls)
	if err != nil {
		return nil, err
	}
	im := &importer{app: app, plan: plan, sheet: s, col: col, units: map[string]string{}, risks: map[string][]string{},
		owners: map[string]string{}, existing: map[controlKey]*core.Record{}, seen: map[controlKey]int{}}
	board := dbx.Params{"b": plan.GetString("board")}
	units, err := app.FindRecordsByFilter(model.Units, "board = {:b}", "name", 0, 0, board)
	if err != nil {
		return nil, fmt.Errorf("failed to load the board's units: %w", err)
	}
	for _, u := range units {
		im.units[fold(u.GetString("name"))] = u.Id
	}
	risks, err := app.FindRecordsByFilter(model.Risks, "board = {:b}", "", 0, 0, board)
	if err != nil {
		return nil, fmt.Errorf("failed to load the board's risks: %w", err)
	}
	for _, k := range risks {
		t := fold(k.GetString("title"))
		im.risks[t] = append(im.risks[t], k.Id)
	}
	controls, err := app.FindRecordsByFilter(model.Controls, "plan = {:p}", "", 0, 0, dbx.Params{"p": plan.Id})
	if err != nil {
		return nil, fmt.Errorf("failed to load the plan's controls: %w", err)
	}
	for _, c := range controls {
		im.existing[controlKey{c.GetString("section"), c.GetInt("number")}] = c
	}
	return im, nil
}

// rowErrors collects one row's messages by planColumns index (-1: the row).
type rowErrors map[int]string

func (e rowErrors) add(field, msg string) {
	i := columnOf(field)
	if _, ok := e[i]; !ok {
		e[i] = msg
	}
}

// importFields are the control fields an import writes.
var importFields = []string{
	"section", "number", "title", "process", "risk", "description", "method", "frequency", "owner",
	"report_to", "due", "legal_refs", "confidential", "target_metric", "target_operator", "target_value",
	"target_unit", "unit",
}

// importRow saves one row, adding its errors and counts to res. The error
// returned is a failure of the server, not of the row.
func (im *importer) importRow(row sheetRow, res *Result) error {
	errs := rowErrors{}
	v := func(field string) string { return strings.TrimSpace(row.Values[columnOf(field)]) }

	number, msg := parseNumber(v("number"))
	if msg != "" {
		errs.add("number", msg)
	}
	key := controlKey{strings.Trim(row.Values[columnOf("section")], " "), number}
	duplicate := false
	if first, ok := im.seen[key]; ok && msg == "" {
		errs.add("number", fmt.Sprintf("Rad %d har redan samma del och nummer %d.", first, number))
		duplicate = true
	} else if msg == "" {
		im.seen[key] = row.Row
	}

	c := im.existing[key]
	if c == nil || msg != "" {
		c = core.NewRecord(im.col)
		c.Set("plan", im.plan.Id)
	}
	before := map[string]string{}
	for _, f := range importFields {
		before[f] = c.GetString(f)
	}
	// free texts lose only the spaces around them: a tab or line break
	// someone wrote first stays, so the sheet comes back as it went out
	for _, f := range []string{"section", "title", "process", "description", "report_to", "legal_refs", "target_metric", "target_unit"} {
		c.Set(f, strings.Trim(row.Values[columnOf(f)], " "))
	}
	c.Set("number", number)
	c.Set("target_value", canonicalTarget(v("target_value")))
	im.set(c, errs, "method", v("method"), parseMethod)
	im.set(c, errs, "frequency", v("frequency"), parseFrequency)
	if c.GetString("frequency") == "" {
		c.Set("frequency", model.FreqYearly)
	}
	im.set(c, errs, "target_operator", v("target_operator"), parseOperator)
	confidential, msg := parseConfidential(v("confidential"))
	if msg != "" {
		errs.add("confidential", msg)
	}
	c.Set("confidential", confidential)
	due, msg := parseDue(row.Values[columnOf("due")], im.sheet.Date1904)
	if msg != "" {
		errs.add("due", msg)
	}
	if due.IsZero() {
		c.Set("due", "")
	} else {
		c.Set("due", due)
	}
	if err := im.relations(c, errs, v); err != nil {
		return err
	}

	changed := c.IsNew()
	for _, f := range importFields {
		changed = changed || c.GetString(f) != before[f]
	}
	switch {
	case duplicate:
	case !changed:
		res.Unchanged++
	default:
		isNew := c.IsNew()
		if err := im.app.Save(c); err != nil {
			if err := hookErrors(err, errs); err != nil {
				return fmt.Errorf("failed to save row %d: %w", row.Row, err)
			}
		} else if isNew {
			res.Created++
		} else {
			res.Updated++
		}
	}
	res.Errors = append(res.Errors, im.rowErrors(row.Row, errs)...)
	return nil
}

// set stores a value read by parse in field, or notes why it cannot be read.
func (im *importer) set(c *core.Record, errs rowErrors, field, value string, parse func(string) (string, string)) {
	code, msg := parse(value)
	if msg != "" {
		errs.add(field, msg)
	}
	c.Set(field, code)
}

// relations resolves Ansvarig by email among the users, and Risk and
// Förvaltning by name within the plan's board.
func (im *importer) relations(c *core.Record, errs rowErrors, v func(string) string) error {
	c.Set("owner", "")
	if email := v("owner"); email != "" {
		id, ok := im.owners[fold(email)]
		if !ok {
			u, err := im.app.FindAuthRecordByEmail(model.Users, email)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			if u != nil {
				id = u.Id
			}
			im.owners[fold(email)] = id
		}
		if id == "" {
			errs.add("owner", fmt.Sprintf("Ingen användare har e-postadressen %q.", clip(email)))
		}
		c.Set("owner", id)
	}
	c.Set("risk", "")
	if title := v("risk"); title != "" {
		switch ids := im.risks[fold(title)]; len(ids) {
		case 0:
			errs.add("risk", fmt.Sprintf("Nämnden har ingen risk med rubriken %q. Lägg in risken i riskregistret eller lämna fältet tomt.", clip(title)))
		case 1:
			c.Set("risk", ids[0])
		default:
			errs.add("risk", fmt.Sprintf("Flera risker i nämndens riskregister har rubriken %q. Ge dem olika rubriker först.", clip(title)))
		}
	}
	c.Set("unit", "")
	if name := v("unit"); name != "" {
		if id, ok := im.units[fold(name)]; ok {
			c.Set("unit", id)
		} else {
			errs.add("unit", fmt.Sprintf("Nämnden har ingen förvaltning som heter %q.", clip(name)))
		}
	}
	return nil
}

// hookErrors adds the hooks' refusal of a row to its errors, each field's
// message on its column. Any other error is returned.
func hookErrors(err error, errs rowErrors) error {
	var apiErr *router.ApiError
	var ve validation.Errors
	switch {
	case errors.As(err, &apiErr) && apiErr.Status == 400:
		if data, ok := apiErr.RawData().(validation.Errors); ok && len(data) > 0 {
			ve = data
		} else {
			errs.add("", apiErr.Message)
			return nil
		}
	case errors.As(err, &ve):
	default:
		return err
	}
	for field, fe := range ve {
		errs.add(field, fe.Error())
	}
	return nil
}

// rowErrors lists a row's errors in the sheet's column order, the row's own first.
func (im *importer) rowErrors(row int, errs rowErrors) []RowError {
	idx := make([]int, 0, len(errs))
	for i := range errs {
		idx = append(idx, i)
	}
	sort.Ints(idx)
	out := make([]RowError, 0, len(idx))
	for _, i := range idx {
		e := RowError{Row: row, Message: errs[i]}
		if i >= 0 {
			e.Column = im.sheet.Letters[i] + " (" + planColumns[i].Header + ")"
		}
		out = append(out, e)
	}
	return out
}
