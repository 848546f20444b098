package hooks_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestBoardNameInText: a board always has a name for running text — the
// default rule's when none is given (on create, or cleared), the one given
// when it is (the dashboard, a coordinator through the REST API), and a
// renamed board whose name for running text was the old name's default
// follows the new name, while a hand-written one stays.
func TestBoardNameInText(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	inText := func(id string) string {
		t.Helper()
		return testapp.Find(t, app, model.Boards, id).GetString(model.NameInTextField)
	}
	if got := inText(f.KS); got != "kommunstyrelsen" {
		t.Fatalf("Expected the demo's Kommunstyrelsen as kommunstyrelsen, got %q", got)
	}
	b, err := testapp.Create(app, model.Boards, map[string]any{"name": "Västra Mälardalens överförmyndarnämnd"})
	if err != nil {
		t.Fatal(err)
	}
	if got := inText(b.Id); got != "västra Mälardalens överförmyndarnämnd" {
		t.Fatalf("Expected the default rule's name for a new board, got %q", got)
	}
	for _, step := range []struct {
		fields map[string]any
		want   string
	}{
		{map[string]any{model.NameInTextField: "Västra Mälardalens överförmyndarnämnd"}, "Västra Mälardalens överförmyndarnämnd"},
		{map[string]any{"name": "Västra Mälardalens gemensamma överförmyndarnämnd"}, "Västra Mälardalens överförmyndarnämnd"}, // hand-written: stays
		{map[string]any{model.NameInTextField: " \u200b "}, "västra Mälardalens gemensamma överförmyndarnämnd"},               // cleared: the default
		{map[string]any{"name": "Överförmyndarnämnden i Västra Mälardalen"}, "överförmyndarnämnden i Västra Mälardalen"},      // the default follows the name
	} {
		if err := testapp.Update(app, model.Boards, b.Id, step.fields); err != nil {
			t.Fatal(err)
		}
		if got := inText(b.Id); got != step.want {
			t.Fatalf("After %v expected %q, got %q", step.fields, step.want, got)
		}
	}

	body := `{"name_in_text":"Kommunstyrelsen i Exempelkommun"}`
	for who, want := range map[string]int{"samordnare": http.StatusOK, "superuser": http.StatusOK, "ansvarig": http.StatusNotFound, "lasare": http.StatusNotFound} {
		s := tests.ApiScenario{
			Name: who, Method: http.MethodPatch, URL: "/api/collections/boards/records/" + f.KS, Body: strings.NewReader(body),
			Headers:        map[string]string{"Authorization": f.Tokens[who], "Content-Type": "application/json"},
			TestAppFactory: testapp.Factory, ExpectedStatus: want, ExpectedContent: []string{`"`},
		}
		if want == http.StatusOK {
			s.ExpectedContent = []string{`"name_in_text":"Kommunstyrelsen i Exempelkommun"`}
		}
		s.Test(t)
	}
}
