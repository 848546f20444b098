package web_test

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// The significant deviations, on the start page and in the whole list, in
// both languages: a table whose every row names the deviation's plan —
// its board and year, as the database has them — and no row repeats the
// "Väsentlig" tag, which the list's heading says once (issue 19.10).
func TestSignificantDeviationsWithPlanAndYear(t *testing.T) {
	f := testapp.Fix(t)
	app, h, _, _ := cacheApp(t)
	devs, err := app.FindAllRecords(model.Deviations)
	if err != nil {
		t.Fatal(err)
	}
	// what each row should name, by the deviation's description
	want := map[string][2]string{}
	for _, d := range devs {
		if !d.GetBool("significant") || d.GetString("status") != "open" {
			continue
		}
		pl := testapp.Find(t, app, model.Plans, d.GetString("plan"))
		b := testapp.Find(t, app, model.Boards, pl.GetString("board"))
		want[strings.TrimSpace(d.GetString("description"))] = [2]string{b.GetString("name"), strconv.Itoa(pl.GetInt("year"))}
	}
	if len(want) < 2 {
		t.Fatalf("Expected the demo to have open significant deviations, got %d", len(want))
	}
	headers := map[string][]string{
		"sv": {`<th scope="col">Avvikelse</th>`, `<th scope="col">Nämnd</th>`, `<th scope="col">Planår</th>`},
		"en": {`<th scope="col">Deviation</th>`, `<th scope="col">Board</th>`, `<th scope="col">Plan year</th>`},
	}
	tag := map[string]string{"sv": ">Väsentlig</strong>", "en": ">Significant</strong>"}
	rowRe := regexp.MustCompile(`(?s)<tr><td[^>]*><a href="[^"]*">(.*?)</a></td><td[^>]*>(.*?)</td><td[^>]*>(.*?)</td></tr>`)
	for _, url := range []string{"/", "/start/significant"} {
		for _, lang := range []string{"sv", "en"} {
			page := getIn(t, h, f, "samordnare", lang, url)
			start := strings.Index(page, `id="significant"`)
			if start < 0 {
				t.Fatalf("%s (%s): expected the significant deviations, got none", url, lang)
			}
			end := strings.Index(page[start:], "</table>")
			if end < 0 {
				t.Fatalf("%s (%s): expected the significant deviations as a table, got %s", url, lang, page[start:])
			}
			list := page[start : start+end]
			for _, hd := range headers[lang] {
				if !strings.Contains(list, hd) {
					t.Errorf("%s (%s): expected the column %s, got %s", url, lang, hd, list)
				}
			}
			if strings.Contains(list, tag[lang]) || strings.Contains(list, `class="tag `) {
				t.Errorf("%s (%s): expected no tag repeated on the rows, got %s", url, lang, list)
			}
			rows := rowRe.FindAllStringSubmatch(list, -1)
			if len(rows) == 0 || len(rows) != strings.Count(list, "<tr>")-1 {
				t.Fatalf("%s (%s): expected every row with its deviation, board and year, got %d of %d: %s", url, lang, len(rows), strings.Count(list, "<tr>")-1, list)
			}
			for _, r := range rows {
				w, ok := want[strings.TrimSpace(html.UnescapeString(r[1]))]
				if !ok {
					t.Errorf("%s (%s): expected only open significant deviations, got %q", url, lang, r[1])
					continue
				}
				if got := [2]string{html.UnescapeString(r[2]), strings.TrimSpace(r[3])}; got != w {
					t.Errorf("%s (%s): expected %q under %v, got %v", url, lang, r[1], w, got)
				}
			}
		}
	}
}
