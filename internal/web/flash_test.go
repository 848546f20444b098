package web_test

import (
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestChangesConfirmInABanner: every change that sends the user on to
// another page says on that page what it did, in the notification banner,
// in the UI's language — and only once: a reload of the same page shows no
// banner. A plain form (303) and an htmx form (HX-Location) lead to the
// same banner.
func TestChangesConfirmInABanner(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	draft := func(t *testing.T, app core.App) {
		if err := testapp.ForceStatus(app, f.Plan, model.PlanDraft); err != nil {
			t.Fatal(err)
		}
	}
	scenarios := []struct {
		name     string
		user     string
		setup    func(t *testing.T, app core.App)
		path     string // what is posted to; {new} is the newest control
		form     url.Values
		sv, en   string // the banner's sentence
		htmxOnly bool
	}{
		{
			name: "creating a draft", user: "samordnare", path: "/plans",
			form: url.Values{"board": {f.IAN}, "year": {"2025"}, "title": {"Internkontrollplan 2025"}},
			sv:   "Utkastet ”Internkontrollplan 2025” för 2025 är skapat.", en: "The draft “Internkontrollplan 2025” for 2025 is created.",
		},
		{
			name: "creating a draft without a title", user: "samordnare", path: "/plans",
			form: url.Values{"board": {f.IAN}, "year": {"2026"}},
			sv:   "Utkastet för individ- och arbetsmarknadsnämnden 2026 är skapat.", en: "The draft for Individ- och arbetsmarknadsnämnden 2026 is created.",
		},
		{
			name: "adding a control", user: "samordnare", setup: draft, path: "/plans/" + f.Plan + "/controls",
			form: url.Values{"number": {"21"}, "title": {"Attestordning"}, "frequency": {"yearly"}, "owner": {f.Users["ansvarig"]}},
			sv:   "Kontrollpunkt 21 ”Attestordning” är tillagd i planen.", en: "Control 21 “Attestordning” is added to the plan.",
		},
		{
			name: "editing a control", user: "samordnare", setup: draft, path: "/plans/" + f.Plan + "/controls/" + f.Controls["5"],
			form: nil, // filled from the control below
			sv:   "Ändringarna av kontrollpunkt 5 ", en: "The changes to control 5 ",
		},
		{
			name: "adopting", user: "samordnare", setup: draft, path: "/plans/" + f.Plan + "/status",
			form: url.Values{"status": {"adopted"}, "adopted_on": {"2025-03-01"}, "adopted_ref": {"KS § 21"}},
			sv:   "Planen är antagen.", en: "The plan is adopted.",
		},
		{
			name: "reverting to draft", user: "samordnare", path: "/plans/" + f.Plan + "/back",
			setup: func(t *testing.T, app core.App) {
				if _, err := app.DB().NewQuery("DELETE FROM results").Execute(); err != nil {
					t.Fatal(err)
				}
			},
			form: url.Values{"reason": {"Fel nämndbeslut."}},
			sv:   "Planen är ett utkast igen.", en: "The plan is a draft again.",
		},
		{
			name: "reporting", user: "samordnare", path: "/plans/" + f.Plan + "/status",
			setup: func(t *testing.T, app core.App) {
				// every significant deviation accepted, so nothing stands in the way
				if _, err := app.DB().NewQuery("UPDATE deviations SET status = 'accepted', acceptance_reason = 'Godtas.' WHERE significant").Execute(); err != nil {
					t.Fatal(err)
				}
			},
			form: url.Values{"status": {"reported"}, "reported_on": {"2025-03-10"}, "reported_ref": {"KS § 30"}},
			sv:   "Planen är återrapporterad.", en: "The plan is reported.",
		},
		{
			name: "creating next year's plan", user: "samordnare", path: "/plans/" + f.Plan + "/next",
			form: decideAll(f, "continue", "2", "8", "10", "11", "12", "HR8"),
			sv:   "Utkast för 2025 skapat med 20 kontrollpunkter.", en: "Draft for 2025 created with 20 controls.",
		},
		{
			name: "deleting a control", user: "samordnare", setup: draft, path: "/plans/" + f.Plan + "/controls/" + f.Controls["5"] + "/delete",
			form: url.Values{"reason": {"Dubblett av kontrollpunkt 4."}},
			sv:   "” är borttagen ur planen.", en: "” is removed from the plan.",
		},
		{
			name: "transferring to the successor", user: "samordnare", path: "/boards/" + f.KS + "/transfer",
			setup: func(t *testing.T, app core.App) {
				if err := testapp.Update(app, model.Boards, f.KS, map[string]any{"successor": f.IAN}); err != nil {
					t.Fatal(err)
				}
				if _, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2025, "title": "IAN:s plan 2025"}); err != nil {
					t.Fatal(err)
				}
			},
			form: url.Values{},
			sv:   "Överföringen till individ- och arbetsmarknadsnämnden är gjord.", en: "The transfer to Individ- och arbetsmarknadsnämnden is done.",
		},
		{
			name: "creating a risk", user: "samordnare", path: "/risks",
			form: url.Values{"board": {f.KS}, "title": {"Felaktiga utbetalningar"}, "process": {"Utbetalningar"}, "category": {"ekonomi"}, "unit": {f.Unit}, "status": {"active"}},
			sv:   "Risken ”Felaktiga utbetalningar” är skapad.", en: "The risk “Felaktiga utbetalningar” is created.",
		},
		{
			name: "assessing a risk", user: "samordnare", path: "/risks/" + f.Risk + "/assessments",
			form: url.Values{"year": {"2025"}, "probability": {"4"}, "consequence": {"3"}, "treatment": {"control"}, "motivation": {"Fler fel 2024"}},
			sv:   "Bedömningen för 2025 är sparad.", en: "The assessment for 2025 is saved.",
		},
		{
			name: "reporting a result", user: "raddning", path: "/controls/" + f.Controls["3"] + "/results",
			setup: func(t *testing.T, app core.App) {
				if _, err := app.DB().NewQuery("DELETE FROM results WHERE control = {:c}").Bind(dbx.Params{"c": f.Controls["3"]}).Execute(); err != nil {
					t.Fatal(err)
				}
			},
			form: url.Values{"period": {"2024"}, "outcome": {"no_deviation"}, "measured_value": {"31"}, "account": {"31 tillsyner genomförda."}},
			sv:   "Resultatet för 2024 är sparat.", en: "The result for 2024 is saved.",
		},
		{
			name: "changing an action's status", user: "ansvarig", path: "/actions/" + f.Actions["2"] + "/status",
			form: url.Values{"status": {"done"}, "done_note": {"Alla har dokumenterat."}, "back": {"/controls/" + f.Controls["2"]}},
			sv:   "Åtgärdens status är sparad.", en: "The action's status is saved.",
		},
	}
	for _, sc := range scenarios {
		for _, lang := range []string{"sv", "en"} {
			for _, htmx := range []bool{false, true} {
				name := sc.name + "/" + lang
				if htmx {
					name += "/htmx"
				}
				t.Run(name, func(t *testing.T) {
					app, h, _, _ := cacheApp(t)
					if sc.setup != nil {
						sc.setup(t, app)
					}
					form := sc.form
					if form == nil { // the control's own values, the title changed
						c := testapp.Find(t, app, model.Controls, f.Controls["5"])
						form = url.Values{"number": {"5"}, "title": {"Ny rubrik"}, "frequency": {c.GetString("frequency")}, "owner": {c.GetString("owner")}, "unit": {c.GetString("unit")}}
					}
					cookie := "ikplan_session=" + f.Sessions[sc.user] + "; ikplan_lang=" + lang
					req := httptest.NewRequest(http.MethodPost, sc.path, strings.NewReader(form.Encode()))
					req.Header.Set("Content-Type", urlencoded)
					req.Header.Set("Cookie", cookie)
					if htmx {
						req.Header.Set("HX-Request", "true")
						req.Header.Set("HX-Boosted", "true")
					}
					rec := httptest.NewRecorder()
					h.ServeHTTP(rec, req)
					to := rec.Header().Get("Location")
					if htmx {
						to = rec.Header().Get("HX-Location")
					}
					if to == "" {
						t.Fatalf("Expected the change made and a redirect, got %d\n%s", rec.Code, clip(rec.Body.String()))
					}
					to, _, _ = strings.Cut(to, "#") // as a browser asks for it
					load := func() string {
						req := httptest.NewRequest(http.MethodGet, to, nil)
						req.Header.Set("Cookie", cookie)
						if htmx { // htmx follows HX-Location with a request of its own, naming no target
							req.Header.Set("HX-Request", "true")
						}
						rec := httptest.NewRecorder()
						h.ServeHTTP(rec, req)
						if rec.Code != http.StatusOK {
							t.Fatalf("Expected %s shown, got %d", to, rec.Code)
						}
						return rec.Body.String()
					}
					want := sc.sv
					if lang == "en" {
						want = sc.en
					}
					page := load()
					if !strings.Contains(page, `<div class="notification-banner notification-banner--success" role="alert" aria-labelledby="flash-title">`) ||
						!strings.Contains(page, html.EscapeString(want)) {
						t.Fatalf("Expected the banner saying %q on %s, got\n%s", want, to, clip(page))
					}
					if again := load(); strings.Contains(again, "notification-banner") {
						t.Fatalf("Expected no banner when %s is loaded again, got\n%s", to, clip(again))
					}
				})
			}
		}
	}
}

// TestBannerCannotBeWrittenFromTheAddress: the banner says only what the
// server kept for the session; no address, old or made up, brings it up.
func TestBannerCannotBeWrittenFromTheAddress(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	_, h, _, _ := cacheApp(t)
	for _, path := range []string{
		"/plans/" + f.Plan + "?imported=20",
		"/plans/" + f.Plan + "?flash=" + url.QueryEscape("Ring 070-123 45 67 och uppge ditt lösenord."),
		"/boards/" + f.KS + "/transfer?done=1",
		"/?notice=flash.plan_adopted",
	} {
		if page := get(t, h, f, "samordnare", path); strings.Contains(page, "notification-banner") {
			t.Errorf("Expected no banner on %s, got\n%s", path, clip(page))
		}
	}
}

// decideAll is the next-year form deciding decision for each action of keys.
func decideAll(f *testapp.Fixture, decision string, keys ...string) url.Values {
	v := url.Values{}
	for _, k := range keys {
		v.Set("decision-"+f.Actions[k], decision)
	}
	return v
}

// clip is the start of a long page, for a failure message.
func clip(s string) string {
	if i := strings.Index(s, `<main`); i >= 0 {
		s = s[i:]
	}
	if len(s) > 3000 {
		return s[:3000]
	}
	return s
}
