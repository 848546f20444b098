package model

import (
	"sync"

	"github.com/pocketbase/pocketbase/core"
)

// Operations: acts of the server that may write what no one may write by
// hand. The hooks ask Operation which one a write belongs to.
const (
	// OperationCarry is the carry package's work: next year's plan made
	// from this year's, and its undoing when the new plan's continuation
	// of an action is removed. Only it closes an action as continued.
	OperationCarry = "carry"
)

// operations maps an open transaction to the operation it runs.
var operations sync.Map

// RunOperation runs fn as RunAs does, in a transaction on behalf of the
// actor, marked as the operation op for the hooks (Operation). Nested calls
// keep the outermost operation.
func RunOperation(app core.App, actor Actor, op string, fn func(txApp core.App) error) error {
	return RunAs(app, actor, func(txApp core.App) error {
		key := txApp.NonconcurrentDB()
		if _, taken := operations.LoadOrStore(key, op); taken {
			return fn(txApp)
		}
		defer operations.Delete(key)
		return fn(txApp)
	})
}

// Operation is the operation the app's current transaction runs, or "" for
// an ordinary write.
func Operation(app core.App) string {
	if v, ok := operations.Load(app.NonconcurrentDB()); ok {
		return v.(string)
	}
	return ""
}
