package model_test

import (
	"math"
	"strings"
	"testing"
	"time"

	"ikplan/internal/model"
)

// FuzzParsePeriod: any text either is refused or reads as a period within
// its year that writes back as exactly that text (for years from 1000, as
// a year is written without leading zeros), and reads back as itself.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"2024", "H1 2024", "T3 2024", "Q4 2024", "2024-12", "Q0 2024", "H3 2024", "2024-13", "2024-00", "0000", "Q1  2024", "q1 2024", " 2024", "٢٠٢٤"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := model.ParsePeriod(s)
		if err != nil || p.Year < 1000 {
			return // a year is written without leading zeros: "0999" reads back as "999"
		}
		if got := p.String(); got != s {
			t.Fatalf("Expected %q to write back as itself, got %q (%+v)", s, got, p)
		}
		again, err := model.ParsePeriod(p.String())
		if err != nil || again != p {
			t.Fatalf("Expected %+v to read back as itself, got %+v (%v)", p, again, err)
		}
		max := map[string]int{model.PeriodYear: 0, model.PeriodHalf: 2, model.PeriodTertial: 3, model.PeriodQuarter: 4, model.PeriodMonth: 12}
		if n, ok := max[p.Kind]; !ok || p.N > n || (p.Kind != model.PeriodYear && p.N < 1) {
			t.Fatalf("Expected a period within its year, got %+v from %q", p, s)
		}
	})
}

// FuzzDeadline: a deadline moved to the end of its period stays in that
// period and its year, moving it again changes nothing, and it is written
// the same before and after.
func FuzzDeadline(f *testing.F) {
	for i, p := range model.Precisions {
		f.Add(int64(1735689600+i*86400*40), p)
	}
	f.Add(int64(-62135596800), "quarter")
	f.Add(int64(253402300799), "half")
	f.Add(int64(0), "fortnight")
	f.Fuzz(func(t *testing.T, unix int64, precision string) {
		if unix < -62135596800 || unix > 253402300799 { // years 1 to 9999
			return
		}
		d := time.Unix(unix, 0).UTC()
		if model.DateOnly(d).IsZero() {
			return // no deadline
		}
		n := model.NormalizeDeadline(d, precision)
		if n.Before(model.DateOnly(d)) || n.Year() != d.Year() {
			t.Fatalf("Expected %v (%s) moved forward within its year, got %v", d, precision, n)
		}
		if again := model.NormalizeDeadline(n, precision); !again.Equal(n) {
			t.Fatalf("Expected normalizing %v (%s) twice to change nothing, got %v then %v", d, precision, n, again)
		}
		if a, b := model.FormatDeadline(d, precision), model.FormatDeadline(n, precision); a != b {
			t.Fatalf("Expected %v and its period's end %v written alike (%s), got %q and %q", d, n, precision, a, b)
		}
		if s := model.FormatDeadline(n, precision); s == "" || !strings.Contains(s, itoa(n.Year())) {
			t.Fatalf("Expected the year %d in %q", n.Year(), s)
		}
	})
}

func itoa(n int) string { return time.Date(n, 1, 1, 0, 0, 0, 0, time.UTC).Format("2006") }

// FuzzParseDecimal: any text is a finite number or refused; the number
// written the stored way or the Swedish way reads back as itself.
func FuzzParseDecimal(f *testing.F) {
	for _, s := range []string{"8,1", "8.1", "1 200", "1\u00a0200,5", "-0", "1e308", "1e309", "NaN", "Inf", "0x1p-2", "1,2,3", ",5", "", " ", "٣"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := model.ParseDecimal(s)
		if err != nil {
			return
		}
		if math.IsNaN(v) || math.IsInf(v, 0) {
			t.Fatalf("Expected a finite number from %q, got %v", s, v)
		}
		for _, w := range []string{model.CanonicalDecimal(v), model.FormatDecimalSv(v)} {
			again, err := model.ParseDecimal(w)
			if err != nil || again != v {
				t.Fatalf("Expected %q (from %q) to read back as %v, got %v (%v)", w, s, v, again, err)
			}
		}
	})
}
