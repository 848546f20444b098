package auditpkg

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/internal/report"
)

// Request is a package asked for.
type Request struct {
	Year  int
	Board string       // a board's id; "" for every board the maker may read
	User  *core.Record // whose rules decide what goes in; nil for everything (the command line, as a superuser)
	Lang  string       // the language of the sheets and LASMIG.txt; the documents are the board's, in Swedish
	Now   time.Time
}

// ErrNoPlan is a year (and board) without any plan the maker may read.
var ErrNoPlan = errors.New("no plan")

// Package is a package ready to be written: the plans it holds, found and
// checked before the first byte goes out, so that a refusal can still be
// a page.
type Package struct {
	app   core.App
	req   Request
	plans []*core.Record
	board *core.Record
}

// Prepare finds the plans of the request's year (and board) that its
// maker may read; ErrNoPlan when there is none.
func Prepare(app core.App, req Request) (*Package, error) {
	req.Lang = i18n.Normalize(req.Lang)
	a := access{app: app, user: req.User}
	p := &Package{app: app, req: req}
	filter, params := "year = {:y}", dbx.Params{"y": req.Year}
	if req.Board != "" {
		b, err := a.view(model.Boards, req.Board)
		if err != nil {
			return nil, err
		}
		if b == nil {
			return nil, ErrNoPlan
		}
		p.board = b
		filter += " && board = {:b}"
		params["b"] = b.Id
	}
	plans, err := a.list(model.Plans, filter, "board.name", params)
	if err != nil {
		return nil, fmt.Errorf("failed to list the plans of %d: %w", req.Year, err)
	}
	if len(plans) == 0 {
		return nil, ErrNoPlan
	}
	p.plans = plans
	return p, nil
}

// FileName is the zip's name: revisionspaket-2024.zip, or with the
// board's name.
func (p *Package) FileName() string {
	name := "revisionspaket-" + strconv.Itoa(p.req.Year)
	if p.board != nil {
		name += "-" + report.Slug(model.AsBoard(p.board).Name())
	}
	return name + ".zip"
}

// Write writes the package to w as it is made, one file at a time: no
// more than one document is held at once, and evidence files stream
// through. madeFor names who asked for it, in the manifest.
func (p *Package) Write(w io.Writer, k Key, madeFor string) error {
	m := &Manifest{Format: Format, Created: p.req.Now.UTC().Truncate(time.Second), Year: p.req.Year, MadeFor: madeFor, Public: []string{}}
	if p.board != nil {
		m.Board = &BoardRef{Id: p.board.Id, Name: model.AsBoard(p.board).Name()}
	}
	pk := newPacker(w, m)
	a := access{app: p.app, user: p.req.User}
	if err := pk.addBytes("LASMIG.txt", readme(p.req.Lang, m)); err != nil {
		return err
	}
	for _, plan := range p.plans {
		if err := p.writePlan(pk, a, plan); err != nil {
			return err
		}
	}
	if p.board == nil {
		if err := p.writeRollUp(pk, a); err != nil {
			return err
		}
	}
	return pk.seal(k)
}

// writeRollUp adds the roll-up of the year over the boards the maker may
// read, in the version they may read.
func (p *Package) writeRollUp(pk *packer, a access) error {
	boards, err := a.list(model.Boards, "", "name", nil)
	if err != nil {
		return err
	}
	full, err := a.seesEveryControl(p.plans)
	if err != nil {
		return err
	}
	doc, err := report.RollUpOf(p.app, boards, p.req.Year, model.Version{User: a.user, Public: !full}, p.req.Now)
	if errors.Is(err, report.ErrNoPlan) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("failed to make the roll-up of %d: %w", p.req.Year, err)
	}
	name := "sammanstallning-" + strconv.Itoa(p.req.Year)
	if !full {
		name += "-offentlig"
	}
	return writeDoc(pk, name, doc)
}

// writeDoc adds a document as PDF and as Word.
func writeDoc(pk *packer, name string, doc *report.Doc) error {
	for _, format := range []string{"pdf", "docx"} {
		var buf bytes.Buffer
		if err := report.Write(format, &buf, doc); err != nil {
			return fmt.Errorf("failed to write %s.%s: %w", name, format, err)
		}
		if err := pk.addBytes(name+"."+format, buf.Bytes()); err != nil {
			return err
		}
	}
	return nil
}
