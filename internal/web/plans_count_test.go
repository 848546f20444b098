package web_test

import (
	"regexp"
	"strconv"
	"testing"

	"github.com/pocketbase/dbx"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestPlansCountOnlyWhatTheUserSees: the plan list counts the controls
// the API rules let the user see: the reader's count leaves out the
// confidential control 12, the coordinator's does not.
func TestPlansCountOnlyWhatTheUserSees(t *testing.T) {
	f := testapp.Fix(t)
	app := testapp.NewWeb(t)
	h := handler(t, app)
	all, err := app.CountRecords(model.Controls, dbx.HashExp{"plan": f.Plan})
	if err != nil || all < 2 {
		t.Fatalf("Expected the plan's controls, got %d (%v)", all, err)
	}
	row := regexp.MustCompile(`href="/plans/` + f.Plan + `"[^\n]*</a></td>\s*<td[^>]*>.*?</td>\s*<td class="num"[^>]*>(\d+)</td>`)
	for user, want := range map[string]int64{"samordnare": all, "lasare": all - 1} {
		body := get(t, h, f, user, "/plans")
		m := row.FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("Expected the plan's row on /plans as %s", user)
		}
		if n, _ := strconv.Atoi(m[1]); int64(n) != want {
			t.Errorf("Expected %s to see %d controls in the plan, got %d", user, want, n)
		}
	}
}
