package hooks_test

import (
	"go/ast"
	"go/types"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestHooksPassTheWriteOn: a nested write a hook makes carries the write it
// is made for (model.Write: the actor, the lookups, the marks), so the
// hooks save and delete only with the event's context: never through an
// app's Save, SaveNoValidate, Delete or Validate, which start from an empty
// context, and never with a context made from nothing (context.Background,
// context.TODO) instead of derived from e.Context. The receiver is found by
// type: any value that is a core.App.
func TestHooksPassTheWriteOn(t *testing.T) {
	t.Parallel()
	hooks := loadHooks(t)
	var app *types.Interface
	for _, imp := range hooks.Types.Imports() {
		if imp.Path() == "github.com/pocketbase/pocketbase/core" {
			app, _ = imp.Scope().Lookup("App").Type().Underlying().(*types.Interface)
		}
	}
	if app == nil {
		t.Fatalf("Expected the hooks to import core.App")
	}
	emptyContext := map[string]bool{"Save": true, "SaveNoValidate": true, "Delete": true, "Validate": true}
	calls := 0
	for _, file := range hooks.Syntax {
		name := filepath.Base(hooks.Fset.Position(file.Pos()).Filename)
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			pos := hooks.Fset.Position(call.Pos())
			if id, ok := sel.X.(*ast.Ident); ok {
				if pn, ok := hooks.TypesInfo.Uses[id].(*types.PkgName); ok {
					if pn.Imported().Path() == "context" && (sel.Sel.Name == "Background" || sel.Sel.Name == "TODO") {
						t.Errorf("%s:%d: context.%s drops the event's write: derive the context from e.Context", name, pos.Line, sel.Sel.Name)
					}
					return true
				}
			}
			recv := hooks.TypesInfo.TypeOf(sel.X)
			if recv == nil || !types.Implements(recv, app) {
				return true
			}
			calls++
			if emptyContext[sel.Sel.Name] {
				t.Errorf("%s:%d: %s starts from an empty context: use %sWithContext with e.Context", name, pos.Line, sel.Sel.Name, sel.Sel.Name)
			}
			return true
		})
	}
	if calls == 0 {
		t.Errorf("Expected the hooks to call an app's methods; the test found none, so it checks nothing")
	}
}

// loadHooks is the hooks package, type-checked, for the tests that read
// its code.
func loadHooks(t *testing.T) *packages.Package {
	t.Helper()
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax |
		packages.NeedTypes | packages.NeedTypesInfo, Dir: "."}
	pkgs, err := packages.Load(cfg, "ikplan/hooks")
	if err != nil || len(pkgs) != 1 || len(pkgs[0].Errors) > 0 {
		t.Fatalf("failed to load the hooks: %v %v", err, pkgs)
	}
	return pkgs[0]
}
