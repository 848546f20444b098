package hooks_test

import (
	"bytes"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// attachEvidence adds a text file of size bytes, stored under name, to the
// result's evidence.
func attachEvidence(app core.App, resultId, name string, size int) error {
	r, err := app.FindRecordById(model.Results, resultId)
	if err != nil {
		return err
	}
	file, err := filesystem.NewFileFromBytes(bytes.Repeat([]byte("a"), size), name)
	if err != nil {
		return err
	}
	file.Name = name
	r.Set("evidence+", file)
	return app.Save(r)
}

// TestEvidenceSizeIsNamed: evidence larger than the field allows is
// refused naming the field and the largest size, in whole megabytes.
func TestEvidenceSizeIsNamed(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	col, err := app.FindCollectionByNameOrId(model.Results)
	if err != nil {
		t.Fatal(err)
	}
	limit := int(col.Fields.GetByName("evidence").(*core.FileField).MaxSize)
	if limit != 20<<20 {
		t.Fatalf("Expected evidence of at most 20 MiB, got %d bytes", limit)
	}
	msg := testapp.FieldErrors(attachEvidence(app, f.Results["5"], "stor.txt", limit+1))["evidence"]
	if !strings.Contains(msg, "för stor – högst 20 MB per fil") {
		t.Errorf("Expected the evidence refused as larger than 20 MB, got %q", msg)
	}
	if err := attachEvidence(app, f.Results["5"], "lagom.txt", limit); err != nil {
		t.Errorf("Expected evidence of exactly 20 MiB allowed, got %v", err)
	}
}

// TestProtectedFilesAreNotCachedByTheAPI: a protected file served by the
// REST API is "Cache-Control: private, no-store", not PocketBase's month
// in every cache on the way.
func TestProtectedFilesAreNotCachedByTheAPI(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	su, err := app.FindAuthRecordByEmail(core.CollectionNameSuperusers, "admin@ikplan.test")
	if err != nil {
		t.Fatal(err)
	}
	token, err := su.NewFileToken()
	if err != nil {
		t.Fatal(err)
	}
	const name = "bevis_cache.txt"
	content := map[string][]string{http.MethodGet: {"aaaaaaaaaa"}} // HEAD: no body
	for _, method := range []string{http.MethodGet, http.MethodHead} {
		s := tests.ApiScenario{
			Name: method, Method: method, URL: "/api/files/results/" + f.Results["5"] + "/" + name + "?token=" + token,
			TestAppFactory: testapp.Factory,
			BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
				if err := attachEvidence(app, f.Results["5"], name, 100); err != nil {
					t.Fatal(err)
				}
			},
			ExpectedStatus: http.StatusOK, ExpectedContent: content[method],
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if got := res.Header.Get("Cache-Control"); got != "private, no-store" {
					t.Errorf("Expected Cache-Control \"private, no-store\", got %q", got)
				}
			},
		}
		t.Run(method, func(t *testing.T) {
			t.Parallel()
			s.Test(t)
		})
	}
}
