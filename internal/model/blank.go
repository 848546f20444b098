package model

import "unicode"

// Blank reports whether a text is empty once whitespace and invisible
// characters are removed: spaces of every kind (no-break spaces included),
// control and format characters (zero-width space U+200B, joiners U+200C
// and U+200D, word joiner U+2060, byte order mark U+FEFF, soft hyphen
// U+00AD, bidirectional marks), variation selectors, the other code points
// Unicode says to ignore by default (combining grapheme joiner, Hangul
// fillers) and the blank Braille pattern. A required text that is Blank is
// empty: the hooks refuse it wherever a text is required.
func Blank(s string) bool {
	for _, r := range s {
		if !invisible(r) {
			return false
		}
	}
	return true
}

// invisible reports whether a character shows nothing on its own.
func invisible(r rune) bool {
	return unicode.IsSpace(r) || r == '\u2800' || // Braille pattern blank
		unicode.In(r, unicode.Zs, unicode.Zl, unicode.Zp, unicode.Cc, unicode.Cf,
			unicode.Variation_Selector, unicode.Other_Default_Ignorable_Code_Point)
}
