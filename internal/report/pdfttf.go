package report

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
)

// The TrueType file of a font, read and cut down to the glyphs a PDF
// uses. A PDF embeds the font as a CIDFontType2 whose codes are glyph
// numbers (Identity-H, CIDToGIDMap Identity), so a subset keeps every glyph
// at its number and leaves the unused ones empty: only glyf and loca
// change.

var errTTF = errors.New("typsnittsfilen är trasig")

// ttfTables is a TrueType file's tables by tag.
func ttfTables(ttf []byte) (map[string][]byte, error) {
	if len(ttf) < 12 {
		return nil, errTTF
	}
	n := int(binary.BigEndian.Uint16(ttf[4:]))
	if len(ttf) < 12+16*n {
		return nil, errTTF
	}
	out := make(map[string][]byte, n)
	for i := range n {
		rec := ttf[12+16*i:]
		off, size := binary.BigEndian.Uint32(rec[8:]), binary.BigEndian.Uint32(rec[12:])
		if uint64(off)+uint64(size) > uint64(len(ttf)) {
			return nil, errTTF
		}
		out[string(rec[:4])] = ttf[off : off+size]
	}
	return out, nil
}

// readMetrics reads what the font descriptor says of the font: its bounding
// box, ascent, descent, cap height and italic angle, scaled to thousandths
// of an em.
func (f *pdfFace) readMetrics(scale float64) error {
	t, err := ttfTables(f.ttf)
	if err != nil {
		return err
	}
	head, hhea := t["head"], t["hhea"]
	if len(head) < 54 || len(hhea) < 8 {
		return errTTF
	}
	s16 := func(b []byte, off int) int { return int(int16(binary.BigEndian.Uint16(b[off:]))) }
	sc := func(v int) int { return int(math.Round(float64(v) * scale)) }
	f.bbox = [4]int{sc(s16(head, 36)), sc(s16(head, 38)), sc(s16(head, 40)), sc(s16(head, 42))}
	f.ascent, f.descent = sc(s16(hhea, 4)), sc(s16(hhea, 6))
	f.capH = f.ascent
	if os2 := t["OS/2"]; len(os2) >= 90 && binary.BigEndian.Uint16(os2) >= 2 {
		f.capH = sc(s16(os2, 88))
	}
	if post := t["post"]; len(post) >= 8 {
		f.italic = float64(int32(binary.BigEndian.Uint32(post[4:]))) / 65536
	}
	return nil
}

// ttfDrop are tables a PDF does not use: layout features, hinting tables
// for other resolutions and the font's names (the PDF names it).
var ttfDrop = map[string]bool{"glyf": true, "loca": true, "DSIG": true, "GSUB": true, "GPOS": true, "GDEF": true,
	"kern": true, "hdmx": true, "LTSH": true, "VDMX": true, "PCLT": true, "name": true}

// subset is the font with only the glyphs used (and glyph 0, and the parts
// of composite glyphs) drawn; every other glyph is empty.
func (f *pdfFace) subset(used []bool) ([]byte, error) {
	t, err := ttfTables(f.ttf)
	if err != nil {
		return nil, err
	}
	head, loca, glyf, maxp := t["head"], t["loca"], t["glyf"], t["maxp"]
	if len(head) < 54 || len(maxp) < 6 {
		return nil, errTTF
	}
	n := int(binary.BigEndian.Uint16(maxp[4:]))
	long := binary.BigEndian.Uint16(head[50:]) == 1
	glyph := func(g int) []byte {
		var a, b uint32
		if long {
			if len(loca) < 4*(g+2) {
				return nil
			}
			a, b = binary.BigEndian.Uint32(loca[4*g:]), binary.BigEndian.Uint32(loca[4*g+4:])
		} else {
			if len(loca) < 2*(g+2) {
				return nil
			}
			a, b = 2*uint32(binary.BigEndian.Uint16(loca[2*g:])), 2*uint32(binary.BigEndian.Uint16(loca[2*g+2:]))
		}
		if a >= b || uint64(b) > uint64(len(glyf)) {
			return nil
		}
		return glyf[a:b]
	}
	keep := make([]bool, n)
	var add func(g, depth int)
	add = func(g, depth int) {
		if g >= n || keep[g] || depth > 8 {
			return
		}
		keep[g] = true
		d := glyph(g)
		if len(d) < 10 || int16(binary.BigEndian.Uint16(d)) >= 0 {
			return
		}
		for p := 10; p+4 <= len(d); { // a composite glyph: keep its parts
			flags := binary.BigEndian.Uint16(d[p:])
			add(int(binary.BigEndian.Uint16(d[p+2:])), depth+1)
			p += 4
			if flags&1 != 0 {
				p += 4
			} else {
				p += 2
			}
			switch {
			case flags&0x8 != 0:
				p += 2
			case flags&0x40 != 0:
				p += 4
			case flags&0x80 != 0:
				p += 8
			}
			if flags&0x20 == 0 {
				break
			}
		}
	}
	add(0, 0)
	for g, u := range used {
		if u {
			add(g, 0)
		}
	}
	var newGlyf []byte
	newLoca := make([]byte, 4*(n+1))
	for g := range n {
		binary.BigEndian.PutUint32(newLoca[4*g:], uint32(len(newGlyf)))
		if keep[g] {
			newGlyf = append(newGlyf, glyph(g)...)
			for len(newGlyf)%4 != 0 {
				newGlyf = append(newGlyf, 0)
			}
		}
	}
	binary.BigEndian.PutUint32(newLoca[4*n:], uint32(len(newGlyf)))
	out := map[string][]byte{"glyf": newGlyf, "loca": newLoca}
	for tag, data := range t {
		if !ttfDrop[tag] {
			out[tag] = data
		}
	}
	h := slices.Clone(head)
	binary.BigEndian.PutUint16(h[50:], 1) // long offsets in loca
	binary.BigEndian.PutUint32(h[8:], 0)  // checkSumAdjustment, set below
	out["head"] = h
	if post := t["post"]; len(post) >= 32 { // version 3: no glyph names
		p := slices.Clone(post[:32])
		binary.BigEndian.PutUint32(p, 0x00030000)
		out["post"] = p
	}
	return ttfWrite(out), nil
}

// ttfWrite writes tables as a TrueType file, with checksums.
func ttfWrite(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for tag := range tables {
		tags = append(tags, tag)
	}
	slices.Sort(tags)
	n := len(tags)
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	out := make([]byte, 12+16*n)
	binary.BigEndian.PutUint32(out, 0x00010000)
	binary.BigEndian.PutUint16(out[4:], uint16(n))
	binary.BigEndian.PutUint16(out[6:], uint16(16<<es))
	binary.BigEndian.PutUint16(out[8:], uint16(es))
	binary.BigEndian.PutUint16(out[10:], uint16(16*n-16<<es))
	headAt := 0
	for i, tag := range tags {
		data := tables[tag]
		rec := out[12+16*i:]
		copy(rec, tag)
		binary.BigEndian.PutUint32(rec[4:], ttfSum(data))
		binary.BigEndian.PutUint32(rec[8:], uint32(len(out)))
		binary.BigEndian.PutUint32(rec[12:], uint32(len(data)))
		if tag == "head" {
			headAt = len(out)
		}
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	if headAt > 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-ttfSum(out))
	}
	return out
}

func ttfSum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
