package report_test

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/xuri/excelize/v2"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/internal/report"
	"ikplan/proof/refset"
	"ikplan/proof/testapp"
)

// The plan sheet as Excel and LibreOffice want it (issue 15, point 6): its
// headers in the sheet's language, numbers and dates as such, drop-down
// lists for the columns with a fixed set of values, a print set-up, and an
// import that reads today's sheets in either language and the sheets
// exported before.

// languages are the sheet's languages, with the words each writes.
var languages = []struct {
	lang    string
	headers []string
	lists   string // the hidden sheet of lists
	yes, no string
	page    string // the footer's page number
}{
	{i18n.Sv, []string{"Del", "Nr", "Rubrik", "Process", "Risk", "Riskvärde", "Kontrollmoment", "Metod", "Frekvens",
		"Ansvarig (e-post)", "Rapporteras till", "Klar senast", "Lagrum", "Sekretess", "Mått", "Jämförelse", "Målvärde",
		"Måttenhet", "Avdelning/enhet"}, "Listor", "Ja", "Nej", "Sida &P av &N"},
	{i18n.En, []string{"Part", "No.", "Title", "Process", "Risk", "Risk value", "Control activity", "Method", "Frequency",
		"Owner (email)", "Report to", "Due", "Legal references", "Confidential", "Metric", "Comparison", "Target value",
		"Unit of measure", "Department/unit"}, "Lists", "Yes", "No", "Page &P of &N"},
}

// oldExport is the demo's plan as enrichDemo leaves it, written by the
// exporter before this change (main at eda6799): Målvärde as text with a
// decimal comma, the headers Enhet and Förvaltning.
const oldExport = "testdata/plan-export-2026-11.xlsx"

// exportPlanIn exports every control of a plan in lang.
func exportPlanIn(t testing.TB, app core.App, planId, lang string) []byte {
	t.Helper()
	plan, err := app.FindRecordById(model.Plans, planId)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := report.ExportControlsIn(app, plan, planControls(t, app, planId), lang, &buf); err != nil {
		t.Fatalf("Expected the plan to export in %s, got %v", lang, err)
	}
	return buf.Bytes()
}

// openSheet opens an exported file with excelize.
func openSheet(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("Expected the export to open in excelize, got %v", err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

// column is the letter of the column with a Swedish header.
func column(t testing.TB, sv string) string {
	t.Helper()
	i := slices.Index(languages[0].headers, sv)
	if i < 0 {
		t.Fatalf("no column %q", sv)
	}
	letter, _ := excelize.ColumnNumberToName(i + 1)
	return letter
}

func TestExportHeadersInBothLanguages(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	for _, l := range languages {
		x := openSheet(t, exportPlanIn(t, app, f.Plan, l.lang))
		rows, err := x.GetRows(report.SheetName)
		if err != nil || len(rows) != 21 {
			t.Fatalf("%s: expected the header and 20 controls, got %d rows (%v)", l.lang, len(rows), err)
		}
		if !slices.Equal(rows[0], l.headers) {
			t.Errorf("%s: expected the headers\n%q\ngot\n%q", l.lang, l.headers, rows[0])
		}
		if !slices.Equal(report.PlanHeadersIn(l.lang), l.headers) {
			t.Errorf("%s: expected PlanHeadersIn to be the sheet's headers, got %q", l.lang, report.PlanHeadersIn(l.lang))
		}
		if got := x.GetSheetList(); !slices.Equal(got, []string{report.SheetName, l.lists}) {
			t.Errorf("%s: expected the sheets Plan and %s, got %v", l.lang, l.lists, got)
		}
	}
	if !slices.Equal(report.PlanHeaders(), languages[0].headers) {
		t.Errorf("Expected PlanHeaders in Swedish, got %q", report.PlanHeaders())
	}
}

func TestExportNumbersAndDates(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	enrichDemo(t, app, f)
	controls := planControls(t, app, f.Plan)
	for _, l := range languages {
		x := openSheet(t, exportPlanIn(t, app, f.Plan, l.lang))
		numbers, dates := 0, 0
		for i, c := range controls {
			row := i + 2
			// Nr, Riskvärde and Målvärde are numbers: no "number stored as text"
			for _, col := range []string{column(t, "Nr"), column(t, "Riskvärde"), column(t, "Målvärde")} {
				ref := fmt.Sprintf("%s%d", col, row)
				raw, _ := x.GetCellValue(report.SheetName, ref, excelize.Options{RawCellValue: true})
				if raw == "" {
					continue
				}
				typ, _ := x.GetCellType(report.SheetName, ref)
				if _, err := strconv.ParseFloat(raw, 64); err != nil || (typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber) {
					t.Errorf("%s: expected %s to be a number cell, got %q of type %v", l.lang, ref, raw, typ)
				}
				numbers++
			}
			if want := c.GetString("target_value"); want != "" {
				ref := fmt.Sprintf("%s%d", column(t, "Målvärde"), row)
				raw, _ := x.GetCellValue(report.SheetName, ref, excelize.Options{RawCellValue: true})
				if got, err := strconv.ParseFloat(raw, 64); err != nil || strconv.FormatFloat(got, 'f', -1, 64) != want {
					t.Errorf("%s: expected %s to hold the number %s, got %q", l.lang, ref, want, raw)
				}
			}
			// Klar senast is a date: Excel's day number, shown as ÅÅÅÅ-MM-DD
			if d := c.GetDateTime("due"); !d.IsZero() {
				ref := fmt.Sprintf("%s%d", column(t, "Klar senast"), row)
				raw, _ := x.GetCellValue(report.SheetName, ref, excelize.Options{RawCellValue: true})
				day, err := strconv.ParseFloat(raw, 64)
				got, _ := excelize.ExcelDateToTime(day, false)
				if err != nil || !got.Equal(model.DateOnly(d.Time())) {
					t.Errorf("%s: expected %s to be the day number of %s, got %q", l.lang, ref, d.Time().Format(time.DateOnly), raw)
				}
				id, _ := x.GetCellStyle(report.SheetName, ref)
				st, err := x.GetStyle(id)
				if err != nil || st.CustomNumFmt == nil || *st.CustomNumFmt != "yyyy-mm-dd" {
					t.Errorf("%s: expected %s formatted as yyyy-mm-dd, got %+v (%v)", l.lang, ref, st, err)
				}
				if shown, _ := x.GetCellValue(report.SheetName, ref); shown != d.Time().Format(time.DateOnly) {
					t.Errorf("%s: expected %s shown as %s, got %q", l.lang, ref, d.Time().Format(time.DateOnly), shown)
				}
				dates++
			}
		}
		if numbers < 30 || dates < 20 {
			t.Errorf("%s: expected the demo to have numbers and dates to check, got %d and %d", l.lang, numbers, dates)
		}
	}
}

// dropDowns are the sheet's lists by column letter: their values, or for
// a list kept on a sheet, the values of its cells.
func dropDowns(t testing.TB, x *excelize.File) map[string]*excelize.DataValidation {
	t.Helper()
	dvs, err := x.GetDataValidations(report.SheetName)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*excelize.DataValidation{}
	for _, dv := range dvs {
		col, _, err := excelize.SplitCellName(strings.Split(dv.Sqref, ":")[0])
		if err != nil {
			t.Fatalf("Expected a validation of cells, got %q", dv.Sqref)
		}
		if out[col] != nil {
			t.Errorf("Expected one validation of column %s, got two", col)
		}
		out[col] = dv
	}
	return out
}

// listValues are the values of a list validation: written into the rule
// ("a,b") or kept in cells ('Listor'!$A$1:$A$3).
func listValues(t testing.TB, x *excelize.File, formula string) []string {
	t.Helper()
	if v, ok := strings.CutPrefix(formula, `"`); ok {
		return strings.Split(strings.TrimSuffix(v, `"`), ",")
	}
	sheet, cells, ok := strings.Cut(formula, "!")
	if !ok {
		t.Fatalf("Expected a list or a range, got %q", formula)
	}
	sheet = strings.Trim(sheet, "'")
	from, to, _ := strings.Cut(strings.ReplaceAll(cells, "$", ""), ":")
	_, first, _ := excelize.SplitCellName(from)
	_, last, _ := excelize.SplitCellName(to)
	var out []string
	for r := first; r <= last; r++ {
		v, err := x.GetCellValue(sheet, fmt.Sprintf("A%d", r))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, v)
	}
	return out
}

// boardUnits are the names of a board's units, sorted.
func boardUnits(t testing.TB, app core.App, board string) []string {
	t.Helper()
	units, err := app.FindRecordsByFilter(model.Units, "board = {:b}", "name", 0, 0, dbx.Params{"b": board})
	if err != nil || len(units) < 2 {
		t.Fatalf("Expected the board to have units, got %d (%v)", len(units), err)
	}
	var out []string
	for _, u := range units {
		out = append(out, u.GetString("name"))
	}
	slices.Sort(out)
	return out
}

func TestExportDropDowns(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	units := boardUnits(t, app, f.KS)
	texts := func(lang, prefix string, codes []string) []string {
		var out []string
		for _, c := range codes {
			out = append(out, i18n.T(lang, prefix+c))
		}
		return out
	}
	last := report.MaxImportRows + 1 // room for the rows someone adds
	for _, l := range languages {
		x := openSheet(t, exportPlanIn(t, app, f.Plan, l.lang))
		dvs := dropDowns(t, x)
		want := map[string][]string{
			column(t, "Metod"):           texts(l.lang, "method.", model.Methods),
			column(t, "Frekvens"):        texts(l.lang, "frequency.", model.Frequencies),
			column(t, "Sekretess"):       {l.yes, l.no},
			column(t, "Jämförelse"):      {"<", "≤", "=", "≥", ">"},
			column(t, "Avdelning/enhet"): units,
		}
		for col, values := range want {
			dv := dvs[col]
			if dv == nil {
				t.Errorf("%s: expected a drop-down list in column %s (%s)", l.lang, col, l.headers[columnIndex(col)])
				continue
			}
			if dv.Type != "list" || !slices.Equal(listValues(t, x, dv.Formula1), values) {
				t.Errorf("%s: expected column %s to offer %q, got %s %q", l.lang, col, values, dv.Type, dv.Formula1)
			}
			if dv.Sqref != fmt.Sprintf("%s2:%s%d", col, col, last) || !dv.AllowBlank || dv.ShowDropDown {
				t.Errorf("%s: expected the list on %s2:%s%d, blanks allowed and its arrow shown, got %q %v %v", l.lang, col, col, last, dv.Sqref, dv.AllowBlank, dv.ShowDropDown)
			}
			if !dv.ShowErrorMessage || dv.ErrorStyle == nil || *dv.ErrorStyle != "stop" || dv.Error == nil || dv.ErrorTitle == nil ||
				!strings.Contains(*dv.ErrorTitle, i18n.T(l.lang, "xlsx.pick_title")) {
				t.Errorf("%s: expected a value outside column %s's list stopped with a message in the sheet's language, got %+v", l.lang, col, dv)
			}
		}
		if s, err := x.GetSheetVisible(l.lists); err != nil || s {
			t.Errorf("%s: expected the sheet %s hidden, got visible %v (%v)", l.lang, l.lists, s, err)
		}
		// Nr takes what the import takes: a whole number 1–9999
		if dv := dvs[column(t, "Nr")]; dv == nil || dv.Type != "whole" || dv.Operator != "between" || dv.Formula1 != "1" || dv.Formula2 != "9999" {
			t.Errorf("%s: expected Nr to take a whole number 1–9999, got %+v", l.lang, dv)
		}
		if len(dvs) != len(want)+1 {
			t.Errorf("%s: expected validations on %d columns, got %d", l.lang, len(want)+1, len(dvs))
		}
	}
}

// columnIndex is the index of a column letter.
func columnIndex(col string) int {
	n, _ := excelize.ColumnNameToNumber(col)
	return n - 1
}

// TestImportTakesEveryListValue: every value a drop-down list offers, in
// either language, is read by the import as the code it stands for.
func TestImportTakesEveryListValue(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	units := boardUnits(t, app, f.KS)
	unitIds := map[string]string{}
	for _, name := range units {
		u, err := app.FindFirstRecordByFilter(model.Units, "board = {:b} && name = {:n}", dbx.Params{"b": f.KS, "n": name})
		if err != nil {
			t.Fatal(err)
		}
		unitIds[name] = u.Id
	}
	ops := []string{"<", "<=", "=", ">=", ">"}
	for y, l := range languages {
		export := exportPlanIn(t, app, f.Plan, l.lang)
		x := openSheet(t, export)
		dvs := dropDowns(t, x)
		list := func(sv string) []string {
			dv := dvs[column(t, sv)]
			if dv == nil {
				t.Fatalf("%s: expected a drop-down list in column %s (%s)", l.lang, column(t, sv), sv)
			}
			return listValues(t, x, dv.Formula1)
		}
		methods, freqs, conf, signs, unitList := list("Metod"), list("Frekvens"), list("Sekretess"), list("Jämförelse"), list("Avdelning/enhet")
		cells := map[string]string{}
		controls := planControls(t, app, f.Plan)
		for i, c := range controls {
			row := i + 2
			if d := c.GetDateTime("due"); !d.IsZero() {
				cells[fmt.Sprintf("%s%d", column(t, "Klar senast"), row)] = d.Time().AddDate(1+y, 0, 0).Format(time.DateOnly)
			}
			cells[fmt.Sprintf("%s%d", column(t, "Metod"), row)] = methods[i%len(methods)]
			cells[fmt.Sprintf("%s%d", column(t, "Frekvens"), row)] = freqs[i%len(freqs)]
			cells[fmt.Sprintf("%s%d", column(t, "Sekretess"), row)] = conf[i%len(conf)]
			cells[fmt.Sprintf("%s%d", column(t, "Mått"), row)] = "Andel"
			cells[fmt.Sprintf("%s%d", column(t, "Jämförelse"), row)] = signs[i%len(signs)]
			cells[fmt.Sprintf("%s%d", column(t, "Målvärde"), row)] = "5"
			cells[fmt.Sprintf("%s%d", column(t, "Avdelning/enhet"), row)] = unitList[i%len(unitList)]
		}
		draft := newDraft(t, app, f.KS, 2025+y)
		res, err := report.ImportPlan(app, model.System, draft, bytes.NewReader(edit(t, export, cells)), false)
		if err != nil || !res.OK() || res.Created != len(controls) {
			t.Fatalf("%s: expected every list value imported, got %v %+v", l.lang, err, res.Errors)
		}
		for i, c := range planControls(t, app, draft) {
			want := map[string]string{
				"method": model.Methods[i%len(model.Methods)], "frequency": model.Frequencies[i%len(model.Frequencies)],
				"confidential": strconv.FormatBool(i%2 == 0), "target_operator": ops[i%len(ops)], "unit": unitIds[units[i%len(units)]],
			}
			for field, v := range want {
				if got := c.GetString(field); got != v {
					t.Errorf("%s: row %d, %s: expected %q, got %q", l.lang, i+2, field, v, got)
				}
			}
		}
	}
}

func TestExportPrintSetup(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	for _, l := range languages {
		x := openSheet(t, exportPlanIn(t, app, f.Plan, l.lang))
		layout, err := x.GetPageLayout(report.SheetName)
		if err != nil || layout.Orientation == nil || *layout.Orientation != "landscape" {
			t.Errorf("%s: expected a landscape page, got %s (%v)", l.lang, show(layout.Orientation), err)
		}
		if layout.FitToWidth == nil || *layout.FitToWidth != 1 || layout.FitToHeight == nil || *layout.FitToHeight != 0 {
			t.Errorf("%s: expected one page wide and as many pages down as needed, got %s × %s", l.lang, show(layout.FitToWidth), show(layout.FitToHeight))
		}
		if layout.Size == nil || *layout.Size != 9 {
			t.Errorf("%s: expected A4 (9), got %s", l.lang, show(layout.Size))
		}
		props, err := x.GetSheetProps(report.SheetName)
		if err != nil || props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: expected the fit-to-page option on (else Excel ignores the fit), got %s (%v)", l.lang, show(props.FitToPage), err)
		}
		titles := ""
		for _, d := range x.GetDefinedName() {
			if d.Name == "_xlnm.Print_Titles" && d.Scope == report.SheetName {
				titles = d.RefersTo
			}
		}
		if titles != "'Plan'!$1:$1" {
			t.Errorf("%s: expected the header row as print titles, got %q", l.lang, titles)
		}
		panes, err := x.GetPanes(report.SheetName)
		if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
			t.Errorf("%s: expected the header row frozen, got %+v (%v)", l.lang, panes, err)
		}
		hf, err := x.GetHeaderFooter(report.SheetName)
		if err != nil || hf == nil || !strings.HasSuffix(hf.OddFooter, "&R"+l.page) || !strings.Contains(hf.OddFooter, "internkontrollplan 2024") {
			t.Errorf("%s: expected a footer with the plan's title and %q, got %+v (%v)", l.lang, l.page, hf, err)
		}
	}
}

// show is a setting for a message: its value, or "unset".
func show[T any](p *T) string {
	if p == nil {
		return "unset"
	}
	return fmt.Sprint(*p)
}

// TestImportReadsOlderFiles: a file written by the exporter before this
// change (old headers, Målvärde as text) and one written by today's, in
// either language, all read back as the plan they came from: every row
// unchanged, nothing written.
func TestImportReadsOlderFiles(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	enrichDemo(t, app, f) // as the old file was written; the plan is a draft
	old, err := os.ReadFile(oldExport)
	if err != nil {
		t.Fatal(err)
	}
	x := openSheet(t, old)
	if h, _ := x.GetRows(report.SheetName); len(h) != 21 || h[0][17] != "Enhet" || h[0][18] != "Förvaltning" {
		t.Fatalf("Expected the old file to have the old headers, got %q", h[0])
	}
	if typ, _ := x.GetCellType(report.SheetName, "Q6"); typ != excelize.CellTypeSharedString {
		t.Fatalf("Expected the old file to hold Målvärde as text, got %v", typ)
	}
	files := map[string][]byte{"old": old, "sv": exportPlanIn(t, app, f.Plan, i18n.Sv), "en": exportPlanIn(t, app, f.Plan, i18n.En)}
	before := tally(t, app)
	for _, name := range []string{"old", "sv", "en"} {
		res, err := report.ImportPlan(app, model.System, f.Plan, bytes.NewReader(files[name]), false)
		if err != nil || !res.OK() || res.Rows != 20 || res.Unchanged != 20 || res.Created+res.Updated != 0 {
			t.Errorf("%s: expected the file to read back as the same plan (20 rows unchanged), got %v %+v", name, err, res)
		}
	}
	if after := tally(t, app); after != before {
		t.Errorf("Expected nothing written, got %v → %v", before, after)
	}
}

// TestRefPlanRoundTrip: the reference set's plan (see proof/refset)
// exported, in each language, reads back as the same plan. It runs only
// where the set is at hand: IKPLAN_REFSET=/path/to/set.
func TestRefPlanRoundTrip(t *testing.T) {
	if os.Getenv("IKPLAN_REFSET") == "" {
		t.Skip("IKPLAN_REFSET is not set")
	}
	set := refset.Open(t)
	app := set.New(t)
	if err := testapp.ForceStatus(app, set.Plan, model.PlanDraft); err != nil {
		t.Fatal(err)
	}
	n := len(planControls(t, app, set.Plan))
	before := tally(t, app)
	for _, l := range languages {
		data := exportPlanIn(t, app, set.Plan, l.lang)
		res, err := report.ImportPlan(app, model.System, set.Plan, bytes.NewReader(data), false)
		if err != nil || !res.OK() || res.Rows != n || res.Unchanged != n {
			t.Errorf("%s: expected the reference plan's %d controls to read back unchanged, got %v %+v", l.lang, n, err, res)
		}
	}
	if after := tally(t, app); after != before {
		t.Errorf("Expected nothing written, got %v → %v", before, after)
	}
}

// TestImportNamesColumnsAsTheSheetHasThem: a row's error names its column
// by the header the sheet has, in its language, on one line.
func TestImportNamesColumnsAsTheSheetHasThem(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	enrichDemo(t, app, f)
	scenarios := []struct {
		lang  string
		cells map[string]string
		want  []string
	}{
		{i18n.En, map[string]string{"H3": "Slumpvis", "N4": "maybe"}, []string{
			`rad 3, kolumn H (Method): Okänd metod "Slumpvis". Skriv en av: Stickprov, Genomgång, Mätning, Analys, Intervju, Löpande kontroll.`,
			`rad 4, kolumn N (Confidential): Skriv Ja eller Nej, inte "maybe".`,
		}},
		{i18n.Sv, map[string]string{"J1": " Ansvarig\n(e-post) ", "J4": "okand@ikplan.test", "R1": "enhet"}, []string{
			`rad 4, kolumn J (Ansvarig (e-post)): Ingen användare har e-postadressen "okand@ikplan.test".`,
		}},
	}
	for _, s := range scenarios {
		res, got := importErrors(t, app, f.Plan, edit(t, exportPlanIn(t, app, f.Plan, s.lang), s.cells), true)
		if res.OK() || !slices.Equal(got, s.want) {
			t.Errorf("%s: expected the errors\n%s\ngot\n%s", s.lang, strings.Join(s.want, "\n"), strings.Join(got, "\n"))
		}
	}
}
