package report_test

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/internal/report"
	"ikplan/proof/testapp"
)

var update = flag.Bool("update", false, "rewrite the fuzz seed corpus in testdata/fuzz/FuzzImportPlan")

const seedDir = "testdata/fuzz/FuzzImportPlan"

// seeds are the fuzz target's starting files: a valid export of the demo
// plan and broken ones next to it.
func seeds(t testing.TB) map[string][]byte {
	t.Helper()
	f := testapp.Fix(t)
	app := testapp.New(t)
	valid := exportPlan(t, app, f.Plan)
	var notXLSX bytes.Buffer
	z := zip.NewWriter(&notXLSX)
	w, _ := z.Create("[Content_Types].xml")
	fmt.Fprint(w, `<?xml version="1.0"?><Types/>`)
	z.Close()
	return map[string][]byte{
		"valid":         valid,
		"bad-rows":      edit(t, valid, map[string]string{"H3": "Slumpvis", "Q6": "tio", "J4": "annan@ikplan.test", "C7": ""}),
		"other-columns": workbook(t, "Plan", [][]any{{"Nr", "Rubrik", "Kommentar"}, {1, "Rubrik", "x"}}),
		"header-only":   workbook(t, "Plan", [][]any{headerRow()}),
		"truncated":     valid[:len(valid)/3],
		"zip-not-xlsx":  notXLSX.Bytes(),
		"text":          []byte("Del;Nr;Rubrik\n;1;=HYPERLINK(\"http://x\")\n"),
	}
}

// TestFuzzSeeds keeps the committed seed corpus in step with the export:
// run with -update to write it again.
func TestFuzzSeeds(t *testing.T) {
	s := seeds(t)
	for name, data := range s {
		path := filepath.Join(seedDir, name)
		if *update {
			if err := os.MkdirAll(seedDir, 0o755); err != nil {
				t.Fatal(err)
			}
			body := "go test fuzz v1\n[]byte(" + strconv.Quote(string(data)) + ")\n"
			if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if _, err := os.Stat(path); err != nil {
			t.Errorf("Expected the seed %s (run go test -run TestFuzzSeeds -update), got %v", path, err)
		}
	}
}

// FuzzImportPlan feeds any bytes to the import: it never panics, and it
// either imports every row or writes nothing at all.
func FuzzImportPlan(f *testing.F) {
	fx := testapp.Fix(f)
	app := testapp.New(f)
	draft := newDraft(f, app, fx.KS, 2025)
	f.Add([]byte{})
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		before := tally(t, app)
		res, err := report.ImportPlan(app, model.System, draft, bytes.NewReader(data), false)
		after := tally(t, app)
		controls := planControls(t, app, draft)
		if err != nil || !res.OK() {
			if after != before || len(controls) != 0 {
				t.Fatalf("Expected a refused import to write nothing, got %v → %v and %d controls (%v %+v)", before, after, len(controls), err, res.Errors)
			}
			return
		}
		if res.Created != res.Rows || len(controls) != res.Rows || after[0] != before[0]+res.Rows {
			t.Fatalf("Expected all %d rows imported, got %+v and %d controls", res.Rows, res, len(controls))
		}
		// empty the draft again for the next input
		err = model.RunAs(app, model.System, func(tx core.App) error {
			for _, c := range controls {
				if err := tx.Delete(c); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatalf("failed to empty the draft: %v", err)
		}
	})
}
