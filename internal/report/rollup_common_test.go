package report_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/internal/report"
	"ikplan/proof/testapp"
)

// commonTable is the roll-up's table of one common control, found by its
// caption, or nil.
func commonTable(d *report.Doc, title string) *report.Table {
	for _, b := range d.Blocks {
		if b.Table != nil && b.Table.Caption == title && len(b.Table.Header) > 0 && b.Table.Header[0] == "Nämnd" {
			return b.Table
		}
	}
	return nil
}

// TestRollUpComparesCommonControls: the roll-up has a table per common
// control of the year with every board of the roll-up — its standing, its
// measured value and whether the target was met, as its results say — and
// a board without a plan as such; in every format (HTML, PDF, Word); the
// public version leaves out a confidential common control.
func TestRollUpComparesCommonControls(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	ian, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2024, "title": "IAN 2024"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := testapp.Create(app, model.Boards, map[string]any{"name": "Tekniska nämnden"}); err != nil {
		t.Fatal(err)
	}
	define := func(title string, confidential bool) *core.Record {
		k, err := testapp.Create(app, model.CommonControls, map[string]any{"year": 2024, "title": title, "frequency": "yearly",
			"method": "stickprov", "confidential": confidential,
			"target_metric": "Andel fel", "target_operator": "<=", "target_value": "5", "target_unit": "%"})
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	open, secret := define("Efterlevnad av attestreglementet", false), define("Behörigheter i ekonomisystemet", true)
	if err := testapp.ForceStatus(app, ian.Id, model.PlanAdopted); err != nil { // results need an adopted plan
		t.Fatal(err)
	}
	report1 := func(plan, common, outcome, measured string) {
		c, err := app.FindFirstRecordByFilter(model.Controls, "plan = {:p} && common_control = {:k}", dbx.Params{"p": plan, "k": common})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := testapp.Create(app, model.Results, map[string]any{"control": c.Id, "period": "2024", "outcome": outcome,
			"measured_value": measured, "performed_on": "2025-01-10 00:00:00.000Z"}); err != nil {
			t.Fatal(err)
		}
	}
	report1(f.Plan, open.Id, "no_deviation", "2")
	report1(ian.Id, open.Id, "deviation", "8,5")
	report1(f.Plan, secret.Id, "no_deviation", "0")

	d, err := report.RollUp(app, 2024, false, testapp.Today)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"Individ- och arbetsmarknadsnämnden", "Avvikelse", "8,5", "Nej"},
		{"Kommunstyrelsen", "Ingen avvikelse", "2", "Ja"},
		{"Tekniska nämnden", "Ingen plan för 2024", "", ""},
	}
	tb := commonTable(d, "Efterlevnad av attestreglementet")
	if tb == nil {
		t.Fatalf("Expected a table of the common control in\n%s", d.Text())
	}
	if !slices.EqualFunc(tb.Rows, want, slices.Equal) {
		t.Errorf("Expected %q, got %q", want, tb.Rows)
	}
	// the figures are the results' own
	for _, row := range tb.Rows[:2] {
		var r struct {
			Measured string `db:"measured_value"`
		}
		err := app.DB().NewQuery("SELECT results.measured_value FROM results JOIN controls ON controls.id = results.control " +
			"JOIN plans ON plans.id = controls.plan JOIN boards ON boards.id = plans.board WHERE boards.name = {:b} AND controls.common_control = {:k}").
			Bind(dbx.Params{"b": row[0], "k": open.Id}).One(&r)
		if err != nil || strings.ReplaceAll(r.Measured, ".", ",") != row[2] {
			t.Errorf("Expected %s's measured value %q as its result says, got %q (%v)", row[0], r.Measured, row[2], err)
		}
	}
	if !strings.Contains(d.Text(), "Mål: Andel fel ≤ 5 %.") {
		t.Errorf("Expected the common control's target under its heading, got\n%s", d.Text())
	}
	if commonTable(d, "Behörigheter i ekonomisystemet") == nil {
		t.Errorf("Expected the internal version to compare the confidential common control")
	}
	for _, format := range formats {
		text := asText(t, format, d)
		for _, s := range []string{"Kommungemensamma kontroller", "Efterlevnad av attestreglementet", "Ingen plan för 2024", "8,5"} {
			if !strings.Contains(text, s) {
				t.Errorf("%s: expected %q in the roll-up", format, s)
			}
		}
	}
	public, err := report.RollUp(app, 2024, true, testapp.Today)
	if err != nil {
		t.Fatal(err)
	}
	if commonTable(public, "Efterlevnad av attestreglementet") == nil || strings.Contains(public.Text(), "Behörigheter i ekonomisystemet") {
		t.Errorf("Expected the public version to compare the open common control only, got\n%s", public.Text())
	}
}

// TestTargetTextOfControlAndCommonControl: a common control and a control
// with the same target write the same target, each read through its own
// typed record, for every operator, with and without a unit; nothing
// without an operator.
func TestTargetTextOfControlAndCommonControl(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	commons, err := app.FindCachedCollectionByNameOrId(model.CommonControls)
	if err != nil {
		t.Fatal(err)
	}
	controls, err := app.FindCachedCollectionByNameOrId(model.Controls)
	if err != nil {
		t.Fatal(err)
	}
	scenarios := []struct{ metric, op, value, unit, want string }{
		{"Andel fel", "<=", "5", "%", "Andel fel ≤ 5 %"},
		{"Medel responstid", "<", "10", "minuter", "Medel responstid < 10 minuter"},
		{"Andel i tid", ">=", "0.95", "", "Andel i tid ≥ 0,95"},
		{"Antal fel", "=", "0", "", "Antal fel = 0"},
		{"Antal kontroller", ">", "3", "st", "Antal kontroller > 3 st"},
		{"Andel fel", "", "5", "%", ""},
	}
	for _, s := range scenarios {
		k := model.AsCommonControl(core.NewRecord(commons))
		k.SetTargetMetric(s.metric)
		k.SetTargetOperator(s.op)
		k.SetTargetValue(s.value)
		k.SetTargetUnit(s.unit)
		c := model.AsControl(core.NewRecord(controls))
		c.SetTargetMetric(s.metric)
		c.SetTargetOperator(s.op)
		c.SetTargetValue(s.value)
		c.SetTargetUnit(s.unit)
		if got := report.TargetText(k); got != s.want {
			t.Errorf("%q %q %q %q: expected the common control's target %q, got %q", s.metric, s.op, s.value, s.unit, s.want, got)
		}
		if got := report.TargetText(c); got != s.want {
			t.Errorf("%q %q %q %q: expected the control's target %q, got %q", s.metric, s.op, s.value, s.unit, s.want, got)
		}
	}
}
