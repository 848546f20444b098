package auditpkg

import (
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/internal/report"
)

// writeFiles adds the plan's files: each result's evidence, each sample's
// population file and each item's evidence, under the control's number
// and the period, streamed from the storage one at a time.
func writeFiles(pk *packer, app core.App, dir string, t *tree) error {
	fsys, err := app.NewFilesystem()
	if err != nil {
		return fmt.Errorf("failed to open the file storage: %w", err)
	}
	defer fsys.Close()
	copyFile := func(r *core.Record, name, to string) error {
		return pk.add(to, func(w io.Writer) error {
			rd, err := fsys.GetReader(r.BaseFilesPath() + "/" + name)
			if err != nil {
				return fmt.Errorf("failed to read the file %s of %s %q: %w", name, r.Collection().Name, r.Id, err)
			}
			defer rd.Close()
			_, err = io.Copy(w, rd)
			return err
		})
	}
	folder := func(r *core.Record, period string) string {
		nr := "x"
		if c := t.controlOf(r); c != nil {
			nr = report.Slug(controlNumber(c))
		}
		return dir + "underlag/kontroll-" + nr + "/" + report.Slug(period) + "/"
	}
	for _, r := range t.results {
		res := model.AsResult(r)
		for _, name := range res.Evidence() {
			if err := copyFile(r, name, folder(r, res.Period())+safeName(name)); err != nil {
				return err
			}
		}
	}
	for _, s := range t.samples {
		smp := model.AsSample(s)
		at := folder(s, smp.Period()) + "stickprov/"
		if name := smp.PopulationFile(); name != "" {
			if err := copyFile(s, name, at+"population-"+safeName(name)); err != nil {
				return err
			}
		}
		for _, r := range t.items {
			it := model.AsSampleItem(r)
			if it.Sample() != s.Id {
				continue
			}
			for _, name := range it.Evidence() {
				if err := copyFile(r, name, fmt.Sprintf("%spost-%d/%s", at, it.Position(), safeName(name))); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// controlNumber is the control's number with its section, as a folder's name.
func controlNumber(r *core.Record) string {
	c := model.AsControl(r)
	s := strconv.Itoa(c.Number())
	if sec := c.Section(); sec != "" {
		s += "-" + sec
	}
	return s
}

// safeName is a stored file's name as a name in the zip: its last part,
// without separators.
func safeName(name string) string {
	name = path.Base(strings.ReplaceAll(name, "\\", "/"))
	if name == "." || name == ".." || name == "/" || name == "" {
		return "fil"
	}
	return name
}
