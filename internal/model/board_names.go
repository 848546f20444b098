package model

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
)

// NameInTextField is the boards' field for how the board's name reads
// inside a sentence: "kommunstyrelsen", but "Västra Mälardalens
// överförmyndarnämnd", whose place name keeps its capitals.
const NameInTextField = "name_in_text"

// DefaultNameInText is how a name reads inside a sentence when the board
// says nothing else: its first letter lower-cased ("Kommunstyrelsen" →
// "kommunstyrelsen"), unless it starts with an abbreviation ("KS",
// "IT-nämnden"). A name that starts with a place needs the board's own
// name_in_text.
func DefaultNameInText(name string) string {
	name = strings.TrimSpace(name)
	r, n := utf8.DecodeRuneInString(name)
	if n == 0 || !unicode.IsUpper(r) {
		return name
	}
	if next, _ := utf8.DecodeRuneInString(name[n:]); unicode.IsUpper(next) {
		return name
	}
	return string(unicode.ToLower(r)) + name[n:]
}

// BoardInText is how the board's name reads inside a sentence: its
// name_in_text, or DefaultNameInText of its name when that is empty.
func BoardInText(board *core.Record) string {
	if board == nil {
		return ""
	}
	if s := strings.TrimSpace(board.GetString(NameInTextField)); !Blank(s) {
		return s
	}
	return DefaultNameInText(board.GetString("name"))
}

// Genitive is a name as it reads inside a sentence put in the genitive:
// "kommunstyrelsen" → "kommunstyrelsens", "Västra Mälardalens
// överförmyndarnämnd" → "Västra Mälardalens överförmyndarnämnds". A name
// that ends in s, x or z takes no extra s ("Kultur och fritids"). The case
// of its letters is the name's own.
func Genitive(inText string) string {
	inText = strings.TrimSpace(inText)
	if inText == "" {
		return ""
	}
	if !strings.ContainsAny(strings.ToLower(inText[len(inText)-1:]), "sxz") {
		inText += "s"
	}
	return inText
}

// BoardGenitive is the board's name inside a sentence in the genitive:
// "kommunstyrelsens internkontrollplan".
func BoardGenitive(board *core.Record) string { return Genitive(BoardInText(board)) }

// UpperFirst capitalises the first letter, for a name that starts a
// sentence or a title: "Kommunstyrelsens internkontrollplan 2024".
func UpperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// BoardInTextIn is how the board's name reads inside a sentence in the
// language: in Swedish its name for running text (BoardInText), in English
// its name as registered — a Swedish proper noun, capitalised in English
// ("transferred to Kommunstyrelsen").
func BoardInTextIn(lang string, board *core.Record) string {
	if lang == i18n.En {
		return strings.TrimSpace(board.GetString("name"))
	}
	return BoardInText(board)
}

// BoardGenitiveIn is the board's name in the genitive inside a sentence in
// the language: "kommunstyrelsens" in Swedish, "Kommunstyrelsen's" in
// English.
func BoardGenitiveIn(lang string, board *core.Record) string {
	if lang == i18n.En {
		return strings.TrimSpace(board.GetString("name")) + "'s"
	}
	return BoardGenitive(board)
}
