package report

import "strings"

// Text is the document as plain text in reading order: the title, each
// heading, paragraph (marks in brackets first) and table row on lines of
// their own, the cells of a row separated by " | ". Tests compare it with
// the text read back from each format.
func (d *Doc) Text() string {
	var b strings.Builder
	line := func(s string) {
		b.WriteString(s)
		b.WriteByte('\n')
	}
	line(d.Title)
	for _, bl := range d.Blocks {
		switch {
		case bl.Heading != nil:
			line(bl.Heading.Text)
		case bl.Paragraph != nil:
			p := bl.Paragraph
			s := p.Text
			for i := len(p.Marks) - 1; i >= 0; i-- {
				s = "[" + p.Marks[i] + "] " + s
			}
			line(s)
		case bl.Table != nil:
			t := bl.Table
			if t.Caption != "" {
				line(t.Caption)
			}
			if len(t.Header) > 0 {
				line(strings.Join(t.Header, " | "))
			}
			for _, r := range t.Rows {
				line(strings.Join(r, " | "))
			}
		}
	}
	return b.String()
}
