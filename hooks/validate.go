package hooks

import (
	"errors"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// fieldErrors collects the refusal's message for each field: a catalogue
// key with its parameters (i18n.Message), shown in Swedish by default and
// in English where the reader asks for it.
type fieldErrors map[string]i18n.Message

// add keeps the first message for a field: key with its parameters as
// name, value pairs. A key that is not in the catalogue reads as itself.
func (f fieldErrors) add(field, key string, kv ...any) {
	f.put(field, i18n.M(key, kv...))
}

// put keeps the first message for a field.
func (f fieldErrors) put(field string, m i18n.Message) {
	if _, ok := f[field]; !ok {
		f[field] = m
	}
}

// check runs PocketBase's own field validation, translates its messages
// into ikplan's, then adds the collection's rules. A refusal is a 400 whose
// data names each field.
func check(e *core.RecordEvent, rule func(e *core.RecordEvent, errs fieldErrors)) error {
	errs := fieldErrors{}
	if err := e.Next(); err != nil {
		var ve validation.Errors
		if !errors.As(err, &ve) {
			return err
		}
		c := e.Record.Collection()
		for field, fe := range ve {
			if m, ok := shortPassword(c, field, fe); ok {
				errs.put(field, m)
			}
			errs.put(field, translate(c.Name, field, fe))
		}
	}
	validText(e.Record, errs)
	requiredText(e.Record, errs)
	rule(e, errs)
	return errs.err()
}

// swedish translates field errors that PocketBase raises while writing (a
// unique index, say) into ikplan's 400; other errors pass unchanged.
func swedish(collection string, err error) error {
	var ve validation.Errors
	if !errors.As(err, &ve) {
		return err
	}
	errs := fieldErrors{}
	for field, fe := range ve {
		errs.put(field, translate(collection, field, fe))
	}
	return errs.err()
}

// err is the refusal as a 400 API error, or nil when nothing is wrong.
func (f fieldErrors) err() error {
	if len(f) == 0 {
		return nil
	}
	ve := validation.Errors{}
	for field, m := range f {
		ve[field] = i18n.NewFieldError(m)
	}
	return router.NewBadRequestError(i18n.Refusal(i18n.Sv, ve), ve)
}

// refuse is a 400 with one message for a write that cannot be made at
// all, such as a delete. The answer's data is the message, so the REST API
// can answer it in English too.
func refuse(key string, kv ...any) error { return refuseWith(i18n.M(key, kv...)) }

// refuseWith is refuse with a message made already.
func refuseWith(m i18n.Message) error { return router.NewBadRequestError(m.In(i18n.Sv), m) }

// shortPassword is the message for a password shorter than its field's
// least length, which PocketBase's error does not carry; ok is false for
// any other error.
func shortPassword(c *core.Collection, field string, err error) (i18n.Message, bool) {
	var ve validation.Error
	f, ok := c.Fields.GetByName(field).(*core.PasswordField)
	if !ok || !errors.As(err, &ve) || ve.Code() != "validation_min_text_constraint" {
		return i18n.Message{}, false
	}
	return i18n.M("ikplan.password.short", "min", f.Min), true
}

// translate turns one of PocketBase's field validation errors into
// ikplan's message. A required field's message names the field and says
// what to do (requiredKey); the messages about length and files name the
// field too.
func translate(collection, field string, err error) i18n.Message {
	var ve validation.Error
	if !errors.As(err, &ve) {
		return i18n.M("ikplan.invalid")
	}
	p := ve.Params()
	name := fieldKey(field)
	switch ve.Code() {
	case "validation_required", "validation_nil_or_not_empty_required":
		return i18n.M(requiredKey(collection, field), "field", name)
	case "validation_not_unique":
		return i18n.M("ikplan.not_unique", "field", name)
	case "validation_invalid_value", "validation_in_invalid":
		return i18n.M("ikplan.invalid_choice", "field", name)
	case "validation_max_text_constraint", "validation_length_too_long", "validation_length_out_of_range":
		if max, ok := p["max"]; ok {
			return i18n.M("ikplan.too_long.max", "field", name, "max", max)
		}
		return i18n.M("ikplan.too_long", "field", name)
	case "validation_min_text_constraint", "validation_length_too_short":
		return i18n.M("ikplan.too_short", "field", name)
	case "validation_min_number_constraint", "validation_min_greater_equal_than_required":
		if min, ok := p["min"]; ok {
			return i18n.M("ikplan.too_small.min", "field", name, "min", min)
		}
		return i18n.M("ikplan.too_small", "field", name)
	case "validation_max_number_constraint", "validation_max_less_equal_than_required":
		if max, ok := p["max"]; ok {
			return i18n.M("ikplan.too_large.max", "field", name, "max", max)
		}
		return i18n.M("ikplan.too_large", "field", name)
	case "validation_only_int_constraint":
		return i18n.M("ikplan.not_integer", "field", name)
	case "validation_not_a_number":
		return i18n.M("ikplan.not_number", "field", name)
	case "validation_missing_rel_records", "validation_invalid_rel_records":
		return i18n.M("ikplan.no_such_record", "field", name)
	case "validation_too_many_values", "validation_not_enough_values":
		return i18n.M("ikplan.values_count", "field", name)
	case "validation_file_size_limit":
		if size := model.FileSize(p["maxSize"]); size != "" {
			return i18n.M("ikplan.file.too_large.max", "field", name, "size", size)
		}
		return i18n.M("ikplan.file.too_large", "field", name)
	case "validation_invalid_mime_type":
		// a field that takes fewer kinds than the evidence says which
		if key := "ikplan.file.type." + collection + "." + field; i18n.Has(key) {
			return i18n.M(key, "field", name)
		}
		return i18n.M("ikplan.file.type", "field", name)
	case "validation_too_many_files":
		return i18n.M("ikplan.file.too_many", "field", name, "max", p["maxSelect"])
	case "validation_invalid_file":
		return i18n.M("ikplan.file.unreadable", "field", name)
	case "validation_invalid_date", "validation_date_invalid":
		return i18n.M("ikplan.date.invalid", "field", name)
	case "validation_is_email", "validation_invalid_email":
		return i18n.M("ikplan.email.invalid", "field", name)
	case "validation_invalid_json":
		return i18n.M("ikplan.json.invalid", "field", name)
	}
	return i18n.M("ikplan.invalid")
}

// requiredKey is the key of a required field's message, which names the
// field in words its users know ("Välj sannolikhet."): one per collection
// and field (catalogue_errors.go), or the general one naming the field by
// its label.
func requiredKey(collection, field string) string {
	if key := "ikplan.required." + collection + "." + field; i18n.Has(key) {
		return key
	}
	return "ikplan.required"
}

// immutable refuses a change to any of the named fields of an existing record.
func immutable(e *core.RecordEvent, errs fieldErrors, fields ...string) {
	if e.Record.IsNew() {
		return
	}
	orig := e.Record.Original()
	for _, f := range fields {
		if e.Record.GetString(f) != orig.GetString(f) {
			errs.add(f, "ikplan.immutable", "field", fieldKey(f))
		}
	}
}

// onSave binds fn to both create and update of the collection, before the
// record is validated and written: the place for values the server computes.
func onSave(app core.App, collection string, fn func(e *core.RecordEvent)) {
	bind := func(e *core.RecordEvent) error {
		fn(e)
		return e.Next()
	}
	app.OnRecordCreate(collection).BindFunc(bind)
	app.OnRecordUpdate(collection).BindFunc(bind)
}
