package report

import (
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Writer lays a document out in one format and writes it to w.
type Writer func(w io.Writer, d *Doc) error

// writers are the formats a document can be written in, by name. Each
// format registers itself from its own file's init.
var writers = map[string]Writer{}

// Register makes a format available to Write; the name is lower-case
// ("html", "pdf", "docx"). Registering a name twice replaces the writer.
func Register(format string, fn Writer) {
	writers[strings.ToLower(format)] = fn
}

// Write writes d in the format. An unknown format is refused with a
// Swedish sentence that lists the known ones.
func Write(format string, w io.Writer, d *Doc) error {
	if err := CheckFormat(format); err != nil {
		return err
	}
	return writers[strings.ToLower(strings.TrimSpace(format))](w, d)
}

// CheckFormat refuses a format that is not registered, with a Swedish
// sentence that lists the known ones.
func CheckFormat(format string) error {
	if _, ok := writers[strings.ToLower(strings.TrimSpace(format))]; !ok {
		return refuse(ErrUnknownFormat, "report.refused.format", "format", strconv.Quote(format), "formats", strings.Join(Formats(), ", "))
	}
	return nil
}

// Formats lists the registered formats, sorted.
func Formats() []string {
	return slices.Sorted(maps.Keys(writers))
}

// ContentType is the media type of a format's files.
func ContentType(format string) string {
	switch strings.ToLower(format) {
	case "html":
		return "text/html; charset=utf-8"
	case "pdf":
		return "application/pdf"
	case "docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case "xlsx":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	return "application/octet-stream"
}
