package web_test

import (
	"bytes"
	"image"
	"image/png"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"ikplan/internal/model"
	"ikplan/internal/proxy"
	"ikplan/internal/remind"
	"ikplan/internal/web"
	"ikplan/proof/testapp"
)

const ownerFeedToken = "feed-token-0123456789abcdefghijklmnopqrstuv"

// proxied is the web UI behind the trust of the listed proxies (as `ikplan
// serve` binds it), with the owner's calendar token and the given
// application URL.
func proxied(t *testing.T, f *testapp.Fixture, trusted, appURL string) (http.Handler, *tests.TestApp) {
	t.Helper()
	list, err := proxy.Parse(trusted)
	if err != nil {
		t.Fatal(err)
	}
	app := testapp.New(t)
	proxy.Register(app, list)
	web.Register(app, testapp.Clock)
	app.Settings().Meta.AppURL = appURL
	if err := testapp.Update(app, model.Users, f.Users["ansvarig"], map[string]any{remind.CalendarField: ownerFeedToken}); err != nil {
		t.Fatal(err)
	}
	return handler(t, app), app
}

// page asks for a page as a user from an address, with headers.
func page(h http.Handler, f *testapp.Fixture, user, url, from, host string, kv ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, url, nil)
	req.Host = host
	req.RemoteAddr = from + ":40000"
	if user != "" {
		// (over HTTPS the cookie has the __Host- prefix)
		req.AddCookie(&http.Cookie{Name: "ikplan_session", Value: f.Sessions[user]})
		req.AddCookie(&http.Cookie{Name: "__Host-ikplan_session", Value: f.Sessions[user]})
	}
	for i := 0; i+1 < len(kv); i += 2 {
		req.Header.Set(kv[i], kv[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

// TestLinksFromTheRequest: while no application URL is set, the calendar
// link on "Mitt konto" and the links inside the feed start with the scheme
// and host the request came on; the forwarding headers count only from a
// trusted proxy, never from anyone else; once the URL is set, it is used
// whatever the request says.
func TestLinksFromTheRequest(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	forwarded := []string{"X-Forwarded-Proto", "https", "X-Forwarded-Host", "ikplan.kommun.example", "X-Forwarded-For", "198.51.100.7"}
	scenarios := []struct {
		name, trusted, appURL, from, host string
		headers                           []string
		want                              string
	}{
		{"straight to ikplan", "", model.DefaultAppURL, "192.0.2.10", "ikplan.local:8090", nil, "http://ikplan.local:8090"},
		{"no URL at all", "", "", "192.0.2.10", "10.1.2.3:8090", nil, "http://10.1.2.3:8090"},
		{"forwarding headers from a stranger", "", model.DefaultAppURL, "192.0.2.10", "ikplan.local:8090", forwarded, "http://ikplan.local:8090"},
		{"forwarding headers from an untrusted peer", "127.0.0.1", model.DefaultAppURL, "192.0.2.10", "ikplan.local:8090", forwarded, "http://ikplan.local:8090"},
		{"through the trusted proxy", "127.0.0.1", model.DefaultAppURL, "127.0.0.1", "127.0.0.1:8090", forwarded, "https://ikplan.kommun.example"},
		{"a host that could end the address", "127.0.0.1", model.DefaultAppURL, "127.0.0.1", "127.0.0.1:8090",
			[]string{"X-Forwarded-Host", "evil.example/@x"}, "http://127.0.0.1:8090"},
		{"the URL set wins", "127.0.0.1", "https://ikplan.set.example/", "127.0.0.1", "127.0.0.1:8090", forwarded, "https://ikplan.set.example"},
	}
	for _, sc := range scenarios {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			h, _ := proxied(t, f, sc.trusted, sc.appURL)
			rec := page(h, f, "ansvarig", "/me", sc.from, sc.host, sc.headers...)
			body := rec.Body.String()
			feed := sc.want + "/calendar/" + ownerFeedToken + ".ics"
			webcal := "webcal://" + strings.SplitN(sc.want, "://", 2)[1] + "/calendar/" + ownerFeedToken + ".ics"
			if rec.Code != http.StatusOK || !strings.Contains(body, `value="`+feed+`"`) || !strings.Contains(body, `href="`+webcal+`"`) {
				t.Fatalf("Expected the feed's address %s on the page, got %d:\n%s", feed, rec.Code, excerpt(body, "/calendar/"))
			}
			// the feed itself links each item on the same address
			rec = page(h, f, "", "/calendar/"+ownerFeedToken+".ics", sc.from, sc.host, sc.headers...)
			if rec.Code != http.StatusOK || !strings.Contains(strings.ReplaceAll(rec.Body.String(), "\r\n ", ""), sc.want+"/controls/"+f.Controls["2"]) {
				t.Fatalf("Expected the feed's links on %s, got %d:\n%s", sc.want, rec.Code, rec.Body.String())
			}
		})
	}
}

// excerpt is the part of body around the first s, for a failure message.
func excerpt(body, s string) string {
	i := strings.Index(body, s)
	if i < 0 {
		return "(no " + s + ")"
	}
	return body[max(0, i-200):min(len(body), i+200)]
}

// TestAppURLBanner: while no application URL is set, coordinators — and
// only they — see on every page that no e-mail is sent and how an
// administrator sets the address, in the UI's language; once it is set,
// nobody does.
func TestAppURLBanner(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	sv, en := "Ingen e-post skickas ännu", "No e-mail is sent yet"
	how := "Settings → Application"
	for _, appURL := range []string{model.DefaultAppURL, "", "https://ikplan.kommun.example"} {
		h, _ := proxied(t, f, "", appURL)
		for _, user := range []string{"samordnare", "ansvarig", "lasare", "revisor"} {
			for _, url := range []string{"/", "/plans", "/plans/" + f.Plan, "/actions", "/risks", "/me"} {
				rec := page(h, f, user, url, "192.0.2.10", "ikplan.local")
				want := user == "samordnare" && appURL != "https://ikplan.kommun.example"
				body := rec.Body.String()
				if got := strings.Contains(body, sv) && strings.Contains(body, how); got != want || rec.Code != http.StatusOK {
					t.Errorf("Expected the banner for %s on %s with URL %q: %v, got %v (%d)", user, url, appURL, want, got, rec.Code)
				}
			}
		}
		if appURL == model.DefaultAppURL {
			req := page(h, f, "samordnare", "/plans", "192.0.2.10", "ikplan.local", "Cookie", "ikplan_session="+f.Sessions["samordnare"]+"; ikplan_lang=en")
			if body := req.Body.String(); !strings.Contains(body, en) || strings.Contains(body, sv) {
				t.Errorf("Expected the banner in English, got\n%s", excerpt(body, "app-banner"))
			}
		}
	}
}

// TestForgotWaitsForTheAppURL: while no application URL is set, "Glömt
// lösenord" says that a reset by e-mail cannot be done yet and what to do,
// and no reset mail goes out — through the page, or PocketBase's own REST
// endpoint; once the URL is set, the mail is sent.
func TestForgotWaitsForTheAppURL(t *testing.T) {
	t.Parallel()
	for _, appURL := range []string{model.DefaultAppURL, "", "https://ikplan.kommun.example"} {
		app := testapp.NewWeb(t)
		app.Settings().Meta.AppURL = appURL
		set := appURL == "https://ikplan.kommun.example"
		h := handler(t, app)
		rec := send(h, http.MethodGet, "/forgot", "")
		if got := strings.Contains(rec.Body.String(), "Lösenordet kan inte återställas med e-post ännu"); got == set {
			t.Errorf("Expected the notice on the page with URL %q: %v, got %v", appURL, !set, got)
		}
		rec = send(h, http.MethodPost, "/forgot", "email=lasare%40ikplan.test")
		if got := strings.Contains(rec.Body.String(), "Be systemförvaltaren att ange webbadressen"); got == set || rec.Code != http.StatusOK {
			t.Errorf("Expected the notice after a request with URL %q: %v, got %v (%d)", appURL, !set, got, rec.Code)
		}
		rec = send(h, http.MethodPost, "/api/collections/users/request-password-reset", `{"email":"revisor@ikplan.test"}`, "Content-Type", "application/json")
		if rec.Code != http.StatusNoContent {
			t.Errorf("Expected PocketBase's 204, got %d", rec.Code)
		}
		want := 0
		if set {
			want = 2
		}
		deadline := time.Now().Add(3 * time.Second)
		for app.TestMailer.TotalSend() < want && time.Now().Before(deadline) {
			time.Sleep(10 * time.Millisecond)
		}
		time.Sleep(100 * time.Millisecond) // a mail that should not go out has had its time
		if n := app.TestMailer.TotalSend(); n != want {
			t.Errorf("Expected %d reset mails with URL %q, got %d", want, appURL, n)
		}
	}
}

// TestHeaderNamesTheMunicipality: the municipality's name and logo from
// the settings are in every page's header, the sign-in page's too, and the
// logo's address serves the image; without them the header is as before.
func TestHeaderNamesTheMunicipality(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	h, app := proxied(t, f, "", "")
	if body := page(h, f, "lasare", "/", "192.0.2.10", "ikplan.local").Body.String(); strings.Contains(body, "site-municipality") || strings.Contains(body, "site-logo") {
		t.Fatalf("Expected no municipality in the header before one is set, got\n%s", excerpt(body, "site-name"))
	}
	s := testapp.Find(t, app, model.Settings, f.Settings)
	s.Set("municipality", "Exempelby kommun")
	logo, err := filesystem.NewFileFromBytes(tinyPNG(t), "vapen.png")
	if err != nil {
		t.Fatal(err)
	}
	s.Set("logo", logo)
	if err := app.Save(s); err != nil {
		t.Fatal(err)
	}
	src := "/api/files/" + s.Collection().Id + "/" + s.Id + "/" + s.GetString("logo")
	for _, sc := range []struct{ user, url string }{{"lasare", "/"}, {"samordnare", "/plans"}, {"ansvarig", "/me"}, {"", "/login"}} {
		body := page(h, f, sc.user, sc.url, "192.0.2.10", "ikplan.local").Body.String()
		// the logo's text alternative is the name, which screen readers
		// then need not hear twice
		for _, want := range []string{`<span class="site-municipality" aria-hidden="true">Exempelby kommun</span>`, `<img class="site-logo" src="` + src + `" alt="Exempelby kommun"`} {
			if !strings.Contains(body, want) {
				t.Errorf("Expected %s in the header of %s, got\n%s", want, sc.url, excerpt(body, "site-name"))
			}
		}
	}
	rec := page(h, f, "", src, "192.0.2.10", "ikplan.local")
	if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "image/png" {
		t.Fatalf("Expected the logo served as a PNG, got %d %s", rec.Code, rec.Header().Get("Content-Type"))
	}
}

func tinyPNG(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 4, 4))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestEmailChangeWaitsForTheAppURL: PocketBase's request to change one's
// e-mail address, which mails a confirming link while the client waits, is
// refused with a Swedish reason while no application URL is set, and sends
// the mail once it is.
func TestEmailChangeWaitsForTheAppURL(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	for _, appURL := range []string{model.DefaultAppURL, "https://ikplan.kommun.example"} {
		app := testapp.NewWeb(t)
		app.Settings().Meta.AppURL = appURL
		rec := send(handler(t, app), http.MethodPost, "/api/collections/users/request-email-change", `{"newEmail":"ny@ikplan.test"}`,
			"Content-Type", "application/json", "Authorization", f.Tokens["lasare"])
		set := appURL != model.DefaultAppURL
		if set && (rec.Code != http.StatusNoContent || app.TestMailer.TotalSend() != 1) {
			t.Errorf("Expected the change mailed once the URL is set, got %d and %d mails", rec.Code, app.TestMailer.TotalSend())
		}
		if !set && (rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "ikplans webbadress är inte inställd") || app.TestMailer.TotalSend() != 0) {
			t.Errorf("Expected a 400 that says why and no mail, got %d %s and %d mails", rec.Code, rec.Body.String(), app.TestMailer.TotalSend())
		}
	}
}
