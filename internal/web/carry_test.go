package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// nextForm is the next-year form with a decision for each unfinished action
// of the demo plan, leaving out the keys in skip.
func nextForm(f *testapp.Fixture, skip ...string) string {
	v := url.Values{}
	for key, d := range map[string][3]string{
		"2":   {"continue", "", ""},
		"8":   {"close", "Ersätts av den nya mätrutinen.", ""},
		"10":  {"continue", "", ""},
		"11":  {"transfer", "", f.IAN},
		"12":  {"continue", "", ""},
		"HR8": {"continue", "", ""},
	} {
		if contains(skip, key) {
			continue
		}
		id := f.Actions[key]
		v.Set("decision-"+id, d[0])
		v.Set("reason-"+id, d[1])
		v.Set("board-"+id, d[2])
	}
	return v.Encode()
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// planCount asserts the number of plans.
func planCount(t testing.TB, app core.App, want int) {
	t.Helper()
	if n := testapp.Count(t, app, model.Plans, nil); n != want {
		t.Fatalf("Expected %d plans, got %d", want, n)
	}
}

func TestNextYearPages(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	form := with(testapp.Cookie(f, "samordnare"), "Content-Type", "application/x-www-form-urlencoded")
	next := "/plans/" + f.Plan + "/next"
	scenarios := []tests.ApiScenario{
		{
			Name: "guest is sent to sign in", Method: http.MethodGet, URL: next,
			ExpectedStatus: http.StatusSeeOther,
		},
		{
			Name: "the coordinator sees the link on the adopted plan", Method: http.MethodGet, URL: "/plans/" + f.Plan,
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`href="` + next + `"`, "Ny plan för 2025"},
		},
		{
			Name: "a reader gets no link", Method: http.MethodGet, URL: "/plans/" + f.Plan,
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			NotExpectedContent: []string{next, "Ny plan för 2025"},
		},
		{
			Name: "the preview: controls, risks and a decision for each unfinished action", Method: http.MethodGet, URL: next,
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{
				"<title>Ny plan för 2025 – Kommunstyrelsen – ikplan</title>",
				"Kontrollpunkter som kopieras (20)", "Det finns ingen plan för 2023 att jämföra med.",
				"<caption>6 ofärdiga åtgärder i planen för 2024</caption>", "Excelfil har tagits fram", testapp.SecretAction,
				`name="decision-` + f.Actions["2"] + `"`, `name="decision-` + f.Actions["HR8"] + `"`,
				`id="decision-` + f.Actions["11"] + `"`, `<label for="reason-` + f.Actions["8"] + `"`,
				`<option value="` + f.IAN + `"`, "kvartal 2 2025", "Skapa utkastet för 2025",
				"Medel responstid &lt; 10 minuter", "2025-12-31", ">Avsluta</label>", ">Fortsätt i planen för 2025</label>",
			},
			NotExpectedContent: []string{`name="decision-` + f.Actions["1"] + `"`, `<option value="` + f.KS + `"`, "%!"},
		},
		{
			Name: "an htmx request gets the whole page", Method: http.MethodGet, URL: next,
			Headers:        with(testapp.Cookie(f, "samordnare"), "HX-Request", "true", "HX-Target", "main"),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"<html", "Ofärdiga åtgärder"},
		},
		{
			Name: "a boosted request gets the whole page", Method: http.MethodGet, URL: next,
			Headers:        with(testapp.Cookie(f, "samordnare"), "HX-Request", "true", "HX-Boosted", "true"),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"<html", "Ofärdiga åtgärder"},
		},
		{
			Name: "a reader may not make next year's plan", Method: http.MethodGet, URL: next,
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusForbidden,
			ExpectedContent: []string{"Åtkomst nekad"}, NotExpectedContent: []string{"Excelfil"},
		},
		{
			Name: "an owner may not make next year's plan", Method: http.MethodGet, URL: next,
			Headers: testapp.Cookie(f, "ansvarig"), ExpectedStatus: http.StatusForbidden,
			ExpectedContent: []string{"Åtkomst nekad"},
		},
		{
			Name: "another board's plan is not found", Method: http.MethodGet, URL: next,
			Headers: testapp.Cookie(f, "annan"), ExpectedStatus: http.StatusNotFound,
			ExpectedContent: []string{"Sidan finns inte"}, NotExpectedContent: []string{"Excelfil"},
		},
		{
			Name: "an existing plan for next year is named instead of the form", Method: http.MethodGet, URL: next,
			Headers: testapp.Cookie(f, "samordnare"),
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				if _, err := testapp.Create(app, model.Plans, map[string]any{"board": f.KS, "year": 2025}); err != nil {
					t.Fatal(err)
				}
			},
			ExpectedStatus:     http.StatusOK,
			ExpectedContent:    []string{"Nämnden har redan en internkontrollplan för 2025.", "Öppna planen för 2025"},
			NotExpectedContent: []string{"Skapa utkastet för 2025"},
		},
		{
			Name: "a missing decision is refused beside the action, nothing written", Method: http.MethodPost, URL: next,
			Headers: form, Body: strings.NewReader(nextForm(f, "HR8")),
			ExpectedStatus: http.StatusUnprocessableEntity,
			ExpectedContent: []string{
				"<title>Fel: ", "Det finns fel i formuläret", `href="#decision-` + f.Actions["HR8"] + `"`,
				`id="decision-` + f.Actions["HR8"] + `-error"`, "Välj om åtgärden ska fortsätta",
				// the summary says how many and names the action
				`href="#decisions"`, "(1 av 6 saknar det)", "”Fortsätta arbeta utifrån ovanstående",
				// the other decisions are kept
				`value="close" checked`, `value="Ersätts av den nya mätrutinen."`,
			},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				planCount(t, app, 1)
				if s := testapp.Find(t, app, model.Actions, f.Actions["8"]).GetString("status"); s != model.ActionPlanned {
					t.Fatalf("Expected action 8 untouched, got %s", s)
				}
			},
		},
		{
			Name: "closing without a reason is refused beside the reason", Method: http.MethodPost, URL: next,
			Headers: form, Body: strings.NewReader(strings.Replace(nextForm(f), url.QueryEscape("Ersätts av den nya mätrutinen."), "", 1)),
			ExpectedStatus:  http.StatusUnprocessableEntity,
			ExpectedContent: []string{`id="reason-` + f.Actions["8"] + `-error"`, "Ange varför åtgärden avslutas."},
			AfterTestFunc:   func(t testing.TB, app *tests.TestApp, res *http.Response) { planCount(t, app, 1) },
		},
		{
			Name: "a carry into a year that has a plan is refused with the message", Method: http.MethodPost, URL: next,
			Headers: form, Body: strings.NewReader(nextForm(f)),
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				if _, err := testapp.Create(app, model.Plans, map[string]any{"board": f.KS, "year": 2025}); err != nil {
					t.Fatal(err)
				}
			},
			ExpectedStatus:  http.StatusUnprocessableEntity,
			ExpectedContent: []string{"<title>Fel: ", `href="#next-exists"`, `id="next-exists"`, "Nämnden har redan en internkontrollplan för 2025."},
			AfterTestFunc:   func(t testing.TB, app *tests.TestApp, res *http.Response) { planCount(t, app, 2) },
		},
		{
			Name: "a reader's post is refused and changes nothing", Method: http.MethodPost, URL: next,
			Headers: with(testapp.Cookie(f, "lasare"), "Content-Type", "application/x-www-form-urlencoded"),
			Body:    strings.NewReader(nextForm(f)), ExpectedStatus: http.StatusForbidden,
			ExpectedContent: []string{"Åtkomst nekad"},
			AfterTestFunc:   func(t testing.TB, app *tests.TestApp, res *http.Response) { planCount(t, app, 1) },
		},
		{
			Name: "the decisions made, the coordinator is sent to the new draft", Method: http.MethodPost, URL: next,
			Headers: form, Body: strings.NewReader(nextForm(f)),
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				draft, err := app.FindFirstRecordByFilter(model.Plans, "board = {:b} && year = 2025", dbx.Params{"b": f.KS})
				if err != nil {
					t.Fatalf("Expected KS's 2025 draft, got %v", err)
				}
				if loc := res.Header.Get("Location"); loc != "/plans/"+draft.Id {
					t.Fatalf("Expected a redirect to the draft, got %q", loc)
				}
				if n := testapp.Count(t, app, model.Controls, dbx.HashExp{"plan": draft.Id}); n != 20 {
					t.Fatalf("Expected 20 controls in the draft, got %d", n)
				}
				if n := testapp.Count(t, app, model.Actions, dbx.HashExp{"plan": draft.Id}); n != 4 {
					t.Fatalf("Expected 4 continued actions, got %d", n)
				}
				if a := testapp.Find(t, app, model.Actions, f.Actions["11"]); a.GetString("transferred_to") != f.IAN {
					t.Fatalf("Expected action 11 transferred to IAN, got %q", a.GetString("transferred_to"))
				}
				row, err := app.FindFirstRecordByFilter(model.AuditLog, "record = {:r} && op = 'create'", dbx.Params{"r": draft.Id})
				if err != nil || row.GetString("actor") != "users/"+f.Users["samordnare"] {
					t.Fatalf("Expected the history to name the coordinator, got %v %v", row, err)
				}
			},
		},
		{
			Name: "an htmx post is sent on with HX-Location", Method: http.MethodPost, URL: next,
			Headers: with(form, "HX-Request", "true"), Body: strings.NewReader(nextForm(f)),
			ExpectedStatus: http.StatusNoContent,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("HX-Location"); !strings.HasPrefix(loc, "/plans/") || strings.HasSuffix(loc, f.Plan) {
					t.Fatalf("Expected HX-Location to the new draft, got %q", loc)
				}
			},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		if s.ExpectedStatus != http.StatusSeeOther && s.ExpectedStatus != http.StatusNoContent && s.ExpectedContent == nil {
			s.ExpectedContent = []string{"<"}
		}
		s.Test(t)
	}
}

// withSuccessor makes IAN the successor of KS; draft also gives IAN a 2025
// draft to receive the copies.
func withSuccessor(draft bool) func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
	return func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		f := testapp.Fix(t)
		if err := testapp.Update(app, model.Boards, f.KS, map[string]any{"successor": f.IAN}); err != nil {
			t.Fatal(err)
		}
		if draft {
			if _, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2025, "title": "IAN:s plan 2025"}); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func TestTransferPages(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	page := "/boards/" + f.KS + "/transfer"
	form := with(testapp.Cookie(f, "samordnare"), "Content-Type", "application/x-www-form-urlencoded")
	untouched := func(t testing.TB, app *tests.TestApp, res *http.Response) {
		if a := testapp.Find(t, app, model.Actions, f.Actions["2"]); a.GetString("transferred_to") != "" {
			t.Fatalf("Expected action 2 not transferred, got %q", a.GetString("transferred_to"))
		}
	}
	scenarios := []tests.ApiScenario{
		{
			Name: "guest is sent to sign in", Method: http.MethodGet, URL: page,
			ExpectedStatus: http.StatusSeeOther,
		},
		{
			Name: "the plan page links the transfer when the board has a successor", Method: http.MethodGet, URL: "/plans/" + f.Plan,
			Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: withSuccessor(false),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`href="` + page + `"`, "Överför till individ- och arbetsmarknadsnämnden"},
		},
		{
			Name: "no transfer link without a successor", Method: http.MethodGet, URL: "/plans/" + f.Plan,
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			NotExpectedContent: []string{page},
		},
		{
			Name: "without a successor the page says so", Method: http.MethodGet, URL: page,
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"Kommunstyrelsen har ingen efterträdare."},
			NotExpectedContent: []string{`action="` + page + `"`},
		},
		{
			Name: "without a draft to receive them the items are listed and the form withheld", Method: http.MethodGet, URL: page,
			Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: withSuccessor(false), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"Öppna åtgärder (6)", "Skapa ett utkast för individ- och arbetsmarknadsnämnden först", "Felaktig kontering av representation"},
			NotExpectedContent: []string{`action="` + page + `"`},
		},
		{
			Name: "with a draft the coordinator gets the form", Method: http.MethodGet, URL: page,
			Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: withSuccessor(true), ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{`action="` + page + `"`, "Överför till individ- och arbetsmarknadsnämnden", "IAN:s plan 2025", "6 kontrollpunkter och 6 åtgärder kopieras till"},
		},
		{
			Name: "a reader may not transfer", Method: http.MethodGet, URL: page,
			Headers: testapp.Cookie(f, "lasare"), BeforeTestFunc: withSuccessor(true), ExpectedStatus: http.StatusForbidden,
			ExpectedContent: []string{"Åtkomst nekad"},
		},
		{
			Name: "another board's member does not find the page", Method: http.MethodGet, URL: page,
			Headers: testapp.Cookie(f, "annan"), BeforeTestFunc: withSuccessor(true), ExpectedStatus: http.StatusNotFound,
			ExpectedContent: []string{"Sidan finns inte"},
		},
		{
			Name: "an owner's post is refused and moves nothing", Method: http.MethodPost, URL: page,
			Headers: with(testapp.Cookie(f, "ansvarig"), "Content-Type", "application/x-www-form-urlencoded"), Body: strings.NewReader(""),
			BeforeTestFunc: withSuccessor(true), ExpectedStatus: http.StatusForbidden,
			ExpectedContent: []string{"Åtkomst nekad"}, AfterTestFunc: untouched,
		},
		{
			Name: "a post without a successor is refused", Method: http.MethodPost, URL: page,
			Headers: form, Body: strings.NewReader(""), ExpectedStatus: http.StatusUnprocessableEntity,
			ExpectedContent: []string{"<title>Fel: ", `href="#transfer"`, "har ingen efterträdare"}, AfterTestFunc: untouched,
		},
		{
			Name: "in English, without a successor the page says so in English", Method: http.MethodGet, URL: page,
			Headers: with(testapp.Cookie(f, "samordnare"), "Cookie", "ikplan_session="+f.Sessions["samordnare"]+"; ikplan_lang=en"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"The board Kommunstyrelsen has no successor.", "before anything is transferred."},
			NotExpectedContent: []string{"har ingen efterträdare"},
		},
		{
			Name: "in English, a post without a draft to receive is refused in English", Method: http.MethodPost, URL: page,
			Headers: with(form, "Cookie", "ikplan_session="+f.Sessions["samordnare"]+"; ikplan_lang=en"), Body: strings.NewReader(""), BeforeTestFunc: withSuccessor(false),
			ExpectedStatus: http.StatusUnprocessableEntity, ExpectedContent: []string{"Individ- och arbetsmarknadsnämnden has no draft internal control plan for 2025 or later to receive 6 controls and 6 actions."},
			NotExpectedContent: []string{"inget utkast"}, AfterTestFunc: untouched,
		},
		{
			Name: "in English, next year's plan from a draft is refused in English", Method: http.MethodGet, URL: "/plans/" + draftPlan + "/next",
			Headers: with(testapp.Cookie(f, "samordnare"), "Cookie", "ikplan_session="+f.Sessions["samordnare"]+"; ikplan_lang=en"), ExpectedStatus: http.StatusConflict,
			BeforeTestFunc:  func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) { makeDraft(t, app, f) },
			ExpectedContent: []string{"The plan is a draft.", "plan is made from an adopted or reported plan."},
		},
		{
			Name: "a post without a draft to receive is refused", Method: http.MethodPost, URL: page,
			Headers: form, Body: strings.NewReader(""), BeforeTestFunc: withSuccessor(false),
			ExpectedStatus: http.StatusUnprocessableEntity, ExpectedContent: []string{"<title>Fel: ", "inget utkast"}, AfterTestFunc: untouched,
		},
		{
			Name: "the transfer is made and the page shown again", Method: http.MethodPost, URL: page,
			Headers: form, Body: strings.NewReader(""), BeforeTestFunc: withSuccessor(true),
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != page {
					t.Fatalf("Expected a redirect to the transfer page, got %q", loc)
				}
				for _, key := range []string{"2", "8", "10", "11", "12", "HR8"} {
					if a := testapp.Find(t, app, model.Actions, f.Actions[key]); a.GetString("transferred_to") != f.IAN {
						t.Fatalf("Expected action %s transferred to IAN, got %q", key, a.GetString("transferred_to"))
					}
				}
				if b := testapp.Find(t, app, model.Risks, f.Risk).GetString("board"); b != f.IAN {
					t.Fatalf("Expected the risk moved to IAN, got %s", b)
				}
				n := testapp.Count(t, app, model.AuditLog, dbx.HashExp{"actor": "users/" + f.Users["samordnare"]})
				if n != 19 { // 6 actions marked, 1 risk, 6 copies, 6 continued actions (12's among them)
					t.Fatalf("Expected 19 history rows naming the coordinator, got %d", n)
				}
			},
		},
		{
			Name: "after the transfer nothing is left", Method: http.MethodGet, URL: page + "?done=1",
			Headers: testapp.Cookie(f, "samordnare"),
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				withSuccessor(false)(t, app, e)
				if err := testapp.Update(app, model.Risks, f.Risk, map[string]any{"board": f.IAN, "unit": ""}); err != nil {
					t.Fatal(err)
				}
				err := model.RunCarry(app, func(tx core.App) error { // as a transfer marks them
					for _, key := range []string{"2", "8", "10", "11", "12", "HR8"} {
						if err := testapp.Update(tx, model.Actions, f.Actions[key], map[string]any{"transferred_to": f.IAN}); err != nil {
							return err
						}
					}
					return nil
				})
				if err != nil {
					t.Fatal(err)
				}
			},
			// the confirmation is the banner's, after the post (flash_test.go): ?done=1 says nothing
			ExpectedStatus:     http.StatusOK,
			ExpectedContent:    []string{"Det finns inget kvar att överföra"},
			NotExpectedContent: []string{"Överföringen till", "notification-banner"},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = withoutDemoRisks // the fixture's one risk (demo_risks_test.go)
		if s.ExpectedStatus != http.StatusSeeOther && s.ExpectedContent == nil {
			s.ExpectedContent = []string{"<"}
		}
		s.Test(t)
	}
}

// TestCarryLeavesOneOpenItemPerAction: continuing every unfinished action
// into next year's plan (the form's "Fortsätt") closes each where it was,
// so that while the new plan is a draft none is on any list, and once it
// is adopted each is on every list exactly as often as before the carry —
// the start page's lists, /actions, the calendar, the reminders and the
// menu's count — never twice.
func TestCarryLeavesOneOpenItemPerAction(t *testing.T) {
	f := testapp.Fix(t)
	app, h, _, _ := cacheApp(t)
	// the Excelfil action overdue today, so that it is on the overdue lists
	if err := testapp.Update(app, model.Actions, f.Actions["2"], map[string]any{"deadline": "2025-03-01", "deadline_precision": "day"}); err != nil {
		t.Fatal(err)
	}
	keys := []string{"2", "8", "10", "11", "12", "HR8"}
	texts := map[string]string{}
	for _, key := range keys {
		texts[key] = prefix(testapp.Find(t, app, model.Actions, f.Actions[key]).GetString("description"))
	}
	lists := todoLists(t, app, h, f, testapp.Today, "ansvarig", "samhallsbyggnad", "it", "hr")
	snapshot := func() map[string]string {
		out := map[string]string{}
		for _, l := range lists {
			out[l.name] = l.read(t)
		}
		// /actions by the actions' statuses: the open ones, whatever their plan
		for _, st := range []string{"planned", "in_progress"} {
			out["/actions?status="+st] = get(t, h, f, "samordnare", "/actions?status="+st)
		}
		return out
	}
	rows := func(html, text string) int {
		n := 0
		for _, part := range strings.Split(html, `<tr id="action-`)[1:] {
			if strings.Contains(part[:strings.Index(part+"</tr>", "</tr>")], text) {
				n++
			}
		}
		return n
	}
	before := snapshot()
	for _, key := range keys {
		// rows, not mentions: an action's status form names it too
		if n := rows(before["ansvarig: /start/my-actions"]+before["samhallsbyggnad: /start/my-actions"]+
			before["it: /start/my-actions"]+before["hr: /start/my-actions"], texts[key]); n != 1 {
			t.Fatalf("Expected action %s once among its owner's actions before the carry, got %d", key, n)
		}
	}

	form := url.Values{}
	for _, key := range keys {
		form.Set("decision-"+f.Actions[key], "continue")
	}
	if rec := post(t, h, f, "samordnare", "/plans/"+f.Plan+"/next", form.Encode()); rec.Code != http.StatusSeeOther {
		t.Fatalf("Expected the carry made, got %d\n%s", rec.Code, rec.Body.String())
	}
	draft, err := app.FindFirstRecordByFilter(model.Plans, "board = {:b} && year = 2025", dbx.Params{"b": f.KS})
	if err != nil {
		t.Fatal(err)
	}

	check := func(phase string, want func(list string, was int) int) {
		t.Helper()
		now := snapshot()
		for name, text := range now {
			for _, key := range keys {
				got, was := rows(text, texts[key]), rows(before[name], texts[key])
				if w := want(name, was); got != w {
					t.Errorf("%s, %s: Expected action %s %d times (%d before the carry), got %d", phase, name, key, w, was, got)
				}
			}
		}
	}
	// the draft's actions are on no list; the old ones are closed
	check("while the plan for 2025 is a draft", func(list string, was int) int {
		if strings.HasPrefix(list, "/actions?status=") {
			return was // the continuation, not the old one
		}
		return 0
	})
	if n, was := navCountOf(snapshotCount(t, lists, "ansvarig: menu count")), navCountOf(before["ansvarig: menu count"]); n != was-1 {
		t.Errorf("Expected the owner's menu count without the continued overdue action (%d - 1), got %d", was, n)
	}
	if err := testapp.Update(app, model.Plans, draft.Id, map[string]any{"status": model.PlanAdopted,
		"adopted_on": "2025-03-01", "adopted_ref": "KS § 21"}); err != nil {
		t.Fatal(err)
	}
	check("once the plan for 2025 is adopted", func(list string, was int) int { return was })
	for _, l := range lists {
		if strings.HasSuffix(l.name, "menu count") {
			if got := l.read(t); got != before[l.name] {
				t.Errorf("%s: Expected %s as before the carry, got %s", l.name, before[l.name], got)
			}
		}
	}
}

// snapshotCount reads the named list of lists.
func snapshotCount(t *testing.T, lists []todoList, name string) string {
	t.Helper()
	for _, l := range lists {
		if l.name == name {
			return l.read(t)
		}
	}
	t.Fatalf("no list %q", name)
	return ""
}
