package hooks

import (
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"

	"ikplan/internal/i18n"
	"ikplan/internal/model"
)

// bindSignIn keeps staff a way to sign in: the users collection's password
// sign-in may be switched off (PocketBase then refuses it in the REST API,
// and the web UI's sign-in, reset and "Glömt lösenord" follow the same
// option) only while an OAuth2 provider is enabled for them, and the last
// provider may not go while passwords are off. It is checked when the
// collection is validated, so the dashboard, the REST API's collections
// endpoint, an import of collections, a migration and the command line all
// meet it. Superusers are a collection of their own and keep their password.
func bindSignIn(app core.App) {
	app.OnCollectionValidate().BindFunc(func(e *core.CollectionEvent) error {
		if e.Collection.Name == model.Users && !model.SignInLeftOpen(e.Collection) {
			return validation.Errors{"passwordAuth": validation.Errors{
				"enabled": i18n.NewFieldError(i18n.M("ikplan.signin.password_needed")),
			}}
		}
		return e.Next()
	})
}
