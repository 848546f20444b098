package report_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"ikplan/internal/model"
	"ikplan/internal/report"
	"ikplan/proof/refset"
)

// BenchmarkRefDocuments builds each document on the reference set of the
// performance issue (30 boards × 10 years × 40 controls; see
// proof/refset) and writes it in each format: the follow-up (internal
// and public) and the plan document of the latest year's plan of the board
// with the most actions, and the roll-up of all 30 boards for that year.
// "<doc>/build" only reads the database; "<doc>/<format>" is the whole
// download, build and write. "plan/xlsx" is the Excel export of the plan.
//
//	IKPLAN_REFSET=/path/to/set go test ./internal/report -run '^$' -bench BenchmarkRefDocuments
func BenchmarkRefDocuments(b *testing.B) {
	set := refset.Open(b)
	app := set.New(b)
	docs := []struct {
		name  string
		build func() (*report.Doc, error)
		want  string // in the HTML of the document
	}{
		{"followup", func() (*report.Doc, error) { return report.FollowUp(app, set.Board, set.Year, false) }, set.ControlTitle},
		{"followup-public", func() (*report.Doc, error) { return report.FollowUp(app, set.Board, set.Year, true) }, set.ControlTitle},
		{"plan", func() (*report.Doc, error) { return report.PlanDoc(app, set.Board, set.Year, false) }, set.ControlTitle},
		{"rollup", func() (*report.Doc, error) { return report.RollUp(app, set.Year, false, set.Now) }, set.BoardName},
	}
	for _, doc := range docs {
		// the document is checked once, outside the measured loops
		d, err := doc.build()
		if err != nil {
			b.Fatalf("Expected the %s document, got %v", doc.name, err)
		}
		var html bytes.Buffer
		if err := report.WriteHTML(&html, d); err != nil || !strings.Contains(html.String(), doc.want) {
			b.Fatalf("Expected the %s document to contain %q, got %v %.300s", doc.name, doc.want, err, html.String())
		}
		b.Run(doc.name+"/build", func(b *testing.B) {
			defer reportCPU(b)()
			for b.Loop() {
				if _, err := doc.build(); err != nil {
					b.Fatal(err)
				}
			}
		})
		for _, format := range []string{"html", "pdf", "docx"} {
			b.Run(doc.name+"/"+format, func(b *testing.B) {
				defer reportCPU(b)()
				var buf bytes.Buffer
				for b.Loop() {
					buf.Reset()
					d, err := doc.build()
					if err == nil {
						err = report.Write(format, &buf, d)
					}
					if err != nil || buf.Len() == 0 {
						b.Fatalf("Expected the %s document as %s, got %v", doc.name, format, err)
					}
				}
			})
		}
	}
	controls := len(planControls(b, app, set.Plan))
	if rows := sheetRows(b, exportPlan(b, app, set.Plan)); rows != controls+1 {
		b.Fatalf("Expected the export to have a row per control and a header, %d, got %d", controls+1, rows)
	}
	b.Run("plan/xlsx", func(b *testing.B) {
		defer reportCPU(b)()
		var buf bytes.Buffer
		for b.Loop() {
			buf.Reset()
			if err := report.ExportPlan(app, set.Plan, &buf); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkRefImport imports a sheet of 1,000 controls (the picked plan's
// 40 repeated and numbered 1–1000) into an empty draft plan of the same
// board, every row through the hooks with its history row, as the
// coordinator: "dry-run" checks every row and rolls back, as the import
// page's "Kontrollera" does; "commit" writes them, into a new draft each
// time (made outside the measured time).
func BenchmarkRefImport(b *testing.B) {
	set := refset.Open(b)
	app := set.New(b)
	sheet := sheet1000(b, exportPlan(b, app, set.Plan))
	user, err := app.FindAuthRecordByEmail(model.Users, "samordnare@ikplan.test")
	if err != nil {
		b.Fatal(err)
	}
	actor := model.ActorFromAuth(user)
	year := set.Year + 1
	// a control is due in its plan's year: each draft gets the sheet with
	// its own year's due dates, made outside the measured time
	importInto := func(b *testing.B, draft string, sheet []byte, dryRun bool) {
		res, err := report.ImportPlan(app, actor, draft, bytes.NewReader(sheet), dryRun)
		if err != nil || !res.OK() || res.Created != 1000 {
			b.Fatalf("Expected 1000 controls created, got %v %+v", err, res)
		}
	}
	b.Run("1000-rows/dry-run", func(b *testing.B) {
		draft, due := newDraft(b, app, set.Board, year), dueIn(b, sheet, year, 1001)
		year++
		done := reportCPU(b)
		for b.Loop() {
			importInto(b, draft, due, true)
		}
		done()
		if n := len(planControls(b, app, draft)); n != 0 {
			b.Fatalf("Expected the dry run to write nothing, got %d controls", n)
		}
	})
	b.Run("1000-rows/commit", func(b *testing.B) {
		b.ReportAllocs()
		var cpu time.Duration // of the imports alone
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			if year > 2100 {
				b.Fatalf("Expected at most %d iterations (a draft per year up to 2100), use a smaller -benchtime", 2100-set.Year)
			}
			draft, due := newDraft(b, app, set.Board, year), dueIn(b, sheet, year, 1001)
			year++
			b.StartTimer()
			before := refset.CPUTime()
			importInto(b, draft, due, false)
			cpu += refset.CPUTime() - before
			b.StopTimer()
			if n := len(planControls(b, app, draft)); n != 1000 {
				b.Fatalf("Expected 1000 controls in the draft, got %d", n)
			}
			b.StartTimer()
		}
		b.ReportMetric(float64(cpu.Microseconds())/1000/float64(b.N), "cpu-ms/op")
	})
}

// reportCPU reports allocations and, when the returned function is called
// at the end of the benchmark, the process's CPU time per operation (user
// and system; with the garbage collector on the other core it can exceed
// the wall time).
func reportCPU(b *testing.B) func() {
	b.ReportAllocs()
	before := refset.CPUTime()
	return func() {
		b.ReportMetric(float64((refset.CPUTime()-before).Microseconds())/1000/float64(b.N), "cpu-ms/op")
	}
}

// sheet1000 is the export of a plan grown to 1,000 controls: its rows
// repeated, each row numbered anew (Nr), types and styles kept.
func sheet1000(b *testing.B, export []byte) []byte {
	b.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(export))
	if err != nil {
		b.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows(report.SheetName)
	if err != nil || len(rows) < 2 || rows[0][1] != "Nr" {
		b.Fatalf("Expected an export with Nr in column B, got %v %v", err, rows)
	}
	controls := len(rows) - 1
	for row := len(rows) + 1; row <= 1001; row++ {
		if err := x.DuplicateRowTo(report.SheetName, 2+(row-2)%controls, row); err != nil {
			b.Fatal(err)
		}
	}
	for row := 2; row <= 1001; row++ {
		cell, _ := excelize.CoordinatesToCellName(2, row)
		if err := x.SetCellInt(report.SheetName, cell, int64(row-1)); err != nil {
			b.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if _, err := x.WriteTo(&buf); err != nil {
		b.Fatal(err)
	}
	if n := sheetRows(b, buf.Bytes()); n != 1001 {
		b.Fatalf("Expected 1000 rows and a header, got %d", n)
	}
	return buf.Bytes()
}

// sheetRows counts the rows of the plan sheet of an XLSX file.
func sheetRows(b *testing.B, data []byte) int {
	b.Helper()
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		b.Fatal(err)
	}
	defer x.Close()
	rows, err := x.GetRows(report.SheetName)
	if err != nil {
		b.Fatal(err)
	}
	return len(rows)
}
