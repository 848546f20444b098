package web_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"ikplan/internal/model"
	"ikplan/internal/session"
	"ikplan/proof/testapp"
)

// TestPageCacheKeepsNoCookie: a page rendered while a session was renewed
// carries that session's cookie; the page cache keeps the page but not the
// cookie, so the same person's other browser, served the page from the
// cache, is never handed the first browser's session.
func TestPageCacheKeepsNoCookie(t *testing.T) {
	f := testapp.Fix(t)
	app, h, _, clock := cacheApp(t)
	// late enough that the first browser's session is renewed, written back
	// with a fresh cookie; the same person's second browser signed in just now
	later := testapp.Today.Add(time.Hour)
	clock.Store(later.Unix())
	_, other, err := session.NewSession(app, testapp.Find(t, app, model.Users, f.Users["samordnare"]), later)
	if err != nil {
		t.Fatal(err)
	}
	url := "/plans/" + f.Plan
	send := func(token string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, url, nil)
		req.AddCookie(&http.Cookie{Name: "ikplan_session", Value: token})
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			t.Fatalf("Expected 200, got %d", rec.Code)
		}
		return rec
	}
	first := send(f.Sessions["samordnare"])
	if c := first.Header().Get("Set-Cookie"); !strings.Contains(c, f.Sessions["samordnare"]) {
		t.Fatalf("Expected the renewed session's cookie on the first page, got %q", c)
	}
	second := send(other)
	if c := second.Header().Values("Set-Cookie"); strings.Contains(strings.Join(c, " "), f.Sessions["samordnare"]) {
		t.Fatalf("Expected the other browser never to get the first browser's session, got Set-Cookie %q", c)
	}
	if second.Body.String() != first.Body.String() {
		t.Fatalf("Expected the same page from the cache")
	}
}

// TestPageCacheKeepsEachLanguage: the same page of the same person in
// Swedish and in English are two pages; neither is served for the other.
func TestPageCacheKeepsEachLanguage(t *testing.T) {
	f := testapp.Fix(t)
	_, h, _, _ := cacheApp(t)
	send := func(lang string) string {
		req := httptest.NewRequest(http.MethodGet, "/plans", nil)
		req.AddCookie(&http.Cookie{Name: "ikplan_session", Value: f.Sessions["samordnare"]})
		if lang != "" {
			req.AddCookie(&http.Cookie{Name: "ikplan_lang", Value: lang})
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec.Body.String()
	}
	for range 2 { // the second round is served from the cache
		if sv := send(""); !strings.Contains(sv, `lang="sv"`) || !strings.Contains(sv, ">Planer<") {
			t.Fatalf("Expected the Swedish page, got %.300s", sv)
		}
		if en := send("en"); !strings.Contains(en, `lang="en"`) || !strings.Contains(en, ">Plans<") {
			t.Fatalf("Expected the English page, got %.300s", en)
		}
	}
}
