package web

import (
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/model"
	"ikplan/internal/remind"
	"ikplan/templates"
)

func (s *server) bindStartRoutes(g *groupRouter) {
	g.GET("/{$}", s.start)
	g.GET("/start/{list}", s.startList)
}

// startItems is how many items each of the start page's lists shows; the
// rest are a link away.
const startItems = 25

// startCounted is how many items of each list the start page counts;
// beyond that it says "more than", and the whole list's page counts them
// all: counting everyone's overdue actions and significant deviations of
// thirty boards cost more than the rest of the page.
const startCounted = 100

// listPerPage is how many items a page of a whole list shows.
const listPerPage = 100

// start handles "GET /": what the user has to do — overdue, due soon (the
// same items as their reminder e-mails), their controls to report and
// their open actions —, each adopted plan's progress and the open
// significant deviations. Each list shows its count and its first items.
func (s *server) start(e *core.RequestEvent) error {
	o, err := remind.NewOverview(e.App, e.Auth, s.now(), remind.Days(e.App))
	if err != nil {
		return err
	}
	v, err := s.startView(e, o.CountUpTo(startCounted))
	if err != nil {
		return err
	}
	// the menu's count from what the page has read already
	if n, err := o.DueCount(); err == nil {
		e.Set(navCountKey, s.cachedCount(e, func() int { return n }))
	}
	p := s.page(e, "", "start")
	p.Title = p.T("start.title")
	return s.render(e, http.StatusOK, p, templates.Start(p, v), nil)
}

// startList handles "GET /start/{list}": one of the start page's lists in
// full, a page at a time.
func (s *server) startList(e *core.RequestEvent) error {
	name := e.Request.PathValue("list")
	if name != listSignificant && !slices.Contains(remind.Lists, name) {
		return errNotFound
	}
	page := max(1, atoiOr(e.Request.URL.Query().Get("page"), 1))
	l, err := s.dueList(e, name, (page-1)*listPerPage, listPerPage)
	if err != nil {
		return err
	}
	v := templates.StartListView{List: l, Pages: max(1, (l.Total+listPerPage-1)/listPerPage)}
	v.Page = min(page, v.Pages)
	if v.Page != page { // past the end: the last page
		if l, err = s.dueList(e, name, (v.Page-1)*listPerPage, listPerPage); err != nil {
			return err
		}
		v.List = l
	}
	v.Prev, v.Next = listPage(name, v.Page-1, v.Pages), listPage(name, v.Page+1, v.Pages)
	p := s.page(e, "", "start")
	p.Title = l.Heading
	return s.render(e, http.StatusOK, p, templates.StartList(p, v), nil)
}

// listPage is the address of page n of a whole list, or "" when there is no such page.
func listPage(name string, n, pages int) string {
	if n < 1 || n > pages {
		return ""
	}
	if n == 1 {
		return "/start/" + name
	}
	return "/start/" + name + "?" + url.Values{"page": {strconv.Itoa(n)}}.Encode()
}

// dueList is the part of a list of the start page from offset.
func (s *server) dueList(e *core.RequestEvent, name string, offset, limit int) (templates.DueList, error) {
	if name == listSignificant {
		return s.significant(e, offset, limit, 0, func() ([]string, error) { return remind.FewPlans(e.App, e.Auth) })
	}
	o, err := remind.NewOverview(e.App, e.Auth, s.now(), remind.Days(e.App))
	if err != nil {
		return templates.DueList{}, err
	}
	return s.overviewList(e, o, name, offset, limit)
}

func (s *server) startView(e *core.RequestEvent, o *remind.Overview) (templates.StartView, error) {
	var v templates.StartView
	for _, name := range remind.Lists {
		l, err := s.overviewList(e, o, name, 0, startItems)
		if err != nil {
			return v, err
		}
		v.Lists = append(v.Lists, l)
	}
	plans, err := o.Plans()
	if err != nil {
		return v, err
	}
	boards, err := s.names(e, model.Boards, "board", plans)
	if err != nil {
		return v, err
	}
	for _, st := range plans {
		pp := templates.PlanProgress{Plan: st.Plan, Total: st.Controls, Reported: st.Controls - st.Unreported,
			Board: boards[st.Plan.GetString("board")]}
		switch {
		case st.Late:
			pp.Light = "red"
		case st.Unreported > 0:
			pp.Light = "yellow"
		default:
			pp.Light = "green"
		}
		v.Plans = append(v.Plans, pp)
	}
	sort.SliceStable(v.Plans, func(i, j int) bool { return v.Plans[i].Board < v.Plans[j].Board })
	v.Significant, err = s.significant(e, 0, startItems, startCounted, o.FewPlans)
	return v, err
}

// names maps the ids the plans' field holds to the names of those records
// (boards) the user may see.
func (s *server) names(e *core.RequestEvent, collection, fieldName string, plans []remind.PlanState) (map[string]string, error) {
	var ids []string
	for _, st := range plans {
		if id := st.Plan.GetString(fieldName); id != "" && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	out := map[string]string{}
	if len(ids) == 0 {
		return out, nil
	}
	recs, err := model.ListAs(e.App, e.Auth, collection, "", "", 0, nil, model.In{Field: "id", Values: ids}, model.Fields{"name"})
	for _, r := range recs {
		out[r.Id] = r.GetString("name")
	}
	return out, err
}

// navCountKey is where a page that has counted the user's due items
// leaves the count for the menu.
const navCountKey = "ikplanNavCount"

// navCount is the number of the signed-in user's own items that are overdue
// or due today, shown beside "Start" on every page. A fragment has no
// navigation, so it costs nothing there.
func (s *server) navCount(e *core.RequestEvent) int {
	if e.Auth == nil || e.Auth.Collection().Name != model.Users || isFragment(e) {
		return 0
	}
	if n, ok := e.Get(navCountKey).(int); ok {
		return n
	}
	return s.cachedCount(e, func() int { return s.countDue(e) })
}

// countDue counts the user's own items that are overdue or due today.
func (s *server) countDue(e *core.RequestEvent) int {
	n, err := remind.CountDue(e.App, e.Auth, s.now())
	if err != nil {
		e.App.Logger().Warn("failed to count the user's due items", slog.String("user", e.Auth.Id), slog.String("error", err.Error()))
		return 0
	}
	return n
}
