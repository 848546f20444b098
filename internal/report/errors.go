package report

import (
	"errors"

	"ikplan/internal/i18n"
)

// The kinds of refusal a document can meet; test them with errors.Is. The
// error's own text is a Swedish sentence for the person who asked (the
// command line prints it); RefusalText gives it in the reader's language.
var (
	ErrUnknownBoard  = errors.New("unknown board")
	ErrNoPlan        = errors.New("no plan for the year")
	ErrNoResults     = errors.New("no results yet")
	ErrUnknownFormat = errors.New("unknown format")
)

// docRefusal is a document that cannot be written, as a catalogue message.
type docRefusal struct {
	kind error
	msg  i18n.Message
}

func (r *docRefusal) Error() string { return r.msg.In(i18n.Sv) }
func (r *docRefusal) Unwrap() error { return r.kind }

// refuse is a refusal of the kind with the catalogue message of key and its
// parameters as name, value pairs (i18n.M).
func refuse(kind error, key string, kv ...any) error {
	return &docRefusal{kind: kind, msg: i18n.M(key, kv...)}
}

// IsRefusal reports whether err is a document refused for a reason a
// person can act on (unknown board, no plan, no results, unknown format),
// as opposed to a failure of the server.
func IsRefusal(err error) bool {
	var r *docRefusal
	return errors.As(err, &r)
}

// RefusalText is a refusal's sentence in lang; any other error's own text.
func RefusalText(err error, lang string) string {
	var r *docRefusal
	if errors.As(err, &r) {
		return r.msg.In(lang)
	}
	return err.Error()
}
