package templates_test

import (
	"context"
	"html"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/templates"
)

// TestActionStatusFormShowsTheAction: the status form opens with the
// action's own status, note and reason (read through its typed record),
// and with what was typed instead after a refused change.
func TestActionStatusFormShowsTheAction(t *testing.T) {
	t.Parallel()
	r := core.NewRecord(core.NewBaseCollection(model.Actions))
	r.Id = "act000000000001"
	a := model.AsAction(r)
	a.SetStatus(model.ActionDone)
	a.SetDoneNote("Alla rutiner är genomgångna.")
	a.SetCancelReason("Ersatt av en annan åtgärd.")
	stored := map[string]string{"status": a.Status(), "done_note": a.DoneNote(), "cancel_reason": a.CancelReason()}
	for _, typed := range []bool{false, true} {
		v := templates.ActionStatusView{Action: r, CanUpdate: true, Today: "2025-03-15"}
		want := stored
		if typed {
			want = map[string]string{"status": model.ActionInProgress, "done_note": "Skrivet i formuläret.", "cancel_reason": "Också skrivet."}
			v.Form = want
		}
		var b strings.Builder
		if err := templates.ActionStatusForm(templates.Page{Lang: i18n.Sv}, v).Render(context.Background(), &b); err != nil {
			t.Fatal(err)
		}
		got := html.UnescapeString(b.String())
		for field, value := range want {
			shown := `<option value="` + value + `" selected>`
			if field != "status" {
				shown = `name="` + field + `" rows="3">` + value + `</textarea>`
			}
			if !strings.Contains(got, shown) {
				t.Errorf("typed=%v: Expected the form to show %s %q (%s), got:\n%s", typed, field, value, shown, got)
			}
		}
	}
}
