package report_test

import (
	"bytes"
	"fmt"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/xuri/excelize/v2"

	"ikplan/internal/model"
	"ikplan/internal/report"
	"ikplan/proof/testapp"
)

// hostile is a title that Excel would run as a formula if it were written
// as one.
const hostile = `=HYPERLINK("http://x")`

// odd is a title with what XML cannot hold and what looks like the format's
// own escapes; it must come back exactly.
const odd = "Kontroll\x01 av _x0041_ och _x005F_x0041_\r\nslut"

// exportPlan exports a plan and returns the file.
func exportPlan(t testing.TB, app core.App, planId string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := report.ExportPlan(app, planId, &buf); err != nil {
		t.Fatalf("Expected the plan to export, got %v", err)
	}
	return buf.Bytes()
}

// newDraft creates an empty draft plan for the board and year.
func newDraft(t testing.TB, app core.App, board string, year int) string {
	t.Helper()
	var id string
	err := model.RunAs(app, model.System, func(tx core.App) error {
		p, err := testapp.Create(tx, model.Plans, map[string]any{"board": board, "year": year, "status": model.PlanDraft})
		id = p.Id
		return err
	})
	if err != nil {
		t.Fatalf("failed to create a draft plan: %v", err)
	}
	return id
}

// enrichDemo takes the demo plan back to draft (around the rules, which
// keep a plan with results adopted) and fills in the fields the
// demo leaves empty, so a round trip carries every column: a risk, a
// process, a description over two lines, a decimal target, dates, a
// hostile title and texts that start like formulas.
func enrichDemo(t testing.TB, app core.App, f *testapp.Fixture) {
	t.Helper()
	err := model.RunAs(app, model.System, func(tx core.App) error {
		if err := testapp.ForceStatus(tx, f.Plan, model.PlanDraft); err != nil {
			return err
		}
		edits := map[string]map[string]any{
			"1": {"title": hostile, "process": "+Inköp", "risk": f.Risk, "description": "Stickprov på 20 fakturor.\nJämför med attestordningen.",
				"legal_refs": "-6 kap 6 § KL", "report_to": "@Ekonomiutskottet"},
			"2":   {"title": odd},
			"5":   {"target_value": "9.5", "target_operator": "<=", "due": time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC)},
			"3":   {"target_operator": "=", "method": "", "frequency": model.FreqQuarterly, "unit": ""},
			"HR1": {"title": "\tTabb först", "owner": ""},
		}
		for key, fields := range edits {
			if err := testapp.Update(tx, model.Controls, f.Controls[key], fields); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatalf("failed to prepare the demo plan: %v", err)
	}
}

// nextYearSheet exports a plan with its due dates (column L) moved one
// year on, as a coordinator who carries the sheet into next year's draft
// must: a control is due within its plan's year.
func nextYearSheet(t testing.TB, app core.App, planId string) []byte {
	t.Helper()
	cells := map[string]string{}
	for i, c := range planControls(t, app, planId) { // the sheet's rows, from row 2
		if d := c.GetDateTime("due"); !d.IsZero() {
			cells[fmt.Sprintf("L%d", i+2)] = d.Time().AddDate(1, 0, 0).Format(time.DateOnly)
		}
	}
	if len(cells) == 0 {
		t.Fatal("Expected due dates to move, got none")
	}
	return edit(t, exportPlan(t, app, planId), cells)
}

// planControls are a plan's controls in the plan's order.
func planControls(t testing.TB, app core.App, planId string) []*core.Record {
	t.Helper()
	cs, err := app.FindRecordsByFilter(model.Controls, "plan = {:p}", "position", 0, 0, map[string]any{"p": planId})
	if err != nil {
		t.Fatalf("failed to load the controls: %v", err)
	}
	return cs
}

// tally counts every control and every history row.
func tally(t testing.TB, app core.App) [2]int {
	t.Helper()
	return [2]int{testapp.Count(t, app, model.Controls, nil), testapp.Count(t, app, model.AuditLog, nil)}
}

// edit changes cells of an exported file: cell → value ("" clears it).
func edit(t testing.TB, data []byte, cells map[string]string) []byte {
	t.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("failed to open the export: %v", err)
	}
	defer x.Close()
	for cell, v := range cells {
		if err := x.SetCellStr(report.SheetName, cell, v); err != nil {
			t.Fatalf("failed to set %s: %v", cell, err)
		}
	}
	var buf bytes.Buffer
	if _, err := x.WriteTo(&buf); err != nil {
		t.Fatalf("failed to write the sheet: %v", err)
	}
	return buf.Bytes()
}

// workbook writes a sheet of the given rows as an XLSX file.
func workbook(t testing.TB, sheet string, rows [][]any) []byte {
	t.Helper()
	x := excelize.NewFile()
	defer x.Close()
	if sheet != "Sheet1" {
		if err := x.SetSheetName("Sheet1", sheet); err != nil {
			t.Fatal(err)
		}
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := x.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := x.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// headerRow is the export's header as a sheet row.
func headerRow() []any {
	var out []any
	for _, h := range report.PlanHeaders() {
		out = append(out, h)
	}
	return out
}
