package report

import (
	"bytes"
	"image"
	"image/color"
	_ "image/jpeg" // the logo may be a JPEG
	_ "image/png"  // or a PNG
)

// pdfImage is an image as a PDF draws it: its pixels (RGB or grey, or the
// JPEG file itself) and, when it has any transparency, its alpha channel.
type pdfImage struct {
	w, h   int
	data   []byte
	filter string // "DCTDecode" for a JPEG as it is, "" for raw pixels
	space  string // "DeviceRGB" or "DeviceGray"
	alpha  []byte
}

// newPDFImage reads a PNG or JPEG logo; nil when there is none or it does
// not read.
func newPDFImage(data []byte, typ string) *pdfImage {
	if typ == "" || len(data) == 0 {
		return nil
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > 40<<20 {
		return nil
	}
	if format == "jpeg" {
		switch cfg.ColorModel {
		case color.YCbCrModel, color.RGBAModel:
			return &pdfImage{w: cfg.Width, h: cfg.Height, data: data, filter: "DCTDecode", space: "DeviceRGB"}
		case color.GrayModel:
			return &pdfImage{w: cfg.Width, h: cfg.Height, data: data, filter: "DCTDecode", space: "DeviceGray"}
		}
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil
	}
	b := img.Bounds()
	out := &pdfImage{w: b.Dx(), h: b.Dy(), space: "DeviceRGB", data: make([]byte, 0, 3*b.Dx()*b.Dy())}
	alpha := make([]byte, 0, b.Dx()*b.Dy())
	opaque := true
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
			out.data = append(out.data, c.R, c.G, c.B)
			alpha = append(alpha, c.A)
			opaque = opaque && c.A == 255
		}
	}
	if !opaque {
		out.alpha = alpha
	}
	return out
}
