package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image/png"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"ikplan/proof/testapp"
)

// iconLink is a <link> of the page's head that names an icon or the
// manifest.
var iconLink = regexp.MustCompile(`<link rel="(icon|apple-touch-icon|manifest)" href="([^"]+)"(?: type="([^"]+)")?(?: sizes="([^"]+)")?>`)

// TestIcons: the sign-in page and a signed-in page link the favicon, the
// SVG and PNG icons, the apple-touch icon and the web manifest; each of
// them, /favicon.ico (which browsers ask for whatever the page links) and
// each icon the manifest names answers 200 with its own type, and a PNG
// is the size it says.
func TestIcons(t *testing.T) {
	t.Parallel()
	f := testapp.Fix(t)
	h := handler(t, testapp.NewWeb(t))
	wantType := map[string]string{".ico": "image/x-icon", ".svg": "image/svg+xml", ".png": "image/png", ".webmanifest": "application/manifest+json"}
	get := func(url string) []byte {
		t.Helper()
		rec := send(h, http.MethodGet, url, "")
		ext := url[strings.LastIndex(url, "."):]
		if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != wantType[ext] || rec.Body.Len() == 0 {
			t.Errorf("Expected %s to answer 200 %s, got %d %q (%d bytes)", url, wantType[ext], rec.Code, rec.Header().Get("Content-Type"), rec.Body.Len())
		}
		return rec.Body.Bytes()
	}
	get("/favicon.ico")
	for _, user := range []string{"", "samordnare"} {
		body := page(h, f, user, map[string]string{"": "/login", "samordnare": "/"}[user], "192.0.2.10", "ikplan.local").Body.String()
		links := iconLink.FindAllStringSubmatch(body, -1)
		rels := map[string]int{}
		for _, l := range links {
			rels[l[1]]++
			data := get(l[2])
			if l[3] != "" && l[3] != wantType[l[2][strings.LastIndex(l[2], "."):]] {
				t.Errorf("Expected %s linked with its type, got %q", l[2], l[3])
			}
			if l[1] == "icon" && strings.HasSuffix(l[2], ".png") {
				checkPNG(t, l[2], data, l[4])
			}
		}
		if rels["icon"] < 3 || rels["apple-touch-icon"] != 1 || rels["manifest"] != 1 {
			t.Errorf("Expected the favicon, the SVG and PNG icons, the apple-touch icon and the manifest linked (%q), got %v", user, rels)
		}
	}
	var manifest struct {
		Name  string `json:"name"`
		Icons []struct{ Src, Sizes, Type string }
	}
	if err := json.Unmarshal(get("/manifest.webmanifest"), &manifest); err != nil || manifest.Name == "" {
		t.Fatalf("Expected the manifest as JSON with a name, got %v", err)
	}
	sizes := map[string]bool{}
	for _, icon := range manifest.Icons {
		data := get(icon.Src)
		if icon.Type == "image/png" {
			checkPNG(t, icon.Src, data, icon.Sizes)
		}
		sizes[icon.Sizes] = true
	}
	if !sizes["192x192"] || !sizes["512x512"] {
		t.Errorf("Expected the manifest to name icons of 192 and 512 pixels, got %v", sizes)
	}
	checkPNG(t, "apple-touch-icon.png", get("/static/icons/apple-touch-icon.png"), "180x180")
}

// checkPNG: data is a PNG of the size ("32x32"; any when "").
func checkPNG(t *testing.T, name string, data []byte, size string) {
	t.Helper()
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		t.Errorf("Expected %s to be a PNG: %v", name, err)
		return
	}
	if got := fmt.Sprintf("%dx%d", cfg.Width, cfg.Height); size != "" && got != size {
		t.Errorf("Expected %s to be %s pixels, got %dx%d", name, size, cfg.Width, cfg.Height)
	}
}
