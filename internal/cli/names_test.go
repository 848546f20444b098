package cli_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestCommandsNameBoardsInText: what the commands print names a board
// inside a sentence by its name for running text, for each name of
// testapp.BoardNames: the Excel export ("Skrev Västra Mälardalens
// överförmyndarnämnds plan 2024 …"), the document's title the report
// command prints ("Kommunstyrelsens internkontrollplan 2024", not
// "Kommunstyrelsen internkontrollplan 2024"), the follow-up's title, and
// the transfer's refusal, which names the successor mid-sentence.
func TestCommandsNameBoardsInText(t *testing.T) {
	names := testapp.BoardNames
	for i, n := range names {
		other := names[(i+1)%len(names)]
		t.Run(n.Name, func(t *testing.T) {
			dir := t.TempDir()
			if out, err := run(t, dir, "demo"); err != nil {
				t.Fatalf("Expected the demo to load, got %v\n%s", err, out)
			}
			other.Name += " (mottagare)"
			if other.NameInText != "" {
				other.NameInText += " (mottagare)"
			}
			other.WantInText += " (mottagare)"
			withData(t, dir, func(app core.App) error {
				ks, err := app.FindFirstRecordByData(model.Boards, "short_name", "KS")
				if err != nil {
					return err
				}
				ian, err := app.FindFirstRecordByData(model.Boards, "short_name", "IAN")
				if err != nil {
					return err
				}
				if err := testapp.RenameBoard(app, ks.Id, n); err != nil {
					return err
				}
				if err := testapp.RenameBoard(app, ian.Id, other); err != nil {
					return err
				}
				return testapp.Update(app, model.Boards, ks.Id, map[string]any{"successor": ian.Id})
			})
			for _, c := range []struct {
				args []string
				want string
			}{
				{[]string{"export", "plan", "--board", "KS", "--year", "2024", "-o", filepath.Join(dir, "plan.xlsx")},
					"Skrev " + n.WantGenitive + " plan 2024 med 20 kontrollpunkter"},
				{[]string{"report", "plan", "--board", "KS", "--year", "2024", "--format", "xlsx", "-o", filepath.Join(dir, "plan2.xlsx")},
					"(" + model.UpperFirst(n.WantGenitive) + " internkontrollplan 2024, "},
				{[]string{"report", "followup", "--board", "KS", "--year", "2024", "--format", "html", "-o", filepath.Join(dir, "f.html")},
					"(Uppföljning av " + n.WantGenitive + " internkontrollplan 2024, "},
			} {
				out, err := run(t, dir, c.args...)
				if err != nil || !strings.Contains(out, c.want) {
					t.Errorf("%s: expected %q, got %v\n%s", strings.Join(c.args[:2], " "), c.want, err, out)
				}
			}
			out, err := run(t, dir, "carry", "transfer", "--board", "KS")
			if want := "Skapa ett utkast för " + other.WantInText + " först"; err == nil || !strings.Contains(err.Error(), want) ||
				!strings.HasPrefix(err.Error(), other.Name+" har inget utkast") {
				t.Errorf("Expected the transfer refused naming %q, got %v\n%s", want, err, out)
			}
		})
	}
}
