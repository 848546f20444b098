package authz_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// TestProtectedFilesAreNotCached: every protected file field of every
// collection (read from the collections, so a new one is covered), served
// by every route that serves it — PocketBase's /api/files (GET and HEAD,
// with and without a thumb size) and, for evidence, the web UI's download —
// is "Cache-Control: private, no-store", for each role that may read it.
func TestProtectedFilesAreNotCached(t *testing.T) {
	w := prepare(t)
	app, _, h := w.serve(t)
	defer app.Cleanup()
	cols, err := app.FindAllCollections()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, col := range cols {
		for _, field := range col.Fields {
			f, ok := field.(*core.FileField)
			if !ok || !f.Protected {
				continue
			}
			var rows []struct {
				Id    string `db:"id"`
				Files string `db:"files"`
			}
			err := app.DB().Select("id", f.Name+" AS files").From(col.Name).
				Where(dbx.Not(dbx.In(f.Name, "", "[]"))).Limit(1).All(&rows)
			if err != nil || len(rows) == 0 {
				t.Errorf("%s.%s: a protected file field with no file in the test data (%v): give one a file in prepare", col.Name, f.Name, err)
				continue
			}
			r, err := app.FindRecordById(col, rows[0].Id)
			if err != nil {
				t.Fatal(err)
			}
			name := r.GetStringSlice(f.Name)[0]
			base := "/api/files/" + col.Name + "/" + r.Id + "/" + name + "?token="
			for _, role := range []string{"coord", "auditor", "super"} {
				targets := []string{base + w.files[role], base + w.files[role] + "&thumb=100x100", base + w.files[role] + "&download=1"}
				if col.Name == model.Results && f.Name == "evidence" {
					targets = append(targets, "/controls/"+r.GetString("control")+"/evidence/"+r.Id+"/"+name)
				}
				for _, target := range targets {
					for _, method := range []string{http.MethodGet, http.MethodHead} {
						req := httptest.NewRequest(method, target, nil)
						if role != "super" {
							req.AddCookie(&http.Cookie{Name: "ikplan_session", Value: w.sessions[role]})
						}
						rec := httptest.NewRecorder()
						h.ServeHTTP(rec, req)
						if rec.Code == http.StatusSeeOther && role == "super" {
							continue // superusers have no web session
						}
						n++
						if got := rec.Header().Get("Cache-Control"); rec.Code != http.StatusOK || got != "private, no-store" {
							t.Errorf("as %s: expected 200 with Cache-Control \"private, no-store\", got %d %q: %s %.90s", role, rec.Code, got, method, target)
						}
					}
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("Expected protected files to check")
	}
	t.Logf("%d downloads of protected files", n)
}
