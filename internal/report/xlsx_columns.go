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

// column is one column of the plan sheet: its header, the control field it
// holds and its width in Excel's character units.
type column struct {
	Header string
	Field  string // the control's field; "" for Riskvärde, which is computed
	Width  float64
}

// planColumns are the plan document's columns, in the sheet's order. The
// import reads them by header, in any order.
var planColumns = []column{
	{"Del", "section", 24},
	{"Nr", "number", 6},
	{"Rubrik", "title", 40},
	{"Process", "process", 22},
	{"Risk", "risk", 30},
	{"Riskvärde", "", 10},
	{"Kontrollmoment", "description", 50},
	{"Metod", "method", 16},
	{"Frekvens", "frequency", 14},
	{"Ansvarig (e-post)", "owner", 30},
	{"Rapporteras till", "report_to", 20},
	{"Klar senast", "due", 12},
	{"Lagrum", "legal_refs", 18},
	{"Sekretess", "confidential", 10},
	{"Mått", "target_metric", 24},
	{"Jämförelse", "target_operator", 11},
	{"Målvärde", "target_value", 10},
	{"Enhet", "target_unit", 10},
	{"Förvaltning", "unit", 30},
}

// PlanHeaders are the headers of the plan sheet, in the export's order.
func PlanHeaders() []string {
	out := make([]string, len(planColumns))
	for i, c := range planColumns {
		out[i] = c.Header
	}
	return out
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

// methodSv and frequencySv are a control's method and frequency as the
// sheet writes them: the catalogue's Swedish texts.
func methodSv(code string) string {
	if code == "" {
		return ""
	}
	return i18n.T(i18n.Sv, "method."+code)
}

func frequencySv(code string) string {
	if code == "" {
		return ""
	}
	return i18n.T(i18n.Sv, "frequency."+code)
}

// operatorSigns are the target operators as the sheet writes them.
var operatorSigns = map[string]string{"<": "<", "<=": "≤", "=": "=", ">=": "≥", ">": ">"}

// fold is a sheet value as the import compares it: trimmed, single-spaced,
// lower case.
func fold(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// lookupCode reads a Swedish text or a stored code back to the code.
func lookupCode(v string, codes []string, sv func(string) string) (string, bool) {
	f := fold(v)
	for _, c := range codes {
		if f == fold(sv(c)) || f == c {
			return c, true
		}
	}
	return "", false
}

// allowed lists the Swedish texts of codes for a message: "Stickprov, Genomgång …".
func allowed(codes []string, sv func(string) string) string {
	texts := make([]string, len(codes))
	for i, c := range codes {
		texts[i] = sv(c)
	}
	return strings.Join(texts, ", ")
}

func parseMethod(v string) (string, i18n.Message) {
	if strings.TrimSpace(v) == "" {
		return "", i18n.Message{}
	}
	if c, ok := lookupCode(v, model.Methods, methodSv); ok {
		return c, i18n.Message{}
	}
	return "", i18n.M("import.method", "value", quote(v), "allowed", allowed(model.Methods, methodSv))
}

func parseFrequency(v string) (string, i18n.Message) {
	if strings.TrimSpace(v) == "" {
		return "", i18n.Message{}
	}
	if c, ok := lookupCode(v, model.Frequencies, frequencySv); ok {
		return c, i18n.Message{}
	}
	return "", i18n.M("import.frequency", "value", quote(v), "allowed", allowed(model.Frequencies, frequencySv))
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

// parseConfidential reads Sekretess: Ja or Nej (empty is Nej).
func parseConfidential(v string) (bool, i18n.Message) {
	switch fold(v) {
	case "ja", "x", "sant", "true", "1":
		return true, i18n.Message{}
	case "", "nej", "falskt", "false", "0":
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
