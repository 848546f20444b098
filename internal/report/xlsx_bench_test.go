package report_test

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/internal/report"
	"ikplan/proof/testapp"
)

// plan40 makes a draft plan of 40 controls (the demo's 20 twice, in two
// parts) and returns its id and its export.
func plan40(b *testing.B) (*tests.TestApp, string, []byte) {
	b.Helper()
	f := testapp.Fix(b)
	app := testapp.New(b)
	data := dueIn(b, exportPlan(b, app, f.Plan), 2025, 21)
	draft := newDraft(b, app, f.KS, 2025)
	second := map[string]string{}
	for row := 2; row <= 21; row++ {
		second[fmt.Sprintf("A%d", row)] = fmt.Sprintf("Del två %d", row) // a part of its own for each row
	}
	for _, file := range [][]byte{data, edit(b, data, second)} {
		if res, err := report.ImportPlan(app, model.System, draft, bytes.NewReader(file), false); err != nil || !res.OK() {
			b.Fatalf("failed to build the plan: %v %+v", err, res.Errors)
		}
	}
	return app, draft, exportPlan(b, app, draft)
}

// dueIn is the sheet with each control's due date (column L, rows 2 to
// last) in the year given: a control is due in its plan's year.
func dueIn(b *testing.B, data []byte, year, last int) []byte {
	b.Helper()
	due := map[string]string{}
	for row := 2; row <= last; row++ {
		due[fmt.Sprintf("L%d", row)] = fmt.Sprintf("%d-12-31", year)
	}
	return edit(b, data, due)
}

// BenchmarkExportPlan writes a 40-control plan as XLSX.
func BenchmarkExportPlan(b *testing.B) {
	app, draft, _ := plan40(b)
	for b.Loop() {
		if err := report.ExportPlan(app, draft, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkImportPlan reads a 40-control sheet into an empty draft, every
// row through the hooks, as a dry run (the transaction is rolled back).
func BenchmarkImportPlan(b *testing.B) {
	app, _, data := plan40(b)
	data = dueIn(b, data, 2026, 41)
	empty := newDraft(b, app, testapp.Fix(b).KS, 2026)
	for b.Loop() {
		res, err := report.ImportPlan(app, model.System, empty, bytes.NewReader(data), true)
		if err != nil || res.Created != 40 {
			b.Fatalf("Expected 40 controls, got %v %+v", err, res)
		}
	}
}

// BenchmarkDocuments builds each document and writes it in each format: the
// plan document of a 40-control plan, and the follow-up and roll-up of the
// demo with its 20 controls doubled to 40 blocks' worth.
func BenchmarkDocuments(b *testing.B) {
	app, _, _ := plan40(b)
	f := testapp.Fix(b)
	now := testapp.Today
	docs := []struct {
		name  string
		build func() (*report.Doc, error)
	}{
		{"plan-40", func() (*report.Doc, error) { return report.PlanDoc(app, f.KS, 2025, false) }},
		{"followup-40", func() (*report.Doc, error) {
			d, err := report.FollowUp(app, f.KS, 2024, false)
			if err == nil {
				d.Blocks = append(d.Blocks, d.Blocks...)
			}
			return d, err
		}},
		{"rollup", func() (*report.Doc, error) { return report.RollUp(app, 2024, false, now) }},
	}
	for _, doc := range docs {
		b.Run(doc.name+"/build", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := doc.build(); err != nil {
					b.Fatal(err)
				}
			}
		})
		d, err := doc.build()
		if err != nil {
			b.Fatal(err)
		}
		for _, format := range []string{"html", "pdf", "docx"} {
			b.Run(doc.name+"/"+format, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if err := report.Write(format, io.Discard, d); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
