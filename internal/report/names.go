package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// BoardByName finds a board by its name or short name, in any case
// ("Kommunstyrelsen", "kommunstyrelsen", "KS"). An unknown name is refused
// with a Swedish sentence that lists the boards there are.
func BoardByName(app core.App, nameOrShort string) (*core.Record, error) {
	want := strings.TrimSpace(nameOrShort)
	recs, err := app.FindAllRecords(model.Boards)
	if err != nil {
		return nil, fmt.Errorf("failed to load the boards: %w", err)
	}
	boards := model.AsBoards(recs)
	slices.SortFunc(boards, func(a, b *model.Board) int { return strings.Compare(a.Name(), b.Name()) })
	var byShort []*model.Board
	for _, b := range boards {
		if strings.EqualFold(b.Name(), want) {
			return b.Record, nil // a full name wins over another board's short name
		}
		if s := b.ShortName(); s != "" && strings.EqualFold(s, want) {
			byShort = append(byShort, b)
		}
	}
	if len(byShort) == 1 {
		return byShort[0].Record, nil
	}
	known := make([]string, 0, len(boards))
	for _, b := range boards {
		n := b.Name()
		if s := b.ShortName(); s != "" {
			n += " (" + s + ")"
		}
		known = append(known, n)
	}
	if len(byShort) > 1 {
		return nil, refuse(ErrUnknownBoard, "report.refused.short_name_shared", "name", strconv.Quote(want), "known", strings.Join(known, ", "))
	}
	if len(known) == 0 {
		return nil, refuse(ErrUnknownBoard, "report.refused.no_boards", "name", strconv.Quote(want))
	}
	return nil, refuse(ErrUnknownBoard, "report.refused.unknown_board", "name", strconv.Quote(want), "known", strings.Join(known, ", "))
}

// Genitive is a name in the genitive as it stands mid-sentence by the
// default rule (model.DefaultNameInText): "Kommunstyrelsen" →
// "kommunstyrelsens". A name that ends in s, x or z takes no extra s; an
// abbreviation such as "IT-nämnden" keeps its capitals. For a board, use
// BoardGenitive: it reads the board's own name for running text, which a
// name that starts with a place needs.
func Genitive(name string) string {
	return model.Genitive(model.DefaultNameInText(name))
}

// BoardGenitive is the board's name in the genitive as it stands
// mid-sentence, from its name for running text: "kommunstyrelsens",
// "Västra Mälardalens överförmyndarnämnds".
func BoardGenitive(board *core.Record) string { return model.BoardGenitive(board) }

// BoardInText is the board's name as it stands mid-sentence:
// "kommunstyrelsen", "Västra Mälardalens överförmyndarnämnd".
func BoardInText(board *core.Record) string { return model.BoardInText(board) }

// lowerFirst lower-cases the first letter of a word used mid-sentence,
// unless it starts with an abbreviation ("KS", "IT-avdelningen").
func lowerFirst(s string) string { return model.DefaultNameInText(s) }

// upperFirst capitalises the first letter, for a name that starts a sentence.
func upperFirst(s string) string { return model.UpperFirst(s) }

// sentence ends s with a full stop unless it already ends a sentence.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?:") {
		return s
	}
	return s + "."
}

// joinSv joins words the Swedish way: "a", "a och b", "a, b och c".
func joinSv(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " och " + words[len(words)-1]
}

// numberList writes item numbers as the report does: consecutive numbers as
// a range ("1-7"), others as a list ("1, 3 och 5", "1-3 och 6").
func numberList(numbers []int) string {
	ns := slices.Clone(numbers)
	slices.Sort(ns)
	ns = slices.Compact(ns)
	var parts []string
	for i := 0; i < len(ns); {
		j := i
		for j+1 < len(ns) && ns[j+1] == ns[j]+1 {
			j++
		}
		switch {
		case j == i:
			parts = append(parts, strconv.Itoa(ns[i]))
		case j == i+1:
			parts = append(parts, strconv.Itoa(ns[i]), strconv.Itoa(ns[j]))
		default:
			parts = append(parts, strconv.Itoa(ns[i])+"-"+strconv.Itoa(ns[j]))
		}
		i = j + 1
	}
	return joinSv(parts)
}

// containsFold reports whether s contains sub, in any case.
func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

// Slug is a name made safe for a file name: "Kommunstyrelsen" →
// "kommunstyrelsen", "Individ- och arbetsmarknadsnämnden" →
// "individ-och-arbetsmarknadsnamnden".
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'å', 'ä', 'á', 'à':
			r = 'a'
		case 'ö', 'ø', 'ó':
			r = 'o'
		case 'é', 'è', 'ë':
			r = 'e'
		case 'ü':
			r = 'u'
		}
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}
