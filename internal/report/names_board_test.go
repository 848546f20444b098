package report_test

import (
	"strings"
	"testing"

	"ikplan/internal/model"
	"ikplan/internal/report"
	"ikplan/proof/testapp"
)

// TestBoardNamesInDocuments: every document names a board inside a
// sentence by its name for running text — the follow-up's title and the
// part that stays with the board, the plan's title, the roll-up's
// headings and its list of boards without a plan, the board that took
// over the transferred items, the refusal of a follow-up without results —
// for each name of testapp.BoardNames: "Uppföljning av Västra Mälardalens
// överförmyndarnämnds internkontrollplan 2024", never "västra …".
// Kommunstyrelsen takes each name in turn, Individ- och
// arbetsmarknadsnämnden (which took over the HR part) the next one.
func TestBoardNamesInDocuments(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	names := testapp.BoardNames
	for i, n := range names {
		other := names[(i+1)%len(names)]
		t.Run(n.Name, func(t *testing.T) {
			t.Parallel()
			app := testapp.New(t)
			if err := testapp.RenameBoard(app, f.KS, n); err != nil {
				t.Fatal(err)
			}
			other.Name += " (mottagare)" // names are unique
			if other.NameInText != "" {
				other.NameInText += " (mottagare)"
			}
			other.WantInText += " (mottagare)"
			if err := testapp.RenameBoard(app, f.IAN, other); err != nil {
				t.Fatal(err)
			}
			// the plan's own title would stand for the board's
			if err := testapp.WhileDraft(app, f.Plan, func() error {
				return testapp.Update(app, model.Plans, f.Plan, map[string]any{"title": ""})
			}); err != nil {
				t.Fatal(err)
			}

			follow, err := report.FollowUp(app, f.KS, 2024, false)
			if err != nil {
				t.Fatal(err)
			}
			if want := "Uppföljning av " + n.WantGenitive + " internkontrollplan 2024"; follow.Title != want {
				t.Errorf("Expected the follow-up's title %q, got %q", want, follow.Title)
			}
			text := follow.Text()
			for _, want := range []string{
				"som fortsatt tillhör " + n.WantGenitive + " verksamhet avrapporteras nedan.",
				"Internkontrollen kommer fortsatt att hanteras av " + other.WantInText + ".",
			} {
				if !strings.Contains(text, want) {
					t.Errorf("Expected %q in the follow-up, got\n%s", want, text)
				}
			}

			plan, err := report.PlanDoc(app, f.KS, 2024, true)
			if err != nil {
				t.Fatal(err)
			}
			if want := model.UpperFirst(n.WantGenitive) + " internkontrollplan 2024"; plan.Title != want {
				t.Errorf("Expected the plan's title %q, got %q", want, plan.Title)
			}

			roll, err := report.RollUp(app, 2024, true, testapp.Today)
			if err != nil {
				t.Fatal(err)
			}
			text = roll.Text()
			for _, want := range []string{
				"Uppföljning av " + n.WantGenitive + " internkontrollplan 2024",
				"Ingen internkontrollplan för 2024 finns för " + other.WantInText + ".",
			} {
				if !strings.Contains(text, want) {
					t.Errorf("Expected %q in the roll-up, got\n%s", want, text)
				}
			}

			memo, err := report.Memo(app, f.KS, 2024, false, "sv", testapp.Today)
			if err != nil {
				t.Fatal(err)
			}
			text = memo.Text()
			for _, want := range []string{
				model.UpperFirst(n.WantGenitive) + " internkontrollplan 2024 omfattar",
				model.UpperFirst(n.WantInText) + " godkänner uppföljningen av internkontrollplan 2024.",
				"Uppföljning av " + n.WantGenitive + " internkontrollplan 2024",
			} {
				if !strings.Contains(text, want) {
					t.Errorf("Expected %q in the memo, got\n%s", want, text)
				}
			}

			// a plan without results: the refusal starts with the genitive
			if _, err := testapp.Create(app, model.Plans, map[string]any{"board": f.KS, "year": 2025, "status": model.PlanDraft}); err != nil {
				t.Fatal(err)
			}
			_, err = report.FollowUp(app, f.KS, 2025, true)
			if want := model.UpperFirst(n.WantGenitive) + " internkontrollplan 2025 har inga resultat ännu"; err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Errorf("Expected the refusal to start %q, got %v", want, err)
			}
			_, err = report.Memo(app, f.KS, 2025, true, "sv", testapp.Today)
			if want := model.UpperFirst(n.WantGenitive) + " internkontrollplan 2025 har inga resultat ännu"; err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Errorf("Expected the memo's refusal to start %q, got %v", want, err)
			}
		})
	}
}
