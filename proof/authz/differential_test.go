package authz_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/hooks"
	"ikplan/internal/model"
	"ikplan/internal/web"
	"ikplan/proof/testapp"
)

// TestNothingHiddenShapesAnAnswer is the differential test of what the
// REST API lets a filter, a sort or an expand see. For every role it makes
// two databases that differ only in the contents of the records that role
// may not read — every text, number, date, choice, flag and file name of
// the confidential control 12 and everything under it, of the other
// board's plan, control, result, deviation, action, risk and history, of
// people the role does not share a board with, of every row of the
// superusers-only collections — and sends the same generated requests to
// both: lists filtered and sorted over every relation path of every
// collection (forward, back, nested, @collection, every operator, the
// :each, :length and :lower modifiers), expands over those paths, records
// viewed with them, and the same filters in realtime subscriptions. Every
// answer (status and the whole body: totals, ids, order, fields) must be
// the same byte for byte: nothing the role may not read may shape what it
// gets. IKPLAN_DIFF=full sends the whole corpus (every leaf field and
// operator of every path) instead of a rotating part of it.
func TestNothingHiddenShapesAnAnswer(t *testing.T) {
	w := prepare(t)
	base := otherBoardWorld(t, w)
	appA, hA := serveDir(t, base, nil)
	schema := readSchema(t, appA)
	full := os.Getenv("IKPLAN_DIFF") == "full"

	var requests, compared atomic.Int64
	for _, role := range roles {
		if role == "super" {
			continue
		}
		t.Run(role, func(t *testing.T) {
			readable := readableSets(t, hA, w.tokens[role], schema)
			hidden := hiddenRecords(t, appA, schema, readable)
			_, hB := serveDir(t, base, func(app core.App) { mutateHidden(t, app, schema, hidden) })
			if again := readableSets(t, hB, w.tokens[role], schema); !sameSets(readable, again) {
				t.Fatalf("changing the hidden records' contents changed what %s may read: the test's mutation touched a field the rules read", role)
			}
			corpus := newCorpus(schema, valuesOf(t, appA, schema, hidden), full).requests()
			diffs := compare(hA, hB, w.tokens[role], corpus)
			requests.Add(int64(len(corpus)))
			compared.Add(int64(len(corpus) - len(diffs)))
			for i, d := range diffs {
				if i == 20 {
					t.Errorf("… and %d more differences", len(diffs)-20)
					break
				}
				t.Errorf("%s: %s", role, d)
			}
			t.Logf("%s: %d hidden records, %d requests, %d differences", role, count(hidden), len(corpus), len(diffs))
		})
	}
	t.Logf("%d requests per database, %d answers alike", requests.Load(), compared.Load())
}

// otherBoardWorld is the matrix's data with a reported plan of the other
// board (Individ- och arbetsmarknadsnämnden) that has a control, a result
// with a deviation, an action, an evidence file, a risk and its
// assessment, so that another board's records have contents to hide. It
// returns the data folder.
func otherBoardWorld(t *testing.T, w *world) string {
	t.Helper()
	app, err := testapp.NewApp(w.dir)
	if err != nil {
		t.Fatal(err)
	}
	hooks.Register(app, testapp.Clock)
	dir := app.DataDir()
	t.Cleanup(func() { os.RemoveAll(dir) })
	must := func(r *core.Record, err error) *core.Record {
		t.Helper()
		if err != nil {
			t.Fatalf("failed to add the other board's records: %v", err)
		}
		return r
	}
	f := w.f
	unit := must(app.FindFirstRecordByData(model.Units, "board", f.IAN))
	risk := must(testapp.Create(app, model.Risks, map[string]any{
		"board": f.IAN, "unit": unit.Id, "title": "Felaktiga utbetalningar av försörjningsstöd",
		"description": "Utbetalning utan fullständigt underlag.", "process": "Försörjningsstöd", "category": "ekonomi",
	}))
	must(testapp.Create(app, model.RiskAssessments, map[string]any{
		"risk": risk.Id, "year": 2024, "probability": 4, "consequence": 3, "motivation": "Många ärenden, få kontroller.", "treatment": "control",
	}))
	plan := must(testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2024, "title": "IAN:s internkontrollplan 2024"}))
	control := must(testapp.Create(app, model.Controls, map[string]any{
		"plan": plan.Id, "number": 1, "unit": unit.Id, "risk": risk.Id, "title": "Utbetalningar av försörjningsstöd",
		"process": "Försörjningsstöd", "description": "Stickprov av 20 utbetalningar mot beslut och underlag.",
		"method": "stickprov", "frequency": "yearly", "owner": f.Users["annan"], "report_to": "Nämnden",
		"due": "2024-11-30", "legal_refs": "4 kap 1 § SoL", "target_metric": "Andel korrekta utbetalningar",
		"target_operator": ">=", "target_value": "95", "target_unit": "procent",
	}))
	must(nil, testapp.Update(app, model.Plans, plan.Id, map[string]any{
		"status": model.PlanAdopted, "adopted_on": "2024-01-25", "adopted_ref": "§ 7, dnr IAN 2024/3",
	}))
	result := must(testapp.Create(app, model.Results, map[string]any{
		"control": control.Id, "period": "2024", "performed_on": "2024-11-20", "performed_by": f.Users["annan"],
		"account": "18 av 20 utbetalningar var korrekta; två saknade underlag.", "outcome": "deviation", "measured_value": "90",
	}))
	evidence(t, app, result.Id, "utbetalningar.txt", "Stickprovslista utbetalningar 2024")
	dev := must(testapp.Create(app, model.Deviations, map[string]any{
		"result": result.Id, "description": "Två utbetalningar saknade beslut.", "significant": true, "root_cause": "Rutinen för attest följdes inte.",
	}))
	must(testapp.Create(app, model.Actions, map[string]any{
		"deviation": dev.Id, "description": "Inför dubbel attest av utbetalningar.", "owner": f.Users["annan"],
		"deadline": "2025-06-30", "deadline_precision": "quarter",
	}))
	must(nil, testapp.Update(app, model.Plans, plan.Id, map[string]any{
		"status": model.PlanReported, "reported_on": "2025-02-20", "reported_ref": "§ 12, dnr IAN 2025/1",
	}))
	app.ClearBootstrap()
	return dir
}

// serveDir serves a copy of the data folder as `ikplan serve` does (see
// world.serve); before, if given, changes the copy's data first.
func serveDir(t *testing.T, dir string, before func(app core.App)) (*tests.TestApp, http.Handler) {
	t.Helper()
	app, err := testapp.NewApp(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(app.Cleanup)
	if before != nil {
		before(app)
	}
	hooks.Register(app, testapp.Clock)
	web.Register(app, testapp.Clock)
	r, err := apis.NewRouter(app)
	if err != nil {
		t.Fatal(err)
	}
	se := &core.ServeEvent{App: app, Router: r}
	if err := app.OnServe().Trigger(se, func(e *core.ServeEvent) error { return nil }); err != nil {
		t.Fatal(err)
	}
	mux, err := r.BuildMux()
	if err != nil {
		t.Fatal(err)
	}
	return app, mux
}

// A call is one request of the corpus: a GET under /api/ (a list or a
// view), or a realtime subscription (topic set).
type call struct {
	path  string // "/api/collections/plans/records?filter=…"
	topic string // a realtime subscription instead: "plans?options=…"
}

func (c call) String() string {
	if c.topic != "" {
		return "realtime " + c.topic
	}
	return "GET " + c.path
}

// peers hands each request an address of its own: PocketBase slows down
// a client whose filtered lists keep coming back empty (three in three
// seconds from one address), which the corpus does all the time. No
// traffic leaves the process; the address is only what the request says.
var peers atomic.Uint32

func peer() string {
	n := peers.Add(1)
	return fmt.Sprintf("198.18.%d.%d:4711", (n>>8)&0xff, n&0xff)
}

// get sends one GET as the token's holder.
func get(h http.Handler, token, path string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, path, nil)
	req.RemoteAddr = peer()
	if token != "" {
		req.Header.Set("Authorization", token)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// compare sends every call to both servers (two at a time, the machine's
// cores) and describes each answer that differs.
func compare(hA, hB http.Handler, token string, corpus []call) []string {
	var (
		mu    sync.Mutex
		diffs []string
		wg    sync.WaitGroup
		next  atomic.Int64
	)
	for range 2 {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= len(corpus) {
					return
				}
				c := corpus[i]
				a, b := answer(hA, token, c), answer(hB, token, c)
				if a != b {
					mu.Lock()
					diffs = append(diffs, fmt.Sprintf("%s\n\tfirst database:  %s\n\tsecond database: %s", c, clip(a), clip(b)))
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	slices.Sort(diffs)
	return diffs
}

// answer is the status and body of a call, as one string.
func answer(h http.Handler, token string, c call) string {
	rec := get(h, token, c.path)
	return fmt.Sprintf("%d %s", rec.Code, canonical(rec.Body.Bytes()))
}

// canonical is a JSON body with its keys in order (PocketBase writes a
// record's fields in the order of a map), or the body as it is.
func canonical(body []byte) string {
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return string(bytes.TrimSpace(body))
	}
	out, _ := json.Marshal(v)
	return string(out)
}

func clip(s string) string {
	if len(s) > 400 {
		return s[:400] + "…"
	}
	return s
}

// readableSets is the id of every record of each collection the token's
// holder may list, read through the REST API.
func readableSets(t *testing.T, h http.Handler, token string, s *schema) map[string]map[string]bool {
	t.Helper()
	out := map[string]map[string]bool{}
	for _, c := range s.collections {
		out[c.Name] = map[string]bool{}
		if c.ListRule == nil {
			continue
		}
		for page := 1; ; page++ {
			rec := get(h, token, fmt.Sprintf("/api/collections/%s/records?fields=id&perPage=500&skipTotal=1&page=%d", c.Name, page))
			if rec.Code != http.StatusOK {
				t.Fatalf("Expected the list of %s, got %d %s", c.Name, rec.Code, rec.Body)
			}
			var list struct{ Items []struct{ Id string } }
			if err := json.Unmarshal(rec.Body.Bytes(), &list); err != nil {
				t.Fatal(err)
			}
			for _, it := range list.Items {
				out[c.Name][it.Id] = true
			}
			if len(list.Items) < 500 {
				break
			}
		}
	}
	return out
}

func sameSets(a, b map[string]map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for name, ids := range a {
		if len(ids) != len(b[name]) {
			return false
		}
		for id := range ids {
			if !b[name][id] {
				return false
			}
		}
	}
	return true
}

func count(hidden map[string][]string) int {
	n := 0
	for _, ids := range hidden {
		n += len(ids)
	}
	return n
}
