package hooks_test

import (
	"go/ast"
	"go/types"
	"path/filepath"
	"strings"
	"testing"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/proof/testapp"
)

// TestHooksKeepDatabaseErrors: a rule never reads a query the database
// could not answer as "nothing found" or "none" (issue 16 point 5): no hook
// throws away the error of a call into PocketBase or dbx — `_ =
// q.All(&rows)`, `n, _ := app.CountRecords(…)` — or leaves it unused as a
// statement of its own. Each such error goes to failLookup (or is
// returned), which fails the write. The calls are found by type: any
// function or method of github.com/pocketbase/pocketbase/core or
// github.com/pocketbase/dbx whose last result is an error.
func TestHooksKeepDatabaseErrors(t *testing.T) {
	t.Parallel()
	hooks := loadHooks(t)
	errType := types.Universe.Lookup("error").Type()
	// database reports whether call is of core or dbx and returns an
	// error last, and where that error is among its results
	database := func(e ast.Expr) (int, bool) {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return 0, false
		}
		sig, ok := hooks.TypesInfo.TypeOf(call.Fun).(*types.Signature)
		if !ok || sig.Results().Len() == 0 || !types.Identical(sig.Results().At(sig.Results().Len()-1).Type(), errType) {
			return 0, false
		}
		var obj types.Object
		switch f := ast.Unparen(call.Fun).(type) {
		case *ast.SelectorExpr:
			obj = hooks.TypesInfo.Uses[f.Sel]
		case *ast.Ident:
			obj = hooks.TypesInfo.Uses[f]
		}
		if obj == nil || obj.Pkg() == nil {
			return 0, false
		}
		switch obj.Pkg().Path() {
		case "github.com/pocketbase/pocketbase/core", "github.com/pocketbase/dbx":
			return sig.Results().Len() - 1, true
		}
		return 0, false
	}
	checked := 0
	for _, file := range hooks.Syntax {
		name := filepath.Base(hooks.Fset.Position(file.Pos()).Filename)
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		ast.Inspect(file, func(n ast.Node) bool {
			switch s := n.(type) {
			case *ast.AssignStmt:
				if len(s.Rhs) != 1 {
					return true
				}
				at, ok := database(s.Rhs[0])
				if !ok {
					return true
				}
				checked++
				if at < len(s.Lhs) {
					if id, ok := s.Lhs[at].(*ast.Ident); ok && id.Name == "_" {
						t.Errorf("%s:%d: a database error thrown away: give it to failLookup or return it", name, hooks.Fset.Position(s.Pos()).Line)
					}
				}
			case *ast.ExprStmt:
				if _, ok := database(s.X); ok {
					checked++
					t.Errorf("%s:%d: a database call's error left unread: give it to failLookup or return it", name, hooks.Fset.Position(s.Pos()).Line)
				}
			}
			return true
		})
	}
	if checked == 0 {
		t.Errorf("Expected the hooks to call PocketBase or dbx for an error; the test found none, so it checks nothing")
	}
	t.Logf("%d database calls whose error is kept", checked)
}

// TestRiskDeleteLookupFailureFailsWrite: whether a risk is linked from a
// decided plan is a query; when the database cannot answer it, the delete
// fails with the lookup message instead of going ahead as if nothing were
// linked.
func TestRiskDeleteLookupFailureFailsWrite(t *testing.T) {
	app := testapp.New(t)
	f := testapp.Fix(t)
	risk, err := testapp.Create(app, model.Risks, map[string]any{"board": f.KS, "title": "Ny risk"})
	if err != nil {
		t.Fatal(err)
	}
	exec(t, app, `ALTER TABLE controls RENAME TO controls_kept`)
	err = testapp.Delete(app, model.Risks, risk.Id)
	if want := i18n.M("ikplan.lookup.failed").In(i18n.Sv); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("Expected %q, got %v", want, err)
	}
}
