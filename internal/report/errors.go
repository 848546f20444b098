package report

import (
	"errors"
	"fmt"
)

// The kinds of refusal a document can meet; test them with errors.Is. The
// error's own text is a Swedish sentence for the person who asked.
var (
	ErrUnknownBoard  = errors.New("unknown board")
	ErrNoPlan        = errors.New("no plan for the year")
	ErrNoResults     = errors.New("no results yet")
	ErrUnknownFormat = errors.New("unknown format")
)

// docRefusal is a document that cannot be written, said in Swedish.
type docRefusal struct {
	kind error
	msg  string
}

func (r *docRefusal) Error() string { return r.msg }
func (r *docRefusal) Unwrap() error { return r.kind }

func refuse(kind error, format string, args ...any) error {
	return &docRefusal{kind: kind, msg: fmt.Sprintf(format, args...)}
}

// IsRefusal reports whether err is a document refused for a reason a
// person can act on (unknown board, no plan, no results, unknown format),
// as opposed to a failure of the server.
func IsRefusal(err error) bool {
	var r *docRefusal
	return errors.As(err, &r)
}
