package browsertest

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"ikplan/internal/auditpkg"
)

// The auditor's package page (templates/package.templ).
const (
	selPackageLink   = `main a[href="/audit/package"]`
	selPackageBoard  = `select#package-board`
	selPackageButton = `form[action="/audit/package/download"] button[type="submit"]`
)

// The auditor finds the package from their account page, sees the key's
// fingerprint there and on the package page, chooses Kommunstyrelsen and
// downloads the zip; the file the browser saved verifies, signed with the
// instance's key.
func TestAuditorDownloadsThePackage(t *testing.T) {
	t.Parallel()
	b := serve(t, "package")
	b.launch()
	k, ok, err := auditpkg.LoadKey(b.app.DataDir())
	if err != nil || !ok {
		t.Fatalf("Expected the instance's key, got %v", err)
	}
	fp := auditpkg.Fingerprint(k.Public())
	b.signIn("revisor")
	b.click(selAccount)
	b.waitPath("/me")
	b.expectText(selMain, fp)
	b.click(selPackageLink)
	b.waitPath("/audit/package")
	b.page("package")
	b.expectText(selMain, "Förbereder paketet")
	b.choose(selPackageBoard, "Kommunstyrelsen")

	dir := t.TempDir()
	progress := chromedp.Events(b.ctx, browser.DownloadProgress)
	b.do("allow the download", chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		yes := true
		_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: &yes,
		})
		return err
	}))
	b.click(selPackageButton)
	done := make(chan string, 1)
	go func() {
		for ev, err := range progress {
			if err != nil {
				done <- ""
				return
			}
			if ev.State == browser.DownloadProgressStateCompleted {
				done <- ev.GUID
				return
			}
			if ev.State == browser.DownloadProgressStateCanceled {
				done <- ""
				return
			}
		}
	}()
	var guid string
	select {
	case guid = <-done:
	case <-time.After(stepTimeout * 3):
	}
	if guid == "" {
		b.fatalf("expected the package downloaded")
	}
	zip := filepath.Join(dir, guid)
	if _, err := os.Stat(zip); err != nil {
		t.Fatal(err)
	}
	c, err := auditpkg.VerifyFile(zip)
	if err != nil {
		t.Fatalf("expected the downloaded package to verify, got %v", err)
	}
	if got := auditpkg.Fingerprint(c.Key); got != fp || c.Manifest.Board == nil || c.Manifest.Board.Name != "Kommunstyrelsen" {
		t.Errorf("expected Kommunstyrelsen's package signed with %s, got %s for %v", fp, got, c.Manifest.Board)
	}
	// the page stays as it was: the download left it for no other
	b.waitPath("/audit/package")
}
