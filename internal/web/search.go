package web

import (
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/templates"
)

// The search's limits: the shortest and longest search, and the most hits
// shown of each kind.
const (
	searchMin   = 2
	searchMax   = 200
	searchLimit = 50
)

// search handles "GET /search": plans, controls, deviations and actions
// whose text contains q, each kind through the collection's list rule.
func (s *server) search(e *core.RequestEvent) error {
	q := strings.TrimSpace(e.Request.URL.Query().Get("q"))
	v := templates.SearchView{Q: q, Limit: searchLimit}
	p := s.page(e, "", "search")
	p.Title = p.T("search.title")
	status := http.StatusOK
	switch n := utf8.RuneCountInString(q); {
	case n > searchMax:
		v.Errors = templates.Errors{{Field: "q", Message: p.T("search.too_long", searchMax)}}
		p.Error, status = true, http.StatusUnprocessableEntity
	case n >= searchMin:
		groups, err := s.searchGroups(e, q)
		if err != nil {
			return err
		}
		v.Searched, v.Groups = true, groups
		for _, g := range groups {
			v.Total += len(g.Hits)
		}
	}
	return s.render(e, status, p, templates.Search(p, v), templates.SearchSection(p, v))
}

// searchKind is what is searched in one collection: the filter (with the
// search as {:q}), the order, and how a record becomes a hit.
type searchKind struct {
	kind, collection, filter, sort string
}

var searchKinds = []searchKind{
	{"plans", model.Plans, "title ~ {:q}", "-year"},
	{"controls", model.Controls, "title ~ {:q} || description ~ {:q}", "-plan.year,position"},
	{"deviations", model.Deviations, "description ~ {:q}", "-created"},
	{"actions", model.Actions, "description ~ {:q}", "-created"},
}

func (s *server) searchGroups(e *core.RequestEvent, q string) ([]templates.SearchGroup, error) {
	params := searchParams(q)
	var groups []templates.SearchGroup
	for _, k := range searchKinds {
		recs, err := list(e.App, e.Auth, k.collection, k.filter, k.sort, searchLimit+1, params)
		if err != nil {
			return nil, err
		}
		if len(recs) == 0 {
			continue
		}
		g := templates.SearchGroup{Kind: k.kind}
		if len(recs) > searchLimit {
			recs, g.More = recs[:searchLimit], true
		}
		if g.Hits, err = s.searchHits(e, k.kind, recs); err != nil {
			return nil, err
		}
		groups = append(groups, g)
	}
	return groups, nil
}

// searchHits turns found records into links.
func (s *server) searchHits(e *core.RequestEvent, kind string, recs []*core.Record) ([]templates.SearchHit, error) {
	hits := make([]templates.SearchHit, 0, len(recs))
	switch kind {
	case "plans":
		boards, err := s.byIds(e, model.Boards, field(recs, "board"))
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			board := ""
			if b := boards[r.GetString("board")]; b != nil {
				board = b.GetString("name")
			}
			hits = append(hits, templates.SearchHit{Href: "/plans/" + r.Id, Title: r.GetString("title"),
				Detail: strings.TrimSpace(board + " " + itoa(r.GetInt("year")))})
		}
	case "controls":
		for _, r := range recs {
			hits = append(hits, templates.SearchHit{Href: "/controls/" + r.Id, Title: r.GetString("title"),
				Detail: shorten(r.GetString("description"), 160)})
		}
	case "deviations":
		results, err := s.byIds(e, model.Results, field(recs, "result"))
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			href := "/"
			if res := results[r.GetString("result")]; res != nil {
				href = "/controls/" + res.GetString("control") + "#deviation-" + r.Id
			}
			hits = append(hits, templates.SearchHit{Href: href, Title: shorten(r.GetString("description"), 200)})
		}
	case "actions":
		for _, r := range recs {
			href := "/actions#action-" + r.Id
			if c := r.GetString("control"); c != "" {
				href = "/controls/" + c + "#action-" + r.Id
			}
			hits = append(hits, templates.SearchHit{Href: href, Title: shorten(r.GetString("description"), 200),
				Detail: i18nT(e, "action.status."+r.GetString("status"))})
		}
	}
	return hits, nil
}

// searchParams is the search's one parameter, {:q}: every %, _ and \ in
// the search is a character to find, escaped for PocketBase's ~ (LIKE with
// ESCAPE '\'), never a wildcard or an escape of its own. (Escaping only %
// lost the searches for "\%" and "%\".)
func searchParams(q string) dbx.Params {
	return dbx.Params{"q": likeEscaper.Replace(q)}
}

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
