package browsertest

import (
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/pocketbase/dbx"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// signIn signs in through the real /login form: it types the account's
// email and password and submits, and lands on Start.
func (b *ui) signIn(who string) {
	b.t.Helper()
	email := testapp.Find(b.t, b.app, model.Users, b.f.Users[who]).Email()
	if status := b.open("/login"); status != http.StatusOK {
		b.fatalf("GET /login: expected 200, got %d", status)
	}
	b.page("login")
	b.typeInto(selEmail, email)
	b.typeInto(selPassword, testapp.Password)
	if status := b.submit(selLoginSubmit); status != http.StatusOK {
		b.fatalf("signing in as %s: expected Start (200), got %d at %s", who, status, b.location())
	}
	b.waitPath("/")
	b.page("start-" + who)
}

// signOut signs out with the header's button and lands on /login.
func (b *ui) signOut() {
	b.t.Helper()
	if status := b.submit(selLogout); status != http.StatusOK {
		b.fatalf("signing out: expected the sign-in page (200), got %d", status)
	}
	b.waitPath("/login")
	b.page("signed-out")
	// the session is gone: Start sends the browser back to /login
	b.open("/")
	b.waitPath("/login")
}

// The coordinator creates a draft plan for Individ- och
// arbetsmarknadsnämnden 2025 with the form, sees it, tries to adopt it
// without controls and sees the server's refusal beside the status, adds a
// control with an owner, adopts the plan, and signs out.
func TestCoordinatorCreatesAndAdoptsADraft(t *testing.T) {
	t.Parallel()
	b := serve(t, "coordinator")
	b.launch()
	b.signIn("samordnare")
	b.expectText(selH1, i18n.T(i18n.Sv, "start.hello", "Sara Samordnare"))

	b.click(selNavPlans)
	b.waitPath("/plans")
	b.page("plans")
	b.expectText(selH1, i18n.T(i18n.Sv, "plans.title"))
	b.expectText(selNavPlans, i18n.T(i18n.Sv, "nav.plans"))
	if got := eval[string](b, `document.querySelector(`+js(selNavPlans)+`).getAttribute('aria-current') || ''`); got != "page" {
		t.Errorf("expected the Plans link marked aria-current=page, got %q", got)
	}

	b.choose(selNewPlanBoard, "Individ- och arbetsmarknadsnämnden")
	b.typeInto(selNewPlanYear, "2025")
	b.click(selNewPlanSubmit)
	b.waitFor("the new plan's page", `/^\/plans\/[a-z0-9]+$/.test(location.pathname)`)
	plans, err := b.app.FindRecordsByFilter(model.Plans, "board = {:b} && year = 2025", "", 0, 0, dbx.Params{"b": b.f.IAN})
	if err != nil || len(plans) != 1 {
		t.Fatalf("expected one 2025 plan of IAN stored, got %d (%v)", len(plans), err)
	}
	plan := plans[0]
	if s := plan.GetString("status"); s != model.PlanDraft {
		t.Fatalf("expected the new plan to be a draft, got %s", s)
	}
	b.waitPath("/plans/" + plan.Id)
	b.page("plan-ian-2025")
	// the change says what it did, in the notification banner (issue 19.2)
	b.expectText(selBanner, i18n.M("flash.plan_created_board", "board", "Individ- och arbetsmarknadsnämnden", "board_text", "individ- och arbetsmarknadsnämnden", "year", 2025).In(i18n.Sv))
	b.expectText(selH1, "Individ- och arbetsmarknadsnämnden 2025")
	b.expectText(selH1, i18n.T(i18n.Sv, "plan.status.draft"))
	b.expectText(selMain, i18n.T(i18n.Sv, "plan.no_controls"))

	// The draft has no controls: its task list says so and links to where
	// they are added, and it offers no adoption until the controls are
	// complete (the server refuses it anyway: hooks.TestReadinessIsTheGate).
	b.expectText(selTaskList, i18n.T(i18n.Sv, "task.controls"))
	b.expectText(selTaskList, "Planen har inga kontrollpunkter")
	if eval[bool](b, exists(selAdoptForm)) {
		t.Errorf("expected no adoption form on an empty draft")
	}

	// Add a control with an owner, a method and a due date on the plan
	// page, then adopt the plan.
	b.typeInto(selNewControlTitle, "Försörjningsstöd – behörighetskontroll")
	b.choose(selNewControlOwner, "Hanna HR-chef")
	b.choose(selNewControlMethod, "stickprov")
	b.choose(selNewControlDue, "2025-11-30")
	b.click(selNewControlSubmit)
	b.waitFor("the new control in the plan", exists(selControlRows))
	b.page("plan-ian-2025-with-control")
	b.expectText(selMain, "Försörjningsstöd – behörighetskontroll")
	b.expectText(selBanner, "Försörjningsstöd – behörighetskontroll")
	b.do("reload the plan page", chromedp.Reload()) // the task list is the page's, not the form's fragment
	b.waitFor("the adoption form", exists(selAdoptForm))
	if eval[bool](b, exists(selBanner)) {
		t.Errorf("expected the confirmation shown once, not again on a reload")
	}
	b.expectText(selTaskList, i18n.T(i18n.Sv, "task.todo"))

	// A decision dated in the future is refused by the server: the page
	// says why, keeps what was typed and starts its title with "Fel:".
	b.choose(selAdoptedOn, "2025-04-10")
	b.typeInto(selAdoptedRef, "§ 12, dnr IAN 2025/7")
	b.click(selAdoptSubmit)
	b.waitFor("the refusal in the summary", exists(selSummary))
	b.page("plan-ian-2025-adopt-refused")
	b.expectText(selSummary, "senare än i dag")
	if title := eval[string](b, `document.title`); !strings.HasPrefix(title, "Fel: ") {
		t.Errorf("expected the title to start with \"Fel: \", got %q", title)
	}
	if got := eval[string](b, `document.querySelector(`+js(selAdoptedRef)+`).value`); got != "§ 12, dnr IAN 2025/7" {
		t.Errorf("expected the decision kept in its field, got %q", got)
	}
	if where := b.location(); where != "/plans/"+plan.Id {
		t.Errorf("expected the address bar to stay on the plan after a refused form, got %s", where)
	}
	if s := testapp.Find(t, b.app, model.Plans, plan.Id).GetString("status"); s != model.PlanDraft {
		t.Errorf("expected the plan still a draft, got %s", s)
	}

	b.choose(selAdoptedOn, "2025-03-10")
	b.typeInto(selAdoptedRef, "§ 12, dnr IAN 2025/7")
	b.click(selAdoptSubmit)
	b.waitFor("the plan adopted", `document.querySelector('main h1').textContent.includes(`+js(i18n.T(i18n.Sv, "plan.status.adopted"))+`)`)
	b.page("plan-ian-2025-adopted")
	b.expectText(selBanner, i18n.T(i18n.Sv, "flash.plan_adopted"))
	stored := testapp.Find(t, b.app, model.Plans, plan.Id)
	if stored.GetString("status") != model.PlanAdopted || stored.GetString("adopted_ref") != "§ 12, dnr IAN 2025/7" {
		t.Fatalf("expected the plan adopted with its decision, got %s %q", stored.GetString("status"), stored.GetString("adopted_ref"))
	}

	b.signOut()
}

// The reader signs in (after a wrong password), sees Kommunstyrelsen's plan
// without any status form, and posts a status change the UI does not offer
// with fetch from the page: the server refuses it with 403 and nothing
// changes.
func TestReaderCannotWriteWhatTheUIDoesNotOffer(t *testing.T) {
	t.Parallel()
	b := serve(t, "reader")
	b.launch()

	// A guest is sent to sign in; a wrong password is refused on the form.
	b.open("/plans")
	b.waitPath("/login")
	b.page("guest-sent-to-login")
	b.typeInto(selEmail, "lasare@ikplan.test")
	b.typeInto(selPassword, "not-the-password")
	if status := b.submit(selLoginSubmit); status != http.StatusUnprocessableEntity {
		t.Fatalf("a wrong password: expected 422, got %d", status)
	}
	b.page("login-refused")
	b.expectText(selEmailError, i18n.T(i18n.Sv, "login.failed"))
	b.expectText(selSummary, i18n.T(i18n.Sv, "login.failed"))

	b.signIn("lasare")
	if status := b.open("/plans/" + b.f.Plan); status != http.StatusOK {
		t.Fatalf("the reader's plan page: expected 200, got %d", status)
	}
	b.page("plan-ks-2024")
	if b.has(selStatusForms) {
		t.Errorf("a reader sees a status form on the plan")
	}

	before := testapp.Count(t, b.app, model.AuditLog, nil)
	type answer struct {
		Status int    `json:"status"`
		Body   string `json:"body"`
	}
	res := eval[answer](b, `fetch('/plans/' + `+js(b.f.Plan)+` + '/status', {
		method: 'POST',
		headers: {'Content-Type': 'application/x-www-form-urlencoded'},
		body: 'status=draft',
	}).then(async r => ({status: r.status, body: await r.text()}))`)
	if res.Status != http.StatusForbidden {
		t.Errorf("the reader's POST: expected 403, got %d", res.Status)
	}
	if !strings.Contains(res.Body, i18n.T(i18n.Sv, "error.forbidden")) {
		t.Errorf("expected the Swedish refusal page, got %.300s", res.Body)
	}
	if s := testapp.Find(t, b.app, model.Plans, b.f.Plan).GetString("status"); s != model.PlanAdopted {
		t.Errorf("expected the plan still adopted, got %s", s)
	}
	if after := testapp.Count(t, b.app, model.AuditLog, nil); after != before {
		t.Errorf("expected no change in the history, got %d rows more", after-before)
	}

	b.signOut()
}

// The language switch in the header turns the page English (its lang and
// its texts) and back to Swedish.
func TestLanguageSwitch(t *testing.T) {
	t.Parallel()
	b := serve(t, "language")
	b.launch()
	b.signIn("ansvarig")
	if l := eval[string](b, `document.documentElement.lang`); l != "sv" {
		t.Errorf("expected lang sv by default, got %q", l)
	}
	b.expectText(selLangButton, i18n.T(i18n.Sv, "nav.language"))

	if status := b.submit(selLangButton); status != http.StatusOK {
		t.Fatalf("switching to English: expected 200, got %d", status)
	}
	b.waitPath("/")
	b.page("start-english")
	if l := eval[string](b, `document.documentElement.lang`); l != "en" {
		t.Errorf("expected lang en after the switch, got %q", l)
	}
	b.expectText(selH1, i18n.T(i18n.En, "start.hello", "Anders Ansvarig"))
	b.expectText(selNavPlans, i18n.T(i18n.En, "nav.plans"))
	b.expectText(selLangButton, i18n.T(i18n.En, "nav.language"))

	b.click(selNavPlans)
	b.waitPath("/plans")
	b.page("plans-english")
	b.expectText(selH1, i18n.T(i18n.En, "plans.title"))

	if status := b.submit(selLangButton); status != http.StatusOK {
		t.Fatalf("switching back to Swedish: expected 200, got %d", status)
	}
	b.waitPath("/plans")
	b.page("plans-swedish-again")
	if l := eval[string](b, `document.documentElement.lang`); l != "sv" {
		t.Errorf("expected lang sv after switching back, got %q", l)
	}
	b.expectText(selH1, i18n.T(i18n.Sv, "plans.title"))
}

// With the keyboard only: the skip link is the first tab stop, is visible
// when focused and moves the focus to main; then signing in works with Tab,
// typing and Enter.
func TestKeyboardSkipLinkAndSignIn(t *testing.T) {
	t.Parallel()
	b := serve(t, "keyboard")
	b.launch()
	b.open("/login")
	b.page("login")

	b.do("press Tab", chromedp.KeyEvent(kb.Tab))
	if !eval[bool](b, `document.activeElement && document.activeElement.matches(`+js(selSkipLink)+`)`) {
		t.Fatalf("expected the skip link as the first tab stop, got %s", eval[string](b, `document.activeElement ? document.activeElement.outerHTML.slice(0, 120) : 'nothing'`))
	}
	if !eval[bool](b, `(() => { const r = document.activeElement.getBoundingClientRect(); return r.width > 1 && r.height > 1 && r.left >= 0 && r.top >= 0; })()`) {
		t.Errorf("expected the focused skip link to be visible on the screen")
	}
	b.expectText(selSkipLink, i18n.T(i18n.Sv, "nav.skip"))
	b.step++
	b.screenshot("02-skip-link-focused")

	b.do("press Enter", chromedp.KeyEvent(kb.Enter))
	b.waitFor("the focus on main", `document.activeElement === document.querySelector(`+js(selMain)+`)`)

	// Tab from main to the email field, then sign in without the mouse.
	for i := 0; i < 10 && !eval[bool](b, `document.activeElement.matches(`+js(selEmail)+`)`); i++ {
		b.do("press Tab", chromedp.KeyEvent(kb.Tab))
	}
	if !eval[bool](b, `document.activeElement.matches(`+js(selEmail)+`)`) {
		t.Fatalf("the email field cannot be reached with Tab from main")
	}
	b.do("type the email", chromedp.KeyEvent("ansvarig@ikplan.test"))
	b.do("press Tab", chromedp.KeyEvent(kb.Tab))
	if !eval[bool](b, `document.activeElement.matches(`+js(selPassword)+`)`) {
		t.Fatalf("expected Tab to move from the email to the password")
	}
	b.do("type the password", chromedp.KeyEvent(testapp.Password))
	ctx, cancel := b.tctx()
	defer cancel()
	res, err := chromedp.RunResponse(ctx, chromedp.KeyEvent(kb.Enter))
	if err != nil || res.Status != http.StatusOK {
		t.Fatalf("signing in with Enter: %v %v", err, res)
	}
	b.waitPath("/")
	b.page("start-by-keyboard")
	b.expectText(selH1, i18n.T(i18n.Sv, "start.hello", "Anders Ansvarig"))

	// On a signed-in page too, the skip link comes first.
	b.do("press Tab", chromedp.KeyEvent(kb.Tab))
	if !eval[bool](b, `document.activeElement.matches(`+js(selSkipLink)+`)`) {
		t.Errorf("on Start, expected the skip link as the first tab stop")
	}
}
