package report

import (
	"archive/zip"
	"bytes"
	"embed"
	"encoding/xml"
	"strings"
	"sync"
	"time"
)

// The DOCX package a document starts from is ikplan's own, in
// docxtemplate/: its styles are Word's built-in ones (Title, heading 1-4,
// caption, header, footer, Table Grid) plus three of its own (Punktrubrik
// for an item's title line, Anmärkning, Tabelltext), in Swedish, on A4.
// godocx's default template would do too, but its 440 kB of styles take
// 30 ms to read for every document; this one is read in well under one.
//
//go:embed docxtemplate/*.xml docxtemplate/*.rels
var docxTemplateFS embed.FS

// docxTemplate is the template package, zipped once.
var docxTemplate = sync.OnceValues(func() ([]byte, error) {
	parts := []struct{ name, file string }{
		{"[Content_Types].xml", "content_types.xml"},
		{"_rels/.rels", "rels.xml"},
		{"word/document.xml", "document.xml"},
		{"word/_rels/document.xml.rels", "document.xml.rels"},
		{"word/styles.xml", "styles.xml"},
		{"word/settings.xml", "settings.xml"},
		{"docProps/app.xml", "app.xml"},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		b, err := docxTemplateFS.ReadFile("docxtemplate/" + p.file)
		if err != nil {
			return nil, err
		}
		f, err := zw.Create(p.name)
		if err != nil {
			return nil, err
		}
		if _, err := f.Write(b); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
})

const (
	docxW  = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	xmlDec = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// docxHeader is the page header part: the document's running header.
func docxHeader(text string) []byte {
	var b strings.Builder
	b.WriteString(xmlDec + `<w:hdr ` + docxW + `><w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>`)
	if text != "" {
		b.WriteString(`<w:r><w:t xml:space="preserve">`)
		xmlEscape(&b, text)
		b.WriteString(`</w:t></w:r>`)
	}
	b.WriteString(`</w:p></w:hdr>`)
	return []byte(b.String())
}

// docxFooter is the page footer part: "Sida N av M", N and M fields Word
// and LibreOffice fill in.
func docxFooter() []byte {
	field := func(instr string) string {
		return `<w:r><w:fldChar w:fldCharType="begin"/></w:r>` +
			`<w:r><w:instrText xml:space="preserve"> ` + instr + ` </w:instrText></w:r>` +
			`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>` +
			`<w:r><w:fldChar w:fldCharType="end"/></w:r>`
	}
	return []byte(xmlDec + `<w:ftr ` + docxW + `><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>` +
		`<w:r><w:t xml:space="preserve">Sida </w:t></w:r>` + field("PAGE") +
		`<w:r><w:t xml:space="preserve"> av </w:t></w:r>` + field("NUMPAGES") +
		`</w:p></w:ftr>`)
}

// docxCore is the package's core properties: title, language, time made.
func docxCore(title, lang string, now time.Time) []byte {
	var b strings.Builder
	b.WriteString(xmlDec + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>`)
	xmlEscape(&b, title)
	b.WriteString(`</dc:title><dc:creator>ikplan</dc:creator><dc:language>`)
	xmlEscape(&b, lang)
	stamp := now.UTC().Format("2006-01-02T15:04:05Z")
	b.WriteString(`</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">` + stamp +
		`</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">` + stamp +
		`</dcterms:modified></cp:coreProperties>`)
	return []byte(b.String())
}

func xmlEscape(b *strings.Builder, s string) {
	_ = xml.EscapeText(b, []byte(docxText(s)))
}

// docxLang is the language tag Word wants for a Doc's language.
func docxLang(lang string) string {
	switch strings.ToLower(lang) {
	case "", "sv", "sv-se":
		return "sv-SE"
	case "en":
		return "en-GB"
	}
	return lang
}

// docxText keeps what XML 1.0 can carry: tabs and line breaks, and no other
// control characters.
func docxText(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n':
			return r
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || (r >= 0x7F && r < 0xA0):
			return -1
		}
		return r
	}, s)
}
