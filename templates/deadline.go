package templates

import (
	"github.com/pocketbase/pocketbase/core"

	"strings"
	"time"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// DeadlineText writes a deadline the way people write it, in the UI's
// language: "kvartal 3 2025", or "quarter 3 2025" in English.
func DeadlineText(lang string, d time.Time, precision string) string {
	if lang == i18n.En {
		return model.FormatDeadlineEnglish(d, precision)
	}
	return model.FormatDeadline(d, precision)
}

// DeadlineRead is how a deadline typed in words was understood.
type DeadlineRead struct {
	Empty     bool   // nothing typed
	Text      string // "Tolkas som: kvartal 3 2025 (senast 2025-09-30)"; "" when it cannot be read
	Passed    bool   // the day has passed on the day of now
	Day       time.Time
	Precision string
}

// ReadDeadline reads what was typed in a deadline field, for the line
// under it that says how it was understood.
func ReadDeadline(lang, typed string, now time.Time) DeadlineRead {
	d, precision, err := model.ParseDeadline(typed)
	switch {
	case err != nil:
		return DeadlineRead{Empty: strings.TrimSpace(typed) == ""}
	case precision == model.PrecisionDay:
		return DeadlineRead{Text: i18n.T(lang, "deadline.understood_day", d.Format(time.DateOnly)), Passed: model.Overdue(d, false, now), Day: d, Precision: precision}
	}
	return DeadlineRead{Text: i18n.T(lang, "deadline.understood", DeadlineText(lang, d, precision), d.Format(time.DateOnly)),
		Passed: model.Overdue(d, false, now), Day: d, Precision: precision}
}

// DeadlineLong is an action's deadline with the last day of its period:
// "kvartal 3 2025 (senast 2025-09-30)", or only the date for a day.
func DeadlineLong(lang string, a *core.Record) string {
	act := model.AsAction(a)
	d := act.Deadline()
	if d.IsZero() {
		return ""
	}
	precision := act.DeadlinePrecision()
	if precision == model.PrecisionDay || precision == "" {
		return d.Time().Format(time.DateOnly)
	}
	return i18n.T(lang, "deadline.long", DeadlineText(lang, d.Time(), precision), d.Time().Format(time.DateOnly))
}
