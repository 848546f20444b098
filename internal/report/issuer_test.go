package report_test

import (
	"archive/zip"
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"ikplan/internal/model"
	"ikplan/internal/report"
	"ikplan/proof/testapp"
)

// pngLogo is a small PNG.
func pngLogo(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 40, 20))
	for x := range 40 {
		img.Set(x, 10, color.RGBA{0, 80, 160, 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// setIssuer gives the settings a municipality's name and, with logo, a logo.
func setIssuer(t *testing.T, app core.App, name string, logo []byte) {
	t.Helper()
	f := testapp.Fix(t)
	s, err := app.FindRecordById(model.Settings, f.Settings)
	if err != nil {
		t.Fatal(err)
	}
	s.Set("municipality", name)
	if logo != nil {
		file, err := filesystem.NewFileFromBytes(logo, "logo.png")
		if err != nil {
			t.Fatal(err)
		}
		s.Set("logo", file)
	}
	if err := app.Save(s); err != nil {
		t.Fatal(err)
	}
}

// TestDocumentsNameTheMunicipality: with the municipality's name and logo
// in the settings, every document (follow-up, plan, roll-up) names it above
// the title in every format, and HTML and PDF carry the logo; without them
// the documents are as before. Word carries the logo too, as a picture
// above the name whose description is the name.
func TestDocumentsNameTheMunicipality(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	app := testapp.New(t)
	docs := func() map[string]*report.Doc {
		follow, err := report.FollowUp(app, f.KS, 2024, false)
		if err != nil {
			t.Fatal(err)
		}
		plan, err := report.PlanDoc(app, f.KS, 2024, false)
		if err != nil {
			t.Fatal(err)
		}
		rollup, err := report.RollUp(app, 2024, false, testapp.Today)
		if err != nil {
			t.Fatal(err)
		}
		return map[string]*report.Doc{"followup": follow, "plan": plan, "rollup": rollup}
	}
	for name, d := range docs() {
		if d.Issuer != "" || d.Logo != nil {
			t.Fatalf("Expected no issuer on the %s without settings, got %q", name, d.Issuer)
		}
	}
	setIssuer(t, app, "Exempelby kommun", pngLogo(t))
	for name, d := range docs() {
		if d.LogoType != "png" {
			t.Errorf("Expected the %s to carry the PNG logo, got %q", name, d.LogoType)
		}
		for _, format := range []string{"html", "pdf", "docx"} {
			text := strings.Join(strings.Fields(asText(t, format, d)), " ")
			// (the HTML's <title> comes first)
			i := strings.Index(text, "Exempelby kommun")
			if i < 0 || !strings.Contains(text[i:], strings.Join(strings.Fields(d.Title), " ")) {
				t.Errorf("Expected the municipality's name above the title of the %s in %s, got\n%.300s", name, format, text)
			}
		}
		var html, pdf bytes.Buffer
		if err := report.Write("html", &html, d); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(html.String(), `<img class="issuer__logo" src="data:image/png;base64,`) {
			t.Errorf("Expected the logo in the %s's HTML", name)
		}
		if err := report.Write("pdf", &pdf, d); err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(pdf.Bytes(), []byte("/Subtype /Image")) {
			t.Errorf("Expected an image (the logo) in the %s's PDF", name)
		}
		var word bytes.Buffer
		if err := report.Write("docx", &word, d); err != nil {
			t.Fatal(err)
		}
		checkDOCXLogo(t, name, word.Bytes(), d.Logo)
	}
}

// checkDOCXLogo: the DOCX holds the logo as a picture part, typed and
// related from the document, drawn before the title with the
// municipality's name as its description.
func checkDOCXLogo(t *testing.T, name string, data, logo []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[zf.Name] = b
	}
	if !bytes.Equal(parts["word/media/image1.png"], logo) {
		t.Errorf("Expected the logo as word/media/image1.png in the %s's DOCX, got parts %v", name, keys(parts))
	}
	if ct := string(parts["[Content_Types].xml"]); !strings.Contains(ct, `Extension="png" ContentType="image/png"`) {
		t.Errorf("Expected PNG among the %s's DOCX's content types, got %s", name, ct)
	}
	rels := string(parts["word/_rels/document.xml.rels"])
	m := regexp.MustCompile(`Id="(rId\d+)"[^>]*Target="media/image1.png"`).FindStringSubmatch(rels)
	if m == nil {
		t.Fatalf("Expected the %s's DOCX to relate the logo, got %s", name, rels)
	}
	doc := string(parts["word/document.xml"])
	pic, title := strings.Index(doc, `r:embed="`+m[1]+`"`), strings.Index(doc, `w:val="Title"`)
	if pic < 0 || title < 0 || pic > title {
		t.Errorf("Expected the logo drawn before the title in the %s's DOCX (at %d, title at %d)", name, pic, title)
	}
	if !strings.Contains(doc, `descr="Exempelby kommun"`) {
		t.Errorf("Expected the logo's description to be the municipality's name in the %s's DOCX", name)
	}
}

func keys(m map[string][]byte) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}
