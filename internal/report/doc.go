// Package report writes the documents a board adopts — the follow-up report
// (uppföljning), the plan document and kommunstyrelsen's roll-up — and reads
// and writes plans as Excel.
//
// Each document is first built as a Doc, a small tree of headings,
// paragraphs and tables in the order they are read; the writers (HTML for
// print, PDF, DOCX) then lay a Doc out, so every format says the same.
package report

// Doc is a document: a title, the running header of its pages, and its
// blocks in reading order.
type Doc struct {
	Title  string // "Uppföljning av kommunstyrelsens internkontrollplan 2024"
	Header string // the page header: board and year, e.g. "Kommunstyrelsen – 2024"
	Lang   string // "sv"
	// Issuer is the municipality's name from the settings, above the title
	// ("" when not set); Logo its logo (PNG or JPEG, "" LogoType when none),
	// beside it where the format takes an image (HTML, PDF).
	Issuer   string
	Logo     []byte
	LogoType string // "png" or "jpg"
	Blocks   []Block
}

// Block is one part of a document: exactly one of its fields is set.
type Block struct {
	Heading   *Heading
	Paragraph *Paragraph
	Table     *Table
	PageBreak bool
}

// Heading is a numbered or plain heading; Level 1 is the highest below the
// title. Headings become PDF bookmarks and Word heading styles.
type Heading struct {
	Level int
	Text  string // with its number, e.g. "1.1 Följande avvikelser …"
	Id    string // an anchor for HTML, unique within the document
}

// Paragraph is running text. Marks are short labels shown before the text,
// such as "Sekretess" on a confidential item of the internal version.
type Paragraph struct {
	Text  string
	Marks []string
	Style string // "", "lead" (an item's title line), "note" (a muted remark)
}

// Table is a table with a caption, a header row and rows of plain text.
// Widths are relative column widths (any unit); nil means equal.
type Table struct {
	Caption string
	Header  []string
	Rows    [][]string
	Widths  []float64
}

// H appends a heading.
func (d *Doc) H(level int, id, text string) {
	d.Blocks = append(d.Blocks, Block{Heading: &Heading{Level: level, Text: text, Id: id}})
}

// P appends a paragraph.
func (d *Doc) P(style, text string, marks ...string) {
	d.Blocks = append(d.Blocks, Block{Paragraph: &Paragraph{Text: text, Style: style, Marks: marks}})
}

// T appends a table.
func (d *Doc) T(t Table) {
	d.Blocks = append(d.Blocks, Block{Table: &t})
}

// Break appends a page break.
func (d *Doc) Break() {
	d.Blocks = append(d.Blocks, Block{PageBreak: true})
}
