package web_test

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/internal/remind"
	"ikplan/proof/testapp"
)

// TestCoordinatorCalendarFeed reads the feeds of a coordinator of both
// boards, a coordinator of Individ- och arbetsmarknadsnämnden only, an
// owner and a reader with nothing of their own, each parsed by
// golang-ical: every feed publishes, is named and is valid; a coordinator
// sees another owner's due dates and deadlines on their boards (with the
// owner's name) and the days their boards' plans were adopted, each under
// a stable UID, the titles of confidential items withheld — and nothing of
// a board they do not coordinate; the owner's feed is their own items
// only, as before; the reader's has no event.
func TestCoordinatorCalendarFeed(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.NewWeb(t)
	// control 1 (Anders Ansvarig's) overdue since 2024-12-31
	if err := testapp.Delete(app, model.Results, f.Results["1"]); err != nil {
		t.Fatal(err)
	}
	// Individ- och arbetsmarknadsnämnden's adopted 2025 plan with a control
	plan, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2025})
	if err != nil {
		t.Fatal(err)
	}
	ianControl, err := testapp.Create(app, model.Controls, map[string]any{"plan": plan.Id, "number": 1, "title": "Försörjningsstöd – utbetalningar",
		"frequency": model.FreqYearly, "owner": f.Users["hr"], "due": "2025-11-30", "method": "stickprov"})
	if err != nil {
		t.Fatal(err)
	}
	if err := testapp.Update(app, model.Plans, plan.Id, map[string]any{"status": model.PlanAdopted, "adopted_on": "2025-01-20", "adopted_ref": "IAN § 3"}); err != nil {
		t.Fatal(err)
	}
	// a coordinator of Individ- och arbetsmarknadsnämnden only
	users, err := app.FindCollectionByNameOrId(model.Users)
	if err != nil {
		t.Fatal(err)
	}
	ianCoordinator := core.NewRecord(users)
	ianCoordinator.SetEmail("ian.samordnare@ikplan.test")
	ianCoordinator.SetPassword(testapp.Password)
	ianCoordinator.Set("name", "Irene IAN-samordnare")
	ianCoordinator.Set("role", model.RoleCoordinator)
	ianCoordinator.Set("boards", []string{f.IAN})
	if err := app.Save(ianCoordinator); err != nil {
		t.Fatal(err)
	}
	tokens := map[string]string{}
	for key, id := range map[string]string{"samordnare": f.Users["samordnare"], "ian": ianCoordinator.Id, "ansvarig": f.Users["ansvarig"], "lasare": f.Users["lasare"]} {
		tokens[key] = strings.Repeat(key[:1], 10) + "-feed-token-0123456789abcdefghijklmnop"
		if err := testapp.Update(app, model.Users, id, map[string]any{remind.CalendarField: tokens[key]}); err != nil {
			t.Fatal(err)
		}
	}
	mux := serve(t, app)
	feed := func(key string) (string, *ics.Calendar, map[string]*ics.VEvent) {
		t.Helper()
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/calendar/"+tokens[key]+".ics", nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("%s: expected 200, got %d", key, rec.Code)
		}
		cal := parseFeed(t, rec.Body.String())
		var method, name bool
		for _, p := range cal.CalendarProperties {
			method = method || p.IANAToken == string(ics.PropertyMethod) && p.Value == "PUBLISH"
			name = name || p.IANAToken == string(ics.PropertyXWRCalName) && strings.HasPrefix(p.Value, "ikplan – ")
		}
		if !method || !name || len(cal.Timezones()) != 1 {
			t.Errorf("%s: expected METHOD:PUBLISH, X-WR-CALNAME and a VTIMEZONE, got\n%s", key, rec.Body.String())
		}
		events := map[string]*ics.VEvent{}
		for _, ev := range cal.Events() {
			if events[ev.Id()] != nil {
				t.Errorf("%s: expected each UID once, got %s twice", key, ev.Id())
			}
			events[ev.Id()] = ev
		}
		return rec.Body.String(), cal, events
	}
	text := func(ev *ics.VEvent, p ics.ComponentProperty) string {
		if prop := ev.GetProperty(p); prop != nil {
			return ics.FromText(prop.Value)
		}
		return ""
	}
	start := func(ev *ics.VEvent) string { return ev.GetProperty(ics.ComponentPropertyDtStart).Value }

	control1, action2 := "controls-"+f.Controls["1"]+"@ikplan", "actions-"+f.Actions["2"]+"@ikplan"
	secret := "actions-" + f.Actions["12"] + "@ikplan" // Ivar IT-chef's, under the confidential control 12
	ksAdopted, ianAdopted := "plans-"+f.Plan+"-adopted@ikplan", "plans-"+plan.Id+"-adopted@ikplan"
	ianUID := "controls-" + ianControl.Id + "@ikplan"

	// the coordinator of both boards
	body, _, events := feed("samordnare")
	for uid, want := range map[string]struct{ start, summary, desc string }{
		control1:   {"20241231", "Rapportera kontroll: Utbildningar, resor och representation", "Ansvarig: Anders Ansvarig"},
		action2:    {"20250630", "Åtgärd: Excelfil har tagits fram", "Ansvarig: Anders Ansvarig"},
		secret:     {"20250131", "Åtgärd: (sekretess)", "Ansvarig: Ivar IT-chef"},
		ianUID:     {"20251130", "Rapportera kontroll: Försörjningsstöd – utbetalningar", "Ansvarig: Hanna HR-chef"},
		ksAdopted:  {"20240129", "Internkontrollplan: Kommunstyrelsens internkontrollplan 2024 antagen", "/plans/" + f.Plan},
		ianAdopted: {"20250120", "Internkontrollplan: Individ- och arbetsmarknadsnämndens internkontrollplan 2025 antagen", "/plans/" + plan.Id},
	} {
		ev := events[uid]
		if ev == nil {
			t.Errorf("samordnare: expected the event %s, got %v", uid, slices.Sorted(mapsKeys(events)))
			continue
		}
		if start(ev) != want.start || !strings.HasPrefix(text(ev, ics.ComponentPropertySummary), want.summary) ||
			!strings.Contains(text(ev, ics.ComponentPropertyDescription), want.desc) {
			t.Errorf("samordnare: expected %s on %s as %q with %q, got %s %q %q", uid, want.start, want.summary, want.desc,
				start(ev), text(ev, ics.ComponentPropertySummary), text(ev, ics.ComponentPropertyDescription))
		}
	}
	for _, s := range append([]string{testapp.SecretAction}, testapp.Secrets...) {
		if strings.Contains(body, s) {
			t.Errorf("samordnare: expected the confidential %q withheld from the feed", s)
		}
	}

	// the coordinator of one board: nothing of the other
	_, _, events = feed("ian")
	if got := slices.Sorted(mapsKeys(events)); !slices.Equal(got, slices.Sorted(slices.Values([]string{ianUID, ianAdopted}))) {
		t.Errorf("ian: expected only the board's control and plan, got %v", got)
	}

	// the owner: their own items, as before
	_, _, events = feed("ansvarig")
	if got := slices.Sorted(mapsKeys(events)); !slices.Equal(got, slices.Sorted(slices.Values([]string{control1, action2}))) {
		t.Errorf("ansvarig: expected their own control and action only, got %v", got)
	}
	if d := text(events[action2], ics.ComponentPropertyDescription); strings.Contains(d, "Ansvarig:") {
		t.Errorf("ansvarig: expected no owner named on their own item, got %q", d)
	}

	// a person with nothing: a valid feed without events
	_, cal, events := feed("lasare")
	if len(events) != 0 || len(cal.Components) == 0 {
		t.Errorf("lasare: expected no events but a component, got %d events, %d components", len(events), len(cal.Components))
	}

	// the UIDs stay when the feed is fetched again
	_, _, again := feed("samordnare")
	_, _, first := feed("samordnare")
	if !slices.Equal(slices.Sorted(mapsKeys(again)), slices.Sorted(mapsKeys(first))) {
		t.Errorf("Expected the same UIDs on every fetch")
	}
}

func mapsKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
