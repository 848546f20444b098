package web_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestFormsOfferedIffTheRulesAccept is the differential test of the forms
// a page offers against the REST API: for every role and every page with
// a form that creates or changes a record, the form is on the page exactly
// when the REST API's create or update rule accepts the corresponding
// write from the same person. A page decides by asking the rules
// (access.MayCreate, access.Can with the update rule), never by a role —
// so it holds under the rules as they are and under stricter ones the
// pages were not written for.
//
// The REST requests are refused by validation after the rule has passed
// (a required field left out, a status that does not exist), so nothing
// is written: a create the rule refuses answers 400 with no field errors
// (PocketBase checks the rule first), an update it refuses 404.
func TestFormsOfferedIffTheRulesAccept(t *testing.T) {
	t.Parallel()
	for _, world := range []struct {
		name     string
		stricter bool
	}{{"the rules as they are", false}, {"stricter rules", true}} {
		t.Run(world.name, func(t *testing.T) {
			t.Parallel()
			formsOffered(t, world.stricter)
		})
	}
}

// formsOffered checks every form for every role; stricter makes the
// settings the superusers' only and lets only coordinators add
// deviations, as the rules could come to say.
func formsOffered(t *testing.T, stricter bool) {
	f := testapp.Fix(t)
	app := testapp.NewWeb(t)
	// control 1 without its result, so that a result can be reported
	if err := testapp.Delete(app, model.Results, f.Results["1"]); err != nil {
		t.Fatal(err)
	}
	if stricter {
		settings, err := app.FindCollectionByNameOrId(model.Settings)
		if err != nil {
			t.Fatal(err)
		}
		settings.UpdateRule = nil
		deviations, err := app.FindCollectionByNameOrId(model.Deviations)
		if err != nil {
			t.Fatal(err)
		}
		rule := *deviations.CreateRule + ` && @request.auth.role = "coordinator"`
		deviations.CreateRule = &rule
		for _, c := range []*core.Collection{settings, deviations} {
			if err := app.Save(c); err != nil {
				t.Fatal(err)
			}
		}
	}
	h := serve(t, app)
	c1, c11, r11, d11 := f.Controls["1"], f.Controls["11"], f.Results["11"], f.Deviations["11"]
	type write struct {
		method, collection, id string
		body                   map[string]any
	}
	forms := []struct {
		name, page, form string
		writes           []write // the form is offered iff any of them is accepted
	}{
		{"report a result", "/controls/" + c1, `"/controls/` + c1 + `/results"`,
			[]write{{"POST", model.Results, "", map[string]any{"control": c1}}}},
		{"add a deviation", "/controls/" + c11, `"/controls/` + c11 + `/results/` + r11 + `/deviations"`,
			[]write{{"POST", model.Deviations, "", map[string]any{"result": r11}}}},
		{"change a deviation's status", "/controls/" + c11, `"/controls/` + c11 + `/deviations/` + d11 + `/status"`,
			[]write{{"PATCH", model.Deviations, d11, map[string]any{"status": "bogus"}}}},
		{"add an action", "/controls/" + c11, `"/controls/` + c11 + `/deviations/` + d11 + `/actions"`,
			[]write{{"POST", model.Actions, "", map[string]any{"deviation": d11}}}},
		{"a new plan", "/plans", `method="post" action="/plans"`,
			[]write{{"POST", model.Plans, "", map[string]any{"board": f.KS}}, {"POST", model.Plans, "", map[string]any{"board": f.IAN}}}},
		{"a new risk", "/risks", `method="post" action="/risks"`,
			[]write{{"POST", model.Risks, "", map[string]any{"board": f.KS}}, {"POST", model.Risks, "", map[string]any{"board": f.IAN}}}},
		{"the settings (the menu's link to their form)", "/plans", `href="/settings"`,
			[]write{{"PATCH", model.Settings, f.Settings, map[string]any{"municipality": strings.Repeat("x", 201)}}}},
		{"taking the plan back to draft", "/plans/" + f.Plan, `"/plans/` + f.Plan + `/back"`,
			[]write{{"PATCH", model.Plans, f.Plan, map[string]any{"status": "bogus"}}}},
	}
	offeredTo := map[string]int{}
	for _, role := range []string{"samordnare", "ansvarig", "it", "hr", "lasare", "revisor", "annan"} {
		for _, form := range forms {
			req := httptest.NewRequest(http.MethodGet, form.page, nil)
			req.AddCookie(&http.Cookie{Name: "ikplan_session", Value: f.Sessions[role]})
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			offered := rec.Code == http.StatusOK && strings.Contains(rec.Body.String(), form.form)
			accepted := false
			for _, w := range form.writes {
				accepted = accepted || ruleAccepts(t, h, f.Tokens[role], w.method, w.collection, w.id, w.body)
			}
			if offered != accepted {
				t.Errorf("%s, %s on %s (page %d): expected the form offered %v (the REST API's rule accepts the write: %v), got %v", role, form.name, form.page, rec.Code, accepted, accepted, offered)
			}
			if offered {
				offeredTo[form.name]++
			}
		}
	}
	for _, form := range forms {
		if offeredTo[form.name] == 0 && !stricter {
			t.Errorf("Expected %q offered to someone", form.name)
		}
	}
}

// ruleAccepts sends the write to the REST API as the token's user and
// says whether the collection's create or update rule let it through (it
// is then refused by validation, so nothing is written).
func ruleAccepts(t *testing.T, h http.Handler, token, method, collection, id string, body map[string]any) bool {
	t.Helper()
	b, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	target := "/api/collections/" + collection + "/records"
	if id != "" {
		target += "/" + id
	}
	req := httptest.NewRequest(method, target, strings.NewReader(string(b)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", token)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var answer struct {
		Data map[string]any `json:"data"`
	}
	_ = json.Unmarshal(rec.Body.Bytes(), &answer)
	switch {
	case rec.Code < 300:
		t.Fatalf("%s %s %v: expected a refusal by the rule or by validation, got %d (a write)", method, target, body, rec.Code)
	case rec.Code == http.StatusBadRequest && len(answer.Data) > 0:
		return true // the rule passed; validation refused
	}
	return false
}
