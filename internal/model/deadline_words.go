package model

import (
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// ErrDeadlineWords is the refusal of a deadline that cannot be read.
var ErrDeadlineWords = errors.New("the deadline cannot be read")

// Deadline years: a deadline is written with a four-digit year in this
// range, so that it always writes back the way it reads.
const (
	deadlineMinYear = 1900
	deadlineMaxYear = 2999
)

// ParseDeadline reads a deadline the way people write it, in Swedish or
// English, and gives the last day of the period it names with its
// precision (the form the actions collection stores):
//
//	"2025-09-30", "30 september 2025"           → day
//	"mars 2026", "March 2026", "2026-03"        → month
//	"kvartal 3 2025", "kv 3 2025", "Q3 2025",
//	"3:e kvartalet 2025", "quarter 3 2025"      → quarter
//	"tertial 2 2026", "T2 2026", "andra tertialet 2026" → tertial
//	"första halvåret 2025", "H1 2025", "first half 2025" → half
//	"under 2025", "2025", "year 2025"           → year
//
// Case, spaces and punctuation between the words do not matter, nor do
// å, ä and ö written without their dots and ring. It is a pure function:
// what it cannot read it refuses with ErrDeadlineWords, never guessing.
// Every deadline FormatDeadline or FormatDeadlineEnglish writes reads
// back as itself.
func ParseDeadline(s string) (time.Time, string, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	if s == "" || len(s) > 100 {
		return time.Time{}, "", ErrDeadlineWords
	}
	if d, ok := isoDay(s); ok {
		return d, PrecisionDay, nil
	}
	if d, ok := isoMonth(s); ok {
		return d, PrecisionMonth, nil
	}
	tokens, ok := deadlineTokens(s)
	if !ok {
		return time.Time{}, "", ErrDeadlineWords
	}
	return wordsDeadline(tokens)
}

// isoDay reads "2025-09-30" (also "2025-9-30").
func isoDay(s string) (time.Time, bool) {
	parts := strings.Split(s, "-")
	if len(parts) != 3 || len(parts[0]) != 4 || len(parts[1]) > 2 || len(parts[2]) > 2 {
		return time.Time{}, false
	}
	y, ok1 := digits(parts[0])
	m, ok2 := digits(parts[1])
	d, ok3 := digits(parts[2])
	if !ok1 || !ok2 || !ok3 {
		return time.Time{}, false
	}
	return day(y, m, d)
}

// isoMonth reads "2026-03".
func isoMonth(s string) (time.Time, bool) {
	y, m, ok := strings.Cut(s, "-")
	if !ok || len(y) != 4 || len(m) != 2 {
		return time.Time{}, false
	}
	year, ok1 := digits(y)
	month, ok2 := digits(m)
	if !ok1 || !ok2 || month < 1 || month > 12 || year < deadlineMinYear || year > deadlineMaxYear {
		return time.Time{}, false
	}
	return NormalizeDeadline(time.Date(year, time.Month(month), 1, 0, 0, 0, 0, time.UTC), PrecisionMonth), true
}

// day is the date of year, month and day, when there is one.
func day(y, m, d int) (time.Time, bool) {
	if y < deadlineMinYear || y > deadlineMaxYear || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 31 april
		return time.Time{}, false
	}
	return t, true
}

// digits reads a number written in ASCII digits only.
func digits(s string) (int, bool) {
	if s == "" || len(s) > 4 {
		return 0, false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// deadlineTokens cuts text into runs of letters and runs of ASCII digits,
// dropping everything between them: "3:e kv.-2025" → 3 e kv 2025. Letters
// lose their dots and ring (å, ä → a; ö → o). Digits other than ASCII
// ones are not read (false).
func deadlineTokens(s string) ([]string, bool) {
	var out []string
	var cur strings.Builder
	kind := 0 // 1 letters, 2 digits
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
		kind = 0
	}
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			if kind != 2 {
				flush()
			}
			kind = 2
			cur.WriteRune(r)
		case unicode.IsDigit(r):
			return nil, false
		case unicode.IsLetter(r):
			if kind != 1 {
				flush()
			}
			kind = 1
			switch r {
			case 'å', 'ä':
				r = 'a'
			case 'ö':
				r = 'o'
			}
			cur.WriteRune(r)
		default:
			flush()
		}
	}
	flush()
	return out, true
}

// deadline units in words, with their precision.
var deadlineUnits = map[string]string{
	"kvartal": PrecisionQuarter, "kvartalet": PrecisionQuarter, "kv": PrecisionQuarter, "q": PrecisionQuarter,
	"quarter": PrecisionQuarter,
	"tertial": PrecisionTertial, "tertialet": PrecisionTertial, "t": PrecisionTertial,
	"halvar": PrecisionHalf, "halvaret": PrecisionHalf, "h": PrecisionHalf, "half": PrecisionHalf,
}

// deadlineOrdinals are numbers written as words.
var deadlineOrdinals = map[string]int{
	"forsta": 1, "andra": 2, "tredje": 3, "fjarde": 4,
	"first": 1, "second": 2, "third": 3, "fourth": 4,
}

// deadlineFiller are words that say nothing about the period.
var deadlineFiller = map[string]bool{
	"under": true, "senast": true, "i": true, "ar": true, "aret": true, "hela": true, "till": true, "slutet": true,
	"av": true, "utgangen": true, "by": true, "in": true, "during": true, "the": true, "of": true, "end": true,
	"year": true, "before": true,
}

// ordinal endings after a number: "3:e", "2:a", "1st", "2nd", "3rd", "4th".
var deadlineEndings = map[string]bool{"e": true, "a": true, "st": true, "nd": true, "rd": true, "th": true}

// wordsDeadline reads the tokens of a deadline in words.
func wordsDeadline(tokens []string) (time.Time, string, error) {
	year, month, n := 0, 0, 0
	unit := ""
	prevNumber := false
	for _, tok := range tokens {
		wasNumber := prevNumber
		prevNumber = false
		if v, ok := digits(tok); ok {
			switch {
			case len(tok) == 4 && year == 0:
				year = v
			case len(tok) <= 2 && n == 0 && v > 0:
				n = v
				prevNumber = true
			default:
				return time.Time{}, "", ErrDeadlineWords
			}
			continue
		}
		if wasNumber && deadlineEndings[tok] {
			continue
		}
		if deadlineFiller[tok] {
			continue
		}
		if v, ok := deadlineOrdinals[tok]; ok && n == 0 {
			n = v
			continue
		}
		if p, ok := deadlineUnits[tok]; ok && unit == "" && month == 0 {
			unit = p
			continue
		}
		if m := monthOf(tok); m > 0 && unit == "" && month == 0 {
			month = m
			continue
		}
		return time.Time{}, "", ErrDeadlineWords
	}
	if year < deadlineMinYear || year > deadlineMaxYear {
		return time.Time{}, "", ErrDeadlineWords
	}
	switch {
	case month > 0 && n > 0:
		if d, ok := day(year, month, n); ok {
			return d, PrecisionDay, nil
		}
	case month > 0:
		return NormalizeDeadline(time.Date(year, time.Month(month), 1, 0, 0, 0, 0, time.UTC), PrecisionMonth), PrecisionMonth, nil
	case unit != "":
		size := monthsPer[unit]
		if n >= 1 && n <= 12/size {
			return NormalizeDeadline(time.Date(year, time.Month((n-1)*size+1), 1, 0, 0, 0, 0, time.UTC), unit), unit, nil
		}
	case n == 0:
		return time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC), PrecisionYear, nil
	}
	return time.Time{}, "", ErrDeadlineWords
}

var monthsEn = [...]string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

// monthOf is the month (1–12) a word names, in Swedish or English, in full
// or as its first three letters ("sept" too), or 0.
func monthOf(w string) int {
	for i := range monthsSv {
		sv, en := monthsSv[i], monthsEn[i]
		if w == sv || w == en || (len(w) == 3 && (strings.HasPrefix(sv, w) || strings.HasPrefix(en, w))) {
			return i + 1
		}
	}
	if w == "sept" {
		return 9
	}
	return 0
}

// FormatDeadlineEnglish writes a deadline the way FormatDeadline does, in
// English: "2025-03-31", "June 2025", "quarter 2 2025", "tertial 1 2025",
// "first half 2025" or "during 2025".
func FormatDeadlineEnglish(d time.Time, precision string) string {
	return formatDeadline(d, precision, deadlineWordsEn)
}

var deadlineWordsEn = deadlineWords{monthNamesEn(), "quarter %d %d", "tertial %d %d", "first half %d", "second half %d", "during %d"}

// monthNamesEn are the months' English names, as time writes them.
func monthNamesEn() (m [12]string) {
	for i := range m {
		m[i] = time.Month(i + 1).String()
	}
	return m
}
