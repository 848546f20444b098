package proof

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// typedPackages are the product's packages that read domain records: the
// handlers, the documents, the jobs, the command line and the server's
// rules (hooks). They read a field through the typed records of
// internal/model (model.AsPlan(r).Year()), never by its name.
var typedPackages = []string{
	"ikplan/internal/report",
	"ikplan/internal/remind",
	"ikplan/internal/carry",
	"ikplan/internal/cli",
	"ikplan/internal/web",
	"ikplan/templates",
	"ikplan/internal/auditpkg",
	"ikplan/internal/session",
	"ikplan/internal/demo",
	"ikplan/internal/gen",
	"ikplan/hooks",
}

// recordPackages are the packages whose constants name a collection's
// fields for its typed record: internal/model's domain records, and the
// sessions, which internal/session owns with the rules of their expiry.
//
// PocketBase's own constants (core.FieldNamePassword, core.FieldNameId)
// name the system fields every auth or base record has, not a domain
// field: they count as named too.
var recordPackages = []string{"ikplan/internal/model", "ikplan/internal/session", "github.com/pocketbase/pocketbase/core"}

// recordMethods are core.Record's methods that take a field's name.
var recordMethods = []string{"Get", "GetRaw", "GetString", "GetInt", "GetFloat", "GetBool",
	"GetDateTime", "GetStringSlice", "Set", "SetRaw", "SetIfFieldExists"}

// untyped lists the files allowed to name a field, each with why. Code
// that works on any collection belongs here; nothing else should.
var untyped = map[string]string{
	// generic over every collection: the history shows and exports any record's fields
	"internal/web/history.go":        "the history page reads any collection's audit rows",
	"internal/web/history_format.go": "formats any collection's changed fields",
	"internal/web/history_log.go":    "lists any collection's audit rows",
}

// TestRecordsAreTyped: no handler, document, job or command reads or
// writes a record's field by a string name (a literal, or a constant of
// its own) outside internal/model's typed records and the files untyped
// names. The receiver is found by type, so url.Values.Get or a header's
// Set are not counted, and a record behind a typed proxy is.
func TestRecordsAreTyped(t *testing.T) {
	t.Parallel()
	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax |
		packages.NeedTypes | packages.NeedTypesInfo, Dir: ".."}
	pkgs, err := packages.Load(cfg, typedPackages...)
	if err != nil {
		t.Fatalf("failed to load the packages: %v", err)
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	perFile := map[string][]string{}
	calls := 0
	for _, pkg := range pkgs {
		for _, e := range pkg.Errors {
			t.Fatalf("failed to load %s: %v", pkg.PkgPath, e)
		}
		for _, f := range pkg.Syntax {
			name := pkg.Fset.Position(f.Pos()).Filename
			rel, _ := filepath.Rel(root, name)
			rel = filepath.ToSlash(rel)
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || len(call.Args) == 0 {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || !slices.Contains(recordMethods, sel.Sel.Name) {
					return true
				}
				if !onRecord(pkg.TypesInfo, sel) {
					return true
				}
				calls++
				field, named := fieldName(pkg.TypesInfo, call.Args[0])
				if !named {
					return true
				}
				pos := pkg.Fset.Position(call.Pos())
				perFile[rel] = append(perFile[rel], fmt.Sprintf("%s:%d: .%s(%q)", rel, pos.Line, sel.Sel.Name, field))
				return true
			})
		}
	}
	if calls == 0 {
		t.Fatalf("Expected calls of core.Record's getters in %v, found none: is the check blind?", typedPackages)
	}
	var files []string
	total := 0
	for f, hits := range perFile {
		if _, ok := untyped[f]; ok {
			continue
		}
		files = append(files, f)
		total += len(hits)
	}
	sort.Strings(files)
	for _, f := range files {
		t.Errorf("%s names %d record fields by string; use internal/model's typed records:\n\t%s",
			f, len(perFile[f]), strings.Join(perFile[f], "\n\t"))
	}
	if total > 0 {
		t.Errorf("Expected no field read or written by name outside internal/model, got %d in %d files", total, len(files))
	}
	for f := range untyped {
		if _, ok := perFile[f]; !ok {
			t.Errorf("Expected %s on the untyped list to name a field by string; take it off the list", f)
		}
	}
}

// onRecord reports whether sel selects a method of core.Record, directly
// or through a struct that embeds one (a typed proxy).
func onRecord(info *types.Info, sel *ast.SelectorExpr) bool {
	s, ok := info.Selections[sel]
	if !ok || s.Kind() != types.MethodVal {
		return false
	}
	fn, ok := s.Obj().(*types.Func)
	if !ok {
		return false
	}
	recv := fn.Signature().Recv()
	if recv == nil {
		return false
	}
	t := recv.Type()
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := t.(*types.Named)
	return ok && named.Obj().Name() == "Record" && named.Obj().Pkg() != nil &&
		named.Obj().Pkg().Path() == "github.com/pocketbase/pocketbase/core"
}

// fieldName reports the field a call names, when it is a string constant
// that is not one of recordPackages' (those belong to the typed records
// and to generic code that says which field it means).
func fieldName(info *types.Info, arg ast.Expr) (string, bool) {
	tv, ok := info.Types[arg]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	// a typed record's constant, alone or with a modifier (FieldResultEvidence+"+")
	fromModel := false
	ast.Inspect(arg, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok {
			if c, ok := info.Uses[id].(*types.Const); ok && c.Pkg() != nil && slices.Contains(recordPackages, c.Pkg().Path()) {
				fromModel = true
			}
		}
		return !fromModel
	})
	if fromModel {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}
