package web_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestPerformedSetIdenticallyOnEveryPath is the differential test of the
// server-owned fields of a result: whoever saves a result through the
// REST API, the batch API or the web form gets the same performed_by and
// performed_on — the hooks set them, not a handler. The server owns
// performed_by: an owner's result is theirs whatever the request names (the
// value sent is overwritten, not refused), a coordinator's is theirs
// unless they name someone of the board (which only the API offers); the
// system — the command line, the demo, an import — names whoever did it.
// performed_on is the person's to give, today when they give none, and
// none for a control not performed.
func TestPerformedSetIdenticallyOnEveryPath(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	type want struct{ by, on string }
	cases := []struct {
		name   string
		user   string
		fields map[string]string
		want   want // on the REST API, the batch API and the form alike
		system want // the same write by the system, for the command line
	}{
		{
			name: "an owner's result names the owner, whoever the request names, performed today",
			user: "ansvarig", fields: map[string]string{"performed_by": "samordnare"},
			want: want{"ansvarig", "2025-03-15"}, system: want{"samordnare", "2025-03-15"},
		},
		{
			name: "an owner's result on the day given",
			user: "ansvarig", fields: map[string]string{"performed_on": "2025-01-10"},
			want: want{"ansvarig", "2025-01-10"}, system: want{"", "2025-01-10"},
		},
		{
			name: "a coordinator's result names the coordinator",
			user: "samordnare", fields: map[string]string{},
			want: want{"samordnare", "2025-03-15"}, system: want{"", "2025-03-15"},
		},
		{
			name: "a control not performed has no day",
			user: "ansvarig", fields: map[string]string{"outcome": "not_performed", "not_performed_reason": "Personalbrist.", "performed_on": "2025-01-10"},
			want: want{"ansvarig", ""}, system: want{"", ""},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			fields := map[string]string{"period": "2024", "outcome": "no_deviation", "account": "Granskat."}
			for k, v := range c.fields {
				if k == "performed_by" {
					v = f.Users[v]
				}
				fields[k] = v
			}
			for _, path := range []string{"rest", "batch", "form", "system"} {
				app := testapp.NewWeb(t)
				if err := testapp.Delete(app, model.Results, f.Results["1"]); err != nil {
					t.Fatal(err)
				}
				expected := c.want
				if path == "system" {
					expected = c.system
				}
				if status := writeResult(t, app, f, path, c.user, f.Controls["1"], fields); status >= 400 {
					t.Fatalf("%s: expected the result saved, got %d", path, status)
				}
				r, err := app.FindFirstRecordByFilter(model.Results, "control = {:c}", dbx.Params{"c": f.Controls["1"]})
				if err != nil {
					t.Fatalf("%s: expected the result saved: %v", path, err)
				}
				got := want{r.GetString("performed_by"), ""}
				if d := r.GetDateTime("performed_on"); !d.IsZero() {
					got.on = d.Time().Format("2006-01-02")
				}
				if expected.by != "" {
					expected.by = f.Users[expected.by]
				}
				if got != expected {
					t.Errorf("%s as %s: expected performed_by %q and performed_on %q, got %q and %q", path, c.user, expected.by, expected.on, got.by, got.on)
				}
				app.Cleanup()
			}
		})
	}
}

// writeResult creates a result of control with fields as user through
// path: "rest", "batch", "form" or "system" (model.System, as the command
// line writes). It returns the HTTP status (200 for the system's write).
func writeResult(t *testing.T, app *tests.TestApp, f *testapp.Fixture, path, user, control string, fields map[string]string) int {
	t.Helper()
	body := map[string]any{"control": control}
	for k, v := range fields {
		body[k] = v
	}
	switch path {
	case "system":
		values := map[string]any{}
		for k, v := range body {
			values[k] = v
		}
		if err := model.RunAs(app, model.System, func(tx core.App) error {
			_, err := testapp.Create(tx, model.Results, values)
			return err
		}); err != nil {
			t.Fatalf("system: %v", err)
		}
		return http.StatusOK
	case "form":
		form := url.Values{}
		for k, v := range fields {
			form.Set(k, v)
		}
		rec := post(t, serve(t, app), f, user, "/controls/"+control+"/results", form.Encode())
		if rec.Code >= 400 {
			t.Logf("form: %s", rec.Body.String())
		}
		return rec.Code
	}
	s := app.Settings()
	s.Batch.Enabled, s.Batch.MaxRequests, s.Batch.Timeout = true, 50, 10
	if err := app.Save(s); err != nil {
		t.Fatal(err)
	}
	target, payload := "/api/collections/results/records", any(body)
	if path == "batch" {
		target = "/api/batch"
		payload = map[string]any{"requests": []any{map[string]any{"method": "POST", "url": "/api/collections/results/records", "body": body}}}
	}
	b, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(string(b)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", f.Tokens[user])
	rec := httptest.NewRecorder()
	serve(t, app).ServeHTTP(rec, req)
	if rec.Code >= 300 {
		t.Logf("%s: %s", path, rec.Body.String())
	}
	return rec.Code
}
