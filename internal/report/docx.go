package report

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // a logo's size
	_ "image/png"
	"io"
	"os"
	"strings"
	"time"

	"github.com/gomutex/godocx/common/units"
	"github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/packager"
	"github.com/gomutex/godocx/wml/ctypes"
	"github.com/gomutex/godocx/wml/stypes"
)

func init() { Register("docx", WriteDOCX) }

// The page in twips (1/20 pt): A4, and the margins of docxtemplate's
// document.xml.
const (
	docxPageShort, docxPageLong = 11906, 16838
	docxMarginsLR               = 1418 + 1134
	docxMaxHeading              = 4
)

// WriteDOCX lays d out as a Word document: the title in Word's Title style,
// headings in Heading 1-4 (so Word and LibreOffice make a table of contents
// and a navigation pane of them), an item's title line in Punktrubrik,
// marks bold before the text, tables in Table Grid with the header row
// repeated on every page, page breaks, d.Header in the page header and
// "Sida N av M" in the footer, a section's intro line kept with what
// follows it. A4, landscape when the shared rule says so (landscape), in
// d's language (Swedish by default) for spelling.
func WriteDOCX(w io.Writer, d *Doc) error {
	tpl, err := docxTemplate()
	if err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	rd, err := packager.Unpack(&tpl)
	if err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	lang := docxLang(d.Lang)
	if dd := rd.DocStyles.DocDefaults; dd != nil && dd.RunProp != nil && dd.RunProp.RunProp != nil {
		dd.RunProp.RunProp.Lang = &ctypes.Lang{Val: &lang}
	}
	width := docxPageShort - docxMarginsLR
	if landscape(d) {
		if sp := rd.Document.Body.SectPr; sp != nil {
			long, short := uint64(docxPageLong), uint64(docxPageShort)
			sp.PageSize = &ctypes.PageSize{Width: &long, Height: &short, Orient: stypes.PageOrientLandscape}
		}
		width = docxPageLong - docxMarginsLR
	}
	rd.FileMap.Store("word/header1.xml", docxHeader(d.Header))
	rd.FileMap.Store("word/footer1.xml", docxFooter())
	rd.FileMap.Store("docProps/core.xml", docxCore(d.Title, lang, time.Now()))

	if err := docxLogo(rd, d); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	if d.Issuer != "" {
		// the municipality's name above the title
		rd.AddEmptyParagraph().AddText(docxLine(d.Issuer)).Bold(true)
	}
	if d.Title != "" {
		if _, err := rd.AddHeading(docxLine(d.Title), 0); err != nil {
			return fmt.Errorf("docx: %w", err)
		}
	}
	for i, b := range d.Blocks {
		switch {
		case b.Heading != nil:
			level := uint(min(max(b.Heading.Level, 1), docxMaxHeading))
			if _, err := rd.AddHeading(docxLine(b.Heading.Text), level); err != nil {
				return fmt.Errorf("docx: %w", err)
			}
		case b.Paragraph != nil:
			p := rd.AddEmptyParagraph()
			docxParagraph(p, b.Paragraph)
			if introAt(d, i) {
				ct := p.GetCT()
				if ct.Property == nil {
					ct.Property = &ctypes.ParagraphProp{}
				}
				ct.Property.KeepNext = &ctypes.OnOff{}
			}
		case b.Table != nil:
			docxTable(rd, b.Table, width)
		case b.PageBreak:
			rd.AddPageBreak()
		}
	}
	if n := len(d.Blocks); n > 0 && d.Blocks[n-1].Table != nil {
		rd.AddEmptyParagraph() // Word ends a document with a paragraph
	}
	if err := rd.Write(w); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	return nil
}

// docxParagraph fills p: its style, the marks in bold, then the text.
func docxParagraph(p *docx.Paragraph, para *Paragraph) {
	switch para.Style {
	case "lead":
		p.Style("Lead")
	case "note":
		p.Style("Note")
	}
	if len(para.Marks) > 0 {
		p.AddText(docxLine(strings.Join(para.Marks, ", "))).Bold(true)
		if para.Text != "" {
			p.AddText(" ")
		}
	}
	docxRuns(p, para.Text, false)
}

// docxRuns adds s to p, bold or not, its line breaks as Word line breaks.
func docxRuns(p *docx.Paragraph, s string, bold bool) {
	for i, line := range strings.Split(docxText(s), "\n") {
		if i > 0 {
			p.AddRun().AddBreak(nil)
		}
		if line != "" {
			r := p.AddText(strings.ReplaceAll(line, "\t", " "))
			if bold {
				r.Bold(true)
			}
		}
	}
}

// docxLine is s on one line, for a title or heading.
func docxLine(s string) string {
	return strings.Join(strings.Fields(docxText(s)), " ")
}

// Word's table text: TableText is 9 pt; Table Grid puts 108 twips between
// a cell's edges and its text, and a few twips more keep rounding from
// making a column narrower than its longest word.
const (
	docxTablePt   = 9
	docxCellRoom  = 2*108 + 4
	twipsPerPoint = 20
)

// docxMeasure is a table text's width in twips, in Arial at docxTablePt
// (bold in the header row).
func docxMeasure(s string, header bool) float64 {
	return tableTextWidth(s, header) * docxTablePt * twipsPerPoint
}

// docxTable adds t: a caption paragraph, then a table across width twips in
// Table Grid, the columns as the shared layout plans them (empty ones left
// out, each at least as wide as its longest word), the header row shaded,
// bold and repeated on each page.
func docxTable(rd *docx.RootDoc, t *Table, width int) {
	plan := layoutColumns(t, float64(width), docxCellRoom, docxMeasure)
	n := len(plan.Keep)
	if n == 0 {
		return
	}
	if t.Caption != "" {
		p := rd.AddEmptyParagraph()
		p.Style("Caption")
		docxRuns(p, t.Caption, false)
	}
	cols := make([]uint64, n)
	for i, size := range gridSizes(plan.Widths, n, width) {
		cols[i] = uint64(size)
	}
	tbl := rd.AddTable()
	tbl.Style("TableGrid")
	tbl.Width(5000, stypes.TableWidthPct)
	tbl.Layout(stypes.TableLayoutFixed)
	tbl.Grid(cols...)
	row := func(cells []string, head bool) {
		r := tbl.AddRow()
		rc := tbl.GetCT().RowContents
		rp := rc[len(rc)-1].Row.Property
		rp.CantSplit = &ctypes.OnOff{} // a row moves to the next page whole
		if head {
			rp.Header = &ctypes.OnOff{}
		}
		for i, cell := range plan.Row(cells) {
			c := r.AddCell().Width(int(cols[i]), stypes.TableWidthDxa)
			if head {
				c.BackgroundColor("E6E6E6")
			}
			p := c.AddEmptyPara()
			p.Style("TableText")
			docxRuns(p, cell, head)
		}
	}
	if len(t.Header) > 0 {
		row(t.Header, true)
	}
	for _, r := range t.Rows {
		row(r, false)
	}
}

// The logo's box above the title, in inches: as high as the PDF's (14 mm),
// at most 6 cm wide.
const (
	docxLogoH    = pdfLogoH / 25.4
	docxLogoMaxW = 60 / 25.4
)

// docxLogo puts d's logo (PNG or JPEG), if any, in a paragraph of its own
// above the title, its text alternative the municipality's name. A logo
// whose size cannot be read is left out: the document is still written.
func docxLogo(rd *docx.RootDoc, d *Doc) error {
	if d.LogoType == "" {
		return nil
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(d.Logo))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return nil
	}
	h := docxLogoH
	w := h * float64(cfg.Width) / float64(cfg.Height)
	if w > docxLogoMaxW {
		w, h = docxLogoMaxW, docxLogoMaxW*float64(cfg.Height)/float64(cfg.Width)
	}
	// godocx reads a picture from a file only
	f, err := os.CreateTemp("", "ikplan-logo-*."+d.LogoType)
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(d.Logo); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	p := rd.AddEmptyParagraph()
	if _, err := p.AddPicture(f.Name(), units.Inch(w), units.Inch(h)); err != nil {
		return err
	}
	// the drawing's description is what a screen reader says for it
	for _, c := range p.GetCT().Children {
		if c.Run == nil {
			continue
		}
		for _, rc := range c.Run.Children {
			if rc.Drawing == nil {
				continue
			}
			for i := range rc.Drawing.Inline {
				rc.Drawing.Inline[i].DocProp.Description = d.Issuer
			}
		}
	}
	return nil
}
