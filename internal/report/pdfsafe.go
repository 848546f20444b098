package report

import "strings"

// validText is d with every string made valid UTF-8, each invalid byte
// shown as U+FFFD: the PDF library panics on invalid UTF-8 in the
// document's title and subject, and text stored before the hooks refused
// such bytes, or read from a broken file, may still hold them.
func validText(d *Doc) *Doc {
	v := func(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }
	out := &Doc{Title: v(d.Title), Header: v(d.Header), Lang: v(d.Lang), Issuer: v(d.Issuer), Logo: d.Logo, LogoType: d.LogoType,
		Blocks: make([]Block, len(d.Blocks))}
	for i, b := range d.Blocks {
		switch {
		case b.Heading != nil:
			h := *b.Heading
			h.Text, h.Id = v(h.Text), v(h.Id)
			b.Heading = &h
		case b.Paragraph != nil:
			p := *b.Paragraph
			p.Text, p.Style = v(p.Text), v(p.Style)
			p.Marks = make([]string, len(b.Paragraph.Marks))
			for k, m := range b.Paragraph.Marks {
				p.Marks[k] = v(m)
			}
			b.Paragraph = &p
		case b.Table != nil:
			t := *b.Table
			t.Caption = v(t.Caption)
			t.Header = make([]string, len(b.Table.Header))
			for k, h := range b.Table.Header {
				t.Header[k] = v(h)
			}
			t.Rows = make([][]string, len(b.Table.Rows))
			for r, row := range b.Table.Rows {
				t.Rows[r] = make([]string, len(row))
				for k, c := range row {
					t.Rows[r][k] = v(c)
				}
			}
			b.Table = &t
		}
		out.Blocks[i] = b
	}
	return out
}
