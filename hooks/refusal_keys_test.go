package hooks_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"ikplan/internal/i18n"
)

// keyArg: the argument at index is a catalogue key. textArg: the argument
// at index is a text a person reads, so it must come translated (from a
// call such as i18nT or Message.In), never as a literal or an error's own
// Error(). A negative index is every argument from -index-1 on.
type sink struct {
	key  bool
	args []int
}

// sinks are the calls whose message a person reads, by the called
// function's name (a method's or a package function's): the hooks'
// refusals and field errors, the web handlers' form errors and message
// pages, the documents' refusals, the REST API's error constructors.
// errors.New and fmt.Errorf are not here: their text is an internal
// error's, logged, never shown (a 500 page says only that something went
// wrong) — and TestHooksWriteNoSentences keeps Swedish out of them.
var sinks = map[string]sink{
	// hooks
	"add":         {key: true, args: []int{1}}, // fieldErrors.add(field, key, …)
	"refuse":      {key: true, args: []int{0}}, // hooks: refuse(key, …); report: refuse(kind, key, …), below
	"M":           {key: true, args: []int{0}},
	"MN":          {key: true, args: []int{0}},
	"i18nT":       {key: true, args: []int{1}},
	"NewError":    {args: []int{1}}, // validation.NewError(code, message)
	"formError":   {args: []int{1}},
	"messagePage": {args: []int{2, 3}},
	// PocketBase's API errors: the message is the answer's
	"NewBadRequestError":      {args: []int{0}},
	"NewForbiddenError":       {args: []int{0}},
	"NewNotFoundError":        {args: []int{0}},
	"NewUnauthorizedError":    {args: []int{0}},
	"NewTooManyRequestsError": {args: []int{0}},
	"NewInternalServerError":  {args: []int{0}},
	"NewApiError":             {args: []int{1}},
	"errNoPlan":               {args: []int{0}},
}

// shownFields are the fields of a composite literal a page shows as they
// are: a form error's or a notice's text.
var shownFields = []string{"Message", "Notice", "Heading"}

// TestRefusalsAreKeys: every message a person reads from the server — a
// hook's refusal and field error, a handler's form error, message page and
// notice, a document's refusal — is named by a catalogue key and
// translated where it is shown: no such call is given a sentence written
// into the code, and no page shows an error's own Error() text (Swedish
// in the English UI). A literal added to any of them fails this test.
func TestRefusalsAreKeys(t *testing.T) {
	t.Parallel()
	var files []string
	for _, glob := range []string{"*.go", "../internal/web/*.go", "../internal/report/*.go", "../internal/carry/*.go"} {
		found, err := filepath.Glob(glob)
		if err != nil || len(found) == 0 {
			t.Fatalf("Expected Go files in %s: %v", glob, err)
		}
		for _, f := range found {
			if !strings.HasSuffix(f, "_test.go") && !strings.HasSuffix(f, "_templ.go") {
				files = append(files, f)
			}
		}
	}
	checked := 0
	for _, name := range files {
		for _, problem := range refusalProblems(t, name, &checked) {
			t.Error(problem)
		}
	}
	t.Logf("%d messages checked", checked)
	if checked < 300 {
		t.Fatalf("Expected to check the messages of hooks, handlers and documents (~400 calls), checked %d", checked)
	}
}

// TestRefusalsAreKeysFindsALiteral: the check finds a sentence given to
// each kind of sink, and a page that shows an error's own text.
func TestRefusalsAreKeysFindsALiteral(t *testing.T) {
	t.Parallel()
	for _, src := range []string{
		`errs.add("period", "Perioden är fel.")`,
		`return refuse("Planen kan inte tas bort.")`,
		`return refuse(ErrNoPlan, "Det finns ingen plan.")`,
		`return formError("done_on", "Fel datum")`,
		`return s.messagePage(e, 400, "Fel", err.Error())`,
		`return router.NewBadRequestError("Bad input", nil)`,
		`return validation.NewError("validation_x", "Välj "+"något.")`,
		`return i18n.M("not.a.key")`,
		`x := templates.FieldError{Field: "f", Message: "Skriv något."}`,
		`return router.NewBadRequestError(fmt.Sprintf("%s saknas", f), nil)`,
	} {
		file := filepath.Join(t.TempDir(), "x.go")
		writeFile(t, file, "package x\nfunc f() {\n"+src+"\n}\n")
		var n int
		if got := refusalProblems(t, file, &n); len(got) == 0 {
			t.Errorf("Expected %s to be found, found nothing", src)
		}
	}
	file := filepath.Join(t.TempDir(), "x.go")
	writeFile(t, file, "package x\nfunc f() {\n"+`errs.add("period", "ikplan.result.period_taken", "period", s)
return s.messagePage(e, 400, i18nT(e, "error.bad_request"), report.RefusalText(err, lang(e)))
return router.NewBadRequestError("", err)
return refuse(ErrNoPlan, "report.refused.no_plan", "year", 2024)`+"\n}\n")
	var n int
	if got := refusalProblems(t, file, &n); len(got) != 0 || n != 6 {
		t.Errorf("Expected 6 calls checked and no problem, got %d and %v", n, got)
	}
}

// refusalProblems are the messages of file's sinks that are not keys or
// translated texts; checked counts the sinks' arguments looked at.
func refusalProblems(t testing.TB, name string, checked *int) []string {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, name, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	report := strings.Contains(filepath.ToSlash(name), "internal/report/")
	var out []string
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CompositeLit:
			for _, el := range n.Elts {
				kv, ok := el.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				if k, isIdent := kv.Key.(*ast.Ident); isIdent && contains(shownFields, k.Name) {
					*checked++
					if p := shownText(fset, kv.Value); p != "" {
						out = append(out, fmt.Sprintf("%s: %s is shown as it is: %s", fset.Position(kv.Pos()), k.Name, p))
					}
				}
			}
		case *ast.CallExpr:
			fn := calledName(n.Fun)
			s, ok := sinks[fn]
			if !ok {
				return true
			}
			args := s.args
			if fn == "refuse" && (report || len(n.Args) > 1 && !isStringLit(n.Args[0])) {
				args = []int{1} // the documents' refuse(kind, key, …)
			}
			for _, i := range args {
				if i >= len(n.Args) {
					continue
				}
				*checked++
				arg := n.Args[i]
				if s.key {
					if lit, ok := arg.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						v, _ := strconv.Unquote(lit.Value)
						if !i18n.Has(v) && len(i18n.Keys(v)) == 0 {
							out = append(out, fmt.Sprintf("%s: %s is given %q, not a catalogue key", fset.Position(lit.Pos()), fn, v))
						}
					}
					continue
				}
				if p := shownText(fset, arg); p != "" {
					out = append(out, fmt.Sprintf("%s: %s is given %s", fset.Position(arg.Pos()), fn, p))
				}
			}
		}
		return true
	})
	return out
}

// shownText says what is wrong with a text a person reads ("" when it
// is made by a call that translates): a string literal with a letter, in
// it or concatenated, a literal formatted by fmt.Sprintf, or an error's
// own Error().
func shownText(fset *token.FileSet, e ast.Expr) string {
	switch e := e.(type) {
	case *ast.BasicLit:
		v, _ := strconv.Unquote(e.Value)
		if e.Kind == token.STRING && strings.IndexFunc(v, unicode.IsLetter) >= 0 {
			return fmt.Sprintf("the literal %q", v)
		}
	case *ast.BinaryExpr:
		if p := shownText(fset, e.X); p != "" {
			return p
		}
		return shownText(fset, e.Y)
	case *ast.ParenExpr:
		return shownText(fset, e.X)
	case *ast.CallExpr:
		switch calledName(e.Fun) {
		case "Error":
			return "an error's own text (Error()), not translated"
		case "Sprintf", "Sprint":
			for _, a := range e.Args {
				if p := shownText(fset, a); p != "" {
					return p
				}
			}
		}
	}
	return ""
}

// calledName is the name of the function or method a call calls.
func calledName(fun ast.Expr) string {
	switch f := fun.(type) {
	case *ast.Ident:
		return f.Name
	case *ast.SelectorExpr:
		return f.Sel.Name
	case *ast.IndexExpr:
		return calledName(f.X)
	}
	return ""
}

func isStringLit(e ast.Expr) bool {
	lit, ok := e.(*ast.BasicLit)
	return ok && lit.Kind == token.STRING
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func writeFile(t testing.TB, name, text string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}
