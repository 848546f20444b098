package web_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

func TestControlDeviations(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	c11, r11, d11 := "/controls/"+f.Controls["11"], f.Results["11"], f.Deviations["11"]
	deviations := func(want int) func(testing.TB, *tests.TestApp, *http.Response) {
		return func(t testing.TB, app *tests.TestApp, res *http.Response) {
			if n := testapp.Count(t, app, model.Deviations, dbx.HashExp{"result": r11}); n != want {
				t.Fatalf("Expected %d deviations, got %d", want, n)
			}
		}
	}
	statusIs := func(want string) func(testing.TB, *tests.TestApp, *http.Response) {
		return func(t testing.TB, app *tests.TestApp, res *http.Response) {
			if s := testapp.Find(t, app, model.Deviations, d11).GetString("status"); s != want {
				t.Fatalf("Expected the deviation %s, got %s", want, s)
			}
		}
	}
	actions := func(want int) func(testing.TB, *tests.TestApp, *http.Response) {
		return func(t testing.TB, app *tests.TestApp, res *http.Response) {
			if n := testapp.Count(t, app, model.Actions, dbx.HashExp{"deviation": d11}); n != want {
				t.Fatalf("Expected %d actions, got %d", want, n)
			}
		}
	}
	it := with(testapp.Cookie(f, "it"), "Content-Type", urlencoded)
	scenarios := []tests.ApiScenario{
		{
			Name: "the owner adds a significant deviation to a result", Method: http.MethodPost, URL: c11 + "/results/" + r11 + "/deviations",
			Headers: it, Body: formBody("description", "Larmet nådde inte jouren.", "significant", "true", "root_cause", "Fel telefonnummer."),
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				deviations(2)(t, app, res)
				d, err := app.FindFirstRecordByFilter(model.Deviations, "result = {:r} && description = 'Larmet nådde inte jouren.'", dbx.Params{"r": r11})
				if err != nil || !d.GetBool("significant") || d.GetString("root_cause") != "Fel telefonnummer." {
					t.Fatalf("Expected the deviation stored as posted (%v)", err)
				}
				if loc := res.Header.Get("Location"); loc != c11+"#deviation-"+d.Id {
					t.Fatalf("Expected a redirect to the deviation, got %q", loc)
				}
			},
		},
		{
			Name: "as htmx, the result is swapped in with the new deviation", Method: http.MethodPost, URL: c11 + "/results/" + r11 + "/deviations",
			Headers: with(it, "HX-Request", "true", "HX-Target", "result-"+r11), Body: formBody("description", "Larmet nådde inte jouren."),
			ExpectedStatus:     http.StatusOK,
			ExpectedContent:    []string{`<div id="result-` + r11 + `"`, "Avvikelsen är sparad.", "Avvikelse 2", "Larmet nådde inte jouren."},
			NotExpectedContent: []string{"<html", `<div id="results"`},
		},
		{
			Name: "a deviation without a description is refused beside the field", Method: http.MethodPost, URL: c11 + "/results/" + r11 + "/deviations",
			Headers: it, Body: formBody("description", "", "root_cause", "Okänd"), ExpectedStatus: http.StatusUnprocessableEntity,
			ExpectedContent: []string{"<title>Fel: ", `href="#dev-` + r11 + `-description"`, `id="dev-` + r11 + `-description-error"`, "Skriv en beskrivning av avvikelsen – vad som inte stämde.",
				`<details class="form-details" open>`, ">Okänd</textarea>"},
			AfterTestFunc: deviations(1),
		},
		{
			Name: "a deviation on a result without the outcome deviation is refused", Method: http.MethodPost,
			URL:     "/controls/" + f.Controls["5"] + "/results/" + f.Results["5"] + "/deviations",
			Headers: with(testapp.Cookie(f, "raddning"), "Content-Type", urlencoded, "HX-Request", "true", "HX-Target", "result-"+f.Results["5"]),
			Body:    formBody("description", "Något"), ExpectedStatus: http.StatusUnprocessableEntity,
			ExpectedContent:    []string{`id="dev-` + f.Results["5"] + `-form-error"`, "Resultatet har inte utfallet avvikelse; ändra utfallet först.", `role="alert"`},
			NotExpectedContent: []string{"<html"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if n := testapp.Count(t, app, model.Deviations, dbx.HashExp{"result": f.Results["5"]}); n != 0 {
					t.Fatalf("Expected no deviation, got %d", n)
				}
			},
		},
		{
			Name: "a reader cannot add a deviation", Method: http.MethodPost, URL: c11 + "/results/" + r11 + "/deviations",
			Headers: with(testapp.Cookie(f, "lasare"), "Content-Type", urlencoded), Body: formBody("description", "Något"),
			ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{"Åtkomst nekad"}, AfterTestFunc: deviations(1),
		},
		{
			Name: "the owner of another control cannot add a deviation", Method: http.MethodPost, URL: c11 + "/results/" + r11 + "/deviations",
			Headers: with(testapp.Cookie(f, "raddning"), "Content-Type", urlencoded), Body: formBody("description", "Något"),
			ExpectedStatus: http.StatusForbidden, AfterTestFunc: deviations(1), ExpectedContent: []string{"Åtkomst nekad"},
		},
		{
			Name: "a result under another control is not found", Method: http.MethodPost, URL: "/controls/" + f.Controls["5"] + "/results/" + r11 + "/deviations",
			Headers: it, Body: formBody("description", "Något"), ExpectedStatus: http.StatusNotFound, AfterTestFunc: deviations(1),
			ExpectedContent: []string{"Sidan finns inte"},
		},
		{
			Name: "accepting a deviation needs a reason, beside the field", Method: http.MethodPost, URL: c11 + "/deviations/" + d11 + "/status",
			Headers: it, Body: formBody("status", "accepted"), ExpectedStatus: http.StatusUnprocessableEntity,
			ExpectedContent: []string{"<title>Fel: ", `id="dst-` + d11 + `-acceptance_reason-error"`, "Ange varför avvikelsen godtas utan åtgärd.",
				`<option value="accepted" selected>`},
			AfterTestFunc: statusIs(model.DeviationOpen),
		},
		{
			Name: "the owner accepts a deviation with a reason", Method: http.MethodPost, URL: c11 + "/deviations/" + d11 + "/status",
			Headers: it, Body: formBody("status", "accepted", "acceptance_reason", "Leverantören ansvarar."), ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				statusIs(model.DeviationAccepted)(t, app, res)
				if r := testapp.Find(t, app, model.Deviations, d11).GetString("acceptance_reason"); r != "Leverantören ansvarar." {
					t.Fatalf("Expected the reason stored, got %q", r)
				}
			},
		},
		{
			Name: "as htmx, the deviation is swapped in with its new status", Method: http.MethodPost, URL: c11 + "/deviations/" + d11 + "/status",
			Headers: with(it, "HX-Request", "true", "HX-Target", "deviation-"+d11), Body: formBody("status", "handled"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{`<div id="deviation-` + d11 + `"`, "Statusen är sparad.", `<strong class="tag tag--green">Hanterad</strong>`},
			NotExpectedContent: []string{"<html"},
			AfterTestFunc:      statusIs(model.DeviationHandled),
		},
		{
			Name: "the owner of another control cannot change the status", Method: http.MethodPost, URL: c11 + "/deviations/" + d11 + "/status",
			Headers: with(testapp.Cookie(f, "ansvarig"), "Content-Type", urlencoded), Body: formBody("status", "handled"),
			ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{"Åtkomst nekad"}, AfterTestFunc: statusIs(model.DeviationOpen),
		},
		{
			Name: "a deviation under another control is not found", Method: http.MethodPost, URL: "/controls/" + f.Controls["5"] + "/deviations/" + d11 + "/status",
			Headers: it, Body: formBody("status", "handled"), ExpectedStatus: http.StatusNotFound, AfterTestFunc: statusIs(model.DeviationOpen),
			ExpectedContent: []string{"Sidan finns inte"},
		},
		{
			Name: "the owner adds an action with a quarter as its deadline", Method: http.MethodPost, URL: c11 + "/deviations/" + d11 + "/actions",
			Headers: it, Body: formBody("description", "Byt DDoS-leverantör.", "owner", f.Users["it"], "deadline", "2025-04-01", "deadline_precision", "quarter"),
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				actions(2)(t, app, res)
				a, err := app.FindFirstRecordByFilter(model.Actions, "deviation = {:d} && description = 'Byt DDoS-leverantör.'", dbx.Params{"d": d11})
				if err != nil {
					t.Fatalf("Expected the action stored: %v", err)
				}
				if a.GetDateTime("deadline").Time().Format(time.DateOnly) != "2025-06-30" || a.GetString("deadline_precision") != "quarter" ||
					a.GetString("owner") != f.Users["it"] || a.GetString("status") != model.ActionPlanned || a.GetString("plan") != f.Plan {
					t.Fatalf("Expected the action as posted, got %v", a.PublicExport())
				}
			},
		},
		{
			Name: "as htmx, the deviation is swapped in with the action shown as kvartal 2 2025", Method: http.MethodPost,
			URL: c11 + "/deviations/" + d11 + "/actions", Headers: with(it, "HX-Request", "true", "HX-Target", "deviation-"+d11),
			Body:               formBody("description", "Byt DDoS-leverantör.", "owner", f.Users["it"], "deadline", "2025-04-01", "deadline_precision", "quarter"),
			ExpectedStatus:     http.StatusOK,
			ExpectedContent:    []string{`<div id="deviation-` + d11 + `"`, "Åtgärden är sparad.", "Byt DDoS-leverantör.", `data-label="Slutdatum">kvartal 2 2025 (senast 2025-06-30)</td>`, "Slutdatumet tolkades som kvartal 2 2025 (senast 2025-06-30)."},
			NotExpectedContent: []string{"<html"},
		},
		{
			Name: "a date that is no date is refused beside the deadline", Method: http.MethodPost, URL: c11 + "/deviations/" + d11 + "/actions",
			Headers: it, Body: formBody("description", "Byt leverantör.", "deadline", "30/6 2025", "deadline_precision", "day"),
			ExpectedStatus:  http.StatusUnprocessableEntity,
			ExpectedContent: []string{`id="act-` + d11 + `-deadline-error"`, "Slutdatumet ”30/6 2025” kan inte tolkas. Skriv ett datum eller en period, till exempel", `value="30/6 2025"`, ">Byt leverantör.</textarea>"},
			AfterTestFunc:   actions(1),
		},
		{
			Name: "an owner outside the plan's board is refused beside the owner", Method: http.MethodPost, URL: c11 + "/deviations/" + d11 + "/actions",
			Headers: it, Body: formBody("description", "Byt leverantör.", "owner", f.Users["annan"]),
			ExpectedStatus:  http.StatusUnprocessableEntity,
			ExpectedContent: []string{`id="act-` + d11 + `-owner-error"`, "Den ansvariga måste vara användare i planens nämnd"},
			AfterTestFunc:   actions(1),
		},
		{
			Name: "a reader cannot add an action", Method: http.MethodPost, URL: c11 + "/deviations/" + d11 + "/actions",
			Headers: with(testapp.Cookie(f, "lasare"), "Content-Type", urlencoded), Body: formBody("description", "Något"),
			ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{"Åtkomst nekad"}, AfterTestFunc: actions(1),
		},
		{
			Name: "another board's user cannot find the deviation", Method: http.MethodPost, URL: c11 + "/deviations/" + d11 + "/actions",
			Headers: with(testapp.Cookie(f, "annan"), "Content-Type", urlencoded), Body: formBody("description", "Något"),
			ExpectedStatus: http.StatusNotFound, ExpectedContent: []string{"Sidan finns inte"}, AfterTestFunc: actions(1),
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		if s.ExpectedStatus != http.StatusSeeOther && s.ExpectedContent == nil {
			s.ExpectedContent = []string{"<"}
		}
		s.Test(t)
	}
}
