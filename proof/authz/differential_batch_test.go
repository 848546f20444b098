package authz_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
)

// TestNothingHiddenShapesABatch is the differential test of the batch API
// (off by default; an administrator can turn it on): for every role, each
// record it may read and some it may not are saved unchanged through a
// batch, with every expand of the record's collection, on the two
// databases of TestNothingHiddenShapesAnAnswer. The answers — a refusal or
// the saved record with what it expands to — must be the same but for the
// time of the save.
func TestNothingHiddenShapesABatch(t *testing.T) {
	w := prepare(t)
	base := otherBoardWorld(t, w)
	batchOn := func(app core.App) {
		s := app.Settings()
		s.Batch.Enabled, s.Batch.MaxRequests, s.Batch.Timeout = true, 50, 10
		if err := app.Save(s); err != nil {
			t.Fatal(err)
		}
	}
	appA, hA := serveDir(t, base, batchOn)
	schema := readSchema(t, appA)
	all := valuesOf(t, appA, schema, nil)

	for _, role := range roles {
		if role == "super" {
			continue
		}
		t.Run(role, func(t *testing.T) {
			readable := readableSets(t, hA, w.tokens[role], schema)
			hidden := hiddenRecords(t, appA, schema, readable)
			_, hB := serveDir(t, base, func(app core.App) { batchOn(app); mutateHidden(t, app, schema, hidden) })
			sent, diffs := 0, 0
			for _, c := range schema.collections {
				if c.Name == "audit_log" || c.Name == "sessions" {
					continue
				}
				var expands []string
				for _, p := range schema.paths(c, 2) {
					if len(p.segs) > 0 {
						expands = append(expands, strings.Join(p.segs, "."))
					}
				}
				var ids []string
				nr, nh := 0, 0
				for _, id := range all[c.Name]["id"] {
					if readable[c.Name][id] && nr < 3 {
						ids, nr = append(ids, id), nr+1
					} else if !readable[c.Name][id] && nh < 2 {
						ids, nh = append(ids, id), nh+1
					}
				}
				for _, id := range ids {
					body, _ := json.Marshal(map[string]any{"requests": []map[string]any{{
						"method": http.MethodPatch, "url": "/api/collections/" + c.Name + "/records/" + id + "?expand=" + strings.Join(expands, ","),
						"body": map[string]any{},
					}}})
					a, b := batch(hA, w.tokens[role], string(body)), batch(hB, w.tokens[role], string(body))
					sent++
					if a != b {
						diffs++
						if diffs <= 10 {
							t.Errorf("%s: a batch saving %s %s differs:\n%s", role, c.Name, id, firstDifference(a, b))
						}
					}
				}
			}
			t.Logf("%s: %d batches, %d differences", role, sent, diffs)
		})
	}
}

// batch sends a batch request and returns its status and body, with the
// records' "updated" times left out (a save sets them, a moment apart in
// the two databases).
func batch(h http.Handler, token, body string) string {
	req := httptest.NewRequest(http.MethodPost, "/api/batch", strings.NewReader(body))
	req.RemoteAddr = peer()
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", token)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	var v any
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil {
		return fmt.Sprintf("%d %s", rec.Code, rec.Body)
	}
	dropKey(v, "updated")
	out, _ := json.Marshal(v)
	return fmt.Sprintf("%d %s", rec.Code, out)
}

func dropKey(v any, key string) {
	switch v := v.(type) {
	case map[string]any:
		delete(v, key)
		for _, x := range v {
			dropKey(x, key)
		}
	case []any:
		for _, x := range v {
			dropKey(x, key)
		}
	}
}
