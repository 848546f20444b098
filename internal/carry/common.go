package carry

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// commonCopy is, for a copy of a common control (kommungemensam kontroll),
// the plan's own copy that stands for it: the copy of the same common
// control (a transfer within the year), or else of a common control of
// the plan's year with the same title (next year's). ok is false for a
// control that is not a common control's copy: that one is copied as
// usual. A common control's copy is never copied — the plan already has
// its year's common controls (hooks/common.go), and copying would double
// them — so id is "" when the plan has none that stands for it.
func commonCopy(tx core.App, src, plan *core.Record) (id string, ok bool) {
	common := src.GetString(model.CommonControlField)
	if common == "" {
		return "", false
	}
	if c, err := tx.FindFirstRecordByFilter(model.Controls, "plan = {:p} && common_control = {:k}",
		dbx.Params{"p": plan.Id, "k": common}); err == nil {
		return c.Id, true
	}
	if c, err := tx.FindFirstRecordByFilter(model.Controls, "plan = {:p} && common_control != '' && title = {:t}",
		dbx.Params{"p": plan.Id, "t": model.AsControl(src).Title()}); err == nil {
		return c.Id, true
	}
	return "", true
}
