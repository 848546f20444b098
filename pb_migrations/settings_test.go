package pb_migrations_test

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

	"ikplan/proof/testapp"
)

// TestSettingsMatrixIsTheAdministrators: a coordinator may set the
// municipality's name and logo through the REST API, but no write that
// touches the risk matrix (its size, bands or scale words) or the reminder days, in any form (a modifier
// such as "risk_scale+" included, or hidden beside the name); a superuser
// may.
func TestSettingsMatrixIsTheAdministrators(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	url := "/api/collections/settings/records/" + f.Settings
	bodies := []string{
		`{"risk_scale":4}`,
		`{"risk_scale+":-1}`,
		`{"municipality":"Exempelkommun","risk_scale":4}`,
		`{"risk_bands":{"yellow":1,"red":2}}`,
		`{"reminder_days":[1]}`,
		`{"risk_words":{"sv":{"probability":["A","B","C","D","E"]}}}`,
	}
	for _, body := range bodies {
		for role, want := range map[string]int{"samordnare": http.StatusNotFound, "ansvarig": http.StatusNotFound, "superuser": http.StatusOK} {
			s := tests.ApiScenario{
				Name: role + " " + body, Method: http.MethodPatch, URL: url, Body: strings.NewReader(body),
				Headers: headers(f, role), TestAppFactory: testapp.Factory,
				ExpectedStatus: want, ExpectedContent: []string{`"`},
			}
			t.Run(s.Name, func(t *testing.T) { t.Parallel(); s.Test(t) })
		}
	}
}

// TestSettingsLogo: a coordinator uploads the logo as a PNG; a file of
// another kind (an SVG, which could carry script) or too large is refused
// with a 400 naming the field, and nothing is saved.
func TestSettingsLogo(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	var pngData bytes.Buffer
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	img.Set(1, 1, color.RGBA{0, 80, 160, 255})
	if err := png.Encode(&pngData, img); err != nil {
		t.Fatal(err)
	}
	huge := append(append([]byte{}, pngData.Bytes()...), bytes.Repeat([]byte{0}, 600<<10)...)
	svg := []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`)
	scenarios := []struct {
		name, file string
		data       []byte
		role       string
		status     int
		content    []string
	}{
		{"png by a coordinator", "logo.png", pngData.Bytes(), "samordnare", http.StatusOK, []string{`"logo":"logo_`}},
		{"png by a reader", "logo.png", pngData.Bytes(), "lasare", http.StatusNotFound, []string{`"data":{}`}},
		{"svg", "logo.svg", svg, "samordnare", http.StatusBadRequest, []string{`"logo":{`}},
		{"too large", "logo.png", huge, "samordnare", http.StatusBadRequest, []string{`"logo":{`}},
	}
	for _, sc := range scenarios {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		_ = mw.WriteField("municipality", "Exempelkommun")
		w, _ := mw.CreateFormFile("logo", sc.file)
		_, _ = w.Write(sc.data)
		_ = mw.Close()
		h := headers(f, sc.role)
		h["Content-Type"] = mw.FormDataContentType()
		s := tests.ApiScenario{
			Name: sc.name, Method: http.MethodPatch, URL: "/api/collections/settings/records/" + f.Settings,
			Body: &body, Headers: h, TestAppFactory: testapp.Factory,
			ExpectedStatus: sc.status, ExpectedContent: sc.content,
		}
		t.Run(s.Name, func(t *testing.T) { t.Parallel(); s.Test(t) })
	}
}
