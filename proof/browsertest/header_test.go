package browsertest

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// The header's menu and the settings page (templates/layout.templ,
// templates/settings.templ).
const (
	selHeader       = `header.site-header`
	selMenu         = `header details.site-menu`
	selMenuButton   = selMenu + ` > summary`
	selMenuNav      = selMenu + ` nav`
	selSiteLogo     = `header img.site-logo`
	selSettingsForm = `form[action="/settings"]`
	selSettingsSave = selSettingsForm + ` button[type="submit"]`
)

// headerMax is the most the header may take at the phone's width when its
// menu is closed (three lines took 166 px).
const headerMax = 64

// The coordinator sets the municipality's name and logo on the settings
// page, reached from the menu; they stand in the header. At the phone's
// width the header is one line, no higher than headerMax, even with the
// logo and the name; its menu button ("Meny") opens the menu, a link in it
// leads on, and the next page's menu is closed again. At the desk's width
// the menu shows without the button.
func TestHeaderMenuAndMunicipality(t *testing.T) {
	t.Parallel()
	b := serve(t, "header")
	logo := filepath.Join(t.TempDir(), "vapen.png")
	if err := os.WriteFile(logo, crest(t), 0o644); err != nil {
		t.Fatal(err)
	}
	b.launch()
	b.signIn("samordnare")

	// at the desk's width: the menu is open without its button
	if eval[bool](b, visible(selMenuButton)) || !eval[bool](b, visible(selMenuNav)) {
		b.fatalf("at %d px expected the menu shown and no menu button", deskWidth)
	}
	b.click(selNav(`/settings`))
	b.waitPath("/settings")
	b.page("settings")
	b.typeInto(selSettingsForm+` input[name="municipality"]`, "Exempelby kommun")
	b.do("choose the logo", chromedp.SetUploadFiles(chromedp.CSS(`#logo`), []string{logo}))
	b.click(selSettingsSave)
	b.waitFor("the saved settings", exists(selBanner))
	b.page("settings-saved")
	b.expectText(selBanner, "Inställningarna är sparade.")
	b.expectText(`header .site-municipality`, "Exempelby kommun")
	if alt := eval[string](b, `document.querySelector(`+js(selSiteLogo)+`).alt`); alt != "Exempelby kommun" {
		b.fatalf("expected the logo's text alternative to be the municipality's name, got %q", alt)
	}
	if h := eval[float64](b, `document.querySelector(`+js(selSiteLogo)+`).getBoundingClientRect().height`); h > 32 {
		b.fatalf("expected the logo at most 32 px high, got %.0f", h)
	}

	b.do("set the phone's width", chromedp.EmulateViewport(phoneWidth, phoneHeight))
	b.waitFor("the phone's width", `window.innerWidth === 390 && `+settled)
	if h := eval[float64](b, height(selHeader)); h > headerMax {
		b.fatalf("at %d px expected the header at most %d px high, got %.0f", phoneWidth, headerMax, h)
	}
	if eval[bool](b, visible(selMenuNav)) || !eval[bool](b, visible(selMenuButton)) {
		b.fatalf("at %d px expected the menu closed behind its button", phoneWidth)
	}
	if name := eval[string](b, `document.querySelector(`+js(selMenuButton)+`).textContent.trim()`); name != "Meny" {
		b.fatalf("expected the menu button to be named Meny, got %q", name)
	}
	if w := eval[pageWidth](b, measureWidth); w.Scroll > w.Viewport {
		b.fatalf("at %d px the page scrolls sideways: %s reaches %d px", phoneWidth, w.Widest, w.Right)
	}
	b.page("phone-menu-closed")

	b.do("focus the menu button", chromedp.Focus(chromedp.CSS(selMenuButton)))
	if outline := eval[string](b, `getComputedStyle(document.querySelector(`+js(selMenuButton)+`)).outlineStyle`); outline == "none" {
		b.fatalf("expected the focused menu button to show its focus")
	}
	b.click(selMenuButton)
	b.waitFor("the menu to open", `document.querySelector(`+js(selMenu)+`).open && `+visible(selMenuNav))
	b.page("phone-menu-open")
	b.click(selNav(`/history`))
	b.waitPath("/history")
	b.waitFor("the history", exists(`main h1`))
	if eval[bool](b, `document.querySelector(`+js(selMenu)+`).open`) {
		b.fatalf("expected the next page's menu closed")
	}
	b.expectText(selMenuNav+` a[aria-current="page"]`, "Historik")
	b.page("phone-history")
}

// selNav is the menu's link to href.
func selNav(href string) string { return selMenuNav + ` a[href="` + href + `"]` }

// visible is the JavaScript test that sel is shown (has a box, not hidden).
func visible(sel string) string {
	return `(() => { const e = document.querySelector(` + js(sel) + `); return !!e && e.checkVisibility({visibilityProperty: true, contentVisibilityAuto: true}) && e.getBoundingClientRect().height > 0; })()`
}

// height is the JavaScript expression of sel's height in CSS pixels.
func height(sel string) string {
	return `document.querySelector(` + js(sel) + `).getBoundingClientRect().height`
}

// crest is a wide PNG logo, 240 × 120: the header must shrink it.
func crest(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 240, 120))
	for y := range 120 {
		for x := range 240 {
			img.Set(x, y, color.RGBA{0xc8, 0x10, 0x2e, 0xff})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
