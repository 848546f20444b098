package templates

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/report"
)

// The documents the report pages show.
const (
	ReportFollowUp = "followup"
	ReportPlan     = "plan"
	ReportRollUp   = "rollup"
	ReportMemo     = "memo" // the tjänsteskrivelse carrying the follow-up to the board
)

// ReportKinds lists the documents, as they stand in the addresses.
var ReportKinds = []string{ReportFollowUp, ReportPlan, ReportRollUp, ReportMemo}

// ReportView is a document's preview page.
type ReportView struct {
	Kind      string
	Doc       *report.Doc  // nil when there is nothing to show, with Message
	Message   string       // why there is no document
	Plan      *core.Record // the plan (nil for the roll-up)
	Board     string       // the board's id ("" for the roll-up)
	Year      int
	Years     []int // the roll-up's years to choose from, latest first
	Public    bool  // the public version, without confidential controls
	CanChoose bool  // the user may see the internal version too
	Formats   []string
	FileName  string // the download's name without extension
}

// Title is the page's title: the document's, or the roll-up's for its year.
func (v ReportView) Title(p Page) string {
	if v.Doc != nil {
		return v.Doc.Title
	}
	return p.T("reports.rollup", v.Year)
}

// ReportURL is the address of a document's preview, or of its download in
// format when format is not "".
func ReportURL(kind, board string, year int, public bool, format string) string {
	q := url.Values{}
	if board != "" {
		q.Set("board", board)
	}
	q.Set("year", strconv.Itoa(year))
	if format != "" {
		q.Set("format", format)
	}
	if public {
		q.Set("public", "1")
	}
	path := "/reports/" + kind
	if format != "" {
		path += "/download"
	}
	return path + "?" + q.Encode()
}

// FormatName is a format as people name it: "HTML", "PDF", "DOCX".
func FormatName(format string) string { return strings.ToUpper(format) }
