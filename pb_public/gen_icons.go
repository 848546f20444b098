//go:build ignore

// gen draws ikplan's icons: a white check in a rounded square of the
// accent colour, the same shape as icons/icon.svg. Run with `go generate
// ./pb_public` after changing the shape; the PNGs and the ICO in icons/ are
// committed.
package main

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
)

// The shape in icons/icon.svg's units (a 64 × 64 view box).
const (
	size   = 64.0
	radius = 14.0 // the square's corners
	stroke = 7.0  // the check's width
)

// check is the check's line, as in icons/icon.svg's path.
var check = [][2]float64{{18, 33}, {27, 42}, {46, 22}}

var accent = color.NRGBA{0x1d, 0x4f, 0x91, 0xff}

func main() {
	for _, icon := range []struct {
		name    string
		px      int
		rounded bool
	}{
		{"icon-32.png", 32, true},
		{"icon-192.png", 192, true},
		{"icon-512.png", 512, true},
		// iOS rounds the corners itself and wants no transparency
		{"apple-touch-icon.png", 180, false},
	} {
		write(icon.name, encode(draw(icon.px, icon.rounded)))
	}
	var ico [][]byte
	for _, px := range []int{16, 32, 48} {
		ico = append(ico, encode(draw(px, true)))
	}
	write("favicon.ico", icoFile(ico, []int{16, 32, 48}))
}

// draw renders the icon at px × px, 4 × 4 samples a pixel.
func draw(px int, rounded bool) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, px, px))
	const n = 4
	scale := size / float64(px)
	for y := range px {
		for x := range px {
			var bg, mark int
			for sy := range n {
				for sx := range n {
					ux := (float64(x) + (float64(sx)+0.5)/n) * scale
					uy := (float64(y) + (float64(sy)+0.5)/n) * scale
					if rounded && !inRoundedSquare(ux, uy) {
						continue
					}
					bg++
					if onCheck(ux, uy) {
						mark++
					}
				}
			}
			if bg == 0 {
				continue
			}
			// white over the accent, by the share of samples on the check
			t := float64(mark) / float64(bg)
			mix := func(a uint8) uint8 { return uint8(math.Round(float64(a)*(1-t) + 255*t)) }
			img.SetNRGBA(x, y, color.NRGBA{mix(accent.R), mix(accent.G), mix(accent.B), uint8(math.Round(255 * float64(bg) / n / n))})
		}
	}
	return img
}

func inRoundedSquare(x, y float64) bool {
	cx := math.Min(math.Max(x, radius), size-radius)
	cy := math.Min(math.Max(y, radius), size-radius)
	return math.Hypot(x-cx, y-cy) <= radius
}

// onCheck: the point is within half the stroke of the check's line (round
// caps and joins).
func onCheck(x, y float64) bool {
	for i := 1; i < len(check); i++ {
		if segmentDistance(x, y, check[i-1], check[i]) <= stroke/2 {
			return true
		}
	}
	return false
}

func segmentDistance(x, y float64, a, b [2]float64) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	t := ((x-a[0])*dx + (y-a[1])*dy) / (dx*dx + dy*dy)
	t = math.Min(math.Max(t, 0), 1)
	return math.Hypot(x-(a[0]+t*dx), y-(a[1]+t*dy))
}

func encode(img image.Image) []byte {
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&b, img); err != nil {
		log.Fatal(err)
	}
	return b.Bytes()
}

// icoFile is an ICO holding the PNGs (which every browser since 2010 reads).
func icoFile(pngs [][]byte, sizes []int) []byte {
	var b bytes.Buffer
	le := func(v any) { _ = binary.Write(&b, binary.LittleEndian, v) }
	le(uint16(0))
	le(uint16(1)) // an icon
	le(uint16(len(pngs)))
	offset := 6 + 16*len(pngs)
	for i, p := range pngs {
		b.WriteByte(byte(sizes[i]))
		b.WriteByte(byte(sizes[i]))
		b.WriteByte(0) // no palette
		b.WriteByte(0)
		le(uint16(1))  // colour planes
		le(uint16(32)) // bits a pixel
		le(uint32(len(p)))
		le(uint32(offset))
		offset += len(p)
	}
	for _, p := range pngs {
		b.Write(p)
	}
	return b.Bytes()
}

func write(name string, data []byte) {
	if err := os.WriteFile("icons/"+name, data, 0o644); err != nil {
		log.Fatal(err)
	}
}
