package carry_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/carry"
	"ikplan/internal/demo"
	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/internal/report"
	"ikplan/proof/testapp"
)

// reorganise makes IAN the successor of KS and gives KS's 2024 plan a
// control 13 with no result yet (reopened, extended and adopted again);
// control 1 is linked to the risk.
func reorganise(t *testing.T, app core.App, f *testapp.Fixture) (control13 string) {
	t.Helper()
	if err := testapp.Update(app, model.Boards, f.KS, map[string]any{"successor": f.IAN}); err != nil {
		t.Fatal(err)
	}
	// a plan with results cannot go back to draft: the fixture puts it there
	if err := testapp.ForceStatus(app, f.Plan, model.PlanDraft); err != nil {
		t.Fatal(err)
	}
	if err := testapp.Update(app, model.Controls, f.Controls["1"], map[string]any{"risk": f.Risk}); err != nil {
		t.Fatal(err)
	}
	c, err := testapp.Create(app, model.Controls, map[string]any{
		"plan": f.Plan, "number": 13, "title": "Attest av leverantörsfakturor", "frequency": "yearly",
		"owner": f.Users["hr"], "unit": f.Unit, "risk": f.Risk, "due": "2024-06-30",
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := testapp.ForceStatus(app, f.Plan, model.PlanAdopted); err != nil {
		t.Fatal(err)
	}
	return c.Id
}

func TestTransferWithoutSuccessorIsRefused(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	before := countAll(t, app)
	_, err := carry.Transfer(app, coordinator(f), f.KS, testapp.Today)
	if r := carry.AsRefusal(err); r == nil || !strings.Contains(r.Text(i18n.Sv), "ingen efterträdare") {
		t.Fatalf("Expected a board without a successor refused, got %v", err)
	}
	if after := countAll(t, app); after != before {
		t.Fatalf("Expected nothing written, got %+v → %+v", before, after)
	}
}

func TestTransferNeedsADraftToReceive(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	reorganise(t, app, f)
	before := countAll(t, app)
	_, err := carry.Transfer(app, coordinator(f), f.KS, testapp.Today)
	r := carry.AsRefusal(err)
	if r == nil || !strings.Contains(r.Text(i18n.Sv), "Individ- och arbetsmarknadsnämnden har inget utkast till internkontrollplan för 2025") {
		t.Fatalf("Expected the transfer refused for want of a draft, got %v", err)
	}
	if after := countAll(t, app); after != before {
		t.Fatalf("Expected nothing written, got %+v → %+v", before, after)
	}
	if b := testapp.Find(t, app, model.Risks, f.Risk).GetString("board"); b != f.KS {
		t.Fatalf("Expected the risk still in KS, got %s", b)
	}
}

func TestTransferMovesOpenItemsToTheSuccessor(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	c13 := reorganise(t, app, f)
	into, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2025})
	if err != nil {
		t.Fatal(err)
	}
	before := countAll(t, app)
	sum, err := carry.Transfer(app, coordinator(f), f.KS, testapp.Today)
	if err != nil {
		t.Fatalf("Expected the transfer made, got %v", err)
	}
	// the actions of controls 2, 8, 10, 11, 12 (confidential) and HR8, and
	// a copy of each of their controls and of control 13; every risk of KS
	// (the fixture's and the demo's register)
	if len(sum.Risks) != 1+len(demo.Risks) || len(sum.Controls) != 1 || len(sum.Actions) != 6 || len(sum.Copies) != 7 || sum.Into == nil || sum.Into.Id != into.Id {
		t.Fatalf("Expected 13 risks, 1 control, 6 actions and 7 copies into IAN's draft, got %d, %d, %d, %d, %v",
			len(sum.Risks), len(sum.Controls), len(sum.Actions), len(sum.Copies), sum.Into)
	}

	risk := testapp.Find(t, app, model.Risks, f.Risk)
	if risk.GetString("board") != f.IAN || risk.GetString("unit") != "" {
		t.Fatalf("Expected the risk moved to IAN without its KS unit, got %v", risk.FieldsData())
	}
	res, err := app.FindFirstRecordByFilter(model.Results, "control = {:c}", dbx.Params{"c": c13})
	if err != nil || res.GetString("outcome") != model.OutcomeNotPerformed || res.GetString("transferred_to") != f.IAN ||
		res.GetString("period") != "2024" || res.GetString("not_performed_reason") != "Överförd till individ- och arbetsmarknadsnämnden i omorganisationen." {
		t.Fatalf("Expected control 13 not performed and transferred to IAN, got %v %v", res, err)
	}
	for _, key := range unfinished {
		old := testapp.Find(t, app, model.Actions, f.Actions[key])
		if old.GetString("transferred_to") != f.IAN {
			t.Errorf("Expected action %s transferred to IAN, got %q", key, old.GetString("transferred_to"))
		}
		next := testapp.Find(t, app, model.Actions, mustCarried(t, app, old.Id))
		if next.GetString("plan") != into.Id || next.GetString("description") != old.GetString("description") || next.GetString("status") != old.GetString("status") {
			t.Errorf("Expected action %s continued in IAN's draft, got %v", key, next.FieldsData())
		}
		ctl := testapp.Find(t, app, model.Controls, next.GetString("control"))
		src := testapp.Find(t, app, model.Controls, old.GetString("control"))
		if ctl.GetString("plan") != into.Id || ctl.GetString("title") != src.GetString("title") || ctl.GetString("section") != "Kommunstyrelsen" {
			t.Errorf("Expected action %s under the copy of its control in the part Kommunstyrelsen, got %v", key, ctl.FieldsData())
		}
	}
	copies, _ := app.FindRecordsByFilter(model.Controls, "plan = {:p}", "number", 0, 0, dbx.Params{"p": into.Id})
	if len(copies) != 7 {
		t.Fatalf("Expected 7 controls copied into IAN's draft, got %d", len(copies))
	}
	owners := map[string]string{}
	for i, c := range copies {
		if c.GetInt("number") != i+1 || c.GetString("unit") != "" {
			t.Errorf("Expected copies numbered 1–7 without a KS unit, got %d %q", c.GetInt("number"), c.GetString("unit"))
		}
		owners[c.GetString("title")] = c.GetString("owner")
		// the copy of the confidential control 12 stays confidential in the other board
		if want := strings.HasPrefix(c.GetString("title"), testapp.SecretTitle); c.GetBool("confidential") != want {
			t.Errorf("Expected the copy %q confidential %v, got %v", c.GetString("title"), want, c.GetBool("confidential"))
		}
	}
	// the HR owner belongs to IAN and stays; the others do not and are left out
	if owners["Attest av leverantörsfakturor"] != f.Users["hr"] || owners["Beslutsfattande – efterlevnad av delegationsordning"] != "" {
		t.Errorf("Expected IAN members kept as owners and others left out, got %v", owners)
	}
	for _, c := range copies {
		if c.GetString("title") == "Attest av leverantörsfakturor" {
			if c.GetString("risk") != f.Risk || c.GetDateTime("due").Time().Format("2006-01-02") != "2025-06-30" {
				t.Errorf("Expected control 13's copy linked to the moved risk and due a year on, got %v", c.FieldsData())
			}
		}
	}

	// one history row per change, each naming the coordinator:
	// 1 result + 6 actions marked + 13 risks (the fixture's and the demo's
	// 12) + 7 copies + 6 continued actions
	after := countAll(t, app)
	label := coordinator(f).Label()
	rows := 1 + 6 + 1 + len(demo.Risks) + 7 + 6
	if n := testapp.Count(t, app, model.AuditLog, dbx.HashExp{"actor": label}); n != rows || after.audit != before.audit+rows {
		t.Fatalf("Expected %d history rows naming %s, got %d (%d → %d)", rows, label, n, before.audit, after.audit)
	}
	row, err := app.FindFirstRecordByFilter(model.AuditLog, "collection = 'risks' && record = {:r} && op = 'update'", dbx.Params{"r": f.Risk})
	changes, _ := json.Marshal(row.Get("changes"))
	if err != nil || !strings.Contains(string(changes), f.IAN) {
		t.Fatalf("Expected the risk's move in the history, got %v %v", row, err)
	}

	// the giving board's old control keeps its link to the moved risk and can
	// still change what an adopted plan's control may: its owner
	if err := testapp.Update(app, model.Controls, f.Controls["1"], map[string]any{"owner": f.Users["samordnare"]}); err != nil {
		t.Fatalf("Expected the old control still writable after its risk moved, got %v", err)
	}

	// the giving board's follow-up report says where its items went
	doc, err := report.FollowUp(app, f.KS, 2024, false)
	if err != nil {
		t.Fatal(err)
	}
	if text := doc.Text(); !strings.Contains(text, "Överförd till individ- och arbetsmarknadsnämnden") {
		t.Fatalf("Expected the follow-up to say the items were transferred, got:\n%s", text)
	}

	// a second run finds nothing open and writes nothing
	again := countAll(t, app)
	sum, err = carry.Transfer(app, coordinator(f), f.KS, testapp.Today)
	if err != nil || !sum.Empty() {
		t.Fatalf("Expected nothing left to transfer, got %+v %v", sum, err)
	}
	if now := countAll(t, app); now != again {
		t.Fatalf("Expected nothing written by the second run, got %+v → %+v", again, now)
	}
}

// TestCarryFromAReportedPlan: the carry operations still take over what a
// reported plan left unfinished — next year's decisions close or transfer
// its actions, a reorganisation transfers them — though nothing else under
// the plan may change.
func TestCarryFromAReportedPlan(t *testing.T) {
	t.Parallel()
	report := func(t *testing.T, app core.App, f *testapp.Fixture) {
		t.Helper()
		for _, key := range []string{"8", "10"} {
			if err := testapp.Update(app, model.Actions, f.Actions[key], map[string]any{"deadline": "2025-09-30"}); err != nil {
				t.Fatal(err)
			}
		}
		if err := testapp.Update(app, model.Plans, f.Plan, map[string]any{"status": "reported", "reported_on": "2025-03-10"}); err != nil {
			t.Fatal(err)
		}
	}
	t.Run("next year's decisions", func(t *testing.T) {
		t.Parallel()
		app := testapp.New(t)
		f := testapp.Fix(t)
		report(t, app, f)
		if _, err := carry.Apply(app, coordinator(f), f.Plan, decisions(f)); err != nil {
			t.Fatalf("Expected next year's plan made from the reported one, got %v", err)
		}
		if a := testapp.Find(t, app, model.Actions, f.Actions["8"]); a.GetString("status") != model.ActionCancelled {
			t.Errorf("Expected action 8 closed, got %s", a.GetString("status"))
		}
		if a := testapp.Find(t, app, model.Actions, f.Actions["11"]); a.GetString("transferred_to") != f.IAN {
			t.Errorf("Expected action 11 transferred to IAN, got %q", a.GetString("transferred_to"))
		}
	})
	t.Run("a reorganisation", func(t *testing.T) {
		t.Parallel()
		app := testapp.New(t)
		f := testapp.Fix(t)
		report(t, app, f)
		if err := testapp.Update(app, model.Boards, f.KS, map[string]any{"successor": f.IAN}); err != nil {
			t.Fatal(err)
		}
		if _, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2025}); err != nil {
			t.Fatal(err)
		}
		sum, err := carry.Transfer(app, coordinator(f), f.KS, testapp.Today)
		if err != nil || len(sum.Actions) != 6 || len(sum.Controls) != 0 {
			t.Fatalf("Expected the reported plan's 6 open actions transferred and no control, got %v %d %d", err, len(sum.Actions), len(sum.Controls))
		}
		for _, key := range unfinished {
			if a := testapp.Find(t, app, model.Actions, f.Actions[key]); a.GetString("transferred_to") != f.IAN {
				t.Errorf("Expected action %s transferred to IAN, got %q", key, a.GetString("transferred_to"))
			}
		}
	})
}
