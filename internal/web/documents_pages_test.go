package web_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/proof/pdftext"
	"ikplan/proof/testapp"
)

// TestDocumentsShowWhatPagesShow is the differential test of the
// documents against the pages: for every role, document and format, the
// controls a document shows are the controls the same person's plan page
// shows — the internal version all of them, the public version those of
// them that are not confidential (model.PublicControls), of the controls
// the document names at all (a follow-up names the controls not followed
// up by number, the memo only those of significant deviations) — and the
// public version is the reader's. It holds under the rules as they are
// and under a stricter rule that hides one more control from readers:
// a document reads its controls through the same access check as the
// pages (model.Version), so it follows a rule it was not written for.
func TestDocumentsShowWhatPagesShow(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	for _, world := range []struct {
		name     string
		stricter bool
	}{{"the rules as they are", false}, {"a stricter rule for readers", true}} {
		t.Run(world.name, func(t *testing.T) {
			t.Parallel()
			app := testapp.NewWeb(t)
			marks, confidential := markControls(t, app, f.Plan)
			if world.stricter {
				hideFromReaders(t, app, f.Controls["3"])
			}
			h := serve(t, app)
			// what each document shows at all (a follow-up names the
			// controls not followed up by number only): the coordinator's
			// internal version, who sees every control
			if got := shown(marks, fetch(t, h, f, "samordnare", "/plans/"+f.Plan)); len(got) != len(marks) {
				t.Fatalf("Expected the coordinator to see every control, got %v", got)
			}
			full := map[string][]string{}
			public := map[string]bool{}
			for _, role := range []string{"samordnare", "ansvarig", "lasare", "revisor"} {
				page := shown(marks, fetch(t, h, f, role, "/plans/"+f.Plan))
				var inPublic []string
				for _, m := range page {
					if !confidential[m] {
						inPublic = append(inPublic, m)
					}
				}
				if role == "lasare" {
					for _, m := range page {
						public[m] = true
					}
				}
				for _, kind := range []string{"followup", "plan", "memo", "rollup"} {
					for _, version := range []string{"", "1"} {
						seen := page
						if version == "1" || role == "lasare" {
							seen = inPublic
						}
						for _, format := range []string{"html", "docx", "pdf"} {
							url := "/reports/" + kind + "/download?board=" + f.KS + "&year=2024&format=" + format + "&public=" + version
							if kind == "rollup" {
								url = "/reports/rollup/download?year=2024&format=" + format + "&public=" + version
							}
							got := shown(marks, docText(t, format, fetchBytes(t, h, f, role, url)))
							if role == "samordnare" && version == "" {
								full[kind+format] = got
							}
							if want := both(seen, full[kind+format]); !slices.Equal(got, want) {
								t.Errorf("%s, %s: expected the controls of the page %v, got %v", role, url, want, got)
							}
						}
					}
				}
			}
			// the reader's version is the public version of one who sees all
			coordinator := shown(marks, fetch(t, h, f, "samordnare", "/reports/plan?board="+f.KS+"&year=2024&public=1"))
			if !world.stricter && !sameAsSet(coordinator, public) {
				t.Errorf("Expected the public version to be the reader's controls %v, got %v", keys(public), coordinator)
			}
		})
	}
}

// markControls gives each control of the plan a title of its own that
// nothing else on a page or in a document holds, and returns them (title
// → control id) and which are confidential.
func markControls(t *testing.T, app core.App, plan string) (map[string]string, map[string]bool) {
	t.Helper()
	controls, err := app.FindRecordsByFilter(model.Controls, "plan = {:p}", "", 0, 0, dbx.Params{"p": plan})
	if err != nil || len(controls) < 10 {
		t.Fatalf("Expected the plan's controls, got %d: %v", len(controls), err)
	}
	marks, confidential := map[string]string{}, map[string]bool{}
	for i, c := range controls {
		mark := fmt.Sprintf("Kontrollmark%02dq", i)
		if err := testapp.ForceValues(app, model.Controls, c.Id, map[string]any{"title": mark}); err != nil {
			t.Fatal(err)
		}
		marks[mark] = c.Id
		confidential[mark] = c.GetBool("confidential")
	}
	if !slices.Contains(slices.Collect(maps.Values(confidential)), true) {
		t.Fatal("Expected a confidential control in the plan")
	}
	return marks, confidential
}

// hideFromReaders makes the controls' read rule hide one more control from
// readers, as a rule could come to.
func hideFromReaders(t *testing.T, app core.App, id string) {
	t.Helper()
	col, err := app.FindCollectionByNameOrId(model.Controls)
	if err != nil {
		t.Fatal(err)
	}
	rule := *col.ListRule + ` && (@request.auth.role != "reader" || id != "` + id + `")`
	col.ListRule, col.ViewRule = &rule, &rule
	if err := app.Save(col); err != nil {
		t.Fatal(err)
	}
}

func fetchBytes(t *testing.T, h http.Handler, f *testapp.Fixture, user, url string) []byte {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, url, nil)
	req.AddCookie(&http.Cookie{Name: "ikplan_session", Value: f.Sessions[user]})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("Expected 200 for %s as %s, got %d", url, user, rec.Code)
	}
	return rec.Body.Bytes()
}

func fetch(t *testing.T, h http.Handler, f *testapp.Fixture, user, url string) string {
	t.Helper()
	return string(fetchBytes(t, h, f, user, url))
}

var docxTag = regexp.MustCompile(`<[^>]*>`)

// docText is a document's text: the HTML as it is, a Word file's body
// without its markup, a PDF's lines.
func docText(t *testing.T, format string, b []byte) string {
	t.Helper()
	switch format {
	case "docx":
		z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		var out strings.Builder
		for _, f := range z.File {
			if !strings.HasPrefix(f.Name, "word/") || !strings.HasSuffix(f.Name, ".xml") {
				continue
			}
			r, err := f.Open()
			if err != nil {
				t.Fatal(err)
			}
			x, err := io.ReadAll(r)
			r.Close()
			if err != nil {
				t.Fatal(err)
			}
			out.WriteString(docxTag.ReplaceAllString(string(x), ""))
		}
		return out.String()
	case "pdf":
		r, err := pdftext.Open(b)
		if err != nil {
			t.Fatal(err)
		}
		return strings.Join(pdftext.Lines(r), "\n")
	}
	return string(b)
}

// shown are the marks s holds, sorted.
func shown(marks map[string]string, s string) []string {
	var out []string
	for m := range marks {
		if strings.Contains(s, m) {
			out = append(out, m)
		}
	}
	sort.Strings(out)
	return out
}

// both are the elements of a that b holds too.
func both(a, b []string) []string {
	var out []string
	for _, x := range a {
		if slices.Contains(b, x) {
			out = append(out, x)
		}
	}
	return out
}

func sameAsSet(a []string, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for _, x := range a {
		if !b[x] {
			return false
		}
	}
	return true
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
