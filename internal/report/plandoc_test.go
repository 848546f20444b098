package report_test

import (
	"slices"
	"strings"
	"testing"

	"ikplan/internal/model"
	"ikplan/internal/report"
	"ikplan/proof/testapp"
)

func rows(d *report.Doc) [][]string {
	var out [][]string
	for _, b := range d.Blocks {
		if b.Table != nil {
			if !slices.Equal(b.Table.Header, report.PlanColumns) || len(b.Table.Widths) != len(b.Table.Header) {
				return nil
			}
			out = append(out, b.Table.Rows...)
		}
	}
	return out
}

func TestPlanDoc(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	// a control tied to a risk shows the risk and its value for the year
	// (tied as the board decides it, while the plan is a draft)
	err := testapp.WhileDraft(app, f.Plan, func() error {
		return testapp.Update(app, model.Controls, f.Controls["1"], map[string]any{"risk": f.Risk, "process": "Fakturahantering"})
	})
	if err != nil {
		t.Fatal(err)
	}
	d, err := report.PlanDoc(app, f.KS, 2024, false)
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Kommunstyrelsens internkontrollplan 2024" || !strings.Contains(d.Header, "Kommunstyrelsen") || !strings.Contains(d.Header, "2024") {
		t.Errorf("Expected the plan's title and a header with board and year, got %q / %q", d.Title, d.Header)
	}
	all := rows(d)
	if len(all) != 20 {
		t.Fatalf("Expected 20 rows, got %d:\n%s", len(all), d.Text())
	}
	want := []string{"1", "Utbildningar, resor och representation", "Fakturahantering", "Felaktig kontering av representation (6: Möjlig × Lindrig)",
		"", "Stickprov", "Årligen", "Anders Ansvarig", "Kommunstyrelsen", "2024-12-31", ""}
	if !slices.Equal(all[0], want) {
		t.Errorf("Expected the first row\n%q, got\n%q", want, all[0])
	}
	targets := map[string]string{}
	for _, r := range all {
		targets[r[1]] = r[10]
	}
	for title, target := range map[string]string{
		"25 stycken genomförda tillsyner enligt LSO":                              "Genomförda tillsyner enligt LSO ≥ 25 st",
		"200 genomförda hembesök där de boende informeras om brandskydd":          "Genomförda hembesök med information om brandskydd ≥ 200 st",
		"Cyberangrepp – risk för informationsläckage och driftsstopp (sekretess)": "",
	} {
		if got, ok := targets[title]; !ok || got != target {
			t.Errorf("Expected %q with target %q, got %q (present %v)", title, target, got, ok)
		}
	}
	if r := all[4]; r[0] != "5" || r[10] != "Medel responstid < 10 minuter" {
		t.Errorf("Expected control 5's target, got %q", r)
	}
	text := d.Text()
	for _, want := range []string{"Status: Antagen", "Antagen 2024-01-29, KS § 5, dnr KS 2024/0001 (demodata).", "Räddningstjänsten", "HR- och arbetsmarknadsförvaltningen", "Planen omfattar 20 kontrollpunkter."} {
		if !strings.Contains(text, want) {
			t.Errorf("Expected %q in\n%s", want, text)
		}
	}

	public, err := report.PlanDoc(app, f.KS, 2024, true)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(rows(public)); n != 19 || testapp.Leaks(public.Text()) != nil || strings.Contains(public.Header, "intern version") {
		t.Errorf("Expected 19 rows without the confidential control in the public version, got %d:\n%s", n, public.Text())
	}
}
