// Package templates holds ikplan's templ components: the layout, each page
// and the fragments a page swaps, with the view data they take.
package templates

import (
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// Page is what every page's layout needs.
type Page struct {
	Lang  string
	User  *core.Record // nil on the sign-in pages
	Title string       // the page's own title, without the site name
	Nav   string       // the active menu item: start, plans, actions, risks, search, history, settings
	Path  string       // the request's path, for the language switch
	Error bool         // the page shows a refused form: its title starts with "Fel:"
	Count int          // the user's overdue and due-today items, shown beside the start link
	// the municipality's name and the address of its logo, from the
	// settings, in the header ("" when not set)
	Municipality, Logo string
	// NoAppURL: the signed-in user is a coordinator and no application URL
	// is set, so mails with links are held back: the banner says what to do
	NoAppURL bool
	// Flash is the confirmation of the change that led here, translated
	// ("Planen är antagen."): the layout shows it in a notification banner
	Flash string
	// Required reports whether a field of a collection must be filled in,
	// from the collection's schema (model.Required); FieldLabel marks the
	// others "(frivilligt)". nil: every field counts as required.
	Required func(collection, field string) bool
	// MaySettings asks the settings' update rule whether the user may
	// change them (nil: no); called only when the menu is drawn
	MaySettings func() bool
}

// FieldLabel is the label of a form field that saves field of collection:
// label, followed by "(frivilligt)" ("(optional)") when the schema lets the
// field be left empty — one rule for every form, so the mark cannot drift
// from what a save checks. A field a draft may leave empty but the plan's
// adoption needs (model.NeededToAdopt) says so instead.
func (p Page) FieldLabel(collection, field, label string) string {
	switch {
	case p.Required == nil || p.Required(collection, field):
		return label
	case model.NeededToAdopt(collection, field):
		return label + " " + p.T("form.needed_to_adopt")
	}
	return label + " " + p.T("form.optional")
}

// T translates key into the page's language.
func (p Page) T(key string, args ...any) string { return i18n.T(p.Lang, key, args...) }

// N is the text for key in the page's language when it counts n things:
// singular for one, plural otherwise (i18n.N).
func (p Page) N(key string, n int, args ...any) string { return i18n.N(p.Lang, key, n, args...) }

// FullTitle is the document title, "Fel: " first when a form was refused.
func (p Page) FullTitle() string {
	t := p.Title + " – ikplan"
	if p.Error {
		t = p.T("error.prefix") + t
	}
	return t
}

// MayReadHistory: the menu links the change history (coordinators and
// auditors, whom its page lets in).
func (p Page) MayReadHistory() bool {
	return p.User != nil && model.ActorFromAuth(p.User).MayReadHistory()
}

// MaySetSettings: the menu links the settings page when the settings'
// update rule lets the user change them (MaySettings asks it; today the
// coordinators, who set the municipality's name and logo).
func (p Page) MaySetSettings() bool {
	return p.User != nil && !p.User.IsSuperuser() && p.MaySettings != nil && p.MaySettings()
}

// UserName is the signed-in user's name or email.
func (p Page) UserName() string {
	if p.User == nil {
		return ""
	}
	if n := model.AsUser(p.User).Name(); n != "" {
		return n
	}
	return p.User.Email()
}

// FieldError is one refused field: its id in the form and the message.
type FieldError struct {
	Field   string
	Message string
}

// Errors are a refused form's messages, in the form's order.
type Errors []FieldError

// For is the message of a field, or "".
func (e Errors) For(field string) string {
	for _, fe := range e {
		if fe.Field == field {
			return fe.Message
		}
	}
	return ""
}

// htmxConfig makes htmx swap a 422 (a refused form) and leave out its
// inline indicator styles, which the Content-Security-Policy forbids.
const htmxConfig = `{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false,"responseHandling":[{"code":"204","swap":false},{"code":"[23]..","swap":true},{"code":"422","swap":true},{"code":"[45]..","swap":false,"error":true}]}`
