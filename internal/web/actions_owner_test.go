package web_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/internal/testapp"
)

// TestActionsOwnerByBoard: someone of many boards chooses a board to
// choose among its people; the owner asked for is still offered and used
// when they may see them, and ignored when not.
func TestActionsOwnerByBoard(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	// four more boards make the coordinator's six
	manyBoards := func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		boards := []string{f.KS, f.IAN}
		for i := range 4 {
			id := fmt.Sprintf("moreboard%06d", i)
			if _, err := app.DB().Insert(model.Boards, dbx.Params{"id": id, "name": fmt.Sprintf("Nämnd %d", i),
				"created": "2025-01-01 00:00:00.000Z", "updated": "2025-01-01 00:00:00.000Z"}).Execute(); err != nil {
				t.Fatal(err)
			}
			boards = append(boards, id)
		}
		if err := testapp.Update(app, model.Users, f.Users["samordnare"], map[string]any{"boards": boards}); err != nil {
			t.Fatal(err)
		}
	}
	option := func(user string) string { return `<option value="` + f.Users[user] + `"` }
	scenarios := []tests.ApiScenario{
		{
			Name: "no board chosen: only themselves, and a hint", Method: http.MethodGet, URL: "/actions",
			Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: manyBoards, ExpectedStatus: http.StatusOK,
			ExpectedContent: []string{"<caption>Åtgärder (8)</caption>", `<p class="hint" id="f-owner-hint">Välj en nämnd för att välja bland dess personer.</p>`,
				`<select id="f-owner" name="owner" aria-describedby="f-owner-hint">`, option("samordnare")},
			NotExpectedContent: []string{option("ansvarig"), option("annan")},
		},
		{
			Name: "a board chosen: its people", Method: http.MethodGet, URL: "/actions?board=" + f.IAN,
			Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: manyBoards, ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{option("annan"), option("hr"), option("samordnare")},
			NotExpectedContent: []string{option("ansvarig"), "f-owner-hint"},
		},
		{
			Name: "the filter form's answer swaps the owner filter beside the table", Method: http.MethodGet, URL: "/actions?board=" + f.KS,
			Headers:        with(testapp.Cookie(f, "samordnare"), "HX-Request", "true", "HX-Target", "actions-table"),
			BeforeTestFunc: manyBoards, ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{`<div id="actions-table">`, `<div class="field" id="f-owner-field" hx-swap-oob="true">`, option("ansvarig")},
			NotExpectedContent: []string{"<html", "<h1>", option("annan")},
		},
		{
			Name: "the owner asked for is offered and used", Method: http.MethodGet, URL: "/actions?status=in_progress&owner=" + f.Users["ansvarig"],
			Headers: testapp.Cookie(f, "samordnare"), BeforeTestFunc: manyBoards, ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"<caption>Åtgärder (2)</caption>", option("ansvarig") + " selected>"},
			NotExpectedContent: []string{"Okänt värde", option("lasare")},
		},
		{
			Name: "an owner the user may not see is ignored", Method: http.MethodGet, URL: "/actions?owner=" + f.Users["annan"],
			Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{"Okänt värde för Ansvarig", "<caption>Åtgärder (7)</caption>"}, // all but control 12's
			NotExpectedContent: append([]string{option("annan")}, testapp.Secrets...),
		},
		{
			Name: "a few boards: everyone they see, as before", Method: http.MethodGet, URL: "/actions",
			Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{option("ansvarig"), option("annan"), `<div class="field" id="f-owner-field">`},
			NotExpectedContent: []string{"f-owner-hint", "hx-swap-oob"},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		s.Test(t)
	}
}
