package model

import (
	"reflect"

	"github.com/pocketbase/pocketbase/core"
)

// Required reports whether field of collection must be filled in, as the
// collection's schema says (the field's Required flag): a form marks the
// fields that are not "(frivilligt)" from this, so its label cannot say
// otherwise than the rule that is checked on save. A field the schema does
// not know, or a collection that cannot be read, counts as required: a
// label never promises that something may be left out when that is not
// known.
func Required(app core.App, collection, field string) bool {
	c, err := app.FindCachedCollectionByNameOrId(collection)
	if err != nil {
		return true
	}
	f := c.Fields.GetByName(field)
	if f == nil {
		return true
	}
	return fieldRequired(f)
}

// fieldRequired reads the Required flag every PocketBase field type but
// the bool has (a bool field is never required in a form: unticked is an
// answer).
func fieldRequired(f core.Field) bool {
	if _, ok := f.(*core.BoolField); ok {
		return false
	}
	v := reflect.ValueOf(f)
	if v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return true
	}
	r := v.FieldByName("Required")
	if !r.IsValid() || r.Kind() != reflect.Bool {
		return true
	}
	return r.Bool()
}
