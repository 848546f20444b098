package access

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ganigeorgiev/fexpr"
	"github.com/pocketbase/dbx"
)

// FuzzInline: any text written into a filter as {:q} parses back as one
// comparison whose right side is exactly that text: it never ends its
// quotes early, adds an expression or loses a character.
func FuzzInline(f *testing.F) {
	for _, s := range []string{"kontroll", `a"b`, `a\`, `\"`, `" || 1=1 || "`, "x\u00a0y\u200bz", "x\x12", "rad\nrad", `\n`, "{:q}", "{:y}", "'", "x\x00y", "\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		filter := inline("title ~ {:q} && year = {:y}", dbx.Params{"q": q, "y": 2024})
		groups, err := fexpr.Parse(filter)
		if err != nil {
			t.Fatalf("Expected %q to parse, got %v", filter, err)
		}
		if len(groups) != 2 {
			t.Fatalf("Expected two comparisons in %q, got %d", filter, len(groups))
		}
		e, ok := groups[0].Item.(fexpr.Expr)
		if !ok || e.Left.Literal != "title" || e.Op != fexpr.SignLike || e.Right.Type != fexpr.TokenText {
			t.Fatalf("Expected title ~ text, got %+v from %q", groups[0].Item, filter)
		}
		if y, ok := groups[1].Item.(fexpr.Expr); !ok || y.Right.Literal != "2024" {
			t.Fatalf("Expected year = 2024 second, got %+v from %q", groups[1].Item, filter)
		}
		if utf8.ValidString(q) && !containsNUL(q) && e.Right.Literal != q {
			t.Fatalf("Expected the text %q back, got %q from %q", q, e.Right.Literal, filter)
		}
	})
}

func containsNUL(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == 0 {
			return true
		}
	}
	return false
}

// TestInline: each placeholder with a value becomes its literal, in one
// pass (a value's text is never read as a placeholder); the others stay.
func TestInline(t *testing.T) {
	params := dbx.Params{"q": "{:y}", "y": 2024, "a": `x"y`, "e": ""}
	for in, want := range map[string]string{
		"":                            "",
		"title ~ {:q} && year = {:y}": `title ~ "{:y}" && year = 2024`,
		"{:a}{:a}":                    `"x\"y""x\"y"`,
		"{:e} = ''":                   `"" = ''`,
		"{:unknown} = {:y}":           "{:unknown} = 2024",
		"{:y":                         "{:y",
		"{:{:y}}":                     "{:2024}",
		"{{:y}}":                      "{2024}",
		"x {: y}":                     "x {: y}",
		"{:}{:y}":                     "{:}2024",
	} {
		if got := inline(in, params); got != want {
			t.Errorf("inline(%q) = %q, want %q", in, got, want)
		}
		// the same as one strings.Replacer of every placeholder
		var pairs []string
		for k, v := range params {
			pairs = append(pairs, "{:"+k+"}", literal(v))
		}
		if got, ref := inline(in, params), strings.NewReplacer(pairs...).Replace(in); got != ref {
			t.Errorf("inline(%q) = %q, a Replacer gives %q", in, got, ref)
		}
	}
}

// FuzzInlineAsReplacer: inline writes any filter text as a strings.Replacer
// with a pair for each parameter would: placeholders of parameters become
// their literals, any other text (a brace, "{:", an unknown {:name}) stays.
func FuzzInlineAsReplacer(f *testing.F) {
	for _, s := range []string{"a = {:a} && b = {:b}", "{:{:a}}", "{:", "{:a", "}{:a}{", "{:ab} {:a} {:b}", "{:}", "x {:c} y", "{{:a}}"} {
		f.Add(s, "1")
	}
	f.Fuzz(func(t *testing.T, filter, value string) {
		params := dbx.Params{"a": value, "ab": 7, "b": true}
		pairs := []string{}
		for k, v := range params {
			pairs = append(pairs, "{:"+k+"}", literal(v))
		}
		want := strings.NewReplacer(pairs...).Replace(filter)
		if got := inline(filter, params); got != want {
			t.Fatalf("Expected %q written as %q, got %q", filter, want, got)
		}
	})
}
