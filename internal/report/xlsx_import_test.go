package report_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/internal/report"
	"ikplan/proof/testapp"
)

// importErrors imports data into the draft and returns its errors as the
// command line prints them.
func importErrors(t *testing.T, app core.App, draft string, data []byte, dryRun bool) (report.Result, []string) {
	t.Helper()
	res, err := report.ImportPlan(app, model.System, draft, bytes.NewReader(data), dryRun)
	if err != nil {
		t.Fatalf("Expected an import or a refusal, not an error: %v", err)
	}
	var got []string
	for _, e := range res.Errors {
		got = append(got, e.String())
	}
	return res, got
}

// TestImportChecksEveryRow checks that the rules refuse every row that
// breaks them, not only the first: the import reads the plan, the units and
// the owners once, and the rows after the first must meet the same rules.
func TestImportChecksEveryRow(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	data := nextYearSheet(t, app, f.Plan)
	draft := newDraft(t, app, f.KS, 2025)
	bad := edit(t, data, map[string]string{
		"J4": "annan@ikplan.test", "J5": "annan@ikplan.test", "J6": "annan@ikplan.test", // an owner of another board
		"J12": "lasare@ikplan.test", "J13": "lasare@ikplan.test", // a reader of the board
		"S9": "Individ- och arbetsmarknadsförvaltningen", // a unit of another board
	})
	res, got := importErrors(t, app, draft, bad, false)
	notMember := "kolumn J (Ansvarig (e-post)): Den ansvariga måste vara användare i planens nämnd."
	reader := "kolumn J (Ansvarig (e-post)): En läsare eller revisor kan inte vara ansvarig; välj en kontrollansvarig eller IK-samordnare."
	want := []string{
		"rad 4, " + notMember, "rad 5, " + notMember, "rad 6, " + notMember,
		"rad 9, kolumn S (Avdelning/enhet): Nämnden har ingen avdelning eller enhet som heter \"Individ- och arbetsmarknadsförvaltningen\".",
		"rad 12, " + reader, "rad 13, " + reader,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Expected the errors\n%s\ngot\n%s", strings.Join(want, "\n"), strings.Join(got, "\n"))
	}
	if res.OK() || res.Created != 0 {
		t.Errorf("Expected a refused import with nothing created, got %+v", res)
	}
	if n := len(planControls(t, app, draft)); n != 0 {
		t.Errorf("Expected the draft to stay empty, got %d controls", n)
	}
}

// TestImportReadsAfresh checks that nothing an import read is used by the
// next: a change between two imports is seen by the second, even one that
// no hook of this process saw (made by another process; by plain SQL here).
func TestImportReadsAfresh(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	data := nextYearSheet(t, app, f.Plan)
	draft := newDraft(t, app, f.KS, 2025)
	set := func(user string, fields dbx.Params) {
		t.Helper()
		if _, err := app.DB().Update(model.Users, fields, dbx.HashExp{"id": f.Users[user]}).Execute(); err != nil {
			t.Fatalf("failed to change %s: %v", user, err)
		}
	}

	if res, got := importErrors(t, app, draft, data, true); !res.OK() || res.Created != 20 {
		t.Fatalf("Expected a dry run that would create 20 controls, got %+v %v", res, got)
	}
	set("raddning", dbx.Params{"boards": `["` + f.IAN + `"]`})
	notMember := "kolumn J (Ansvarig (e-post)): Den ansvariga måste vara användare i planens nämnd."
	_, got := importErrors(t, app, draft, data, true)
	if want := []string{"rad 4, " + notMember, "rad 5, " + notMember, "rad 6, " + notMember}; strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Expected the owner taken out of the board refused on each of his rows, got\n%s", strings.Join(got, "\n"))
	}
	set("raddning", dbx.Params{"boards": `["` + f.KS + `"]`})
	set("it", dbx.Params{"role": model.RoleReader})
	reader := "kolumn J (Ansvarig (e-post)): En läsare eller revisor kan inte vara ansvarig; välj en kontrollansvarig eller IK-samordnare."
	_, got = importErrors(t, app, draft, data, true)
	if want := []string{"rad 12, " + reader, "rad 13, " + reader}; strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Expected the owner made a reader refused on each of his rows, got\n%s", strings.Join(got, "\n"))
	}
	set("it", dbx.Params{"role": model.RoleOwner})

	// now it goes through, each control in the sheet's order
	if res, got := importErrors(t, app, draft, data, false); !res.OK() || res.Created != 20 {
		t.Fatalf("Expected 20 controls created, got %+v %v", res, got)
	}
	controls := planControls(t, app, draft)
	for i, c := range controls {
		if c.GetInt("position") != i+1 {
			t.Errorf("Expected control %q at position %d, got %d", c.GetString("title"), i+1, c.GetInt("position"))
		}
		// each with its history row, written in the import's transaction
		h, err := app.FindFirstRecordByFilter(model.AuditLog, "record = {:r}", dbx.Params{"r": c.Id})
		if err != nil {
			t.Errorf("Expected a history row for control %q, got %v", c.GetString("title"), err)
			continue
		}
		if h.GetString("op") != model.OpCreate || h.GetString("board") != f.KS || h.GetString("actor") != "system" ||
			!strings.Contains(h.GetString("changes"), `"title":[null,`) {
			t.Errorf("Expected the system's creation of a KS control with its title, got %v", h)
		}
	}
	// a row added to the sheet comes after the plan's controls
	more := edit(t, data, map[string]string{"B22": "13", "C22": "En tillagd kontroll"})
	if res, got := importErrors(t, app, draft, more, false); !res.OK() || res.Created != 1 || res.Unchanged != 20 {
		t.Fatalf("Expected one control added, got %+v %v", res, got)
	}
	controls = planControls(t, app, draft)
	if last := controls[len(controls)-1]; len(controls) != 21 || last.GetString("title") != "En tillagd kontroll" || last.GetInt("position") != 21 {
		t.Errorf("Expected the added control last, at position 21, got %q at %d of %d", last.GetString("title"), last.GetInt("position"), len(controls))
	}
}
