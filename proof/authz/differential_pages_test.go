package authz_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/pocketbase/pocketbase/core"
)

// TestNothingHiddenShowsOnAPage is the differential test of the web UI:
// for every role with a session, every page it can ask for — the start
// page and its lists, the plans, every plan and control page, actions with
// each filter, risks, history, search for words of the hidden records,
// the documents' previews and HTML downloads, the calendar feed — is the
// same, byte for byte, on two databases that differ only in the contents
// of what the role may not read (see TestNothingHiddenShapesAnAnswer). A
// count, a date, an overdue mark or a search hit that came from a hidden
// record would show as a difference.
func TestNothingHiddenShowsOnAPage(t *testing.T) {
	w := prepare(t)
	base := otherBoardWorld(t, w)
	appA, hA := serveDir(t, base, nil)
	schema := readSchema(t, appA)
	all := valuesOf(t, appA, schema, nil)

	for _, role := range roles {
		if role == "super" || role == "guest" {
			continue // no session: every page sends them to sign in
		}
		t.Run(role, func(t *testing.T) {
			readable := readableSets(t, hA, w.tokens[role], schema)
			hidden := hiddenRecords(t, appA, schema, readable)
			_, hB := serveDir(t, base, func(app core.App) { mutateHidden(t, app, schema, hidden, publicOnPages...) })
			pages := pageURLs(w, role, all, valuesOf(t, appA, schema, hidden), hidden)
			var diffs, ok int
			for _, u := range pages {
				a, b := page(hA, w.sessions[role], u), page(hB, w.sessions[role], u)
				if a != b {
					diffs++
					if diffs <= 10 {
						t.Errorf("%s: GET %s differs:\n%s", role, u, firstDifference(a, b))
					}
				} else if strings.HasPrefix(a, "200 ") {
					ok++
				}
			}
			t.Logf("%s: %d hidden records, %d pages (%d answered 200), %d differences", role, count(hidden), len(pages), ok, diffs)
		})
	}
}

// publicOnPages are the fields a page may show of a record the role may
// not read: a board's name (and its name for running text). A follow-up report says which board a control
// or an action was transferred to ("… hanteras av den nya individ- och
// arbetsmarknadsnämnden", as the seed report does), and the report is read
// by the giving board's readers, who are not members of the receiving
// board. The names of a municipality's boards are public; nothing else of
// the other board is shown.
var publicOnPages = []string{"boards.name", "boards.short_name", "boards.name_in_text"}

// pageURLs are the pages the role asks for.
func pageURLs(w *world, role string, all, firstHidden map[string]map[string][]string, hidden map[string][]string) []string {
	var out []string
	add := func(u string) {
		if !slices.Contains(out, u) {
			out = append(out, u)
		}
	}
	for _, c := range pageRows() {
		if c.verb() != http.MethodGet || strings.HasPrefix(c.url, "/static") || strings.HasPrefix(c.url, "/_/") {
			continue
		}
		add(w.expand(c.url, role))
	}
	for _, list := range []string{"overdue", "soon", "my-controls", "my-actions", "significant"} {
		add("/start/" + list)
	}
	for _, id := range all["plans"]["id"] {
		add("/plans/" + id)
		add("/history/plans/" + id)
	}
	for _, id := range all["controls"]["id"] {
		add("/controls/" + id)
		add("/history/controls/" + id)
	}
	for _, id := range all["risks"]["id"] {
		add("/risks/" + id)
	}
	for _, id := range all["actions"]["id"] {
		add("/history/actions/" + id)
		add("/actions/" + id + "/status")
	}
	for _, col := range []string{"results", "deviations", "risks"} {
		for _, id := range all[col]["id"] {
			add("/history/" + col + "/" + id)
		}
	}
	// the change log, whole and by each filter
	add("/history")
	add("/history?page=2")
	for _, q := range []string{"board=" + w.f.KS, "board=" + w.f.IAN, "person=" + w.f.Users["samordnare"], "person=" + w.f.Users["annan"],
		"kind=controls", "kind=actions", "kind=deviations", "kind=results", "kind=risks", "from=2025-01-01&to=2025-12-31"} {
		add("/history?" + q)
	}
	for _, id := range all["plans"]["id"] {
		add("/plans/" + id + "/back")
	}
	for _, y := range []string{"2024", "2025", "2026"} {
		add("/plans?year=" + y)
		add("/actions?year=" + y)
	}
	for _, q := range []string{"overdue=1", "status=planned", "status=in_progress", "status=done", "board=" + w.f.KS, "board=" + w.f.IAN,
		"owner=" + w.f.Users["it"], "owner=" + w.f.Users["annan"]} {
		add("/actions?" + q)
	}
	for _, b := range []string{w.f.KS, w.f.IAN} {
		for _, kind := range []string{"followup", "plan", "memo"} {
			add("/reports/" + kind + "?board=" + b + "&year=2024")
			add("/reports/" + kind + "/download?board=" + b + "&year=2024&format=html")
		}
	}
	add("/reports/rollup?year=2024")
	add("/reports/rollup/download?year=2024&format=html")
	// words of the hidden records, searched for
	n := 0
	for _, col := range []string{"controls", "deviations", "actions", "plans", "results", "risks"} {
		for _, field := range []string{"title", "description", "account", "root_cause", "done_note"} {
			for _, v := range firstHidden[col][field] {
				if n == 24 {
					break
				}
				if word := longWord(v); word != "" && len(hidden[col]) > 0 {
					add("/search?q=" + url.QueryEscape(word))
					n++
				}
			}
		}
	}
	return out
}

// longWord is the first word of at least six letters in s.
func longWord(s string) string {
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if len([]rune(f)) >= 6 {
			return f
		}
	}
	return ""
}

// page is the status, the redirect and the body of a page asked for with
// the session.
func page(h http.Handler, session, target string) string {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	req.RemoteAddr = peer()
	req.AddCookie(&http.Cookie{Name: "ikplan_session", Value: session})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return fmt.Sprintf("%d %s %s", rec.Code, rec.Header().Get("Location"), rec.Body.String())
}

// firstDifference shows where two answers part.
func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-160)
	return fmt.Sprintf("\tfirst database:  …%s…\n\tsecond database: …%s…", a[from:min(len(a), i+160)], b[from:min(len(b), i+160)])
}
