package hooks

import (
	"unicode/utf8"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// validText refuses text that is not valid UTF-8 in any text or editor
// field: a form may post such bytes, and no document, feed or e-mail can
// carry them faithfully (the PDF library panicked on them).
func validText(r *core.Record, errs fieldErrors) {
	for _, f := range r.Collection().Fields {
		if f.Type() != core.FieldTypeText && f.Type() != core.FieldTypeEditor {
			continue
		}
		if !utf8.ValidString(r.GetString(f.GetName())) {
			errs.add(f.GetName(), "ikplan.text.unreadable", "field", fieldKey(f.GetName()))
		}
	}
}

// requiredText refuses a required text or editor field whose text is
// empty once whitespace and invisible characters are removed
// (model.Blank): PocketBase's own check counts only the empty string.
func requiredText(r *core.Record, errs fieldErrors) {
	for _, f := range r.Collection().Fields {
		var required bool
		switch f := f.(type) {
		case *core.TextField:
			required = f.Required
		case *core.EditorField:
			required = f.Required
		}
		if required && model.Blank(r.GetString(f.GetName())) {
			errs.add(f.GetName(), requiredKey(r.Collection().Name, f.GetName()), "field", fieldKey(f.GetName()))
		}
	}
}

// fieldKey is the catalogue key of a field's name, as the history shows
// it, for a message's {t:field}; the field's own name when it has none.
func fieldKey(field string) string {
	if key := "history.f." + field; i18n.Has(key) {
		return key
	}
	return field
}
