package pb_migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"

	"ikplan/internal/model"
)

func init() {
	m.Register(addBoardsNameInText, dropBoardsNameInText)
}

// addBoardsNameInText gives each board a name for running text — how its
// name reads inside a sentence ("kommunstyrelsen", "Västra Mälardalens
// överförmyndarnämnd") — and fills it for the boards there are with what
// the documents wrote until now (model.DefaultNameInText), so nothing they
// print changes until an administrator corrects a name in the dashboard.
func addBoardsNameInText(app core.App) error {
	boards, err := app.FindCollectionByNameOrId(model.Boards)
	if err != nil {
		return err
	}
	boards.Fields.AddAt(2, &core.TextField{Name: model.NameInTextField, Max: 200})
	if err := app.Save(boards); err != nil {
		return err
	}
	recs, err := app.FindAllRecords(boards)
	if err != nil {
		return err
	}
	for _, r := range recs {
		if r.GetString(model.NameInTextField) != "" {
			continue
		}
		r.Set(model.NameInTextField, model.DefaultNameInText(r.GetString("name")))
		if err := app.Save(r); err != nil {
			return err
		}
	}
	return nil
}

func dropBoardsNameInText(app core.App) error {
	boards, err := app.FindCollectionByNameOrId(model.Boards)
	if err != nil {
		return err
	}
	boards.Fields.RemoveByName(model.NameInTextField)
	return app.Save(boards)
}
