package testapp

import (
	"errors"
	"os"
	"testing"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
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
