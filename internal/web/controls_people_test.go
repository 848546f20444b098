package web_test

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestControlPageAsksEachItem checks that the forms of every control page
// of the demo plan, asked of the rules for all results and deviations at
// once, are those that asking the rules one record at a time gives: a
// new deviation for each result reporting one, the status and a new action
// for each deviation, the link to change each result; for every account,
// with a second deviation on control 11's result.
func TestControlPageAsksEachItem(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.NewWeb(t)
	if _, err := testapp.Create(app, model.Deviations, map[string]any{"result": f.Results["11"], "description": "Ännu en avvikelse."}); err != nil {
		t.Fatal(err)
	}
	h := handler(t, app)
	probe := func(collection, field, value string) *core.Record {
		col, err := app.FindCachedCollectionByNameOrId(collection)
		if err != nil {
			t.Fatal(err)
		}
		r := core.NewRecord(col)
		r.Set(field, value)
		return r
	}
	forms := 0
	for _, account := range []string{"samordnare", "ansvarig", "raddning", "it", "hr", "lasare", "revisor"} {
		user := testapp.Find(t, app, model.Users, f.Users[account])
		for key, id := range f.Controls {
			req := httptest.NewRequest(http.MethodGet, "/controls/"+id, nil)
			req.AddCookie(&http.Cookie{Name: "ikplan_session", Value: f.Sessions[account]})
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code == http.StatusNotFound {
				continue // a reader's confidential control
			}
			body, _ := io.ReadAll(rec.Body)
			page := string(body)
			has := func(what string, want bool, s string) {
				t.Helper()
				if strings.Contains(page, s) != want {
					t.Errorf("%s, control %s: expected %s %v", account, key, what, want)
				}
				if want {
					forms++
				}
			}
			results, err := app.FindRecordsByFilter(model.Results, "control = {:c}", "", 0, 0, dbx.Params{"c": id})
			if err != nil {
				t.Fatal(err)
			}
			report := access.MayCreate(app, user, probe(model.Results, "control", id))
			for _, r := range results {
				has("the link to change result "+r.Id, report && access.Can(app, user, r, r.Collection().UpdateRule), "?edit="+r.Id)
				has("a new deviation on "+r.Id, r.GetString("outcome") == model.OutcomeDeviation &&
					access.MayCreate(app, user, probe(model.Deviations, "result", r.Id)), `id="dev-`+r.Id+`-form"`)
				devs, err := app.FindRecordsByFilter(model.Deviations, "result = {:r}", "", 0, 0, dbx.Params{"r": r.Id})
				if err != nil {
					t.Fatal(err)
				}
				for _, d := range devs {
					has("the status of "+d.Id, access.Can(app, user, d, d.Collection().UpdateRule), `id="dst-`+d.Id+`-form"`)
					has("a new action on "+d.Id, access.MayCreate(app, user, probe(model.Actions, "deviation", d.Id)), `id="act-`+d.Id+`-form"`)
				}
			}
		}
	}
	if forms == 0 {
		t.Fatal("Expected some forms on the control pages")
	}
}
