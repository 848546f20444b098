package report

import (
	"fmt"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// addValidations gives the plan sheet's columns with a fixed set of values
// a drop-down list of them, in lang, from row 2 to row last: Metod,
// Frekvens, Sekretess and Jämförelse as the import reads them, and
// Avdelning/enhet from the board's units, which stand on a hidden sheet
// of their own (a name may hold a comma, and a list written into the rule
// holds at most 255 characters). Nr takes a whole number 1–9999, as the
// import does. A value typed that is not in the list is stopped, with a
// message saying why.
func addValidations(f *excelize.File, lang string, last int, n names) error {
	lists := map[string][]string{
		"method":          texts(lang, model.Methods, methodText),
		"frequency":       texts(lang, model.Frequencies, frequencyText),
		"confidential":    {confidentialText(lang, true), confidentialText(lang, false)},
		"target_operator": make([]string, len(operatorOrder)),
	}
	for i, code := range operatorOrder {
		lists["target_operator"][i] = operatorSigns[code]
	}
	for i, col := range planColumns {
		letter, _ := excelize.ColumnNumberToName(i + 1)
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s2:%s%d", letter, letter, last)
		switch col.Field {
		case "number":
			if err := dv.SetRange(1, 9999, excelize.DataValidationTypeWhole, excelize.DataValidationOperatorBetween); err != nil {
				return err
			}
			dv.SetError(excelize.DataValidationErrorStyleStop, i18n.T(lang, "xlsx.number_title"), i18n.T(lang, "xlsx.number_error"))
		case "unit":
			ref, err := unitList(f, lang, n)
			if err != nil || ref == "" {
				return err
			}
			dv.SetSqrefDropList(ref)
			dv.SetError(excelize.DataValidationErrorStyleStop, i18n.T(lang, "xlsx.pick_title"), i18n.T(lang, "xlsx.pick_unit"))
		default:
			values, ok := lists[col.Field]
			if !ok {
				continue
			}
			if err := dv.SetDropList(values); err != nil {
				return err
			}
			dv.SetError(excelize.DataValidationErrorStyleStop, i18n.T(lang, "xlsx.pick_title"), i18n.T(lang, "xlsx.pick"))
		}
		if err := f.AddDataValidation(SheetName, dv); err != nil {
			return err
		}
	}
	return nil
}

// unitList writes the board's units, sorted, on the hidden sheet of lists
// and returns the reference of their cells ("" for a board without units).
func unitList(f *excelize.File, lang string, n names) (string, error) {
	units := make([]string, 0, len(n.units))
	for _, name := range n.units {
		units = append(units, name)
	}
	if len(units) == 0 {
		return "", nil
	}
	sort.Strings(units)
	sheet := i18n.T(lang, "xlsx.lists")
	if _, err := f.NewSheet(sheet); err != nil {
		return "", err
	}
	for i, name := range units {
		if err := f.SetCellStr(sheet, fmt.Sprintf("A%d", i+1), escapeText(name)); err != nil {
			return "", err
		}
	}
	if err := f.SetSheetVisible(sheet, false); err != nil {
		return "", err
	}
	return fmt.Sprintf("'%s'!$A$1:$A$%d", sheet, len(units)), nil
}

// setPrint sets the plan sheet up for printing: A4 landscape, every
// column on one page's width, the header row repeated on every page and a
// footer with the plan's title and the page number.
func setPrint(f *excelize.File, lang, title string) error {
	landscape, a4, one, anyHeight, fit := "landscape", 9, 1, 0, true
	if err := f.SetPageLayout(SheetName, &excelize.PageLayoutOptions{
		Orientation: &landscape, Size: &a4, FitToWidth: &one, FitToHeight: &anyHeight,
	}); err != nil {
		return err
	}
	if err := f.SetSheetProps(SheetName, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$1:$1", SheetName), Scope: SheetName,
	}); err != nil {
		return err
	}
	margin, edge := 0.4, 0.3 // inches: room for the columns, and for the footer
	if err := f.SetPageMargins(SheetName, &excelize.PageLayoutMarginsOptions{
		Left: &margin, Right: &margin, Top: &margin, Bottom: &margin, Header: &edge, Footer: &edge,
	}); err != nil {
		return err
	}
	// & starts a code in a header or footer: the title's own is doubled;
	// a footer holds at most 255 characters, so a long title is cut
	if r := []rune(title); len(r) > 120 {
		title = string(r[:120]) + "…"
	}
	title = strings.ReplaceAll(escapeText(title), "&", "&&")
	return f.SetHeaderFooter(SheetName, &excelize.HeaderFooterOptions{
		OddFooter: "&L" + title + "&R" + i18n.T(lang, "xlsx.page"),
	})
}
