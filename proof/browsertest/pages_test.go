package browsertest

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// The flows in this file drive the control, actions, risks, history and
// search pages; their selectors are in selectors_test.go.

// stored is the record of collection that matches filter, or fails the
// test naming what was expected.
func (b *ui) stored(what, collection, filter string, params dbx.Params) *core.Record {
	b.t.Helper()
	r, err := b.app.FindFirstRecordByFilter(collection, filter, params)
	if err != nil {
		b.fatalf("expected %s stored: %v", what, err)
	}
	return r
}

// The control owner reports the response-time control with a value above
// its target: "Ingen avvikelse" is refused beside the outcome; with
// "Avvikelse", a deviation and then an action with an owner and a deadline
// are added, and the action shows on Start.
func TestOwnerReportsADeviationAndAnAction(t *testing.T) {
	t.Parallel()
	b := serve(t, "owner")
	control := b.f.Controls["5"]

	// The demo has control 5's 2024 result already (8,1 minutes); remove it,
	// so the owner reports the year afresh.
	if err := model.RunAs(b.app, model.System, func(tx core.App) error {
		return testapp.Delete(tx, model.Results, b.f.Results["5"])
	}); err != nil {
		t.Fatalf("failed to remove the demo result of control 5: %v", err)
	}

	b.launch()
	b.signIn("raddning")
	if status := b.open("/controls/" + control); status != http.StatusOK {
		t.Fatalf("control 5: expected 200, got %d", status)
	}
	b.page("control-5")
	b.expectText(selH1, "Medel responstid")

	// 12 minutes misses the target (< 10): "Ingen avvikelse" is refused.
	b.fill(selResultPeriod, "2024")
	b.typeInto(selResultAccount, "Medel responstid 2024 var 12 minuter, över målet.")
	b.typeInto(selResultMeasured, "12")
	b.choose(selResultOutcome, i18n.T(i18n.Sv, "outcome.no_deviation"))
	b.click(selResultSubmit)
	b.waitFor("the refusal beside the outcome", exists(selOutcomeMessage))
	b.page("control-5-no-deviation-refused")
	b.expectText(selOutcomeMessage, "inte uppnått")
	if n := testapp.Count(t, b.app, model.Results, dbx.HashExp{"control": control}); n != 0 {
		t.Fatalf("expected no result stored after the refusal, got %d", n)
	}

	// With "Avvikelse" and the deviation described, the result is stored.
	b.choose(selResultOutcome, i18n.T(i18n.Sv, "outcome.deviation"))
	deviationText := "Responstiden översteg målet med två minuter."
	inOneStep := b.has(selResultDeviation)
	if inOneStep {
		b.typeInto(selResultDeviation, deviationText)
		if b.has(selResultSignificant) {
			b.choose(selResultSignificant, "on")
		}
	}
	b.click(selResultSubmit)
	b.waitFor("the result saved", `!document.querySelector(`+js(selOutcomeMessage)+`)`)
	result := b.stored("the result of control 5", model.Results, "control = {:c} && period = '2024'", dbx.Params{"c": control})
	if result.GetString("outcome") != model.OutcomeDeviation || result.GetBool("target_met") {
		t.Errorf("expected a deviation with the target missed, got %s met=%v", result.GetString("outcome"), result.GetBool("target_met"))
	}
	b.page("control-5-result-saved")
	if !inOneStep {
		b.typeInto(selDeviationDescription, deviationText)
		b.choose(selDeviationSignificant, "on")
		b.click(selDeviationSubmit)
		b.waitFor("the deviation saved", exists(selActionForm))
		b.page("control-5-deviation-saved")
	}
	deviation := b.stored("the deviation", model.Deviations, "result = {:r}", dbx.Params{"r": result.Id})
	if deviation.GetString("description") != deviationText || !deviation.GetBool("significant") {
		t.Errorf("expected the significant deviation stored, got %q significant=%v", deviation.GetString("description"), deviation.GetBool("significant"))
	}

	// An action with an owner and a deadline (quarter 2 2025).
	actionText := "Se över utlarmningen med SOS Alarm."
	b.typeInto(selActionDescription, actionText)
	b.choose(selActionOwner, "Rasmus Räddningschef")
	if b.has(selActionPrecision) {
		b.choose(selActionPrecision, "quarter")
	}
	b.choose(selActionDeadline, "2025-06-30")
	b.click(selActionSubmit)
	b.waitFor("the action on the page", `document.querySelector('main').textContent.includes(`+js(actionText)+`)`)
	b.page("control-5-action-saved")
	action := b.stored("the action", model.Actions, "description = {:d}", dbx.Params{"d": actionText})
	if action.GetString("owner") != b.f.Users["raddning"] || action.GetString("deadline") == "" {
		t.Errorf("expected the action owned by raddning with a deadline, got owner %s deadline %q", action.GetString("owner"), action.GetString("deadline"))
	}

	b.click(selNavStart)
	b.waitPath("/")
	b.page("start-with-the-action")
	b.expectText(selStartActions, actionText)
	b.expectText(selStartSignificant, deviationText)
}

// An owner's actions page shows their action from the demo.
func TestActionsPage(t *testing.T) {
	t.Parallel()
	b := serve(t, "actions")
	b.launch()
	b.signIn("ansvarig")
	b.click(selNavActions)
	b.waitPath("/actions")
	b.page("actions")
	want := testapp.Find(t, b.app, model.Actions, b.f.Actions["2"]).GetString("description")
	b.expectText(selMain, firstWords(want, 6))
}

// The coordinator's risk register shows the risk and the matrix.
func TestRisksPage(t *testing.T) {
	t.Parallel()
	b := serve(t, "risks")
	b.launch()
	b.signIn("samordnare")
	b.click(selNavRisks)
	b.waitPath("/risks")
	b.page("risks")
	b.expectText(selMain, "Felaktig kontering av representation")
	b.mustHave(selRiskMatrix)
}

// The auditor reads the plan's change history.
func TestHistoryPage(t *testing.T) {
	t.Parallel()
	b := serve(t, "history")
	path := "/history/plans/" + b.f.Plan
	b.launch()
	b.signIn("revisor")
	if status := b.open(path); status != http.StatusOK {
		t.Fatalf("GET %s: expected 200, got %d", path, status)
	}
	b.page("history-plan-ks-2024")
	b.mustHave(selHistoryTable)
}

// The reader searches: the response-time control is found, the
// confidential control is not.
func TestSearchPage(t *testing.T) {
	t.Parallel()
	b := serve(t, "search")
	b.launch()
	b.signIn("lasare")
	b.click(selNavSearch)
	b.waitPath("/search")
	b.page("search")

	b.typeInto(selSearchQuery, "responstid")
	b.click(selSearchSubmit)
	b.waitFor("the results", `location.search.includes('q=responstid') && document.querySelector('main').textContent.includes('Medel responstid')`)
	b.page("search-responstid")

	b.typeInto(selSearchQuery, "Cyberangrepp")
	b.click(selSearchSubmit)
	b.waitFor("the results", `location.search.includes('q=Cyberangrepp')`)
	b.page("search-confidential")
	if strings.Contains(b.text(selMain), "Cyberangrepp – risk") {
		t.Errorf("the reader finds the confidential control")
	}
}

// fill sets a field that may be typed into or chosen from (the period may
// be a text field or a select).
func (b *ui) fill(sel, value string) {
	b.t.Helper()
	b.mustHave(sel)
	if eval[bool](b, `(() => { const e = document.querySelector(`+js(sel)+`); return e.tagName === 'TEXTAREA' || (e.tagName === 'INPUT' && ['text', 'search', 'number', ''].includes(e.type)); })()`) {
		b.typeInto(sel, value)
		return
	}
	b.choose(sel, value)
}

// firstWords is the start of a text, enough to find it on a page that
// shortens long texts.
func firstWords(s string, n int) string {
	w := strings.Fields(s)
	if len(w) > n {
		w = w[:n]
	}
	return strings.Join(w, " ")
}
