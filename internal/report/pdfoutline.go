package report

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Headings become PDF bookmarks (the outline a reader shows beside the
// pages): each heading's first line, where it is drawn, records a pdfMark.

// pdfMark is an outline entry: its text, level (0 is the top), page
// (from 0) and top in mm from the top of the page.
type pdfMark struct {
	text  string
	level int
	page  int
	top   float64
}

// writeOutline writes the outline's entries, nested by level, and returns
// the outline dictionary's object number (0: no outline).
func (l *pdfLayout) writeOutline(f *pdfFile, pageNums []int) int {
	if len(l.marks) == 0 {
		return 0
	}
	root := f.alloc()
	nums := make([]int, len(l.marks))
	for i := range l.marks {
		nums[i] = f.alloc()
	}
	parent := make([]int, len(l.marks)) // index of the parent, -1 for the root
	var stack []int
	for i, m := range l.marks {
		for len(stack) > m.level {
			stack = stack[:len(stack)-1]
		}
		parent[i] = -1
		if len(stack) > 0 {
			parent[i] = stack[len(stack)-1]
		}
		stack = append(stack, i)
	}
	kids := func(p int) []int {
		var out []int
		for i := range l.marks {
			if parent[i] == p {
				out = append(out, i)
			}
		}
		return out
	}
	var count func(p int) int
	count = func(p int) int {
		n := 0
		for _, k := range kids(p) {
			n += 1 + count(k)
		}
		return n
	}
	num := func(i int) int {
		if i < 0 {
			return root
		}
		return nums[i]
	}
	for i, m := range l.marks {
		var b strings.Builder
		fmt.Fprintf(&b, "<</Title %s /Parent %s /Dest [%s /XYZ 0 %s null]", pdfStr(m.text), ref(num(parent[i])),
			ref(pageNums[m.page]), pdfNum((l.pageH-m.top)/mmPerPt))
		sibs := kids(parent[i])
		for k, s := range sibs {
			if s != i {
				continue
			}
			if k > 0 {
				fmt.Fprintf(&b, " /Prev %s", ref(nums[sibs[k-1]]))
			}
			if k+1 < len(sibs) {
				fmt.Fprintf(&b, " /Next %s", ref(nums[sibs[k+1]]))
			}
		}
		if ks := kids(i); len(ks) > 0 {
			fmt.Fprintf(&b, " /First %s /Last %s /Count %d", ref(nums[ks[0]]), ref(nums[ks[len(ks)-1]]), count(i))
		}
		b.WriteString(">>")
		f.pack(nums[i], b.String())
	}
	top := kids(-1)
	f.obj(root, fmt.Sprintf("<</Type /Outlines /First %s /Last %s /Count %d>>", ref(nums[top[0]]), ref(nums[top[len(top)-1]]), count(-1)))
	return root
}

// outlineLevels turns heading levels into outline levels: the first heading
// is at the top, and no entry is more than one level below the one before
// it (the outline would not nest otherwise).
func outlineLevels(levels []int) []int {
	out := make([]int, len(levels))
	prev := -1
	for i, l := range levels {
		lv := l - 1
		if i == 0 || lv < 0 {
			lv = 0
		}
		if lv > prev+1 {
			lv = prev + 1
		}
		out[i], prev = lv, lv
	}
	return out
}

// outlineText is a heading as a bookmark shows it: on one line, without
// control characters.
func outlineText(s string) string {
	s = norm.NFC.String(s)
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
}
