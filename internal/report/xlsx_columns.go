package report

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// column is one column of the plan sheet: its name (its header is the
// catalogue's xlsx.col.<name>, in the sheet's language), the control field
// it holds and its width in Excel's character units.
type column struct {
	Name  string
	Field string // the control's field; "" for Riskvärde, which is computed
	Width float64
}

// planColumns are the plan document's columns, in the sheet's order. The
// import reads them by header, in any order and in either language, and
// by the headers sheets had before (xlsx.col_old.<name>: Enhet, Förvaltning).
var planColumns = []column{
	{"section", "section", 24},
	{"number", "number", 6},
	{"title", "title", 40},
	{"process", "process", 22},
	{"risk", "risk", 30},
	{"risk_value", "", 10},
	{"description", "description", 50},
	{"method", "method", 16},
	{"frequency", "frequency", 14},
	{"owner", "owner", 30},
	{"report_to", "report_to", 20},
	{"due", "due", 12},
	{"legal_refs", "legal_refs", 18},
	{"confidential", "confidential", 12},
	{"target_metric", "target_metric", 24},
	{"target_operator", "target_operator", 12},
	{"target_value", "target_value", 12},
	{"target_unit", "target_unit", 14},
	{"unit", "unit", 30},
}

// Header is the column's header in lang.
func (c column) Header(lang string) string { return i18n.T(lang, "xlsx.col."+c.Name) }

// headerWords are the headers the import reads as the column: its header
// in each language and the one older sheets had, if it had another.
func (c column) headerWords() []string {
	words := []string{c.Header(i18n.Sv), c.Header(i18n.En)}
	if key := "xlsx.col_old." + c.Name; i18n.Has(key) {
		words = append(words, i18n.T(i18n.Sv, key))
	}
	return words
}

// PlanHeaders are the headers of the plan sheet, in the export's order, in
// Swedish.
func PlanHeaders() []string { return PlanHeadersIn(i18n.Sv) }

// PlanHeadersIn are the headers of the plan sheet in lang.
func PlanHeadersIn(lang string) []string {
	out := make([]string, len(planColumns))
	for i, c := range planColumns {
		out[i] = c.Header(lang)
	}
	return out
}

// headerList is a list of columns' headers as a message's parameter: in
// the reader's language.
type headerList []int

func (l headerList) In(lang string) string {
	texts := make([]string, len(l))
	for i, j := range l {
		texts[i] = planColumns[j].Header(lang)
	}
	return strings.Join(texts, ", ")
}

// columnOf is the index in planColumns of the column holding a control
// field, or -1.
func columnOf(field string) int {
	if field == "" {
		return -1
	}
	for i, c := range planColumns {
		if c.Field == field {
			return i
		}
	}
	return -1
}

// methodText and frequencyText are a control's method and frequency as
// the sheet writes them in lang: the catalogue's texts.
func methodText(lang, code string) string {
	if code == "" {
		return ""
	}
	return i18n.T(lang, "method."+code)
}

func frequencyText(lang, code string) string {
	if code == "" {
		return ""
	}
	return i18n.T(lang, "frequency."+code)
}

// confidentialText is Sekretess as the sheet writes it in lang: Ja or Nej.
func confidentialText(lang string, confidential bool) string {
	if confidential {
		return i18n.T(lang, "xlsx.yes")
	}
	return i18n.T(lang, "xlsx.no")
}

// operatorSigns are the target operators as the sheet writes them.
var operatorSigns = map[string]string{"<": "<", "<=": "≤", "=": "=", ">=": "≥", ">": ">"}

// operatorOrder is the order a sheet's list offers the operators in.
var operatorOrder = []string{"<", "<=", "=", ">=", ">"}

// fold is a sheet value as the import compares it: trimmed, single-spaced,
// lower case.
func fold(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// lookupCode reads a text in either language, or a stored code, back to
// the code.
func lookupCode(v string, codes []string, text func(lang, code string) string) (string, bool) {
	f := fold(v)
	for _, c := range codes {
		if f == fold(text(i18n.Sv, c)) || f == fold(text(i18n.En, c)) || f == c {
			return c, true
		}
	}
	return "", false
}

// texts are codes' texts in lang, in the codes' order.
func texts(lang string, codes []string, text func(lang, code string) string) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = text(lang, c)
	}
	return out
}

// allowedList lists codes' texts for a message, in the reader's language
// ("Stickprov, Genomgång …"; the import takes either language's).
type allowedList struct {
	codes []string
	text  func(lang, code string) string
}

func (a allowedList) In(lang string) string {
	return strings.Join(texts(lang, a.codes, a.text), ", ")
}

func parseMethod(v string) (string, i18n.Message) {
	if strings.TrimSpace(v) == "" {
		return "", i18n.Message{}
	}
	if c, ok := lookupCode(v, model.Methods, methodText); ok {
		return c, i18n.Message{}
	}
	return "", i18n.M("import.method", "value", quote(v), "allowed", allowedList{model.Methods, methodText})
}

func parseFrequency(v string) (string, i18n.Message) {
	if strings.TrimSpace(v) == "" {
		return "", i18n.Message{}
	}
	if c, ok := lookupCode(v, model.Frequencies, frequencyText); ok {
		return c, i18n.Message{}
	}
	return "", i18n.M("import.frequency", "value", quote(v), "allowed", allowedList{model.Frequencies, frequencyText})
}

func parseOperator(v string) (string, i18n.Message) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", i18n.Message{}
	}
	for code, sign := range operatorSigns {
		if v == sign || v == code {
			return code, i18n.Message{}
		}
	}
	return "", i18n.M("import.operator", "value", quote(v))
}

// parseNumber reads the control's number: a whole number 1–9999.
func parseNumber(v string) (int, i18n.Message) {
	if strings.TrimSpace(v) == "" {
		return 0, i18n.M("import.number_missing")
	}
	f, err := model.ParseDecimal(v)
	if err != nil || f < 1 || f > 9999 || f != math.Trunc(f) {
		return 0, i18n.M("import.number_bad", "value", quote(v))
	}
	return int(f), i18n.Message{}
}

// parseConfidential reads Sekretess: Ja or Nej, Yes or No (empty is Nej).
func parseConfidential(v string) (bool, i18n.Message) {
	switch fold(v) {
	case "ja", "x", "sant", "true", "1", "yes":
		return true, i18n.Message{}
	case "", "nej", "falskt", "false", "0", "no":
		return false, i18n.Message{}
	}
	return false, i18n.M("import.confidential", "value", quote(v))
}

// parseDue reads Klar senast: a date cell (Excel's day number), text
// ÅÅÅÅ-MM-DD, or a period in words the way an action's deadline is written
// ("kvartal 3 2025", "Q3 2025", "mars 2025", "under 2025" — a year alone is
// a year, not Excel's day 2025), due on its last day.
func parseDue(v string, date1904 bool) (time.Time, i18n.Message) {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}, i18n.Message{}
	}
	if len(v) >= 10 {
		if t, err := time.Parse(time.DateOnly, v[:10]); err == nil && (len(v) == 10 || v[10] == 'T' || v[10] == ' ') {
			return t, i18n.Message{}
		}
	}
	// as people write it: "kvartal 3 2025" is due on the last day of the
	// quarter, as a deadline given in words in the action form
	if d, _, err := model.ParseDeadline(v); err == nil {
		return d, i18n.Message{}
	}
	if f, err := model.ParseDecimal(v); err == nil && f >= 1 && f < 2958466 { // up to 9999-12-31
		if t, err := excelize.ExcelDateToTime(f, date1904); err == nil {
			return model.DateOnly(t), i18n.Message{}
		}
	}
	return time.Time{}, i18n.M("import.due", "value", quote(v))
}

// canonicalTarget stores a target value the way the hooks do ("8,1" → "8.1");
// anything that is not a number is left for the hooks to refuse.
func canonicalTarget(v string) string {
	v = strings.TrimSpace(v)
	if f, err := model.ParseDecimal(v); err == nil {
		return model.CanonicalDecimal(f)
	}
	return v
}

// quote is a value of the sheet as a message quotes it: clipped, in
// quotation marks, its control characters escaped ("Slumpvis").
func quote(v string) string { return strconv.Quote(clip(v)) }

// clip shortens a value quoted in a message.
func clip(v string) string {
	v = strings.TrimSpace(v)
	if r := []rune(v); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return v
}
