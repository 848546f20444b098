package report

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
)

// pdfFile writes a PDF's objects and, at the end, their cross-reference
// table. Objects are numbered before they are written, so that they can
// refer to each other in any order.
type pdfFile struct {
	buf     bytes.Buffer
	offsets []int // of each object, by number - 1; 0 until written
	zw      *zlib.Writer
	zbuf    bytes.Buffer
}

func newPDFFile() *pdfFile {
	f := &pdfFile{}
	// PDF 1.7; the second line's bytes above 127 mark the file binary
	f.buf.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	return f
}

// alloc numbers a new object.
func (f *pdfFile) alloc() int {
	f.offsets = append(f.offsets, 0)
	return len(f.offsets)
}

// obj writes object n with its body.
func (f *pdfFile) obj(n int, body string) {
	f.offsets[n-1] = f.buf.Len()
	fmt.Fprintf(&f.buf, "%d 0 obj\n%s\nendobj\n", n, body)
}

// stream writes object n as a stream: dict holds the entries besides
// Length and Filter; compress deflates data.
func (f *pdfFile) stream(n int, dict string, data []byte, compress bool) {
	if compress {
		f.zbuf.Reset()
		if f.zw == nil {
			f.zw, _ = zlib.NewWriterLevel(&f.zbuf, zlib.DefaultCompression)
		} else {
			f.zw.Reset(&f.zbuf)
		}
		_, _ = f.zw.Write(data)
		_ = f.zw.Close()
		data = f.zbuf.Bytes()
		dict += " /Filter /FlateDecode"
	}
	f.offsets[n-1] = f.buf.Len()
	fmt.Fprintf(&f.buf, "%d 0 obj\n<<%s /Length %d>>\nstream\n", n, dict, len(data))
	f.buf.Write(data)
	f.buf.WriteString("\nendstream\nendobj\n")
}

// finish writes the cross-reference table and the trailer.
func (f *pdfFile) finish(root, info int, id string) []byte {
	at := f.buf.Len()
	fmt.Fprintf(&f.buf, "xref\n0 %d\n0000000000 65535 f \n", len(f.offsets)+1)
	for _, off := range f.offsets {
		fmt.Fprintf(&f.buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&f.buf, "trailer\n<</Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>]>>\nstartxref\n%d\n%%%%EOF\n",
		len(f.offsets)+1, root, info, id, id, at)
	return f.buf.Bytes()
}

// ref is a reference to object n.
func ref(n int) string { return strconv.Itoa(n) + " 0 R" }

// pdfStr is s as a PDF text string: literal when it is printable ASCII,
// else UTF-16BE with its byte order mark, in hex.
func pdfStr(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			ascii = false
			break
		}
	}
	if ascii {
		r := strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`)
		return "(" + r.Replace(s) + ")"
	}
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// pdfNum is a number with at most three decimals, without trailing zeros.
func pdfNum(v float64) string {
	s := strconv.FormatFloat(v, 'f', 3, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" || s == "" {
		return "0"
	}
	return s
}
