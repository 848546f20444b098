package report_test

import (
	"io"
	"testing"

	"ikplan/internal/report"
	"ikplan/proof/testapp"
)

// BenchmarkFollowUp builds the demo's follow-up report (20 controls) from
// the database.
func BenchmarkFollowUp(b *testing.B) {
	f := testapp.Fix(b)
	app := testapp.New(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := report.FollowUp(app, f.KS, 2024, false); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWriteHTML writes a 40-control follow-up report (the demo's
// twice over) as HTML.
func BenchmarkWriteHTML(b *testing.B) {
	f := testapp.Fix(b)
	d, err := report.FollowUp(testapp.New(b), f.KS, 2024, false)
	if err != nil {
		b.Fatal(err)
	}
	d.Blocks = append(d.Blocks, d.Blocks...)
	b.ReportAllocs()
	for b.Loop() {
		if err := report.WriteHTML(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}
