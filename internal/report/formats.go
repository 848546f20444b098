package report

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Writer lays a document out in one format.
type Writer func(w io.Writer, d *Doc) error

var writers = map[string]Writer{}

// Register makes a format available to Write.
func Register(format string, fn Writer) { writers[format] = fn }

// Formats lists the registered formats, sorted.
func Formats() []string {
	out := make([]string, 0, len(writers))
	for f := range writers {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
}

// Write lays d out in format.
func Write(format string, w io.Writer, d *Doc) error {
	fn, ok := writers[format]
	if !ok {
		return fmt.Errorf("okänt format %q; välj ett av: %s", format, strings.Join(Formats(), ", "))
	}
	return fn(w, d)
}
