package web_test

import (
	"bytes"
	"html"
	"io"
	"mime/multipart"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/xuri/excelize/v2"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/internal/report"
	"ikplan/proof/testapp"
)

// demoSheet is the demo plan exported, with the given cells changed.
func demoSheet(t testing.TB, cells map[string]string) []byte {
	t.Helper()
	app := testapp.New(t)
	var buf bytes.Buffer
	if err := report.ExportPlan(app, testapp.Fix(t).Plan, &buf); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for cell, v := range cells {
		_ = x.SetCellStr("Plan", cell, v)
	}
	var out bytes.Buffer
	if _, err := x.WriteTo(&out); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// upload is a multipart form with the file and, if dry, the dry-run box.
func upload(t testing.TB, data []byte, dry bool) (io.Reader, string) {
	t.Helper()
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	part, err := w.CreateFormFile("file", "plan.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	part.Write(data)
	if dry {
		w.WriteField("dry_run", "true")
	}
	w.Close()
	return &body, w.FormDataContentType()
}

// reopen takes the demo plan back to draft, so that it takes an import
// (around the rules: a plan with results no longer goes back).
func reopen(t testing.TB, app *tests.TestApp) {
	t.Helper()
	if err := testapp.ForceStatus(app, testapp.Fix(t).Plan, model.PlanDraft); err != nil {
		t.Fatal(err)
	}
}

// sheetTitles reads the titles (column C) of an exported plan.
func sheetTitles(t testing.TB, res *http.Response) []string {
	t.Helper()
	x, err := excelize.OpenReader(res.Body)
	if err != nil {
		t.Fatalf("Expected an Excel file, got %v", err)
	}
	defer x.Close()
	rows, _ := x.GetRows("Plan")
	var out []string
	for _, r := range rows {
		out = append(out, r[2])
	}
	return out
}

func TestPlanExport(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	url := "/plans/" + f.Plan + "/export.xlsx"
	scenarios := []tests.ApiScenario{
		{Name: "guest is sent to sign in", Method: http.MethodGet, URL: url, ExpectedStatus: http.StatusSeeOther},
		{
			Name: "the coordinator gets every control", Method: http.MethodGet, URL: url, Headers: testapp.Cookie(f, "samordnare"),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"PK"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				if ct, cd := res.Header.Get("Content-Type"), res.Header.Get("Content-Disposition"); !strings.HasPrefix(ct, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") || cd != "attachment; filename=plan-KS-2024.xlsx" {
					t.Errorf("Expected an xlsx attachment plan-KS-2024.xlsx, got %q %q", ct, cd)
				}
				titles := sheetTitles(t, res)
				if len(titles) != 21 || titles[0] != "Rubrik" || !strings.HasPrefix(titles[12], "Cyberangrepp") {
					t.Errorf("Expected the header and 20 controls with control 12, got %d rows %q", len(titles), titles)
				}
			},
		},
		{
			// the sheet in the UI's language: its headers and its lists
			Name: "in English the sheet is in English", Method: http.MethodGet, URL: url,
			Headers:        with(testapp.Cookie(f, "samordnare"), "Cookie", "ikplan_session="+f.Sessions["samordnare"]+"; ikplan_lang=en"),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"PK"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				x, err := excelize.OpenReader(res.Body)
				if err != nil {
					t.Fatalf("Expected an Excel file, got %v", err)
				}
				defer x.Close()
				rows, _ := x.GetRows("Plan")
				if len(rows) != 21 || rows[0][2] != "Title" || rows[0][17] != "Unit of measure" || rows[0][18] != "Department/unit" || rows[2][7] != "Review" {
					t.Errorf("Expected English headers and values, got %q / %q", rows[0], rows[2])
				}
			},
		},
		{
			Name: "a reader gets no confidential control", Method: http.MethodGet, URL: url, Headers: testapp.Cookie(f, "lasare"),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"PK"},
			AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
				titles := sheetTitles(t, res)
				if len(titles) != 20 {
					t.Errorf("Expected the header and 19 controls, got %d rows", len(titles))
				}
				for _, title := range titles {
					if strings.Contains(title, "Cyberangrepp") {
						t.Errorf("Expected no confidential control 12, got %q", title)
					}
				}
			},
		},
		{
			Name: "another board's plan is not found", Method: http.MethodGet, URL: url, Headers: testapp.Cookie(f, "annan"),
			ExpectedStatus: http.StatusNotFound, ExpectedContent: []string{"Sidan finns inte"},
		},
		{
			Name: "the plan page links to the export for a reader, without the import", Method: http.MethodGet,
			URL: "/plans/" + f.Plan, Headers: testapp.Cookie(f, "lasare"), ExpectedStatus: http.StatusOK,
			ExpectedContent:    []string{`<a href="/plans/` + f.Plan + `/export.xlsx" download hx-boost="false">Exportera till Excel</a>`},
			NotExpectedContent: []string{"Importera från Excel"},
		},
		{
			// (the count after an import is the banner's: flash_test.go)
			Name: "the coordinator of a draft gets the import link, and an address cannot claim an import", Method: http.MethodGet,
			URL: "/plans/" + f.Plan + "?imported=20", Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
			BeforeTestFunc:     func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) { reopen(t, app) },
			ExpectedContent:    []string{`<a href="/plans/` + f.Plan + `/import">Importera från Excel</a>`},
			NotExpectedContent: []string{"är importerade", "notification-banner"},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		s.Test(t)
	}
}

func TestPlanImportPages(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	url := "/plans/" + f.Plan + "/import"
	coordinator := testapp.Cookie(f, "samordnare")
	draft := func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) { reopen(t, app) }
	form := []string{`enctype="multipart/form-data"`, `<label for="file">Excel-fil (.xlsx, högst 5 MB)</label>`, `name="dry_run"`, `hx-boost="false"`}
	scenarios := []tests.ApiScenario{
		{Name: "guest is sent to sign in", Method: http.MethodGet, URL: url, ExpectedStatus: http.StatusSeeOther},
		{
			Name: "the import form of a draft", Method: http.MethodGet, URL: url, Headers: coordinator, BeforeTestFunc: draft,
			ExpectedStatus: http.StatusOK, ExpectedContent: append([]string{"<title>Importera kontrollpunkter från Excel – ikplan</title>"}, form...),
		},
		{
			Name: "an htmx request gets the whole page", Method: http.MethodGet, URL: url, BeforeTestFunc: draft,
			Headers: with(coordinator, "HX-Request", "true", "HX-Target", "main"), ExpectedStatus: http.StatusOK,
			ExpectedContent: append([]string{"<html"}, form...),
		},
		{
			Name: "a boosted link gets the whole page", Method: http.MethodGet, URL: url, BeforeTestFunc: draft,
			Headers: with(coordinator, "HX-Request", "true", "HX-Boosted", "true"), ExpectedStatus: http.StatusOK,
			ExpectedContent: append([]string{"<html"}, form...),
		},
		{
			Name: "an adopted plan takes no import", Method: http.MethodGet, URL: url, Headers: coordinator,
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"Planen är antagen. Kontrollpunkter kan bara importeras till en plan som är ett utkast."},
			NotExpectedContent: []string{`name="file"`},
		},
		{
			Name: "a reader may not import", Method: http.MethodGet, URL: url, Headers: testapp.Cookie(f, "lasare"), BeforeTestFunc: draft,
			ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{"Åtkomst nekad"},
		},
		{
			Name: "another board's plan is not found", Method: http.MethodGet, URL: url, Headers: testapp.Cookie(f, "annan"),
			ExpectedStatus: http.StatusNotFound, ExpectedContent: []string{"Sidan finns inte"},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		s.Test(t)
	}
}

func TestPlanImport(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	url := "/plans/" + f.Plan + "/import"
	coordinator := testapp.Cookie(f, "samordnare")
	edited := demoSheet(t, map[string]string{"C3": "Ny rubrik från Excel"})
	bad := demoSheet(t, map[string]string{"H3": "Slumpvis", "Q6": "tio", "C7": ""})
	var before [2]int
	draft := func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
		reopen(t, app)
		before = [2]int{testapp.Count(t, app, model.Controls, nil), testapp.Count(t, app, model.AuditLog, nil)}
	}
	unchanged := func(t testing.TB, app *tests.TestApp, res *http.Response) {
		after := [2]int{testapp.Count(t, app, model.Controls, nil), testapp.Count(t, app, model.AuditLog, nil)}
		if after != before {
			t.Errorf("Expected nothing written, got %v → %v", before, after)
		}
		if title := testapp.Find(t, app, model.Controls, f.Controls["2"]).GetString("title"); title != "Minska sårbarheten vid avslutad anställning och långvarig frånvaro" {
			t.Errorf("Expected control 2 unchanged, got %q", title)
		}
	}
	post := func(data []byte, dry bool, cookie map[string]string) (io.Reader, map[string]string) {
		body, ct := upload(t, data, dry)
		return body, with(cookie, "Content-Type", ct)
	}
	scenarios := []tests.ApiScenario{
		func() tests.ApiScenario {
			body, h := post(edited, false, coordinator)
			return tests.ApiScenario{
				Name: "a good file is imported and the plan shows the count", Method: http.MethodPost, URL: url, Body: body, Headers: h,
				BeforeTestFunc: draft, ExpectedStatus: http.StatusSeeOther,
				AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
					if loc := res.Header.Get("Location"); loc != "/plans/"+f.Plan {
						t.Errorf("Expected a redirect to the plan with the count, got %q", loc)
					}
					if title := testapp.Find(t, app, model.Controls, f.Controls["2"]).GetString("title"); title != "Ny rubrik från Excel" {
						t.Errorf("Expected control 2's new title stored, got %q", title)
					}
					if n := testapp.Count(t, app, model.Controls, nil); n != before[0] {
						t.Errorf("Expected the rows matched to the plan's controls, got %d controls, had %d", n, before[0])
					}
				},
			}
		}(),
		func() tests.ApiScenario {
			body, h := post(bad, false, coordinator)
			return tests.ApiScenario{
				Name: "a file with bad rows is refused whole, each error by row and column", Method: http.MethodPost, URL: url, Body: body, Headers: h,
				BeforeTestFunc: draft, ExpectedStatus: http.StatusUnprocessableEntity,
				ExpectedContent: []string{"<title>Fel: Importera kontrollpunkter", `href="#import-errors"`, "Filen har 3 fel. Ingenting importerades.",
					"<caption>Fel i filen, per rad och kolumn</caption>", `<th scope="col">Kolumn</th>`,
					`<td class="num">3</td><td>H (Metod)</td><td>Okänd metod &#34;Slumpvis&#34;.`,
					`<td class="num">6</td><td>Q (Målvärde)</td><td>Målvärdet måste vara ett tal, t.ex. 10 eller 8,1.</td>`,
					`<td class="num">7</td><td>C (Rubrik)</td><td>Skriv en rubrik för kontrollpunkten.</td>`},
				AfterTestFunc: unchanged,
			}
		}(),
		func() tests.ApiScenario {
			body, h := post(edited, true, coordinator)
			return tests.ApiScenario{
				Name: "a dry run checks the file and saves nothing", Method: http.MethodPost, URL: url, Body: body, Headers: h,
				BeforeTestFunc: draft, ExpectedStatus: http.StatusOK,
				ExpectedContent: []string{"Provkörningen gick igenom: alla 20 rader kan importeras (0 nya, 1 ändrade, 19 oförändrade). Ingenting har sparats.", `type="checkbox" id="dry_run" name="dry_run" value="true" checked`},
				AfterTestFunc:   unchanged,
			}
		}(),
		func() tests.ApiScenario {
			body, h := post([]byte("Del;Nr;Rubrik\n"), false, coordinator)
			return tests.ApiScenario{
				Name: "a file that is not Excel is refused beside the field", Method: http.MethodPost, URL: url, Body: body, Headers: h,
				BeforeTestFunc: draft, ExpectedStatus: http.StatusUnprocessableEntity,
				ExpectedContent: []string{"<title>Fel: ", `<p class="field-error" id="file-error">`, "Filen kunde inte läsas som en Excel-arbetsbok (.xlsx).", `href="#file"`},
				AfterTestFunc:   unchanged,
			}
		}(),
		{
			Name: "a form without a file is refused", Method: http.MethodPost, URL: url, BeforeTestFunc: draft,
			Headers: with(coordinator, "Content-Type", "application/x-www-form-urlencoded"), Body: strings.NewReader("dry_run=true"),
			ExpectedStatus: http.StatusUnprocessableEntity, ExpectedContent: []string{"Välj en Excel-fil (.xlsx) att importera."},
			AfterTestFunc: unchanged,
		},
		func() tests.ApiScenario {
			body, h := post(make([]byte, report.MaxImportBytes+100<<10), false, coordinator)
			return tests.ApiScenario{
				Name: "an upload over 5 MB is refused", Method: http.MethodPost, URL: url, Body: body, Headers: h,
				BeforeTestFunc: draft, ExpectedStatus: http.StatusRequestEntityTooLarge,
				ExpectedContent: []string{"<title>Fel: ", "Filen är större än 5 MB."},
				AfterTestFunc:   unchanged,
			}
		}(),
		func() tests.ApiScenario {
			body, h := post(edited, false, testapp.Cookie(f, "lasare"))
			return tests.ApiScenario{
				Name: "a reader's import is refused", Method: http.MethodPost, URL: url, Body: body, Headers: h,
				BeforeTestFunc: draft, ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{"Åtkomst nekad"},
				AfterTestFunc: unchanged,
			}
		}(),
		func() tests.ApiScenario {
			body, h := post(edited, false, testapp.Cookie(f, "annan"))
			return tests.ApiScenario{
				Name: "another board's plan is not found", Method: http.MethodPost, URL: url, Body: body, Headers: h,
				BeforeTestFunc: draft, ExpectedStatus: http.StatusNotFound, ExpectedContent: []string{"Sidan finns inte"},
				AfterTestFunc: unchanged,
			}
		}(),
		func() tests.ApiScenario {
			body, h := post(edited, false, coordinator)
			return tests.ApiScenario{
				Name: "an adopted plan takes no import", Method: http.MethodPost, URL: url, Body: body, Headers: h,
				BeforeTestFunc: func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) {
					before = [2]int{testapp.Count(t, app, model.Controls, nil), testapp.Count(t, app, model.AuditLog, nil)}
				},
				ExpectedStatus:  http.StatusUnprocessableEntity,
				ExpectedContent: []string{`<p class="notice">Planen är antagen. Kontrollpunkter kan bara importeras till en plan som är ett utkast.</p>`},
				AfterTestFunc:   unchanged,
			}
		}(),
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		s.Test(t)
	}
}

// TestPlanImportInTheUILanguage: the import's refusals, of each row and of
// the file, are shown in the UI's language: in English no Swedish sentence
// (no å, ä or ö) is left in them, in Swedish they read as they always have.
func TestPlanImportInTheUILanguage(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	url := "/plans/" + f.Plan + "/import"
	// each bad cell, the column the page names and its refusal in both
	// languages (values without å, ä and ö, so the English is all English)
	cells := []struct {
		cell, value string
		row         int
		column      string
		sv, en      string
	}{
		{"B3", "x", 3, "B (Nr)", `Numret måste vara ett heltal 1–9999, inte "x".`, `The number must be a whole number 1–9999, not "x".`},
		{"N4", "kanske", 4, "N (Sekretess)", `Skriv Ja eller Nej, inte "kanske".`, `Write Yes or No, not "kanske".`},
		{"L5", "snart", 5, "L (Klar senast)",
			`"snart" kan inte tolkas som ett datum. Skriv ett datum eller en period, till exempel 2025-09-30, mars 2025, kvartal 3 2025, tertial 2 2025, första halvåret 2025 eller under 2025.`,
			`"snart" cannot be read as a date. Write a date or a period, for example 2025-09-30, March 2025, Q3 2025, T2 2025, first half 2025 or year 2025.`},
		{"J6", "nobody@example.org", 6, "J (Ansvarig (e-post))", `Ingen användare har e-postadressen "nobody@example.org".`, `No user has the email address "nobody@example.org".`},
		{"C7", "", 7, "C (Rubrik)", "Skriv en rubrik för kontrollpunkten.", "Enter a title for the control."},
		{"E8", "No such risk", 8, "E (Risk)",
			`Nämnden har ingen risk med rubriken "No such risk". Lägg in risken i riskregistret eller lämna fältet tomt.`,
			`The board has no risk with the title "No such risk". Add the risk to the risk register or leave the field empty.`},
	}
	edits := map[string]string{}
	for _, c := range cells {
		edits[c.cell] = c.value
	}
	bad := demoSheet(t, edits)
	inLang := func(l string) map[string]string {
		return with(testapp.Cookie(f, "samordnare"), "Cookie", "ikplan_session="+f.Sessions["samordnare"]+"; ikplan_lang="+l)
	}
	draft := func(t testing.TB, app *tests.TestApp, e *core.ServeEvent) { reopen(t, app) }
	rowRE := regexp.MustCompile(`<td class="num">(\d+)</td><td>([^<]*)</td><td>([^<]*)</td>`)
	swedish := regexp.MustCompile(`[åäöÅÄÖ]`)
	// rows checks the page's table of row errors: one per bad cell, in
	// the sheet's order, each the text of lang
	rows := func(lang string) func(t testing.TB, app *tests.TestApp, res *http.Response) {
		return func(t testing.TB, app *tests.TestApp, res *http.Response) {
			body, _ := io.ReadAll(res.Body)
			got := rowRE.FindAllStringSubmatch(string(body), -1)
			if len(got) != len(cells) {
				t.Fatalf("Expected %d row errors, got %d: %q", len(cells), len(got), got)
			}
			for i, c := range cells {
				want := c.sv
				if lang == i18n.En {
					want = c.en
				}
				row, column, msg := got[i][1], html.UnescapeString(got[i][2]), html.UnescapeString(got[i][3])
				if row != strconv.Itoa(c.row) || column != c.column || msg != want {
					t.Errorf("%s (%s): expected row %d, column %q: %q, got row %s, column %q: %q", c.cell, lang, c.row, c.column, want, row, column, msg)
				}
				if lang == i18n.En && swedish.MatchString(msg) {
					t.Errorf("%s: expected English, got Swedish letters in %q", c.cell, msg)
				}
			}
		}
	}
	post := func(data []byte, lang string) (io.Reader, map[string]string) {
		body, ct := upload(t, data, false)
		return body, with(inLang(lang), "Content-Type", ct)
	}
	scenarios := []tests.ApiScenario{
		func() tests.ApiScenario {
			body, h := post(bad, i18n.En)
			return tests.ApiScenario{
				Name: "in English, each row's refusal is in English", Method: http.MethodPost, URL: url, Body: body, Headers: h,
				BeforeTestFunc: draft, ExpectedStatus: http.StatusUnprocessableEntity,
				ExpectedContent:    []string{"The file has 6 errors. Nothing was imported."},
				NotExpectedContent: []string{"Numret", "Skriv", "Ingen användare", "kan inte tolkas", "Nämnden"},
				AfterTestFunc:      rows(i18n.En),
			}
		}(),
		func() tests.ApiScenario {
			body, h := post(bad, i18n.Sv)
			return tests.ApiScenario{
				Name: "in Swedish, each row's refusal is in Swedish", Method: http.MethodPost, URL: url, Body: body, Headers: h,
				BeforeTestFunc: draft, ExpectedStatus: http.StatusUnprocessableEntity,
				ExpectedContent:    []string{"Filen har 6 fel. Ingenting importerades."},
				NotExpectedContent: []string{"The number", "Write Ja", "No user", "cannot be read", "The board"},
				AfterTestFunc:      rows(i18n.Sv),
			}
		}(),
		func() tests.ApiScenario {
			body, h := post([]byte("Del;Nr;Rubrik\n"), i18n.En)
			return tests.ApiScenario{
				Name: "in English, a file that is not Excel is refused in English", Method: http.MethodPost, URL: url, Body: body, Headers: h,
				BeforeTestFunc: draft, ExpectedStatus: http.StatusUnprocessableEntity,
				ExpectedContent: []string{`<p class="field-error" id="file-error">`,
					"The file could not be read as an Excel workbook (.xlsx). Save it as an Excel workbook in Excel or LibreOffice and try again."},
				NotExpectedContent: []string{"Filen kunde inte"},
			}
		}(),
		func() tests.ApiScenario {
			body, h := post(demoSheet(t, map[string]string{"T1": "Kommentar"}), i18n.En)
			return tests.ApiScenario{
				Name: "in English, a sheet with an unknown column is refused in English", Method: http.MethodPost, URL: url, Body: body, Headers: h,
				BeforeTestFunc: draft, ExpectedStatus: http.StatusUnprocessableEntity,
				ExpectedContent: []string{"<td>The whole row</td>",
					"The columns do not match the plan&#39;s Excel format. Unknown: Kommentar. Export the plan to Excel to get a template with the right columns."},
				NotExpectedContent: []string{"Kolumnerna"},
			}
		}(),
		{
			Name: "in English, an adopted plan's import page says so in English", Method: http.MethodGet, URL: url, Headers: inLang(i18n.En),
			ExpectedStatus: http.StatusOK, ExpectedContent: []string{"The plan is adopted. Controls can only be imported into a draft plan."},
			NotExpectedContent: []string{"antagen"},
		},
	}
	for _, s := range scenarios {
		s.TestAppFactory = testapp.WebFactory
		s.Test(t)
	}
}
