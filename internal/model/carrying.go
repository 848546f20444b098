package model

import (
	"sync"

	"github.com/pocketbase/pocketbase/core"
)

// carrying holds the open transactions that run a carry operation.
var carrying sync.Map

// RunCarry runs fn in a transaction marked as a carry operation: next
// year's plan (the decisions on unfinished actions) or a reorganisation's
// transfer to a successor board. Only such writes may set or change a
// result's or an action's transferred_to, and only they may mark an
// unfinished action of a reported plan as moved on (transferred or
// closed). Everything else fn writes meets the ordinary rules. The mark
// ends with fn; a call inside another keeps the outer mark.
func RunCarry(app core.App, fn func(txApp core.App) error) error {
	return app.RunInTransaction(func(txApp core.App) error {
		key := txApp.NonconcurrentDB()
		if _, taken := carrying.LoadOrStore(key, true); taken {
			return fn(txApp)
		}
		defer carrying.Delete(key)
		return fn(txApp)
	})
}

// Carrying reports whether the app's current transaction runs a carry
// operation (RunCarry).
func Carrying(app core.App) bool {
	if !app.IsTransactional() {
		return false
	}
	_, ok := carrying.Load(app.NonconcurrentDB())
	return ok
}
