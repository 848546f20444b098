package report

import (
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// rowErrors collects one row's messages by planColumns index (-1: the row).
type rowErrors map[int]i18n.Message

func (e rowErrors) add(field string, msg i18n.Message) {
	i := columnOf(field)
	if _, ok := e[i]; !ok {
		e[i] = msg
	}
}

// importFields are the control fields an import writes.
var importFields = []string{
	model.FieldControlSection, model.FieldControlNumber, model.FieldControlTitle,
	model.FieldControlProcess, model.FieldControlRisk, model.FieldControlDescription,
	model.FieldControlMethod, model.FieldControlFrequency, model.FieldControlOwner,
	model.FieldControlReportTo, model.FieldControlDue, model.FieldControlLegalRefs,
	model.FieldControlConfidential, model.FieldControlTargetMetric, model.FieldControlTargetOperator,
	model.FieldControlTargetValue, model.FieldControlTargetUnit, model.FieldControlUnit,
}

// importRow saves one row, adding its errors and counts to res. The error
// returned is a failure of the server, not of the row.
func (im *importer) importRow(row sheetRow, res *Result) error {
	errs := rowErrors{}
	v := func(field string) string { return strings.TrimSpace(row.Values[columnOf(field)]) }

	number, msg := parseNumber(v("number"))
	badNumber := msg.Key != ""
	if badNumber {
		errs.add("number", msg)
	}
	key := controlKey{strings.Trim(row.Values[columnOf("section")], " "), number}
	duplicate := false
	if first, ok := im.seen[key]; ok && !badNumber {
		errs.add("number", i18n.M("import.number_twice", "first", first, "number", number))
		duplicate = true
	} else if !badNumber {
		im.seen[key] = row.Row
	}

	c := im.existing[key]
	if c == nil || badNumber {
		c = model.AsControl(core.NewRecord(im.col))
		c.SetPlan(im.plan.Id)
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
	c.SetNumber(number)
	c.SetTargetValue(canonicalTarget(v("target_value")))
	im.set(c, errs, "method", v("method"), parseMethod)
	im.set(c, errs, "frequency", v("frequency"), parseFrequency)
	if c.Frequency() == "" {
		c.SetFrequency(model.FreqYearly)
	}
	im.set(c, errs, "target_operator", v("target_operator"), parseOperator)
	confidential, msg := parseConfidential(v("confidential"))
	if msg.Key != "" {
		errs.add("confidential", msg)
	}
	c.SetConfidential(confidential)
	due, msg := parseDue(row.Values[columnOf("due")], im.sheet.Date1904)
	if msg.Key != "" {
		errs.add("due", msg)
	}
	c.SetDue(due) // no date clears it
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
		if isNew {
			// the hooks would read the plan's largest position again for
			// every row; the import knows it
			c.SetPosition(im.position + 1)
		}
		if err := im.app.Save(c); err != nil {
			if err := hookErrors(err, errs); err != nil {
				return fmt.Errorf("failed to save row %d: %w", row.Row, err)
			}
		} else if isNew {
			im.position++
			res.Created++
		} else {
			res.Updated++
		}
	}
	res.Errors = append(res.Errors, im.rowErrors(row.Row, errs)...)
	return nil
}

// set stores a value read by parse in field, or notes why it cannot be read.
func (im *importer) set(c *model.Control, errs rowErrors, field, value string, parse func(string) (string, i18n.Message)) {
	code, msg := parse(value)
	if msg.Key != "" {
		errs.add(field, msg)
	}
	c.Set(field, code)
}

// relations resolves Ansvarig by email among the users, and Risk and
// Avdelning/enhet by name within the plan's board.
func (im *importer) relations(c *model.Control, errs rowErrors, v func(string) string) error {
	c.SetOwner("")
	if email := v("owner"); email != "" {
		id, ok := im.owners[fold(email)]
		if !ok {
			u, err := im.app.FindAuthRecordByEmail(model.Users, email)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			if u != nil {
				id = u.Id
				model.RememberLookups(im.app, u)
			}
			im.owners[fold(email)] = id
		}
		if id == "" {
			errs.add("owner", i18n.M("import.owner", "email", quote(email)))
		}
		c.SetOwner(id)
	}
	c.SetRisk("")
	if title := v("risk"); title != "" {
		switch ids := im.risks[fold(title)]; len(ids) {
		case 0:
			errs.add("risk", i18n.M("import.risk_none", "title", quote(title)))
		case 1:
			c.SetRisk(ids[0])
		default:
			errs.add("risk", i18n.M("import.risk_many", "title", quote(title)))
		}
	}
	c.SetUnit("")
	if name := v("unit"); name != "" {
		if id, ok := im.units[fold(name)]; ok {
			c.SetUnit(id)
		} else {
			errs.add("unit", i18n.M("import.unit", "name", quote(name)))
		}
	}
	return nil
}

// hookErrors adds the hooks' refusal of a row to its errors, each field's
// message on its column, as the catalogue message the hooks refused with.
// Any other error is returned.
func hookErrors(err error, errs rowErrors) error {
	var apiErr *router.ApiError
	var ve validation.Errors
	switch {
	case errors.As(err, &apiErr) && apiErr.Status == 400:
		if data, ok := apiErr.RawData().(validation.Errors); ok && len(data) > 0 {
			ve = data
		} else if m, ok := apiErr.RawData().(i18n.Message); ok {
			errs.add("", m)
			return nil
		} else {
			errs.add("", i18n.M("import.error", "error", apiErr.Message))
			return nil
		}
	case errors.As(err, &ve):
	default:
		return err
	}
	for field, fe := range ve {
		errs.add(field, hookMessage(fe))
	}
	return nil
}

// hookMessage is a field's error from the hooks as a catalogue message: the
// hooks' own, or, for an error of PocketBase's that has none, its text.
func hookMessage(err error) i18n.Message {
	var fe i18n.FieldError
	if errors.As(err, &fe) {
		return fe.Msg
	}
	return i18n.M("import.error", "error", err.Error())
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
		e := RowError{Row: row, Msg: errs[i]}
		if i >= 0 {
			e.Column = im.sheet.Letters[i] + " (" + im.sheet.Headers[i] + ")"
		}
		out = append(out, e)
	}
	return out
}
