package web_test

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// settingsForm is a settings form as a browser sends it: the name, the
// logo's file (a file field left empty when file is ""), and the remove
// box.
func settingsForm(t testing.TB, municipality, file string, data []byte, remove bool) (*bytes.Buffer, string) {
	t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	_ = mw.WriteField("municipality", municipality)
	w, err := mw.CreateFormFile("logo", file)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = w.Write(data)
	if remove {
		_ = mw.WriteField("logo_remove", "true")
	}
	if err := mw.Close(); err != nil {
		t.Fatal(err)
	}
	return &body, mw.FormDataContentType()
}

// logoPNG is a small PNG logo.
func logoPNG(t testing.TB) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 60, 30))
	for x := range 60 {
		img.Set(x, 15, color.RGBA{0xc8, 0x10, 0x2e, 0xff})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// withLogo is WebFactory with the municipality's name and a logo set.
func withLogo(f *testapp.Fixture) func(t testing.TB) *tests.TestApp {
	return func(t testing.TB) *tests.TestApp {
		app := testapp.WebFactory(t)
		s := testapp.Find(t, app, model.Settings, f.Settings)
		file, err := filesystem.NewFileFromBytes(logoPNG(t), "vapen.png")
		if err != nil {
			t.Fatal(err)
		}
		s.Set("municipality", "Gamla kommunen")
		s.Set("logo", file)
		if err := app.Save(s); err != nil {
			t.Fatal(err)
		}
		return app
	}
}

// TestSettingsPage: a coordinator sets the municipality's name and
// uploads, replaces or removes its logo on /settings; the save goes
// through the settings' rules and hooks, so a file of another kind, one
// too large or a name too long is refused with a message naming the field
// (422, nothing saved), in the UI's language; the other roles get 403.
func TestSettingsPage(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	settings := func(t testing.TB, app *tests.TestApp) model.Municipality {
		return model.MunicipalityIn(testapp.Find(t, app, model.Settings, f.Settings))
	}
	unchanged := func(t testing.TB, app *tests.TestApp, _ *http.Response) {
		if m := settings(t, app); m.Name != "" || m.Logo != "" {
			t.Fatalf("Expected nothing saved, got %+v", m)
		}
	}
	post := func(lang, municipality, file string, data []byte, remove bool) (*bytes.Buffer, map[string]string) {
		body, ct := settingsForm(t, municipality, file, data, remove)
		h := with(testapp.Cookie(f, "samordnare"), "Content-Type", ct)
		if lang != "" {
			h["Cookie"] += "; ikplan_lang=" + lang
		}
		return body, h
	}
	png := logoPNG(t)
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>`)
	// over the field's 512 kB, under what the form may hold: the
	// settings' own limit refuses it
	over := append(append([]byte{}, png...), bytes.Repeat([]byte{0}, 530<<10)...)
	// over what the form may hold: refused before it is read
	huge := append(append([]byte{}, png...), bytes.Repeat([]byte{0}, 2<<20)...)

	scenarios := []tests.ApiScenario{}
	add := func(s tests.ApiScenario) {
		if s.TestAppFactory == nil {
			s.TestAppFactory = testapp.WebFactory
		}
		scenarios = append(scenarios, s)
	}
	add(tests.ApiScenario{
		Name: "the coordinator's page: the name's field, the logo's, the limit", Method: http.MethodGet, URL: "/settings",
		Headers: testapp.Cookie(f, "samordnare"), ExpectedStatus: http.StatusOK,
		ExpectedContent: []string{
			"<title>Inställningar – ikplan</title>", `<form method="post" action="/settings" enctype="multipart/form-data"`,
			`name="municipality"`, `type="file" accept="image/png,image/jpeg"`, "högst 512 kB", "Ingen logotyp är vald.",
			`<a href="/settings" aria-current="page">Inställningar</a>`,
		},
		NotExpectedContent: []string{"Ta bort logotypen", "Inställningarna är sparade."},
	})
	for _, who := range []string{"lasare", "revisor", "ansvarig"} {
		add(tests.ApiScenario{
			Name: who + " may not set them", Method: http.MethodGet, URL: "/settings",
			Headers: testapp.Cookie(f, who), ExpectedStatus: http.StatusForbidden,
			ExpectedContent: []string{"<html"}, NotExpectedContent: []string{`action="/settings"`, `href="/settings"`},
		})
		body, h := post("", "Exempelby kommun", "logo.png", png, false)
		h["Cookie"] = testapp.Cookie(f, who)["Cookie"]
		add(tests.ApiScenario{
			Name: who + " may not save them", Method: http.MethodPost, URL: "/settings", Body: body, Headers: h,
			ExpectedStatus: http.StatusForbidden, ExpectedContent: []string{"<html"}, AfterTestFunc: unchanged,
		})
	}
	body, h := post("", "  Exempelby kommun ", "vapen.png", png, false)
	add(tests.ApiScenario{
		Name: "the name and a PNG are saved", Method: http.MethodPost, URL: "/settings", Body: body, Headers: h,
		ExpectedStatus: http.StatusSeeOther, ExpectedContent: nil,
		AfterTestFunc: func(t testing.TB, app *tests.TestApp, res *http.Response) {
			if loc := res.Header.Get("Location"); loc != "/settings" {
				t.Errorf("Expected the page again, got %q", loc)
			}
			if m := settings(t, app); m.Name != "Exempelby kommun" || !strings.HasPrefix(m.Logo, "vapen_") {
				t.Errorf("Expected the name and the logo saved, got %+v", m)
			}
		},
	})
	add(tests.ApiScenario{
		Name: "the page shows the saved name and logo; no address makes it say it was saved", Method: http.MethodGet, URL: "/settings?saved=1",
		Headers: testapp.Cookie(f, "samordnare"), TestAppFactory: withLogo(f), ExpectedStatus: http.StatusOK,
		ExpectedContent:    []string{`value="Gamla kommunen"`, `alt="Gamla kommunen"`, "Ta bort logotypen"},
		NotExpectedContent: []string{"Inställningarna är sparade."},
	})
	// (a file field left empty: a part with an empty file name)
	body, h = post("", "Nya kommunen", "", nil, false)
	add(tests.ApiScenario{
		Name: "no file keeps the logo", Method: http.MethodPost, URL: "/settings", Body: body, Headers: h,
		TestAppFactory: withLogo(f), ExpectedStatus: http.StatusSeeOther, ExpectedContent: nil,
		AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
			if m := settings(t, app); m.Name != "Nya kommunen" || !strings.HasPrefix(m.Logo, "vapen_") {
				t.Errorf("Expected the new name and the old logo, got %+v", m)
			}
		},
	})
	body, h = post("", "Gamla kommunen", "nytt.png", png, false)
	add(tests.ApiScenario{
		Name: "a new file replaces the logo", Method: http.MethodPost, URL: "/settings", Body: body, Headers: h,
		TestAppFactory: withLogo(f), ExpectedStatus: http.StatusSeeOther, ExpectedContent: nil,
		AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
			if m := settings(t, app); !strings.HasPrefix(m.Logo, "nytt_") {
				t.Errorf("Expected the new logo, got %+v", m)
			}
		},
	})
	body, h = post("", "", "", nil, true)
	add(tests.ApiScenario{
		Name: "the box removes the logo, an empty name the name", Method: http.MethodPost, URL: "/settings", Body: body, Headers: h,
		TestAppFactory: withLogo(f), ExpectedStatus: http.StatusSeeOther, ExpectedContent: nil,
		AfterTestFunc: func(t testing.TB, app *tests.TestApp, _ *http.Response) {
			if m := settings(t, app); m.Name != "" || m.Logo != "" {
				t.Errorf("Expected no name and no logo, got %+v", m)
			}
		},
	})
	for _, sc := range []struct {
		name, lang, municipality, file string
		data                           []byte
		status                         int
		want                           string
	}{
		{"an SVG", "", "Exempelby kommun", "logo.svg", svg, http.StatusUnprocessableEntity,
			"Filen i fältet ”Logotyp” måste vara en PNG- eller JPEG-bild."},
		{"an SVG, in English", "en", "Exempelby kommun", "logo.svg", svg, http.StatusUnprocessableEntity,
			"The file in “Logo” must be a PNG or JPEG image."},
		{"a PDF named .png", "", "Exempelby kommun", "logo.png", []byte("%PDF-1.7\n"), http.StatusUnprocessableEntity,
			"Filen i fältet ”Logotyp” måste vara en PNG- eller JPEG-bild."},
		{"a file over the field's limit", "", "Exempelby kommun", "logo.png", over, http.StatusUnprocessableEntity,
			"Filen i fältet ”Logotyp” är för stor – högst 512 kB per fil."},
		{"a form over what the page reads", "", "Exempelby kommun", "logo.png", huge, http.StatusRequestEntityTooLarge,
			"Filen i fältet ”Logotyp” är för stor – högst 512 kB."},
		{"a name too long", "", strings.Repeat("x", 201), "logo.png", png, http.StatusUnprocessableEntity,
			"”Kommunens namn”"},
	} {
		body, h := post(sc.lang, sc.municipality, sc.file, sc.data, false)
		add(tests.ApiScenario{
			Name: "refused: " + sc.name, Method: http.MethodPost, URL: "/settings", Body: body, Headers: h,
			ExpectedStatus: sc.status, ExpectedContent: []string{sc.want, `class="error-summary"`, `<title>`},
			AfterTestFunc: unchanged,
		})
	}
	for _, s := range scenarios {
		t.Run(s.Name, func(t *testing.T) { t.Parallel(); s.Test(t) })
	}
}
