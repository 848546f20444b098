package hooks_test

import (
	"testing"

	"github.com/pocketbase/dbx"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestOutcomeDeviationStaysWhileDeviationsDo: a result's outcome leaves
// "deviation" only once the result has no deviations left; then it may.
func TestOutcomeDeviationStaysWhileDeviationsDo(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	res, err := app.FindFirstRecordByFilter(model.Results, "control.plan = {:plan} && outcome = 'deviation'", dbx.Params{"plan": f.Plan})
	if err != nil {
		t.Fatalf("Expected a result with the outcome deviation in the KS plan: %v", err)
	}
	devs, err := app.FindAllRecords(model.Deviations, dbx.HashExp{"result": res.Id})
	if err != nil || len(devs) == 0 {
		t.Fatalf("Expected the result's deviations, got %d (%v)", len(devs), err)
	}
	change := map[string]any{"outcome": model.OutcomeNoDeviation, "measured_value": ""}
	for i, d := range devs {
		err := testapp.Update(app, model.Results, res.Id, change)
		if _, ok := testapp.FieldErrors(err)["outcome"]; !ok {
			t.Fatalf("Expected the outcome kept with %d deviations left, got %v", len(devs)-i, err)
		}
		if err := app.Delete(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := testapp.Update(app, model.Results, res.Id, change); err != nil {
		t.Fatalf("Expected the outcome to change once no deviation is left, got %v", err)
	}
	if got := testapp.Find(t, app, model.Results, res.Id).GetString("outcome"); got != model.OutcomeNoDeviation {
		t.Fatalf("Expected the outcome no_deviation, got %s", got)
	}
}
