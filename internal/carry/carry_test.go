package carry_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/carry"
	"ikplan/internal/demo"
	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

func TestMain(m *testing.M) { testapp.Main(m) }

// coordinator is the demo coordinator as the actor of a change.
func coordinator(f *testapp.Fixture) model.Actor {
	return model.Actor{Kind: model.ActorUser, Id: f.Users["samordnare"], Name: "Sara Samordnare", Role: model.RoleCoordinator}
}

// unfinished are the fixture keys of the demo plan's unfinished actions,
// the confidential control 12's among them.
var unfinished = []string{"2", "8", "10", "11", "12", "HR8"}

// decisions continues 2, 10, 12 and HR8, closes 8 and transfers 11 to IAN.
func decisions(f *testapp.Fixture) map[string]carry.Decision {
	return map[string]carry.Decision{
		f.Actions["2"]:   {Kind: carry.DecideContinue},
		f.Actions["8"]:   {Kind: carry.DecideClose, Reason: "Rutinen ersätts av den nya mätrutinen."},
		f.Actions["10"]:  {Kind: carry.DecideContinue},
		f.Actions["11"]:  {Kind: carry.DecideTransfer, Board: f.IAN},
		f.Actions["12"]:  {Kind: carry.DecideContinue},
		f.Actions["HR8"]: {Kind: carry.DecideContinue},
	}
}

type counts struct{ plans, controls, actions, audit int }

func countAll(t *testing.T, app core.App) counts {
	t.Helper()
	return counts{
		plans:    testapp.Count(t, app, model.Plans, nil),
		controls: testapp.Count(t, app, model.Controls, nil),
		actions:  testapp.Count(t, app, model.Actions, nil),
		audit:    testapp.Count(t, app, model.AuditLog, nil),
	}
}

func TestPreviewListsEveryUnfinishedAction(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	pv, err := carry.Preview(app, f.Plan)
	if err != nil {
		t.Fatalf("Expected a preview, got %v", err)
	}
	if pv.Year != 2024 || pv.NextYear != 2025 || pv.Existing != nil || pv.Previous != nil {
		t.Fatalf("Expected 2024 → 2025 with no other plans, got %d → %d, existing %v, previous %v", pv.Year, pv.NextYear, pv.Existing, pv.Previous)
	}
	if len(pv.Controls) != 20 {
		t.Fatalf("Expected 20 controls to copy, got %d", len(pv.Controls))
	}
	var got []string
	for _, a := range pv.Unfinished {
		got = append(got, a.Id)
	}
	var want []string
	for _, k := range unfinished {
		want = append(want, f.Actions[k])
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("Expected the unfinished actions of controls %v in plan order, got %v (want %v)", unfinished, got, want)
	}
}

func TestPreviewComparesWithTheYearBefore(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	// control 1 is linked to the risk, assessed 3×2 = 6 for 2024 and 2×2 = 4
	// for 2023 (linked as while the plan was drafted)
	if err := testapp.ForceStatus(app, f.Plan, model.PlanDraft); err != nil {
		t.Fatal(err)
	}
	if err := testapp.Update(app, model.Controls, f.Controls["1"], map[string]any{"risk": f.Risk}); err != nil {
		t.Fatal(err)
	}
	if err := testapp.ForceStatus(app, f.Plan, model.PlanAdopted); err != nil {
		t.Fatal(err)
	}
	if _, err := testapp.Create(app, model.RiskAssessments, map[string]any{"risk": f.Risk, "year": 2023, "probability": 2, "consequence": 2}); err != nil {
		t.Fatal(err)
	}
	prev, err := testapp.Create(app, model.Plans, map[string]any{"board": f.KS, "year": 2023})
	if err != nil {
		t.Fatal(err)
	}
	for i, title := range []string{"utbildningar, resor och representation ", "Kassaflöde – avstämning"} {
		if _, err := testapp.Create(app, model.Controls, map[string]any{"plan": prev.Id, "number": i + 1, "title": title, "frequency": "yearly"}); err != nil {
			t.Fatal(err)
		}
	}
	pv, err := carry.Preview(app, f.Plan)
	if err != nil {
		t.Fatal(err)
	}
	if pv.Previous == nil || pv.Previous.Id != prev.Id {
		t.Fatalf("Expected the 2023 plan as the previous one, got %v", pv.Previous)
	}
	if len(pv.Removed) != 1 || pv.Removed[0].GetString("title") != "Kassaflöde – avstämning" {
		t.Fatalf("Expected one removed control (Kassaflöde), got %v", pv.Removed)
	}
	if len(pv.Added) != 19 {
		t.Fatalf("Expected 19 new controls (all but control 1, matched by title), got %d", len(pv.Added))
	}
	// the risks the controls treat: the demo's register, the fixture's risk
	// in place of the demo's on control 1
	if len(pv.Risks) != len(demo.Risks) {
		t.Fatalf("Expected %d risks to re-assess, got %d", len(demo.Risks), len(pv.Risks))
	}
	i := slices.IndexFunc(pv.Risks, func(r carry.RiskChange) bool { return r.Risk.Id == f.Risk })
	if i < 0 {
		t.Fatalf("Expected the fixture's risk among those to re-assess")
	}
	r := pv.Risks[i]
	if r.Risk.Id != f.Risk || r.Value != 6 || r.Previous != 4 || !r.Changed() || r.Assessed {
		t.Fatalf("Expected the risk with 6 (2024) and 4 (2023), changed, not assessed for 2025; got %+v", r)
	}
}

func TestApplyRefusesWithoutEveryDecision(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	before := countAll(t, app)
	d := decisions(f)
	delete(d, f.Actions["HR8"])
	d[f.Actions["8"]] = carry.Decision{Kind: carry.DecideClose, Reason: " \u200b\u00a0"} // shows nothing
	d[f.Actions["11"]] = carry.Decision{Kind: carry.DecideTransfer, Board: f.KS}
	_, err := carry.Apply(app, coordinator(f), f.Plan, d)
	r := carry.AsRefusal(err)
	if r == nil {
		t.Fatalf("Expected a refusal, got %v", err)
	}
	for field, want := range map[string][2]string{
		"decision-" + f.Actions["HR8"]: {"fortsätta", "continues"},
		"reason-" + f.Actions["8"]:     {"avslutas", "Say why the action is closed"},
		"board-" + f.Actions["11"]:     {"sin egen nämnd", "its own board"},
	} {
		for i, lang := range []string{i18n.Sv, i18n.En} {
			if got, _ := r.FieldText(lang, field); !strings.Contains(got, want[i]) {
				t.Errorf("Expected %s to say %q in %s, got %q", field, want[i], lang, got)
			}
		}
	}
	if !strings.Contains(r.Text(i18n.Sv), "3 av 6") {
		t.Errorf("Expected the message to count 3 of 6 actions, got %q", r.Text(i18n.Sv))
	}
	if got := r.Text(i18n.En); !strings.Contains(got, "3 of 6") || strings.ContainsAny(got, "åäöÅÄÖ") {
		t.Errorf("Expected the English message to count 3 of 6 actions, got %q", got)
	}
	if after := countAll(t, app); after != before {
		t.Fatalf("Expected nothing written, got %+v before and %+v after", before, after)
	}
}

func TestApplyMakesTheDraft(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	before := countAll(t, app)
	id, err := carry.Apply(app, coordinator(f), f.Plan, decisions(f))
	if err != nil {
		t.Fatalf("Expected the draft to be made, got %v", err)
	}
	plan := testapp.Find(t, app, model.Plans, id)
	if plan.GetString("status") != model.PlanDraft || plan.GetInt("year") != 2025 || plan.GetString("board") != f.KS ||
		plan.GetString("title") != "Kommunstyrelsens internkontrollplan 2025" {
		t.Fatalf("Expected KS's 2025 draft, got %v", plan.FieldsData())
	}
	copies, err := app.FindRecordsByFilter(model.Controls, "plan = {:p}", "position", 0, 0, dbx.Params{"p": id})
	if err != nil || len(copies) != 20 {
		t.Fatalf("Expected 20 controls, got %d (%v)", len(copies), err)
	}
	bySource := map[string]*core.Record{}
	for key, cid := range f.Controls {
		src := testapp.Find(t, app, model.Controls, cid)
		for _, c := range copies {
			if c.GetString("section") == src.GetString("section") && c.GetInt("number") == src.GetInt("number") {
				bySource[key] = c
			}
		}
		c := bySource[key]
		if c == nil {
			t.Fatalf("Expected a copy of control %s", key)
		}
		for _, field := range []string{"title", "owner", "unit", "method", "frequency", "report_to", "legal_refs", "confidential", "target_metric", "target_operator", "target_value", "target_unit", "position"} {
			if c.GetString(field) != src.GetString(field) {
				t.Errorf("Expected control %s's %s kept as %q, got %q", key, field, src.GetString(field), c.GetString(field))
			}
		}
		if due := c.GetDateTime("due").Time().Format("2006-01-02"); due != "2025-12-31" {
			t.Errorf("Expected control %s due 2025-12-31, got %s", key, due)
		}
	}

	fixture := testapp.New(t) // the actions as they were
	for _, key := range []string{"2", "10", "12", "HR8"} {
		old := testapp.Find(t, app, model.Actions, f.Actions[key])
		next, err := app.FindFirstRecordByFilter(model.Actions, "carried_from = {:a}", dbx.Params{"a": old.Id})
		if err != nil {
			t.Fatalf("Expected action %s continued, got %v", key, err)
		}
		if next.GetString("plan") != id || next.GetString("control") != bySource[key].Id || next.GetString("deviation") != "" {
			t.Errorf("Expected action %s continued under the copy of its control, got %v", key, next.FieldsData())
		}
		before := testapp.Find(t, fixture, model.Actions, f.Actions[key])
		for _, field := range []string{"description", "owner", "deadline", "deadline_precision", "status"} {
			if next.GetString(field) != before.GetString(field) {
				t.Errorf("Expected action %s's %s kept as %q, got %q", key, field, before.GetString(field), next.GetString(field))
			}
		}
		// one open item per real action: the old one closes, linked both ways
		if old.GetString("status") != "continued" || old.GetString("carried_to") != next.Id || old.GetString("transferred_to") != "" {
			t.Errorf("Expected the old action %s continued in %s, got %v", key, next.Id, old.FieldsData())
		}
		for _, field := range []string{"description", "owner", "deadline", "deadline_precision", "done_note", "cancel_reason"} {
			if old.GetString(field) != before.GetString(field) {
				t.Errorf("Expected the old action %s's %s kept as %q, got %q", key, field, before.GetString(field), old.GetString(field))
			}
		}
	}
	if a := testapp.Find(t, app, model.Actions, f.Actions["2"]); testapp.Find(t, app, model.Actions, mustCarried(t, app, a.Id)).GetString("deadline")[:10] != "2025-06-30" {
		t.Errorf("Expected the Excel action's deadline kept at 2025-06-30 (kvartal 2 2025)")
	}
	closed := testapp.Find(t, app, model.Actions, f.Actions["8"])
	if closed.GetString("status") != model.ActionCancelled || closed.GetString("cancel_reason") != "Rutinen ersätts av den nya mätrutinen." {
		t.Errorf("Expected action 8 cancelled with the reason, got %v", closed.FieldsData())
	}
	moved := testapp.Find(t, app, model.Actions, f.Actions["11"])
	if moved.GetString("transferred_to") != f.IAN || moved.GetString("status") != model.ActionPlanned {
		t.Errorf("Expected action 11 transferred to IAN and still planned, got %v", moved.FieldsData())
	}
	for _, key := range []string{"8", "11"} {
		if n := testapp.Count(t, app, model.Actions, dbx.HashExp{"carried_from": f.Actions[key]}); n != 0 {
			t.Errorf("Expected action %s not continued, got %d", key, n)
		}
	}

	after := countAll(t, app)
	if !bySource["12"].GetBool("confidential") {
		t.Errorf("Expected the copy of control 12, with its continued action, confidential")
	}
	if after.plans != before.plans+1 || after.controls != before.controls+20 || after.actions != before.actions+4 {
		t.Fatalf("Expected one plan, 20 controls and 4 actions more, got %+v → %+v", before, after)
	}
	// 1 plan + 20 controls + 4 new actions + 2 changed actions + 4
	// continued ones, each one history row naming the coordinator
	label := coordinator(f).Label()
	if n := testapp.Count(t, app, model.AuditLog, dbx.HashExp{"actor": label}); n != 31 || after.audit != before.audit+31 {
		t.Fatalf("Expected 31 history rows naming %s, got %d (audit %d → %d)", label, n, before.audit, after.audit)
	}
	row, err := app.FindFirstRecordByFilter(model.AuditLog, "collection = 'plans' && record = {:r} && op = 'create'", dbx.Params{"r": id})
	if err != nil || row.GetString("actor_name") != "Sara Samordnare" {
		t.Fatalf("Expected the plan's creation in the history with the coordinator's name, got %v %v", row, err)
	}

	// a second carry into 2025 is refused with the hooks' message, and writes nothing
	again := countAll(t, app)
	_, err = carry.Apply(app, coordinator(f), f.Plan, decisions(f))
	r := carry.AsRefusal(err)
	if r == nil || r.Text(i18n.Sv) != "Nämnden har redan en internkontrollplan för 2025." {
		t.Fatalf("Expected the duplicate plan refused with the hooks' message, got %v", err)
	}
	if en := r.Text(i18n.En); en != "The board already has an internal control plan for 2025." {
		t.Errorf("Expected the hooks' message in English, got %q", en)
	}
	if now := countAll(t, app); now != again {
		t.Fatalf("Expected nothing written by the refused carry, got %+v → %+v", again, now)
	}
	pv, err := carry.Preview(app, f.Plan)
	if err != nil || pv.Existing == nil || pv.Existing.Id != id {
		t.Fatalf("Expected the preview to name the existing 2025 plan, got %v %v", pv.Existing, err)
	}
}

func mustCarried(t *testing.T, app core.App, from string) string {
	t.Helper()
	r, err := app.FindFirstRecordByFilter(model.Actions, "carried_from = {:a}", dbx.Params{"a": from})
	if err != nil {
		t.Fatalf("Expected an action carried from %s, got %v", from, err)
	}
	return r.Id
}

func TestApplyKeepsOnlyOwnersOfTheBoard(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	// the HR owner leaves Kommunstyrelsen (she stays in IAN)
	if err := testapp.Update(app, model.Users, f.Users["hr"], map[string]any{"boards": []string{f.IAN}}); err != nil {
		t.Fatal(err)
	}
	pv, err := carry.Preview(app, f.Plan)
	if err != nil {
		t.Fatal(err)
	}
	if len(pv.NoOwner) != 8 {
		t.Fatalf("Expected the 8 HR controls without an owner in the board, got %d", len(pv.NoOwner))
	}
	id, err := carry.Apply(app, coordinator(f), f.Plan, decisions(f))
	if err != nil {
		t.Fatalf("Expected the draft made without the departed owner, got %v", err)
	}
	n := testapp.Count(t, app, model.Controls, dbx.NewExp("plan = {:p} AND owner = ''", dbx.Params{"p": id}))
	if n != 8 {
		t.Fatalf("Expected 8 copies without an owner, got %d", n)
	}
	next := testapp.Find(t, app, model.Actions, mustCarried(t, app, f.Actions["HR8"]))
	if next.GetString("owner") != "" {
		t.Fatalf("Expected the continued HR action without an owner, got %q", next.GetString("owner"))
	}
}

func TestPreviewRefusesADraft(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	draft, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2025})
	if err != nil {
		t.Fatal(err)
	}
	_, err = carry.Preview(app, draft.Id)
	if r := carry.AsRefusal(err); r == nil || !strings.Contains(r.Text(i18n.Sv), "utkast") {
		t.Fatalf("Expected a draft refused, got %v", err)
	}
	if _, err := carry.Apply(app, coordinator(f), draft.Id, nil); carry.AsRefusal(err) == nil {
		t.Fatalf("Expected Apply on a draft refused, got %v", err)
	}
}
