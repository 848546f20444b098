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
	packed  []pdfPacked // objects to compress together in object streams
}

// pdfPacked is an object kept for an object stream.
type pdfPacked struct {
	n    int
	body string
}

// pdfPerStream is the most objects in one object stream.
const pdfPerStream = 200

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

// pack keeps object n for an object stream: the many small dictionaries
// of the structure tree and the outline take a fifth of the room that way.
func (f *pdfFile) pack(n int, body string) {
	f.packed = append(f.packed, pdfPacked{n, body})
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

// finish writes the packed objects in object streams, then the
// cross-reference stream with the trailer's entries.
func (f *pdfFile) finish(root, info int, id string) []byte {
	inStm := map[int][2]int{} // object → its object stream and index there
	for len(f.packed) > 0 {
		chunk := f.packed[:min(pdfPerStream, len(f.packed))]
		f.packed = f.packed[len(chunk):]
		m := f.alloc()
		var head, body strings.Builder
		for i, o := range chunk {
			fmt.Fprintf(&head, "%d %d ", o.n, body.Len())
			body.WriteString(o.body)
			body.WriteByte('\n')
			inStm[o.n] = [2]int{m, i}
		}
		f.stream(m, fmt.Sprintf(" /Type /ObjStm /N %d /First %d", len(chunk), head.Len()), []byte(head.String()+body.String()), true)
	}
	x := f.alloc()
	f.offsets[x-1] = f.buf.Len()
	entries := make([]byte, 0, 7*(len(f.offsets)+1))
	entry := func(typ byte, a uint32, b uint16) {
		entries = append(entries, typ, byte(a>>24), byte(a>>16), byte(a>>8), byte(a), byte(b>>8), byte(b))
	}
	entry(0, 0, 0xffff)
	for i, off := range f.offsets {
		if s, ok := inStm[i+1]; ok {
			entry(2, uint32(s[0]), uint16(s[1]))
		} else {
			entry(1, uint32(off), 0)
		}
	}
	f.stream(x, fmt.Sprintf(" /Type /XRef /Size %d /W [1 4 2] /Root %s /Info %s /ID [<%s> <%s>]", len(f.offsets)+1, ref(root), ref(info), id, id), entries, true)
	fmt.Fprintf(&f.buf, "startxref\n%d\n%%%%EOF\n", f.offsets[x-1])
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
