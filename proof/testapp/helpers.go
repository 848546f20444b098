package testapp

import (
	"errors"
	"fmt"
	"os"
	"testing"

	"github.com/pocketbase/dbx"
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"

	"ikplan/internal/model"
)

// Main runs a package's tests and removes the fixture afterwards.
func Main(m *testing.M) {
	code := m.Run()
	if fixture != nil {
		os.RemoveAll(fixture.Dir)
	}
	os.Exit(code)
}

// FieldErrors is the field → message map of a refused save, or nil when
// err carries none.
func FieldErrors(err error) map[string]string {
	var apiErr *router.ApiError
	if !errors.As(err, &apiErr) {
		return nil
	}
	ve, ok := apiErr.RawData().(validation.Errors)
	if !ok {
		return nil
	}
	out := map[string]string{}
	for field, fe := range ve {
		out[field] = fe.Error()
	}
	return out
}

// Update loads a record, sets the fields and saves it.
func Update(app core.App, collection, id string, fields map[string]any) error {
	r, err := app.FindRecordById(collection, id)
	if err != nil {
		return err
	}
	for k, v := range fields {
		r.Set(k, v)
	}
	return app.Save(r)
}

// Create saves a new record with the fields and returns it.
func Create(app core.App, collection string, fields map[string]any) (*core.Record, error) {
	col, err := app.FindCachedCollectionByNameOrId(collection)
	if err != nil {
		return nil, err
	}
	r := core.NewRecord(col)
	for k, v := range fields {
		r.Set(k, v)
	}
	return r, app.Save(r)
}

// Delete loads a record and deletes it.
func Delete(app core.App, collection, id string) error {
	r, err := app.FindRecordById(collection, id)
	if err != nil {
		return err
	}
	return app.Delete(r)
}

// ForceStatus sets a plan's status in the database, around the rules: for
// a test that needs the demo's plan, its results and all, in a status the
// rules no longer let it reach (a draft with results, to add or change
// controls). It is a fixture's shortcut, never what the product does.
func ForceStatus(app core.App, planId, status string) error {
	if _, err := app.DB().Update(model.Plans, dbx.Params{"status": status}, dbx.HashExp{"id": planId}).Execute(); err != nil {
		return fmt.Errorf("failed to set plan %s to %s: %w", planId, status, err)
	}
	model.ForgetLookup(app, model.Plans, planId)
	return nil
}

// WhileDraft runs fn with the plan in draft and puts its status back
// after (ForceStatus): for a fixture that changes what an adopted plan's
// board decided, as if it had been decided so.
func WhileDraft(app core.App, planId string, fn func() error) error {
	var status string
	if err := app.DB().Select("status").From(model.Plans).Where(dbx.HashExp{"id": planId}).Row(&status); err != nil {
		return fmt.Errorf("failed to read plan %s: %w", planId, err)
	}
	if err := ForceStatus(app, planId, model.PlanDraft); err != nil {
		return err
	}
	if err := fn(); err != nil {
		return err
	}
	return ForceStatus(app, planId, status)
}

// ForceValues writes fields of a record in the database as given (dates as
// stored: "2025-03-01 00:00:00.000Z"), around the rules and the history:
// for a fixture the rules no longer let a test reach, such as a 2024
// control due in 2025. What the hooks keep of a control's results (its
// reported flag, its next unreported period and that period's due date)
// is reckoned again, as a save would. It is a fixture's shortcut, never
// what the product does.
func ForceValues(app core.App, collection, id string, fields map[string]any) error {
	if _, err := app.DB().Update(collection, dbx.Params(fields), dbx.HashExp{"id": id}).Execute(); err != nil {
		return fmt.Errorf("failed to set %v of %s %s: %w", fields, collection, id, err)
	}
	model.ForgetLookup(app, collection, id)
	if collection == model.Controls {
		return model.UpdateReported(app, id)
	}
	return nil
}
