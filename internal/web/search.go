package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
	"ikplan/internal/model"
	"ikplan/templates"
)

// The search's limits: the shortest and longest search, the hits shown of
// each kind on the search page, and a page of one kind's hits.
const (
	searchMin     = 2
	searchMax     = 200
	searchShown   = 20
	searchPerPage = 50
)

// search handles "GET /search": plans, controls, deviations and actions
// whose text contains q, each kind through the collection's list rule. The
// page shows the latest hits of each kind and links to the rest of a kind
// (?kind=controls&page=2), so that a search reads only as many rows as it
// shows: newest first, SQLite walks an index and stops there.
func (s *server) search(e *core.RequestEvent) error {
	query := e.Request.URL.Query()
	q := strings.TrimSpace(query.Get("q"))
	v := templates.SearchView{Q: q, Limit: searchShown}
	p := s.page(e, "", "search")
	p.Title = p.T("search.title")
	status := http.StatusOK
	switch n := utf8.RuneCountInString(q); {
	case n > searchMax:
		v.Errors = templates.Errors{{Field: "q", Message: p.T("search.too_long", searchMax)}}
		p.Error, status = true, http.StatusUnprocessableEntity
	case n >= searchMin:
		v.Searched = true
		var err error
		if k, ok := searchKindOf(query.Get("kind")); ok {
			err = s.searchKindPage(e, &v, k, max(1, atoiOr(query.Get("page"), 1)))
		} else {
			err = s.searchAll(e, &v)
		}
		if err != nil {
			return err
		}
	}
	return s.render(e, status, p, templates.Search(p, v), templates.SearchSection(p, v))
}

// searchKind is what is searched in one collection: the filter (with the
// search as {:q}) and the order, the latest first, which an index gives.
type searchKind struct {
	kind, collection, filter, sort string
}

var searchKinds = []searchKind{
	{"plans", model.Plans, "title ~ {:q}", "-year"},
	{"controls", model.Controls, "title ~ {:q} || description ~ {:q}", "-created"},
	{"deviations", model.Deviations, "description ~ {:q}", "-created"},
	{"actions", model.Actions, "description ~ {:q}", "-created"},
}

// searchKindOf is the kind named, if it is one.
func searchKindOf(name string) (searchKind, bool) {
	for _, k := range searchKinds {
		if k.kind == name {
			return k, true
		}
	}
	return searchKind{}, false
}

// searchHref is the address of a search for q, of one kind and page.
func searchHref(q, kind string, page int) string {
	v := url.Values{"q": {q}}
	if kind != "" {
		v.Set("kind", kind)
	}
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	return "/search?" + v.Encode()
}

// find lists up to limit records of a kind that match q, after skipping
// offset, and whether there are more.
func (s *server) find(e *core.RequestEvent, k searchKind, q string, limit, offset int) ([]*core.Record, bool, error) {
	recs, err := access.ListAs(e.App, e.Auth, k.collection, k.filter, k.sort, limit+1, searchParams(q), access.Offset(offset))
	if err != nil || len(recs) <= limit {
		return recs, false, err
	}
	return recs[:limit], true, nil
}

// searchAll fills v with the latest hits of every kind.
func (s *server) searchAll(e *core.RequestEvent, v *templates.SearchView) error {
	for _, k := range searchKinds {
		recs, more, err := s.find(e, k, v.Q, searchShown, 0)
		if err != nil {
			return err
		}
		if len(recs) == 0 {
			continue
		}
		g := templates.SearchGroup{Kind: k.kind, More: more}
		if more {
			g.MoreHref, v.More = searchHref(v.Q, k.kind, 1), true
		}
		if g.Hits, err = s.searchHits(e, k.kind, recs); err != nil {
			return err
		}
		v.Groups = append(v.Groups, g)
		v.Total += len(g.Hits)
	}
	return nil
}

// searchKindPage fills v with a page of one kind's hits.
func (s *server) searchKindPage(e *core.RequestEvent, v *templates.SearchView, k searchKind, page int) error {
	recs, more, err := s.find(e, k, v.Q, searchPerPage, (page-1)*searchPerPage)
	if err != nil {
		return err
	}
	v.Kind, v.Page, v.Limit, v.AllHref = k.kind, page, searchPerPage, searchHref(v.Q, "", 1)
	if page > 1 {
		v.Prev = searchHref(v.Q, k.kind, page-1)
	}
	if more {
		v.Next = searchHref(v.Q, k.kind, page+1)
	}
	if len(recs) == 0 {
		return nil
	}
	g := templates.SearchGroup{Kind: k.kind}
	if g.Hits, err = s.searchHits(e, k.kind, recs); err != nil {
		return err
	}
	v.Groups, v.Total = []templates.SearchGroup{g}, len(g.Hits)
	return nil
}

// searchHits turns found records into links.
func (s *server) searchHits(e *core.RequestEvent, kind string, recs []*core.Record) ([]templates.SearchHit, error) {
	hits := make([]templates.SearchHit, 0, len(recs))
	switch kind {
	case "plans":
		found, err := access.ListAs(e.App, e.Auth, model.Boards, "", "", 0, nil,
			access.In{Field: model.FieldId, Values: field(recs, model.FieldPlanBoard)}, access.Fields{model.FieldBoardName})
		if err != nil {
			return nil, err
		}
		boards := byId(found)
		for _, r := range model.AsPlans(recs) {
			board := ""
			if b := boards[r.Board()]; b != nil {
				board = model.AsBoard(b).Name()
			}
			hits = append(hits, templates.SearchHit{Href: "/plans/" + r.Id, Title: r.Title(),
				Detail: strings.TrimSpace(board + " " + itoa(r.Year()))})
		}
	case "controls":
		for _, r := range model.AsControls(recs) {
			hits = append(hits, templates.SearchHit{Href: "/controls/" + r.Id, Title: r.Title(),
				Detail: shorten(r.Description(), 160)})
		}
	case "deviations":
		found, err := access.ListAs(e.App, e.Auth, model.Results, "", "", 0, nil,
			access.In{Field: model.FieldId, Values: field(recs, model.FieldDeviationResult)}, access.Fields{model.FieldResultControl})
		if err != nil {
			return nil, err
		}
		results := byId(found)
		for _, r := range model.AsDeviations(recs) {
			href := "/"
			if res := results[r.Result()]; res != nil {
				href = "/controls/" + model.AsResult(res).Control() + "#deviation-" + r.Id
			}
			hits = append(hits, templates.SearchHit{Href: href, Title: shorten(r.Description(), 200)})
		}
	case "actions":
		for _, r := range model.AsActions(recs) {
			href := "/actions#action-" + r.Id
			if c := r.Control(); c != "" {
				href = "/controls/" + c + "#action-" + r.Id
			}
			hits = append(hits, templates.SearchHit{Href: href, Title: shorten(r.Description(), 200),
				Detail: i18nT(e, "action.status."+r.Status())})
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
