package carry

import (
	"errors"
	"sort"
	"strings"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/tools/router"
)

// Refusal is a carry-over or transfer that was not made, with a Swedish
// message for the person and, where it concerns one action, a message per
// field: "decision-{actionId}", "reason-{actionId}" or "board-{actionId}".
type Refusal struct {
	Message string
	Fields  map[string]string
}

func (r *Refusal) Error() string {
	if len(r.Fields) == 0 {
		return r.Message
	}
	keys := make([]string, 0, len(r.Fields))
	for k := range r.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, 0, len(keys))
	for _, k := range keys {
		parts = append(parts, k+": "+r.Fields[k])
	}
	return r.Message + " " + strings.Join(parts, " ")
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
// messages) into a Refusal whose message starts with what was being done;
// other errors pass unchanged.
func refusalFrom(err error, doing string) error {
	var apiErr *router.ApiError
	if !errors.As(err, &apiErr) || apiErr.Status != 400 {
		return err
	}
	ve, _ := apiErr.RawData().(validation.Errors)
	if len(ve) == 0 {
		return &Refusal{Message: join(doing, apiErr.Message)}
	}
	keys := make([]string, 0, len(ve))
	for k := range ve {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	msgs := make([]string, 0, len(keys))
	for _, k := range keys {
		msgs = append(msgs, ve[k].Error())
	}
	return &Refusal{Message: join(doing, strings.Join(msgs, " "))}
}

func join(doing, msg string) string {
	if doing == "" {
		return msg
	}
	return doing + ": " + msg
}
