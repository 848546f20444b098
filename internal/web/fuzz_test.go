package web_test

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/internal/web"
	"ikplan/proof/testapp"
)

// FuzzControlForm feeds the draft plan's control form any body with any
// content type: it never panics, every text field of the control gets
// the posted value trimmed (nothing else), the control's plan is never
// touched, and confidential is set only by the exact value "true".
func FuzzControlForm(f *testing.F) {
	f.Add("application/x-www-form-urlencoded", []byte("title=Rubrik&number=3&description=%3Cscript%3E&confidential=true"))
	f.Add("application/x-www-form-urlencoded", []byte("%zz=1&title=%&plan=annan&title=två&confidential=TRUE"))
	f.Add("multipart/form-data; boundary=x", []byte("--x\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n  Rubrik  \r\n--x--\r\n"))
	f.Add("text/plain", []byte("title=x"))
	f.Add("application/x-www-form-urlencoded", []byte("title=\xff\xfe&section=%00&legal_refs="+strings.Repeat("a", 600)))
	app := testapp.New(f)
	col, err := app.FindCachedCollectionByNameOrId(model.Controls)
	if err != nil {
		f.Fatal(err)
	}
	text := map[string]bool{}
	for _, fl := range col.Fields {
		if fl.Type() == core.FieldTypeText {
			text[fl.GetName()] = true
		}
	}
	f.Fuzz(func(t *testing.T, contentType string, body []byte) {
		c := core.NewRecord(col)
		c.Set("plan", "planen")
		values, confidential := web.ReadControlForm(contentType, body, c)
		if c.GetString("plan") != "planen" {
			t.Fatalf("Expected the plan untouched, got %q", c.GetString("plan"))
		}
		form, _ := url.ParseQuery(string(body))
		if strings.HasPrefix(contentType, "application/x-www-form-urlencoded") && !strings.Contains(contentType, "charset") {
			want := strings.TrimSpace(form.Get("confidential")) == "true"
			if confidential != want || c.GetBool("confidential") != confidential {
				t.Fatalf("Expected confidential %v for %q, got %v (record %v)", want, form.Get("confidential"), confidential, c.GetBool("confidential"))
			}
		}
		for _, name := range web.ControlFields {
			v := values[name]
			if v != strings.TrimSpace(v) {
				t.Fatalf("Expected %s trimmed, got %q", name, v)
			}
			if text[name] && c.GetString(name) != v {
				t.Fatalf("Expected the control's %s to be the form's %q, got %q", name, v, c.GetString(name))
			}
		}
	})
}

// FuzzActionFilter feeds the actions page any query: it never panics, the
// filter is only the page's own clauses joined by &&, and every value
// reaches the query as a parameter that is one of the user's choices.
func FuzzActionFilter(f *testing.F) {
	boards := []string{"ks0000000000001", "ian000000000001"}
	years := []string{"2025", "2024"}
	owners := []string{"usr000000000001", "usr000000000002"}
	for _, q := range []string{
		"board=ks0000000000001&year=2024&status=in_progress&owner=usr000000000001&overdue=1",
		"board=' || 1=1 --&year=2024 OR 1&status={:status}&owner=usr000000000001%27",
		"status[]=&year=abc&overdue=maybe&board=",
		"year=2024&year=abc&status=done&status=x",
		"%zz=1&q=%ff",
	} {
		f.Add(q)
	}
	clauses := []string{"board = {:board}", "year = {:year}", "status = {:status}", "owner = {:owner}",
		"(status = 'planned' || status = 'in_progress') && transferred_to = '' && in_draft = false && deadline != '' && deadline < {:today}"}
	f.Fuzz(func(t *testing.T, rawQuery string) {
		filter, params, _ := web.ActionFilterOf(rawQuery, boards, years, owners)
		rest := filter
		for rest != "" {
			found := false
			for _, c := range clauses {
				if after, ok := strings.CutPrefix(rest, c); ok {
					rest, found = strings.TrimPrefix(after, " && "), true
					break
				}
			}
			if !found {
				t.Fatalf("Expected only the page's own clauses, got %q (left: %q)", filter, rest)
			}
		}
		for k, v := range params {
			s := ""
			switch x := v.(type) {
			case string:
				s = x
			case int:
				s = strconv.Itoa(x)
			}
			var allowed []string
			switch k {
			case "board":
				allowed = boards
			case "year":
				allowed = years
			case "owner":
				allowed = owners
			case "status":
				allowed = model.ActionStatuses
			case "today":
				allowed = []string{"2025-03-15 00:00:00.000Z"} // the day export_test.go gives
			}
			if !slices.Contains(allowed, s) {
				t.Fatalf("Expected %s to be one of %v, got %q", k, allowed, s)
			}
			if !strings.Contains(filter, "{:"+k+"}") {
				t.Fatalf("Expected the parameter %s used as {:%s} in %q", k, k, filter)
			}
		}
	})
}

// lowerASCII lowers ASCII letters only, as SQLite's LIKE compares them.
func lowerASCII(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	}, s)
}

// FuzzSearch searches for any text: the search never fails, every hit
// holds the text literally (no character of it, such as % _ \ ' ", is a
// wildcard, an escape or a quote), and a plan whose title holds the text
// is found.
func FuzzSearch(f *testing.F) {
	for _, q := range []string{"kontroll", "100%", "a_b", `\`, `\%`, `%\`, `'; DROP TABLE plans; --`, `" || 1=1 || "`, "{:q}", "ÅÄÖ", "_", "%%", `\_`, "x\x00y", "hårt\u00a0mellanslag", "noll\u200bbredd", "0\x12", `\n`} {
		f.Add(q)
	}
	fx := testapp.Fix(f)
	app := testapp.New(f)
	user, err := app.FindRecordById(model.Users, fx.Users["samordnare"])
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		q = strings.TrimSpace(q)
		if utf8.RuneCountInString(q) < 2 || utf8.RuneCountInString(q) > 200 || !utf8.ValidString(q) || strings.ContainsRune(q, 0) {
			return // the page refuses these, or stores no such text
		}
		plan, err := app.FindRecordById(model.Plans, fx.Plan)
		if err != nil {
			t.Fatal(err)
		}
		plan.Set("title", "«"+q+"»")
		if err := app.Save(plan); err != nil {
			t.Fatalf("Expected the plan to take the title %q, got %v", q, err)
		}
		for kind, fields := range web.SearchFields {
			recs, err := web.Search(app, user, kind, q)
			if err != nil {
				t.Fatalf("Expected the search for %q in %s to run, got %v", q, kind, err)
			}
			found := false
			for _, r := range recs {
				hit := false
				for _, name := range fields {
					hit = hit || strings.Contains(lowerASCII(r.GetString(name)), lowerASCII(q))
				}
				if !hit {
					t.Fatalf("Expected every %s found for %q to hold it, got %s %q", kind, q, r.Id, r.GetString(fields[0]))
				}
				found = found || r.Id == fx.Plan
			}
			if kind == "plans" && !found {
				t.Fatalf("Expected the plan titled %q to be found searching for %q", plan.GetString("title"), q)
			}
		}
	})
}

// FuzzLocalPath: wherever the sign-in form is told to go next, it goes to
// a path on this site, never to another host (no scheme, no //, no /\,
// no control characters a browser would drop).
func FuzzLocalPath(f *testing.F) {
	for _, p := range []string{"/plans", "//evil.example", "/\\evil.example", "https://evil.example", "/\t/evil.example", "/%2F%2Fevil", "", "javascript:alert(1)", "/ok?x=//y"} {
		f.Add(p)
	}
	f.Fuzz(func(t *testing.T, p string) {
		got := web.LocalPath(p)
		if got == "/" {
			return
		}
		if got != p {
			t.Fatalf("Expected %q kept or replaced by /, got %q", p, got)
		}
		if !strings.HasPrefix(got, "/") || strings.HasPrefix(got, "//") || strings.HasPrefix(got, "/\\") {
			t.Fatalf("Expected a path on this site, got %q", got)
		}
		for _, r := range got {
			if r < 0x20 || r == 0x7f {
				t.Fatalf("Expected no control character in %q", got)
			}
		}
		u, err := url.Parse(got)
		if err != nil || u.Host != "" || u.Scheme != "" {
			t.Fatalf("Expected no host or scheme in %q, got %+v (%v)", got, u, err)
		}
	})
}
