package sample

import (
	"strings"

	"ikplan/internal/i18n"
)

// MaxAmountDigits is how many digits an amount may have before its
// decimal separator: up to 999 999 999 999 kronor.
const MaxAmountDigits = 12

// ParseAmount reads an amount of money in kronor, as a Swedish or a plain
// list writes it ("12 345,50", "12345.50", "12345"), into öre: digits,
// optionally grouped by spaces (also no-break and narrow no-break spaces),
// then optionally a decimal comma or point and one or two decimals. A
// blank, negative or otherwise written amount is refused with the
// catalogue's message (no row or column: the caller adds them).
func ParseAmount(s string) (int64, *i18n.Message) {
	t := strings.TrimSpace(s)
	fail := func(key string) (int64, *i18n.Message) {
		m := i18n.M(key, "value", clip(s), "max", MaxAmountDigits)
		return 0, &m
	}
	if t == "" {
		return fail("sample.amount.missing")
	}
	if strings.HasPrefix(t, "-") || strings.HasPrefix(t, "−") {
		return fail("sample.amount.negative")
	}
	whole, frac, hasFrac := strings.Cut(t, ",")
	if !hasFrac {
		whole, frac, hasFrac = strings.Cut(t, ".")
	}
	var ore int64
	digits := 0
	lastSpace := false
	for i, r := range whole {
		switch {
		case r >= '0' && r <= '9':
			ore = ore*10 + int64(r-'0')
			digits++
			lastSpace = false
		case (r == ' ' || r == '\u00a0' || r == '\u202f') && i > 0 && !lastSpace:
			lastSpace = true
		default:
			return fail("sample.amount.format")
		}
		if digits > MaxAmountDigits {
			return fail("sample.amount.large")
		}
	}
	if digits == 0 || lastSpace {
		return fail("sample.amount.format")
	}
	ore *= 100
	if hasFrac {
		if len(frac) == 0 || len(frac) > 2 {
			return fail("sample.amount.format")
		}
		for i, r := range frac {
			if r < '0' || r > '9' {
				return fail("sample.amount.format")
			}
			if i == 0 {
				ore += int64(r-'0') * 10
			} else {
				ore += int64(r - '0')
			}
		}
	}
	return ore, nil
}
