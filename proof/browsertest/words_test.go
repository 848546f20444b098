package browsertest

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// The report form's conditional parts and the action form's deadline in
// words (issue 14, points 5 and 11); kept here, beside their only flow.
const (
	selReasonField     = selResultForm + ` [name="not_performed_reason"]`
	selFirstDeviation  = selResultForm + ` [data-reveal="outcome=deviation"]`
	selReasonReveal    = selResultForm + ` [data-reveal="outcome=not_performed"]`
	selDeadlinePreview = selActionForm + ` .deadline-read`
)

// shown reports whether sel is on screen: not hidden, nor inside anything
// hidden, and its fields enabled.
func (b *ui) shown(sel string) bool {
	b.t.Helper()
	return eval[bool](b, `(() => { const e = document.querySelector(`+js(sel)+`);
		return !!e && e.getClientRects().length > 0 && !e.closest('[hidden]') &&
			[...e.querySelectorAll('input, textarea, select')].concat(e.matches('input, textarea, select') ? [e] : []).every(f => !f.disabled); })()`)
}

// The report form shows the reason only for "Ej genomförd" and the first
// deviation only for "Avvikelse", as the owner answers; a reason typed and
// then hidden is neither required nor sent.
func TestReportFormRevealsAsYouAnswer(t *testing.T) {
	t.Parallel()
	b := serve(t, "reveal")
	control := b.f.Controls["3"]
	if err := model.RunAs(b.app, model.System, func(tx core.App) error {
		return testapp.Delete(tx, model.Results, b.f.Results["3"])
	}); err != nil {
		t.Fatalf("failed to remove the demo result of control 3: %v", err)
	}
	b.launch()
	b.signIn("raddning")
	if status := b.open("/controls/" + control); status != http.StatusOK {
		b.fatalf("control 3: expected 200, got %d", status)
	}
	b.mustHave(selResultOutcome)
	b.mustHave(selReasonField)
	b.mustHave(selResultDeviation)
	b.page("report-form-unanswered")
	check := func(when string, reason, deviation bool) {
		t.Helper()
		if got := b.shown(selReasonField); got != reason {
			t.Errorf("%s: expected the reason shown %v, got %v", when, reason, got)
		}
		if got := b.shown(selFirstDeviation); got != deviation {
			t.Errorf("%s: expected the first deviation shown %v, got %v", when, deviation, got)
		}
		if got := b.shown(selResultAccount); !got {
			t.Errorf("%s: expected the account always shown", when)
		}
	}
	check("no outcome chosen", false, false)

	b.choose(selResultOutcome, i18n.T(i18n.Sv, "outcome.not_performed"))
	check("Ej genomförd", true, false)
	b.typeInto(selReasonField, "Tillsynerna flyttades till 2025.")
	b.page("report-form-not-performed")

	b.choose(selResultOutcome, i18n.T(i18n.Sv, "outcome.deviation"))
	check("Avvikelse", false, true)
	b.page("report-form-deviation")

	b.choose(selResultOutcome, i18n.T(i18n.Sv, "outcome.no_deviation"))
	check("Ingen avvikelse", false, false)

	// the reason typed before is hidden now: not sent with "Ingen avvikelse"
	b.fill(selResultPeriod, "2024")
	b.typeInto(selResultAccount, "Alla tillsyner gjordes.")
	b.click(selResultSubmit)
	b.waitFor("the result saved", `document.querySelector('main').textContent.includes('Alla tillsyner gjordes.') && !document.querySelector(`+js(selResultForm+` .field-error`)+`)`)
	r := b.stored("the result of control 3", model.Results, "control = {:c}", dbx.Params{"c": control})
	if r.GetString("outcome") != model.OutcomeNoDeviation || r.GetString("not_performed_reason") != "" {
		t.Errorf("expected a result without deviation and without the hidden reason, got %s %q", r.GetString("outcome"), r.GetString("not_performed_reason"))
	}
}

// The IT manager adds an action to the IT control's deviation, writing its
// deadline as "kvartal 3 2025": the form says how it is understood before
// saving, warns about a day that has passed, and the action is stored as
// 2025-09-30 with the precision quarter.
func TestActionDeadlineInWords(t *testing.T) {
	t.Parallel()
	b := serve(t, "deadline-words")
	b.launch()
	b.signIn("it")
	if status := b.open("/controls/" + b.f.Controls["11"]); status != http.StatusOK {
		b.fatalf("control 11: expected 200, got %d", status)
	}
	b.mustHave(selActionDeadline)
	b.typeInto(selActionDescription, "Upphandla ett nytt DDoS-skydd.")
	b.choose(selActionOwner, "Ivar IT-chef")

	b.typeInto(selActionDeadline, "kvartal 4 2024")
	b.waitFor("the warning that it has passed", `document.querySelector(`+js(selDeadlinePreview)+`).textContent.includes('redan har passerat')`)
	b.expectText(selDeadlinePreview, "Tolkas som: kvartal 4 2024 (senast 2024-12-31)")

	b.typeInto(selActionDeadline, "Q3 2025")
	b.waitFor("how it is understood", `document.querySelector(`+js(selDeadlinePreview)+`).textContent.includes('Tolkas som: kvartal 3 2025 (senast 2025-09-30)')`)
	if text := b.text(selDeadlinePreview); strings.Contains(text, "passerat") {
		t.Errorf("expected no warning for a deadline ahead, got %q", text)
	}
	b.page("action-deadline-understood")

	b.click(selActionSubmit)
	b.waitFor("the action on the page", `document.querySelector('main').textContent.includes('Upphandla ett nytt DDoS-skydd.')`)
	b.page("action-deadline-saved")
	b.expectText(`main`, "Slutdatumet tolkades som kvartal 3 2025 (senast 2025-09-30).")
	a := b.stored("the action", model.Actions, "description = {:d}", dbx.Params{"d": "Upphandla ett nytt DDoS-skydd."})
	if d := a.GetDateTime("deadline").Time().Format(time.DateOnly); d != "2025-09-30" || a.GetString("deadline_precision") != model.PrecisionQuarter {
		t.Errorf("expected 2025-09-30 quarter stored, got %s %s", d, a.GetString("deadline_precision"))
	}
}
