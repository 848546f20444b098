package web

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/access"
	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/internal/remind"
	"ikplan/templates"
)

// listSignificant is the start page's list of open significant deviations.
const listSignificant = "significant"

// The texts of each list of the start page: its heading and what it says
// when empty.
var listTexts = map[string][2]string{
	listOverdue:     {"start.overdue", "start.no_overdue"},
	listSoon:        {"start.soon", "start.no_soon"},
	listControls:    {"start.my_controls", "start.no_controls"},
	listActions:     {"start.my_actions", "start.no_actions"},
	listSignificant: {"start.significant", "start.no_significant"},
}

// newDueList is an empty list of the start page, with its texts.
func newDueList(l, name string) templates.DueList {
	t := listTexts[name]
	return templates.DueList{Id: name, Heading: i18n.T(l, t[0]), Empty: i18n.T(l, t[1]), All: "/start/" + name}
}

// overviewList is the part of one of the overview's lists from offset, as
// the page shows it; the overdue list of a coordinator, which holds
// everyone's items, names their owners.
func (s *server) overviewList(e *core.RequestEvent, o *overview, name string, offset, limit int) (templates.DueList, error) {
	l := lang(e)
	out := newDueList(l, name)
	part, err := o.List(name, offset, limit)
	if err != nil {
		return out, err
	}
	out.Total, out.Over = part.Total, part.More
	out.WithKind = name == listOverdue || name == listSoon
	out.WithOwner = name == listOverdue && model.AsUser(e.Auth).Role() == model.RoleCoordinator
	var owners map[string]string
	if out.WithOwner && len(part.Items) > 0 {
		var ids []string
		for _, it := range part.Items {
			if it.Owner != "" {
				ids = append(ids, it.Owner)
			}
		}
		owners = s.userNames(e, ids)
	}
	for _, it := range part.Items {
		item := dueItem(l, it, o.Due(it))
		item.Owner = owners[it.Owner]
		out.Items = append(out.Items, item)
	}
	return out, s.withStatusForms(e, &out)
}

// withStatusForms gives each action of a list its status block, with the
// form where the user may change it, so that an owner acts where the list
// sends them; a save without JavaScript returns to this page.
func (s *server) withStatusForms(e *core.RequestEvent, l *templates.DueList) error {
	var ids []string
	for _, it := range l.Items {
		if it.Kind == "action" {
			ids = append(ids, it.Id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	actions, err := e.App.FindRecordsByIds(model.Actions, ids)
	if err != nil {
		return err
	}
	planIds := field(actions, model.FieldActionPlan)
	plans, err := e.App.FindRecordsByIds(model.Plans, planIds)
	if err != nil {
		return err
	}
	mayUpdate, err := access.Allowed(e.App, e.Auth, model.Actions, col(e, model.Actions).UpdateRule, ids)
	if err != nil {
		return err
	}
	planOf := map[string]*core.Record{}
	for _, p := range plans {
		planOf[p.Id] = p
	}
	byId := map[string]*core.Record{}
	for _, a := range actions {
		byId[a.Id] = a
	}
	for i := range l.Items {
		if a := byId[l.Items[i].Id]; a != nil && l.Items[i].Kind == "action" {
			v := s.actionStatusView(a, planOf[model.AsAction(a).Plan()], mayUpdate[a.Id], e.Request.URL.Path)
			l.Items[i].Change = &v
		}
	}
	return nil
}

// significant is the part of the open significant deviations from offset,
// the oldest first, each linking to its control, counted no further than
// most (0: all of them). few is fewPlans of the user.
func (s *server) significant(e *core.RequestEvent, offset, limit, most int, few func() ([]string, error)) (templates.DueList, error) {
	out := newDueList(lang(e), listSignificant)
	const filter = "significant = true && status = 'open'"
	// for one who sees few plans, by those plans (an index)
	var narrow []access.ListOption
	plans, err := few()
	if err != nil {
		return out, err
	}
	if plans != nil {
		narrow = append(narrow, access.In{Field: "plan", Values: plans})
	}
	// one more than the page shows: when that one is missing, the count
	// needs no query of its own
	opts := append([]access.ListOption{access.Offset(offset), access.Fields{"result", "description", "plan"}}, narrow...)
	devs, err := access.ListAs(e.App, e.Auth, model.Deviations, filter, "created", limit+1, dbx.Params{}, opts...)
	if err != nil {
		return out, err
	}
	if len(devs) > limit || (offset > 0 && len(devs) == 0) {
		if most > 0 {
			out.Total, out.Over, err = access.CountUpTo(e.App, e.Auth, model.Deviations, filter, nil, most, narrow...)
		} else {
			out.Total, err = access.CountAs(e.App, e.Auth, model.Deviations, filter, nil, narrow...)
		}
		if err != nil {
			return out, err
		}
		devs = devs[:min(len(devs), limit)]
	} else {
		out.Total = offset + len(devs)
	}
	if len(devs) == 0 {
		return out, nil
	}
	results, err := access.ListAs(e.App, e.Auth, model.Results, "", "", 0, nil,
		access.In{Field: model.FieldId, Values: field(devs, model.FieldDeviationResult)}, access.Fields{model.FieldResultControl})
	if err != nil {
		return out, err
	}
	control := map[string]string{}
	for _, r := range results {
		control[r.Id] = model.AsResult(r).Control()
	}
	// each with its plan: the board and the year
	planOf := map[string]*core.Record{}
	if err := lookUpPlans(e, planOf, field(devs, model.FieldDeviationPlan)); err != nil {
		return out, err
	}
	var boardIds []string
	for _, pl := range planOf {
		boardIds = append(boardIds, model.AsPlan(pl).Board())
	}
	boards, err := access.ListAs(e.App, e.Auth, model.Boards, "", "", 0, nil,
		access.In{Field: "id", Values: boardIds}, access.Fields{"name"})
	if err != nil {
		return out, err
	}
	boardName := map[string]string{}
	for _, b := range boards {
		boardName[b.Id] = model.AsBoard(b).Name()
	}
	for _, d := range devs {
		href := "/"
		if c := control[model.AsDeviation(d).Result()]; c != "" {
			href = "/controls/" + c
		}
		item := templates.DueItem{Kind: "deviation", Href: href, Title: model.AsDeviation(d).Description()}
		if pl := planOf[model.AsDeviation(d).Plan()]; pl != nil {
			item.Board, item.Year = boardName[model.AsPlan(pl).Board()], model.AsPlan(pl).Year()
		}
		out.Items = append(out.Items, item)
	}
	return out, nil
}

// dueItem is an unfinished item as the start page shows it, with the
// reminder it is due for today, if any.
func dueItem(l string, it remind.Item, due remind.Due) templates.DueItem {
	item := templates.DueItem{Kind: "action", Id: it.Id, Href: it.Path(), Title: it.Named(it.Title), When: templates.DeadlineText(l, it.Date, it.Precision), Plan: it.Plan,
		Overdue: due.Kind == remind.Overdue, Tag: templates.ActionTag(l, it.Status)}
	if it.Collection == model.Controls {
		item.Kind, item.Tag = "control", templates.OutcomeTag(l, "")
	}
	switch due.Kind {
	case remind.DueToday:
		item.Reminder = templates.Tag{Text: i18n.T(l, "start.due_today"), Class: "tag--yellow"}
	case remind.DueSoon:
		item.Reminder = templates.Tag{Text: i18n.N(l, "start.due_in", due.Days, due.Days), Class: "tag--blue"}
	}
	return item
}
