package web_test

import (
	"strings"
	"testing"

	"ikplan/proof/testapp"
)

// TestMenuLinksWhatTheRoleMayOpen: the header's menu is a <details> whose
// button is named "Meny" ("Menu" in English); it links the change history
// for coordinators and auditors (whom /history lets in) and the settings
// for coordinators (whom the settings' update rule lets write), and
// neither for the other roles; the page's own item is marked current.
func TestMenuLinksWhatTheRoleMayOpen(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	h := handler(t, testapp.NewWeb(t))
	for _, sc := range []struct {
		user              string
		history, settings bool
	}{
		{"samordnare", true, true},
		{"revisor", true, false},
		{"lasare", false, false},
		{"ansvarig", false, false},
		{"annan", false, false},
	} {
		body := page(h, f, sc.user, "/", "192.0.2.10", "ikplan.local").Body.String()
		if !strings.Contains(body, `<details class="site-menu"><summary class="site-menu__button">Meny</summary>`) {
			t.Errorf("Expected %s's header to fold into a menu named Meny, got\n%s", sc.user, excerpt(body, "site-header"))
		}
		for _, l := range []struct {
			href string
			want bool
		}{{`href="/history"`, sc.history}, {`href="/settings"`, sc.settings}} {
			if got := strings.Contains(body, l.href); got != l.want {
				t.Errorf("Expected %s's menu to link %s: %v, got %v", sc.user, l.href, l.want, got)
			}
		}
	}
	for _, sc := range []struct{ url, lang, want string }{
		{"/history", "", `<a href="/history" aria-current="page">Historik</a>`},
		{"/history", "en", `<a href="/history" aria-current="page">History</a>`},
		{"/settings", "", `<a href="/settings" aria-current="page">Inställningar</a>`},
		{"/", "en", `<summary class="site-menu__button">Menu</summary>`},
	} {
		// (the session's cookie given here beside the language's)
		cookie := "ikplan_session=" + f.Sessions["samordnare"] + "; ikplan_lang=" + sc.lang
		body := page(h, f, "", sc.url, "192.0.2.10", "ikplan.local", "Cookie", cookie).Body.String()
		if !strings.Contains(body, sc.want) {
			t.Errorf("Expected %s on %s (%q), got\n%s", sc.want, sc.url, sc.lang, excerpt(body, "site-header"))
		}
	}
}
