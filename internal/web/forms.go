package web

import (
	"errors"
	"sort"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/tools/router"

	"ikplan/internal/i18n"
	"ikplan/templates"
)

// formErrors turns the server's refusal of a save into the form's
// messages in the UI's language (lang), keyed by field. ok is false for
// any other error.
func formErrors(lang string, err error, order ...string) (templates.Errors, bool) {
	var apiErr *router.ApiError
	if !errors.As(err, &apiErr) || apiErr.Status != 400 {
		return nil, false
	}
	ve, _ := apiErr.RawData().(validation.Errors)
	if len(ve) == 0 {
		msg := apiErr.Message
		if m, ok := apiErr.RawData().(i18n.Message); ok {
			msg = m.In(lang)
		}
		return templates.Errors{{Field: "status", Message: msg}}, true
	}
	rank := map[string]int{}
	for i, f := range order {
		rank[f] = i + 1
	}
	out := make(templates.Errors, 0, len(ve))
	for field, fe := range ve {
		out = append(out, templates.FieldError{Field: field, Message: i18n.Text(lang, fe)})
	}
	sort.Slice(out, func(i, j int) bool {
		ri, rj := rank[out[i].Field], rank[out[j].Field]
		if ri == 0 {
			ri = len(order) + 1
		}
		if rj == 0 {
			rj = len(order) + 1
		}
		if ri != rj {
			return ri < rj
		}
		return out[i].Field < out[j].Field
	})
	return out, true
}
