package hooks_test

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"ikplan/internal/model"
	"ikplan/internal/sample"
	"ikplan/proof/testapp"
)

// population is the committed test population (60 invoices).
func population(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile("../internal/sample/testdata/leverantorsfakturor.csv")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sampledControl frees control 9 (ansvarig's, a stickprov) of its 2024
// result, so that its period can be drawn as a sample.
func sampledControl(app core.App, f *testapp.Fixture) (string, error) {
	return f.Controls["9"], testapp.Delete(app, model.Results, f.Results["9"])
}

// drawAs creates a sample as the demo account key with the file's bytes.
func drawAs(app core.App, f *testapp.Fixture, key, role string, fields map[string]any, data []byte) (*core.Record, error) {
	var out *core.Record
	err := asUser(app, f, key, role, func(tx core.App) error {
		col, err := tx.FindCachedCollectionByNameOrId(model.Samples)
		if err != nil {
			return err
		}
		r := core.NewRecord(col)
		for k, v := range fields {
			r.Set(k, v)
		}
		if data != nil {
			file, err := filesystem.NewFileFromBytes(data, "leverantorsfakturor.csv")
			if err != nil {
				return err
			}
			r.Set("population", file)
		}
		out = r
		return tx.Save(r)
	})
	return out, err
}

// drawNine draws ten items of control 9's 2024 period as its owner.
func drawNine(t testing.TB, app core.App, f *testapp.Fixture) *core.Record {
	t.Helper()
	c, err := sampledControl(app, f)
	if err != nil {
		t.Fatal(err)
	}
	s, err := drawAs(app, f, "ansvarig", model.RoleOwner, map[string]any{"control": c, "period": "2024", "size": 10}, population(t))
	if err != nil {
		t.Fatalf("Expected the owner's draw, got %v", err)
	}
	return s
}

func items(t testing.TB, app core.App, sampleId string) []*core.Record {
	t.Helper()
	rs, err := app.FindRecordsByFilter(model.SampleItems, "sample = {:s}", "position", 0, 0, dbx.Params{"s": sampleId})
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func assess(app core.App, f *testapp.Fixture, id string, fields map[string]any) error {
	return asUser(app, f, "ansvarig", model.RoleOwner, func(tx core.App) error {
		return testapp.Update(tx, model.SampleItems, id, fields)
	})
}

// TestSampleIsDrawnByTheServer: the owner's draw stores the population's
// checksums and header, a seed the server drew, and the items the seed
// draws — the very rows the package's draw gives from the file.
func TestSampleIsDrawnByTheServer(t *testing.T) {
	t.Parallel()
	app, f := testapp.New(t), testapp.Fix(t)
	s := drawNine(t, app, f)
	p, err := sample.Read(population(t))
	if err != nil {
		t.Fatal(err)
	}
	seed, err := sample.ParseSeed(s.GetString("seed"))
	if err != nil {
		t.Fatalf("Expected a 64-digit seed, got %q", s.GetString("seed"))
	}
	if s.GetString("population_sha256") != p.SHA256 || s.GetString("canonical_sha256") != p.Canonical || s.GetInt("population_rows") != 60 {
		t.Errorf("Expected the population's checksums and 60 rows, got %s %s %d", s.GetString("population_sha256"), s.GetString("canonical_sha256"), s.GetInt("population_rows"))
	}
	if got := model.JSONStrings(s.Get("header")); !slices.Equal(got, p.Header) {
		t.Errorf("Expected the header %v, got %v", p.Header, got)
	}
	want, _ := sample.Draw(p, seed, 10, sample.MethodSRS, "")
	got := items(t, app, s.Id)
	if len(got) != 10 {
		t.Fatalf("Expected 10 items, got %d", len(got))
	}
	for i, it := range got {
		row := p.Rows[want[i]]
		if it.GetInt("position") != i+1 || it.GetInt("row") != row.Number || !slices.Equal(model.JSONStrings(it.Get("data")), row.Cells) {
			t.Errorf("item %d: expected row %d %v, got row %d %v", i+1, row.Number, row.Cells, it.GetInt("row"), model.JSONStrings(it.Get("data")))
		}
	}
	// the history has the draw, by the owner
	if n := testapp.Count(t, app, model.AuditLog, dbx.HashExp{"collection": model.Samples, "record": s.Id, "actor": "users/" + f.Users["ansvarig"]}); n != 1 {
		t.Errorf("Expected the draw in the history once, got %d", n)
	}
}

// TestSampleRules: what a sample and its items take and refuse.
func TestSampleRules(t *testing.T) {
	t.Parallel()
	draw := func(fields map[string]any, data func(t testing.TB) []byte) func(app *tests.TestApp, f *testapp.Fixture) error {
		return func(app *tests.TestApp, f *testapp.Fixture) error {
			c, err := sampledControl(app, f)
			if err != nil {
				return err
			}
			all := map[string]any{"control": c, "period": "2024", "size": 10}
			for k, v := range fields {
				all[k] = v
			}
			var b []byte
			if data != nil {
				b = data(t)
			}
			_, err = drawAs(app, f, "ansvarig", model.RoleOwner, all, b)
			return err
		}
	}
	// drawn runs fn on a fresh draw of control 9
	drawn := func(fn func(app *tests.TestApp, f *testapp.Fixture, s *core.Record, its []*core.Record) error) func(app *tests.TestApp, f *testapp.Fixture) error {
		return func(app *tests.TestApp, f *testapp.Fixture) error {
			s := drawNine(t, app, f)
			return fn(app, f, s, items(t, app, s.Id))
		}
	}
	assessAll := func(app *tests.TestApp, f *testapp.Fixture, its []*core.Record, deviating int) error {
		for i, it := range its {
			fields := map[string]any{"status": "ok"}
			if i < deviating {
				fields = map[string]any{"status": "deviation", "note": "Attest saknas."}
			}
			if err := assess(app, f, it.Id, fields); err != nil {
				return err
			}
		}
		return nil
	}
	runRules(t, []ruleCase{
		{name: "the server draws the seed: one given is refused", write: draw(map[string]any{"seed": strings.Repeat("0", 64)}, population), refused: "seed", contains: "dras av servern"},
		{name: "a sample larger than the population is refused", write: draw(map[string]any{"size": 61}, population), refused: "size", contains: "mellan 1 och 60"},
		{name: "a sample without a population is refused", write: draw(nil, nil), refused: "population"},
		{
			name:    "a binary population is refused naming row and column",
			write:   draw(nil, func(testing.TB) []byte { return []byte("Nr;Belopp\n1;\x00\x01\n") }),
			refused: "population", contains: "rad 2, kolumn B (Belopp)",
		},
		{
			name: "a control whose method is not stickprov takes no sample",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				if err := testapp.Delete(app, model.Results, f.Results["10"]); err != nil {
					return err
				}
				_, err := drawAs(app, f, "ansvarig", model.RoleOwner, map[string]any{"control": f.Controls["10"], "period": "2024", "size": 5}, population(t))
				return err
			},
			refused: "control", contains: "inte stickprov",
		},
		{
			name: "a period with a result takes no sample",
			write: func(app *tests.TestApp, f *testapp.Fixture) error {
				_, err := drawAs(app, f, "ansvarig", model.RoleOwner, map[string]any{"control": f.Controls["1"], "period": "2024", "size": 5}, population(t))
				return err
			},
			refused: "period", contains: "redan ett resultat",
		},
		{
			name: "a period takes one sample",
			write: drawn(func(app *tests.TestApp, f *testapp.Fixture, s *core.Record, _ []*core.Record) error {
				_, err := drawAs(app, f, "samordnare", model.RoleCoordinator, map[string]any{"control": f.Controls["9"], "period": "2024", "size": 3}, population(t))
				return err
			}),
			refused: "period", contains: "redan ett stickprov",
		},
		{
			name: "a drawn sample does not change, not for a superuser either",
			write: drawn(func(app *tests.TestApp, f *testapp.Fixture, s *core.Record, _ []*core.Record) error {
				return testapp.Update(app, model.Samples, s.Id, map[string]any{"seed": strings.Repeat("1", 64)})
			}),
			refused: "seed", contains: "ändras inte",
		},
		{
			name: "an item is made only by the draw",
			write: drawn(func(app *tests.TestApp, f *testapp.Fixture, s *core.Record, _ []*core.Record) error {
				_, err := testapp.Create(app, model.SampleItems, map[string]any{"sample": s.Id, "position": 11, "row": 3})
				return err
			}),
			refused: "sample", contains: "när stickprovet dras",
		},
		{
			name: "an item's row and values do not change",
			write: drawn(func(app *tests.TestApp, f *testapp.Fixture, s *core.Record, its []*core.Record) error {
				return assess(app, f, its[0].Id, map[string]any{"row": 3, "data": []string{"x"}})
			}),
			refused: "row", contains: "ändras inte",
		},
		{
			name: "a deviating item says what deviated",
			write: drawn(func(app *tests.TestApp, f *testapp.Fixture, s *core.Record, its []*core.Record) error {
				return assess(app, f, its[0].Id, map[string]any{"status": "deviation", "note": " "})
			}),
			refused: "note",
		},
		{
			name: "an assessed item stays assessed",
			write: drawn(func(app *tests.TestApp, f *testapp.Fixture, s *core.Record, its []*core.Record) error {
				if err := assess(app, f, its[0].Id, map[string]any{"status": "ok"}); err != nil {
					return err
				}
				return assess(app, f, its[0].Id, map[string]any{"status": ""})
			}),
			refused: "status",
		},
		{
			name: "an item goes only with its sample",
			write: drawn(func(app *tests.TestApp, f *testapp.Fixture, s *core.Record, its []*core.Record) error {
				return testapp.Delete(app, model.SampleItems, its[0].Id)
			}),
			refused: "-", contains: "med sitt stickprov",
		},
		{
			name: "a sample is drawn again while nothing is assessed",
			write: drawn(func(app *tests.TestApp, f *testapp.Fixture, s *core.Record, its []*core.Record) error {
				if err := asUser(app, f, "ansvarig", model.RoleOwner, func(tx core.App) error { return testapp.Delete(tx, model.Samples, s.Id) }); err != nil {
					return err
				}
				_, err := drawAs(app, f, "ansvarig", model.RoleOwner, map[string]any{"control": f.Controls["9"], "period": "2024", "size": 10}, population(t))
				return err
			}),
			check: func(t *testing.T, app *tests.TestApp, f *testapp.Fixture) {
				if n := testapp.Count(t, app, model.SampleItems, nil); n != 10 {
					t.Fatalf("Expected the first draw's items gone and the second's there, got %d items", n)
				}
			},
		},
		{
			name: "an assessed sample is not drawn again",
			write: drawn(func(app *tests.TestApp, f *testapp.Fixture, s *core.Record, its []*core.Record) error {
				if err := assess(app, f, its[3].Id, map[string]any{"status": "ok"}); err != nil {
					return err
				}
				return asUser(app, f, "ansvarig", model.RoleOwner, func(tx core.App) error { return testapp.Delete(tx, model.Samples, s.Id) })
			}),
			refused: "-", contains: "bedömda poster",
		},
		{
			name: "the result follows from the items once all are assessed",
			write: drawn(func(app *tests.TestApp, f *testapp.Fixture, s *core.Record, its []*core.Record) error {
				if err := assessAll(app, f, its[:9], 1); err != nil {
					return err
				}
				if n, _ := app.CountRecords(model.Results, dbx.HashExp{"control": f.Controls["9"]}); n != 0 {
					return fmt.Errorf("expected no result while an item is unassessed, got %d", n)
				}
				return assess(app, f, its[9].Id, map[string]any{"status": "ok"})
			}),
			check: func(t *testing.T, app *tests.TestApp, f *testapp.Fixture) {
				res, err := app.FindFirstRecordByFilter(model.Results, "control = {:c} && period = '2024'", dbx.Params{"c": f.Controls["9"]})
				if err != nil {
					t.Fatalf("Expected the period's result, got %v", err)
				}
				if res.GetString("outcome") != model.OutcomeDeviation || res.GetString("measured_value") != "10" ||
					!strings.Contains(res.GetString("account"), "1 av 10 avvikande (10 %)") || res.GetString("performed_by") != f.Users["ansvarig"] {
					t.Fatalf("Expected a deviation, 10 %%, the findings and the owner, got %s %q %q by %s", res.GetString("outcome"),
						res.GetString("measured_value"), res.GetString("account"), res.GetString("performed_by"))
				}
			},
		},
		{
			name: "a changed item changes the result",
			write: drawn(func(app *tests.TestApp, f *testapp.Fixture, s *core.Record, its []*core.Record) error {
				if err := assessAll(app, f, its, 2); err != nil {
					return err
				}
				return assess(app, f, its[1].Id, map[string]any{"status": "ok"})
			}),
			check: func(t *testing.T, app *tests.TestApp, f *testapp.Fixture) {
				res, err := app.FindFirstRecordByFilter(model.Results, "control = {:c}", dbx.Params{"c": f.Controls["9"]})
				if err != nil || res.GetString("measured_value") != "10" || res.GetString("outcome") != model.OutcomeDeviation {
					t.Fatalf("Expected 1 of 10 deviating after the change, got %v %v", res, err)
				}
			},
		},
		{
			name: "a result that says otherwise than the items is refused",
			write: drawn(func(app *tests.TestApp, f *testapp.Fixture, s *core.Record, its []*core.Record) error {
				if err := assessAll(app, f, its, 1); err != nil {
					return err
				}
				res, err := app.FindFirstRecordByFilter(model.Results, "control = {:c}", dbx.Params{"c": f.Controls["9"]})
				if err != nil {
					return err
				}
				return testapp.Update(app, model.Results, res.Id, map[string]any{"outcome": "no_deviation", "measured_value": "0"})
			}),
			refused: "outcome", contains: "1 av 10 avvikande",
		},
		{
			name: "no result is reported by hand while the sample is being assessed",
			write: drawn(func(app *tests.TestApp, f *testapp.Fixture, s *core.Record, its []*core.Record) error {
				_, err := testapp.Create(app, model.Results, map[string]any{"control": f.Controls["9"], "period": "2024", "outcome": "no_deviation", "account": "Klart."})
				return err
			}),
			refused: "outcome", contains: "bedöm alla 10 poster",
		},
		{
			name: "a plan with a sample does not go back to draft",
			write: drawn(func(app *tests.TestApp, f *testapp.Fixture, s *core.Record, its []*core.Record) error {
				for _, key := range f.Results {
					if r, err := app.FindRecordById(model.Results, key); err == nil {
						if err := app.Delete(r); err != nil {
							return err
						}
					}
				}
				return testapp.Update(app, model.Plans, f.Plan, map[string]any{"status": "draft", "status_reason": "Fel plan."})
			}),
			refused: "status", contains: "dragna stickprov",
		},
		{
			name: "a deviation of another result is not linked to an item",
			write: drawn(func(app *tests.TestApp, f *testapp.Fixture, s *core.Record, its []*core.Record) error {
				return assess(app, f, its[0].Id, map[string]any{"status": "deviation", "note": "Fel.", "deviation": f.Deviations["1"]})
			}),
			refused: "deviation",
		},
	})
}
