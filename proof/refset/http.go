package refset

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
)

// Handler is the app's HTTP handler as `ikplan serve` builds it — PocketBase's
// router with every route bound on serve — and the router it was built from.
func Handler(tb testing.TB, app core.App) (http.Handler, *router.Router[*core.RequestEvent]) {
	tb.Helper()
	r, err := apis.NewRouter(app)
	if err != nil {
		tb.Fatal(err)
	}
	se := &core.ServeEvent{App: app, Router: r}
	if err := app.OnServe().Trigger(se, func(e *core.ServeEvent) error { return nil }); err != nil {
		tb.Fatal(err)
	}
	mux, err := r.BuildMux()
	if err != nil {
		tb.Fatal(err)
	}
	return mux, r
}

// SignIn signs the account in through the sign-in form, "POST /login", and
// returns the cookies the answer sets, to send with the user's requests.
// Each sign-in comes from an address of its own, so that the sign-in rate
// limit does not count them together.
func SignIn(tb testing.TB, h http.Handler, email, password string) []*http.Cookie {
	tb.Helper()
	body := url.Values{"email": {email}, "password": {password}}.Encode()
	req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.RemoteAddr = "192.0.2." + strconv.Itoa(1+int(signIns.Add(1)%250)) + ":1234"
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	cookies := rec.Result().Cookies()
	if rec.Code != http.StatusSeeOther || len(cookies) == 0 {
		tb.Fatalf("Expected %s to sign in (303 with a cookie), got %d: %.300s", email, rec.Code, rec.Body.String())
	}
	return cookies
}

var signIns atomic.Int64
