package browsertest

import (
	"html"
	"io"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// swedishDeadline is a deadline written in Swedish words: "kvartal 2 2025",
// "första halvåret 2025", "under 2025", "juni 2025" (English writes
// "quarter 2 2025", "first half 2025", "during 2025", "June 2025";
// "tertial" is the same word in both).
var swedishDeadline = regexp.MustCompile(`\bkvartal \d \d{4}\b|\b(första|andra) halvåret \d{4}\b|\bunder \d{4}\b|\b(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december) \d{4}\b`)

// typedTexts are the texts people typed into the demo data (descriptions,
// accounts, reasons), whitespace collapsed: they stay as typed in either
// language, so a deadline written inside one ("slutföras kvartal 2 2025")
// is no word of the UI.
func typedTexts(t *testing.T, b *ui) []string {
	t.Helper()
	var out []string
	for _, c := range []string{model.Boards, model.Units, model.Risks, model.RiskAssessments, model.Plans, model.Controls, model.Results, model.Deviations, model.Actions} {
		recs, err := b.app.FindAllRecords(c)
		if err != nil {
			t.Fatalf("failed to read %s: %v", c, err)
		}
		for _, r := range recs {
			for _, f := range r.Collection().Fields {
				if f.Type() == core.FieldTypeText || f.Type() == core.FieldTypeEditor {
					if v := strings.Join(strings.Fields(r.GetString(f.GetName())), " "); v != "" {
						out = append(out, v)
					}
				}
			}
		}
	}
	return out
}

// typedAround reports whether the match at text[i:j], with what stands
// just before it, is part of a text someone typed.
func typedAround(text string, i, j int, typed []string) bool {
	from := max(0, i-15)
	for from > 0 && !utf8.RuneStart(text[from]) {
		from--
	}
	around := strings.Join(strings.Fields(text[from:j]), " ")
	return slices.ContainsFunc(typed, func(s string) bool { return strings.Contains(s, around) })
}

// swedishDocuments are the pages that show a document, which is written
// in Swedish whatever the UI's language (internal/report has none other).
var swedishDocuments = []string{"report-followup", "report-plan", "report-rollup"}

// Every page, opened in English by every role that may open it, writes its
// deadlines in English: no "kvartal 2 2025" nor "juni 2025" (issue 14).
// Plain requests, no browser: the words are in the HTML the server sends.
func TestEveryPageInEnglishHasNoSwedishDeadline(t *testing.T) {
	t.Parallel()
	b := serve(t, "english-deadlines")
	ids := everyPageIds(t, b)
	tags := regexp.MustCompile(`<[^>]*>`)
	typed := typedTexts(t, b)
	accounts := map[string]string{"coordinator": "samordnare", "owner": "ansvarig", "reader": "lasare", "auditor": "revisor"}
	for _, p := range everyPage {
		if slices.Contains(swedishDocuments, p.name) {
			continue
		}
		roles := p.roles
		if roles == nil {
			roles = signedIn
		}
		for _, role := range roles {
			req, err := http.NewRequest(http.MethodGet, b.base+ids.Replace(p.path), nil)
			if err != nil {
				t.Fatal(err)
			}
			req.AddCookie(&http.Cookie{Name: "ikplan_lang", Value: "en"})
			if a := accounts[role]; a != "" {
				req.AddCookie(&http.Cookie{Name: "ikplan_session", Value: b.f.Sessions[a]})
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatalf("%s as %s: %v", p.name, role, err)
			}
			body, _ := io.ReadAll(res.Body)
			res.Body.Close()
			text := html.UnescapeString(tags.ReplaceAllString(string(body), " "))
			for _, m := range swedishDeadline.FindAllStringIndex(text, -1) {
				if !typedAround(text, m[0], m[1], typed) {
					t.Errorf("%s as %s in English: expected deadlines in English, got %q", p.name, role, text[m[0]:m[1]])
				}
			}
			if !strings.Contains(string(body), `lang="en"`) {
				t.Errorf("%s as %s: expected the page in English (lang=\"en\")", p.name, role)
			}
		}
	}
}
