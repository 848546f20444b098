package hooks

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
)

// fieldErrors collects Swedish messages keyed by field name.
type fieldErrors map[string]string

// add keeps the first message for a field.
func (f fieldErrors) add(field, message string) {
	if _, ok := f[field]; !ok {
		f[field] = message
	}
}

// check runs PocketBase's own field validation, translates its messages to
// Swedish, then adds the collection's rules. A refusal is a 400 whose data
// names each field.
func check(e *core.RecordEvent, rule func(e *core.RecordEvent, errs fieldErrors)) error {
	errs := fieldErrors{}
	if err := e.Next(); err != nil {
		var ve validation.Errors
		if !errors.As(err, &ve) {
			return err
		}
		for field, fe := range ve {
			if msg := shortPassword(e.Record.Collection(), field, fe); msg != "" {
				errs.add(field, msg)
			}
			errs.add(field, translate(field, fe))
		}
	}
	validText(e.Record, errs)
	requiredText(e.Record, errs)
	rule(e, errs)
	return errs.err()
}

// swedish translates field errors that PocketBase raises while writing (a
// unique index, say) into a Swedish 400; other errors pass unchanged.
func swedish(err error) error {
	var ve validation.Errors
	if !errors.As(err, &ve) {
		return err
	}
	errs := fieldErrors{}
	for field, fe := range ve {
		errs.add(field, translate(field, fe))
	}
	return errs.err()
}

// err is the refusal as a 400 API error, or nil when nothing is wrong.
func (f fieldErrors) err() error {
	if len(f) == 0 {
		return nil
	}
	ve := validation.Errors{}
	fields := make([]string, 0, len(f))
	for field, msg := range f {
		ve[field] = validation.NewError("validation_ikplan", msg)
		fields = append(fields, field)
	}
	sort.Strings(fields)
	parts := make([]string, 0, len(fields))
	for _, field := range fields {
		parts = append(parts, field+": "+f[field])
	}
	return router.NewBadRequestError("Uppgifterna sparades inte. "+strings.Join(parts, " "), ve)
}

// refuse is a 400 with one Swedish message for a write that cannot be made
// at all, such as a delete.
func refuse(message string) error {
	return router.NewBadRequestError(message, nil)
}

// shortPassword is the message for a password shorter than its field's
// least length, which PocketBase's error does not carry; "" for any other
// error.
func shortPassword(c *core.Collection, field string, err error) string {
	var ve validation.Error
	f, ok := c.Fields.GetByName(field).(*core.PasswordField)
	if !ok || !errors.As(err, &ve) || ve.Code() != "validation_min_text_constraint" {
		return ""
	}
	return fmt.Sprintf("Lösenordet måste ha minst %d tecken – välj ett längre, gärna några ord i rad.", f.Min)
}

// translate turns one of PocketBase's field validation errors into Swedish;
// the messages about length and files name the field.
func translate(field string, err error) string {
	var ve validation.Error
	if !errors.As(err, &ve) {
		return "Ogiltigt värde."
	}
	p := ve.Params()
	switch ve.Code() {
	case "validation_required", "validation_nil_or_not_empty_required":
		return "Fältet måste fyllas i."
	case "validation_not_unique":
		return "Värdet finns redan."
	case "validation_invalid_value", "validation_in_invalid":
		return "Ogiltigt val – välj ett av de tillåtna värdena."
	case "validation_max_text_constraint", "validation_length_too_long", "validation_length_out_of_range":
		if max, ok := p["max"]; ok {
			return fmt.Sprintf("Texten i fältet ”%s” är för lång – högst %v tecken.", label(field), max)
		}
		return fmt.Sprintf("Texten i fältet ”%s” är för lång.", label(field))
	case "validation_min_text_constraint", "validation_length_too_short":
		return "Texten är för kort."
	case "validation_min_number_constraint", "validation_min_greater_equal_than_required":
		if min, ok := p["min"]; ok {
			return fmt.Sprintf("Värdet måste vara minst %v.", min)
		}
		return "Värdet är för litet."
	case "validation_max_number_constraint", "validation_max_less_equal_than_required":
		if max, ok := p["max"]; ok {
			return fmt.Sprintf("Värdet får vara högst %v.", max)
		}
		return "Värdet är för stort."
	case "validation_only_int_constraint":
		return "Ange ett heltal."
	case "validation_not_a_number":
		return "Ange ett tal."
	case "validation_missing_rel_records", "validation_invalid_rel_records":
		return "Den valda posten finns inte."
	case "validation_too_many_values", "validation_not_enough_values":
		return "Fel antal värden."
	case "validation_file_size_limit":
		return fmt.Sprintf("Filen i fältet ”%s” är för stor – högst %s per fil.", label(field), megabytes(p["maxSize"]))
	case "validation_invalid_mime_type":
		return fmt.Sprintf("Filen i fältet ”%s” har en filtyp som inte godtas – tillåtna är PDF, bilder (PNG, JPEG), text (TXT, CSV) och Office-dokument (Word, Excel, OpenDocument).", label(field))
	case "validation_too_many_files":
		return fmt.Sprintf("Fältet ”%s” kan ha högst %v filer; ta bort någon innan du lägger till fler.", label(field), p["maxSelect"])
	case "validation_invalid_file":
		return fmt.Sprintf("Filen i fältet ”%s” kunde inte läsas; välj den igen.", label(field))
	case "validation_invalid_date", "validation_date_invalid":
		return "Ange ett giltigt datum (ÅÅÅÅ-MM-DD)."
	case "validation_is_email", "validation_invalid_email":
		return "Ange en giltig e-postadress."
	case "validation_invalid_json":
		return "Ogiltig JSON."
	}
	return "Ogiltigt värde."
}

// immutable refuses a change to any of the named fields of an existing record.
func immutable(e *core.RecordEvent, errs fieldErrors, fields ...string) {
	if e.Record.IsNew() {
		return
	}
	orig := e.Record.Original()
	for _, f := range fields {
		if e.Record.GetString(f) != orig.GetString(f) {
			errs.add(f, "Fältet kan inte ändras när posten väl är skapad.")
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
