package remind_test

import (
	"strings"
	"testing"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestRunWaitsForTheAppURL: while the application URL is empty or still
// PocketBase's default, the job sends no e-mail (its links would lead to
// localhost), records nothing, counts what it held back, says so in its
// output and its log; the first run after the address is set sends them.
func TestRunWaitsForTheAppURL(t *testing.T) {
	t.Parallel()
	for _, unset := range []string{model.DefaultAppURL, "", model.DefaultAppURL + "/"} {
		t.Run("url="+unset, func(t *testing.T) {
			t.Parallel()
			f := testapp.Fix(t)
			box := startSMTP(t)
			app := newApp(t, box)
			app.Settings().Meta.AppURL = unset
			sum, out := run(t, app, "2025-06-20")
			if sum.Emails != 0 || sum.NoURL == 0 || len(box.Mails()) != 0 {
				t.Fatalf("Expected no e-mail sent and the held ones counted, got %+v and %d e-mails", sum, len(box.Mails()))
			}
			contains(t, "output", out, "Webbadressen saknas, skickar inte till Anders Ansvarig <"+owner+">")
			if n := testapp.Count(t, app, model.Reminders, nil); n != 0 {
				t.Fatalf("Expected nothing recorded, got %d reminders", n)
			}
			if logs := logged(t, app, "reminders: none are sent until the application URL is set"); len(logs) != 1 {
				t.Errorf("Expected one log line that says why, got %d", len(logs))
			}
			app.Settings().Meta.AppURL = site
			sum, _ = run(t, app, "2025-06-20")
			if sum.Emails == 0 || sum.NoURL != 0 || len(box.Mails()) != sum.Emails {
				t.Fatalf("Expected the e-mails sent once the address is set, got %+v and %d e-mails", sum, len(box.Mails()))
			}
			if m := box.Mails()[0]; !strings.Contains(m.Text, site+"/controls/"+f.Controls["2"]) {
				t.Errorf("Expected the link on the set address, got\n%s", m.Text)
			}
		})
	}
}
