package report

import (
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"html"
	"slices"
	"strings"
	"unicode"
)

// The structure tree of a tagged PDF: each element has a type (Document,
// H1, P, Table, TR, TH, TD, Figure …) and, in reading order, its child
// elements and the marked-content sequences (BDC … EMC with an MCID on a
// page) that draw its text. What is not content — the running header, the
// page numbers, a header row repeated on a later page, the rules and shading
// of tables — is drawn as an artifact, outside the tree.

// pdfElem is an element of the structure tree.
type pdfElem struct {
	typ  string
	alt  string // alternative text, for a Figure
	attr string // more entries of its dictionary, e.g. a TH's scope
	kids []pdfKid
	num  int // its object number, when written
}

// pdfKid is a child element, or marked content: MCID mcid on page page.
type pdfKid struct {
	elem *pdfElem
	page int
	mcid int
}

// add appends a child element of type typ.
func (e *pdfElem) add(typ string) *pdfElem {
	k := &pdfElem{typ: typ}
	e.kids = append(e.kids, pdfKid{elem: k})
	return k
}

// mark opens marked content on the page being laid out: for el, with the
// next MCID, or an artifact when el is nil.
func (l *pdfLayout) mark(el *pdfElem) {
	pg := l.page()
	if el == nil {
		pg.content.WriteString("/Artifact BMC\n")
		return
	}
	mcid := len(pg.parents)
	pg.parents = append(pg.parents, el)
	el.kids = append(el.kids, pdfKid{page: len(l.pages) - 1, mcid: mcid})
	fmt.Fprintf(&pg.content, "/%s <</MCID %d>> BDC\n", el.typ, mcid)
}

// text draws one line of text s in the style at x mm from the left and
// top mm from the top of the page, tagged as part of el (nil: an
// artifact).
func (l *pdfLayout) text(el *pdfElem, x, top float64, st pdfStyle, s string) {
	l.mark(el)
	l.textOn(&l.page().content, x, top, st, s)
	l.page().content.WriteString("EMC\n")
}

// textOn writes the text object that draws s.
func (l *pdfLayout) textOn(b *strings.Builder, x, top float64, st pdfStyle, s string) {
	face := l.fonts.faces[st.style]
	used := l.used[st.style]
	if used == nil {
		used = make([]bool, face.numGlyph)
		l.used[st.style] = used
	}
	sizeMM := st.size * mmPerPt
	base := top + st.lineH()/2 + float64(face.capH)/1000*sizeMM/2
	fmt.Fprintf(b, "BT /F%s %s Tf %s g %s %s Td <", pdfFontKey(st.style), pdfNum(st.size), pdfNum(st.grey),
		pdfNum(x/mmPerPt), pdfNum((l.pageH-base)/mmPerPt))
	for _, r := range s {
		g := uint16(0)
		if r >= 0 && r < pdfRunes {
			g = face.glyphs[r]
		}
		used[g] = true
		fmt.Fprintf(b, "%04X", g)
	}
	b.WriteString("> Tj ET\n")
}

// pdfFontKey is a font's name in the pages' resources.
func pdfFontKey(s pdfFontStyle) string {
	switch s {
	case pdfBold:
		return "B"
	case pdfItalic:
		return "I"
	}
	return "R"
}

// cellBox draws a table cell's border, and its shading when fill is set,
// as an artifact.
func (l *pdfLayout) cellBox(x, top, w, h float64, fill bool) {
	b := &l.page().content
	b.WriteString("/Artifact BMC\nq ")
	rect := fmt.Sprintf("%s %s %s %s re", pdfNum(x/mmPerPt), pdfNum((l.pageH-top-h)/mmPerPt), pdfNum(w/mmPerPt), pdfNum(h/mmPerPt))
	if fill {
		fmt.Fprintf(b, "%s g %s f ", pdfNum(pdfShade), rect)
	}
	fmt.Fprintf(b, "%s G %s w %s S Q\nEMC\n", pdfNum(pdfRule), pdfNum(pdfRuleW/mmPerPt), rect)
}

// image draws the logo w × h mm at x, top, as the Figure fig (nil: an
// artifact).
func (l *pdfLayout) image(fig *pdfElem, x, top, w, h float64) {
	if fig != nil {
		fig.attr = fmt.Sprintf("/A <</O /Layout /Placement /Block /BBox [%s %s %s %s]>>", pdfNum(x/mmPerPt),
			pdfNum((l.pageH-top-h)/mmPerPt), pdfNum((x+w)/mmPerPt), pdfNum((l.pageH-top)/mmPerPt))
	}
	l.mark(fig)
	fmt.Fprintf(&l.page().content, "q %s 0 0 %s %s %s cm /Logo Do Q\nEMC\n", pdfNum(w/mmPerPt), pdfNum(h/mmPerPt),
		pdfNum(x/mmPerPt), pdfNum((l.pageH-top-h)/mmPerPt))
}

// pdfLang is the document's language as the PDF names it.
func pdfLang(lang string) string {
	switch strings.ToLower(strings.TrimSpace(lang)) {
	case "", "sv", "sv-se":
		return "sv-SE"
	case "en":
		return "en"
	}
	return lang
}

// write writes the laid-out pages as a PDF: each page's content between its
// running header and its page number (artifacts), the fonts, the logo, the
// structure tree and its parent tree, the outline, the document's language,
// title and PDF/UA identification in the catalog, Info and XMP metadata.
func (l *pdfLayout) write(d *Doc) ([]byte, error) {
	f := newPDFFile()
	catalog, pagesNum, resources, structRoot, info, meta := f.alloc(), f.alloc(), f.alloc(), f.alloc(), f.alloc(), f.alloc()
	pageNums := make([]int, len(l.pages))
	for i := range l.pages {
		pageNums[i] = f.alloc()
	}
	// pages: the header and the page number are drawn here, so that the
	// fonts know every glyph before they are written
	contents := make([]string, len(l.pages))
	for i, pg := range l.pages {
		var b strings.Builder
		if len(l.header) > 0 {
			b.WriteString("/Artifact <</Type /Pagination /Subtype /Header>> BDC\n")
			top := pdfTop
			for _, line := range l.header {
				l.textOn(&b, pdfLeft, top, pdfHeader, line)
				top += pdfHeader.lineH()
			}
			y := (l.pageH - top - 1) / mmPerPt
			fmt.Fprintf(&b, "q %s G %s w %s %s m %s %s l S Q\nEMC\n", pdfNum(pdfRule), pdfNum(pdfRuleW/mmPerPt),
				pdfNum(pdfLeft/mmPerPt), pdfNum(y), pdfNum((pdfLeft+l.width)/mmPerPt), pdfNum(y))
		}
		b.WriteString(pg.content.String())
		b.WriteString("/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n")
		num := fmt.Sprintf("Sida %d av %d", i+1, len(l.pages))
		w := l.fonts.faces[pdfHeader.style].width(num, pdfHeader.size)
		l.textOn(&b, pdfLeft+l.width-w, l.pageH-pdfBottom+pdfFootAt-pdfHeader.lineH(), pdfHeader, num)
		b.WriteString("EMC\n")
		contents[i] = b.String()
	}
	fonts := l.writeFonts(f)
	var logo string
	if l.logo != nil {
		logo = fmt.Sprintf(" /XObject <</Logo %s>>", ref(l.writeImage(f)))
	}
	f.obj(resources, fmt.Sprintf("<</Font <<%s>>%s>>", fonts, logo))
	kids := make([]string, len(l.pages))
	for i := range l.pages {
		content := f.alloc()
		f.stream(content, "", []byte(contents[i]), true)
		f.obj(pageNums[i], fmt.Sprintf("<</Type /Page /Parent %s /MediaBox [0 0 %s %s] /Resources %s /Contents %s /StructParents %d /Tabs /S>>",
			ref(pagesNum), pdfNum(l.pageW/mmPerPt), pdfNum(l.pageH/mmPerPt), ref(resources), ref(content), i))
		kids[i] = ref(pageNums[i])
	}
	f.obj(pagesNum, fmt.Sprintf("<</Type /Pages /Kids [%s] /Count %d>>", strings.Join(kids, " "), len(l.pages)))

	// the structure tree, and for each page the element of each MCID
	l.numberElems(f, l.doc)
	l.writeElem(f, l.doc, structRoot, pageNums)
	var nums strings.Builder
	for i, pg := range l.pages {
		fmt.Fprintf(&nums, "%d [", i)
		for k, el := range pg.parents {
			if k > 0 {
				nums.WriteByte(' ')
			}
			nums.WriteString(ref(el.num))
		}
		nums.WriteString("] ")
	}
	f.pack(structRoot, fmt.Sprintf("<</Type /StructTreeRoot /K [%s] /ParentTree <</Nums [%s]>> /ParentTreeNextKey %d>>",
		ref(l.doc.num), strings.TrimSpace(nums.String()), len(l.pages)))

	outline := l.writeOutline(f, pageNums)
	lang := pdfLang(d.Lang)
	var cat strings.Builder
	fmt.Fprintf(&cat, "<</Type /Catalog /Pages %s /StructTreeRoot %s /MarkInfo <</Marked true>> /Lang %s /Metadata %s /ViewerPreferences <</DisplayDocTitle true>>",
		ref(pagesNum), ref(structRoot), pdfStr(lang), ref(meta))
	if outline != 0 {
		fmt.Fprintf(&cat, " /Outlines %s /PageMode /UseOutlines", ref(outline))
	}
	cat.WriteString(">>")
	f.obj(catalog, cat.String())

	var inf strings.Builder
	inf.WriteString("<<")
	if d.Title != "" {
		fmt.Fprintf(&inf, "/Title %s ", pdfStr(d.Title))
	}
	if d.Header != "" {
		fmt.Fprintf(&inf, "/Subject %s ", pdfStr(d.Header))
	}
	inf.WriteString("/Creator (ikplan) /Producer (ikplan)>>")
	f.obj(info, inf.String())
	f.stream(meta, " /Type /Metadata /Subtype /XML", []byte(pdfXMP(d, lang)), false)

	sum := md5.Sum([]byte(d.Title + "\x00" + d.Header + "\x00" + contents[0]))
	return f.finish(catalog, info, strings.ToUpper(hex.EncodeToString(sum[:]))), nil
}

// numberElems gives each element of the tree an object number.
func (l *pdfLayout) numberElems(f *pdfFile, e *pdfElem) {
	e.num = f.alloc()
	for _, k := range e.kids {
		if k.elem != nil {
			l.numberElems(f, k.elem)
		}
	}
}

// writeElem writes e and the elements below it; parent is e's parent.
func (l *pdfLayout) writeElem(f *pdfFile, e *pdfElem, parent int, pageNums []int) {
	var b strings.Builder
	fmt.Fprintf(&b, "<</Type /StructElem /S /%s /P %s", e.typ, ref(parent))
	if e.alt != "" {
		fmt.Fprintf(&b, " /Alt %s", pdfStr(e.alt))
	}
	if e.attr != "" {
		b.WriteString(" " + e.attr)
	}
	// the page of the first marked content is the element's; content on
	// another page is referred to with that page
	pg := -1
	for _, k := range e.kids {
		if k.elem == nil {
			pg = k.page
			break
		}
	}
	if pg >= 0 {
		fmt.Fprintf(&b, " /Pg %s", ref(pageNums[pg]))
	}
	b.WriteString(" /K [")
	for i, k := range e.kids {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch {
		case k.elem != nil:
			b.WriteString(ref(k.elem.num))
		case k.page == pg:
			fmt.Fprintf(&b, "%d", k.mcid)
		default:
			fmt.Fprintf(&b, "<</Type /MCR /Pg %s /MCID %d>>", ref(pageNums[k.page]), k.mcid)
		}
	}
	b.WriteString("]>>")
	f.pack(e.num, b.String())
	for _, k := range e.kids {
		if k.elem != nil {
			l.writeElem(f, k.elem, e.num, pageNums)
		}
	}
}

// pdfXMP is the document's XMP metadata: its title, subject and language,
// and that it conforms to PDF/UA-1.
func pdfXMP(d *Doc, lang string) string {
	// XML takes no control characters, escaped or not
	esc := func(s string) string {
		return html.EscapeString(strings.Map(func(r rune) rune {
			if unicode.IsControl(r) || r == '\ufffe' || r == '\uffff' {
				return -1
			}
			return r
		}, s))
	}
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\ufeff\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" +
		"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" +
		"<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"" +
		" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n" +
		"<dc:format>application/pdf</dc:format>\n")
	if d.Title != "" {
		fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", esc(d.Title))
	}
	if d.Header != "" {
		fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", esc(d.Header))
	}
	fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", esc(lang))
	b.WriteString("<pdf:Producer>ikplan</pdf:Producer>\n<xmp:CreatorTool>ikplan</xmp:CreatorTool>\n" +
		"<pdfuaid:part>1</pdfuaid:part>\n</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return b.String()
}

// writeFonts writes each font used, cut down to its glyphs, as a Type0
// font of a CIDFontType2 with its widths and a ToUnicode map, and returns
// the resources' font entries.
func (l *pdfLayout) writeFonts(f *pdfFile) string {
	var entries []string
	for _, style := range []pdfFontStyle{pdfRegular, pdfBold, pdfItalic} {
		used := l.used[style]
		if used == nil {
			continue
		}
		face := l.fonts.faces[style]
		type0, cid, desc, file, toUni := f.alloc(), f.alloc(), f.alloc(), f.alloc(), f.alloc()
		sub, err := face.subset(used)
		if err != nil {
			sub = face.ttf
		}
		tagSum := md5.Sum(append([]byte(face.name), boolBytes(used)...))
		var tag strings.Builder
		for _, c := range tagSum[:6] {
			tag.WriteByte('A' + c%26)
		}
		name := tag.String() + "+" + face.name
		f.obj(type0, fmt.Sprintf("<</Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%s] /ToUnicode %s>>",
			name, ref(cid), ref(toUni)))
		f.obj(cid, fmt.Sprintf("<</Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %s /DW 1000 /W [%s] /CIDToGIDMap /Identity>>",
			name, ref(desc), face.widthsArray(used)))
		flags, stem := 32, 80
		if style == pdfItalic {
			flags |= 64
		}
		if style == pdfBold {
			flags |= 1 << 18
			stem = 140
		}
		f.obj(desc, fmt.Sprintf("<</Type /FontDescriptor /FontName /%s /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %s /Ascent %d /Descent %d /CapHeight %d /StemV %d /FontFile2 %s>>",
			name, flags, face.bbox[0], face.bbox[1], face.bbox[2], face.bbox[3], pdfNum(face.italic), face.ascent, face.descent, face.capH, stem, ref(file)))
		f.stream(file, fmt.Sprintf(" /Length1 %d", len(sub)), sub, true)
		f.stream(toUni, "", []byte(face.toUnicode(used)), true)
		entries = append(entries, fmt.Sprintf("/F%s %s", pdfFontKey(style), ref(type0)))
	}
	return strings.Join(entries, " ")
}

func boolBytes(bs []bool) []byte {
	out := make([]byte, len(bs))
	for i, b := range bs {
		if b {
			out[i] = 1
		}
	}
	return out
}

// widthsArray is the /W array of the glyphs used: runs of consecutive
// glyphs with their widths.
func (face *pdfFace) widthsArray(used []bool) string {
	var b strings.Builder
	for g := 0; g < len(used); {
		if !used[g] {
			g++
			continue
		}
		fmt.Fprintf(&b, "%d [", g)
		for first := true; g < len(used) && used[g]; g++ {
			if !first {
				b.WriteByte(' ')
			}
			first = false
			w := face.glyphW[g]
			if w == 0 && g == 0 {
				w = 500
			}
			fmt.Fprintf(&b, "%d", w)
		}
		b.WriteString("] ")
	}
	return strings.TrimSpace(b.String())
}

// toUnicode is the ToUnicode CMap of the glyphs used: each glyph's
// character, so that text can be copied, searched and read aloud.
func (face *pdfFace) toUnicode(used []bool) string {
	var pairs []string
	for g, u := range used {
		if !u || face.runeOf[g] == 0 {
			continue
		}
		pairs = append(pairs, fmt.Sprintf("<%04X> <%04X>", g, face.runeOf[g]))
	}
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for chunk := range slices.Chunk(pairs, 100) {
		fmt.Fprintf(&b, "%d beginbfchar\n%s\nendbfchar\n", len(chunk), strings.Join(chunk, "\n"))
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.String()
}

// writeImage writes the logo as an image XObject, its transparency as a
// soft mask.
func (l *pdfLayout) writeImage(f *pdfFile) int {
	img := l.logo
	n := f.alloc()
	dict := fmt.Sprintf(" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /%s /BitsPerComponent 8", img.w, img.h, img.space)
	if img.alpha != nil {
		mask := f.alloc()
		f.stream(mask, fmt.Sprintf(" /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8", img.w, img.h), img.alpha, true)
		dict += " /SMask " + ref(mask)
	}
	if img.filter != "" {
		f.stream(n, dict+" /Filter /"+img.filter, img.data, false)
	} else {
		f.stream(n, dict, img.data, true)
	}
	return n
}
