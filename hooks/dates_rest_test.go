package hooks_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/proof/testapp"
)

// TestRESTRefusesUnreadableDates: a date the REST API cannot read is a 400
// naming the field — on create and update, for every date field of every
// collection, whoever sends it (a superuser too) — never quietly stored as
// no date. An empty date clears the field.
func TestRESTRefusesUnreadableDates(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	cols, err := app.FindAllCollections(core.CollectionTypeBase, core.CollectionTypeAuth)
	if err != nil {
		t.Fatal(err)
	}
	headers := map[string]string{"Authorization": f.Tokens["superuser"], "Content-Type": "application/json"}
	var scenarios []tests.ApiScenario
	for _, col := range cols {
		if col.System {
			continue
		}
		some, err := app.FindRecordsByFilter(col, "", "", 1, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, fl := range col.Fields {
			if fl.Type() != core.FieldTypeDate {
				continue
			}
			for _, bad := range []string{"31.12.2024", "2024-13-45", "i morgon"} {
				body := `{"` + fl.GetName() + `":"` + bad + `"}`
				refusal := []string{`"` + fl.GetName() + `":{"code":"validation_ikplan"`, "giltigt datum"}
				scenarios = append(scenarios, tests.ApiScenario{
					Name: "create " + col.Name + " " + body, Method: http.MethodPost, URL: "/api/collections/" + col.Name + "/records",
					Body: strings.NewReader(body), Headers: headers,
					ExpectedStatus: http.StatusBadRequest, ExpectedContent: refusal,
				})
				if len(some) > 0 {
					scenarios = append(scenarios, tests.ApiScenario{
						Name: "update " + col.Name + " " + body, Method: http.MethodPatch, URL: "/api/collections/" + col.Name + "/records/" + some[0].Id,
						Body: strings.NewReader(body), Headers: headers,
						ExpectedStatus: http.StatusBadRequest, ExpectedContent: refusal,
					})
				}
			}
		}
	}
	if len(scenarios) < 20 {
		t.Fatalf("Expected date fields in several collections, got %d scenarios", len(scenarios))
	}
	for _, empty := range []string{"", "  "} {
		scenarios = append(scenarios, tests.ApiScenario{
			Name: "a board's end date cleared with " + `"` + empty + `"`, Method: http.MethodPatch, URL: "/api/collections/boards/records/" + f.KS,
			Body: strings.NewReader(`{"active_to":"` + empty + `"}`), Headers: headers,
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{`"active_to":""`},
		})
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.Factory
		t.Run(s.Name, func(t *testing.T) {
			t.Parallel()
			s.Test(t)
		})
	}
}
