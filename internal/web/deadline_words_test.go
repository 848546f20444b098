package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/dbx"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestDeadlineInWords: "När ska åtgärden vara klar?" takes a deadline as
// people write it — through the real server, with JS (htmx) and without —
// stores the last day of its period with its precision, says how it was
// understood, keeps what was typed when it cannot be read, and warns about
// (but saves) a deadline that has passed. Today is 2025-03-15.
func TestDeadlineInWords(t *testing.T) {
	f := testapp.Fix(t)
	app, h, _, _ := cacheApp(t)
	send := func(target, user, form string, header map[string]string) *httptest.ResponseRecorder {
		t.Helper()
		req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(form))
		req.Header.Set("Content-Type", urlencoded)
		for k, v := range header {
			req.Header.Set(k, v)
		}
		req.AddCookie(&http.Cookie{Name: "ikplan_session", Value: f.Sessions[user]})
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		return rec
	}
	c11 := "/controls/" + f.Controls["11"]
	path := c11 + "/deviations/" + f.Deviations["11"] + "/actions"
	htmx := map[string]string{"HX-Request": "true", "HX-Target": "deviation-" + f.Deviations["11"]}
	form := func(desc, deadline string) string {
		return url.Values{"description": {desc}, "owner": {f.Users["it"]}, "deadline": {deadline}}.Encode()
	}
	stored := func(desc string) (string, string) {
		t.Helper()
		a, err := app.FindFirstRecordByFilter(model.Actions, "description = {:d}", dbx.Params{"d": desc})
		if err != nil {
			return "", ""
		}
		return a.GetDateTime("deadline").Time().Format(time.DateOnly), a.GetString("deadline_precision")
	}

	for i, c := range []struct{ typed, day, precision, shown string }{
		{"kvartal 3 2025", "2025-09-30", "quarter", "kvartal 3 2025 (senast 2025-09-30)"},
		{"Q3 2025", "2025-09-30", "quarter", "kvartal 3 2025 (senast 2025-09-30)"},
		{"kv 3 2025", "2025-09-30", "quarter", "kvartal 3 2025 (senast 2025-09-30)"},
		{"3:e kvartalet 2025", "2025-09-30", "quarter", "kvartal 3 2025 (senast 2025-09-30)"},
		{"tertial 2 2026", "2026-08-31", "tertial", "tertial 2 2026 (senast 2026-08-31)"},
		{"första halvåret 2025", "2025-06-30", "half", "första halvåret 2025 (senast 2025-06-30)"},
		{"andra halvåret 2025", "2025-12-31", "half", "andra halvåret 2025 (senast 2025-12-31)"},
		{"H1 2026", "2026-06-30", "half", "första halvåret 2026 (senast 2026-06-30)"},
		{"under 2025", "2025-12-31", "year", "under 2025 (senast 2025-12-31)"},
		{"mars 2026", "2026-03-31", "month", "mars 2026 (senast 2026-03-31)"},
		{"2025-09-30", "2025-09-30", "day", ""},
	} {
		desc := "Åtgärd " + itoa(i) + "."
		rec := send(path, "it", form(desc, c.typed), htmx)
		body := rec.Body.String()
		if rec.Code != http.StatusOK {
			t.Errorf("%q: expected the action saved, got %d\n%.600s", c.typed, rec.Code, body)
			continue
		}
		if day, precision := stored(desc); day != c.day || precision != c.precision {
			t.Errorf("%q: expected %s %s stored, got %q %q", c.typed, c.day, c.precision, day, precision)
		}
		if c.shown != "" && !strings.Contains(body, "Åtgärden är sparad. Slutdatumet tolkades som "+c.shown+".") {
			t.Errorf("%q: expected the notice to say it was understood as %q\n%s", c.typed, c.shown, body)
		}
		if strings.Contains(body, "redan har passerat") {
			t.Errorf("%q: expected no warning for a deadline ahead", c.typed)
		}
	}

	// without JS: the save goes back to the page, which shows how it was understood
	rec := send(path, "it", form("Utan skript.", "Q3 2025"), nil)
	a, err := app.FindFirstRecordByFilter(model.Actions, "description = 'Utan skript.'")
	if rec.Code != http.StatusSeeOther || err != nil {
		t.Fatalf("Expected the action saved without JS, got %d %v", rec.Code, err)
	}
	page, _, _ := strings.Cut(rec.Header().Get("Location"), "#")
	if r := row(get(t, h, f, "it", page), "action-"+a.Id); !strings.Contains(r, `>kvartal 3 2025 (senast 2025-09-30)</td>`) {
		t.Errorf("Expected the saved action to show how its deadline was understood, got %q", r)
	}

	// passed: saved, with a warning
	rec = send(path, "it", form("Sent.", "kvartal 4 2024"), htmx)
	if body := rec.Body.String(); rec.Code != http.StatusOK || !strings.Contains(body, "Slutdatumet tolkades som kvartal 4 2024 (senast 2024-12-31). Observera att slutdatumet kvartal 4 2024 redan har passerat") {
		t.Errorf("Expected a past deadline saved with a warning, got %d\n%s", rec.Code, body)
	}

	// unreadable: refused beside the field, in the UI's language, with what was typed kept
	for _, c := range []struct{ lang, want string }{
		{"sv", "Slutdatumet ”nästa vår” kan inte tolkas. Skriv ett datum eller en period, till exempel ”2025-09-30”, ”mars 2026”, ”kvartal 3 2025”"},
		{"en", "The deadline “nästa vår” cannot be understood. Write a date or a period, for example “2025-09-30”, “March 2026”, “quarter 3 2025”"},
	} {
		for _, header := range []map[string]string{nil, htmx} {
			hd := map[string]string{"Cookie": "ikplan_lang=" + c.lang}
			for k, v := range header {
				hd[k] = v
			}
			rec := send(path, "it", form("Oläslig.", "nästa vår"), hd)
			body := rec.Body.String()
			id := "act-" + f.Deviations["11"] + "-deadline"
			for _, want := range []string{c.want, `id="` + id + `-error"`, `value="nästa vår"`, ">Oläslig.</textarea>"} {
				if rec.Code != http.StatusUnprocessableEntity || !strings.Contains(body, want) {
					t.Errorf("%s (htmx %v): expected 422 with %q, got %d\n%.3000s", c.lang, header != nil, want, rec.Code, body)
				}
			}
		}
	}
	if day, _ := stored("Oläslig."); day != "" {
		t.Errorf("Expected nothing saved for an unreadable deadline, got %s", day)
	}
}

// TestDeadlinePreview: while a deadline is typed, the page asks how it is
// understood; the answer is a fragment in the UI's language, warns when
// the day has passed and changes nothing. Whoever may view the control may
// ask; another board's user gets a 404.
func TestDeadlinePreview(t *testing.T) {
	f := testapp.Fix(t)
	app, h, _, _ := cacheApp(t)
	before := testapp.Count(t, app, model.Actions, nil)
	url := "/controls/" + f.Controls["11"] + "/deadline"
	for _, c := range []struct {
		user, lang, typed string
		code              int
		want, not         []string
	}{
		{"it", "sv", "Q3 2025", 200, []string{`<p class="hint deadline-read__text">Tolkas som: kvartal 3 2025 (senast 2025-09-30)</p>`}, []string{"<html", "warning"}},
		{"it", "sv", "tertial 2 2026", 200, []string{"Tolkas som: tertial 2 2026 (senast 2026-08-31)"}, nil},
		{"it", "sv", "första halvåret 2025", 200, []string{"Tolkas som: första halvåret 2025 (senast 2025-06-30)"}, nil},
		{"it", "sv", "2025-09-30", 200, []string{"Tolkas som: 2025-09-30"}, []string{"senast"}},
		{"it", "en", "quarter 3 2025", 200, []string{"Understood as: quarter 3 2025 (by 2025-09-30)"}, []string{"Tolkas"}},
		{"it", "en", "mars 2026", 200, []string{"Understood as: March 2026 (by 2026-03-31)"}, nil},
		{"it", "sv", "kvartal 4 2024", 200, []string{"Tolkas som: kvartal 4 2024 (senast 2024-12-31)", `<p class="warning">Observera att datumet redan har passerat`}, nil},
		{"it", "en", "2025-03-14", 200, []string{`<p class="warning">Note that the date has already passed`}, nil},
		{"it", "sv", "2025-03-15", 200, []string{"Tolkas som: 2025-03-15"}, []string{"warning"}},
		{"it", "sv", "kvartal 3", 200, []string{"Kan inte tolkas än. Skriv till exempel ”kvartal 3 2025”"}, []string{"Tolkas som"}},
		{"it", "en", "soon", 200, []string{"Cannot be understood yet."}, nil},
		{"it", "sv", "", 200, nil, []string{"Tolkas", "Kan inte"}},
		{"lasare", "sv", "Q3 2025", 200, []string{"Tolkas som: kvartal 3 2025"}, nil},
		{"annan", "sv", "Q3 2025", 404, nil, []string{"Tolkas"}},
	} {
		req := httptest.NewRequest(http.MethodPost, url, strings.NewReader("deadline="+urlQuery(c.typed)))
		req.Header.Set("Content-Type", urlencoded)
		req.Header.Set("HX-Request", "true")
		req.Header.Set("HX-Target", "act-x-deadline-read")
		req.AddCookie(&http.Cookie{Name: "ikplan_session", Value: f.Sessions[c.user]})
		req.AddCookie(&http.Cookie{Name: "ikplan_lang", Value: c.lang})
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		body := rec.Body.String()
		if rec.Code != c.code {
			t.Errorf("%s %q: expected %d, got %d\n%.500s", c.user, c.typed, c.code, rec.Code, body)
		}
		for _, w := range c.want {
			if !strings.Contains(body, w) {
				t.Errorf("%s %s %q: expected %q in\n%s", c.user, c.lang, c.typed, w, body)
			}
		}
		for _, w := range c.not {
			if strings.Contains(body, w) {
				t.Errorf("%s %s %q: expected no %q in\n%s", c.user, c.lang, c.typed, w, body)
			}
		}
	}
	if n := testapp.Count(t, app, model.Actions, nil); n != before {
		t.Errorf("Expected the preview to change nothing, got %d actions from %d", n, before)
	}
}

func urlQuery(s string) string { return url.QueryEscape(s) }
