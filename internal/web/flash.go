package web

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/internal/session"
	"ikplan/templates"
)

// A change that moves the user on to another page says what it did there,
// in a notification banner at the top of that page ("Planen är antagen.").
// The confirmation travels as a flash kept on the session row on the
// server: the change stores a catalogue key with its parameters, and the
// next whole page drawn for that session takes it (reading and clearing it
// in one statement) and translates it into the UI's language. So a reload
// does not show it again, and no address can make the banner say anything:
// there is nothing about it in the URL.

// flashPendingKey marks a request whose session holds a flash: its page is
// neither served from nor kept in the page cache.
const flashPendingKey = "ikplanFlashPending"

// done ends a successful change: m is kept for the next page, then the
// browser is sent to to (Post/Redirect/Get). A flash that cannot be kept
// is logged; the change itself is done.
func done(e *core.RequestEvent, to string, m i18n.Message) error {
	setFlash(e, m)
	return redirect(e, to)
}

// setFlash keeps m for the next page the request's session draws.
func setFlash(e *core.RequestEvent, m i18n.Message) {
	c, err := e.Request.Cookie(sessionCookieName(e))
	if err != nil || c.Value == "" {
		return
	}
	if err := session.SetFlash(e.App.DB(), c.Value, m); err != nil {
		e.App.Logger().Error("failed to keep a confirmation", "key", m.Key, "error", err)
	}
}

// takeFlash sets p.Flash to the session's confirmation, if it holds one,
// and clears it there.
func takeFlash(e *core.RequestEvent, p *templates.Page) {
	if pending, _ := e.Get(flashPendingKey).(bool); !pending {
		return
	}
	c, err := e.Request.Cookie(sessionCookieName(e))
	if err != nil {
		return
	}
	m, ok, err := session.TakeFlash(e.App.DB(), c.Value)
	if err != nil {
		e.App.Logger().Error("failed to take a confirmation", "error", err)
	}
	if ok {
		p.Flash = m.In(p.Lang)
	}
}

// statusFlash is the confirmation of a plan moved to status: forward, or
// back a step (back).
func statusFlash(status string, back bool) i18n.Message {
	switch {
	case back && status == model.PlanDraft:
		return i18n.M("flash.plan_reverted")
	case back && status == model.PlanAdopted:
		return i18n.M("flash.plan_reopened")
	case status == model.PlanAdopted:
		return i18n.M("flash.plan_adopted")
	case status == model.PlanReported:
		return i18n.M("flash.plan_reported")
	case status == model.PlanArchived:
		return i18n.M("flash.plan_archived")
	}
	return i18n.M("flash.plan_status")
}

// controlFlash is the confirmation key about control: its number and title.
func controlFlash(key string, control *core.Record) i18n.Message {
	return i18n.M(key, "number", model.AsControl(control).Number(), "title", model.AsControl(control).Title())
}

// carriedFlash is the confirmation of next year's plan, newId, made from
// the last: its year and how many controls it got.
func carriedFlash(app core.App, newId string) i18n.Message {
	year, n := 0, 0
	if plan, err := app.FindRecordById(model.Plans, newId); err == nil {
		year = model.AsPlan(plan).Year()
	}
	if c, err := app.CountRecords(model.Controls, dbx.HashExp{"plan": newId}); err == nil {
		n = int(c)
	}
	return i18n.MN("flash.plan_carried", n, "year", year, "count", n)
}
