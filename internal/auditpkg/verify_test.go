package auditpkg_test

import (
	"testing"

	"ikplan/internal/auditpkg"
	"ikplan/proof/testapp"
)

func TestPackageVerifies(t *testing.T) {
	t.Parallel()
	app := testapp.New(t)
	f := testapp.Fix(t)
	zip := build(t, app, "", f.KS)
	c, err := verify(zip)
	if err != nil {
		t.Fatalf("Expected the package to verify, got %v", err)
	}
	for _, f := range c.Manifest.Files {
		t.Logf("%8d %s", f.Size, f.Path)
	}
	if !auditpkg.IsRefusal(nil) && len(c.Manifest.Files) < 5 {
		t.Fatalf("Expected the package's files, got %d", len(c.Manifest.Files))
	}
}
