package web

import (
	"github.com/pocketbase/pocketbase/core"

	"ikplan/templates"
)

// startCommon is the start page's block for kommunstyrelsen's
// coordinators (scope "common"): for last year and this year, the boards
// (of those the user sees) that have not reported that year's common
// controls, each with the controls missing. Nothing for anyone else, and
// nothing for a year whose common controls are all reported.
func (s *server) startCommon(e *core.RequestEvent) ([]templates.CommonMissing, error) {
	if !mayDefineCommon(e.App, e.Auth) {
		return nil, nil
	}
	var out []templates.CommonMissing
	for _, year := range []int{s.now().Year() - 1, s.now().Year()} {
		items, err := commonComparison(e, year)
		if err != nil {
			return nil, err
		}
		m := templates.CommonMissing{Year: year}
		at := map[string]int{} // board → its place in m.Boards
		for _, it := range items {
			for _, c := range it.Copies {
				if !c.Missing {
					continue
				}
				i, ok := at[c.Board]
				if !ok {
					i = len(m.Boards)
					at[c.Board] = i
					m.Boards = append(m.Boards, templates.CommonMissingBoard{Board: c.Board})
				}
				link := "/common?year=" + itoa(year)
				if c.Control != "" {
					link = "/controls/" + c.Control
				}
				m.Boards[i].Controls = append(m.Boards[i].Controls, templates.CommonMissingControl{Title: it.Title, Status: c.Status, Link: link})
			}
		}
		if len(m.Boards) > 0 {
			out = append(out, m)
		}
	}
	return out, nil
}
