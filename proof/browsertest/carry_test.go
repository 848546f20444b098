package browsertest

import (
	"net/http"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// The selectors of next year's plan and the transfer to a successor.
const (
	selNextSubmit     = `#next-form button[type=submit]`
	selErrorSummary   = `.error-summary`
	selTransferSubmit = `#transfer-form button[type=submit]`
)

func selDecision(action string) string { return `input[name="decision-` + action + `"]` }
func selReason(action string) string   { return `#reason-` + action }
func selBoard(action string) string    { return `#board-` + action }

// The coordinator opens next year's plan from the adopted 2024 plan, sends
// the form with one decision and sees the others asked for beside each
// action, decides them all (continue, close with a reason, transfer to
// IAN) and lands on the 2025 draft.
func TestCoordinatorMakesNextYearsPlan(t *testing.T) {
	t.Parallel()
	b := serve(t, "next-year")
	plan, a := b.f.Plan, b.f.Actions
	b.launch()
	b.signIn("samordnare")
	if status := b.open("/plans/" + plan); status != http.StatusOK {
		t.Fatalf("plan: expected 200, got %d", status)
	}
	b.click(`a[href="/plans/` + plan + `/next"]`)
	b.waitPath("/plans/" + plan + "/next")
	b.page("next-year-preview")
	b.expectText(selH1, "Ny plan för 2025")

	b.choose(selDecision(a["2"]), "continue")
	b.click(selNextSubmit)
	b.waitFor("the refusal", exists(selErrorSummary))
	b.page("next-year-refused")
	b.expectText(selErrorSummary, "5 av 6") // the confidential control 12's action among them
	if n := testapp.Count(t, b.app, model.Plans, nil); n != 1 {
		t.Fatalf("expected no new plan after the refusal, got %d plans", n)
	}

	for _, key := range []string{"10", "12", "HR8"} {
		b.choose(selDecision(a[key]), "continue")
	}
	b.choose(selDecision(a["8"]), "close")
	b.typeInto(selReason(a["8"]), "Ersätts av den nya mätrutinen.")
	b.choose(selDecision(a["11"]), "transfer")
	b.choose(selBoard(a["11"]), "Individ- och arbetsmarknadsnämnden")
	b.click(selNextSubmit)
	draft := func() *core.Record {
		r, _ := b.app.FindFirstRecordByFilter(model.Plans, "board = {:b} && year = 2025", dbx.Params{"b": b.f.KS})
		return r
	}
	b.waitFor("the new draft", `location.pathname !== `+js("/plans/"+plan+"/next"))
	d := draft()
	if d == nil {
		t.Fatalf("expected KS's 2025 draft stored, at %s", b.location())
	}
	b.waitPath("/plans/" + d.Id)
	b.page("next-year-draft")
	if got := testapp.Find(t, b.app, model.Actions, a["8"]).GetString("cancel_reason"); got != "Ersätts av den nya mätrutinen." {
		t.Fatalf("expected action 8 closed with the reason, got %q", got)
	}
}

// The coordinator transfers Kommunstyrelsen's open items to its successor
// IAN, which has a 2025 draft to receive them.
func TestCoordinatorTransfersToTheSuccessor(t *testing.T) {
	t.Parallel()
	b := serve(t, "transfer")
	err := model.RunAs(b.app, model.System, func(tx core.App) error {
		if err := testapp.Update(tx, model.Boards, b.f.KS, map[string]any{"successor": b.f.IAN}); err != nil {
			return err
		}
		_, err := testapp.Create(tx, model.Plans, map[string]any{"board": b.f.IAN, "year": 2025})
		return err
	})
	if err != nil {
		t.Fatalf("failed to set up the successor: %v", err)
	}
	page := "/boards/" + b.f.KS + "/transfer"
	b.launch()
	b.signIn("samordnare")
	b.open("/plans/" + b.f.Plan)
	b.click(`a[href="` + page + `"]`)
	b.waitPath(page)
	b.page("transfer-preview")
	b.click(selTransferSubmit)
	b.waitFor("the transfer done", exists(selBanner))
	b.page("transfer-done")
	b.expectText(selBanner, i18n.M("flash.transferred", "successor", "Individ- och arbetsmarknadsnämnden", "successor_text", "individ- och arbetsmarknadsnämnden").In(i18n.Sv))
	if got := testapp.Find(t, b.app, model.Actions, b.f.Actions["2"]).GetString("transferred_to"); got != b.f.IAN {
		t.Fatalf("expected action 2 transferred to IAN, got %q", got)
	}
}
