package model

import (
	"github.com/pocketbase/pocketbase/core"
)

// RunCarry runs fn in a transaction marked as a carry operation: next
// year's plan (the decisions on unfinished actions) or a reorganisation's
// transfer to a successor board. Only such writes may set or change a
// result's or an action's transferred_to, and only they may mark an
// unfinished action of a reported plan as moved on (transferred or
// closed). Everything else fn writes meets the ordinary rules. The mark
// ends with fn; a call inside another keeps the outer mark.
func RunCarry(app core.App, fn func(txApp core.App) error) error {
	w := writeOf(app)
	if w != nil && w.carrying {
		return app.RunInTransaction(fn)
	}
	c := Write{Actor: System}
	if w != nil {
		c = *w // the same actor, lookups and history
	}
	c.carrying = true
	return with(app, &c, fn)
}

// Carrying reports whether the write app carries is a carry operation
// (RunCarry).
func Carrying(app core.App) bool {
	w := writeOf(app)
	return w != nil && w.carrying
}
