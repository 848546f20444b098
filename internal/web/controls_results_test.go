package web_test

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// multipartForm encodes a multipart body with the fields and one file
// under evidence; it returns the body and its Content-Type.
func multipartForm(t testing.TB, fileName, content string, kv ...string) (io.Reader, string) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for i := 0; i+1 < len(kv); i += 2 {
		if err := w.WriteField(kv[i], kv[i+1]); err != nil {
			t.Fatal(err)
		}
	}
	part, err := w.CreateFormFile("evidence", fileName)
	if err != nil {
		t.Fatal(err)
	}
	part.Write([]byte(content))
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return &buf, w.FormDataContentType()
}

// deleteResult removes a control's 2024 result, so a new one can be reported.
func deleteResult(f *testapp.Fixture, key string) func(testing.TB, *tests.TestApp, *core.ServeEvent) {
	return func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		if err := testapp.Delete(app, model.Results, f.Results[key]); err != nil {
			t.Fatalf("failed to delete the result of control %s: %v", key, err)
		}
	}
}

// resultIs asserts a stored result's outcome and measured value.
func resultIs(t testing.TB, app core.App, id, outcome, measured string) *core.Record {
	t.Helper()
	r := testapp.Find(t, app, model.Results, id)
	if r.GetString("outcome") != outcome || r.GetString("measured_value") != measured {
		t.Fatalf("Expected the result %s with %s, got %s with %s", outcome, measured, r.GetString("outcome"), r.GetString("measured_value"))
	}
	return r
}

func TestControlReport(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	c3, c5 := "/controls/"+f.Controls["3"], "/controls/"+f.Controls["5"]
	r5 := f.Results["5"]
	unchanged := func(t testing.TB, app *tests.TestApp, res *http.Response) {
		resultIs(t, app, r5, model.OutcomeNoDeviation, "8.1")
		if n := testapp.Count(t, app, model.Deviations, dbx.HashExp{"result": r5}); n != 0 {
			t.Fatalf("Expected no deviation, got %d", n)
		}
	}
	noResult := func(t testing.TB, app *tests.TestApp, res *http.Response) {
		if n := testapp.Count(t, app, model.Results, dbx.HashExp{"control": f.Controls["3"]}); n != 0 {
			t.Fatalf("Expected no result for control 3, got %d", n)
		}
	}
	missed := formBody("result", r5, "period", "2024", "outcome", "no_deviation", "measured_value", "12", "account", "Responstiden var 12 minuter.")
	scenarios := []tests.ApiScenario{
		{
			Name: "the owner reports a new result on their control", Method: http.MethodPost, URL: c3 + "/results",
			Headers: with(testapp.Cookie(f, "raddning"), "Content-Type", urlencoded), BeforeTestFunc: deleteResult(f, "3"),
			Body:           formBody("period", "2024", "outcome", "no_deviation", "measured_value", "31", "account", "31 tillsyner genomförda."),
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				r, err := app.FindFirstRecordByFilter(model.Results, "control = {:c}", dbx.Params{"c": f.Controls["3"]})
				if err != nil {
					t.Fatalf("Expected the result stored: %v", err)
				}
				if loc := res.Header.Get("Location"); loc != c3+"#result-"+r.Id {
					t.Fatalf("Expected a redirect to the result, got %q", loc)
				}
				if r.GetString("period") != "2024" || r.GetString("measured_value") != "31" || !r.GetBool("target_met") ||
					r.GetString("account") != "31 tillsyner genomförda." || r.GetString("performed_by") != f.Users["raddning"] ||
					r.GetDateTime("performed_on").Time().Format(time.DateOnly) != "2025-03-15" {
					t.Fatalf("Expected the reported result stored, got %v", r.PublicExport())
				}
			},
		},
		{
			Name: "the owner of another control is refused and nothing is stored", Method: http.MethodPost, URL: c3 + "/results",
			Headers: with(testapp.Cookie(f, "ansvarig"), "Content-Type", urlencoded), BeforeTestFunc: deleteResult(f, "3"),
			Body:           formBody("period", "2024", "outcome", "no_deviation", "measured_value", "31"),
			ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{"Åtkomst nekad"}, AfterTestFunc: noResult,
		},
		{
			Name: "the owner of another control cannot change a result", Method: http.MethodPost, URL: c5 + "/results",
			Headers:        with(testapp.Cookie(f, "ansvarig"), "Content-Type", urlencoded),
			Body:           formBody("result", r5, "period", "2024", "outcome", "deviation", "measured_value", "12", "deviation_description", "För långsamt"),
			ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{"Åtkomst nekad"}, AfterTestFunc: unchanged,
		},
		{
			Name: "a reader is refused and nothing changes", Method: http.MethodPost, URL: c5 + "/results",
			Headers:        with(testapp.Cookie(f, "lasare"), "Content-Type", urlencoded),
			Body:           formBody("result", r5, "period", "2024", "outcome", "deviation", "measured_value", "12", "deviation_description", "För långsamt"),
			ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{"Åtkomst nekad"}, AfterTestFunc: unchanged,
		},
		{
			Name: "a reader cannot report a new result either", Method: http.MethodPost, URL: c3 + "/results",
			Headers: with(testapp.Cookie(f, "lasare"), "Content-Type", urlencoded), BeforeTestFunc: deleteResult(f, "3"),
			Body: formBody("period", "2024", "outcome", "no_deviation"), ExpectedStatus: http.StatusForbidden, AfterTestFunc: noResult,
		},
		{
			Name: "another board's user cannot even find the control", Method: http.MethodPost, URL: c5 + "/results",
			Headers:        with(testapp.Cookie(f, "annan"), "Content-Type", urlencoded),
			Body:           formBody("result", r5, "period", "2024", "outcome", "not_performed", "not_performed_reason", "x"),
			ExpectedStatus: http.StatusNotFound, ExpectedContent: []string{"Sidan finns inte"}, AfterTestFunc: unchanged,
		},
		{
			Name: "a missed target with no deviation is refused beside the outcome", Method: http.MethodPost, URL: c5 + "/results",
			Headers: with(testapp.Cookie(f, "raddning"), "Content-Type", urlencoded), Body: missed,
			ExpectedStatus: http.StatusUnprocessableEntity,
			ExpectedContent: []string{
				"<title>Fel: Kontrollpunkt 5", "Det finns fel i formuläret", `href="#outcome"`,
				`<p class="field-error" id="outcome-error"><span class="visually-hidden">Fel: </span>Målet (under 10 minuter) är inte uppnått med 12; välj utfallet avvikelse och beskriv avvikelsen.</p>`,
				`value="12"`, "Responstiden var 12 minuter.", "Målet är inte uppnått",
			},
			AfterTestFunc: unchanged,
		},
		{
			Name: "the same refusal as an htmx fragment, the summary inside the form", Method: http.MethodPost, URL: c5 + "/results",
			Headers:        with(testapp.Cookie(f, "raddning"), "Content-Type", urlencoded, "HX-Request", "true", "HX-Target", "results"),
			Body:           formBody("result", r5, "period", "2024", "outcome", "no_deviation", "measured_value", "12"),
			ExpectedStatus: http.StatusUnprocessableEntity,
			ExpectedContent: []string{`<div id="results"`, `<form id="report-form"`, `role="alert"`, `id="outcome-error"`,
				"Målet (under 10 minuter) är inte uppnått med 12"},
			NotExpectedContent: []string{"<html", "Om kontrollpunkten"},
			AfterTestFunc:      unchanged,
		},
		{
			Name: "a missed target with a deviation stores the result and its first deviation together", Method: http.MethodPost,
			URL: c5 + "/results", Headers: with(testapp.Cookie(f, "raddning"), "Content-Type", urlencoded),
			Body: formBody("result", r5, "period", "2024", "outcome", "deviation", "measured_value", "12", "account", "Responstiden var 12 minuter.",
				"deviation_description", "Responstiden översteg målet.", "deviation_root_cause", "Färre stationer bemannade.", "deviation_significant", "true"),
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if loc := res.Header.Get("Location"); loc != c5+"#result-"+r5 {
					t.Fatalf("Expected a redirect to the result, got %q", loc)
				}
				r := resultIs(t, app, r5, model.OutcomeDeviation, "12")
				if r.GetBool("target_met") {
					t.Fatalf("Expected target_met false")
				}
				d, err := app.FindFirstRecordByFilter(model.Deviations, "result = {:r}", dbx.Params{"r": r5})
				if err != nil {
					t.Fatalf("Expected the first deviation stored: %v", err)
				}
				if d.GetString("description") != "Responstiden översteg målet." || !d.GetBool("significant") ||
					d.GetString("root_cause") != "Färre stationer bemannade." || d.GetString("status") != model.DeviationOpen {
					t.Fatalf("Expected the deviation as posted, got %v", d.PublicExport())
				}
			},
		},
		{
			Name: "the htmx report answers with the results and a notice", Method: http.MethodPost, URL: c5 + "/results",
			Headers: with(testapp.Cookie(f, "raddning"), "Content-Type", urlencoded, "HX-Request", "true", "HX-Target", "results"),
			Body: formBody("result", r5, "period", "2024", "outcome", "deviation", "measured_value", "12",
				"deviation_description", "Responstiden översteg målet."),
			ExpectedStatus:     http.StatusOK,
			ExpectedContent:    []string{`<div id="results"`, "Resultatet för 2024 är sparat.", "Avvikelse 1", "Responstiden översteg målet.", "Målet är inte uppnått"},
			NotExpectedContent: []string{"<html"},
		},
		{
			Name: "a failing first deviation leaves no new result", Method: http.MethodPost, URL: c3 + "/results",
			Headers: with(testapp.Cookie(f, "raddning"), "Content-Type", urlencoded), BeforeTestFunc: deleteResult(f, "3"),
			Body:           formBody("period", "2024", "outcome", "deviation", "measured_value", "20", "deviation_description", ""),
			ExpectedStatus: http.StatusUnprocessableEntity,
			ExpectedContent: []string{"<title>Fel: ", `href="#deviation_description"`,
				`<p class="field-error" id="deviation_description-error"><span class="visually-hidden">Fel: </span>Skriv en beskrivning av avvikelsen – vad som inte stämde.</p>`},
			AfterTestFunc: noResult,
		},
		{
			Name: "a failing first deviation leaves a changed result as it was", Method: http.MethodPost, URL: c5 + "/results",
			Headers:        with(testapp.Cookie(f, "raddning"), "Content-Type", urlencoded),
			Body:           formBody("result", r5, "period", "2024", "outcome", "deviation", "measured_value", "12"),
			ExpectedStatus: http.StatusUnprocessableEntity, ExpectedContent: []string{`id="deviation_description-error"`},
			AfterTestFunc: unchanged,
		},
		{
			Name: "a period already reported is refused beside the period", Method: http.MethodPost, URL: c5 + "/results",
			Headers:         with(testapp.Cookie(f, "raddning"), "Content-Type", urlencoded),
			Body:            formBody("period", "2024", "outcome", "no_deviation", "measured_value", "7"),
			ExpectedStatus:  http.StatusUnprocessableEntity,
			ExpectedContent: []string{`id="period-error"`, "Kontrollpunkten har redan ett resultat för 2024; ändra det i stället."},
			AfterTestFunc:   unchanged,
		},
		{
			Name: "evidence is uploaded into the result's files", Method: http.MethodPost, URL: c5 + "/results",
			ExpectedStatus: http.StatusSeeOther,
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				r := resultIs(t, app, r5, model.OutcomeNoDeviation, "8.1")
				files := r.GetStringSlice("evidence")
				if len(files) != 1 || !strings.HasPrefix(files[0], "responstider") {
					t.Fatalf("Expected one evidence file, got %v", files)
				}
				fsys, err := app.NewFilesystem()
				if err != nil {
					t.Fatal(err)
				}
				defer fsys.Close()
				if ok, err := fsys.Exists(r.BaseFilesPath() + "/" + files[0]); !ok || err != nil {
					t.Fatalf("Expected the file in storage (%v)", err)
				}
			},
		},
	}
	body, contentType := multipartForm(t, "responstider.txt", "Månad;Minuter\njan;8,0\n",
		"result", r5, "period", "2024", "outcome", "no_deviation", "measured_value", "8,1", "account", "Se bifogad fil.")
	scenarios[len(scenarios)-1].Body = body
	scenarios[len(scenarios)-1].Headers = with(testapp.Cookie(f, "raddning"), "Content-Type", contentType)
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		if s.ExpectedStatus != http.StatusSeeOther && s.ExpectedContent == nil {
			s.ExpectedContent = []string{"<"}
		}
		s.Test(t)
	}
}
