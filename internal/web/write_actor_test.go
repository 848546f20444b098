package web_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// historyRow is what a history row says of who made a change.
type historyRow struct{ collection, op, actor, name, reason string }

// historySince is the history written after the row with the given rowid.
func historySince(t *testing.T, app core.App, rowid int64) []historyRow {
	t.Helper()
	var rows []struct {
		Collection string `db:"collection"`
		Op         string `db:"op"`
		Actor      string `db:"actor"`
		Name       string `db:"actor_name"`
		Reason     string `db:"reason"`
	}
	err := app.DB().Select("collection", "op", "actor", "actor_name", "reason").From(model.AuditLog).
		Where(dbx.NewExp("rowid > {:r}", dbx.Params{"r": rowid})).OrderBy("rowid").All(&rows)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]historyRow, len(rows))
	for i, r := range rows {
		out[i] = historyRow{r.Collection, r.Op, r.Actor, r.Name, r.Reason}
	}
	return out
}

// lastHistory is the rowid of the newest history row.
func lastHistory(t *testing.T, app core.App) int64 {
	t.Helper()
	var n struct {
		N int64 `db:"n"`
	}
	if err := app.DB().NewQuery("SELECT coalesce(max(rowid), 0) AS n FROM " + model.AuditLog).One(&n); err != nil {
		t.Fatal(err)
	}
	return n.N
}

// apiRequest sends a JSON request to the REST API with a token.
func apiRequest(t *testing.T, h http.Handler, method, target, token string, payload any) *httptest.ResponseRecorder {
	t.Helper()
	var body *strings.Reader
	if payload == nil {
		body = strings.NewReader("")
	} else {
		b, err := json.Marshal(payload)
		if err != nil {
			t.Fatal(err)
		}
		body = strings.NewReader(string(b))
	}
	req := httptest.NewRequest(method, target, body)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", token)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// draftWithControl is a draft plan of the board with one control: deleting
// the plan deletes the control too (PocketBase's cascade, which saves and
// deletes without the event's context).
func draftWithControl(t *testing.T, app core.App, board string, year int) (plan, control string) {
	t.Helper()
	p, err := testapp.Create(app, model.Plans, map[string]any{"board": board, "year": year})
	if err != nil {
		t.Fatal(err)
	}
	c, err := testapp.Create(app, model.Controls, map[string]any{"plan": p.Id, "number": 1, "title": "Kontroll", "frequency": model.FreqYearly})
	if err != nil {
		t.Fatal(err)
	}
	return p.Id, c.Id
}

// TestHistoryNamesTheActorOnEveryPath: whichever way a write comes in —
// the REST API as a user or a superuser, the batch API, a web form, a
// batch of writes as an import makes them (model.RunBatch), next year's
// plan (carry-over), the command line's system — every history row it
// leaves names its actor, those of the nested writes included: the
// controls PocketBase's cascade deletes with their plan, the actions and
// controls a carry-over makes. The write's state travels with the write
// (model.Write), so a cascade that lost it would name "system".
func TestHistoryNamesTheActorOnEveryPath(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	coordinator := model.Users + "/" + f.Users["samordnare"]
	cases := []struct {
		name  string
		write func(t *testing.T, app *tests.TestApp, h http.Handler) // the write, after a draft plan with a control of IAN 2026 is made
		actor string                                                 // the label every new history row names; "" is the superuser
		need  []string                                               // collection/op that must be among the rows
	}{
		{
			name: "REST delete as a user, with its cascade",
			write: func(t *testing.T, app *tests.TestApp, h http.Handler) {
				plan := planOf(t, app, f.IAN, 2026)
				if rec := apiRequest(t, h, http.MethodDelete, "/api/collections/plans/records/"+plan, f.Tokens["samordnare"], nil); rec.Code != http.StatusNoContent {
					t.Fatalf("Expected the plan deleted, got %d %s", rec.Code, rec.Body.String())
				}
			},
			actor: coordinator, need: []string{"plans/delete", "controls/delete"},
		},
		{
			name: "REST delete as a superuser, with its cascade",
			write: func(t *testing.T, app *tests.TestApp, h http.Handler) {
				plan := planOf(t, app, f.IAN, 2026)
				if rec := apiRequest(t, h, http.MethodDelete, "/api/collections/plans/records/"+plan, f.Tokens["superuser"], nil); rec.Code != http.StatusNoContent {
					t.Fatalf("Expected the plan deleted, got %d %s", rec.Code, rec.Body.String())
				}
			},
			actor: "", need: []string{"plans/delete", "controls/delete"},
		},
		{
			name: "REST create and update as a user",
			write: func(t *testing.T, app *tests.TestApp, h http.Handler) {
				plan := planOf(t, app, f.IAN, 2026)
				rec := apiRequest(t, h, http.MethodPost, "/api/collections/controls/records", f.Tokens["samordnare"],
					map[string]any{"plan": plan, "number": 2, "title": "Andra", "frequency": model.FreqYearly})
				if rec.Code != http.StatusOK {
					t.Fatalf("Expected the control created, got %d %s", rec.Code, rec.Body.String())
				}
				if rec := apiRequest(t, h, http.MethodPatch, "/api/collections/plans/records/"+plan, f.Tokens["samordnare"],
					map[string]any{"title": "Ny rubrik"}); rec.Code != http.StatusOK {
					t.Fatalf("Expected the plan updated, got %d %s", rec.Code, rec.Body.String())
				}
			},
			actor: coordinator, need: []string{"controls/create", "plans/update"},
		},
		{
			name: "the batch API, several requests, one with a cascade",
			write: func(t *testing.T, app *tests.TestApp, h http.Handler) {
				plan := planOf(t, app, f.IAN, 2026)
				s := app.Settings()
				s.Batch.Enabled, s.Batch.MaxRequests, s.Batch.Timeout = true, 50, 10
				if err := app.Save(s); err != nil {
					t.Fatal(err)
				}
				rec := apiRequest(t, h, http.MethodPost, "/api/batch", f.Tokens["samordnare"], map[string]any{"requests": []any{
					map[string]any{"method": "PATCH", "url": "/api/collections/plans/records/" + plan, "body": map[string]any{"title": "Ny rubrik"}},
					map[string]any{"method": "DELETE", "url": "/api/collections/plans/records/" + plan},
				}})
				if rec.Code != http.StatusOK {
					t.Fatalf("Expected the batch done, got %d %s", rec.Code, rec.Body.String())
				}
			},
			actor: coordinator, need: []string{"plans/update", "plans/delete", "controls/delete"},
		},
		{
			name: "a web form: a control removed with a reason",
			write: func(t *testing.T, app *tests.TestApp, h http.Handler) {
				plan := planOf(t, app, f.IAN, 2026)
				var control string
				if err := app.DB().Select("id").From(model.Controls).Where(dbx.HashExp{"plan": plan}).Row(&control); err != nil {
					t.Fatal(err)
				}
				rec := post(t, h, f, "samordnare", "/plans/"+plan+"/controls/"+control+"/delete", url.Values{"reason": {"Dubblett."}}.Encode())
				if rec.Code >= 400 {
					t.Fatalf("Expected the control removed, got %d %s", rec.Code, rec.Body.String())
				}
			},
			actor: coordinator, need: []string{"controls/delete"},
		},
		{
			name: "a batch as an import makes it, with a cascade",
			write: func(t *testing.T, app *tests.TestApp, h http.Handler) {
				plan := planOf(t, app, f.IAN, 2026)
				user, err := app.FindRecordById(model.Users, f.Users["samordnare"])
				if err != nil {
					t.Fatal(err)
				}
				if err := model.RunBatch(app, model.ActorFromAuth(user), func(tx core.App) error {
					if err := testapp.Update(tx, model.Plans, plan, map[string]any{"title": "Ny rubrik"}); err != nil {
						return err
					}
					return testapp.Delete(tx, model.Plans, plan)
				}); err != nil {
					t.Fatal(err)
				}
			},
			actor: coordinator, need: []string{"plans/update", "plans/delete", "controls/delete"},
		},
		{
			name: "next year's plan through its form (carry-over)",
			write: func(t *testing.T, app *tests.TestApp, h http.Handler) {
				rec := post(t, h, f, "samordnare", "/plans/"+f.Plan+"/next", decideAll(f, "continue", "2", "8", "10", "11", "12", "HR8").Encode())
				if rec.Code >= 400 {
					t.Fatalf("Expected next year's plan, got %d %s", rec.Code, rec.Body.String())
				}
			},
			actor: coordinator, need: []string{"plans/create", "controls/create", "actions/create", "actions/update"},
		},
		{
			name: "the command line's system",
			write: func(t *testing.T, app *tests.TestApp, h http.Handler) {
				plan := planOf(t, app, f.IAN, 2026)
				if err := model.RunAs(app, model.System, func(tx core.App) error { return testapp.Delete(tx, model.Plans, plan) }); err != nil {
					t.Fatal(err)
				}
			},
			actor: "system", need: []string{"plans/delete", "controls/delete"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			app := testapp.NewWeb(t)
			draftWithControl(t, app, f.IAN, 2026)
			h := serve(t, app)
			from := lastHistory(t, app)
			c.write(t, app, h)
			actor := c.actor
			if actor == "" {
				su, err := app.FindAuthRecordByEmail(core.CollectionNameSuperusers, "admin@ikplan.test")
				if err != nil {
					t.Fatal(err)
				}
				actor = core.CollectionNameSuperusers + "/" + su.Id
			}
			rows := historySince(t, app, from)
			seen := map[string]bool{}
			for _, r := range rows {
				seen[r.collection+"/"+r.op] = true
				if r.actor != actor || r.name == "" {
					t.Errorf("Expected the history of %s/%s to name %s, got %s (%s)", r.collection, r.op, actor, r.actor, r.name)
				}
			}
			for _, n := range c.need {
				if !seen[n] {
					t.Errorf("Expected a history row of %s among %v", n, rows)
				}
			}
		})
	}
}

// planOf is the id of the board's plan of the year.
func planOf(t *testing.T, app core.App, board string, year int) string {
	t.Helper()
	var id string
	if err := app.DB().Select("id").From(model.Plans).Where(dbx.HashExp{"board": board, "year": year}).Row(&id); err != nil {
		t.Fatalf("Expected the plan of %d: %v", year, err)
	}
	return id
}

// TestConcurrentWritesKeepTheirActors: writes by different actors at the
// same time, through the REST API, each name their own actor in the
// history — nothing of one write is shared with another.
func TestConcurrentWritesKeepTheirActors(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.NewWeb(t)
	h := serve(t, app)
	su, err := app.FindAuthRecordByEmail(core.CollectionNameSuperusers, "admin@ikplan.test")
	if err != nil {
		t.Fatal(err)
	}
	actors := map[string]string{ // token key → the actor the history names
		"samordnare": model.Users + "/" + f.Users["samordnare"],
		"superuser":  core.CollectionNameSuperusers + "/" + su.Id,
	}
	const rounds = 8
	var mu sync.Mutex
	want := map[string]string{} // unit id → actor
	var wg sync.WaitGroup
	for key, actor := range actors {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range rounds {
				rec := apiRequest(t, h, http.MethodPost, "/api/collections/units/records", f.Tokens[key],
					map[string]any{"board": f.KS, "name": "Enhet " + key + " " + string(rune('A'+i))})
				var unit struct{ Id string }
				if rec.Code != http.StatusOK || json.Unmarshal(rec.Body.Bytes(), &unit) != nil {
					t.Errorf("Expected %s's unit created, got %d %s", key, rec.Code, rec.Body.String())
					continue
				}
				mu.Lock()
				want[unit.Id] = actor
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	if len(want) != rounds*len(actors) {
		t.Fatalf("Expected %d units, got %d", rounds*len(actors), len(want))
	}
	for id, actor := range want {
		var got string
		if err := app.DB().Select("actor").From(model.AuditLog).Where(dbx.HashExp{"record": id, "op": "create"}).Row(&got); err != nil {
			t.Fatalf("Expected the history of unit %s: %v", id, err)
		}
		if got != actor {
			t.Errorf("Expected unit %s's history to name %s, got %s", id, actor, got)
		}
	}
}
