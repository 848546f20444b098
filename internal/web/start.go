package web

import (
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
	"ikplan/internal/i18n"
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
	o, err := newOverview(e.App, e.Auth, s.now(), remind.Days(e.App))
	if err != nil {
		return err
	}
	v, err := s.startView(e, o.CountUpTo(startCounted))
	if err != nil {
		return err
	}
	if v.Common, err = s.startCommon(e); err != nil {
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
	if name != listSignificant && !slices.Contains(startLists, name) {
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
		return s.significant(e, offset, limit, 0, func() ([]string, error) { return fewPlans(e.App, e.Auth) })
	}
	o, err := newOverview(e.App, e.Auth, s.now(), remind.Days(e.App))
	if err != nil {
		return templates.DueList{}, err
	}
	return s.overviewList(e, o, name, offset, limit)
}

func (s *server) startView(e *core.RequestEvent, o *overview) (templates.StartView, error) {
	role := model.AsUser(e.Auth).Role()
	// a reader or an auditor can own nothing: no personal lists
	v := templates.StartView{Own: role == model.RoleCoordinator || role == model.RoleOwner}
	plans, err := o.Plans()
	if err != nil {
		return v, err
	}
	boards, err := s.names(e, model.Boards, "board", plans)
	if err != nil {
		return v, err
	}
	// each plan's readiness from what the user may read (the overview's
	// plans are adopted; their records carry only the fields it reads)
	records := make([]*core.Record, len(plans))
	for i, st := range plans {
		records[i] = st.Plan.Clone()
		model.AsPlan(records[i]).SetStatus(model.PlanAdopted)
	}
	ready, err := model.PlansReadinessAs(e.App, e.Auth, records, s.now())
	if err != nil {
		return v, err
	}
	l := lang(e)
	groups := map[string]string{} // plan → "Kommunstyrelsen – Internkontrollplan 2024"
	byBoard := map[string]*templates.BoardProgress{}
	for _, st := range plans {
		board := boards[model.AsPlan(st.Plan).Board()]
		r := ready[st.Plan.Id]
		groups[st.Plan.Id] = i18n.T(l, "start.group", board, model.AsPlan(st.Plan).Year())
		v.Plans = append(v.Plans, templates.PlanProgress{Plan: st.Plan, Total: st.Controls, Reported: st.Controls - st.Unreported,
			Board: board, Tags: templates.ReadinessTags(l, r)})
		b := byBoard[board]
		if b == nil {
			b = &templates.BoardProgress{Board: board}
			byBoard[board] = b
		}
		b.Controls += r.Controls
		b.Reported += r.Reported
		b.Significant += r.OpenSignificant
		b.LateActions += r.LateActions
	}
	sort.SliceStable(v.Plans, func(i, j int) bool { return v.Plans[i].Board < v.Plans[j].Board })
	for _, b := range byBoard {
		v.Boards = append(v.Boards, *b)
	}
	sort.Slice(v.Boards, func(i, j int) bool { return v.Boards[i].Board < v.Boards[j].Board })
	if v.Own {
		for _, name := range startLists {
			l, err := s.overviewList(e, o, name, 0, startItems)
			if err != nil {
				return v, err
			}
			if name == listOverdue && l.WithOwner {
				groupItems(&l, groups)
			}
			v.Lists = append(v.Lists, l)
		}
	}
	if role == model.RoleAuditor {
		if v.Recent, err = s.recentChanges(e); err != nil {
			return v, err
		}
		v.ShowRecent = true
	}
	v.Significant, err = s.significant(e, 0, startItems, startCounted, o.FewPlans)
	return v, err
}

// groupItems puts a list's items under the heading of their plan — board,
// plan and year — in the order of the headings, by date within each.
func groupItems(l *templates.DueList, groups map[string]string) {
	for i := range l.Items {
		l.Items[i].Group = groups[l.Items[i].Plan]
	}
	sort.SliceStable(l.Items, func(i, j int) bool { return l.Items[i].Group < l.Items[j].Group })
	l.Grouped = true
}

// recentShown is how many changes the auditor's start page shows.
const recentShown = 8

// recentChanges are the latest entries of the history the user may read
// (the audit log's rule: their boards' records), each linking to its
// record's history.
func (s *server) recentChanges(e *core.RequestEvent) ([]templates.RecentChange, error) {
	rows, err := access.ListAs(e.App, e.Auth, model.AuditLog, "", "-at", recentShown, nil,
		access.Fields{"collection", "record", "op", "actor_name", "at"})
	if err != nil {
		return nil, err
	}
	l := lang(e)
	out := make([]templates.RecentChange, 0, len(rows))
	for _, r := range rows {
		out = append(out, templates.RecentChange{
			Href: "/history/" + model.AsAuditEntry(r).RecordCollection() + "/" + model.AsAuditEntry(r).RecordId(),
			What: i18n.T(l, "history.c."+model.AsAuditEntry(r).RecordCollection()) + ": " + i18n.T(l, "history.op."+model.AsAuditEntry(r).Op()),
			When: model.AsAuditEntry(r).At().Time().In(model.Stockholm).Format("2006-01-02 15:04"),
			Who:  model.AsAuditEntry(r).ActorName(),
		})
	}
	return out, nil
}

// names maps the ids the plans' field holds to the names of those records
// (boards) the user may see.
func (s *server) names(e *core.RequestEvent, collection, fieldName string, plans []planState) (map[string]string, error) {
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
	recs, err := access.ListAs(e.App, e.Auth, collection, "", "", 0, nil, access.In{Field: "id", Values: ids}, access.Fields{"name"})
	for _, r := range recs {
		out[r.Id] = model.AsBoard(r).Name()
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
