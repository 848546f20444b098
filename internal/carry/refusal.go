package carry

import (
	"errors"
	"sort"
	"strings"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/tools/router"

	"ikplan/internal/i18n"
)

// Refusal is a carry-over or transfer that was not made, with a message
// for the person (a catalogue key with its parameters, shown in the
// reader's language) and, where it concerns one action, a message per
// field: "decision-{actionId}", "reason-{actionId}" or "board-{actionId}".
type Refusal struct {
	Msg    i18n.Message
	Fields map[string]i18n.Message
}

// Text is the refusal's message in lang.
func (r *Refusal) Text(lang string) string { return r.Msg.In(lang) }

// FieldText is the message of a field in lang, if the refusal has one.
func (r *Refusal) FieldText(lang, field string) (string, bool) {
	m, ok := r.Fields[field]
	if !ok {
		return "", false
	}
	return m.In(lang), true
}

// Error is the refusal in Swedish, each field's message after it.
func (r *Refusal) Error() string {
	msg := r.Text(i18n.Sv)
	if len(r.Fields) == 0 {
		return msg
	}
	keys := make([]string, 0, len(r.Fields))
	for k := range r.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, k+": "+r.Fields[k].In(i18n.Sv))
	}
	return msg + " " + strings.Join(parts, " ")
}

// AsRefusal returns err as a *Refusal, or nil when it is another error.
func AsRefusal(err error) *Refusal {
	var r *Refusal
	if errors.As(err, &r) {
		return r
	}
	return nil
}

// refusalFrom turns the hooks' refusal of a write (a 400 with field
// messages) into a Refusal whose message starts with what was being done
// (a catalogue message); other errors pass unchanged.
func refusalFrom(err error, doing i18n.Message) error {
	var apiErr *router.ApiError
	if !errors.As(err, &apiErr) || apiErr.Status != 400 {
		return err
	}
	if doing.Key == "" {
		return &Refusal{Msg: i18n.M("carry.refusal.only", "reason", reason{apiErr})}
	}
	return &Refusal{Msg: i18n.M("carry.refusal.doing", "doing", doing, "reason", reason{apiErr})}
}

// reason is the hooks' refusal in the reader's language: each field's
// message, in the fields' order, or the refusal's own message.
type reason struct{ err *router.ApiError }

func (r reason) In(lang string) string {
	ve, _ := r.err.RawData().(validation.Errors)
	if len(ve) == 0 {
		var t *router.ApiError
		if errors.As(i18n.Translate(r.err, lang), &t) {
			return t.Message
		}
		return r.err.Message
	}
	keys := make([]string, 0, len(ve))
	for k := range ve {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	msgs := make([]string, 0, len(keys))
	for _, k := range keys {
		msgs = append(msgs, i18n.Text(lang, ve[k]))
	}
	return strings.Join(msgs, " ")
}
