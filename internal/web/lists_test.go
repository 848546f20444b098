package web_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/internal/remind"
	"ikplan/proof/testapp"
)

// todoList is one of the lists that tell someone what to do: the start
// page and its lists, the coordinator's overdue list, /actions' overdue
// filter, the calendar feed, the reminders of a dry run and the menu's
// count. read gives what the list shows as text to look for items in.
type todoList struct {
	name string
	read func(t *testing.T) string
}

// todoLists are the lists of the owners (fixture keys; each gets a
// calendar token) and the coordinator, read through h on the app, the
// reminders as on the day remindOn.
func todoLists(t *testing.T, app core.App, h http.Handler, f *testapp.Fixture, remindOn time.Time, owners ...string) []todoList {
	t.Helper()
	var lists []todoList
	for _, who := range owners {
		token := "calendar-token-of-" + who + "-0123456789abcdefghijklmn"
		if err := testapp.Update(app, model.Users, f.Users[who], map[string]any{remind.CalendarField: token}); err != nil {
			t.Fatal(err)
		}
		page := func(url string) func(t *testing.T) string {
			return func(t *testing.T) string { return get(t, h, f, who, url) }
		}
		lists = append(lists,
			todoList{who + ": start page", page("/")},
			todoList{who + ": /start/overdue", page("/start/overdue")},
			todoList{who + ": /start/soon", page("/start/soon")},
			todoList{who + ": /start/my-controls", page("/start/my-controls")},
			todoList{who + ": /start/my-actions", page("/start/my-actions")},
			todoList{who + ": /actions?overdue=1", page("/actions?overdue=1")},
			todoList{who + ": menu count", func(t *testing.T) string { return "count " + strconv.Itoa(menuCount(get(t, h, f, who, "/plans"))) }},
			todoList{who + ": calendar", func(t *testing.T) string {
				return strings.ReplaceAll(get(t, h, f, who, "/calendar/"+token+".ics"), "\r\n ", "") // unfolded
			}},
		)
	}
	lists = append(lists,
		todoList{"coordinator: /start/overdue", func(t *testing.T) string { return get(t, h, f, "samordnare", "/start/overdue") }},
		todoList{"coordinator: /actions?overdue=1", func(t *testing.T) string { return get(t, h, f, "samordnare", "/actions?overdue=1") }},
		todoList{"reminders (dry run)", func(t *testing.T) string {
			var out bytes.Buffer
			if _, err := remind.Run(app, remindOn, true, &out); err != nil {
				t.Fatal(err)
			}
			return out.String()
		}},
	)
	return lists
}

var navCountRe = regexp.MustCompile(`class="nav-count"> \((\d+)`)

// menuCount is the menu's count on a page, 0 when it shows none.
func menuCount(html string) int {
	m := navCountRe.FindStringSubmatch(html)
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// prefix is the start of a text that every list shows of it.
func prefix(s string) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	return string(r[:min(len(r), 30)])
}

// post sends a form as a user through h and returns the response.
func post(t *testing.T, h http.Handler, f *testapp.Fixture, user, url, form string) *httptest.ResponseRecorder {
	t.Helper()
	req := httptest.NewRequest(http.MethodPost, url, strings.NewReader(form))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.AddCookie(&http.Cookie{Name: "ikplan_session", Value: f.Sessions[user]})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}
