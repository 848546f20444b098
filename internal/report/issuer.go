package report

import (
	"bytes"
	"io"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
)

// logoMax is the most of a logo read into a document (the settings take
// no larger file).
const logoMax = 1 << 20

// withIssuer puts the municipality's name and logo from the settings on d.
// A logo that cannot be read or is neither PNG nor JPEG is left out (and
// logged): the document is still written.
func withIssuer(app core.App, d *Doc) *Doc {
	m := model.MunicipalityOf(app)
	d.Issuer = m.Name
	if m.Logo == "" {
		return d
	}
	fsys, err := app.NewFilesystem()
	if err != nil {
		app.Logger().Warn("report: failed to open the files for the logo", "error", err.Error())
		return d
	}
	defer fsys.Close()
	r, err := fsys.GetReader(m.LogoKey())
	if err != nil {
		app.Logger().Warn("report: failed to read the logo", "error", err.Error())
		return d
	}
	defer r.Close()
	data, err := io.ReadAll(io.LimitReader(r, logoMax+1))
	if err != nil || len(data) > logoMax {
		app.Logger().Warn("report: the logo is unreadable or too large", "bytes", len(data))
		return d
	}
	switch {
	case bytes.HasPrefix(data, []byte("\x89PNG\r\n\x1a\n")):
		d.Logo, d.LogoType = data, "png"
	case bytes.HasPrefix(data, []byte{0xff, 0xd8, 0xff}):
		d.Logo, d.LogoType = data, "jpg"
	}
	return d
}
