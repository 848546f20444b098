package web

import (
	"net/http"

	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/carry"
	"ikplan/internal/i18n"
	"ikplan/internal/model"
	"ikplan/templates"
)

// mayTransfer returns the board's successor when the user may transfer the
// board's items to it: the boards' update rule must let the user change
// both the giving board and the successor (a coordinator of both). It is
// nil otherwise, and when the board has no successor.
func mayTransfer(app core.App, user *core.Record, from *core.Record) *core.Record {
	id := model.AsBoard(from).Successor()
	if id == "" || !may(app, user, from, from.Collection().UpdateRule) {
		return nil
	}
	succ, err := view(app, user, model.Boards, id)
	if err != nil || !may(app, user, succ, succ.Collection().UpdateRule) {
		return nil
	}
	return succ
}

// transferBoard loads the board of the request for a transfer page: 404
// when the user may not see it, 403 when they may not transfer its items.
// A board without a successor passes with a nil successor: the page says why
// nothing can be transferred.
func (s *server) transferBoard(e *core.RequestEvent) (from, succ *core.Record, status int, err error) {
	from, err = view(e.App, e.Auth, model.Boards, e.Request.PathValue("id"))
	if err != nil {
		return nil, nil, 0, err
	}
	if !may(e.App, e.Auth, from, from.Collection().UpdateRule) {
		return nil, nil, http.StatusForbidden, nil
	}
	if model.AsBoard(from).Successor() == "" {
		return from, nil, 0, nil
	}
	if succ = mayTransfer(e.App, e.Auth, from); succ == nil {
		return nil, nil, http.StatusForbidden, nil
	}
	return from, succ, 0, nil
}

// boardTransfer handles "GET /boards/{id}/transfer": what would move to the
// board's successor, and the form that moves it.
func (s *server) boardTransfer(e *core.RequestEvent) error {
	from, succ, status, err := s.transferBoard(e)
	if err != nil {
		return err
	}
	if status != 0 {
		return s.errorPage(e, status)
	}
	v, err := s.transferView(e, from, succ)
	if err != nil {
		return err
	}
	p := s.page(e, "", "plans")
	p.Title = p.T("transfer.title") + " – " + model.AsBoard(from).Name()
	return s.render(e, http.StatusOK, p, templates.Transfer(p, v), nil)
}

// boardTransferApply handles "POST /boards/{id}/transfer": move the board's
// open items to its successor, then show the page again (Post/Redirect/Get).
func (s *server) boardTransferApply(e *core.RequestEvent) error {
	from, succ, status, err := s.transferBoard(e)
	if err != nil {
		return err
	}
	if status != 0 {
		return s.errorPage(e, status)
	}
	_, err = carry.Transfer(e.App, model.ActorFromAuth(e.Auth), from.Id, s.now())
	if err == nil {
		return done(e, "/boards/"+from.Id+"/transfer", i18n.M("flash.transferred", "successor", model.AsBoard(succ).Name(), "successor_text", model.BoardInText(succ)))
	}
	r := carry.AsRefusal(err)
	if r == nil {
		return err
	}
	v, verr := s.transferView(e, from, succ)
	if verr != nil {
		return verr
	}
	v.Refusal = r.Text(lang(e))
	v.Errors = templates.Errors{{Field: "transfer", Message: v.Refusal}}
	p := s.page(e, "", "plans")
	p.Title, p.Error = p.T("transfer.title")+" – "+model.AsBoard(from).Name(), true
	return s.render(e, http.StatusUnprocessableEntity, p, templates.Transfer(p, v), nil)
}

// transferView reads what would move; a refusal is shown, not raised.
func (s *server) transferView(e *core.RequestEvent, from, succ *core.Record) (templates.TransferView, error) {
	v := templates.TransferView{Board: from, BoardText: model.BoardInTextIn(lang(e), from)}
	if succ != nil {
		v.Successor, v.SuccessorGenitive = model.BoardInTextIn(lang(e), succ), model.BoardGenitiveIn(lang(e), succ)
		v.Reason = carry.TransferReason(model.BoardInText(succ))
	}
	sum, err := carry.Survey(e.App, from.Id, s.now())
	v.Summary = sum
	if r := carry.AsRefusal(err); r != nil {
		v.Refusal = r.Text(lang(e))
	} else if err != nil {
		return v, err
	}
	return v, nil
}
