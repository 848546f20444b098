package hooks_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/subscriptions"

	"ikplan/proof/testapp"
)

// TestReach: a REST API filter or sort may read the record's own fields
// and follow its single relations forward; it may not go back through a
// relation, into another collection or through a field of several
// records (model.CheckReach), for anyone but a superuser. A refusal is a
// 400 that names the parameter and the field, in Swedish, or in English
// when the request asks for it. The differential tests in proof/authz
// show that what passes here reads nothing the requester may not read.
func TestReach(t *testing.T) {
	f := testapp.Fix(t)
	scenarios := []struct {
		collection, param, value string
		token                    string // default: the reader's
		refused                  string // a part of the message; "" when allowed
	}{
		// allowed: own fields, single relations forward, own lists
		{"plans", "filter", "title ~ 'Kommun' && year = 2024", "", ""},
		{"controls", "filter", "plan.board.name ~ 'Kommun' && plan.year > 2020", "", ""},
		{"results", "filter", "control.plan.status = 'adopted' && control.owner.name != ''", "", ""},
		{"actions", "filter", "owner.boards ?= '" + f.KS + "'", "", ""},
		{"users", "filter", "boards ?= '" + f.KS + "' && boards:length > 0 && boards:each ?= '" + f.KS + "'", "", ""},
		{"results", "filter", "evidence:length = 0", "", ""},
		{"controls", "sort", "-plan.year,number", "", ""},
		{"controls", "filter", "plan.title:lower ~ 'kommun' && strftime('%Y', due) = '2024'", "", ""},
		// refused: back relations, whatever the operator
		{"plans", "filter", "controls_via_plan.title !~ 'Cyberangrepp'", "", "”controls_via_plan.title” går bakåt från posten via controls_via_plan"},
		{"plans", "filter", "controls_via_plan.title ?~ 'Cyberangrepp'", "", "controls_via_plan"},
		{"users", "filter", "controls_via_owner.title ~ 'Cyber'", "", "/api/collections/controls/records?filter=owner='…'"},
		{"controls", "filter", "plan.actions_via_plan.description != ''", "", "plan.actions_via_plan.description"},
		{"plans", "sort", "controls_via_plan.title", "", "Sorteringen kan inte användas"},
		{"plans", "filter", "(year = 2024 || controls_via_plan.number > 11)", "", "controls_via_plan.number"},
		{"plans", "filter", "strftime('%Y', controls_via_plan.due) = '2024'", "", "controls_via_plan.due"},
		// refused: another collection
		{"plans", "filter", "@collection.controls.title ~ 'Cyber'", "", "läser poster ur en annan samling (@collection.controls)"},
		{"plans", "filter", "@collection.controls:c.title ~ 'Cyber'", "", "@collection.controls:c"},
		// refused: through a field of several records
		{"actions", "filter", "owner.boards.name != 'Individ- och arbetsmarknadsnämnden'", "", "går igenom owner.boards, som kan hålla flera poster"},
		{"users", "filter", "boards.name ~ 'Kommun'", "", "boards ?= '…'"},
		{"results", "sort", "performed_by.boards.name", "", "performed_by.boards"},
		{"plans", "filter", "@request.auth.boards.name ~ 'Kommun'", "", "@request.auth.boards"},
		// the coordinator is held to it as well; superusers are not
		{"plans", "filter", "controls_via_plan.title ~ 'Cyber'", f.Tokens["samordnare"], "controls_via_plan"},
		{"plans", "filter", "controls_via_plan.title ~ 'Cyber'", f.Tokens["superuser"], ""},
		{"users", "filter", "boards.name ~ 'Kommun'", f.Tokens["superuser"], ""},
	}
	for _, sc := range scenarios {
		token := sc.token
		if token == "" {
			token = f.Tokens["lasare"]
		}
		s := tests.ApiScenario{
			Name:            sc.collection + " " + sc.param + " " + sc.value,
			Method:          http.MethodGet,
			URL:             "/api/collections/" + sc.collection + "/records?" + url.Values{sc.param: {sc.value}}.Encode(),
			Headers:         map[string]string{"Authorization": token},
			ExpectedStatus:  http.StatusOK,
			ExpectedContent: []string{`"items":`},
			TestAppFactory:  testapp.Factory,
		}
		if sc.refused != "" {
			s.ExpectedStatus = http.StatusBadRequest
			s.ExpectedContent = []string{`"` + sc.param + `":{"code":"validation_ikplan_reach"`, jsonText(sc.refused)}
			s.NotExpectedContent = []string{`"items"`}
		}
		s.Test(t)
	}
}

// TestReachInEnglish: the same refusal, asked for in English.
func TestReachInEnglish(t *testing.T) {
	f := testapp.Fix(t)
	(&tests.ApiScenario{
		Method:         http.MethodGet,
		URL:            "/api/collections/plans/records?" + url.Values{"filter": {"controls_via_plan.title !~ 'C'"}}.Encode(),
		Headers:        map[string]string{"Authorization": f.Tokens["lasare"], "Accept-Language": "en-GB,en;q=0.9"},
		ExpectedStatus: http.StatusBadRequest,
		ExpectedContent: []string{
			jsonText("The filter cannot be used: “controls_via_plan.title” goes back from the record through controls_via_plan"),
		},
		TestAppFactory: testapp.Factory,
	}).Test(t)
}

// TestReachInRealtime: a realtime subscription with a filter that reaches
// too far is refused whole, before any of it is set; one that stays on
// the record's own fields is set.
func TestReachInRealtime(t *testing.T) {
	f := testapp.Fix(t)
	for _, sc := range []struct {
		topics []string
		status int
	}{
		{[]string{`plans?options={"query":{"filter":"year = 2024"}}`, `controls/*?options={"query":{"filter":"plan.year = 2024"}}`}, http.StatusNoContent},
		{[]string{`plans`, `plans?options={"query":{"filter":"controls_via_plan.title !~ 'C'"}}`}, http.StatusBadRequest},
		{[]string{`ikplans0000001/*?options={"query":{"filter":"@collection.controls.title ~ 'C'"}}`}, http.StatusBadRequest},
		{[]string{`users?options={"query":{"filter":"boards.name ~ 'K'"},"headers":{"x":"y"}}`}, http.StatusBadRequest},
	} {
		body := `{"clientId":"test","subscriptions":["` + strings.Join(escapeAll(sc.topics), `","`) + `"]}`
		s := tests.ApiScenario{
			Name:   strings.Join(sc.topics, " "),
			Method: http.MethodPost, URL: "/api/realtime", Body: strings.NewReader(body),
			Headers:        map[string]string{"Authorization": f.Tokens["lasare"], "Content-Type": "application/json"},
			ExpectedStatus: sc.status,
			TestAppFactory: testapp.Factory,
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				app.SubscriptionsBroker().Register(subscriptionsClient("test"))
			},
		}
		if sc.status == http.StatusBadRequest {
			s.ExpectedContent = []string{`"filter":{"code":"validation_ikplan_reach"`}
		}
		s.Test(t)
	}
}

// jsonText is s as it appears inside a JSON string.
func jsonText(s string) string {
	return strings.NewReplacer(`"`, `\"`, "'", `'`).Replace(s)
}

func escapeAll(topics []string) []string {
	out := make([]string, len(topics))
	for i, t := range topics {
		out[i] = strings.ReplaceAll(t, `"`, `\"`)
	}
	return out
}

// namedClient is a realtime client with a known id, as if connected.
type namedClient struct {
	*subscriptions.DefaultClient
	id string
}

func (c namedClient) Id() string { return c.id }

func subscriptionsClient(id string) subscriptions.Client {
	return namedClient{subscriptions.NewDefaultClient(), id}
}
