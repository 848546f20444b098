package web_test

import (
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// getIn is the page at url as user, in lang ("sv" or "en").
func getIn(t *testing.T, h http.Handler, f *testapp.Fixture, user, lang, url string) string {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, url, nil)
	req.AddCookie(&http.Cookie{Name: "ikplan_session", Value: f.Sessions[user]})
	req.AddCookie(&http.Cookie{Name: "ikplan_lang", Value: lang})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("Expected 200 for %s as %s, got %d", url, user, rec.Code)
	}
	return rec.Body.String()
}

// The owner filter on /actions offers exactly the people who can own an
// action, by the rule the hooks use (model.MayOwn, and a member of a
// board): never the reader or the auditor, who can own nothing (issue
// 19.5). Without a board chosen, the members of any board; with a board,
// its members.
func TestActionsOwnerFilterOffersOnlyWhoCanOwn(t *testing.T) {
	f := testapp.Fix(t)
	app, h, _, _ := cacheApp(t)
	users, err := app.FindAllRecords(model.Users)
	if err != nil {
		t.Fatal(err)
	}
	option := regexp.MustCompile(`<option value="([a-z0-9]+)"[^>]*>`)
	ownerOptions := func(html string) []string {
		start := strings.Index(html, `<select id="f-owner"`)
		if start < 0 {
			t.Fatalf("Expected the owner filter, got none")
		}
		end := strings.Index(html[start:], "</select>")
		var ids []string
		for _, m := range option.FindAllStringSubmatch(html[start:start+end], -1) {
			ids = append(ids, m[1])
		}
		return ids
	}
	for _, c := range []struct {
		name, url string
		board     string // "" for any board
	}{
		{"no board chosen", "/actions", ""},
		{"Kommunstyrelsen chosen", "/actions?board=" + f.KS, f.KS},
	} {
		offered := ownerOptions(getIn(t, h, f, "samordnare", "sv", c.url))
		for _, u := range users {
			boards := u.GetStringSlice("boards")
			want := model.MayOwn(u.GetString("role")) && len(boards) > 0 && (c.board == "" || slices.Contains(boards, c.board))
			if got := slices.Contains(offered, u.Id); got != want {
				t.Errorf("%s: expected %s (%s, boards %v) offered as owner: %v, got %v", c.name, u.GetString("name"), u.GetString("role"), boards, want, got)
			}
		}
	}
	// the demo's reader and auditor are among the users, so the test can fail
	for _, who := range []string{"lasare", "revisor"} {
		if u := testapp.Find(t, app, model.Users, f.Users[who]); model.MayOwn(u.GetString("role")) {
			t.Fatalf("Expected %s unable to own, got role %s", who, u.GetString("role"))
		}
	}
}

// MayOwn and the filter the lists use agree on every role: the filter
// offers no one the hooks would refuse as owner.
func TestOwnerRoleFilterIsMayOwn(t *testing.T) {
	for _, role := range model.Roles {
		in := strings.Contains(model.OwnerRoleFilter, "'"+role+"'")
		if in != model.MayOwn(role) {
			t.Errorf("Expected the owner filter to hold %s as MayOwn does (%v), got %v", role, model.MayOwn(role), in)
		}
	}
}
