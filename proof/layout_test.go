// Package proof holds the suites that prove ikplan; this file keeps them
// apart from the product.
package proof

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestProductDoesNotImportProof fails when a package the binary is built
// from imports anything under proof/: the product must not depend on its
// tests, and proof/ must stay something a reader may skip.
func TestProductDoesNotImportProof(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}}", "ikplan").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 10 {
		t.Fatalf("go list gave too few packages to be the binary's: %v", deps)
	}
	for _, p := range deps {
		if strings.HasPrefix(p, "ikplan/proof") {
			t.Errorf("the binary depends on %s; product code must not import proof/", p)
		}
	}
}

// TestArchitectureNamesEveryPackage fails when a product package is not
// named in docs/ARCHITECTURE.md, the map a newcomer reads first.
func TestArchitectureNamesEveryPackage(t *testing.T) {
	doc, err := os.ReadFile("../docs/ARCHITECTURE.md")
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "list", "ikplan/...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	n := 0
	for _, p := range strings.Fields(string(out)) {
		rel := strings.TrimPrefix(p, "ikplan/")
		if p == "ikplan" || strings.HasPrefix(rel, "proof") || strings.HasPrefix(rel, "cmd/") || rel == "pb_public" {
			continue
		}
		n++
		if !strings.Contains(string(doc), rel) {
			t.Errorf("Expected docs/ARCHITECTURE.md to name the package %s", rel)
		}
	}
	if n < 15 {
		t.Fatalf("Expected the product's packages from go list, got %d", n)
	}
}
