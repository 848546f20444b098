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

// refusal is a document that cannot be written, said in Swedish.
type refusal struct {
	kind error
	msg  string
}

func (r *refusal) Error() string { return r.msg }
func (r *refusal) Unwrap() error { return r.kind }

func refuse(kind error, format string, args ...any) error {
	return &refusal{kind: kind, msg: fmt.Sprintf(format, args...)}
}

// IsRefusal reports whether err is a document refused for a reason a
// person can act on (unknown board, no plan, no results, unknown format),
// as opposed to a failure of the server.
func IsRefusal(err error) bool {
	var r *refusal
	return errors.As(err, &r)
}
