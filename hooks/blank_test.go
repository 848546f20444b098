package hooks_test

import (
	"maps"
	"slices"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/hooks"
	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// invisibles are texts that show nothing: each must count as empty where a
// text is required.
var invisibles = map[string]string{
	"zero-width space":        "\u200b",
	"zero-width joiners":      "\u200c\u200d",
	"word joiner":             "\u2060",
	"byte order mark":         "\ufeff",
	"soft hyphen":             "\u00ad",
	"no-break spaces":         "\u00a0\u202f\u2007",
	"whitespace":              " \t\r\n",
	"direction marks":         "\u200e\u200f\u061c",
	"Mongolian separator":     "\u180e",
	"combining joiner":        "\u034f",
	"Hangul filler":           "\u3164",
	"variation selector":      "\ufe0f",
	"Braille blank":           "\u2800",
	"a mix of all":            " \u200b\u00a0\u2060\ufeff\u00ad\u3000 ",
	"ideographic space alone": "\u3000",
}

// requiredTexts lists every required text and editor field of the domain
// collections, read from the collections themselves.
func requiredTexts(t testing.TB, app core.App) [][2]string {
	t.Helper()
	var out [][2]string
	for _, name := range model.Domain {
		col, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, fl := range col.Fields {
			switch f := fl.(type) {
			case *core.TextField:
				if f.Required && !f.PrimaryKey && !f.Hidden {
					out = append(out, [2]string{name, f.Name})
				}
			case *core.EditorField:
				if f.Required {
					out = append(out, [2]string{name, f.Name})
				}
			}
		}
	}
	return out
}

// TestBlankRequiredTexts: every required text field of every collection
// refuses a text that is only whitespace and invisible characters, with a
// Swedish message naming the field, and keeps its value.
func TestBlankRequiredTexts(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	probe := testapp.New(t)
	fields := requiredTexts(t, probe)
	if len(fields) < 5 {
		t.Fatalf("Expected the required texts of the collections, got %v", fields)
	}
	for _, cf := range fields {
		for name, text := range invisibles {
			t.Run(cf[0]+"."+cf[1]+"/"+name, func(t *testing.T) {
				t.Parallel()
				app := testapp.New(t)
				id := blankHost(t, app, f, cf[0])
				before := testapp.Find(t, app, cf[0], id).GetString(cf[1])
				err := testapp.Update(app, cf[0], id, map[string]any{cf[1]: text})
				msg := testapp.FieldErrors(err)[cf[1]]
				// the field's own required message (catalogue_required.go)
				want := i18n.M("ikplan.required." + cf[0] + "." + cf[1]).In(i18n.Sv)
				if !i18n.Has("ikplan.required." + cf[0] + "." + cf[1]) {
					want = i18n.M("ikplan.required", "field", "history.f."+cf[1]).In(i18n.Sv)
				}
				if msg != want {
					t.Fatalf("Expected %s.%s = %q refused as empty with %q, got %q (%v)", cf[0], cf[1], text, want, msg, err)
				}
				if after := testapp.Find(t, app, cf[0], id).GetString(cf[1]); after != before {
					t.Fatalf("Expected %s.%s kept as %q, got %q", cf[0], cf[1], before, after)
				}
			})
		}
	}
}

// blankHost is a record of the collection whose required texts may be
// written: a demo record, or for a control one of a draft plan.
func blankHost(t testing.TB, app core.App, f *testapp.Fixture, collection string) string {
	t.Helper()
	switch collection {
	case model.Controls:
		_, c, err := draftPlanWithControl(app, f, f.Users["hr"])
		if err != nil {
			t.Fatal(err)
		}
		return c.Id
	case model.Results:
		return f.Results["3"]
	case model.Deviations:
		return f.Deviations["2"]
	case model.Actions:
		return f.Actions["2"]
	case model.Samples: // the demo has no sample
		return drawNine(t, app, f).Id
	case model.SampleItems:
		return hooks.ItemId(drawNine(t, app, f).Id, 1)
	case model.CommonControls: // nor a common control
		return define(t, app, 2024, "Efterlevnad av attestreglementet").Id
	}
	recs, err := app.FindRecordsByFilter(collection, "", "created", 1, 0)
	if err != nil || len(recs) == 0 {
		t.Fatalf("Expected a record of %s to write, got %v", collection, err)
	}
	return recs[0].Id
}

// TestBlankReasons: every text a rule requires — what was done, why an
// action is cancelled, why a deviation is accepted, why a control was not
// performed, the adoption's reference, why a plan goes back — counts as
// missing when it is only whitespace and invisible characters.
func TestBlankReasons(t *testing.T) {
	t.Parallel()
	type reason struct {
		field string
		write func(app core.App, f *testapp.Fixture, text string) error
	}
	reasons := []reason{
		{"done_note", func(app core.App, f *testapp.Fixture, text string) error {
			return testapp.Update(app, model.Actions, f.Actions["2"], map[string]any{"status": "done", "done_note": text})
		}},
		{"cancel_reason", func(app core.App, f *testapp.Fixture, text string) error {
			return testapp.Update(app, model.Actions, f.Actions["2"], map[string]any{"status": "cancelled", "cancel_reason": text})
		}},
		{"acceptance_reason", func(app core.App, f *testapp.Fixture, text string) error {
			return testapp.Update(app, model.Deviations, f.Deviations["2"], map[string]any{"status": "accepted", "acceptance_reason": text})
		}},
		{"not_performed_reason", func(app core.App, f *testapp.Fixture, text string) error {
			return testapp.Update(app, model.Results, f.Results["3"], map[string]any{"outcome": "not_performed", "not_performed_reason": text})
		}},
		{"adopted_ref", func(app core.App, f *testapp.Fixture, text string) error {
			plan, _, err := draftPlanWithControl(app, f, f.Users["hr"])
			if err != nil {
				return err
			}
			return testapp.Update(app, model.Plans, plan.Id, map[string]any{"status": "adopted", "adopted_on": "2025-01-20", "adopted_ref": text})
		}},
		{"status_reason", func(app core.App, f *testapp.Fixture, text string) error {
			if err := completeDemo(app, f, "2025-03-10"); err != nil {
				return err
			}
			return testapp.Update(app, model.Plans, f.Plan, map[string]any{"status": "adopted", "status_reason": text})
		}},
	}
	f := testapp.Fix(t)
	for _, r := range reasons {
		for _, name := range slices.Sorted(maps.Keys(invisibles)) {
			t.Run(r.field+"/"+name, func(t *testing.T) {
				t.Parallel()
				app := testapp.New(t)
				err := r.write(app, f, invisibles[name])
				if _, ok := testapp.FieldErrors(err)[r.field]; !ok {
					t.Fatalf("Expected %s = %q refused as missing, got %v", r.field, invisibles[name], err)
				}
			})
		}
	}
}
