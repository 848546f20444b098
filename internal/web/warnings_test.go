package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestPastDatesAreWarnedAbout: a plan made for a year that is over, and an
// action given a deadline that has passed, are saved — people record them
// late — with a visible warning in Swedish or English, and without one
// when the date lies ahead (today is 15 March 2025).
func TestPastDatesAreWarnedAbout(t *testing.T) {
	f := testapp.Fix(t)
	app, h, _, _ := cacheApp(t)
	send := func(method, target, user, form string, header map[string]string) *httptest.ResponseRecorder {
		t.Helper()
		req := httptest.NewRequest(method, target, strings.NewReader(form))
		if form != "" {
			req.Header.Set("Content-Type", urlencoded)
		}
		for k, v := range header {
			req.Header.Set(k, v)
		}
		req.AddCookie(&http.Cookie{Name: "ikplan_session", Value: f.Sessions[user]})
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	const svPlan, enPlan = "Planen gäller 2024, ett år som redan är slut.", "The plan is for 2024, a year that is already over."

	// plans
	for _, s := range []struct {
		year int
		warn bool
	}{{2024, true}, {2025, false}} {
		rec := send(http.MethodPost, "/plans", "samordnare", url.Values{"board": {f.IAN}, "year": {itoa(s.year)}}.Encode(), nil)
		if rec.Code != http.StatusSeeOther {
			t.Fatalf("Expected the %d plan made, got %d\n%s", s.year, rec.Code, rec.Body.String())
		}
		page := get(t, h, f, "samordnare", rec.Header().Get("Location"))
		if got := strings.Contains(page, `<p class="warning" id="plan-warning">`); got != s.warn {
			t.Errorf("Expected a warning on the %d plan's page: %v, got %v", s.year, s.warn, got)
		}
		if s.warn {
			if !strings.Contains(page, svPlan) {
				t.Errorf("Expected %q on the %d plan's page", svPlan, s.year)
			}
			en := send(http.MethodGet, rec.Header().Get("Location"), "samordnare", "", map[string]string{"Cookie": "ikplan_lang=en"})
			if !strings.Contains(en.Body.String(), enPlan) {
				t.Errorf("Expected %q on the English page", enPlan)
			}
		}
	}
	if page := get(t, h, f, "samordnare", "/plans/"+f.Plan); strings.Contains(page, "plan-warning") {
		t.Errorf("Expected no warning on the adopted 2024 plan: it is not being made now")
	}

	// actions
	c11, path := "/controls/"+f.Controls["11"], "/controls/"+f.Controls["11"]+"/deviations/"+f.Deviations["11"]+"/actions"
	const svAction = "Observera att slutdatumet 2025-03-01 redan har passerat"
	form := func(desc, deadline string) string {
		return url.Values{"description": {desc}, "owner": {f.Users["it"]}, "deadline": {deadline}, "deadline_precision": {"day"}}.Encode()
	}
	rec := send(http.MethodPost, path, "it", form("Byt DDoS-leverantör.", "2025-03-01"), nil)
	a, err := app.FindFirstRecordByFilter(model.Actions, "description = {:d}", dbx.Params{"d": "Byt DDoS-leverantör."})
	if rec.Code != http.StatusSeeOther || err != nil {
		t.Fatalf("Expected the action with a past deadline saved, got %d %v", rec.Code, err)
	}
	if loc := rec.Header().Get("Location"); loc != c11+"?added="+a.Id+"#action-"+a.Id {
		t.Fatalf("Expected the control page to warn about the action, got %q", loc)
	}
	page, _, _ := strings.Cut(rec.Header().Get("Location"), "#") // as a browser asks for it
	if r := row(get(t, h, f, "it", page), "action-"+a.Id); !strings.Contains(r, `<span class="warning">`+svAction) {
		t.Errorf("Expected the warning beside the action after saving, got %q", r)
	}
	if page := get(t, h, f, "it", c11); strings.Contains(page, svAction) {
		t.Errorf("Expected the warning only after saving, not on every visit")
	}
	htmx := map[string]string{"HX-Request": "true", "HX-Target": "deviation-" + f.Deviations["11"]}
	rec = send(http.MethodPost, path, "it", form("Byt brandvägg.", "2025-03-01"), htmx)
	if body := rec.Body.String(); rec.Code != http.StatusOK || !strings.Contains(body, `<p class="notification-banner__heading">Åtgärden är sparad. `+svAction) {
		t.Errorf("Expected the htmx answer's notice to carry the warning, got %d\n%s", rec.Code, body)
	}
	rec = send(http.MethodPost, path, "it", form("Byt router.", "2025-03-15"), htmx)
	if body := rec.Body.String(); rec.Code != http.StatusOK || !strings.Contains(body, `<p class="notification-banner__heading">Åtgärden är sparad.</p>`) ||
		strings.Contains(body, "redan har passerat") {
		t.Errorf("Expected no warning for a deadline today, got %d\n%s", rec.Code, body)
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
