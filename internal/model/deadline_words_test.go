package model_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"ikplan/internal/model"
)

// TestParseDeadline: what people write for "När ska åtgärden vara klar?"
// reads as the last day of the period it names and its precision.
func TestParseDeadline(t *testing.T) {
	for _, c := range []struct {
		in, day, precision string
	}{
		{"2025-09-30", "2025-09-30", "day"},
		{" 2025-9-3 ", "2025-09-03", "day"},
		{"30 september 2025", "2025-09-30", "day"},
		{"1 Sep 2025", "2025-09-01", "day"},
		{"29 februari 2028", "2028-02-29", "day"},
		{"mars 2026", "2026-03-31", "month"},
		{"Mars 2026", "2026-03-31", "month"},
		{"March 2026", "2026-03-31", "month"},
		{"mar 2026", "2026-03-31", "month"},
		{"februari 2028", "2028-02-29", "month"},
		{"2026-03", "2026-03-31", "month"},
		{"okt 2025", "2025-10-31", "month"},
		{"sept 2025", "2025-09-30", "month"},
		{"senast juni 2025", "2025-06-30", "month"},
		{"kvartal 3 2025", "2025-09-30", "quarter"},
		{"Kvartal 3 2025", "2025-09-30", "quarter"},
		{"KVARTAL 1 2025", "2025-03-31", "quarter"},
		{"kv 3 2025", "2025-09-30", "quarter"},
		{"kv. 3 2025", "2025-09-30", "quarter"},
		{"kv3 2025", "2025-09-30", "quarter"},
		{"Q3 2025", "2025-09-30", "quarter"},
		{"q4 2025", "2025-12-31", "quarter"},
		{"Q3-2025", "2025-09-30", "quarter"},
		{"2025 Q3", "2025-09-30", "quarter"},
		{"2025Q2", "2025-06-30", "quarter"},
		{"3:e kvartalet 2025", "2025-09-30", "quarter"},
		{"3e kvartalet 2025", "2025-09-30", "quarter"},
		{"tredje kvartalet 2025", "2025-09-30", "quarter"},
		{"fjärde kvartalet 2025", "2025-12-31", "quarter"},
		{"quarter 3 2025", "2025-09-30", "quarter"},
		{"3rd quarter 2025", "2025-09-30", "quarter"},
		{"tertial 2 2026", "2026-08-31", "tertial"},
		{"T2 2026", "2026-08-31", "tertial"},
		{"andra tertialet 2026", "2026-08-31", "tertial"},
		{"2:a tertialet 2026", "2026-08-31", "tertial"},
		{"tertial 3 2026", "2026-12-31", "tertial"},
		{"första halvåret 2025", "2025-06-30", "half"},
		{"Första halvåret 2025", "2025-06-30", "half"},
		{"forsta halvaret 2025", "2025-06-30", "half"},
		{"andra halvåret 2025", "2025-12-31", "half"},
		{"halvår 2 2025", "2025-12-31", "half"},
		{"H1 2025", "2025-06-30", "half"},
		{"h2 2025", "2025-12-31", "half"},
		{"first half 2025", "2025-06-30", "half"},
		{"second half 2025", "2025-12-31", "half"},
		{"under 2025", "2025-12-31", "year"},
		{"Under 2025", "2025-12-31", "year"},
		{"2025", "2025-12-31", "year"},
		{"år 2025", "2025-12-31", "year"},
		{"hela 2025", "2025-12-31", "year"},
		{"during 2025", "2025-12-31", "year"},
		{"in 2025", "2025-12-31", "year"},
	} {
		d, p, err := model.ParseDeadline(c.in)
		if err != nil || d.Format(time.DateOnly) != c.day || p != c.precision {
			t.Errorf("ParseDeadline(%q): expected %s %s, got %s %s (%v)", c.in, c.day, c.precision, d.Format(time.DateOnly), p, err)
		}
	}
}

// TestParseDeadlineRefuses: what names no single period is refused, never
// guessed.
func TestParseDeadlineRefuses(t *testing.T) {
	for _, in := range []string{
		"", "  ", "snart", "kvartal 3", "kvartal 5 2025", "kvartal 0 2025", "Q3", "tertial 4 2025", "H3 2025",
		"halvåret 2025", "3 2025", "2025 2026", "mars", "31 april 2025", "2025-13-01", "2025-02-30",
		"2025-00", "2025-13", "25-09-30", "Q3 25", "kvartal 3 1899", "under 3000", "kvartal tertial 2 2025",
		"mars april 2025", "vecka 12 2025", "30/9 2025", "٢٠٢٥", "kvartal ٣ 2025", "2025-09-30T00:00", "20250",
		"q3 2025 maj", "första andra halvåret 2025", "e 2025",
	} {
		if d, p, err := model.ParseDeadline(in); !errors.Is(err, model.ErrDeadlineWords) {
			t.Errorf("ParseDeadline(%q): expected it refused, got %v %s (%v)", in, d, p, err)
		}
	}
}

// TestParseDeadlineBounds: the first and last of each part a deadline is
// read from (year 1900–2999, month 1–12, day 1–31, text up to 100
// characters) read; one step outside them is refused.
func TestParseDeadlineBounds(t *testing.T) {
	long := strings.Repeat("senast ", 13) + "kv 3 2025"    // 100 characters
	longer := strings.Repeat("senast ", 13) + "kv  3 2025" // 101
	for in, want := range map[string]string{
		"1900-01-01": "1900-01-01", "2999-12-31": "2999-12-31", "2025-1-1": "2025-01-01",
		"1900-01": "1900-01-31", "2999-12": "2999-12-31", "2025-01": "2025-01-31", "2025-12": "2025-12-31",
		"1 januari 1900": "1900-01-01", "31 december 2999": "2999-12-31", "31 januari 2025": "2025-01-31",
		"under 1900": "1900-12-31", "under 2999": "2999-12-31", "kvartal 4 2999": "2999-12-31",
		long: "2025-09-30", "kv  3 2025": "2025-09-30",
		"1899-12-31": "", "3000-01-01": "", "1899-12": "", "3000-01": "", "2025-00-10": "", "2025-13-10": "",
		"2025-01-00": "", "2025-01-32": "", "32 januari 2025": "", "0 januari 2025": "", "31 december 1899": "",
		"1 januari 3000": "", "under 1899": "", "under 3000": "", longer: "",
	} {
		d, _, err := model.ParseDeadline(in)
		got := ""
		if err == nil {
			got = d.Format(time.DateOnly)
		}
		if got != want {
			t.Errorf("ParseDeadline(%q): expected %q, got %q (%v)", in, want, got, err)
		}
	}
	if len(long) != 100 {
		t.Fatalf("Expected the long deadline to be 100 characters, got %d", len(long))
	}
}

// FuzzParseDeadline: any text either is refused or reads as the last day
// of a period of its precision, and a deadline read writes (in Swedish and
// in English) as text that reads back as the same deadline. It never
// panics.
func FuzzParseDeadline(f *testing.F) {
	for _, s := range []string{"kvartal 3 2025", "Q3 2025", "tertial 2 2026", "första halvåret 2025", "andra halvåret 2025",
		"under 2025", "mars 2026", "2025-09-30", "kv 3 2025", "3:e kvartalet 2025", "H1 2025", "quarter 3 2025",
		"March 2026", "2026-03", "30 sep 2025", "٢٠٢٥", "kvartal 3", "Q0 2025", "2025-02-30", "\xff2025"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, p, err := model.ParseDeadline(s)
		if err != nil {
			if !errors.Is(err, model.ErrDeadlineWords) || !d.IsZero() || p != "" {
				t.Fatalf("Expected a refusal with nothing read, got %v %q (%v)", d, p, err)
			}
			return
		}
		if !d.Equal(model.NormalizeDeadline(d, p)) || d.Year() < 1900 || d.Year() > 2999 {
			t.Fatalf("Expected the last day of a period in a four-digit year, got %v %s from %q", d, p, s)
		}
		for _, format := range []func(time.Time, string) string{model.FormatDeadline, model.FormatDeadlineEnglish} {
			text := format(d, p)
			again, ap, err := model.ParseDeadline(text)
			if err != nil || !again.Equal(d) || ap != p {
				t.Fatalf("Expected %q (from %q) to read back as %v %s, got %v %s (%v)", text, s, d, p, again, ap, err)
			}
		}
	})
}

// TestFormatDeadlineEnglish writes each precision in English.
func TestFormatDeadlineEnglish(t *testing.T) {
	d := time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC)
	for p, want := range map[string]string{"day": "2025-09-30", "month": "September 2025", "quarter": "quarter 3 2025",
		"tertial": "tertial 3 2025", "half": "second half 2025", "year": "during 2025"} {
		if got := model.FormatDeadlineEnglish(d, p); got != want {
			t.Errorf("FormatDeadlineEnglish(%v, %s): expected %q, got %q", d, p, want, got)
		}
	}
}
