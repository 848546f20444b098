package web_test

import (
	"html"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestPagesNameBoardsInText: the pages name a board inside a sentence by
// its name for running text in Swedish, and by its registered name in
// English, for each name of testapp.BoardNames: the confirmation of a new
// draft ("Utkastet för Västra Mälardalens överförmyndarnämnd 2025 är
// skapat."), the plan page's transfer link, the transfer page (from,
// to, the successor's risk register in the genitive) and the confirmation of the transfer. Kommunstyrelsen
// takes each name in turn, its successor Individ- och
// arbetsmarknadsnämnden the next one.
func TestPagesNameBoardsInText(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	names := testapp.BoardNames
	for i, n := range names {
		other := names[(i+1)%len(names)]
		t.Run(n.Name, func(t *testing.T) {
			t.Parallel()
			other.Name += " (mottagare)"
			if other.NameInText != "" {
				other.NameInText += " (mottagare)"
			}
			other.WantInText += " (mottagare)"
			other.WantGenitive = model.Genitive(other.WantInText)
			app := testapp.NewWeb(t)
			if err := testapp.RenameBoard(app, f.KS, n); err != nil {
				t.Fatal(err)
			}
			if err := testapp.RenameBoard(app, f.IAN, other); err != nil {
				t.Fatal(err)
			}
			if err := testapp.Update(app, model.Boards, f.KS, map[string]any{"successor": f.IAN}); err != nil {
				t.Fatal(err)
			}
			if _, err := testapp.Create(app, model.Plans, map[string]any{"board": f.IAN, "year": 2025, "title": "Mottagarens plan 2025"}); err != nil {
				t.Fatal(err)
			}
			mux := serve(t, app)
			do := func(method, path, body, lang string) (int, string, string) {
				t.Helper()
				req := httptest.NewRequest(method, path, strings.NewReader(body))
				cookie := "ikplan_session=" + f.Sessions["samordnare"]
				if lang != "" {
					cookie += "; ikplan_lang=" + lang
				}
				req.Header.Set("Cookie", cookie)
				if body != "" || method == http.MethodPost {
					req.Header.Set("Content-Type", urlencoded)
				}
				rec := httptest.NewRecorder()
				mux.ServeHTTP(rec, req)
				return rec.Code, rec.Header().Get("Location"), html.UnescapeString(rec.Body.String())
			}
			contains := func(what, page string, wants ...string) {
				t.Helper()
				for _, want := range wants {
					if !strings.Contains(page, want) {
						t.Errorf("%s: expected %q in the page", what, want)
					}
				}
			}

			code, loc, _ := do(http.MethodPost, "/plans", "board="+f.KS+"&year=2025&title=", "")
			if code != http.StatusSeeOther {
				t.Fatalf("Expected the draft made, got %d", code)
			}
			_, _, page := do(http.MethodGet, loc, "", "")
			contains("the new draft", page, "Utkastet för "+n.WantInText+" 2025 är skapat.")

			_, _, page = do(http.MethodGet, "/plans/"+f.Plan, "", "")
			contains("the plan page", page, "Överför till "+other.WantInText)
			_, _, page = do(http.MethodGet, "/plans/"+f.Plan, "", "en")
			contains("the plan page in English", page, "Transfer to "+other.Name)

			transfer := "/boards/" + f.KS + "/transfer"
			_, _, page = do(http.MethodGet, transfer, "", "")
			contains("the transfer page", page,
				"Det här flyttas från "+n.WantInText+" till "+other.WantInText+" och",
				"Riskerna flyttas till "+other.WantGenitive+" riskportfölj",
				"Överför till "+other.WantInText+"</button>")
			_, _, page = do(http.MethodGet, transfer, "", "en")
			contains("the transfer page in English", page,
				"This moves from "+n.Name+" to "+other.Name+" and",
				"The risks move to "+other.Name+"'s register")

			code, loc, _ = do(http.MethodPost, transfer, "", "")
			if code != http.StatusSeeOther {
				t.Fatalf("Expected the transfer made, got %d", code)
			}
			_, _, page = do(http.MethodGet, loc, "", "")
			contains("the transfer's confirmation", page, "Överföringen till "+other.WantInText+" är gjord.")
		})
	}
}
