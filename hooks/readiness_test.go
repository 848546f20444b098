package hooks_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestReadinessIsTheGate checks, for many generated plans, that the hook
// refuses a plan's adoption and its report to the board exactly when
// model.ReadinessOf lists a blocker, and that the refusal names the same
// controls: the pages show what the hook enforces.
func TestReadinessIsTheGate(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	rng := rand.New(rand.NewPCG(14, 2024))
	owner := testapp.Find(t, app, model.Users, f.Users["annan"])
	var boards []string
	for i := range 30 {
		b, err := testapp.Create(app, model.Boards, map[string]any{"name": fmt.Sprintf("Testnämnd %d", i), "short_name": fmt.Sprintf("TN%d", i)})
		if err != nil {
			t.Fatal(err)
		}
		boards = append(boards, b.Id)
	}
	owner.Set("boards", append(owner.GetStringSlice("boards"), boards...))
	if err := app.Save(owner); err != nil {
		t.Fatal(err)
	}
	must := func(r *core.Record, err error) *core.Record {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	maybe := func(p float64, v any) any {
		if rng.Float64() < p {
			return v
		}
		return ""
	}
	refusals := map[string]int{}
	for i, board := range boards {
		plan := must(testapp.Create(app, model.Plans, map[string]any{"board": board, "year": 2024}))
		var controls []*core.Record
		for k := range rng.IntN(4) {
			k++
			controls = append(controls, must(testapp.Create(app, model.Controls, map[string]any{
				"plan": plan.Id, "number": k, "title": fmt.Sprintf("Kontroll %d", k), "frequency": "yearly",
				"owner": maybe(0.8, owner.Id), "due": maybe(0.8, "2024-11-30"), "method": maybe(0.8, "stickprov"),
			})))
		}
		// adoption
		ready := readiness(t, app, plan.Id)
		err := testapp.Update(app, model.Plans, plan.Id, map[string]any{"status": model.PlanAdopted, "adopted_on": "2024-01-25", "adopted_ref": "§ 7"})
		refusals["adopt"] += gate(t, fmt.Sprintf("plan %d adopted", i), ready, err)
		if err != nil { // made complete, to try the next step
			if len(controls) == 0 {
				controls = append(controls, must(testapp.Create(app, model.Controls, map[string]any{"plan": plan.Id, "number": 1, "title": "Kontroll 1"})))
			}
			for _, c := range controls {
				if err := testapp.Update(app, model.Controls, c.Id, map[string]any{"owner": owner.Id, "due": "2024-11-30", "method": "analys"}); err != nil {
					t.Fatal(err)
				}
			}
			if err := testapp.Update(app, model.Plans, plan.Id, map[string]any{"status": model.PlanAdopted, "adopted_on": "2024-01-25", "adopted_ref": "§ 7"}); err != nil {
				t.Fatalf("Expected the completed plan %d to be adopted, got %v", i, err)
			}
		}
		// results, deviations and actions, or none
		for _, c := range controls {
			result := func(outcome string, more map[string]any) *core.Record {
				fields := map[string]any{"control": c.Id, "period": "2024", "performed_on": "2024-11-20", "account": "Granskat.", "outcome": outcome}
				for k, v := range more {
					fields[k] = v
				}
				return must(testapp.Create(app, model.Results, fields))
			}
			switch rng.IntN(6) {
			case 1:
				result(model.OutcomeNoDeviation, nil)
			case 2:
				result(model.OutcomeNotPerformed, map[string]any{"not_performed_reason": "Personalbrist."})
			case 3:
				result(model.OutcomeDeviation, nil) // no deviation described
			case 4, 5:
				r := result(model.OutcomeDeviation, nil)
				significant := rng.IntN(3) > 0
				dev := must(testapp.Create(app, model.Deviations, map[string]any{"result": r.Id, "description": "Fel.", "significant": significant}))
				switch rng.IntN(4) {
				case 0:
					must(testapp.Create(app, model.Actions, map[string]any{"deviation": dev.Id, "description": "Rätta.", "owner": owner.Id, "deadline": "2025-06-30"}))
				case 1:
					must(testapp.Create(app, model.Actions, map[string]any{"deviation": dev.Id, "description": "Rätta.", "owner": owner.Id})) // no deadline
				case 2:
					if err := testapp.Update(app, model.Deviations, dev.Id, map[string]any{"status": model.DeviationAccepted, "acceptance_reason": "Risken är liten."}); err != nil {
						t.Fatal(err)
					}
				}
			}
		}
		ready = readiness(t, app, plan.Id)
		err = testapp.Update(app, model.Plans, plan.Id, map[string]any{"status": model.PlanReported, "reported_on": "2025-02-20", "reported_ref": "§ 12"})
		refusals["report"] += gate(t, fmt.Sprintf("plan %d reported", i), ready, err)
	}
	// the generated plans are of both kinds, or the test proves little
	for step, n := range refusals {
		if n == 0 || n == len(boards) {
			t.Errorf("Expected some plans refused and some allowed at %s, got %d refusals of %d", step, n, len(boards))
		}
	}
}

// readiness is the plan's readiness as it stands.
func readiness(t *testing.T, app core.App, planId string) model.Readiness {
	t.Helper()
	r, err := model.PlanReadiness(app, testapp.Find(t, app, model.Plans, planId), testapp.Today)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// gate checks that the move was refused exactly when readiness lists a
// blocker, that the refusal names each blocker's control (the first five,
// as the refusal shows them), and says whether it was refused.
func gate(t *testing.T, what string, ready model.Readiness, err error) int {
	t.Helper()
	msg := testapp.FieldErrors(err)["status"]
	if err != nil && msg == "" {
		t.Fatalf("%s: expected only a refusal of the status, got %v", what, err)
	}
	if refused, blocked := err != nil, len(ready.Blockers) > 0; refused != blocked {
		t.Errorf("%s: expected refused = %v (blockers %v), got %v", what, blocked, ready.Blockers, err)
		return 0
	}
	if err == nil {
		return 0
	}
	for _, b := range ready.Blockers[:min(5, len(ready.Blockers))] {
		if b.Key == model.BlockNoControls {
			continue
		}
		if want := i18n.T(i18n.Sv, b.Key, b.Args...); !strings.Contains(msg, want) || !strings.Contains(msg, "kontrollpunkt "+b.Label) {
			t.Errorf("%s: expected the refusal to say %q, got %q", what, want, msg)
		}
	}
	if len(ready.Blockers) > 5 && !strings.HasSuffix(msg, "till.") {
		t.Errorf("%s: expected the refusal to count the blockers it does not name, got %q", what, msg)
	}
	return 1
}
