package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/xuri/excelize/v2"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// SheetName is the name of the plan's sheet in the workbook.
const SheetName = "Plan"

// ExportPlan writes the plan with every one of its controls as an Excel
// workbook in Swedish: see ExportControlsIn.
func ExportPlan(app core.App, planId string, w io.Writer) error {
	plan, err := app.FindRecordById(model.Plans, planId)
	if err != nil {
		return fmt.Errorf("failed to load plan %q: %w", planId, err)
	}
	controls, err := app.FindRecordsByFilter(model.Controls, "plan = {:p}", "position,section,number", 0, 0, dbx.Params{"p": plan.Id})
	if err != nil {
		return fmt.Errorf("failed to load the controls of plan %q: %w", planId, err)
	}
	return ExportControls(app, plan, controls, w)
}

// ExportControls writes the given controls of plan as ExportControlsIn
// does, in Swedish.
func ExportControls(app core.App, plan *core.Record, controls []*core.Record, w io.Writer) error {
	return ExportControlsIn(app, plan, controls, i18n.Sv, w)
}

// ExportControlsIn writes the given controls of plan, in the order given
// (the web UI passes only the controls the user may see), as an Excel
// workbook in lang (Swedish or English): one sheet "Plan" with the plan
// document's columns (PlanHeadersIn), a bold frozen header row, column
// widths and an autofilter. Method, frequency and Sekretess are written in
// lang, Nr, Riskvärde and Målvärde as numbers, Klar senast as a date
// (ÅÅÅÅ-MM-DD), and every text as a text cell — never a formula, whatever
// it starts with. The columns with a fixed set of values (Metod, Frekvens,
// Sekretess, Jämförelse, and Avdelning/enhet from the board's units, kept
// on a hidden sheet) offer it as a drop-down list, Nr takes a whole number
// 1–9999; the sheet prints in landscape, one page wide, with the header
// row on every page.
func ExportControlsIn(app core.App, rec *core.Record, recs []*core.Record, lang string, w io.Writer) error {
	lang = i18n.Normalize(lang)
	plan, controls := model.AsPlan(rec), model.AsControls(recs)
	names, err := loadNames(app, plan, controls)
	if err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName(f.GetSheetName(0), SheetName); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	for i, c := range planColumns {
		letter, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(SheetName, letter, letter, c.Width); err != nil {
			return err
		}
		if err := f.SetCellStr(SheetName, letter+"1", c.Header(lang)); err != nil {
			return err
		}
	}
	last, _ := excelize.ColumnNumberToName(len(planColumns))
	if err := f.SetCellStyle(SheetName, "A1", last+"1", st.header); err != nil {
		return err
	}
	for i, c := range controls {
		if err := writeControl(f, st, lang, i+2, c, names); err != nil {
			return err
		}
	}
	if err := f.SetPanes(SheetName, &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	}); err != nil {
		return err
	}
	if err := f.AutoFilter(SheetName, fmt.Sprintf("A1:%s%d", last, len(controls)+1), nil); err != nil {
		return err
	}
	if err := addValidations(f, lang, max(len(controls)+1, MaxImportRows+1), names); err != nil {
		return err
	}
	if err := setPrint(f, lang, plan.Title()); err != nil {
		return err
	}
	docLang := "sv-SE"
	if lang == i18n.En {
		docLang = "en"
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: plan.Title(), Creator: "ikplan", Language: docLang}); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	_, err = f.WriteTo(w)
	return err
}

// styles are the cell styles of the sheet.
type styles struct{ header, text, date, number int }

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	var err error
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	if s.header, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7EEF5"}},
		Border:    []excelize.Border{{Type: "bottom", Color: "5B6B7B", Style: 1}},
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
	}); err != nil {
		return s, err
	}
	if s.text, err = f.NewStyle(&excelize.Style{Alignment: top}); err != nil {
		return s, err
	}
	iso := "yyyy-mm-dd"
	if s.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &iso, Alignment: &excelize.Alignment{Vertical: "top"}}); err != nil {
		return s, err
	}
	s.number, err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "right"}})
	return s, err
}

// names are the words the sheet writes for a control's relations.
type names struct {
	units, risks, owners map[string]string // id → name, title, email
	riskValues           map[string]int    // risk id → value of the plan year's assessment
}

func loadNames(app core.App, plan *model.Plan, controls []*model.Control) (names, error) {
	n := names{units: map[string]string{}, risks: map[string]string{}, owners: map[string]string{}, riskValues: map[string]int{}}
	units, err := app.FindRecordsByFilter(model.Units, "board = {:b}", "", 0, 0, dbx.Params{"b": plan.Board()})
	if err != nil {
		return n, fmt.Errorf("failed to load the units of the plan's board: %w", err)
	}
	for _, u := range model.AsUnits(units) {
		n.units[u.Id] = u.Name()
	}
	for _, c := range controls {
		if id := c.Owner(); id != "" && n.owners[id] == "" {
			if u, err := app.FindRecordById(model.Users, id); err == nil {
				n.owners[id] = u.Email()
			}
		}
		id := c.Risk()
		if id == "" || n.risks[id] != "" {
			continue
		}
		r, err := app.FindRecordById(model.Risks, id)
		if err != nil {
			continue
		}
		n.risks[id] = model.AsRisk(r).Title()
		a, err := app.FindFirstRecordByFilter(model.RiskAssessments, "risk = {:r} && year = {:y}", dbx.Params{"r": id, "y": plan.Year()})
		if err == nil {
			n.riskValues[id] = model.AsRiskAssessment(a).Value()
		}
	}
	return n, nil
}

// writeControl writes one control on row of the sheet, in lang.
func writeControl(f *excelize.File, st styles, lang string, row int, c *model.Control, n names) error {
	cell := func(i int) string {
		letter, _ := excelize.ColumnNumberToName(i + 1)
		return letter + strconv.Itoa(row)
	}
	last, _ := excelize.ColumnNumberToName(len(planColumns))
	if err := f.SetCellStyle(SheetName, "A"+strconv.Itoa(row), last+strconv.Itoa(row), st.text); err != nil {
		return err
	}
	for i, col := range planColumns {
		var err error
		switch col.Field {
		case model.FieldControlNumber:
			err = f.SetCellInt(SheetName, cell(i), int64(c.Number()))
			if err == nil {
				err = f.SetCellStyle(SheetName, cell(i), cell(i), st.number)
			}
		case "":
			if v, ok := n.riskValues[c.Risk()]; ok {
				err = f.SetCellInt(SheetName, cell(i), int64(v))
				if err == nil {
					err = f.SetCellStyle(SheetName, cell(i), cell(i), st.number)
				}
			}
		case model.FieldControlTargetValue:
			v := c.TargetValue()
			if d, perr := model.ParseDecimal(v); perr == nil {
				// a number, so Excel neither flags it as text nor sorts it as one
				err = f.SetCellFloat(SheetName, cell(i), d, -1, 64)
				if err == nil {
					err = f.SetCellStyle(SheetName, cell(i), cell(i), st.number)
				}
			} else if v != "" {
				err = f.SetCellStr(SheetName, cell(i), escapeText(v))
			}
		case model.FieldControlDue:
			if d := c.Due(); !d.IsZero() {
				err = f.SetCellValue(SheetName, cell(i), model.DateOnly(d.Time()))
				if err == nil {
					err = f.SetCellStyle(SheetName, cell(i), cell(i), st.date)
				}
			}
		default:
			if s := exportText(lang, c, col.Field, n); s != "" {
				// always a text cell: "=HYPERLINK(…)" stays words, never a formula
				err = f.SetCellStr(SheetName, cell(i), escapeText(s))
			}
		}
		if err != nil {
			return fmt.Errorf("failed to write control %s: %w", c.Id, err)
		}
	}
	return nil
}

// exportText is the sheet's text in lang for a control's field.
func exportText(lang string, c *model.Control, field string, n names) string {
	switch field {
	case model.FieldControlRisk:
		return n.risks[c.Risk()]
	case model.FieldControlMethod:
		return methodText(lang, c.Method())
	case model.FieldControlFrequency:
		return frequencyText(lang, c.Frequency())
	case model.FieldControlOwner:
		return n.owners[c.Owner()]
	case model.FieldControlConfidential:
		return confidentialText(lang, c.Confidential())
	case model.FieldControlTargetOperator:
		return operatorSigns[c.TargetOperator()]
	case model.FieldControlUnit:
		return n.units[c.Unit()]
	}
	return c.GetString(field)
}

// escapeText writes a text the way the XLSX format stores what XML cannot
// hold: a control character as _xHHHH_, and a literal "_xHHHH_" with its
// underscore escaped as _x005F_, so Excel and the import read back exactly
// the text that went out.
func escapeText(s string) string {
	if !strings.Contains(s, "_x") && strings.IndexFunc(s, xmlInvalid) < 0 {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch {
		case xmlInvalid(r):
			fmt.Fprintf(&b, "_x%04X_", r)
		case r == '_' && escapeLike(s[i:]):
			b.WriteString("_x005F_")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// xmlInvalid reports whether XML 1.0 cannot hold r.
func xmlInvalid(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0xFFFE || r == 0xFFFF
}

// escapeLike reports whether s starts like an escape: _xHHHH_.
func escapeLike(s string) bool {
	if len(s) < 7 || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range s[2:6] {
		if !strings.ContainsRune("0123456789abcdefABCDEF", c) {
			return false
		}
	}
	return true
}
