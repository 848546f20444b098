package hooks

import (
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/tools/types"
)

// TestPlainAsJSON checks that plain turns each kind of field value into
// exactly what a trip through JSON makes of it, so the history's changes
// are the same whichever way a value takes.
func TestPlainAsJSON(t *testing.T) {
	t.Parallel()
	when, _ := types.ParseDateTime(time.Date(2025, 3, 15, 9, 30, 0, 0, time.UTC))
	values := []any{
		nil, true, false, "", "text", "åäö – ≤ \t\n<&>", "broken \xff bytes",
		0.0, math.Copysign(0, -1), 8.1, 1e21, 12, math.NaN(), math.Inf(1),
		types.DateTime{}, when,
		[]string(nil), []string{}, []string{"a", "b"}, []string{"ok", "\xfe"},
		types.JSONRaw(`{"a":[1,2]}`), map[string]any{"x": 1},
	}
	for _, v := range values {
		if got, want := plain(v), viaJSON(v); !reflect.DeepEqual(got, want) {
			t.Errorf("Expected %#v as %#v, got %#v", v, want, got)
		}
	}
}
